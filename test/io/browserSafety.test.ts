import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../cli/spawnCli";

/** Every module `entry` imports, directly or not, with the specifiers of its package imports. */
function importGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (graph.has(file)) return;
    const packages: string[] = [];
    graph.set(file, packages);
    const code = readFileSync(file, "utf8");
    for (const [, specifier] of code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
      if (specifier === undefined) continue;
      if (specifier.startsWith(".")) visit(`${resolve(dirname(file), specifier)}.ts`);
      else packages.push(specifier);
    }
  };
  visit(join(ROOT, entry));
  return graph;
}

const isNodeBuiltin = (specifier: string): boolean => specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]!);

describe("the core entry runs in browsers and Deno", () => {
  it("parseLedgerText and the core entry import nothing from node:", () => {
    for (const entry of ["src/io/parseLedgerText.ts", "src/index.ts"]) {
      const graph = importGraph(entry);
      expect(graph.size).toBeGreaterThan(entry === "src/index.ts" ? 50 : 10);
      const found = [...graph].flatMap(([file, packages]) => packages.filter(isNodeBuiltin).map((p) => `${file}: ${p}`));
      expect(found).toEqual([]);
    }
  });

  it("the check sees the Node entry's imports", () => {
    const found = [...importGraph("src/node.ts").values()].flat().filter(isNodeBuiltin);
    expect(found).toEqual(expect.arrayContaining(["node:fs", "node:stream", "node:zlib"]));
  });
});
