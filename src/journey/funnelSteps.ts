import { describeValue, isPlainObject } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";
import type { FunnelOccurrence, FunnelStep } from "./funnelTypes";

/** Most steps a funnel may have (a step is one bit of a 32-bit mask). */
export const MAX_FUNNEL_STEPS = 32;

/** A step read and checked: what it matches, before it meets a ledger. */
export interface FunnelStepSpec {
  readonly label: string;
  /** The event type, or `null` for an order step. */
  readonly eventType: string | null;
  /** For an order step: the order number it needs (1, 2, ...), or 0 for any order. */
  readonly orderNumber: number;
  readonly where: ((occurrence: FunnelOccurrence) => boolean) | null;
}

const PREDICATE_KEYS = new Set(["type", "where", "label"]);
const ORDER_N = /^order:(\d+)$/;

/**
 * Reads `steps`: a non-empty array of at most 32 steps, each an event type, `"order"`,
 * `"order:N"` (N a whole number ≥ 1) or `{ type, where?, label? }`. Anything else is a
 * `RetentionOptionsError` naming `steps[i]`.
 *
 * @example
 * readFunnelSteps(["signup", "order:2"])[1] //=> { label: "order:2", eventType: null, orderNumber: 2, where: null }
 */
export function readFunnelSteps(steps: unknown): FunnelStepSpec[] {
  if (!Array.isArray(steps)) throw new RetentionOptionsError("steps", `expected an array of steps, found ${describeValue(steps)}`);
  if (steps.length === 0 || steps.length > MAX_FUNNEL_STEPS) {
    throw new RetentionOptionsError("steps", `expected 1 to ${MAX_FUNNEL_STEPS} steps, found ${steps.length}`);
  }
  return (steps as readonly unknown[]).map((step, i) => readStep(step, `steps[${i}]`));
}

function readStep(step: unknown, name: string): FunnelStepSpec {
  if (typeof step === "string") return { ...readType(step, name), label: step, where: null };
  if (!isPlainObject(step)) {
    throw new RetentionOptionsError(name, `expected an event type, "order", "order:N" or { type, where? }, found ${describeValue(step)}`);
  }
  for (const key of Object.keys(step)) {
    if (!PREDICATE_KEYS.has(key)) throw new RetentionOptionsError(name, `expected { type, where?, label? }, found the key ${JSON.stringify(key)}`);
  }
  const predicate = step as Readonly<Record<string, unknown>>;
  if (typeof predicate.type !== "string") throw new RetentionOptionsError(`${name}.type`, `expected a step string such as "signup" or "order:2", found ${describeValue(predicate.type)}`);
  const where = predicate.where;
  if (where !== undefined && typeof where !== "function") throw new RetentionOptionsError(`${name}.where`, `expected a function of the occurrence, found ${describeValue(where)}`);
  const label = predicate.label;
  if (label !== undefined && (typeof label !== "string" || label === "")) throw new RetentionOptionsError(`${name}.label`, `expected a non-empty string, found ${describeValue(label)}`);
  return {
    ...readType(predicate.type, `${name}.type`),
    label: label ?? (where === undefined ? predicate.type : `${predicate.type} (where)`),
    where: (where as FunnelStepSpec["where"] | undefined) ?? null,
  };
}

function readType(text: string, name: string): Pick<FunnelStepSpec, "eventType" | "orderNumber"> {
  if (text.trim() === "") throw new RetentionOptionsError(name, "expected a non-empty step");
  if (text === "order") return { eventType: null, orderNumber: 0 };
  if (text.startsWith("order:")) {
    const match = ORDER_N.exec(text);
    const n = match === null ? Number.NaN : Number(match[1]);
    if (!(Number.isSafeInteger(n) && n >= 1)) throw new RetentionOptionsError(name, `expected "order:N" with N a whole number ≥ 1, found ${JSON.stringify(text)}`);
    return { eventType: null, orderNumber: n };
  }
  return { eventType: text, orderNumber: 0 };
}
