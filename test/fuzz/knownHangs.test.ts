import { describe, expect, it } from "vitest";
import { KNOWN_FAILURES } from "./knownFailures";
import { runOutOfProcess } from "./outOfProcess";
import { CALL_LIMIT_MS } from "./verdict";

/*
 * The known fuzz failures that hang or exhaust memory (`hangs: true` in knownFailures.ts) are
 * not run by api.fuzz.test.ts: each runs here in a child process, killed past twice the call
 * limit, and must still fail. When a fix makes one answer in time, this test says so and the
 * entry is to be deleted.
 */

const hangs = KNOWN_FAILURES.filter((known) => known.hangs === true);

describe.runIf(hangs.length > 0)("fuzz: known hangs still hang", () => {
  it.concurrent.each(hangs.map((known) => [known.key, known] as const))("%s", async (key, known) => {
    const fn = key.slice(0, key.indexOf(" "));
    const verdict = await runOutOfProcess(fn, key, 2 * CALL_LIMIT_MS);
    expect(verdict, `${key} (issue 12 item ${known.item}) now passes: delete it from KNOWN_FAILURES`).not.toBe("ok");
  }, 60_000);
});
