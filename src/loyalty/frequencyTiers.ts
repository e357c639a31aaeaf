import type { Decimal } from "../core/money";
import { unitsToDecimal } from "../core/money";
import { dateOption, type Period } from "../core/period";
import { lowerBound } from "../core/search";
import type { DateInput } from "../core/time";
import { toLedger, type MetricInput } from "../input/toLedger";
import { readFrequencyProgram, type FrequencyProgram } from "./frequencyProgram";
import { tierFor, tierThresholds } from "./tierThresholds";
import { trailingStart } from "./trailingWindow";
import { readOptions } from "../input/readOptions";
import { withinDateRange } from "../core/time";

/** Options of `frequencyTiers`. */
export interface FrequencyTiersOptions {
  /** The instant the tiers are judged at; the window is `[asOf − window, asOf)`. */
  readonly asOf: DateInput;
}

/** What a customer lacks to reach the next tier up. */
export interface NextTier {
  readonly name: string;
  readonly ordersNeeded: number;
  readonly spendNeeded: Decimal;
}

/** One customer's tier. */
export interface CustomerTier {
  readonly customerId: string;
  /** Name of the tier held, or `null` when no tier is met. */
  readonly tier: string | null;
  /** The held tier's discount rate (0 without a tier). */
  readonly discountRate: number;
  readonly ordersInWindow: number;
  /** Net spend in the window (refunds subtract). */
  readonly spendInWindow: Decimal;
  /** The tier above the one held (the first tier when none is held); `null` at the top. */
  readonly next: NextTier | null;
}

/** Customers and window spend of one tier (`tier: null` for customers with no tier). */
export interface TierSummary {
  readonly tier: string | null;
  readonly customers: number;
  readonly spend: Decimal;
}

/** Every customer's tier at `asOf`, with a summary per tier. */
export interface FrequencyTiers {
  readonly asOf: Date;
  /** The trailing window `[asOf − window, asOf)`. */
  readonly window: Period;
  /** Customers whose first order or signup is before `asOf`, in customer-id order. */
  readonly customers: readonly CustomerTier[];
  /** One entry per program tier, in program order, then the customers with no tier. */
  readonly summary: readonly TierSummary[];
  readonly customerCount: number;
}

/**
 * Assigns each customer the highest program tier whose `minOrders` and `minSpend` (each where
 * given) they meet over the trailing window `[asOf − window, asOf)`.
 *
 * orders = order-opening rows in the window (refunds are never orders); spend = net amount in
 * the window (refunds subtract). A customer holds tier k when orders ≥ minOrders_k and spend ≥
 * minSpend_k, for the last such k in the program. Half-open like every period in the library:
 * an order at `asOf` itself does not count.
 *
 * @param input - purchases, `{ purchases, events }`, or a prepared `Ledger`
 * @param program - `{ window?, tiers: [{ name, minOrders?, minSpend?, discountRate? }] }`, lowest tier first
 * @param options - `asOf`
 * @returns per-customer tiers and gaps to the next tier, and customers and spend per tier
 * @throws {RetentionInputError} when a row is invalid
 * @throws {RetentionOptionsError} naming a bad tier field (`program.tiers[1].minSpend`) or `asOf`
 * @example
 * frequencyTiers([{ customerId: "a", at: "2024-03-01", amount: "40" }, { customerId: "a", at: "2024-05-01", amount: "70" }],
 *   { tiers: [{ name: "member" }, { name: "silver", minOrders: 2, discountRate: 0.05 }] }, { asOf: "2024-06-01" })
 * //=> { customers: [{ customerId: "a", tier: "silver", ordersInWindow: 2, spendInWindow: "110", next: null, ... }], ... }
 */
export function frequencyTiers(input: MetricInput, program: FrequencyProgram, options: FrequencyTiersOptions): FrequencyTiers {
  options = readOptions(options, "frequencyTiers");
  const ledger = toLedger(input);
  const { tiers, window } = readFrequencyProgram(program);
  const asOf = dateOption("asOf", options?.asOf);
  const from = withinDateRange(trailingStart(window, asOf), "asOf");
  const thresholds = tierThresholds(tiers, ledger.moneyScale);
  const customerCount = ledger.customerIds.length;
  const orders = new Uint32Array(customerCount);
  const spend = new Float64Array(customerCount);
  const { purchases } = ledger;
  const last = lowerBound(purchases.at, asOf);
  for (let k = lowerBound(purchases.at, from); k < last; k++) {
    const c = purchases.customer[k]!;
    spend[c]! += purchases.amountUnits[k]!;
    orders[c]! += purchases.orderStart[k]!;
  }
  const scale = ledger.moneyScale;
  const tierCustomers = new Float64Array(tiers.length + 1);
  const tierSpend = new Float64Array(tiers.length + 1);
  const customers: CustomerTier[] = [];
  for (let c = 0; c < customerCount; c++) {
    if (!(ledger.firstActivity[c]! < asOf)) continue;
    const held = tierFor(thresholds, orders[c]!, spend[c]!);
    const slot = held < 0 ? tiers.length : held;
    tierCustomers[slot]!++;
    tierSpend[slot]! += spend[c]!;
    const above = tiers[held + 1];
    customers.push({
      customerId: ledger.customerIds[c]!,
      tier: held < 0 ? null : tiers[held]!.name,
      discountRate: held < 0 ? 0 : tiers[held]!.rate.toNumber(),
      ordersInWindow: orders[c]!,
      spendInWindow: unitsToDecimal(spend[c]!, scale),
      next:
        above === undefined
          ? null
          : {
              name: above.name,
              ordersNeeded: Math.max(0, above.minOrders - orders[c]!),
              spendNeeded: unitsToDecimal(Math.max(0, thresholds.minSpendUnits[held + 1]! - spend[c]!), scale),
            },
    });
  }
  const summary: TierSummary[] = [...tiers.map((tier) => tier.name), null].map((tier, i) => ({
    tier,
    customers: tierCustomers[i]!,
    spend: unitsToDecimal(tierSpend[i]!, scale),
  }));
  return { asOf: new Date(asOf), window: { start: new Date(from), end: new Date(asOf) }, customers, summary, customerCount: customers.length };
}
