import { readTimeAxis } from "../clv/timeAxis";
import { scanCustomers } from "../clv/scanCustomers";
import { isoText } from "../core/isoText";
import { meanUnitsText, unitsText } from "../core/unitsText";
import type { Ledger } from "../input/ledger";
import { csvCell, type CsvWriteOptions } from "./csvWrite";

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
 * decimals plus four, half to even, exact: `meanUnitsText`), the dates by `isoText`, without a row object, a Decimal or a Date per customer, and without the whole document
 * in memory. test/cli/summaryCsv.test.ts checks it against the rows of `customerSummary`.
 */
export function* summaryCsvChunks(ledger: Ledger, asOf: number, timeUnit: "day" | "week", options: CsvWriteOptions): Generator<Uint8Array> {
  const axis = readTimeAxis({ timeUnit }, "summary");
  const scans = scanCustomers(ledger, Number.NEGATIVE_INFINITY, asOf, axis);
  const scale = ledger.moneyScale;
  const ids = ledger.customerIds;
  // Recency and T take a few hundred values (whole days apart), each formatted once.
  const recencyText = memo((days) => String(axis.span(0, days)));
  const tText = memo((firstKey) => String(axis.toEnd(firstKey, asOf)));
  const out = new ByteChunk();
  out.text(`${SUMMARY_CSV_HEADER.join(",")}\n`);
  for (let c = 0; c < ids.length; c++) {
    const transactions = scans.transactions[c]!;
    if (transactions === 0) continue;
    const id = csvCell(ids[c], options);
    if (out.room() < 3 * id.length + LINE_BYTES) yield out.take();
    const frequency = transactions - 1;
    const firstKey = scans.firstKey[c]!;
    out.text(id);
    out.byte(COMMA);
    out.integer(frequency);
    out.byte(COMMA);
    out.text(recencyText(scans.lastKey[c]! - firstKey));
    out.byte(COMMA);
    out.text(tText(firstKey));
    out.byte(COMMA);
    out.text(meanUnitsText(scans.repeatUnits[c]!, frequency, scale, 4));
    out.byte(COMMA);
    out.integer(scans.orders[c]!);
    out.byte(COMMA);
    out.text(unitsText(scans.revenueUnits[c]!, scale));
    out.byte(COMMA);
    out.text(isoText(scans.firstAt[c]!));
    out.byte(COMMA);
    out.text(isoText(scans.lastAt[c]!));
    out.byte(NEWLINE);
  }
  yield out.take();
}

/**
 * A chunk of UTF-8 being written: ASCII text and numbers go in byte by byte, other text
 * through `Buffer.write`. `take` hands the bytes written on and starts a new chunk.
 */
class ByteChunk {
  private bytes = Buffer.allocUnsafe(CHUNK_BYTES);
  private at = 0;

  room(): number {
    return this.bytes.length - this.at;
  }

  take(): Uint8Array {
    const written = this.bytes.subarray(0, this.at);
    this.bytes = Buffer.allocUnsafe(CHUNK_BYTES);
    this.at = 0;
    return written;
  }

  byte(value: number): void {
    this.bytes[this.at++] = value;
  }

  text(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0x80) {
        this.at += this.bytes.write(text.slice(i), this.at, "utf8");
        return;
      }
      this.bytes[this.at++] = code;
    }
  }

  /** A non-negative safe integer in decimal digits. */
  integer(value: number): void {
    if (value < 10) {
      this.bytes[this.at++] = 48 + value;
      return;
    }
    this.text(String(value));
  }
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
