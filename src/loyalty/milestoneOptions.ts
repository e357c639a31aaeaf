import type { Decimal, MoneyInput } from "../core/money";
import { moneyOption } from "../clv/readMoneyOption";
import { RetentionOptionsError } from "../input/errors";
import { printValue } from "../input/describeValue";

/** Order counts celebrated by default. */
export const DEFAULT_ORDER_MILESTONES: readonly number[] = [5, 10, 25, 50, 100];
/** Lifetime spend levels celebrated by default (in the ledger's currency). */
export const DEFAULT_SPEND_MILESTONES: readonly number[] = [100, 250, 500, 1000, 2500, 5000, 10000];

/** Reads `orderMilestones` (integers ≥ 1; default `DEFAULT_ORDER_MILESTONES`), naming a bad entry. */
export function readOrderMilestones(values: readonly number[] | undefined): readonly number[] {
  const list = values ?? DEFAULT_ORDER_MILESTONES;
  if (!Array.isArray(list)) throw new RetentionOptionsError("orderMilestones", `expected an array of integers ≥ 1, found ${printValue(list)}`);
  list.forEach((value, i) => {
    if (!Number.isInteger(value) || value < 1) throw new RetentionOptionsError(`orderMilestones[${i}]`, `expected an integer ≥ 1, found ${printValue(value)}`);
  });
  return list;
}

/** Reads `spendMilestones` (amounts > 0; default `DEFAULT_SPEND_MILESTONES`), sorted and without repeats. */
export function readSpendMilestones(values: readonly MoneyInput[] | undefined): Decimal[] {
  const list = values ?? DEFAULT_SPEND_MILESTONES;
  if (!Array.isArray(list)) throw new RetentionOptionsError("spendMilestones", `expected an array of amounts > 0, found ${printValue(list)}`);
  const amounts = list.map((value, i) => {
    const amount = moneyOption(`spendMilestones[${i}]`, value);
    if (!amount.gt(0)) throw new RetentionOptionsError(`spendMilestones[${i}]`, `expected an amount > 0, found ${amount.toString()}`);
    return amount;
  });
  return amounts.sort((a, b) => a.comparedTo(b)).filter((amount, i, all) => i === 0 || !amount.eq(all[i - 1]!));
}
