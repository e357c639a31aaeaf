import type { Writable } from "node:stream";

/**
 * Makes a closed pipe on stdout (`retention-metrics summary … | head -3`) end the run quietly,
 * as `cat` or `grep` do: the reader has what it wanted, so there is no EPIPE stack trace and
 * the exit code is the run's own (0, or 1 when a `--fail-if` threshold was crossed). Later
 * writes to the closed stream are dropped; any other write error is still thrown.
 */
export function quietOnClosedPipe(stdout: Writable): void {
  stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}
