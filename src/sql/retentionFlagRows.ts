import * as z from "zod/mini";
import { idField, moneyField, parseAggregateRows } from "./aggregateRows";
import { moneyUnits } from "./moneyUnits";
import { rowError } from "./rowError";

/** One row of `retentionFlagsSql`, as the driver returned it. */
export interface RetentionFlagRow {
  readonly customer_id: string | number | bigint;
  readonly active_at_start: number | bigint | string | boolean;
  readonly active_at_end: number | bigint | string | boolean;
  readonly new_in_period: number | bigint | string | boolean;
  readonly ordered_before_base: number | bigint | string | boolean;
  readonly base_revenue: number | bigint | string;
  readonly current_revenue: number | bigint | string;
}

/** A 0/1 flag: 0 or 1 as a number, bigint or string, or a boolean. */
const flagField = z.pipe(
  z.union([z.number(), z.bigint(), z.string(), z.boolean()]),
  z.transform((value, context) => {
    const text = String(value);
    if (text === "1" || text === "true") return true;
    if (text === "0" || text === "false") return false;
    context.issues.push({ code: "custom", input: value, message: `expected a flag 0 or 1, found ${JSON.stringify(text)}` });
    return z.NEVER;
  }),
);

const RetentionFlagRowSchema = z.object({
  customer_id: idField,
  active_at_start: flagField,
  active_at_end: flagField,
  new_in_period: flagField,
  ordered_before_base: flagField,
  base_revenue: moneyField,
  current_revenue: moneyField,
});

/** A flag row read: flags as booleans, revenue as integer units of `scale` decimal places. */
export interface ReadFlagRow {
  readonly activeAtStart: boolean;
  readonly activeAtEnd: boolean;
  readonly isNew: boolean;
  readonly orderedBeforeBase: boolean;
  readonly base: number;
  readonly current: number;
}

/**
 * Validates the rows of `retentionFlagsSql` (a `RetentionInputError` naming `rows[i].field`,
 * also for a customer id that appears twice) and puts both revenues on one scale of units.
 *
 * @example
 * readFlagRows([{ customer_id: "a", active_at_start: 1, active_at_end: 0, new_in_period: 0,
 *                 ordered_before_base: 0, base_revenue: "9.5", current_revenue: "0" }])
 * //=> { scale: 1, rows: [{ activeAtStart: true, activeAtEnd: false, …, base: 95, current: 0 }] }
 */
export function readFlagRows(rows: readonly RetentionFlagRow[]): { readonly scale: number; readonly rows: ReadFlagRow[] } {
  const parsed = parseAggregateRows(rows, RetentionFlagRowSchema);
  const seen = new Set<string>();
  parsed.forEach((row, index) => {
    if (seen.has(row.customer_id)) throw rowError(index, "customer_id", `customer ${JSON.stringify(row.customer_id)} appears in more than one row`);
    seen.add(row.customer_id);
  });
  const money = moneyUnits(parsed.flatMap((row, index) => [[row.base_revenue, index, "base_revenue"] as const, [row.current_revenue, index, "current_revenue"] as const]));
  return {
    scale: money.scale,
    rows: parsed.map((row) => ({
      activeAtStart: row.active_at_start,
      activeAtEnd: row.active_at_end,
      isNew: row.new_in_period,
      orderedBeforeBase: row.ordered_before_base,
      base: money.units(row.base_revenue),
      current: money.units(row.current_revenue),
    })),
  };
}
