import { Decimal as ArrowDecimal, Dictionary, Int32, makeData, makeVector, Table, TimestampMillisecond, Utf8, vectorFromArray } from "apache-arrow";
import type { Purchase } from "../src/index";

/** The same purchases as columns of plain arrays, exactly as the rows hold them (ISO strings, decimal strings). */
export function asArrayColumns(purchases: readonly Purchase[]) {
  return {
    customerId: purchases.map((row) => row.customerId),
    at: purchases.map((row) => row.at),
    amount: purchases.map((row) => row.amount),
  };
}

/** The same purchases as typed columns: epoch milliseconds and float amounts. */
export function asTypedColumns(purchases: readonly Purchase[]) {
  return {
    customerId: purchases.map((row) => row.customerId),
    at: Float64Array.from(purchases, (row) => Date.parse(String(row.at))),
    amount: Float64Array.from(purchases, (row) => Number(row.amount)),
  };
}

/** The same purchases as an Arrow table: dictionary-encoded ids, millisecond timestamps, Decimal128(12, 2) amounts. */
export function asArrowTable(purchases: readonly Purchase[]): Table {
  const words = new Uint32Array(purchases.length * 4);
  purchases.forEach((row, i) => {
    const cents = Math.round(Number(row.amount) * 100);
    words[i * 4] = cents >>> 0;
    const fill = cents < 0 ? 0xffffffff : 0;
    words[i * 4 + 1] = fill;
    words[i * 4 + 2] = fill;
    words[i * 4 + 3] = fill;
  });
  return new Table({
    customerId: vectorFromArray(purchases.map((row) => row.customerId), new Dictionary(new Utf8(), new Int32())),
    at: vectorFromArray(purchases.map((row) => new Date(String(row.at))), new TimestampMillisecond()),
    amount: makeVector(makeData({ type: new ArrowDecimal(2, 12, 128), length: purchases.length, data: words })),
  });
}
