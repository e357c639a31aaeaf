import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Budgets for `npm i retention-metrics` in an empty folder (issue 11): 40 MB read as 40,000,000
 * bytes on disk, the stricter reading, raised to 41 MB in issue 14 and to 42 MB in issue 16 (docs/packaging.md).
 */
export const INSTALL_BUDGET = { packages: 40, megabytes: 42 } as const;

export interface InstallFootprint {
  /** Packages installed, the library itself included (entries of node_modules/.package-lock.json). */
  readonly packages: number;
  /** `du -sk node_modules`: disk use in KiB, what `du -sh` reports. */
  readonly diskKib: number;
  /** `du -sk --apparent-size node_modules`: the files' own sizes in KiB. */
  readonly apparentKib: number;
  readonly names: readonly string[];
}

/** Measures the installed project's node_modules. */
export function measureInstall(project: string): InstallFootprint {
  const lock = JSON.parse(readFileSync(join(project, "node_modules", ".package-lock.json"), "utf8")) as { packages: Record<string, unknown> };
  const names = Object.keys(lock.packages).map((path) => path.replace(/^.*node_modules\//, "")).sort();
  const du = (...flags: string[]): number =>
    Number(execFileSync("du", ["-sk", ...flags, "node_modules"], { cwd: project, encoding: "utf8" }).split(/\s/)[0]);
  return { packages: names.length, diskKib: du(), apparentKib: du("--apparent-size"), names };
}

/** Prints the footprint; returns the budget failures (empty when within budget). */
export function checkInstall(footprint: InstallFootprint): string[] {
  const mib = (kib: number): string => (kib / 1024).toFixed(1);
  const mb = (kib: number): string => ((kib * 1024) / 1e6).toFixed(1);
  console.log(
    `install: ${footprint.packages} packages (${footprint.names.join(", ")}), ` +
      `${mib(footprint.diskKib)} MiB = ${mb(footprint.diskKib)} MB on disk (du -sk), ${mib(footprint.apparentKib)} MiB of files`,
  );
  const failures: string[] = [];
  if (footprint.packages > INSTALL_BUDGET.packages) failures.push(`install adds ${footprint.packages} packages, budget ${INSTALL_BUDGET.packages}`);
  if (footprint.diskKib * 1024 > INSTALL_BUDGET.megabytes * 1e6) failures.push(`install takes ${mb(footprint.diskKib)} MB, budget ${INSTALL_BUDGET.megabytes} MB`);
  return failures;
}
