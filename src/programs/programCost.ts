import { Decimal, unitsToDecimal } from "../core/money";
import { lowerBound } from "../core/search";
import type { Ledger } from "../input/ledger";

/** What a program cost in a period, by whom it was spent on. */
export interface ProgramCost {
  /** Cost rows of the program in the period. */
  readonly costCount: number;
  readonly total: Decimal;
  readonly onMembers: Decimal;
  /** Costs of the program on customers who are not members (the baseline may have received some). */
  readonly onNonMembers: Decimal;
  /** Costs of the program without `customerId`. */
  readonly programLevel: Decimal;
  /** Costs of the program on customer ids the ledger does not hold. */
  readonly unknownCustomers: Decimal;
  /** total ÷ members; `null` when there are no members or no cost. */
  readonly perMember: Decimal | null;
}

/** The costs of `program` in `[start, end)` (one pass over the costs of the period), split by member flag. */
export function programCost(ledger: Ledger, program: string, start: number, end: number, members: Uint8Array, memberCount: number): ProgramCost {
  const { costs } = ledger;
  const code = costs.program === null ? -1 : costs.programNames.indexOf(program);
  const units = [0, 0, 0, 0];
  let costCount = 0;
  if (code >= 0) {
    const last = lowerBound(costs.at, end);
    for (let k = lowerBound(costs.at, start); k < last; k++) {
      if (costs.program![k] !== code) continue;
      costCount++;
      const c = costs.customer[k]!;
      units[c >= 0 ? (members[c] === 1 ? 0 : 1) : c === -1 ? 2 : 3]! += costs.amountUnits[k]!;
    }
  }
  const scale = ledger.moneyScale;
  const total = unitsToDecimal(units[0]! + units[1]! + units[2]! + units[3]!, scale);
  return {
    costCount,
    total,
    onMembers: unitsToDecimal(units[0]!, scale),
    onNonMembers: unitsToDecimal(units[1]!, scale),
    programLevel: unitsToDecimal(units[2]!, scale),
    unknownCustomers: unitsToDecimal(units[3]!, scale),
    perMember: memberCount === 0 || costCount === 0 ? null : total.div(memberCount),
  };
}
