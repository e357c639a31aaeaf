import { defineConfig } from "tsup";

/*
 * ESM: the public entries, plus internal entries that cut the shared code into chunks a
 * bundler can drop: money.ts imports decimal.js (which has module side effects), so it gets
 * an ESM file of its own; plainDecimal.ts, which money.ts re-exports, gets one too, so that
 * reading amounts does not pull in decimal.js. CJS: the library's three entries, with shared
 * chunks so the entries share one RetentionInputError class. The CLI: a build of its own, whose
 * chunks follow its commands alone (a `report` run loads 34 of our modules instead of the 54 it
 * loaded from the library's finer chunks), and whose commands still load only their own
 * code and packages (issue 13).
 */
export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      node: "src/node.ts",
      schemas: "src/schemas.ts",
      "internal/money": "src/core/money.ts",
      "internal/plainDecimal": "src/core/plainDecimal.ts",
    },
    format: "esm",
    dts: { entry: { index: "src/index.ts", node: "src/node.ts", schemas: "src/schemas.ts" } },
    clean: true,
  },
  {
    entry: { index: "src/index.ts", node: "src/node.ts", schemas: "src/schemas.ts" },
    format: "cjs",
    splitting: true,
    dts: true,
  },
  { entry: { cli: "src/cli/main.ts" }, format: "esm" },
]);
