import { DuckDBInstance } from "@duckdb/node-api";
import {
  DateDay,
  DateMillisecond,
  Decimal as ArrowDecimal,
  Dictionary,
  Float64,
  Int32,
  Int64,
  makeData,
  makeVector,
  Table,
  tableFromArrays,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Utf8,
  vectorFromArray,
  type Vector,
} from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { averageOrderValue, createLedger, nps, RetentionInputError, retentionRate } from "retention-metrics";

/** Builds an Arrow table from named vectors (the real apache-arrow package, never an imitation). */
function table(columns: Record<string, Vector>): Table {
  return new Table(columns);
}

const utf8 = (values: (string | null)[]) => vectorFromArray(values, new Utf8());

/** A Decimal128 vector from unscaled integers (little-endian 32-bit words, two's complement). */
function decimal128(units: readonly bigint[], scale: number, precision = 38): Vector {
  const words = new Uint32Array(units.length * 4);
  units.forEach((value, i) => {
    let v = BigInt.asUintN(128, value);
    for (let w = 0; w < 4; w++) {
      words[i * 4 + w] = Number(v & 0xffffffffn);
      v >>= 32n;
    }
  });
  return makeVector(makeData({ type: new ArrowDecimal(scale, precision, 128), length: units.length, data: words }));
}

const rows = [
  { customerId: "a", at: "2024-01-05T10:00:00.000Z", amount: "19.99" },
  { customerId: "b", at: "2024-01-06T00:00:00.000Z", amount: "5.01" },
  { customerId: "a", at: "2024-02-01T12:30:00.000Z", amount: "-2.50" },
];
const times = rows.map((row) => new Date(row.at));

function inputError(call: () => unknown): RetentionInputError {
  try {
    call();
  } catch (error) {
    if (error instanceof RetentionInputError) return error;
    throw error;
  }
  throw new Error("expected a RetentionInputError");
}

