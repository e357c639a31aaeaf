import { Decimal, unitsToDecimal } from "../core/money";
import type { Ledger } from "../input/ledger";

/** The spend of one program or channel in a period. */
export interface SpendGroup {
  /** The program or channel; `null` for costs without one. */
  readonly key: string | null;
  readonly costCount: number;
  readonly spend: Decimal;
  /** Spend without `customerId`. */
  readonly programLevelSpend: Decimal;
  /** Distinct ledger customers with a cost of this group. */
  readonly customersReached: number;
  /** spend ÷ all of the period's spend; `null` when that is 0. */
  readonly shareOfSpend: number | null;
  /** spend ÷ the period's active customers; `null` when there are none. */
  readonly spendPerActiveCustomer: Decimal | null;
  /** Reached customers who were active in the period. */
  readonly activeReached: number;
}

/**
 * The costs `first..last` (a time range of `ledger.costs`) by their `program` or `channel` code:
 * one row per name in name order, then the costs without one (`key: null`) when there are any.
 */
export function costGroups(ledger: Ledger, by: "program" | "channel", first: number, last: number, active: Uint8Array, activeCount: number): SpendGroup[] {
  const { costs } = ledger;
  const codes = by === "program" ? costs.program : costs.channel;
  const names = by === "program" ? costs.programNames : costs.channelNames;
  const slots = names.length + 1;
  const units = new Float64Array(slots);
  const programUnits = new Float64Array(slots);
  const counts = new Uint32Array(slots);
  const reached = new Uint32Array(slots);
  const activeReached = new Uint32Array(slots);
  const seen = new Set<number>();
  let totalUnits = 0;
  for (let k = first; k < last; k++) {
    const code = codes === null ? -1 : codes[k]!;
    const slot = code < 0 ? names.length : code;
    const amount = costs.amountUnits[k]!;
    units[slot]! += amount;
    totalUnits += amount;
    counts[slot]!++;
    const c = costs.customer[k]!;
    if (c === -1) programUnits[slot]! += amount;
    if (c < 0) continue;
    const pair = c * slots + slot;
    if (seen.has(pair)) continue;
    seen.add(pair);
    reached[slot]!++;
    activeReached[slot]! += active[c]!;
  }
  const order = names.map((name, code) => ({ name, code })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows: SpendGroup[] = [];
  const scale = ledger.moneyScale;
  const row = (key: string | null, slot: number): SpendGroup => {
    const spend = unitsToDecimal(units[slot]!, scale);
    return {
      key,
      costCount: counts[slot]!,
      spend,
      programLevelSpend: unitsToDecimal(programUnits[slot]!, scale),
      customersReached: reached[slot]!,
      shareOfSpend: totalUnits === 0 ? null : units[slot]! / totalUnits,
      spendPerActiveCustomer: activeCount === 0 ? null : spend.div(activeCount),
      activeReached: activeReached[slot]!,
    };
  };
  for (const { name, code } of order) if (counts[code]! > 0) rows.push(row(name, code));
  if (counts[names.length]! > 0) rows.push(row(null, names.length));
  return rows;
}
