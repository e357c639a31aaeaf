/**
 * Checks the built library: the core, notebook and SQL entries must run in browsers, Deno and Bun,
 * so they may not import `node:` modules (or Node built-ins by bare name), and both formats must load.
 * Prints the bundle sizes (raw and gzipped) so changes in size are visible. Checks that the
 * CLI's worker thread is built beside the chunk that starts it, and answers.
 */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { MessageChannel, Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";

/** Everything the library, notebook and SQL entries can load: both formats of them and the chunks they import (not the Node-only entry's). */
const reachable = new Set<string>();
const visit = (name: string): void => {
  if (reachable.has(name)) return;
  reachable.add(name);
  for (const [, chunk] of readFileSync(`dist/${name}`, "utf8").matchAll(/(?:from\s*|require\(\s*|import\(\s*)["']\.\/([^"']+)["']/g)) visit(chunk!);
};
visit("index.js");
visit("index.cjs");
visit("notebook.js");
visit("notebook.cjs");
visit("sql.js");
visit("sql.cjs");
const files = readdirSync("dist")
  .filter((name) => reachable.has(name))
  .sort()
  .map((name) => `dist/${name}`);
const builtins = /(?:from\s*|require\(\s*|import\(\s*)["'](node:[^"']+|fs|path|os|process|child_process|zlib|crypto|stream)["']/;
let failed = false;
for (const file of files) {
  const code = readFileSync(file, "utf8");
  const found = builtins.exec(code);
  if (found !== null) {
    console.log(`FAIL ${file} imports ${found[1]}`);
    failed = true;
  }
  console.log(`${file}: ${(code.length / 1024).toFixed(1)} KiB, ${(gzipSync(code).length / 1024).toFixed(1)} KiB gzipped`);
}
const esm = (await import(new URL("../dist/index.js", import.meta.url).href)) as Record<string, unknown>;
const cjs = createRequire(import.meta.url)("../dist/index.cjs") as Record<string, unknown>;
for (const [name, entry] of [["ESM", esm], ["CJS", cjs]] as const) {
  if (typeof entry.createLedger !== "function" || typeof entry.retentionRate !== "function") {
    console.log(`FAIL the ${name} build does not export createLedger and retentionRate`);
    failed = true;
  }
}
const nodeEsm = (await import(new URL("../dist/node.js", import.meta.url).href)) as Record<string, unknown>;
const nodeCjs = createRequire(import.meta.url)("../dist/node.cjs") as Record<string, unknown>;
if (typeof nodeEsm.readLedger !== "function" || typeof nodeCjs.readLedger !== "function") {
  console.log("FAIL the Node entry (retention-metrics/node) does not export readLedger in both formats");
  failed = true;
}
const notebookEsm = (await import(new URL("../dist/notebook.js", import.meta.url).href)) as Record<string, unknown>;
const notebookCjs = createRequire(import.meta.url)("../dist/notebook.cjs") as Record<string, unknown>;
if (typeof notebookEsm.display !== "function" || typeof notebookCjs.display !== "function") {
  console.log("FAIL the notebook entry (retention-metrics/notebook) does not export display in both formats");
  failed = true;
}
const sqlEsm = (await import(new URL("../dist/sql.js", import.meta.url).href)) as Record<string, unknown>;
const sqlCjs = createRequire(import.meta.url)("../dist/sql.cjs") as Record<string, unknown>;
if (typeof sqlEsm.quoteIdentifier !== "function" || typeof sqlCjs.quoteIdentifier !== "function") {
  console.log("FAIL the SQL entry (retention-metrics/sql) does not export quoteIdentifier in both formats");
  failed = true;
}
if (Object.keys(esm).sort().join() !== Object.keys(cjs).sort().join()) {
  console.log("FAIL the ESM and CJS builds export different names");
  failed = true;
}
// The report's second thread (src/cli/predictionThread.ts): the built worker loads beside the CLI's chunks and answers a job.
const cliChunks = readdirSync("dist").filter((name) => name.endsWith(".js") && readFileSync(`dist/${name}`, "utf8").includes('"./predictionWorker.js"'));
const workerAnswer = await new Promise<string>((resolve) => {
  const channel = new MessageChannel();
  const rows = { count: 3, frequency: Float64Array.of(2, 1, 0), recency: Float64Array.of(30, 20, 0), T: Float64Array.of(40, 40, 40), monetary: Float64Array.of(10, 5, 0), weight: Float64Array.of(1, 1, 1), timeUnit: "day" };
  const worker = new Worker(new URL("../dist/predictionWorker.js", import.meta.url), { workerData: { port: channel.port1, signal: new Int32Array(new SharedArrayBuffer(8)), warmUp: false }, transferList: [channel.port1] });
  worker.on("error", (error) => resolve(`an error: ${error.message}`));
  channel.port2.once("message", (message: { kind: string }) => {
    resolve(message.kind);
    void worker.terminate();
    channel.port2.close();
  });
  channel.port2.postMessage({ rows, penalizer: 0.01, horizon: 30, discountRate: 0, timeUnit: "day", calibrationRows: undefined });
});
if (cliChunks.length === 0 || workerAnswer !== "bgNbd") {
  console.log(`FAIL the CLI's worker: ${cliChunks.length} chunk(s) in dist/ start it; its first answer was ${workerAnswer}, not the BG/NBD fit`);
  failed = true;
}
process.exit(failed ? 1 : 0);
