import { build, type Metafile } from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * The modules that `entry` loads through static imports (what Node loads before the entry's
 * code runs), and the packages each imports, from esbuild's metafile.
 */
async function staticGraph(entry: string): Promise<Map<string, string[]>> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: "node", format: "esm", packages: "external", outdir: "/tmp/retention-metrics-graph", logLevel: "silent" });
  const inputs: Metafile["inputs"] = result.metafile.inputs;
  const graph = new Map<string, string[]>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (graph.has(file)) continue;
    const imports = (inputs[file]?.imports ?? []).filter((edge) => edge.kind === "import-statement");
    graph.set(file, imports.filter((edge) => edge.external === true).map((edge) => edge.path));
    for (const edge of imports) if (edge.external !== true) queue.push(edge.path);
  }
  return graph;
}

// zod takes 120–200 ms to load on the 2-core benchmark machine, a large share of a
// `report` run's start-up (issue 13); only the `retention-metrics/schemas` and `/sql` entries and the
// commands that use a schema (loaded when asked for) need it.
describe("entries that load no zod", () => {
  it.each(["src/index.ts", "src/node.ts", "src/notebook.ts", "src/cli/main.ts", "src/cli/commands/report.ts", "src/cli/commands/summary.ts", "src/cli/commands/clv.ts"])("%s imports zod from no module it loads statically", async (entry) => {
    const graph = await staticGraph(entry);
    expect(graph.size).toBeGreaterThan(10);
    const zodImporters = [...graph].filter(([, packages]) => packages.some((name) => name === "zod" || name.startsWith("zod/"))).map(([file]) => file);
    expect(zodImporters).toEqual([]);
  });

  it("the schemas entry does load it", async () => {
    const graph = await staticGraph("src/schemas.ts");
    expect([...graph.values()].flat()).toContain("zod/mini");
  });
});
