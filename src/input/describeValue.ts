/**
 * Names what a value is, for error messages: `null`, `a Map`, `a number (42)`, `a string ("x")`,
 * `an array`, `a Float64Array`, `an object with keys "a", "b"`.
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return `a ${typeof value} (${String(value)})`;
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (Array.isArray(value)) return "an array";
  const name = constructorName(value);
  if (name !== "Object" && name !== null) return `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`;
  const keys = Object.keys(value);
  return keys.length === 0 ? "an empty object" : `an object with keys ${keys.slice(0, 5).map((key) => JSON.stringify(key)).join(", ")}${keys.length > 5 ? ", …" : ""}`;
}

/** The name of an object's constructor (`"Map"`, `"Float64Array"`), `"Object"` for plain objects and `null` for prototype-less ones. */
function constructorName(value: object): string | null {
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === null) return null;
  const ctor: unknown = (prototype as { constructor?: unknown }).constructor;
  return typeof ctor === "function" && ctor.name !== "" ? ctor.name : "Object";
}

/** True for objects made by `{}`, `Object.create(null)` or another realm's `Object`: not arrays, Maps, Sets, Dates or other class instances. */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const name = constructorName(value);
  return name === null || name === "Object";
}

/**
 * A value as `String` writes it in a message (`found 42`, `found foo`), or, for a value
 * `String` cannot convert (an object without a prototype, one whose `toString` throws), what
 * `describeValue` says of it: writing an error message never throws an error of its own.
 *
 * @example
 * printValue(42) //=> "42"
 * printValue(Object.create(null)) //=> "an empty object"
 */
export function printValue(value: unknown): string {
  try {
    return String(value);
  } catch {
    return describeValue(value);
  }
}

/**
 * A value as JSON in a message (`{"frequency":1}`), or what `describeValue` says of it when
 * JSON cannot write it (a bigint, a cycle, a throwing getter).
 *
 * @example
 * printJson({ T: 10n }) //=> "an object with keys \"T\""
 */
export function printJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? describeValue(value);
  } catch {
    return describeValue(value);
  }
}
