import { readTimeAxis } from "../clv/timeAxis";
import { scanCustomers } from "../clv/scanCustomers";
import { isoText } from "../core/isoText";
import { meanUnitsText, unitsText } from "../core/unitsText";
import type { Ledger } from "../input/ledger";
import { csvCell, type CsvWriteOptions } from "./csvWrite";

/** The columns of `retention-metrics summary --format csv`. */
export const SUMMARY_CSV_HEADER = ["customerId", "frequency", "recency", "T", "monetaryValue", "orders", "revenue", "firstOrder", "lastOrder"] as const;

/** Text gathered before it is handed on: large enough that writes are few, small enough to stay far below the data. */
const CHUNK_CHARACTERS = 1 << 18;

/**
 * The `summary` CSV, in chunks of about 256 kB, written straight from the scans of the ledger:
 * the rows, order and text of `customerSummary` with `formatCsvMoney` (money to its decimals
 * plus four, half to even, exact), without a row object, a Decimal or a Date per customer (`isoText`), and
 * without the whole document in one string. `tests/cli/summaryCsv.test.ts` checks it against
 * the rows of `customerSummary`.
 */
export function* summaryCsvChunks(ledger: Ledger, asOf: number, timeUnit: "day" | "week", options: CsvWriteOptions): Generator<string> {
  const axis = readTimeAxis({ timeUnit }, "summary");
  const scans = scanCustomers(ledger, Number.NEGATIVE_INFINITY, asOf, axis);
  const scale = ledger.moneyScale;
  const ids = ledger.customerIds;
  // Recency and T take a few hundred values (whole days apart), each written once.
  const recencyText = memo((days) => String(axis.span(0, days)));
  const tText = memo((firstKey) => String(axis.toEnd(firstKey, asOf)));
  let lines: string[] = [`${SUMMARY_CSV_HEADER.join(",")}
`];
  let length = 0;
  for (let c = 0; c < ids.length; c++) {
    const transactions = scans.transactions[c]!;
    if (transactions === 0) continue;
    const frequency = transactions - 1;
    const firstKey = scans.firstKey[c]!;
    const line =
      `${csvCell(ids[c], options)},${frequency},${recencyText(scans.lastKey[c]! - firstKey)},${tText(firstKey)},` +
      `${meanUnitsText(scans.repeatUnits[c]!, frequency, scale, 4)},${scans.orders[c]!},${unitsText(scans.revenueUnits[c]!, scale)},` +
      `${isoText(scans.firstAt[c]!)},${isoText(scans.lastAt[c]!)}\n`;
    lines.push(line);
    length += line.length;
    if (length >= CHUNK_CHARACTERS) {
      yield lines.join("");
      lines = [];
      length = 0;
    }
  }
  yield lines.join("");
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
