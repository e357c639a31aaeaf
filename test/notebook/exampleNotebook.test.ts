import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { notebookScript } from "../../scripts/notebook/runNotebook";

/*
 * The example notebook itself runs in `npm run examples` (scripts/run-examples.ts), after the
 * build: with nbconvert and Deno's kernel where Jupyter is installed, else as a script. Here:
 * how its cells become that script, and that it imports only the published package.
 */
const notebook = readFileSync(new URL("../../examples/notebook.ipynb", import.meta.url), "utf8");

describe("the example notebook", () => {
  it("joins the code cells in order, skipping markdown", () => {
    const json = JSON.stringify({ cells: [{ cell_type: "code", source: ["const a = 1;\n", "a;"] }, { cell_type: "markdown", source: ["# x"] }, { cell_type: "code", source: "a + 1;" }] });
    expect(notebookScript(json)).toBe("const a = 1;\na;\na + 1;\n");
  });

  it("runs in Deno's kernel and imports only retention-metrics entries (which resolve to the build)", () => {
    const parsed = JSON.parse(notebook) as { metadata: { kernelspec: { name: string } }; cells: { cell_type: string; outputs?: unknown[] }[] };
    expect(parsed.metadata.kernelspec.name).toBe("deno");
    const imports = [...notebookScript(notebook).matchAll(/from "([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(imports)).toEqual(new Set(["retention-metrics", "retention-metrics/node", "retention-metrics/notebook"]));
    expect(parsed.cells.filter((cell) => cell.cell_type === "code").every((cell) => cell.outputs?.length === 0)).toBe(true);
  });
});
