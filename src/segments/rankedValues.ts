import type { Decimal } from "../core/money";

/**
 * Customer values in descending order, read by rank (internal): `at(0)` is the highest.
 * Built over columns, it makes each Decimal only when asked for, so the tier and
 * concentration sums never hold an array of one Decimal per customer.
 */
export interface RankedValues {
  readonly count: number;
  readonly at: (rank: number) => Decimal;
  /**
   * The same values as integer money units of `10^-scale`, when they come from a ledger: sums of
   * them are exact in floating point (the ledger keeps every total a safe integer), so the sums
   * and comparisons run on numbers and make a Decimal only for their results.
   */
  readonly units?: { readonly at: (rank: number) => number; readonly scale: number };
}
