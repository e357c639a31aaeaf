/*
 * Child process of outOfProcess.ts: runs the fuzz case named on the command line and prints
 * `STARTED` before the call and `VERDICT ok` or `VERDICT <problem>` after it.
 */
import { CALLABLES, fuzzCasesOf } from "./catalog";
import { inputNamesNonFinite, judge } from "./verdict";

const [fn = "", key = ""] = process.argv.slice(2);
const call = CALLABLES.get(fn);
const fuzzCase = fuzzCasesOf(fn).find((c) => c.key === key);
if (call === undefined || fuzzCase === undefined) {
  process.stdout.write(`VERDICT no such case: ${key}\n`);
} else {
  const args = fuzzCase.args();
  process.stdout.write("STARTED\n");
  const verdict = await judge(() => call(...args), inputNamesNonFinite(fuzzCase.label));
  process.stdout.write(`VERDICT ${verdict.problem ?? "ok"}\n`);
}
