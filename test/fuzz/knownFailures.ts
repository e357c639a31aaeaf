/*
 * The fuzz cases that fail, each with the item of issue 12 it belongs to: none today. A case
 * listed here is skipped, and checked to still fail: once its fix lands it turns up as "stale"
 * and must be deleted. Keep the lists empty; they exist so a defect found later can be recorded
 * exactly while it is being fixed.
 *
 * A key is `<function> <position> = <value>`, exactly as the suite reports it. `hangs` marks the
 * cases that run for many seconds or exhaust memory: those are run in a child process with a
 * deadline instead of in the test process. `slow` marks the cases whose only fault is the time
 * limit: they count as still failing while they take more than a quarter of the limit (timings
 * vary between machines by more than 2x).
 */

/** A fuzz case that fails today. */
export interface KnownFailure {
  /** The numbered item of issue 12 the fix belongs to. */
  readonly item: number;
  readonly key: string;
  readonly hangs?: true;
  readonly slow?: true;
}

export const KNOWN_FAILURES: readonly KnownFailure[] = [];

/** A CLI fuzz case (cliCases.ts) that fails today. */
export interface KnownCliFailure {
  readonly item: number;
  readonly key: string;
}

export const KNOWN_CLI_FAILURES: readonly KnownCliFailure[] = [];
