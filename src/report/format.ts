/**
 * The one number formatter of every human-readable output (the Markdown and HTML reports and
 * the CLI's `--format md`): fixed decimals, thousands grouped with ",", "−" (U+2212) before a
 * negative figure that does not round to zero, "n/a" for null. CSV and JSON keep plain numbers
 * (see `formatCsvMoney`).
 */
import type { Decimal } from "../core/money";
import type { Period } from "../core/period";
import type { KpiChange, KpiMoneyChange } from "./types";

const NA = "n/a";
const MINUS = "−";

/** "1234567.50" → "1,234,567.50" (an unsigned plain decimal text). */
function groupThousands(unsigned: string): string {
  const dot = unsigned.indexOf(".");
  const whole = dot === -1 ? unsigned : unsigned.slice(0, dot);
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (dot === -1 ? "" : unsigned.slice(dot));
}

/** A signed plain decimal text ("-0.00", "1234.5") as displayed: grouped, "−", no "−0". */
function display(fixed: string): string {
  const negative = fixed.startsWith("-");
  const unsigned = negative ? fixed.slice(1) : fixed;
  return (negative && /[1-9]/.test(unsigned) ? MINUS : "") + groupThousands(unsigned);
}

/**
 * A number with `digits` decimals and thousands separators.
 * @example formatNumber(-17144.44, 1) //=> "−17,144.4"
 */
export function formatNumber(value: number | null, digits = 2): string {
  return value === null || !Number.isFinite(value) ? NA : display(value.toFixed(digits));
}

/**
 * A whole number with thousands separators.
 * @example formatInt(1234567) //=> "1,234,567"
 */
export function formatInt(value: number | null): string {
  return formatNumber(value, 0);
}

/**
 * A rate as a percentage with one decimal.
 * @example formatPercent(0.3) //=> "30.0%"
 */
export function formatPercent(value: number | null): string {
  return value === null ? NA : `${formatNumber(value * 100, 1)}%`;
}

/**
 * Money with two decimals and thousands separators, prefixed by the currency code when known.
 * @example formatMoney(new Decimal("-1234.5"), "USD") //=> "−USD 1,234.50"
 */
export function formatMoney(value: Decimal | null, currency: string | null): string {
  if (value === null) return NA;
  const text = formatDecimal(value, 2);
  const negative = text.startsWith(MINUS);
  return `${negative ? MINUS : ""}${currency === null ? "" : `${currency} `}${negative ? text.slice(1) : text}`;
}

/**
 * An amount rounded to `places` decimals (half-even, the library's Decimal rounding), with
 * thousands separators and no currency: the notebook tables' money.
 * @example formatDecimal(new Decimal("-1234.565"), 2) //=> "−1,234.56"
 */
export function formatDecimal(value: Decimal, places: number): string {
  return display(value.toFixed(places));
}

/**
 * Money for CSV: a plain decimal (no grouping, no exponent) rounded half-even to the
 * money's own decimal places plus four, so averages keep their precision without printing
 * 40 significant digits.
 * @example formatCsvMoney(new Decimal(100).div(3), 2) //=> "33.333333"
 */
export function formatCsvMoney(value: Decimal | null, moneyScale: number): string {
  return value === null ? "" : value.toDecimalPlaces(moneyScale + 4).toFixed();
}

const signed = (text: string, negative: boolean, zero: boolean): string => (zero ? `±${text}` : negative ? `${MINUS}${text}` : `+${text}`);
const relativeChange = (relative: number): string => signed(formatNumber(Math.abs(relative * 100), 1), relative < 0, relative === 0);

/** A change in rate points: +1.2 pts. */
export function formatPointChange(change: KpiChange): string {
  if (change.absolute === null) return NA;
  const points = change.absolute * 100;
  return `${signed(formatNumber(Math.abs(points), 1), points < 0, Math.abs(points) < 0.05)} pts`;
}

/** A change of a count or ratio: +4 (+3.0%). */
export function formatCountChange(change: KpiChange, digits = 0): string {
  if (change.absolute === null) return NA;
  const abs = Math.abs(change.absolute);
  const body = signed(formatNumber(abs, digits), change.absolute < 0, abs === 0);
  return change.relative === null ? body : `${body} (${relativeChange(change.relative)}%)`;
}

/** A change of money: −787.27 (−12.3%). */
export function formatMoneyChange(change: KpiMoneyChange, currency: string | null): string {
  if (change.absolute === null) return NA;
  const body = signed(formatMoney(change.absolute.abs(), currency), change.absolute.isNegative() && !change.absolute.isZero(), change.absolute.isZero());
  return change.relative === null ? body : `${body} (${relativeChange(change.relative)}%)`;
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
