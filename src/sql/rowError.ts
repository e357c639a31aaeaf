import { RetentionInputError } from "../input/errors";

/**
 * A `RetentionInputError` about one field of one aggregate row, read as `rows[i].field: message`:
 * for rows that are well formed one by one but do not fit together or with the options (a
 * cohort without its offset-0 row, an offset past `asOf`).
 *
 * @example
 * rowError(3, "period_offset", "is past the last bucket finished by asOf").message
 * //=> "rows[3].period_offset: is past the last bucket finished by asOf"
 */
export function rowError(index: number, field: string, message: string): RetentionInputError {
  return new RetentionInputError([{ index, path: ["rows", field], code: "custom", message }]);
}
