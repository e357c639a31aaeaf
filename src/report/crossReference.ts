import { ACTIVE, AT_RISK, type ClassifiedColumns } from "../defection/classifiedColumns";
import type { DefectionStatus } from "../defection/types";
import { indexOfSortedId } from "../core/search";
import type { Ledger } from "../input/ledger";
import type { ClvSection, DefectionSection } from "./insightTypes";
import type { ReportSection } from "./types";

/**
 * Puts the two views of a customer side by side in the report's customer lists: each
 * at-risk customer gets the model's P(alive) (`null` without predicted CLV), each top-CLV
 * customer their defection status (`null` without the defection section). The two can
 * disagree by design: the defection rules compare a customer's current gap with their own
 * past rhythm, while P(alive) is the BG/NBD population model's view given the customer's
 * frequency, recency and age (docs/report.md, "At risk and P(alive)").
 */
export function crossReference(
  ledger: Ledger,
  defections: ReportSection<DefectionSection>,
  clv: ClvSection,
  aliveOf: ReadonlyMap<string, number>,
  classified: ClassifiedColumns | null,
): { readonly defections: ReportSection<DefectionSection>; readonly clv: ClvSection } {
  const linkedDefections: ReportSection<DefectionSection> = defections.available && clv.predicted.available
    ? { ...defections, topAtRisk: defections.topAtRisk.map((row) => ({ ...row, probabilityAlive: aliveOf.get(row.customerId) ?? null })) }
    : defections;
  const statusOf = (customerId: string): DefectionStatus | null => {
    const index = indexOfSortedId(ledger.customerIds, customerId);
    if (classified === null || index < 0 || classified.classified[index] !== 1) return null;
    const status = classified.status[index];
    return status === ACTIVE ? "active" : status === AT_RISK ? "at_risk" : "defected";
  };
  const predicted = clv.predicted;
  const linkedClv: ClvSection = predicted.available && classified !== null
    ? { ...clv, predicted: { ...predicted, topCustomers: predicted.topCustomers.map((row) => ({ ...row, defectionStatus: statusOf(row.customerId) })) } }
    : clv;
  return { defections: linkedDefections, clv: linkedClv };
}

/** P(alive) from which the model is said to see a customer as likely alive. */
export const LIKELY_ALIVE = 0.5;

/** The mark of a customer the two views disagree on, in both tables. */
export const DISAGREEMENT_MARK = "†";

/** True when the defection rules say at risk (or defected) while the model says likely alive. */
export function viewsDisagree(status: DefectionStatus | null, probabilityAlive: number | null): boolean {
  return status !== null && status !== "active" && probabilityAlive !== null && probabilityAlive >= LIKELY_ALIVE;
}

/** The note under the at-risk and CLV tables when a customer is marked. */
export const DISAGREEMENT_NOTE =
  `${DISAGREEMENT_MARK} At risk (or defected) by the defection rules, yet likely alive by the CLV model (P(alive) ≥ ${LIKELY_ALIVE * 100}%). ` +
  "They measure different things: the defection rules compare the time since the customer's last order with the customer's own " +
  "usual gap between orders (an observed break in their own rhythm), while P(alive) is the BG/NBD model's population view of how " +
  "likely a customer with this many purchases, this recently, is still buying. A frequent buyer who has paused for a few weeks is both.";

/**
 * Leaves out a table's last column (the other view's figure) when that view is absent:
 * P(alive) without predicted CLV, the defection status without the defection section.
 */
export function otherView<T>(cells: readonly T[], present: boolean): T[] {
  return present ? [...cells] : cells.slice(0, -1);
}
