/**
 * Timing whole commands for the CLI benchmarks: wall time, peak memory (maximum resident set
 * size), system time and page faults of one run, read from GNU time (`/usr/bin/time -v`;
 * `apt-get install -y time`).
 */
import { execFileSync, spawnSync } from "node:child_process";

/** Wall seconds, peak RSS, system seconds and minor page faults (first touches of new memory) of one run. */
export interface CommandRun {
  readonly seconds: number;
  readonly rssMiB: number;
  readonly systemSeconds: number;
  readonly pageFaults: number;
}

/** One run as the benchmarks print it. */
export const showRun = (run: CommandRun): string => `${run.seconds.toFixed(2)} s, ${run.rssMiB.toFixed(0)} MiB, ${run.pageFaults} page faults, ${run.systemSeconds.toFixed(2)} s system`;

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
  const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr);
  const faults = /Minor \(reclaiming a frame\) page faults: (\d+)/.exec(result.stderr);
  if (elapsed === null || maxRss === null || system === null || faults === null) throw new Error(`cannot read /usr/bin/time output:\n${result.stderr}`);
  return { seconds: Number(elapsed[1] ?? 0) * 3600 + Number(elapsed[2]) * 60 + Number(elapsed[3]), rssMiB: Number(maxRss[1]) / 1024, systemSeconds: Number(system[1]), pageFaults: Number(faults[1]) };
}

/** The middle value (the upper middle of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
