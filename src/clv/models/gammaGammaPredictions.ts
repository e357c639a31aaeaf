import { RetentionOptionsError } from "../../input/errors";
import type { GammaGammaModel } from "./modelTypes";
import { readModel } from "./readModel";
import { printJson } from "../../input/describeValue";

/** A customer as the spend model sees it: repeat transactions and their mean value. */
export interface SpendHistory {
  readonly frequency: number;
  /** Mean value of the repeat transactions (ignored when frequency is 0). */
  readonly monetaryValue: number | string | { toString(): string };
}

/**
 * Expected mean transaction value of a customer (Fader, Hardie & Lee 2005, "RFM and CLV",
 * eq. 5; lifetimes' `conditional_expected_average_profit`):
 *   E[M | p, q, γ, x, z̄] = p(γ + x z̄)/(px + q − 1),
 * a weighted mean of the population mean pγ/(q−1) and the customer's own z̄. With x = 0 it is
 * the population mean.
 *
 * @param model - a fitted (or JSON-parsed) Gamma-Gamma model
 * @param customer - `{ frequency, monetaryValue }`
 * @returns the expected spend, or `null` when q ≤ 1 (the population mean does not exist)
 * @throws {RetentionOptionsError} when the model or the customer is invalid
 * @example
 * expectedAverageSpend({ model: "gamma-gamma", params: { p: 6.25, q: 3.74, gamma: 15.44 }, ... },
 *   { frequency: 2, monetaryValue: 22.35 }) //=> ≈ 24.66
 */
export function expectedAverageSpend(model: GammaGammaModel, customer: SpendHistory): number | null {
  const { p, q, gamma } = readModel(model, ["gamma-gamma"], "expectedAverageSpend").params;
  const x = customer?.frequency;
  const z = Number(String(customer?.monetaryValue ?? 0));
  if (!(typeof x === "number" && Number.isFinite(x) && x >= 0 && Number.isFinite(z) && (x === 0 || z > 0))) {
    throw new RetentionOptionsError("customer", `expectedAverageSpend expects { frequency ≥ 0, monetaryValue > 0 when frequency > 0 }, found ${printJson(customer)}`);
  }
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) return null;
  return (p * (gamma + (x === 0 ? 0 : x * z))) / denominator;
}
