import { describeValue, isPlainObject } from "../input/describeValue";
import { shapeError } from "../input/errors";

/** The three counts an NPS is made of: any `nps`, `npsBy` or `npsTrend` result has them. */
export interface NpsCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

const FIELDS = ["promoters", "passives", "detractors"] as const;

/**
 * Reads the promoter, passive and detractor counts of one side, naming the side in the error.
 *
 * @throws {RetentionInputError} when the value is not an object with the three counts as whole numbers ≥ 0
 * @example
 * readNpsCounts({ score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 }, "a", "compareNps") //=> { promoters: 2, passives: 1, detractors: 1 }
 */
export function readNpsCounts(value: unknown, side: string, functionName: string): NpsCounts {
  if (!isPlainObject(value)) throw shapeError([side], "invalid_type", `${functionName} expects an nps result or { promoters, passives, detractors }, found ${describeValue(value)}`);
  for (const field of FIELDS) {
    const count = value[field];
    if (!(Number.isSafeInteger(count) && (count as number) >= 0)) throw shapeError([side, field], "invalid_count", `expected a whole number ≥ 0, found ${describeValue(count)}`);
  }
  return { promoters: value.promoters as number, passives: value.passives as number, detractors: value.detractors as number };
}
