import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Decimal,
  RetentionInputError,
  RetentionOptionsError,
  averageOrderValue,
  createLedger,
  historicalClv,
  kpiReport,
  ltvSegments,
  retentionClv,
  simpleClv,
  volumeDiscount,
  type Purchase,
} from "../../src/index";
import { toPlainDecimalString } from "../../src/core/plainDecimal";

/* Issue 12, items 1 and 2: money the ledger cannot hold exactly is a typed error, fast. */

const row = (amount: unknown, i = 0): Purchase => ({ customerId: `c${i}`, at: `2024-01-0${1 + (i % 9)}`, amount: amount as string });

function inputError(run: () => unknown): RetentionInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof RetentionInputError) return error;
    throw error;
  }
  throw new Error("expected a RetentionInputError");
}

function optionsError(run: () => unknown): RetentionOptionsError {
  try {
    run();
  } catch (error) {
    if (error instanceof RetentionOptionsError) return error;
    throw error;
  }
  throw new Error("expected a RetentionOptionsError");
}

/** Median wall time of `runs` calls, in milliseconds. */
function medianMs(run: () => void, runs = 51): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[runs >> 1]!;
}

describe("money the ledger cannot hold exactly (item 1)", () => {
  it("refuses 1e-400 next to 0 or 5 with an error naming the row, the field and the limit, never NaN or Infinity", () => {
    for (const other of ["0", "5"]) {
      const error = inputError(() => averageOrderValue([row(other), row("1e-400", 1)]));
      expect(error.issues[0]).toMatchObject({ index: 1, path: ["purchases", "amount"], code: "precision" });
      expect(error.message).toContain("has 400 decimal places; at most 15 are held exactly");
    }
  });

  it("refuses an amount too large for a safe integer of its own smallest place", () => {
    const error = inputError(() => createLedger([row("5"), row("1e400", 1)]));
    expect(error.issues[0]).toMatchObject({ index: 1, path: ["purchases", "amount"], code: "precision" });
    expect(error.message).toContain(`must be at most ${Number.MAX_SAFE_INTEGER}`);
  });

  it("checks cost with the same limits, and column input too", () => {
    const error = inputError(() => createLedger([{ ...row("5"), cost: "1e-20" }]));
    expect(error.issues[0]).toMatchObject({ index: 0, path: ["purchases", "cost"], code: "precision" });
    const columns = inputError(() => createLedger({ purchases: { customerId: ["a", "b"], at: ["2024-01-01", "2024-01-02"], amount: ["0", "1e-400"] } }));
    expect(columns.issues[0]).toMatchObject({ index: 1, path: ["purchases", "amount"], code: "precision" });
  });

  it("keeps amounts within the limits exact: 15 decimal places, 2^53 − 1 units", () => {
    const ledger = createLedger([row("0.000000000000001"), row("1", 1)]);
    expect(ledger.moneyScale).toBe(15);
    expect(averageOrderValue(ledger).revenue.toString()).toBe("1.000000000000001");
    expect(averageOrderValue([row("9007199254740991")]).revenue.toString()).toBe("9007199254740991");
  });

  it("gives every Decimal in every result as a finite value, or a typed error, for extreme exponents", () => {
    const amounts = fc.constantFrom("1e-400", "1e400", "1e-30", "123e-2", "0", "5", "-2.5", "1e-15", "1e15", 1e-300, 1e300, new Decimal("1e-999999999"));
    fc.assert(
      fc.property(fc.array(amounts, { minLength: 1, maxLength: 6 }), (list) => {
        const purchases = list.map((amount, i) => row(amount, i));
        let results: unknown[];
        try {
          const ledger = createLedger(purchases);
          results = [averageOrderValue(ledger), historicalClv(ledger, { asOf: "2024-02-01" }), ltvSegments(ledger, { method: "quantile" }), kpiReport(ledger)];
        } catch (error) {
          expect(error).toBeInstanceOf(RetentionInputError);
          return;
        }
        for (const result of results) expectFinite(result, "result");
      }),
      { numRuns: 150 },
    );
  });
});

