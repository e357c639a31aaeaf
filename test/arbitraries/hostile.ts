import fc from "fast-check";

/*
 * Hostile values for the fuzz suite (test/fuzz/): what a user can type or a file can hold
 * that a careless parser turns into NaN, Infinity, an Invalid Date, a hang, a prototype
 * write, a terminal escape or a spreadsheet formula. Each value has a short, stable label:
 * the label names the case in failure reports and in the fuzz suite's KNOWN_FAILURES.
 */

/** A value with the label that names it in reports. */
export interface Hostile {
  readonly label: string;
  readonly value: unknown;
}

const LONG = 100_000;

/** Extreme exponents, as strings and as numbers (the number forms overflow to Infinity or underflow to 0). */
export const EXTREME_EXPONENTS: readonly Hostile[] = [
  { label: '"1e-400"', value: "1e-400" },
  { label: '"1e400"', value: "1e400" },
  { label: '"-1e400"', value: "-1e400" },
  { label: '"1e-30"', value: "1e-30" },
  { label: '"123e-2"', value: "123e-2" },
  { label: '"1e999999999"', value: "1e999999999" },
  { label: '"1e-999999999"', value: "1e-999999999" },
  { label: "1e-400 (number, 0)", value: 1e-400 },
  { label: "1e400 (number, Infinity)", value: 1e400 },
  { label: "1e999999999 (number, Infinity)", value: 1e999999999 },
];

/** Numbers out of every range a count, rate or amount can have. */
export const OUT_OF_RANGE_NUMBERS: readonly Hostile[] = [
  { label: "NaN", value: Number.NaN },
  { label: "Infinity", value: Number.POSITIVE_INFINITY },
  { label: "-Infinity", value: Number.NEGATIVE_INFINITY },
  { label: "-0", value: -0 },
  { label: "2^53+1", value: 2 ** 53 + 1 },
  { label: "-1", value: -1 },
  { label: "-7 (negative count)", value: -7 },
  { label: "1.5 (fractional count)", value: 1.5 },
  { label: "0.9999999999999999", value: 0.9999999999999999 },
  { label: "Number.MAX_VALUE", value: Number.MAX_VALUE },
  { label: "5e-324", value: 5e-324 },
  { label: '"NaN"', value: "NaN" },
  { label: '"Infinity"', value: "Infinity" },
  { label: '"0x9"', value: "0x9" },
  { label: '"0.3" (a number as a string)', value: "0.3" },
];

/** Dates at and past the edges of what `Date` holds, or with impossible offsets. */
export const HOSTILE_DATES: readonly Hostile[] = [
  { label: '"+275760-09-13T00:00:00.001Z"', value: "+275760-09-13T00:00:00.001Z" },
  { label: '"+275760-09-13"', value: "+275760-09-13" },
  { label: '"-271821-04-19"', value: "-271821-04-19" },
  { label: '"-271821-04-19T00:00:00.000Z"', value: "-271821-04-19T00:00:00.000Z" },
  { label: '"9999-12-31"', value: "9999-12-31" },
  { label: '"0000-01-01"', value: "0000-01-01" },
  { label: '"2024-01-01T00:00:00+99:00"', value: "2024-01-01T00:00:00+99:00" },
  { label: '"2024-02-30"', value: "2024-02-30" },
  { label: "Invalid Date", value: new Date(Number.NaN) },
  { label: "Date(8.64e15) (the last Date)", value: new Date(8.64e15) },
  { label: "Date(-8.64e15) (the first Date)", value: new Date(-8.64e15) },
  { label: "8.64e15+1 (epoch ms past the last Date)", value: 8.64e15 + 1 },
];

/** Control characters a terminal obeys: ESC sequences, NUL, DEL, C1. */
export const CONTROL_CHARACTERS: readonly Hostile[] = [
  { label: '"ESC]0;pwned BEL"', value: "\u001b]0;pwned\u0007" },
  { label: '"ESC[2J"', value: "\u001b[2J" },
  { label: '"a NUL b"', value: "a\u0000b" },
  { label: '"DEL"', value: "\u007f" },
  { label: '"C1 NEL CSI"', value: "\u0085\u009b31m" },
  { label: '"CR LF"', value: "a\r\nb" },
];

/** Cells a spreadsheet runs as formulas (OWASP CSV injection). */
export const FORMULA_PREFIXES: readonly Hostile[] = [
  { label: '"=HYPERLINK(…)"', value: '=HYPERLINK("http://x","y")' },
  { label: '"+cmd|…"', value: "+cmd|' /C calc'!A0" },
  { label: '"-2+3"', value: "-2+3" },
  { label: '"@SUM(1)"', value: "@SUM(1)" },
  { label: '"TAB=1+1"', value: "\t=1+1" },
  { label: '"CR=1+1"', value: "\r=1+1" },
];

