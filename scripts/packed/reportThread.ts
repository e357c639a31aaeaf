import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * The installed CLI's `report` with its worker thread and without (`RETENTION_METRICS_WORKER=0`)
 * on the bundled CDNOW sample: the worker's file must ship, and both reports must be the same
 * bytes. Returns the failures (empty when both hold).
 */
export function checkReportThread(repo: string, project: string): string[] {
  const cli = join(project, "node_modules", "retention-metrics", "dist", "cli.js");
  if (!existsSync(join(project, "node_modules", "retention-metrics", "dist", "internal", "reportWorker.js"))) return ["the package lacks dist/internal/reportWorker.js, the report's worker thread"];
  const report = (worker: string): { status: number | null; stdout: string; stderr: string } =>
    spawnSync(process.execPath, [cli, "report", "--purchases", join(repo, "examples", "data", "cdnow-sample.csv"), "--penalizer", "0.001", "--format", "json"], {
      encoding: "utf8",
      env: { ...process.env, RETENTION_METRICS_WORKER: worker },
    });
  const threaded = report("1");
  const single = report("0");
  if (threaded.status !== 0 || single.status !== 0) return [`the installed CLI's report failed: ${threaded.stderr}${single.stderr}`];
  if (threaded.stdout !== single.stdout) return ["the installed CLI's report differs with its worker thread and without (RETENTION_METRICS_WORKER=0)"];
  console.log(`report: the same ${threaded.stdout.length.toLocaleString("en-US")} bytes of JSON with the worker thread and without`);
  return [];
}
