import { Decimal as ArrowDecimal, Dictionary, Int32, makeData, makeVector, Table, TimestampMillisecond, Utf8, vectorFromArray } from "apache-arrow";
import type { Purchase } from "../src/index";
import { collectGarbage, freshPageMicros } from "./harness";

/** The same purchases as columns of plain arrays, exactly as the rows hold them (ISO strings, decimal strings). */
export function asArrayColumns(purchases: readonly Purchase[]) {
  return {
    customerId: purchases.map((row) => row.customerId),
    at: purchases.map((row) => row.at),
    amount: purchases.map((row) => row.amount),
  };
}

/** The same purchases as typed columns: epoch milliseconds and float amounts. */
export function asTypedColumns(purchases: readonly Purchase[]) {
  return {
    customerId: purchases.map((row) => row.customerId),
    at: Float64Array.from(purchases, (row) => Date.parse(String(row.at))),
    amount: Float64Array.from(purchases, (row) => Number(row.amount)),
  };
}

/** The same purchases as an Arrow table: dictionary-encoded ids, millisecond timestamps, Decimal128(12, 2) amounts. */
export function asArrowTable(purchases: readonly Purchase[]): Table {
  const words = new Uint32Array(purchases.length * 4);
  purchases.forEach((row, i) => {
    const cents = Math.round(Number(row.amount) * 100);
    words[i * 4] = cents >>> 0;
    const fill = cents < 0 ? 0xffffffff : 0;
    words[i * 4 + 1] = fill;
    words[i * 4 + 2] = fill;
    words[i * 4 + 3] = fill;
  });
  return new Table({
    customerId: vectorFromArray(purchases.map((row) => row.customerId), new Dictionary(new Utf8(), new Int32())),
    at: vectorFromArray(purchases.map((row) => new Date(String(row.at))), new TimestampMillisecond()),
    amount: makeVector(makeData({ type: new ArrowDecimal(2, 12, 128), length: purchases.length, data: words })),
  });
}

/**
 * Run as a script, times `createLedger` on 1M generated purchases in each shape and prints the
 * medians of 7 runs against issue 13's targets (wall and CPU time: this machine is shared, and
 * CPU time is what a busy machine distorts least), and the page faults of a build (first
 * touches of new memory, priced by the `freshPageMicros` line printed first). Each shape is
 * built from freshly generated rows, which are then dropped and the heap collected before any
 * timing (and again before each timed run), so a major GC during a build walks only what a
 * program reading that shape would hold (the input and the ledgers), not the fixture's 1M row
 * objects. Given the root of another copy of the code (say `mkdir /tmp/base && git archive main
 * | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/`), it alternates that copy's build and this one on the same inputs in the same
 * process and prints both medians and their ratio. A second argument names the shapes to time
 * (`rows`, `arrays`, `typed`, `arrow`, comma-separated), so each can run in a process of its
 * own, where the engine compiles its code for that shape alone, as in a program that reads one.
 *
 * Run: npx tsx bench/ledgerInputShapes.ts [/path/to/baseline/checkout [rows,arrays,typed,arrow]]
 */
async function main(baselineRoot: string | undefined, only: string | undefined): Promise<void> {
  const { generatePurchases } = await import("./generate");
  const current = await import("../src/index");
  const baseline: typeof current | null = baselineRoot === undefined ? null : await import(`${baselineRoot}/src/index.ts`);
  const allShapes: [string, string, number, (purchases: Purchase[]) => unknown][] = [
    ["rows", "rows: Purchase[]", 400, (purchases) => purchases],
    ["arrays", "columns: plain arrays", 150, (purchases) => ({ purchases: asArrayColumns(purchases) })],
    ["typed", "columns: Float64Array at, amount", 150, (purchases) => ({ purchases: asTypedColumns(purchases) })],
    ["arrow", "Arrow (dictionary, ms, Decimal128)", 150, (purchases) => asArrowTable(purchases)],
  ];
  const wanted = only?.split(",");
  const shapes = allShapes.filter(([key]) => wanted === undefined || wanted.includes(key)).map(([, ...rest]) => rest);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const time = (build: () => unknown) => {
    const faults = process.resourceUsage().minorPageFault;
    const cpu = process.cpuUsage();
    const started = performance.now();
    build();
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000, faults: process.resourceUsage().minorPageFault - faults };
  };
  console.log(`this machine now: ${freshPageMicros().toFixed(1)} µs per first touch of a 4 KiB page of new memory`);
  for (const [name, target, make] of shapes) {
    const input = make(generatePurchases({ purchases: 1_000_000 })) as Parameters<typeof current.createLedger>[0];
    const runs = { new: [] as { wall: number; cpu: number; faults: number }[], old: [] as { wall: number; cpu: number; faults: number }[] };
    current.createLedger(input);
    baseline?.createLedger(input);
    const timeAfterGc = (build: () => unknown) => {
      collectGarbage();
      return time(build);
    };
    for (let r = 0; r < 7; r++) {
      if (baseline !== null && r % 2 === 1) runs.old.push(timeAfterGc(() => baseline.createLedger(input)));
      runs.new.push(timeAfterGc(() => current.createLedger(input)));
      if (baseline !== null && r % 2 === 0) runs.old.push(timeAfterGc(() => baseline.createLedger(input)));
    }
    const wall = median(runs.new.map((t) => t.wall));
    const cpu = median(runs.new.map((t) => t.cpu));
    const faults = median(runs.new.map((t) => t.faults));
    let line = `${name.padEnd(36)} wall ${wall.toFixed(0).padStart(5)} ms  cpu ${cpu.toFixed(0).padStart(5)} ms  ${faults} page faults  target ${target} ms: ${wall <= target ? "met" : "MISSED"}`;
    if (baseline !== null) {
      const oldWall = median(runs.old.map((t) => t.wall));
      const oldCpu = median(runs.old.map((t) => t.cpu));
      line += `  | baseline wall ${oldWall.toFixed(0)} ms, cpu ${oldCpu.toFixed(0)} ms; new/old wall ${(wall / oldWall).toFixed(2)}, cpu ${(cpu / oldCpu).toFixed(2)}`;
    }
    console.log(line);
  }
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) await main(process.argv[2], process.argv[3]);
