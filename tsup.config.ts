import { defineConfig } from "tsup";

/*
 * ESM: the public entries, plus internal entries that cut the shared code into chunks a
 * bundler can drop (and the CLI's worker thread, src/cli/predictionThread.ts): money.ts imports decimal.js (which has module side effects), so it gets
 * an ESM file of its own; plainDecimal.ts, which money.ts re-exports, gets one too, so that
 * reading amounts does not pull in decimal.js. CJS: the library's five entries (the CLI is
 * ESM), with shared chunks so the entries share one RetentionInputError class.
 */
export default defineConfig([
  {
    entry: {
      index: "src/index.ts",
      node: "src/node.ts",
      schemas: "src/schemas.ts",
      notebook: "src/notebook.ts",
      sql: "src/sql.ts",
      cli: "src/cli/main.ts",
      predictionWorker: "src/cli/predictionWorker.ts",
      "internal/money": "src/core/money.ts",
      "internal/plainDecimal": "src/core/plainDecimal.ts",
    },
    format: "esm",
    dts: { entry: { index: "src/index.ts", node: "src/node.ts", schemas: "src/schemas.ts", notebook: "src/notebook.ts", sql: "src/sql.ts" } },
    clean: true,
  },
  {
    entry: { index: "src/index.ts", node: "src/node.ts", schemas: "src/schemas.ts", notebook: "src/notebook.ts", sql: "src/sql.ts" },
    format: "cjs",
    splitting: true,
    dts: true,
  },
]);
