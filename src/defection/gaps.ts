/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** Milliseconds in the 365-day window of `annualValue`. */
export const YEAR_MS = 365 * DAY_MS;

/** Median of the first `n` values of an ascending array: the middle value, or the mean of the two middle values; `NaN` when empty (internal only). */
export function medianOfSorted(sorted: Float64Array, n: number = sorted.length): number {
  if (n === 0) return Number.NaN;
  const mid = n >>> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A reusable buffer of day gaps (short lists sorted by insertion, without allocating) between visits, where a visit is a distinct UTC day:
 * `visit(t)` records a visit at epoch ms `t` (times must not decrease), counting the gap in
 * whole days to the previous visit day, raised to `minGapDays`.
 */
export class GapBuffer {
  private values = new Float64Array(64);
  count = 0;
  visits = 0;
  private lastDay = Number.NaN;

  constructor(private readonly minGapDays: number) {}

  reset(): void {
    this.count = 0;
    this.visits = 0;
    this.lastDay = Number.NaN;
  }

  visit(t: number): void {
    const day = Math.floor(t / DAY_MS);
    if (day === this.lastDay) return;
    if (this.visits > 0) {
      if (this.count === this.values.length) {
        const bigger = new Float64Array(this.values.length * 2);
        bigger.set(this.values);
        this.values = bigger;
      }
      this.values[this.count++] = Math.max(day - this.lastDay, this.minGapDays);
    }
    this.visits++;
    this.lastDay = day;
  }

  /** Median gap in days (sorting the buffer in place), or `NaN` with fewer than 2 visits. */
  median(): number {
    const { values, count } = this;
    if (count > 32) return medianOfSorted(values.subarray(0, count).sort());
    // Insertion sort: most customers have a handful of gaps, and this allocates nothing.
    for (let i = 1; i < count; i++) {
      const value = values[i]!;
      let j = i - 1;
      for (; j >= 0 && values[j]! > value; j--) values[j + 1] = values[j]!;
      values[j + 1] = value;
    }
    return medianOfSorted(values, count);
  }
}
