import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "retention-metrics": new URL("./src/index.ts", import.meta.url).pathname } },
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test-prop.ts"],
    setupFiles: ["test/setup/failOnConsole.ts"],
    testTimeout: 30_000,
  },
});
