import type { Decimal } from "../core/money";
import type { KpiChange, KpiMoneyChange } from "./types";

/**
 * Change of a number against the previous period: absolute = current − previous, relative =
 * absolute ÷ |previous|. Either is `null` when a side is `null` (relative also when previous is 0).
 */
export function change(current: number | null, previous: number | null | undefined): KpiChange {
  if (current === null || previous === null || previous === undefined) return { absolute: null, relative: null };
  const absolute = current - previous;
  return { absolute, relative: previous === 0 ? null : absolute / Math.abs(previous) };
}

/** Change of an exact amount; `relative` is a number (a ratio, not money). */
export function moneyChange(current: Decimal | null, previous: Decimal | null | undefined): KpiMoneyChange {
  if (current === null || previous === null || previous === undefined) return { absolute: null, relative: null };
  const absolute = current.minus(previous);
  return { absolute, relative: previous.isZero() ? null : absolute.div(previous.abs()).toNumber() };
}