/** Walks a result: every Decimal finite, every number finite (null allowed). */
function expectFinite(value: unknown, path: string, seen = new Set<unknown>()): void {
  if (value instanceof Decimal || (typeof value === "object" && value !== null && (value as { toStringTag?: unknown }).toStringTag === "[object Decimal]")) {
    expect((value as Decimal).isFinite(), path).toBe(true);
    return;
  }
  if (typeof value === "number") {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
    return;
  }
  if (typeof value !== "object" || value === null || seen.has(value)) return;
  seen.add(value);
  if (value instanceof Date) {
    expect(Number.isFinite(value.getTime()), path).toBe(true);
    return;
  }
  if (ArrayBuffer.isView(value)) return;
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  for (const [key, child] of entries) expectFinite(child, `${path}.${String(key)}`, seen);
}

describe("exponent and length limits before any expansion (item 2)", () => {
  it("refuses 1e999999999 in well under a millisecond, with the limit in the message", () => {
    const error = inputError(() => createLedger([row("1e999999999")]));
    expect(error.issues[0]).toMatchObject({ index: 0, path: ["purchases", "amount"] });
    expect(error.message).toContain("exponents beyond ±1000 are refused");
    expect(medianMs(() => toPlainDecimalString("1e999999999"))).toBeLessThan(0.1);
    expect(medianMs(() => toPlainDecimalString("1e99999999"))).toBeLessThan(0.1);
    expect(medianMs(() => toPlainDecimalString(new Decimal("1e-999999999")))).toBeLessThan(0.1);
    expect(medianMs(() => inputError(() => createLedger([row("1e999999999")])))).toBeLessThan(1);
  });

  it("refuses text over 100 characters before reading it", () => {
    const long = `1${"0".repeat(100)}`;
    expect(toPlainDecimalString(long)).toBeNull();
    expect(inputError(() => createLedger([row(long)])).message).toContain("amounts longer than 100 characters are refused");
    expect(medianMs(() => toPlainDecimalString("9".repeat(10_000_000)), 5)).toBeLessThan(0.1);
  });

  it("gives money options the same limits, as RetentionOptionsError naming the option", () => {
    const cases: [string, () => unknown][] = [
      ["averageOrderValue", () => simpleClv({ averageOrderValue: "1e999999999", purchasesPerPeriod: 1, periods: 1 })],
      ["schedule[1].min", () => volumeDiscount("10", [{ min: 0, rate: 0 }, { min: "1e-400", rate: 0.1 }])],
      ["margin", () => retentionClv({ margin: "1e999999999", retentionRate: 0.5, discountRate: 0.1 })],
      ["value", () => volumeDiscount("1e999999999", [{ min: 0, rate: 0 }])],
      ["unitPrice", () => volumeDiscount("10", [{ min: 0, rate: 0 }], { basis: "quantity", unitPrice: "1e400" })],
      ["tiers[0].min", () => ltvSegments([row("5")], { method: "thresholds", tiers: [{ name: "top", min: "1e999999999" }] } as never)],
    ];
    for (const [option, run] of cases) {
      const start = performance.now();
      expect(optionsError(run).option).toBe(option);
      expect(performance.now() - start).toBeLessThan(50);
    }
    expect(optionsError(cases[0]![1]).message).toContain("exponents beyond ±1000 are refused");
    expect(optionsError(cases[1]![1]).message).toContain("at most 15 are held exactly");
    // computed per-period figures (a margin, an average order value) are not ledger amounts: only the text limits apply
    expect(retentionClv({ margin: 36.193485221674876, retentionRate: 0.5, discountRate: 0.1 }).isFinite()).toBe(true);
    expect(simpleClv({ averageOrderValue: 100 / 3, purchasesPerPeriod: 1, periods: 1 }).isFinite()).toBe(true);
  });
});
