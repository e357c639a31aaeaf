import * as api from "retention-metrics";
import { readLedger } from "retention-metrics/node";
import { display } from "retention-metrics/notebook";
import * as schemas from "retention-metrics/schemas";
import { HOSTILE_VALUES } from "../arbitraries/hostile";
import { NOT_DATA_FUNCTIONS, purchases, VALID_CALLS } from "../api/validCalls";
import { casesOf, sampled, type FuzzCase } from "./mutations";

/*
 * Every fuzz case of the public module: each data function of `retention-metrics` (from the
 * shared VALID_CALLS), `readLedger` of `retention-metrics/node`, `display` of
 * `retention-metrics/notebook`, and `safeParse` of every schema
 * of `retention-metrics/schemas`. Cases are built from fixed values and a fixed fast-check seed,
 * so the list, and each case's key, is the same on every run.
 */

/** A function the fuzz calls, by the name its failures are reported under. */
export type Callable = (...args: unknown[]) => unknown;

/** Generated (fast-check) values per leaf position, on top of the fixed hostile values. */
const GENERATED_PER_LEAF = 3;

/**
 * The share of its cases each function runs, where the valid call costs milliseconds or the
 * call has many positions (a report); all cases of every other function run.
 */
const SAMPLE_RATES: Readonly<Record<string, number>> = {
  fitParetoNbd: 0.1, // 150 ms a valid call
  fitBgNbd: 0.5,
  fitModifiedBgNbd: 0.5,
  fitGammaGamma: 0.5,
  kpiReport: 0.15,
  renderMarkdown: 0.03,
  renderHtml: 0.03,
  toVegaLite: 0.03,
  "KpiReportJsonSchema.safeParse": 0.03,
  predictClv: 0.1,
  conditionalExpectedPurchases: 0.2,
  probabilityAlive: 0.2,
  purchaseCountProbability: 0.2,
  expectedPurchases: 0.2,
  expectedAverageSpend: 0.2,
  survival: 0.3,
  retentionRateAt: 0.3,
  discountedExpectedLifetime: 0.3,
  discountedExpectedResidualLifetime: 0.3,
};

const CSV_HEADER = "customerId,at,amount";
const CSV_ROWS = [["a", "2024-01-05", "10"], ["a", "2024-02-05", "12"], ["b", "2024-01-20", "30"]] as const;

/** A CSV cell: quoted, with quotes doubled, so any text is one cell. */
const cell = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/** Cases that put each hostile string or number, as text, into each cell of the first CSV row. */
function csvCellCases(fn: string, argsOf: (text: string) => unknown[]): FuzzCase[] {
  const cases: FuzzCase[] = [];
  CSV_HEADER.split(",").forEach((column, c) => {
    for (const hostile of HOSTILE_VALUES) {
      if (typeof hostile.value !== "string" && typeof hostile.value !== "number") continue;
      const text = String(hostile.value);
      const rows = CSV_ROWS.map((row, r) => row.map((value, k) => (r === 0 && k === c ? cell(text) : value)).join(","));
      const csv = [CSV_HEADER, ...rows].join("\n") + "\n";
      const where = `CSV cell ${column} of row 1`;
      cases.push({ key: `${fn} ${where} = ${hostile.label}`, label: hostile.label, args: () => argsOf(csv) });
    }
  });
  return cases;
}

const validCsv = [CSV_HEADER, ...CSV_ROWS.map((row) => row.join(","))].join("\n") + "\n";

const SCHEMA_VALID: Readonly<Record<string, unknown>> = {
  PurchaseSchema: purchases[0],
  CustomerEventSchema: { customerId: "a", at: "2024-01-05", type: "signup" },
  SurveyResponseSchema: { at: "2024-01-05", score: 9, segment: "web" },
  DateInputSchema: "2024-01-05",
  MoneyInputSchema: "10",
  SummaryRowSchema: { frequency: 1, recency: 10, T: 30, monetaryValue: "10" },
  KpiReportJsonSchema: JSON.parse(JSON.stringify((VALID_CALLS.renderMarkdown ?? [])[0])) as unknown,
};

/** `safeParse` of a schema, answering the parsed data (or null when it refused): it must never throw. */
function safeParser(name: string): Callable {
  const schema = (schemas as unknown as Record<string, { safeParse(value: unknown): { success: boolean; data?: unknown } }>)[name];
  if (schema === undefined) throw new Error(`no schema ${name}`);
  return (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
}

/** Every function the fuzz drives, by name. */
export const CALLABLES: ReadonlyMap<string, Callable> = new Map<string, Callable>([
  ...Object.entries(api)
    .filter(([name, value]) => typeof value === "function" && !NOT_DATA_FUNCTIONS.has(name))
    .map(([name, value]) => [name, value as Callable] as const),
  ["readLedger", readLedger as Callable],
  ["display", display as Callable],
  ...Object.keys(SCHEMA_VALID).map((name) => [`${name}.safeParse`, safeParser(name)] as const),
]);

/** The valid call each callable's cases start from. */
const VALID: ReadonlyMap<string, readonly unknown[]> = new Map<string, readonly unknown[]>([
  ...Object.entries(VALID_CALLS),
  ["readLedger", [{ purchases: Buffer.from(validCsv) }, {}]],
  ...Object.entries(SCHEMA_VALID).map(([name, value]) => [`${name}.safeParse`, [value]] as const),
]);

/** The fuzz cases of `fn`, in a fixed order. */
export function fuzzCasesOf(fn: string): FuzzCase[] {
  const valid = VALID.get(fn);
  if (valid === undefined) throw new Error(`no valid call of ${fn}: add one to VALID_CALLS in test/api/validCalls.ts`);
  const cases = casesOf(fn, valid, GENERATED_PER_LEAF);
  if (fn === "parseLedgerText") cases.push(...csvCellCases(fn, (text) => [text, {}]));
  if (fn === "readLedger") cases.push(...csvCellCases(fn, (text) => [{ purchases: Buffer.from(text) }, {}]));
  return sampled(cases, SAMPLE_RATES[fn] ?? 1);
}
