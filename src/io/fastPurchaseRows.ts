import type { CustomerRegistry } from "../input/customerRegistry";
import { isId } from "../input/quickChecks";
import { AmountBytes } from "./amountBytes";
import { ByteIdTable } from "./byteIdTable";
import { isoBytesToEpochMs } from "./isoDateBytes";

const LF = 10;
const CR = 13;
const QUOTE = 34;
const DOT = 46;
const T = 84;
/** The lengths of the date shapes read here: `YYYY-MM-DD`, `…THH:MM:SSZ`, `…THH:MM:SS.sssZ`. */
const DATE = 10;
const DATE_TIME = 20;
const DATE_TIME_MS = 24;

/** Where the ledger takes purchases read to integer money (the ledger builder's `customers` and `addPurchaseUnits`). */
export interface PurchaseUnitsSink {
  /** The ledger's customers: an id whose bytes this reader meets for the first time goes to `addNew`. */
  readonly customers: Pick<CustomerRegistry, "addNew">;
  addPurchaseUnits(customer: number, at: number, units: number, places: number): void;
  /** Room for `count` purchases in all (an estimate from the file's size). */
  expectPurchases(count: number): void;
}

/** A purchase CSV's layout: cells per row, the cells of the three fields, the delimiter's byte. */
export interface FastCsvLayout {
  readonly width: number;
  readonly customerId: number;
  readonly at: number;
  readonly amount: number;
  readonly delimiter: number;
}

/** UTF-8 bytes to text (the bytes are known to be valid). */
export type BytesToText = (bytes: Uint8Array, start: number, end: number) => string;

/**
 * The byte-level fast path for purchase rows: one row of UTF-8 bytes (its line break cut off)
 * goes straight into the ledger's columns when every cell is plain: the header's number of
 * cells, no quote (but around an id or other cell holding no quote or line break), an ISO date
 * of the shapes `isoBytesToEpochMs` reads, an amount `AmountBytes` reads, and a customer id that
 * is valid (`isId`). The id is looked up by its
 * bytes in a `ByteIdTable`; its string is made, checked and registered once, on first sight.
 * Any other row is refused with nothing added, for the text path to read (and report).
 *
 * Rows are read in runs (`run`): one call reads every plain line of a chunk until one it must
 * refuse, each row in one pass over its bytes, cells in order, with nothing allocated per row.
 *
 * @example
 * const rows = new FastPurchaseRows({ width: 3, customerId: 0, at: 1, amount: 2, delimiter: 44 }, sink, text);
 * const bytes = new TextEncoder().encode("ann,2024-01-05,12.50\nbob,2024-01-06,3\n");
 * rows.run(bytes, 0, bytes.length, false) //=> 38 (both rows added)
 * rows.taken                              //=> 2
 */
export class FastPurchaseRows {
  private readonly ids = new ByteIdTable();
  private readonly amountBytes = new AmountBytes();
  private readonly width: number;
  private readonly customerId: number;
  private readonly at: number;
  private readonly amount: number;
  private readonly delimiter: number;

  constructor(
    layout: FastCsvLayout,
    private readonly sink: PurchaseUnitsSink,
    private readonly text: BytesToText,
  ) {
    ({ width: this.width, customerId: this.customerId, at: this.at, amount: this.amount, delimiter: this.delimiter } = layout);
  }

  /** Rows the last `run` added. */
  taken = 0;

  /**
   * Reads and adds the plain rows of the lines that start at `start`, one after another, and
   * returns where it stopped: the start of the first line it did not add, because that line is
   * not whole before `limit` (nothing read of it) or is not plain (nothing added for it; an
   * empty line is not read either, the caller skips it). At the `final` line, `limit` stands
   * for its line break. A row's CR before its line break is cut off.
   */
  run(bytes: Uint8Array, start: number, limit: number, final: boolean): number {
    let taken = 0;
    let p = start;
    while (p < limit) {
      const newline = this.row(bytes, p, limit, final);
      if (newline < 0) break;
      taken++;
      p = newline + 1;
    }
    this.taken = taken;
    return Math.min(p, limit);
  }

  /**
   * Reads the row that starts at `p` and adds it; returns the index of its line break (LF, or
   * `limit` at the `final` line), or -1 when it is not a plain row that ends before `limit`
   * (nothing added). Cells are read in order, each where it stands: the date and the amount by
   * their parsers (which accept no quote, delimiter or line break), the others by a scan. An id
   * or other cell may be quoted when it holds no quote and no line break (`"c1"`, `"a, b"`): its
   * text is what stands between the quotes, as the text reader reads it.
   */
  private row(bytes: Uint8Array, p: number, limit: number, final: boolean): number {
    const last = this.width - 1;
    const delimiter = this.delimiter;
    let idStart = 0;
    let idEnd = 0;
    let ms = 0;
    let units = 0;
    for (let cell = 0; ; cell++) {
      /** Where the cell's text ends, and where its delimiter or line break stands. */
      let end: number;
      let next: number;
      if (cell === this.at) {
        end = p + DATE;
        if (end < limit && bytes[end] === T) end = p + 19 < limit && bytes[p + 19] === DOT ? p + DATE_TIME_MS : p + DATE_TIME;
        if (end > limit) return -1;
        ms = isoBytesToEpochMs(bytes, p, end);
        if (ms !== ms) return -1;
        next = end;
      } else if (cell === this.amount) {
        if (p >= limit) return -1;
        units = this.amountBytes.read(bytes, p, limit);
        if (units !== units) return -1;
        end = next = this.amountBytes.end;
      } else {
        let cellStart = p;
        if (p < limit && bytes[p] === QUOTE) {
          end = p + 1;
          while (end < limit && bytes[end] !== QUOTE) if (bytes[end++] === LF) return -1;
          if (end >= limit) return -1;
          cellStart = p + 1;
          next = end + 1;
        } else if (cell < last) {
          for (end = p; end < limit; end++) {
            const byte = bytes[end]!;
            if (byte === delimiter) break;
            if (byte === QUOTE || byte === LF) return -1;
          }
          next = end;
        } else {
          for (end = p; end < limit; end++) {
            const byte = bytes[end]!;
            if (byte === LF) break;
            if (byte === QUOTE || byte === delimiter) return -1;
          }
          if (end > p && bytes[end - 1] === CR) end--;
          next = end;
        }
        if (cell === this.customerId) {
          idStart = cellStart;
          idEnd = end;
        }
      }
      if (cell < last) {
        if (next >= limit || bytes[next] !== delimiter) return -1;
        p = next + 1;
        continue;
      }
      if (next < limit && bytes[next] === CR) next++;
      if (next < limit ? bytes[next] !== LF : !final || next > limit) return -1;
      return this.add(bytes, idStart, idEnd, ms, units) ? next : -1;
    }
  }

  /** Adds a row read whole; false when its id is not one (nothing added then). */
  private add(bytes: Uint8Array, idStart: number, idEnd: number, ms: number, units: number): boolean {
    let customer = this.ids.find(bytes, idStart, idEnd);
    if (customer < 0) {
      if (idEnd === idStart) return false;
      const id = this.text(bytes, idStart, idEnd);
      if (!isId(id)) return false;
      customer = this.sink.customers.addNew(id);
      this.ids.insert(bytes, idStart, idEnd, customer);
    }
    this.sink.addPurchaseUnits(customer, ms, units, this.amountBytes.places);
    return true;
  }
}
