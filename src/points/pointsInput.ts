import { ledgerFrom, type Ledger, type LedgerInput } from "../input/ledger";
import type { CustomerEvent } from "../input/schemas";
import type { ArrowTableLike } from "../input/tableLike";

/**
 * What the points functions accept: events (rows or an Arrow-like table), `{ events }` (rows,
 * columns or a table, with other collections beside it), or a prepared `Ledger`.
 */
export type PointsInput = readonly CustomerEvent[] | ArrowTableLike | LedgerInput | Ledger;

/**
 * The ledger of a points input; a bare array or table is events.
 *
 * @throws {RetentionInputError} for any other shape (null, a Map, an unknown key...) or invalid rows
 */
export function toPointsLedger(input: PointsInput): Ledger {
  return ledgerFrom(input, "events");
}
