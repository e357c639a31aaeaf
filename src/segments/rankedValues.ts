import type { Decimal } from "../core/money";

/**
 * Customer values in descending order, read by rank (internal): `at(0)` is the highest.
 * Built over columns, it makes each Decimal only when asked for, so the tier and
 * concentration sums never hold an array of one Decimal per customer.
 */
export interface RankedValues {
  readonly count: number;
  readonly at: (rank: number) => Decimal;
}
