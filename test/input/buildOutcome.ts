import { RetentionInputError } from "retention-metrics";

/**
 * What a ledger build gives, to compare two ways of building it: its result, or, when it throws
 * `RetentionInputError`, the error's issues, total and message (any other error is rethrown).
 */
export function buildOutcome(build: () => unknown): unknown {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof RetentionInputError)) throw error;
    return { issues: error.issues, totalIssues: error.totalIssues, message: error.message };
  }
}
