import { Decimal } from "../core/money";
import { retentionClv } from "../clv/retentionClv";

/** What a program must earn back, three ways; each is `null` when it cannot be defined. */
export interface BreakEven {
  /** Extra orders that would pay for the discounts: discountCost ÷ averageMarginPerDiscountedOrder. */
  readonly extraOrders: number | null;
  /** extraOrders ÷ orders: the share more orders per customer needed (0.04 = 4% more). */
  readonly frequencyLift: number | null;
  /**
   * Rise in period retention, as a fraction (0.023 = 2.3 percentage points), that restores the
   * customer's `retentionClv` after the discount; `null` without `retentionRate` and `discountRate`,
   * without margin left after the discount, or when even retention 1 would not be enough.
   */
  readonly retentionLiftPoints: number | null;
  /** (margin · revenue of discounted orders − discountCost) ÷ discounted orders. */
  readonly averageMarginPerDiscountedOrder: Decimal | null;
}

/** The figures a break-even is computed from. */
export interface BreakEvenInputs {
  readonly orders: number;
  readonly customers: number;
  readonly discountedOrders: number;
  readonly discountedRevenue: Decimal;
  readonly discountCost: Decimal;
  readonly margin: Decimal;
  readonly marginBefore: Decimal;
  readonly marginAfter: Decimal;
  readonly retentionRate: Decimal | null;
  readonly discountRate: Decimal | null;
}

/**
 * Break-even of a discount program. With m₀ = marginBefore/customers and m₁ = marginAfter/customers
 * (per customer per period), CLV₀ = retentionClv(m₀, r, d) = m₀·r/(1+d−r), and the retention r* that
 * gives the same CLV on the thinner margin solves m₁·r* ÷ (1+d−r*) = CLV₀, so
 * r* = CLV₀·(1+d)/(m₁ + CLV₀); retentionLiftPoints = r* − r.
 */
export function programBreakEven(inputs: BreakEvenInputs): BreakEven {
  const { discountCost, discountedOrders, orders } = inputs;
  const average =
    discountedOrders === 0 ? null : inputs.margin.times(inputs.discountedRevenue).minus(discountCost).div(discountedOrders);
  let extraOrders: number | null = null;
  if (discountCost.isZero()) extraOrders = 0;
  else if (average !== null && average.gt(0)) extraOrders = discountCost.div(average).toNumber();
  const frequencyLift = extraOrders === null || orders === 0 ? null : extraOrders / orders;
  return { extraOrders, frequencyLift, retentionLiftPoints: retentionLift(inputs), averageMarginPerDiscountedOrder: average };
}

function retentionLift(inputs: BreakEvenInputs): number | null {
  const { retentionRate: r, discountRate: d, customers } = inputs;
  if (r === null || d === null || customers === 0 || !inputs.marginBefore.gt(0)) return null;
  if (inputs.discountCost.isZero()) return 0;
  if (!inputs.marginAfter.gt(0)) return null;
  const before = retentionClv({ margin: inputs.marginBefore.div(customers), retentionRate: r, discountRate: d });
  const m1 = inputs.marginAfter.div(customers);
  const needed = before.times(d.plus(1)).div(m1.plus(before));
  if (needed.gte(1)) return null;
  return needed.minus(r).toNumber();
}