/** Ids and keys that are members of `Object.prototype`. */
export const PROTOTYPE_NAMES: readonly Hostile[] = [
  { label: '"__proto__"', value: "__proto__" },
  { label: '"constructor"', value: "constructor" },
  { label: '"toString"', value: "toString" },
  { label: '"hasOwnProperty"', value: "hasOwnProperty" },
];

/** Long and empty strings, and Markdown/HTML that must stay text. */
export const LONG_AND_ODD_STRINGS: readonly Hostile[] = [
  { label: '"" (empty)', value: "" },
  { label: '" " (blank)', value: " " },
  { label: '100k × "a"', value: "a".repeat(LONG) },
  { label: '100k × "9"', value: "9".repeat(LONG) },
  { label: '"0." + 100k × "1"', value: `0.${"1".repeat(LONG)}` },
  { label: '"<script>|`x`[y](z)"', value: "<script>alert(1)</script>|`x`[y](z)\\|" },
];

/** Values of the wrong kind in any position. */
export const WRONG_KINDS: readonly Hostile[] = [
  { label: "null", value: null },
  { label: "undefined", value: undefined },
  { label: "true", value: true },
  { label: "{}", value: {} },
  { label: "[]", value: [] },
  { label: '{ "__proto__": 1 } (own key)', value: JSON.parse('{"__proto__": 1}') as unknown },
  { label: "Object.create(null)", value: Object.create(null) as unknown },
  { label: "a Map", value: new Map([["a", 1]]) },
  { label: "a function", value: () => 1 },
  { label: "a symbol", value: Symbol("x") },
  { label: "10n (bigint)", value: 10n },
];

/** Every fixed hostile value. */
export const HOSTILE_VALUES: readonly Hostile[] = [
  ...WRONG_KINDS,
  ...EXTREME_EXPONENTS,
  ...OUT_OF_RANGE_NUMBERS,
  ...HOSTILE_DATES,
  ...CONTROL_CHARACTERS,
  ...FORMULA_PREFIXES,
  ...PROTOTYPE_NAMES,
  ...LONG_AND_ODD_STRINGS,
];

/** A short, stable description of a generated value, for its label. */
export function labelOf(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : `Date(${value.getTime()})`;
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…(${value.length} chars)` : value);
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return `{ ${Object.entries(value).map(([key, field]) => `${key}: ${labelOf(field)}`).join(", ")} }`;
  }
  return JSON.stringify(value) ?? String(value);
}

const fixed = (values: readonly Hostile[]): fc.Arbitrary<unknown> => fc.constantFrom(...values.map((hostile) => hostile.value));

/** A generated hostile string: a formula prefix, a control character or an exponent glued to ordinary text. */
export const hostileString: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", "=", "+", "-", "@", "\t", "\r", "\u001b[", "\u0000", "\u007f", "\u009b", "__proto__"),
    fc.string({ maxLength: 12 }),
    fc.constantFrom("", "e400", "e-400", "e99999", "\n", "|", "<b>"),
  )
  .map(([prefix, middle, suffix]) => `${prefix}${middle}${suffix}`);

/** A generated out-of-range or extreme number. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer({ min: -(2 ** 31), max: -1 }),
  fc.constantFrom(2 ** 53 + 1, -(2 ** 53) - 1, 1e308, -1e308),
  fc.double({ min: 0, max: 10, noNaN: true }).filter((x) => !Number.isInteger(x)),
);

/** A generated date at the edges or out of range: a Date, epoch ms or an ISO string with an offset. */
export const hostileDate: fc.Arbitrary<unknown> = fc.oneof(
  fc.date({ noInvalidDate: false }),
  fc.integer({ min: 8_640_000_000_000_000 - 10, max: 8_640_000_000_000_000 + 10 }),
  fc.tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `2024-01-01T00:00:00${h < 0 ? "-" : "+"}${String(Math.abs(h)).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
  fc.integer({ min: 10_000, max: 300_000 }).map((year) => `+${String(year).padStart(6, "0")}-01-01`),
);

/** Any hostile value: one of the fixed ones or a generated string, number or date. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(fixed(HOSTILE_VALUES), hostileString, hostileNumber, hostileDate);

/** A whole purchase-shaped row whose every field is hostile. */
export const hostileRow: fc.Arbitrary<Record<string, unknown>> = fc.record({
  customerId: fc.oneof(fixed([...PROTOTYPE_NAMES, ...CONTROL_CHARACTERS, ...FORMULA_PREFIXES, ...WRONG_KINDS]), hostileString),
  at: fc.oneof(fixed(HOSTILE_DATES), hostileDate),
  amount: fc.oneof(fixed([...EXTREME_EXPONENTS, ...OUT_OF_RANGE_NUMBERS].filter((h) => h.label !== '"1e999999999"')), hostileNumber),
});

/** `count` values drawn from `arbitrary` with a fixed seed: the same values on every run. */
export function seededSample<T>(arbitrary: fc.Arbitrary<T>, count: number, seed: number): T[] {
  return fc.sample(arbitrary, { numRuns: count, seed });
}
