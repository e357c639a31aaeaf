import { appendFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CALLABLES, fuzzCasesOf } from "./catalog";
import { KNOWN_FAILURES, type KnownFailure } from "./knownFailures";
import { CALL_LIMIT_MS, inputNamesNonFinite, judge } from "./verdict";

/*
 * The fuzz of the public module (issue 12, "What must show it"): every exported function of
 * `retention-metrics`, `readLedger` of `retention-metrics/node` and every schema of
 * `retention-metrics/schemas`, called with one hostile value at a time in each position of a
 * valid call (see mutations.ts and ../arbitraries/hostile.ts). Each call must throw a typed
 * error or return a result with no NaN, Infinity, Invalid Date or non-finite Decimal inside,
 * within a second. Cases are seeded: the same on every run.
 *
 * A failure is reported as `<function> <position> = <value>: <what went wrong>`. The cases in
 * KNOWN_FAILURES (knownFailures.ts) fail today and are skipped; each is checked to still fail
 * (the ones that hang, in knownHangs.test.ts).
 * With FUZZ_FAILURES_OUT=FILE, every failing case (known or not) is appended to FILE, one a line.
 */

const knownByKey = new Map<string, KnownFailure>(KNOWN_FAILURES.map((known) => [known.key, known]));

describe("fuzz: every exported function answers hostile values", () => {
  it("lists each known failure once", () => {
    expect(knownByKey.size).toBe(KNOWN_FAILURES.length);
  });

  it.each([...CALLABLES.keys()])("%s", async (fn) => {
    const call = CALLABLES.get(fn)!;
    const cases = fuzzCasesOf(fn);
    const unexpected: string[] = [];
    const stale: string[] = [];
    for (const fuzzCase of cases) {
      const known = knownByKey.get(fuzzCase.key);
      if (known?.hangs === true) continue;
      const run = () => judge(() => call(...fuzzCase.args()), inputNamesNonFinite(fuzzCase.label));
      let verdict = await run();
      // A call over the limit gets a second run: the machine is shared, timings are noisy.
      if (verdict.problem !== null && verdict.ms > CALL_LIMIT_MS && known === undefined) verdict = await run();
      if (process.env.FUZZ_FAILURES_OUT !== undefined && verdict.problem !== null) appendFileSync(process.env.FUZZ_FAILURES_OUT, `api\t${fuzzCase.key}\t${verdict.problem}\n`);
      const stillFails = known?.slow === true ? verdict.ms > CALL_LIMIT_MS / 4 : verdict.problem !== null;
      if (known === undefined && verdict.problem !== null) unexpected.push(`${fuzzCase.key}: ${verdict.problem}`);
      if (known !== undefined && !stillFails) stale.push(`${fuzzCase.key} (issue 12 item ${known.item}) now passes: delete it from KNOWN_FAILURES`);
    }
    const keys = new Set(cases.map((c) => c.key));
    for (const known of KNOWN_FAILURES) {
      if (known.key.startsWith(`${fn} `) && !keys.has(known.key)) stale.push(`${known.key} is no longer a case: delete it from KNOWN_FAILURES`);
    }
    const report = [
      ...(unexpected.length > 0 ? [`${unexpected.length} of ${cases.length} hostile calls of ${fn} failed:`, ...unexpected] : []),
      ...(stale.length > 0 ? [`known failures of ${fn} that no longer fail:`, ...stale] : []),
    ];
    expect(report, report.join("\n")).toEqual([]);
  }, 120_000);
});
