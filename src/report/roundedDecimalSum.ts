import { Decimal, unitsToDecimal } from "../core/money";

/**
 * Largest error, relative to Σ|vᵢ|, of the compensated double sum beside decimal.js's sum of
 * the same numbers, with a wide margin. The bound it covers, per unit of Σ|vᵢ|: 2⁻⁵³ from
 * reading each number as its shortest decimal (decimal.js's `new Decimal(v)`), 5e-40 per
 * addition from decimal.js's 40 significant digits, ~2.3e-16 + n·1.3e-32 from the
 * compensated (Neumaier) sum and one more 2⁻⁵³ from scaling to cents: under 6.4e-14 for
 * n ≤ 1e12, 16 times less than this.
 */
const RELATIVE_MARGIN = 1e-12;
/** Cents beyond which the double sum gives way (floor and the count of cents stay exact below it). */
const LARGEST_CENTS = 2 ** 51;

/**
 * The sum of `values[0..count)` as decimal.js adds them (each read as `new Decimal(v)`, a
 * running `plus` at 40 significant digits, rounded half-even to 2 places), and that sum over
 * `count` (`div(count)`, then 2 places): the predicted-CLV section's total and average.
 *
 * It adds the doubles with Neumaier's compensated sum instead of 99k decimal.js additions, and
 * rounds to cents only when the sum is clear of a rounding boundary (half a cent) by more than
 * the sum's error bound; when it is not, or a value is negative, −0, NaN or the sum is huge,
 * it runs decimal.js's sum itself. Either way the two Decimals are the ones decimal.js gives.
 *
 * @example
 * roundedDecimalSum(Float64Array.of(0.1, 0.2, 1.006), 3) //=> { total: Decimal("1.31"), mean: Decimal("0.44") }
 */
export function roundedDecimalSum(values: Float64Array, count: number): { readonly total: Decimal; readonly mean: Decimal } {
  let sum = 0;
  let compensation = 0;
  let magnitude = 0;
  let plain = true;
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (!(v > 0 || (v === 0 && 1 / v > 0))) plain = false;
    const next = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - next + v : v - next + sum;
    sum = next;
    magnitude += v;
  }
  if (plain && count > 0) {
    const exact = sum + compensation;
    const total = nearestCents(exact, magnitude);
    const mean = nearestCents(exact / count, magnitude / count);
    if (total !== null && mean !== null) return { total: unitsToDecimal(total, 2), mean: unitsToDecimal(mean, 2) };
  }
  let total = new Decimal(0);
  for (let i = 0; i < count; i++) total = total.plus(values[i]!);
  return { total: total.toDecimalPlaces(2), mean: total.div(count).toDecimalPlaces(2) };
}

/** `value` to the nearest cent when its half-cent boundaries are further than the error bound of a sum of magnitude `magnitude`; null otherwise. */
function nearestCents(value: number, magnitude: number): number | null {
  const cents = value * 100;
  if (!(magnitude * 100 < LARGEST_CENTS)) return null;
  const floor = Math.floor(cents);
  const fraction = cents - floor;
  if (!(Math.abs(fraction - 0.5) > RELATIVE_MARGIN * magnitude * 100)) return null;
  return fraction < 0.5 ? floor : floor + 1;
}
