import { CliError } from "../errors";

/** Fields each kind of record has; the first ones are required. */
export const RECORD_FIELDS = {
  purchases: { required: ["customerId", "at", "amount"], optional: ["orderId", "cost", "quantity", "currency"] },
  events: { required: ["customerId", "at", "type"], optional: [] },
  surveys: { required: ["at", "score"], optional: ["customerId", "segment"] },
} as const;

/** A kind of input file. */
export type RecordKind = keyof typeof RECORD_FIELDS;

const ALL_FIELDS: ReadonlySet<string> = new Set(Object.values(RECORD_FIELDS).flatMap((f) => [...f.required, ...f.optional]));

/**
 * Reads `--columns customerId=cust_id,at=order_date` (repeatable) into field → column name.
 * A mapped column missing from a file falls back to the field's own name there.
 */
export function parseColumns(specs: readonly string[]): ReadonlyMap<string, string> {
  const mapping = new Map<string, string>();
  for (const spec of specs) {
    for (const part of spec.split(",")) {
      if (part.trim() === "") continue;
      const eq = part.indexOf("=");
      const field = part.slice(0, eq).trim();
      const column = part.slice(eq + 1).trim();
      if (eq < 0 || field === "" || column === "") throw new CliError(`--columns: expected field=column, found "${part}"`);
      if (!ALL_FIELDS.has(field)) throw new CliError(`--columns: unknown field "${field}" (fields: ${[...ALL_FIELDS].join(", ")})`);
      mapping.set(field, column);
    }
  }
  return mapping;
}
