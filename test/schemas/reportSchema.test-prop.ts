import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kpiReport } from "../../src/report/kpiReport";
import { KpiReportJsonSchema } from "../../src/report/schema";
import { PURCHASES } from "../report/fixture";
import { KpiReportJsonSchema as Before } from "./legacyReportSchema";

/*
 * KpiReportJsonSchema (zod/mini, built on first use) gives the issues, with zod's English
 * messages, that the zod classic schema gave: checked on reports with one value replaced.
 */

interface SafeParser {
  safeParse(value: unknown): { error?: { issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[] } };
}
const issuesOf = (schema: SafeParser, value: unknown) =>
  (schema.safeParse(value).error?.issues ?? []).map((issue) => ({ path: issue.path.map(String), code: issue.code, message: issue.message }));

/** Every path to a value in a JSON tree. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const found: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...paths(item, [...prefix, i])));
  else if (typeof value === "object" && value !== null) for (const [key, item] of Object.entries(value)) found.push(...paths(item, [...prefix, key]));
  return found;
}

function replaced(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    copy[head as number] = replaced(copy[head as number], rest, replacement);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[String(head)] = replaced(copy[String(head)], rest, replacement);
  return copy;
}

const reports = [
  JSON.parse(JSON.stringify(kpiReport(PURCHASES, { asOf: "2024-04-01", period: "month" }))) as unknown,
  JSON.parse(JSON.stringify(kpiReport([], { asOf: "2024-04-01", period: "month" }))) as unknown,
  // With a points section (issue 15).
  JSON.parse(JSON.stringify(kpiReport({ purchases: PURCHASES, events: [
    { customerId: "p", at: "2024-01-05", type: "points_earned", points: 100 },
    { customerId: "p", at: "2024-02-05", type: "points_redeemed", points: 40 },
  ] }, { asOf: "2024-04-01", period: "month", pointValue: "0.01", pointsExpiry: { months: 12 } }))) as unknown,
];

const replacement = fc.constantFrom<unknown>(
  null, undefined, "x", "", "12.5", "2024-01-01", "2024-01-01T00:00:00Z", 0, -1, 1.5, 101, -101, Number.NaN, true, false, [], {}, { available: true }, { available: false }, [1, "a"], "month", "day", 1e20,
);

describe("KpiReportJsonSchema", () => {
  it("accepts the reports as the classic schema does", () => {
    for (const report of reports) {
      expect(issuesOf(KpiReportJsonSchema, report)).toEqual([]);
      expect(issuesOf(Before, report)).toEqual([]);
    }
  });

  it("rejects a report with one value replaced with the same issues as the classic schema", () => {
    const cases = reports.flatMap((report) => paths(report).map((path) => ({ report, path })));
    fc.assert(
      fc.property(fc.constantFrom(...cases), replacement, ({ report, path }, value) => {
        const changed = replaced(report, path, value);
        expect(issuesOf(KpiReportJsonSchema, changed)).toEqual(issuesOf(Before, changed));
      }),
      { numRuns: 3000 },
    );
  });
});
