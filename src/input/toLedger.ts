import { createLedger, isLedger, type Ledger, type LedgerInput } from "./ledger";
import type { Purchase } from "./schemas";

/** What every metric accepts: purchases, `{ purchases, events, surveys }`, or a prepared `Ledger`. */
export type MetricInput = readonly Purchase[] | LedgerInput | Ledger;

/** Returns `input` itself when it is a ledger, otherwise validates it into one. */
export function toLedger(input: MetricInput): Ledger {
  if (isLedger(input)) return input;
  if (Array.isArray(input)) return createLedger({ purchases: input as readonly Purchase[] });
  return createLedger(input as LedgerInput);
}
