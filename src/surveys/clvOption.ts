import type { PredictClvResult } from "../clv/models/predictClv";
import { decimalOption } from "../clv/readMoneyOption";
import type { Decimal, MoneyInput } from "../core/money";
import { describeValue } from "../input/describeValue";
import { RetentionOptionsError } from "../input/errors";

/** Predicted CLV per customer: a `Map` of customer id → amount, or a `predictClv` result. */
export type ClvEstimates = ReadonlyMap<string, MoneyInput> | PredictClvResult;

/**
 * Reads the `clv` option into a map of customer id → Decimal, every value checked. A
 * `predictClv` entry whose `clv` is `null` (spend undefined) or whose `customerId` is `null` is
 * left out; a customer listed twice is an error, as the two values cannot both be right.
 *
 * @throws {RetentionOptionsError} (option `clv`) on another shape, a non-string id, a bad amount or a repeated id
 */
export function readClvOption(value: unknown): Map<string, Decimal> | null {
  if (value === undefined) return null;
  const read = new Map<string, Decimal>();
  const add = (id: unknown, amount: unknown, where: string): void => {
    if (typeof id !== "string") throw new RetentionOptionsError("clv", `expected customer id strings, found ${describeValue(id)} ${where}`);
    if (read.has(id)) throw new RetentionOptionsError("clv", `customer ${JSON.stringify(id)} is listed twice`);
    read.set(id, decimalOption(`clv (customer ${JSON.stringify(id)})`, amount as MoneyInput));
  };
  if (value instanceof Map) {
    for (const [id, amount] of value) add(id, amount, "as a key");
    return read;
  }
  const customers = typeof value === "object" && value !== null ? (value as { customers?: unknown }).customers : undefined;
  if (!Array.isArray(customers)) {
    throw new RetentionOptionsError("clv", `expected a Map of customer id → CLV or a predictClv result, found ${describeValue(value)}`);
  }
  customers.forEach((entry: unknown, i) => {
    const { customerId, clv } = (typeof entry === "object" && entry !== null ? entry : {}) as { customerId?: unknown; clv?: unknown };
    if (customerId === null || clv === null) return;
    add(customerId, clv, `at customers[${i}]`);
  });
  return read;
}
