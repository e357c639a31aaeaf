/**
 * Timing whole commands for the CLI benchmarks: wall time and peak memory (maximum resident set
 * size) of one run, read from GNU time (`/usr/bin/time -v`; `apt-get install -y time`).
 */
import { execFileSync, spawnSync } from "node:child_process";

/** Wall seconds and peak RSS of one run. */
export interface CommandRun {
  readonly seconds: number;
  readonly rssMiB: number;
}

/** Fails early, with the fix, when GNU time is missing. */
export function requireGnuTime(): void {
  try {
    execFileSync("/usr/bin/time", ["--version"], { stdio: "ignore" });
  } catch {
    throw new Error("the CLI benchmarks need GNU time: apt-get install -y time");
  }
}

/** Runs `command args…` under `/usr/bin/time -v`; throws with its stderr when it fails. */
export function timeCommand(command: string, args: readonly string[]): CommandRun {
  const result = spawnSync("/usr/bin/time", ["-v", command, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${String(result.status)}): ${result.stderr.slice(-2000)}`);
  const elapsed = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  if (elapsed === null || maxRss === null) throw new Error(`cannot read /usr/bin/time output:\n${result.stderr}`);
  return { seconds: Number(elapsed[1] ?? 0) * 3600 + Number(elapsed[2]) * 60 + Number(elapsed[3]), rssMiB: Number(maxRss[1]) / 1024 };
}

/** The middle value (the upper middle of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
