import { Decimal, ModelFitError, RetentionInputError, RetentionOptionsError } from "retention-metrics";

/*
 * What the fuzz suite asks of every call: it throws a typed error or returns a finite result
 * (no NaN, Infinity, Invalid Date or non-finite Decimal anywhere inside it, however deep), and
 * it finishes within a second.
 */

/** The time limit of one call, in milliseconds. */
export const CALL_LIMIT_MS = 1_000;

/** Where inside a result a non-finite value sits, e.g. `.revenue (Decimal NaN)`; null when there is none. */
export function nonFiniteIn(value: unknown, path = "", seen = new WeakSet<object>(), tokensAllowed = false): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : `${path || "result"} (${value})`;
  if (typeof value === "string") {
    if (tokensAllowed) return null;
    const token = /\bNaN\b|\bInfinity\b|Invalid Date/.exec(value);
    return token === null ? null : `${path || "result"} (text holds "${token[0]}")`;
  }
  if (typeof value !== "object" || value === null) return null;
  if (Decimal.isDecimal(value)) return (value as Decimal).isFinite() ? null : `${path} (Decimal ${(value as Decimal).toString()})`;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? null : `${path} (Invalid Date)`;
  if (seen.has(value)) return null;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    if (value instanceof Float64Array || value instanceof Float32Array) {
      const bad = value.findIndex((x) => !Number.isFinite(x));
      return bad < 0 ? null : `${path}[${bad}] (${value[bad]})`;
    }
    return null;
  }
  if (value instanceof Map) {
    for (const [key, entry] of value) {
      const found = nonFiniteIn(key, `${path}<key>`, seen, tokensAllowed) ?? nonFiniteIn(entry, `${path}.get(${String(key)})`, seen, tokensAllowed);
      if (found !== null) return found;
    }
    return null;
  }
  if (value instanceof Set || Array.isArray(value)) {
    let i = 0;
    for (const entry of value) {
      const found = nonFiniteIn(entry, `${path}[${i++}]`, seen, tokensAllowed);
      if (found !== null) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const found = nonFiniteIn((value as Record<string, unknown>)[key], `${path}.${key}`, seen, tokensAllowed);
    if (found !== null) return found;
  }
  return null;
}

/** True for the library's typed errors. */
export function isTypedError(error: unknown): boolean {
  return error instanceof RetentionInputError || error instanceof RetentionOptionsError || error instanceof ModelFitError;
}

/** One line naming an untyped error: its class and message, cut short. */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.constructor.name}: ${error.message}` : `a thrown ${typeof error} (${String(error)})`;
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** What went wrong in one call, or null when it answered as required. */
export interface Verdict {
  readonly problem: string | null;
  readonly ms: number;
}

/** True when a case's input holds the words "NaN" or "Infinity", which a renderer may then echo as text. */
export function inputNamesNonFinite(label: string): boolean {
  return /NaN|Infinity/.test(label);
}

/**
 * Runs `call` and judges it. `tokensAllowed` lets result text hold "NaN" and "Infinity" (when
 * the input itself held those words, a renderer may echo them as ids).
 */
export async function judge(call: () => unknown, tokensAllowed: boolean): Promise<Verdict> {
  const started = performance.now();
  let result: unknown;
  let thrown: { error: unknown } | null = null;
  try {
    result = call();
    if (result instanceof Promise) result = await result;
  } catch (error) {
    thrown = { error };
  }
  const ms = performance.now() - started;
  const slow = ms > CALL_LIMIT_MS ? `took ${Math.round(ms)} ms (limit ${CALL_LIMIT_MS})` : null;
  if (thrown !== null) {
    if (!isTypedError(thrown.error)) return { problem: [`threw untyped ${describeError(thrown.error)}`, slow].filter(Boolean).join("; "), ms };
    return { problem: slow, ms };
  }
  const found = nonFiniteIn(result, "", new WeakSet(), tokensAllowed);
  return { problem: [found === null ? null : `returned a non-finite value at ${found}`, slow].filter(Boolean).join("; ") || null, ms };
}
