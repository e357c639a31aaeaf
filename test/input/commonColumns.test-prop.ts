import { Decimal as ArrowDecimal, Dictionary, Int32, makeData, makeVector, Table, TimestampMicrosecond, TimestampMillisecond, Utf8, vectorFromArray } from "apache-arrow";
import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildOutcome } from "./buildOutcome";
import { createLedger, type LedgerInput } from "retention-metrics";
import { scaledToPlain } from "../../src/input/encodedCells";

/*
 * Required-only purchase columns are written straight into the ledger's columns while their
 * rows are common, and read by the block and general paths from the first other row on
 * (addCommonPurchaseColumns). Whatever the cells, an Arrow table or typed columns must give the
 * ledger, or the errors, of the same cells as rows; and valid rows the ledger of the general
 * path (Date times, decimal.js amounts).
 */

const JAN_2024 = Date.UTC(2024, 0, 1);
const id = fc.oneof({ weight: 12, arbitrary: fc.constantFrom("a", "b", "c", "__proto__", "ü") }, fc.constantFrom("", " ", "a\u0000b"));
const time = fc.integer({ min: JAN_2024 - 86_400_000, max: JAN_2024 + 86_400_000 * 30 });


/** An Arrow cell model: id, raw timestamp (in the unit's counts) and decimal units, each maybe null. */
const arrowRow = fc.record({
  customerId: fc.option(id, { freq: 15, nil: null }),
  raw: fc.option(
    fc.oneof(
      { weight: 15, arbitrary: time.map(BigInt) },
      fc.constantFrom(9_000_000_000_000_000n, -9_000_000_000_000_000n, 2n ** 60n, -(2n ** 62n)),
    ),
    { freq: 15, nil: null },
  ),
  units: fc.option(
    fc.oneof(
      { weight: 15, arbitrary: fc.integer({ min: -50_000, max: 5_000_000 }).map(BigInt) },
      fc.constantFrom(0n, 10n ** 20n, -(10n ** 21n), 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n)),
    ),
    { freq: 15, nil: null },
  ),
});
type ArrowRow = { customerId: string | null; raw: bigint | null; units: bigint | null };

/** Two's-complement 128-bit words of each value (0 for nulls), and the validity bitmap. */
function decimalData(values: readonly (bigint | null)[]) {
  const words = new Uint32Array(values.length * 4);
  const valid = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, i) => {
    if (value === null) return;
    valid[i >> 3]! |= 1 << (i & 7);
    let v = BigInt.asUintN(128, value);
    for (let w = 0; w < 4; w++) {
      words[i * 4 + w] = Number(v & 0xffffffffn);
      v >>= 32n;
    }
  });
  return { words, valid, nullCount: values.filter((value) => value === null).length };
}

function arrowChunk(rows: readonly ArrowRow[], micro: boolean, scale: number): Table {
  const times = new BigInt64Array(rows.length);
  const timeValid = new Uint8Array(Math.ceil(rows.length / 8));
  rows.forEach((row, i) => {
    if (row.raw === null) return;
    timeValid[i >> 3]! |= 1 << (i & 7);
    times[i] = stored(row.raw, micro);
  });
  const timeNulls = rows.filter((row) => row.raw === null).length;
  const amounts = decimalData(rows.map((row) => row.units));
  return new Table({
    customerId: vectorFromArray(rows.map((row) => row.customerId), new Dictionary(new Utf8(), new Int32())),
    at: makeVector(makeData({ type: micro ? new TimestampMicrosecond() : new TimestampMillisecond(), length: rows.length, data: times, nullBitmap: timeValid, nullCount: timeNulls })),
    amount: makeVector(makeData({ type: new ArrowDecimal(scale, 38, 128), length: rows.length, data: amounts.words, nullBitmap: amounts.valid, nullCount: amounts.nullCount })),
  });
}

/** The 64-bit value a timestamp column holds for `ms`: itself, or in µs the last µs of that ms (wrapped to 64 bits, as a writer would). */
const stored = (ms: bigint, micro: boolean) => (micro ? BigInt.asIntN(64, ms * 1000n + 999n) : ms);

/** Floor division of bigints. */
const floorDiv = (a: bigint, b: bigint) => (a < 0n && a % b !== 0n ? a / b - 1n : a / b);

/** The same cells as rows: what the column reader decodes (epoch ms, floored; plain decimal strings; nulls). */
const arrowAsRows = (rows: readonly ArrowRow[], micro: boolean, scale: number) =>
  rows.map((row) => ({
    customerId: row.customerId,
    at: row.raw === null ? null : Number(floorDiv(stored(row.raw, micro), micro ? 1000n : 1n)),
    amount: row.units === null ? null : scaledToPlain(row.units, scale),
  }));

/** A typed cell model: id, epoch ms (or a bad number), amount (or a bad number). */
const typedRow = fc.record({
  customerId: id,
  at: fc.oneof({ weight: 15, arbitrary: time }, fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 9e15, -9e15, JAN_2024 + 0.5)),
  amount: fc.oneof(
    { weight: 15, arbitrary: fc.record({ units: fc.integer({ min: -50_000, max: 5_000_000 }), places: fc.integer({ min: 0, max: 4 }) }).map(({ units, places }) => Number(new Decimal(units).div(10 ** places).toFixed())) },
    fc.constantFrom(-0, Number.NaN, Number.NEGATIVE_INFINITY, 2 ** 51, -(2 ** 52), 1e-20, 123_456_789.123, 0.1 + 0.2),
  ),
});

describe("required-only columns written in place", () => {
  it("give an Arrow table (nulls, bad and huge cells, several chunks, ms or µs) the rows' ledger or errors", () => {
    fc.assert(
      fc.property(fc.array(fc.array(arrowRow, { minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 3 }), fc.boolean(), fc.integer({ min: 0, max: 6 }), (chunks, micro, scale) => {
        const table = chunks.map((rows) => arrowChunk(rows, micro, scale)).reduce((all, next) => all.concat(next));
        const rows = arrowAsRows(chunks.flat(), micro, scale);
        const expected = buildOutcome(() => createLedger(rows as unknown as LedgerInput));
        expect(buildOutcome(() => createLedger(table))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("give valid Arrow rows the general path's ledger", () => {
    const valid = fc.record({ customerId: fc.constantFrom("a", "b", "c", "__proto__"), raw: time.map(BigInt), units: fc.integer({ min: -50_000, max: 5_000_000 }).map(BigInt) });
    fc.assert(
      fc.property(fc.array(valid, { maxLength: 80 }), fc.integer({ min: 0, max: 6 }), (rows, scale) => {
        const general = rows.map((row) => ({ customerId: row.customerId, at: new Date(Number(row.raw)), amount: new Decimal(row.units.toString()).div(new Decimal(10).pow(scale)) }));
        expect(createLedger(arrowChunk(rows, false, scale))).toEqual(createLedger(general));
      }),
      { numRuns: 150 },
    );
  });

  it("give typed columns (bad times and amounts, rescales, amounts beyond 2^50 units) the rows' ledger or errors", () => {
    fc.assert(
      fc.property(fc.array(typedRow, { maxLength: 120 }), (rows) => {
        const columns = { customerId: rows.map((row) => row.customerId), at: Float64Array.from(rows, (row) => row.at), amount: Float64Array.from(rows, (row) => row.amount) };
        const expected = buildOutcome(() => createLedger(rows));
        expect(buildOutcome(() => createLedger({ purchases: columns }))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
