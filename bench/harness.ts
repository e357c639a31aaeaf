/**
 * A small benchmark harness: runs a function a few times after a warm-up and prints the
 * median, minimum and maximum wall time. Benchmarks are scripts (`npx tsx bench/<name>.ts`),
 * not timed tests: this 2-core machine is noisy, so targets are checked by reading medians.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined;

/**
 * Runs a full garbage collection (V8's `gc()`, exposed on first use), so that a timed run
 * does not pay for collecting what the benchmark built before it: fixtures such as a million
 * generated rows, or earlier runs' results. The run still pays for its own allocations.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}
export interface Measurement {
  readonly name: string;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly runs: number;
  readonly targetMs: number | undefined;
}

/**
 * Times `fn` `runs` times (after `warmup` untimed runs) and prints one line. With `collect`,
 * the heap is collected before each timed run (`collectGarbage`), and the line says so.
 */
export function measure(name: string, fn: () => unknown, options: { runs?: number; warmup?: number; targetMs?: number; collect?: boolean } = {}): Measurement {
  const runs = options.runs ?? 7;
  for (let i = 0; i < (options.warmup ?? 1); i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (options.collect === true) collectGarbage();
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)]!;
  const result = { name, medianMs, minMs: times[0]!, maxMs: times[times.length - 1]!, runs, targetMs: options.targetMs };
  const verdict = options.targetMs === undefined ? "" : medianMs <= options.targetMs ? `  (target ${options.targetMs} ms: met)` : `  (target ${options.targetMs} ms: MISSED)`;
  console.log(`${name.padEnd(48)} median ${medianMs.toFixed(1).padStart(8)} ms  min ${result.minMs.toFixed(1)}  max ${result.maxMs.toFixed(1)}  n=${runs}${options.collect === true ? ", heap collected before each run" : ""}${verdict}`);
  return result;
}

/**
 * Prints the median CPU time (user + system, this process) of `fn` over `runs` runs: on a
 * shared machine, less inflated by other work than wall time.
 */
export function measureCpu(name: string, fn: () => unknown, runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${`${name}: CPU time`.padEnd(48)} median ${median.toFixed(1).padStart(8)} ms  min ${times[0]!.toFixed(1)}  n=${runs}`);
  return median;
}

/**
 * Runs `query` once to warm up, then `runs` times, and prints the median wall time under `name`
 * (a peer's query, such as DuckDB's SQL, timed as `measure` times ours); returns the median and
 * the last answer, for comparing figures.
 */
export async function measureQuery<T>(name: string, query: () => Promise<T>, runs: number): Promise<{ medianMs: number; answer: T }> {
  let answer = await query();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    answer = await query();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)]!;
  console.log(`${name.padEnd(48)} median ${medianMs.toFixed(1).padStart(8)} ms  min ${times[0]!.toFixed(1)}  max ${times[times.length - 1]!.toFixed(1)}  n=${runs}`);
  return { medianMs, answer };
}

/** Bytes of the array `freshPageMicros` fills: above glibc's largest mmap threshold (32 MiB), so each is new memory from the kernel. */
const FRESH_BYTES = 64 << 20;

/**
 * What a first touch of new memory costs here, in µs per 4 KiB page: a new 64 MiB array
 * filled, less the same array filled again, over its 16,384 pages (median of 3). Every new
 * column a benchmark builds pays it (a 1M-row ledger from Arrow touches about 10,000 new
 * pages), and on this project's 2-core VM it moves from run to run (issue 13, sixth round:
 * 11.6–16.1 µs, where refilling a page already in use took about 0.3 µs), so the benchmarks
 * print it beside their times.
 */
export function freshPageMicros(): number {
  const costs: number[] = [];
  for (let run = 0; run < 3; run++) {
    collectGarbage();
    const started = performance.now();
    const array = new Float64Array(FRESH_BYTES / 8);
    array.fill(1);
    const touched = performance.now();
    array.fill(2);
    const refilled = performance.now();
    costs.push(((touched - started - (refilled - touched)) * 1000) / (FRESH_BYTES / 4096));
  }
  return costs.sort((a, b) => a - b)[1]!;
}
