import { readTimeAxis } from "../clv/timeAxis";
import { scanCustomers } from "../clv/scanCustomers";
import type { Ledger } from "../input/ledger";
import { ByteChunk } from "./byteChunk";
import { csvCell, leftAsIs, type CsvWriteOptions } from "./csvWrite";

/** The columns of `retention-metrics summary --format csv`. */
export const SUMMARY_CSV_HEADER = ["customerId", "frequency", "recency", "T", "monetaryValue", "orders", "revenue", "firstOrder", "lastOrder"] as const;

/** Bytes gathered before they are handed on: large enough that writes are few, small enough to stay far below the data. */
const CHUNK_BYTES = 1 << 18;
/** Room a line needs besides its id: nine numbers and two dates are far below this. */
const LINE_BYTES = 512;
const COMMA = 44;
const NEWLINE = 10;

/**
 * The `summary` CSV, as UTF-8 chunks of about 256 kB, written straight from the scans of the
 * ledger: the rows, order and text of `customerSummary` with `formatCsvMoney` (money to its
 * decimals plus four, half to even, exact: `writeMeanUnitsText`), the dates by `writeIsoText`,
 * each number, date and plain id written as bytes, without a row object, a Decimal, a Date or a
 * string per value, and without the whole document in memory. test/cli/summaryCsv.test.ts
 * checks it against the rows of `customerSummary`.
 */
export function* summaryCsvChunks(ledger: Ledger, asOf: number, timeUnit: "day" | "week", options: CsvWriteOptions): Generator<Uint8Array> {
  const axis = readTimeAxis({ timeUnit }, "summary");
  const scans = scanCustomers(ledger, Number.NEGATIVE_INFINITY, asOf, axis);
  const scale = ledger.moneyScale;
  const ids = ledger.customerIds;
  // Recency and T take a few hundred values (whole days apart), each formatted once.
  const recencyText = memo((days) => String(axis.span(0, days)));
  const tText = memo((firstKey) => String(axis.toEnd(firstKey, asOf)));
  const out = new ByteChunk(CHUNK_BYTES);
  out.text(`${SUMMARY_CSV_HEADER.join(",")}\n`);
  for (let c = 0; c < ids.length; c++) {
    const transactions = scans.transactions[c]!;
    if (transactions === 0) continue;
    const id = ids[c]!;
    // A cell csvCell changes is at most 2n + 3 UTF-16 units, each at most 3 bytes of UTF-8.
    if (out.room() < 3 * (2 * id.length + 3) + LINE_BYTES) yield out.take();
    const frequency = transactions - 1;
    const firstKey = scans.firstKey[c]!;
    out.text(leftAsIs(id) ? id : csvCell(id, options));
    out.byte(COMMA);
    out.integer(frequency);
    out.byte(COMMA);
    out.text(recencyText(scans.lastKey[c]! - firstKey));
    out.byte(COMMA);
    out.text(tText(firstKey));
    out.byte(COMMA);
    out.meanUnits(scans.repeatUnits[c]!, frequency, scale, 4);
    out.byte(COMMA);
    out.integer(scans.orders[c]!);
    out.byte(COMMA);
    out.units(scans.revenueUnits[c]!, scale);
    out.byte(COMMA);
    out.iso(scans.firstAt[c]!);
    out.byte(COMMA);
    out.iso(scans.lastAt[c]!);
    out.byte(NEWLINE);
  }
  yield out.take();
}

/** `text` remembered by its argument. */
function memo(text: (key: number) => string): (key: number) => string {
  const known = new Map<number, string>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = text(key);
      known.set(key, value);
    }
    return value;
  };
}
