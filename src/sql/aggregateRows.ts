import * as z from "zod/mini";
import { toPlainDecimalString } from "../core/plainDecimal";
import { parseIsoToEpochMs } from "../core/time";
import { IssueCollector, RetentionInputError } from "../input/errors";

/**
 * The rows a warehouse query returned, as the finishing functions read them. Drivers differ in
 * what they hand back for one SQL type (PostgreSQL's `pg` gives NUMERIC and BIGINT as strings,
 * DuckDB gives bigint, BigQuery's client gives numbers or strings), so each field accepts the
 * forms that carry the value exactly, and nothing that would need a guess.
 */

/** A count: a whole number ≥ 0 as a number, a bigint, or a string of digits. */
export const countField = z.pipe(
  z.union([z.number(), z.bigint(), z.string()]),
  z.transform((value, context) => {
    const n = typeof value === "string" ? (/^\d{1,15}$/.test(value) ? Number(value) : NaN) : Number(value);
    if (Number.isSafeInteger(n) && n >= 0) return n;
    context.issues.push({ code: "custom", input: value, message: `expected a whole number ≥ 0 (number, bigint or digits), found ${JSON.stringify(String(value))}` });
    return z.NEVER;
  }),
);

/** Money: a decimal string, a number or a bigint, kept exact as a plain decimal string. */
export const moneyField = z.pipe(
  z.union([z.number(), z.bigint(), z.string()]),
  z.transform((value, context) => {
    const plain = toPlainDecimalString(typeof value === "bigint" ? value.toString() : value);
    if (plain !== null) return plain;
    context.issues.push({ code: "custom", input: value, message: `expected an amount (decimal string or finite number), found ${JSON.stringify(String(value))}` });
    return z.NEVER;
  }),
);

/** A real number (a time in days or weeks): a finite number, or a numeric string. */
export const numberField = z.pipe(
  z.union([z.number(), z.string()]),
  z.transform((value, context) => {
    const n = typeof value === "string" && /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(value) ? Number(value) : value;
    if (typeof n === "number" && Number.isFinite(n)) return n;
    context.issues.push({ code: "custom", input: value, message: `expected a finite number, found ${JSON.stringify(String(value))}` });
    return z.NEVER;
  }),
);

/** A calendar day or an instant: a `Date`, or an ISO string; as epoch milliseconds (UTC). */
export const instantField = z.pipe(
  z.union([z.date(), z.string()]),
  z.transform((value, context) => {
    const ms = value instanceof Date ? value.getTime() : parseIsoToEpochMs(value);
    if (ms !== null && Number.isFinite(ms)) return ms;
    context.issues.push({ code: "custom", input: value, message: `expected a date (Date or ISO string), found ${JSON.stringify(String(value))}` });
    return z.NEVER;
  }),
);

/** A customer id as text: a non-empty string, or a number or bigint (written in decimal). */
export const idField = z.pipe(
  z.union([z.string(), z.number(), z.bigint()]),
  z.transform((value, context) => {
    const id = String(value);
    if (id.length > 0 && (typeof value !== "number" || Number.isFinite(value))) return id;
    context.issues.push({ code: "custom", input: value, message: "expected a non-empty customer id" });
    return z.NEVER;
  }),
);

/**
 * Validates the rows a query returned with `schema`, one row at a time: an array of plain
 * objects, else a `RetentionInputError` whose issues name `<collection>[i].field` (the first
 * 100; `collection` defaults to `rows`).
 *
 * @example
 * parseAggregateRows([{ n: "3" }], z.object({ n: countField })) //=> [{ n: 3 }]
 * parseAggregateRows([{ n: -1 }], z.object({ n: countField }))  // throws: rows[0].n: expected a whole number ≥ 0 …
 */
export function parseAggregateRows<T>(rows: unknown, schema: z.ZodMiniType<T>, collection = "rows"): T[] {
  if (!Array.isArray(rows)) {
    throw new RetentionInputError([{ index: -1, path: [collection], code: "invalid_type", message: `expected an array of the query's rows, found ${rows === null ? "null" : typeof rows}` }]);
  }
  const issues = new IssueCollector();
  const parsed: T[] = [];
  for (let index = 0; index < rows.length; index++) {
    const result = z.safeParse(schema, rows[index]);
    if (result.success) parsed.push(result.data);
    else for (const issue of result.error.issues) issues.add({ index, path: [collection, ...issue.path.map((key) => (typeof key === "symbol" ? String(key) : key))], code: issue.code, message: issue.message });
  }
  issues.throwIfAny();
  return parsed;
}
