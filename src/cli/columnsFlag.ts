import { ALL_FIELDS } from "../io/fields";
import { CliError } from "./errors";

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
      if (!ALL_FIELDS.includes(field)) throw new CliError(`--columns: unknown field "${field}" (fields: ${ALL_FIELDS.join(", ")})`);
      mapping.set(field, column);
    }
  }
  return mapping;
}