describe("Arrow tables", () => {
  it("reads strings, millisecond timestamps and decimals into the ledger the rows give", () => {
    const purchases = table({
      customerId: utf8(["a", "b", "a"]),
      at: vectorFromArray(times, new TimestampMillisecond()),
      amount: decimal128([1999n, 501n, -250n], 2),
    });
    expect(createLedger(purchases)).toEqual(createLedger(rows));
    expect(createLedger({ purchases })).toEqual(createLedger(rows));
    expect(averageOrderValue(purchases).value?.toString()).toBe("11.25"); // (19.99 + 5.01 − 2.50) / 2 orders
  });

  it("reads timestamps of every unit and both date units as UTC instants, truncated to the millisecond", () => {
    const ms = Date.UTC(2024, 2, 10, 8, 15, 30, 123);
    const expected = createLedger([{ customerId: "a", at: ms, amount: "1" }]);
    for (const type of [new TimestampMillisecond(), new TimestampMicrosecond(), new TimestampNanosecond()]) {
      const at = vectorFromArray([new Date(ms)], type);
      expect(createLedger(table({ customerId: utf8(["a"]), at, amount: vectorFromArray([1], new Float64()) }))).toEqual(expected);
    }
    const seconds = vectorFromArray([new Date(Date.UTC(2024, 2, 10, 8, 15, 30))], new TimestampSecond());
    expect(createLedger(table({ customerId: utf8(["a"]), at: seconds, amount: vectorFromArray([1], new Float64()) })).purchases.at[0]).toBe(Date.UTC(2024, 2, 10, 8, 15, 30));
    const midnight = Date.UTC(2024, 2, 10);
    for (const type of [new DateDay(), new DateMillisecond()]) {
      const at = vectorFromArray([new Date(midnight)], type);
      expect(createLedger(table({ customerId: utf8(["a"]), at, amount: vectorFromArray([1], new Float64()) })).purchases.at[0]).toBe(midnight);
    }
  });

  it("reads raw 64-bit timestamps by their unit, flooring to the millisecond (also before 1970)", () => {
    const micros = makeVector(makeData({ type: new TimestampMicrosecond(), length: 2, data: new BigInt64Array([1_704_067_200_123_999n, -1_500n]) }));
    const ledger = createLedger(table({ customerId: utf8(["a", "b"]), at: micros, amount: vectorFromArray([1, 1], new Float64()) }));
    expect([...ledger.purchases.at]).toEqual([-2, 1_704_067_200_123]);
  });

  it("floors raw micro- and nanosecond timestamps to the millisecond exactly, whatever their size", () => {
    const maxMs = 8_640_000_000_000_000n; // the largest instant a Date holds
    const micros = fc.bigInt({ min: -maxMs * 1000n, max: maxMs * 1000n }).map((raw) => [raw, 1000n, new TimestampMicrosecond()] as const);
    const nanos = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((raw) => [raw, 1_000_000n, new TimestampNanosecond()] as const);
    fc.assert(
      fc.property(fc.oneof(micros, nanos), ([raw, perMs, type]) => {
        const at = makeVector(makeData({ type, length: 1, data: new BigInt64Array([raw]) }));
        const floor = raw / perMs - (raw < 0n && raw % perMs !== 0n ? 1n : 0n);
        const ledger = createLedger(table({ customerId: utf8(["a"]), at, amount: vectorFromArray([1], new Float64()) }));
        expect(ledger.purchases.at[0]).toBe(Number(floor));
      }),
      { numRuns: 300 },
    );
  });

  it("reads decimals exactly, as scaled integers, never through a float", () => {
    // 90071992547409.89 has 16 significant digits: as a float it is 90071992547409.890625
    const amount = decimal128([9_007_199_254_740_989n, -1n, 123_456_789_012_345_678_901_234n], 2);
    const ledger = createLedger(table({ customerId: utf8(["a", "b", "c"]), at: vectorFromArray(times, new TimestampMillisecond()), amount }).slice(0, 2));
    expect(ledger.moneyScale).toBe(2);
    expect([...ledger.purchases.amountUnits]).toEqual([9_007_199_254_740_989, -1]);
    const huge = inputError(() => createLedger(table({ customerId: utf8(["a", "b", "c"]), at: vectorFromArray(times, new TimestampMillisecond()), amount })));
    expect(huge.issues[0]!.code).toBe("precision");
  });

  it("decodes dictionary-encoded strings and reads int, int64 and float columns", () => {
    const purchases = table({
      customerId: vectorFromArray(["a", "b", "a"], new Dictionary(new Utf8(), new Int32())),
      at: vectorFromArray(times.map((d) => d.getTime()), new Float64()),
      amount: vectorFromArray([1999n, 501n, -250n], new Int64()),
      quantity: vectorFromArray([1, 2, 3], new Int32()),
      currency: vectorFromArray(["EUR", "EUR", "EUR"], new Dictionary(new Utf8(), new Int32())),
    });
    const ledger = createLedger(purchases);
    expect(ledger).toEqual(createLedger(rows.map((row, i) => ({ ...row, amount: ["1999", "501", "-250"][i]!, quantity: i + 1, currency: "EUR" }))));
    expect(ledger.currency).toBe("EUR");
  });

  it("gives one customer to an id that two dictionary entries hold, as the rows do", () => {
    const entries = utf8(["b", "a", "b"]);
    const customerId = makeVector(makeData({ type: new Dictionary(new Utf8(), new Int32()), length: 3, data: Int32Array.of(1, 0, 2), dictionary: entries }));
    const ledger = createLedger(table({ customerId, at: vectorFromArray(times, new TimestampMillisecond()), amount: decimal128([1999n, 501n, -250n], 2) }));
    const fromRows = createLedger([rows[0]!, rows[1]!, { ...rows[2]!, customerId: "b" }]);
    expect(ledger.customerIds).toEqual(["a", "b"]);
    expect(ledger).toEqual(fromRows);
  });

  it("reads a dictionary whose entries hold a null as it reads a null id, naming the row", () => {
    const entries = vectorFromArray(["a", null, "b"], new Utf8());
    const customerId = makeVector(makeData({ type: new Dictionary(new Utf8(), new Int32()), length: 3, data: Int32Array.of(0, 2, 1), dictionary: entries }));
    const purchases = table({ customerId, at: vectorFromArray(times, new TimestampMillisecond()), amount: vectorFromArray([1, 2, 3], new Float64()) });
    expect(inputError(() => createLedger(purchases)).message).toBe("purchases[2].customerId: expected a customer id string, found null");
  });

  it("reads null entries of optional columns as absent, and names the row of a null in a required one", () => {
    const purchases = table({
      customerId: utf8(["a", "b", "a"]),
      at: vectorFromArray(times, new TimestampMillisecond()),
      amount: vectorFromArray([1, 2, 3], new Float64()),
      orderId: utf8(["o1", null, "o1"]),
    });
    expect(createLedger(purchases)).toEqual(createLedger([
      { customerId: "a", at: times[0]!, amount: 1, orderId: "o1" },
      { customerId: "b", at: times[1]!, amount: 2 },
      { customerId: "a", at: times[2]!, amount: 3, orderId: "o1" },
    ]));
    const missingId = table({ customerId: utf8(["a", null]), at: vectorFromArray(times.slice(0, 2), new TimestampMillisecond()), amount: vectorFromArray([1, 2], new Float64()) });
    expect(inputError(() => createLedger(missingId)).message).toBe("purchases[1].customerId: expected a customer id string, found null");
  });

  it("reads surveys from a table, as the whole NPS input or as the surveys collection", () => {
    const surveys = table({ at: vectorFromArray(times, new TimestampMillisecond()), score: vectorFromArray([10, 9, 3], new Int32()) });
    expect(nps(surveys).score).toBe(nps([{ at: times[0]!, score: 10 }, { at: times[1]!, score: 9 }, { at: times[2]!, score: 3 }]).score);
    expect(nps({ surveys }).responses).toBe(3);
  });

  it("reads a table made of several record batches", () => {
    const one = tableFromArrays({ customerId: ["a"], at: new Float64Array([times[0]!.getTime()]), amount: new Float64Array([1]) });
    const both = one.concat(one);
    expect(both.batches.length).toBe(2);
    expect(createLedger(both).purchases.count).toBe(2);
  });

  it("names the column that is missing or of the wrong type", () => {
    const at = vectorFromArray(times, new TimestampMillisecond());
    expect(inputError(() => createLedger(table({ customer_id: utf8(["a", "b", "a"]), at, amount: vectorFromArray([1, 2, 3], new Float64()) }))).message).toBe(
      'purchases.customerId: missing required column "customerId"; found "customer_id": did you mean "customerId"?',
    );
    expect(inputError(() => createLedger(table({ customerId: vectorFromArray([1, 2, 3], new Int32()), at, amount: vectorFromArray([1, 2, 3], new Float64()) }))).message).toBe(
      "purchases.customerId: expected a string (Utf8) or dictionary-encoded string column, found Int32",
    );
    const flags = vectorFromArray([true, false, true]);
    expect(inputError(() => createLedger(table({ customerId: utf8(["a", "b", "a"]), at, amount: flags }))).message).toBe(
      "purchases.amount: expected a decimal, integer, float or decimal-string column, found Bool",
    );
  });
});

describe("DuckDB query results", () => {
  it("reads a query's columns (getColumnsObjectJson: decimals and timestamps as exact strings) as column input", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(`
        SELECT * FROM (VALUES
          ('a', TIMESTAMP '2024-01-05 10:00:00', 19.99::DECIMAL(12, 2), 'o1'),
          ('b', TIMESTAMP '2024-01-06 00:00:00', 5.01::DECIMAL(12, 2), NULL),
          ('a', TIMESTAMP '2024-02-01 12:30:00', -2.50::DECIMAL(12, 2), 'o2')
        ) AS t("customerId", "at", "amount", "orderId")`);
      const columns = reader.getColumnsObjectJson() as unknown as { customerId: string[]; at: string[]; amount: string[]; orderId: (string | null)[] };
      const orderId = columns.orderId.map((id) => id ?? undefined);
      const ledger = createLedger({ purchases: { ...columns, orderId } });
      expect(ledger).toEqual(createLedger(rows.map((row, i) => ({ ...row, ...(i === 1 ? {} : { orderId: `o${i === 0 ? 1 : 2}` }) }))));
      expect(retentionRate({ purchases: { ...columns, orderId } }, { start: "2024-02-01", end: "2024-03-01" }).startCount).toBe(2);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
