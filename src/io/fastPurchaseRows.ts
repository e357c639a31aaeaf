import { isId } from "../input/quickChecks";
import { AmountBytes } from "./amountBytes";
import { ByteIdTable } from "./byteIdTable";
import { isoBytesToEpochMs } from "./isoDateBytes";

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** The lengths of the date shapes read here: `YYYY-MM-DD`, `…THH:MM:SSZ`, `…THH:MM:SS.sssZ`. */
const DATE_LENGTHS = [10, 20, 24] as const;

/** Where the ledger takes purchases read to integer money (the ledger builder's `registerCustomer` and `addPurchaseUnits`). */
export interface PurchaseUnitsSink {
  registerCustomer(customerId: string): number;
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
 * @example
 * const rows = new FastPurchaseRows({ width: 3, customerId: 0, at: 1, amount: 2, delimiter: 44 }, sink, text);
 * rows.add(new TextEncoder().encode("ann,2024-01-05,12.50"), 0, 20) //=> true
 */
export class FastPurchaseRows {
  private readonly ids = new ByteIdTable();
  private readonly amountBytes = new AmountBytes();
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
   * skips it). Cells are read in order, each where it stands: the date and the amount by
   * their parsers (which accept no quote, delimiter or line break), the others by a scan.
   */
  line(bytes: Uint8Array, start: number, limit: number, final = false): number {
    this.taken = false;
    const end = this.cells(bytes, start, limit, final);
    if (end >= 0) {
      this.taken = this.add(bytes);
      return end;
    }
    const newline = bytes.indexOf(LF, start);
    return newline >= 0 && newline < limit ? newline : final ? limit : -1;
  }

  /**
   * Finds the cells of a plain row (`starts`/`ends`); returns where its line ends, or -1 when
   * the row is not plain. An id or other cell may be quoted when it holds no quote and no line
   * break (`"c1"`, `"a, b"`): its text is what stands between the quotes, as the text reader
   * reads it.
   */
  private cells(bytes: Uint8Array, start: number, limit: number, final: boolean): number {
    const { width, delimiter, at, amount } = this.layout;
    const last = width - 1;
    let p = start;
    for (let cell = 0; cell < width; cell++) {
      let cellStart = p;
      /** Where the cell's text ends, and where its delimiter or line break stands. */
      let end: number;
      let next: number;
      if (cell === at) {
        end = next = this.dateEnd(bytes, p, limit, cell === last ? -1 : delimiter, final);
        if (end < 0) return -1;
      } else if (cell === amount) {
        this.units = this.amountBytes.read(bytes, p, limit);
        if (this.units !== this.units) return -1;
        end = next = this.amountBytes.end;
      } else if (p < limit && bytes[p] === QUOTE) {
        end = p + 1;
        while (end < limit && bytes[end] !== QUOTE) if (bytes[end++] === LF) return -1;
        if (end >= limit) return -1;
        cellStart = p + 1;
        next = end + 1;
      } else {
        end = p;
        const stop = cell === last ? LF : delimiter;
        for (; end < limit; end++) {
          const byte = bytes[end]!;
          if (byte === stop) break;
          if (byte === QUOTE || byte === LF || byte === delimiter) return -1;
        }
        if (cell === last && end > p && bytes[end - 1] === CR) end--;
        next = end;
      }
      this.starts[cell] = cellStart;
      this.ends[cell] = end;
      if (cell < last) {
        if (next >= limit || bytes[next] !== delimiter) return -1;
        p = next + 1;
      } else {
        if (next < limit && bytes[next] === CR) next++;
        if (next < limit) return bytes[next] === LF ? next : -1;
        return final && next === limit ? next : -1;
      }
    }
    return -1;
  }

  /**
   * Where a date cell starting at `p` ends, when it is one of the fast shapes (10, 20 or 24
   * bytes; `isoBytesToEpochMs` checks every byte), else -1. A cell ends at `delimiter`, or for
   * the last cell (`delimiter` -1) at a line break (LF, CR) or at `limit` on the final line.
   */
  private dateEnd(bytes: Uint8Array, p: number, limit: number, delimiter: number, final: boolean): number {
    for (const length of DATE_LENGTHS) {
      const end = p + length;
      if (end > limit) return -1;
      const byte = end === limit ? -2 : bytes[end]!;
      const ends = delimiter < 0 ? byte === LF || byte === CR || (byte === -2 && final) : byte === delimiter;
      if (!ends) continue;
      this.ms = isoBytesToEpochMs(bytes, p, end);
      return this.ms === this.ms ? end : -1;
    }
    return -1;
  }

  /** The date and amount of the row being read. */
  private ms = 0;
  private units = 0;

  /** Adds the row whose cells `cells` found; false when its id is not one (nothing added then). */
  private add(bytes: Uint8Array): boolean {
    const idStart = this.starts[this.layout.customerId]!;
    const idEnd = this.ends[this.layout.customerId]!;
    let customer = this.ids.find(bytes, idStart, idEnd);
    if (customer < 0) {
      if (idEnd === idStart) return false;
      const id = this.text(bytes, idStart, idEnd);
      if (!isId(id)) return false;
      customer = this.sink.registerCustomer(id);
      this.ids.insert(bytes, idStart, idEnd, customer);
    }
    this.sink.addPurchaseUnits(customer, this.ms, this.units, this.amountBytes.places);
    return true;
  }
}
