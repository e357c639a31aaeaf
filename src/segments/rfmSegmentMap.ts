import { RetentionOptionsError } from "../input/errors";
import { printValue } from "../input/describeValue";

/** An inclusive range of scores, `[low, high]`. */
export type ScoreRange = readonly [number, number];

/** One named segment: the customers whose scores fall in every range given (a missing range matches all). */
export interface RfmSegmentRule {
  readonly name: string;
  readonly r?: ScoreRange | undefined;
  readonly f?: ScoreRange | undefined;
  readonly m?: ScoreRange | undefined;
}

/**
 * The default segments, on a 1–5 scale, tried in this order (the first match wins); every
 * one of the 125 (r, f, m) combinations matches one. See docs/segments.md.
 */
export const DEFAULT_RFM_SEGMENTS: readonly RfmSegmentRule[] = Object.freeze([
  rule("Champions", [4, 5], [4, 5], [4, 5]),
  rule("Loyal", [3, 5], [4, 5]),
  rule("Cannot Lose Them", [1, 2], [4, 5], [4, 5]),
  rule("At Risk", [1, 2], [3, 5]),
  rule("Potential Loyalist", [4, 5], [2, 3]),
  rule("New", [5, 5], [1, 1]),
  rule("Promising", [4, 4], [1, 1]),
  rule("Need Attention", [3, 3], [3, 3]),
  rule("About to Sleep", [3, 3], [1, 2]),
  rule("Hibernating", [2, 2], [1, 2]),
  rule("Lost", [1, 1], [1, 2]),
]);

function rule(name: string, r: ScoreRange, f: ScoreRange, m?: ScoreRange): RfmSegmentRule {
  return Object.freeze(m === undefined ? { name, r, f } : { name, r, f, m });
}

/** A score on `bins` levels moved onto the 1–5 scale of the default map: round(1 + 4 (s − 1) / (bins − 1)). */
export function toFivePointScale(score: number, bins: number): number {
  return bins === 5 ? score : Math.round(1 + (4 * (score - 1)) / (bins - 1));
}

/**
 * The segment of every score triple as a lookup table indexed `((r − 1) · bins + f − 1) · bins + m − 1`.
 * The default map reads scores moved onto the 1–5 scale; a custom map reads the raw scores.
 */
export function segmentTable(bins: number, custom: readonly RfmSegmentRule[] | undefined, other: string): string[] {
  const rules = custom === undefined ? DEFAULT_RFM_SEGMENTS : checkRules(custom, bins);
  const scale = (s: number) => (custom === undefined ? toFivePointScale(s, bins) : s);
  const inRange = (s: number, range: ScoreRange | undefined) => range === undefined || (s >= range[0] && s <= range[1]);
  const table = new Array<string>(bins * bins * bins);
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        const rule = rules.find((x) => inRange(scale(r), x.r) && inRange(scale(f), x.f) && inRange(scale(m), x.m));
        table[((r - 1) * bins + f - 1) * bins + m - 1] = rule?.name ?? other;
      }
    }
  }
  return table;
}

function checkRules(rules: readonly RfmSegmentRule[], bins: number): readonly RfmSegmentRule[] {
  if (!Array.isArray(rules)) throw new RetentionOptionsError("segments", `expected an array of { name, r?, f?, m? }, found ${typeof rules}`);
  rules.forEach((rule, i) => {
    if (typeof rule?.name !== "string" || rule.name.length === 0) {
      throw new RetentionOptionsError(`segments[${i}].name`, `expected a non-empty string, found ${printValue(rule?.name)}`);
    }
    for (const key of ["r", "f", "m"] as const) {
      const range = rule[key];
      if (range === undefined) continue;
      const ok = Array.isArray(range) && range.length === 2 && range.every((s) => Number.isInteger(s) && s >= 1 && s <= bins) && range[0] <= range[1];
      if (!ok) throw new RetentionOptionsError(`segments[${i}].${key}`, `expected [low, high] with 1 ≤ low ≤ high ≤ ${bins}, found ${JSON.stringify(range)}`);
    }
  });
  return rules;
}
