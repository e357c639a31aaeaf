/**
 * A KPI path as `--fail-if` and `compareToBenchmarks` write it: dotted keys, with array
 * indices as `[1]` or `.1.` (`retention.rate`, `cohorts.curve[1].rate`).
 */
export const REPORT_PATH_PATTERN = "[A-Za-z_$][\\w$]*(?:(?:\\.[\\w$]+)|(?:\\[\\d+\\]))*";

const WHOLE_PATH = new RegExp(`^${REPORT_PATH_PATTERN}$`);

/**
 * The keys of a KPI path (`"cohorts.curve[1].rate"` → `["cohorts", "curve", "1", "rate"]`),
 * or `null` when the text is not a path.
 *
 * @example
 * splitReportPath("cohorts.curve[1].rate") //=> ["cohorts", "curve", "1", "rate"]
 */
export function splitReportPath(text: string): readonly string[] | null {
  const trimmed = text.trim();
  return WHOLE_PATH.test(trimmed) ? trimmed.replace(/\[(\d+)\]/g, ".$1").split(".") : null;
}

/** What a path leads to in a report's JSON form: a value, a null on the way, or an absent section or row. */
export type ReportPathFound =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "null"; readonly at: string }
  | { readonly kind: "absent"; readonly why: string };

/**
 * Follows `path` through a report's JSON form (own keys only, so `__proto__` is a key like
 * any other). A section `{ available: false, reason }` on the way is `absent` with its reason.
 *
 * @example
 * lookupReportPath({ retention: { rate: 0.6 } }, ["retention", "rate"]) //=> { kind: "value", value: 0.6 }
 */
export function lookupReportPath(json: unknown, path: readonly string[]): ReportPathFound {
  let node = json;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const at = path.slice(0, i).join(".");
    if (node === null) return { kind: "null", at };
    if (typeof node !== "object") return { kind: "absent", why: "not in the report" };
    const record = node as Record<string, unknown>;
    if (record.available === false && typeof record.reason === "string" && !Object.hasOwn(record, key)) return { kind: "absent", why: `not available (${at}: ${record.reason})` };
    if (!Object.hasOwn(record, key)) return { kind: "absent", why: "not in the report" };
    node = record[key];
  }
  return { kind: "value", value: node };
}

/** A KPI value as `--fail-if` compares it: a number, or money as its decimal string; `null` for anything else. */
export function numericKpi(value: unknown): number | null {
  return typeof value === "number" ? value : typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : null;
}
