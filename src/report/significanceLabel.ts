import { formatNumber } from "./format";
import type { KpiSignificance } from "./types";

/**
 * What the Markdown and HTML reports say beside a tested change: "significant, p = 0.003",
 * "not significant, p = 0.412", "p < 0.001", or "too few to test". `null` when there is
 * nothing to say: the change is undefined or exactly zero, or the figure is not a proportion
 * (its `reason` says so in the JSON; the page does not repeat it on every row).
 *
 * @example
 * significanceLabel({ significant: false, pValue: 0.4123, interval: [-0.05, 0.1], reason: null }, 0.02) //=> "not significant, p = 0.412"
 */
export function significanceLabel(significance: KpiSignificance, absolute: number | null): string | null {
  if (absolute === null || absolute === 0) return null;
  const { significant, pValue } = significance;
  if (pValue === null) return null;
  if (significant === null) return "too few to test";
  const p = pValue < 0.001 ? "p < 0.001" : `p = ${formatNumber(pValue, 3)}`;
  return `${significant ? "significant" : "not significant"}, ${p}`;
}
