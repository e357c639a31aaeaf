import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";

/** How a notebook was run, and what went wrong (null when it ran). */
export interface NotebookRun {
  readonly how: "nbconvert" | "script";
  readonly problem: string | null;
}

/**
 * The code cells of a notebook (nbformat 4), joined into one module in order, as a kernel runs
 * them one after the other in one scope.
 *
 * @example
 * notebookScript('{"cells":[{"cell_type":"code","source":["const a = 1;\\n","a;"]}]}') //=> "const a = 1;\na;\n"
 */
export function notebookScript(json: string): string {
  const notebook = JSON.parse(json) as { cells?: { cell_type?: string; source?: string | string[] }[] };
  return (notebook.cells ?? [])
    .filter((cell) => cell.cell_type === "code")
    .map((cell) => `${Array.isArray(cell.source) ? cell.source.join("") : cell.source ?? ""}\n`)
    .join("");
}

const env = { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };

/** True when Jupyter's nbconvert can be run (Debian's jupyter-nbconvert, or a pip install). */
export function hasNbconvert(): boolean {
  return spawnSync("jupyter", ["nbconvert", "--version"], { stdio: "ignore", env }).status === 0;
}

/**
 * Executes `notebook` with `jupyter nbconvert --execute` in Deno's kernel: the kernel spec
 * (`deno jupyter --kernel`, the npm package's binary) is written to a temporary JUPYTER_PATH,
 * so nothing is installed for the user. Checks that the results displayed as HTML and that a
 * Vega-Lite chart came out.
 */
function runWithNbconvert(notebook: string, deno: string): string | null {
  const root = mkdtempSync(join(tmpdir(), "retention-metrics-notebook-"));
  try {
    mkdirSync(join(root, "kernels", "deno"), { recursive: true });
    writeFileSync(join(root, "kernels", "deno", "kernel.json"), JSON.stringify({ argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"], display_name: "Deno", language: "typescript" }));
    const output = join(root, basename(notebook));
    const run = spawnSync("jupyter", ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=deno", "--ExecutePreprocessor.timeout=300", "--output", output, notebook], {
      cwd: dirname(notebook),
      encoding: "utf8",
      env: { ...env, JUPYTER_PATH: root },
    });
    if (run.status !== 0) return `nbconvert exited ${run.status}:\n${run.stderr}`;
    const cells = (JSON.parse(readFileSync(output, "utf8")) as { cells: { outputs?: { data?: Record<string, unknown> }[] }[] }).cells;
    const shown = new Set(cells.flatMap((cell) => (cell.outputs ?? []).flatMap((out) => Object.keys(out.data ?? {}))));
    const missing = ["text/html", "application/vnd.vegalite.v5+json"].filter((mime) => !shown.has(mime));
    return missing.length === 0 ? null : `no output of type ${missing.join(", ")}`;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Runs the notebook's code cells as one Deno module (read from stdin), in the notebook's folder. */
function runAsScript(notebook: string, deno: string): string | null {
  const run = spawnSync(deno, ["run", "--allow-all", "--ext=ts", "-"], { cwd: dirname(notebook), input: notebookScript(readFileSync(notebook, "utf8")), encoding: "utf8", env });
  return run.status === 0 ? null : `deno exited ${run.status}:\n${run.stderr}`;
}

/**
 * Runs an example notebook against the built package: with nbconvert and Deno's Jupyter
 * kernel where Jupyter is installed, else its code cells as a script with the same Deno
 * (`how` picks one).
 */
export function runNotebook(notebook: string, repo: string, how: NotebookRun["how"] = hasNbconvert() ? "nbconvert" : "script"): NotebookRun {
  const deno = resolve(repo, "node_modules", "deno", "deno");
  const path = resolve(notebook);
  return { how, problem: how === "nbconvert" ? runWithNbconvert(path, deno) : runAsScript(path, deno) };
}
