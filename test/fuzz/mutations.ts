import { HOSTILE_VALUES, hostileRow, hostileValue, labelOf, seededSample, type Hostile } from "../arbitraries/hostile";

/*
 * Builds the fuzz cases of one function from one valid call: every position of the call (each
 * argument, each field of a row, each option, nested ones too) gets null and undefined; every
 * leaf (a field or option holding a string, number, Date or Decimal) gets every fixed hostile
 * value; rows are also replaced whole by hostile rows; options and rows get extra own keys
 * named like `Object.prototype` members; and fast-check adds generated values at each leaf,
 * seeded by the position. One thing changes per case, so a failure names exactly what broke it.
 */

/**
 * One call of the fuzz: `key` (`<function> <position> = <value label>`) names it in reports and
 * in KNOWN_FAILURES; `label` names the hostile value; `args` builds the call's arguments.
 */
export interface FuzzCase {
  readonly key: string;
  readonly label: string;
  readonly args: () => unknown[];
}

type Path = readonly (string | number)[];

/** Objects the walk goes into: plain objects and arrays. Dates, Decimals, Maps and typed arrays are leaves. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `args` with the value at `path` replaced (or added, for a new key); only the objects on the path are copied. */
export function replaceAt(container: unknown, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const inner = rest.length === 0 ? value : replaceAt((container as Record<string | number, unknown>)[head], rest, value);
  if (Array.isArray(container)) {
    const copy = container.slice();
    copy[head as number] = inner;
    return copy;
  }
  const copy = Object.create(Object.getPrototypeOf(container) as object | null) as Record<string, unknown>;
  for (const key of Object.keys(container as object)) Object.defineProperty(copy, key, { value: (container as Record<string, unknown>)[key], enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, head, { value: inner, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** `args[0][1].amount` for the path [0, 1, "amount"]. */
export function describePath(path: Path): string {
  return path.map((part, i) => (i === 0 ? `args[${part}]` : typeof part === "number" ? `[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`)).join("");
}

interface Position {
  readonly path: Path;
  readonly leaf: boolean;
  readonly row: boolean;
  readonly object: boolean;
}

const MAX_DEPTH = 4;

/** Every position under `value` (at `path`): arrays are entered at their first element, plus their last one replaced whole. */
function positionsOf(value: unknown, path: Path, positions: Position[]): void {
  const leaf = !Array.isArray(value) && !isPlainObject(value);
  positions.push({ path, leaf, row: false, object: isPlainObject(value) });
  if (leaf || path.length >= MAX_DEPTH) return;
  if (Array.isArray(value)) {
    if (value.length === 0) return;
    positionsOf(value[0], [...path, 0], positions);
    if (value.length > 1 && isPlainObject(value[value.length - 1])) positions.push({ path: [...path, value.length - 1], leaf: false, row: true, object: false });
    return;
  }
  for (const key of Object.keys(value as object)) positionsOf((value as Record<string, unknown>)[key], [...path, key], positions);
}

const NULLISH: readonly Hostile[] = HOSTILE_VALUES.filter((hostile) => hostile.value === null || hostile.value === undefined);
const EXTRA_KEYS = ["__proto__", "constructor", "\u001b]0;x\u0007"];

/** A stable seed from a function name and a position, so each position draws its own values on every run. */
function seedOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** The fuzz cases of `fn` from its valid call `valid`, with `generated` fast-check values at each leaf (seeded by the position). */
export function casesOf(fn: string, valid: readonly unknown[], generated: number): FuzzCase[] {
  const cases: FuzzCase[] = [];
  const add = (path: Path, where: string, hostile: Hostile): void => {
    cases.push({ key: `${fn} ${where} = ${hostile.label}`, label: hostile.label, args: () => replaceAt(valid, path, hostile.value) as unknown[] });
  };
  const positions: Position[] = [];
  valid.forEach((arg, i) => positionsOf(arg, [i], positions));
  for (const position of positions) {
    const where = describePath(position.path);
    const values = position.leaf ? HOSTILE_VALUES : NULLISH;
    for (const hostile of values) add(position.path, where, hostile);
    if (position.row) {
      for (const row of seededSample(hostileRow, 3, seedOf(`${fn}${where}`))) add(position.path, `${where} (whole row)`, { label: labelOf(row), value: row });
    }
    if (position.object) {
      for (const key of EXTRA_KEYS) add([...position.path, key], `${describePath([...position.path, key])} (added key)`, { label: "1", value: 1 });
    }
  }
  for (const position of positions.filter((p) => p.leaf)) {
    const where = describePath(position.path);
    for (const value of seededSample(hostileValue, generated, seedOf(`${fn} ${where}`))) add(position.path, `${where} (generated)`, { label: labelOf(value), value });
  }
  return dedupe(cases);
}

/** Drops cases whose key repeats (a generated value can equal a fixed one). */
function dedupe(cases: readonly FuzzCase[]): FuzzCase[] {
  const seen = new Set<string>();
  return cases.filter((c) => !seen.has(c.key) && seen.add(c.key));
}

/**
 * The share `rate` of `cases`, chosen by a hash of each key, so a case is in or out whatever
 * other cases exist (a new field in a result does not reshuffle the sample). Null and
 * undefined cases are all kept: every position gets both.
 */
export function sampled(cases: readonly FuzzCase[], rate: number): FuzzCase[] {
  const isNullish = (c: FuzzCase) => c.label === "null" || c.label === "undefined";
  return cases.filter((c) => isNullish(c) || seedOf(c.key) / 2 ** 32 < rate);
}
