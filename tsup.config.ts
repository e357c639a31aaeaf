import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node.ts", cli: "src/cli/main.ts" },
  format: ["esm", "cjs"],
  // Shared chunks in CJS too, so the two entries share one RetentionInputError class.
  splitting: true,
  dts: true,
  clean: true,
});
