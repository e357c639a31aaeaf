import { readRange } from "../core/period";
import { readOptions } from "../input/readOptions";
import type { NpsByOptions, NpsGroup } from "../nps/npsBy";
import { npsFromCounts, readConfidence } from "../nps/npsFromCounts";
import { compareGroupKeys } from "../surveys/groupKey";
import { readNpsCountRows, type NpsCountRow } from "./npsCountRows";
import { rowError } from "./rowError";

/**
 * `npsBy` from the rows of `npsCountsSql` run with `by` (`"segment"` or `"customerId"`, the
 * `key` given to `npsBy`) and the same range: the same groups, value for value. Each group's
 * counts are summed over its rows (so a query split by `granularity` too serves it); groups
 * are sorted by key, the `null` group (answers without a key) last. A grouping function cannot
 * run in a warehouse: group by a column instead.
 *
 * @param rows - the query's rows (`group_key`, counts)
 * @param options - `confidence`; the range is applied by the query (`start`, `end` are checked here, not used)
 * @returns one NPS result per group
 * @throws {RetentionInputError} naming `rows[i].field` for a bad value, a missing `group_key`, or `other_scores` > 0
 * @throws {RetentionOptionsError} on a bad confidence or range
 * @example
 * npsByFromCounts([
 *   { group_key: "web", promoters: 1, passives: 0, detractors: 0, other_scores: 0 },
 *   { group_key: "store", promoters: 0, passives: 0, detractors: 1, other_scores: 0 },
 * ])
 * //=> [{ key: "store", score: -100, ... }, { key: "web", score: 100, ... }]
 */
export function npsByFromCounts(rows: readonly NpsCountRow[], options: NpsByOptions = {}): NpsGroup[] {
  options = readOptions(options, "npsByFromCounts");
  const confidence = readConfidence(options.confidence);
  readRange(options);
  const groups = new Map<string | null, [promoters: number, passives: number, detractors: number]>();
  readNpsCountRows(rows).forEach((row, index) => {
    if (row.group_key === undefined) throw rowError(index, "group_key", "expected the group's key (or null); run npsCountsSql with by");
    if (row.promoters + row.passives + row.detractors === 0) return;
    let counts = groups.get(row.group_key);
    if (counts === undefined) groups.set(row.group_key, (counts = [0, 0, 0]));
    counts[0] += row.promoters;
    counts[1] += row.passives;
    counts[2] += row.detractors;
  });
  return [...groups]
    .sort(([a], [b]) => compareGroupKeys(a, b))
    .map(([key, [promoters, passives, detractors]]) => ({ key, ...npsFromCounts(promoters, passives, detractors, confidence) }));
}
