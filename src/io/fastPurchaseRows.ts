import { isId } from "../input/quickChecks";
import { AmountBytes } from "./amountBytes";
import { ByteIdTable } from "./byteIdTable";
import { isoBytesToEpochMs } from "./isoDateBytes";

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Where the ledger takes purchases read to integer money (the ledger builder's `registerCustomer` and `addPurchaseUnits`). */
export interface PurchaseUnitsSink {
  registerCustomer(customerId: string): number;
  addPurchaseUnits(customer: number, at: number, units: number, places: number): void;
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
 * goes straight into the ledger's columns when every cell is plain: no quote anywhere, the
 * header's number of cells, an ISO date of the shapes `isoBytesToEpochMs` reads, an amount
 * `AmountBytes` reads, and a customer id that is valid (`isId`). The id is looked up by its
 * bytes in a `ByteIdTable`; its string is made, checked and registered once, on first sight.
 * Any other row is refused with nothing added, for the text path to read (and report).
 *
 * @example
 * const rows = new FastPurchaseRows({ width: 3, customerId: 0, at: 1, amount: 2, delimiter: 44 }, sink, text);
 * rows.add(new TextEncoder().encode("ann,2024-01-05,12.50"), 0, 20) //=> true
 */
export class FastPurchaseRows {
  private readonly ids = new ByteIdTable();
  private readonly amount = new AmountBytes();
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  constructor(
    private readonly layout: FastCsvLayout,
    private readonly sink: PurchaseUnitsSink,
    private readonly text: BytesToText,
  ) {
    this.starts = new Int32Array(layout.width);
    this.ends = new Int32Array(layout.width);
  }

  /** True when the last `line` added its row; false when the row must be read as text (nothing was added). */
  taken = false;

  /**
   * Reads the line that starts at `start`: returns the index of its line break (LF), or -1
   * when there is none before `limit` (the line is not whole yet, and nothing is read); at
   * the `final` line, `limit` stands for its line break. The row, its CR before the line break
   * cut off, was added when `taken` is true; an empty line is not taken either (the caller
   * skips it).
   */
  line(bytes: Uint8Array, start: number, limit: number, final = false): number {
    const { width, delimiter } = this.layout;
    const starts = this.starts;
    const ends = this.ends;
    let cell = 0;
    let cellStart = start;
    let plain = true;
    let i = start;
    for (; i < limit; i++) {
      const byte = bytes[i]!;
      if (byte === LF) break;
      if (byte === delimiter) {
        if (cell < width) {
          starts[cell] = cellStart;
          ends[cell] = i;
        }
        cell++;
        cellStart = i + 1;
      } else if (byte === QUOTE) plain = false;
    }
    if (i === limit && !final) return -1;
    this.taken = plain && cell === width - 1 && this.add(bytes, cellStart, i > cellStart && bytes[i - 1] === CR ? i - 1 : i);
    return i;
  }

  /** Adds the row whose cells `starts`/`ends` hold (the last one, `[lastStart, lastEnd)`, given). */
  private add(bytes: Uint8Array, lastStart: number, lastEnd: number): boolean {
    const starts = this.starts;
    const ends = this.ends;
    starts[this.layout.width - 1] = lastStart;
    ends[this.layout.width - 1] = lastEnd;
    const { customerId, at, amount } = this.layout;
    const ms = isoBytesToEpochMs(bytes, starts[at]!, ends[at]!);
    if (ms !== ms) return false;
    const units = this.amount.read(bytes, starts[amount]!, ends[amount]!);
    if (units !== units) return false;
    const idStart = starts[customerId]!;
    const idEnd = ends[customerId]!;
    let customer = this.ids.find(bytes, idStart, idEnd);
    if (customer < 0) {
      if (idEnd === idStart) return false;
      const id = this.text(bytes, idStart, idEnd);
      if (!isId(id)) return false;
      customer = this.sink.registerCustomer(id);
      this.ids.insert(bytes, idStart, idEnd, customer);
    }
    this.sink.addPurchaseUnits(customer, ms, units, this.amount.places);
    return true;
  }
}
