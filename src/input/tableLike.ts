/**
 * The few members of an Apache Arrow vector (or any column of a table library that copies
 * its API: flechette, arquero's `toArrow()`) that the library reads. Nothing imports Arrow:
 * tables are recognised by shape.
 */
export interface ArrowVectorLike {
  readonly length: number;
  /** Number of null entries; when above 0, `isValid(i)` tells which. */
  readonly nullCount?: number;
  /** The Arrow `DataType`: its `typeId` (and `unit`, `scale`, `bitWidth`, `dictionary` where they apply). */
  readonly type?: unknown;
  /** One entry; not read by the library today (it reads whole columns with `toArray()`). */
  get?(index: number): unknown;
  isValid?(index: number): boolean;
  toArray(): unknown;
}

/** A table with `numRows` and `getChild(name)`, which is what an Apache Arrow `Table` exposes. */
export interface ArrowTableLike {
  readonly numRows: number;
  getChild(name: string): ArrowVectorLike | null;
}

/** True when `value` has a numeric `numRows` and a `getChild` method: an Arrow table or one like it. */
export function isTableLike(value: unknown): value is ArrowTableLike {
  if (typeof value !== "object" || value === null) return false;
  const table = value as { numRows?: unknown; getChild?: unknown };
  return typeof table.numRows === "number" && typeof table.getChild === "function";
}

/** The column names of a table, where it exposes `schema.fields[].name` (for suggestions). */
export function tableColumnNames(table: ArrowTableLike): string[] {
  const fields: unknown = (table as { schema?: { fields?: unknown } }).schema?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.map((field: unknown) => (field as { name?: unknown }).name).filter((name): name is string => typeof name === "string");
}
