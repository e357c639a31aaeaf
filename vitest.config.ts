import { defineConfig } from "vitest/config";

const source = (path: string): string => new URL(path, import.meta.url).pathname;

export default defineConfig({
  // Subpaths first: an alias also matches imports that start with its key and a slash.
  resolve: {
    alias: {
      "retention-metrics/node": source("./src/node.ts"),
      "retention-metrics/schemas": source("./src/schemas.ts"),
      "retention-metrics/notebook": source("./src/notebook.ts"),
      "retention-metrics/sql": source("./src/sql.ts"),
      "retention-metrics": source("./src/index.ts"),
    },
  },
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test-prop.ts"],
    setupFiles: ["test/setup/failOnConsole.ts"],
    testTimeout: 30_000,
  },
});
