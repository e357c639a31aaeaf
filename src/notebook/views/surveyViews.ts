import { formatInt } from "../../report/format";
import { countCell, dateCell, field, list, numberCell, rateCell, text, type FieldPath } from "../cellFormat";
import { firstRows, type ResultView, type ViewSettings } from "../resultView";

/** NPS with its interval: "12.5 (95% interval −3.1 to 28.1)", or "n/a" with no responses. */
function scoreWithInterval(point: unknown, at: FieldPath): string {
  const score = numberCell(field(point, "score", at), [...at, "score"], 1, true);
  const interval = field(point, "confidenceInterval", at);
  if (interval === null || score === "n/a") return score;
  const bounds = list(interval, [...at, "confidenceInterval"]);
  const level = rateCell(field(point, "confidence", at), [...at, "confidence"]).replace(".0%", "%");
  return `${score} (${level} interval ${numberCell(bounds[0], [...at, "confidenceInterval", 0], 1)} to ${numberCell(bounds[1], [...at, "confidenceInterval", 1], 1)})`;
}

/** The cells of an NPS result after its first column: score, promoters, passives, detractors, responses. */
function npsCells(point: unknown, at: FieldPath): string[] {
  const cell = (key: string): string => countCell(field(point, key, at), [...at, key]);
  return [scoreWithInterval(point, at), cell("promoters"), cell("passives"), cell("detractors"), cell("responses")];
}

/**
 * An `nps` result: the score with its interval and margin of error, and its promoters,
 * passives and detractors with their shares.
 *
 * @example
 * npsView(nps(surveys), settings).lines[0] //=> "NPS 0.0 (95% interval −92.4 to 92.4) from 3 responses."
 */
export function npsView(result: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["nps"];
  const share = (key: string): string => rateCell(field(result, key, path), [...path, key]);
  const group = (name: string, key: string): readonly string[] => [name, countCell(field(result, key, path), [...path, key]), share(`${key.slice(0, -1)}Share`)];
  const table = firstRows("Respondents", ["Group", "Responses", "Share"], [group("Promoters", "promoters"), group("Passives", "passives"), group("Detractors", "detractors")], { ...settings, rows: 3 }, (row) => row);
  const responses = countCell(field(result, "responses", path), [...path, "responses"]);
  const margin = numberCell(field(result, "marginOfError", path), [...path, "marginOfError"], 1, true);
  const lines = [`NPS ${scoreWithInterval(result, path)} from ${responses} responses.`, `Margin of error ±${margin} points.`];
  return { title: "Net Promoter Score", lines, tables: [table] };
}

/**
 * An `npsTrend` result: one row per period with its NPS, interval and counts.
 *
 * @example
 * npsTrendView(npsTrend(surveys, { granularity: "month" }), settings).tables[0].header[0] //=> "Period"
 */
export function npsTrendView(trend: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["npsTrend"];
  const points = list(trend, path);
  const header = ["Period", "Start", "NPS", "Promoters", "Passives", "Detractors", "Responses"];
  const table = firstRows("NPS per period", header, points, settings, (point, i) => {
    const at: FieldPath = [...path, i];
    return [text(field(point, "key", at), [...at, "key"]), dateCell(field(point, "start", at), [...at, "start"]), ...npsCells(point, at)];
  });
  return { title: "NPS trend", lines: [`${formatInt(points.length)} period${points.length === 1 ? "" : "s"}.`], tables: [table] };
}

/**
 * An `npsBy` result: one row per group with its NPS, interval and counts.
 *
 * @example
 * npsByView(npsBy(surveys, "segment"), settings).tables[0].header[0] //=> "Group"
 */
export function npsByView(groups: unknown, settings: ViewSettings): ResultView {
  const path: FieldPath = ["npsBy"];
  const rows = list(groups, path);
  const table = firstRows("NPS per group", ["Group", "NPS", "Promoters", "Passives", "Detractors", "Responses"], rows, settings, (group, i) => {
    const at: FieldPath = [...path, i];
    const key = field(group, "key", at);
    return [key === null ? "(none)" : text(key, [...at, "key"]), ...npsCells(group, at)];
  });
  return { title: "NPS by group", lines: [`${formatInt(rows.length)} group${rows.length === 1 ? "" : "s"}.`], tables: [table] };
}
