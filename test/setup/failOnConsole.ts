import { afterEach, beforeEach, vi } from "vitest";

/** A test fails if it writes to the console: library code must stay silent. */
const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
const written: string[] = [];

beforeEach(() => {
  written.length = 0;
  for (const method of methods) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      written.push(`console.${method}: ${args.map(String).join(" ")}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (written.length > 0) throw new Error(`test wrote to the console:\n${written.join("\n")}`);
});
