import { Decimal, unitsToDecimal } from "../core/money";
import type { Ledger } from "../input/ledger";
import type { SpendMilestone } from "./milestoneTypes";

/**
 * Spend milestones first reached in `(after, through]`: walking each customer's rows in time
 * order, lifetime net spend (refunds subtract) at a row reaches a milestone it had never
 * reached before. A row that crosses several milestones gives one entry each, dated at the row.
 */
export function spendMilestones(ledger: Ledger, after: number, through: number, milestones: readonly Decimal[]): SpendMilestone[] {
  const scale = ledger.moneyScale;
  const factor = new Decimal(10).pow(scale);
  const thresholds = milestones.map((m) => m.times(factor).ceil().toNumber());
  const { at, amountUnits } = ledger.purchases;
  const { offsets, rows } = ledger.purchasesByCustomer;
  const entries: SpendMilestone[] = [];
  for (let c = 0; c + 1 < offsets.length; c++) {
    let spend = 0;
    let best = Number.NEGATIVE_INFINITY;
    for (let p = offsets[c]!; p < offsets[c + 1]!; p++) {
      const k = rows[p]!;
      if (at[k]! > through) break;
      spend += amountUnits[k]!;
      if (spend > best && at[k]! > after) {
        for (let i = 0; i < thresholds.length; i++) {
          const target = thresholds[i]!;
          if (best < target && spend >= target) {
            entries.push({
              customerId: ledger.customerIds[c]!,
              kind: "spend-milestone",
              date: new Date(at[k]!),
              detail: { milestone: milestones[i]!, spend: unitsToDecimal(spend, scale) },
            });
          }
        }
      }
      if (spend > best) best = spend;
    }
  }
  return entries;
}
