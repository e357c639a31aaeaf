import { ledgerFrom, type Ledger, type LedgerInput } from "./ledger";
import type { Purchase } from "./schemas";
import type { ArrowTableLike } from "./tableLike";

/**
 * What every metric accepts: purchases (rows or an Arrow-like table), `{ purchases, events,
 * surveys }` (each rows, columns or a table), or a prepared `Ledger`.
 */
export type MetricInput = readonly Purchase[] | ArrowTableLike | LedgerInput | Ledger;

/**
 * Returns `input` itself when it is a ledger, otherwise validates it into one.
 *
 * @throws {RetentionInputError} for any other shape (null, a Map, an unknown key...) or invalid rows
 */
export function toLedger(input: MetricInput): Ledger {
  return ledgerFrom(input, "purchases");
}
