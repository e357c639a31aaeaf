/*
 * The fuzz cases that fail on this branch, each with the item of issue 12 it belongs to. The
 * suite skips them, and checks that each still fails: once a fix lands, its entries turn up as
 * "stale" and must be deleted here, until the list is empty.
 *
 * A key is `<function> <position> = <value>`, exactly as the suite reports it. `hangs` marks the
 * cases that run for many seconds or exhaust memory: those are run in a child process with a
 * deadline instead of in the test process. `slow` marks the cases whose only fault is the time
 * limit: they count as still failing while they take more than half the limit.
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

/** A CLI fuzz case (cliCases.ts) that fails today; `hangs` ones are not run in the test process. */
export interface KnownCliFailure {
  readonly item: number;
  readonly key: string;
  readonly hangs?: true;
}

export const KNOWN_CLI_FAILURES: readonly KnownCliFailure[] = [];
