import type { Decimal } from "../core/money";
import type { Period } from "../core/period";
import type { KpiChange, KpiMoneyChange } from "./types";

const NA = "n/a";

/** 1234567 → "1,234,567". */
export function formatInt(value: number | null): string {
  if (value === null) return NA;
  return Math.round(value).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A number with `digits` decimals. */
export function formatNumber(value: number | null, digits = 2): string {
  return value === null ? NA : value.toFixed(digits);
}

/** 0.3 → "30.0%". */
export function formatPercent(value: number | null): string {
  return value === null ? NA : `${(value * 100).toFixed(1)}%`;
}

/** Money with two decimals and thousands separators, prefixed by the currency code when known. */
export function formatMoney(value: Decimal | null, currency: string | null): string {
  if (value === null) return NA;
  const [whole = "0", fraction = "00"] = value.abs().toFixed(2).split(".");
  const text = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
  return `${value.isNegative() && !value.isZero() ? "−" : ""}${currency === null ? "" : `${currency} `}${text}`;
}

const signed = (text: string, negative: boolean, zero: boolean): string => (zero ? `±${text}` : negative ? `−${text}` : `+${text}`);

/** A change in rate points: +1.2 pts. */
export function formatPointChange(change: KpiChange): string {
  if (change.absolute === null) return NA;
  const points = change.absolute * 100;
  return `${signed(Math.abs(points).toFixed(1), points < 0, Math.abs(points) < 0.05)} pts`;
}

/** A change of a count or ratio: +4 (+3.0%). */
export function formatCountChange(change: KpiChange, digits = 0): string {
  if (change.absolute === null) return NA;
  const abs = Math.abs(change.absolute);
  const body = signed(digits === 0 ? formatInt(abs) : abs.toFixed(digits), change.absolute < 0, abs === 0);
  return change.relative === null ? body : `${body} (${signed(Math.abs(change.relative * 100).toFixed(1), change.relative < 0, change.relative === 0)}%)`;
}

/** A change of money: −787.27 (−12.3%). */
export function formatMoneyChange(change: KpiMoneyChange, currency: string | null): string {
  if (change.absolute === null) return NA;
  const body = signed(formatMoney(change.absolute.abs(), currency), change.absolute.isNegative() && !change.absolute.isZero(), change.absolute.isZero());
  return change.relative === null ? body : `${body} (${signed(Math.abs(change.relative * 100).toFixed(1), change.relative < 0, change.relative === 0)}%)`;
}

/** yyyy-mm-dd of a UTC date. */
export function formatDate(value: Date | null): string {
  return value === null ? NA : value.toISOString().slice(0, 10);
}

/** A half-open period shown with its last day: 2024-06-01 – 2024-06-30. */
export function formatPeriod(period: Period): string {
  const lastDay = new Date(period.end.getTime() - 1);
  return `${formatDate(period.start)} – ${formatDate(lastDay)}`;
}

/** A readable name of a defection reason or tier: no_repurchase → "no repurchase". */
export function humanize(name: string): string {
  return name.replace(/_/g, " ");
}
