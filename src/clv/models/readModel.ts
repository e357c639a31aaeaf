import { RetentionOptionsError } from "../../input/errors";
import type { CustomerHistory, ModelName } from "./modelTypes";
import { printJson, printValue } from "../../input/describeValue";

const PARAMS: Readonly<Record<ModelName, readonly string[]>> = {
  "bg-nbd": ["r", "alpha", "a", "b"],
  "mbg-nbd": ["r", "alpha", "a", "b"],
  "pareto-nbd": ["r", "alpha", "s", "beta"],
  "gamma-gamma": ["p", "q", "gamma"],
  sbg: ["alpha", "beta"],
  "bg-bb": ["alpha", "beta", "gamma", "delta"],
};

/**
 * Checks that `model` is a fitted model of one of `allowed` kinds with finite, positive
 * parameters (as it is after `JSON.parse`), and returns it.
 *
 * @throws {RetentionOptionsError} (option `model`) naming what is wrong
 */
export function readModel<M extends { readonly model: ModelName; readonly params: object }>(model: M, allowed: readonly M["model"][], fn: string): M {
  if (typeof model !== "object" || model === null || !allowed.includes(model.model)) {
    throw new RetentionOptionsError("model", `${fn} expects a ${allowed.join(" or ")} model, found ${describe(model)}`);
  }
  const params = model.params as Record<string, unknown>;
  for (const name of PARAMS[model.model]) {
    const value = typeof params === "object" && params !== null ? params[name] : undefined;
    if (!(typeof value === "number" && Number.isFinite(value) && value > 0)) {
      throw new RetentionOptionsError("model", `${fn}: expected params.${name} to be a finite number > 0, found ${printValue(value)}`);
    }
  }
  return model;
}

function describe(model: unknown): string {
  if (typeof model !== "object" || model === null) return String(model);
  const name = (model as { model?: unknown }).model;
  return typeof name === "string" ? `model "${name}"` : `model ${printValue(name)}`;
}

/** Checks a customer's history: frequency ≥ 0, 0 ≤ recency ≤ T, all finite. */
export function readCustomer(customer: CustomerHistory, fn: string): CustomerHistory {
  const { frequency: x, recency: tx, T } = customer ?? ({} as CustomerHistory);
  if (!(Number.isFinite(x) && x >= 0 && Number.isFinite(tx) && tx >= 0 && Number.isFinite(T) && tx <= T && (x > 0 || tx === 0))) {
    throw new RetentionOptionsError(
      "customer",
      `${fn} expects { frequency ≥ 0, recency (first → last) in [0, T], T }, with recency 0 when frequency is 0; found ${printJson(customer)}`,
    );
  }
  return customer;
}

/** Checks a non-negative, finite time (a horizon or t). */
export function readTime(name: string, value: number, fn: string): number {
  if (!(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
    throw new RetentionOptionsError(name, `${fn} expects a finite time ≥ 0 in the model's time unit, found ${printValue(value)}`);
  }
  return value;
}

/**
 * Returns a prediction that is finite and ≥ 0 (tiny negative rounding becomes 0), or throws
 * `RetentionOptionsError` (option `t`) when the special functions could not evaluate it, so a
 * NaN never reaches the caller.
 */
export function nonNegativeResult(value: number, fn: string): number {
  if (Number.isNaN(value) || value === Number.POSITIVE_INFINITY) {
    throw new RetentionOptionsError("t", `${fn} could not be evaluated for this model, customer and horizon (the hypergeometric series did not converge; very large fitted a and b usually mean the likelihood's optimum is at infinity: refit with a small penalizer)`);
  }
  return Math.max(0, value);
}
