/** Why a revenue quick ratio is `null`. */
export const NO_REVENUE_LOST = "no revenue was lost: contraction and churned revenue are 0";

/** A quick ratio, or `null` with the reason when nothing was lost. */
export interface QuickRatio {
  readonly quickRatio: number | null;
  readonly quickRatioReason: string | null;
}

/**
 * gained ÷ lost: the quick ratio of growth accounting, the SaaS form popularised by Mamoon
 * Hamid of Social Capital (revenue), the user form in J. Hsu's "Accounting for user growth"
 * (2015). Above 1 the base grows; 4 is the often quoted mark of efficient growth. When `lost`
 * is 0 the ratio is undefined, not infinite: `null`, with `reason`.
 *
 * @example
 * quickRatio(6, 3, "no customer went dormant") //=> { quickRatio: 2, quickRatioReason: null }
 * quickRatio(6, 0, "no customer went dormant") //=> { quickRatio: null, quickRatioReason: "no customer went dormant" }
 */
export function quickRatio(gained: number, lost: number, reason: string): QuickRatio {
  if (lost === 0) return { quickRatio: null, quickRatioReason: reason };
  return { quickRatio: gained / lost, quickRatioReason: null };
}
