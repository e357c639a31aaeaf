import { readCsv } from "./cdnowFixtures";

/** donations.csv (Fader, Hardie & Shang 2010) as BG/BB rows: 22 patterns of 11,104 donors, 6 opportunities. */
export function donationRows(): { frequency: number; recency: number; periods: number; weight: number }[] {
  return readCsv("donations.csv").map((row) => ({
    frequency: Number(row.frequency),
    recency: Number(row.recency),
    periods: Number(row.periods),
    weight: Number(row.weights),
  }));
}

/** The cohort's repeat donations in 1996, 1997, …, 2006 (BTYD's `donationsSummary$annual.trans`). */
export const ANNUAL_REPEAT_DONATIONS: readonly number[] = [5652, 4674, 4019, 3552, 3555, 3163, 3110, 2938, 2703, 2573, 1936];
