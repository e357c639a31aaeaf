import fc from "fast-check";
import { CONTROL_CHARACTERS, EXTREME_EXPONENTS, FORMULA_PREFIXES, HOSTILE_DATES, PROTOTYPE_NAMES, seededSample, type Hostile } from "../arbitraries/hostile";

/*
 * The CLI fuzz cases: hostile CSV cells, flag values and command names, each case changing one
 * of them in an otherwise valid run. Fixed cases come first (the reproductions of issue 12),
 * then seeded fast-check ones; each has a stable key for KNOWN_FAILURES.
 */

/** One CLI run of the fuzz: the arguments, with `{purchases}`, `{surveys}` and `{model}` standing for files the test writes. */
export interface CliCase {
  readonly key: string;
  readonly args: readonly string[];
  /** Cells the case changes: row `row` (from 0) of the purchases file (of the surveys file for `segment`). */
  readonly cells?: readonly CellChange[];
}

/** One changed cell of an input file. */
export interface CellChange {
  readonly row: number;
  readonly column: "customerId" | "at" | "amount" | "segment";
  readonly value: string;
}

/** Commands and the flags that make them write CSV. */
const CSV_COMMANDS: readonly (readonly string[])[] = [
  ["summary", "--purchases", "{purchases}"],
  ["predict", "--model", "{model}", "--purchases", "{purchases}"],
  ["defections", "--purchases", "{purchases}", "--format", "csv"],
  ["segments", "--purchases", "{purchases}", "--format", "csv"],
  ["report", "--purchases", "{purchases}", "--format", "csv"],
  ["cohorts", "--purchases", "{purchases}", "--format", "csv"],
  ["nps", "--surveys", "{surveys}", "--format", "csv"],
];

const stringsOf = (values: readonly Hostile[]): string[] => values.map((hostile) => hostile.value).filter((value): value is string => typeof value === "string");
const ID_CELLS = [...stringsOf(FORMULA_PREFIXES), ...stringsOf(CONTROL_CHARACTERS), ...stringsOf(PROTOTYPE_NAMES), "<script>alert(1)</script>", "a|b\\|c"];
const AMOUNT_CELLS = [...stringsOf(EXTREME_EXPONENTS).filter((value) => value !== "1e999999999"), "-5", "+5", "0x10", "NaN"];
const DATE_CELLS = stringsOf(HOSTILE_DATES);

/** Hostile values of flags that take a value. */
const FLAG_VALUES: readonly (readonly [string, readonly string[]])[] = [
  ["--as-of", [...DATE_CELLS, "1e400", "\u001b]0;x\u0007"]],
  ["--top", ["-1", "0", "1.5", "1e999999999", "NaN", "9007199254740993", "constructor"]],
  ["--horizon", ["-1", "1e400", "NaN", "0", "1e999999999"]],
  ["--discount-rate", ["-1", "NaN", "Infinity", "1e-400", "0.9999999999999999"]],
  ["--penalizer", ["-1", "NaN", "1e400"]],
  ["--date-format", ["foo", "\u0000", "YYYY", "'"]],
  ["--period", ["foo", "2024-01-01..1999-01-01", "+275760-09-13..+275760-09-14", "__proto__"]],
  ["--columns", ["amount=totl", "__proto__=x", "customerId=", "=,,="]],
  ["--skip", ["__proto__", "constructor,cohorts", ""]],
  ["--time-unit", ["month", "__proto__", ""]],
  ["--format", ["xml", "constructor", "\u001b[2J"]],
];

const COMMAND_NAMES = ["constructor", "__proto__", "toString", "hasOwnProperty", "\u001b]0;x\u0007", "", "REPORT", "report\u0000"];

const BASE_REPORT = ["report", "--purchases", "{purchases}", "--as-of", "2024-04-01"];

/** The fixed cases: every CSV-writing command on a file whose ids (segments) start with each formula prefix, then the reproductions. */
function fixedCases(): CliCase[] {
  const cases: CliCase[] = [];
  for (const command of CSV_COMMANDS) {
    const column = command[0] === "nps" ? "segment" : "customerId";
    const cells = stringsOf(FORMULA_PREFIXES).map((value, row) => ({ row, column, value }) as const);
    cases.push({ key: `${command[0]} csv with formula-prefixed ${column}s`, args: command, cells });
  }
  cases.push({ key: 'command "constructor"', args: ["constructor"] });
  cases.push({ key: "report --date-format foo", args: [...BASE_REPORT, "--date-format", "foo"] });
  cases.push({ key: 'summary with id "ESC]0;x BEL" in an invalid row', args: ["summary", "--purchases", "{purchases}"], cells: [{ row: 0, column: "at", value: "\u001b]0;x\u0007" }] });
  cases.push({ key: "report --columns amount=totl", args: [...BASE_REPORT, "--columns", "amount=totl"] });
  return cases;
}

/** A seeded hostile change: a cell, a flag value or a command name. */
const generatedCase: fc.Arbitrary<CliCase> = fc.oneof(
  fc.tuple(fc.constantFrom(...CSV_COMMANDS), fc.constantFrom(...ID_CELLS)).map(([command, value]): CliCase => ({ key: `${command[0]} with customerId ${JSON.stringify(value)}`, args: command, cells: [{ row: 0, column: "customerId", value }] })),
  fc.tuple(fc.constantFrom(...CSV_COMMANDS.slice(0, 6)), fc.constantFrom(...AMOUNT_CELLS)).map(([command, value]): CliCase => ({ key: `${command[0]} with amount ${JSON.stringify(value)}`, args: command, cells: [{ row: 0, column: "amount", value }] })),
  fc.tuple(fc.constantFrom(...CSV_COMMANDS.slice(0, 6)), fc.constantFrom(...DATE_CELLS)).map(([command, value]): CliCase => ({ key: `${command[0]} with at ${JSON.stringify(value)}`, args: command, cells: [{ row: 0, column: "at", value }] })),
  fc.constantFrom(...FLAG_VALUES).chain(([flag, values]) => fc.constantFrom(...values).map((value): CliCase => ({ key: `report ${flag} ${JSON.stringify(value)}`, args: [...BASE_REPORT, flag, value] }))),
  fc.constantFrom(...COMMAND_NAMES).map((name): CliCase => ({ key: `command ${JSON.stringify(name)}`, args: [name, "--purchases", "{purchases}"] })),
);

/** How many generated cases follow the fixed ones. */
const GENERATED = 40;

/** Every CLI fuzz case, the same on every run. */
export function cliCases(): CliCase[] {
  const seen = new Set<string>();
  return [...fixedCases(), ...seededSample(generatedCase, GENERATED, 20261201)].filter((c) => !seen.has(c.key) && seen.add(c.key));
}
