import { toEpochMs } from "../core/time";
import { withCapacity } from "./growable";
import type { CustomerEvent } from "./schemas";
import { reorderColumns } from "./permute";
import { sortedOrder } from "./sortedOrder";

/** Codes for the contract events, which decide whether a subscriber is signed up. */
export const SIGNUP = 0;
export const REACTIVATE = 1;
export const CANCEL = 2;

/** Events as typed columns, sorted by time; at the same instant a start sorts before a cancel. */
export interface EventColumns {
  readonly count: number;
  readonly customer: Uint32Array;
  readonly at: Float64Array;
  /** Index into `typeNames`; `signup`, `reactivate` and `cancel` are codes 0, 1 and 2. */
  readonly type: Uint16Array;
  readonly typeNames: readonly string[];
  /** Points of each row (0 on rows without); `null` when no row carries `points`, so the column costs nothing then. */
  readonly points: Float64Array | null;
  readonly sourceIndex: Uint32Array;
}

/** Collects validated event rows one at a time, then sorts them by time. */
export class EventAccumulator {
  count = 0;
  private customer = new Uint32Array(0);
  private at = new Float64Array(0);
  private type = new Uint16Array(0);
  private tieRank = new Uint8Array(0);
  private points: Float64Array | null = null;
  private readonly typeNames = ["signup", "reactivate", "cancel"];
  private readonly typeCode = new Map(this.typeNames.map((name, code) => [name, code]));

  constructor(capacity = 0) {
    this.reserve(capacity);
  }

  add(row: CustomerEvent, customer: number): void {
    const k = this.count;
    this.reserve(k + 1);
    let code = this.typeCode.get(row.type);
    if (code === undefined) {
      code = this.typeNames.length;
      this.typeCode.set(row.type, code);
      this.typeNames.push(row.type);
    }
    this.customer[k] = customer;
    this.at[k] = toEpochMs(row.at)!;
    this.type[k] = code;
    this.tieRank[k] = code === CANCEL ? 2 : code === SIGNUP || code === REACTIVATE ? 0 : 1;
    if (row.points !== undefined) (this.points ??= new Float64Array(this.at.length))[k] = row.points;
    this.count = k + 1;
  }

  /**
   * Sorts by time (a start before a cancel at the same instant); `finalIndex` maps provisional
   * to final customer indices. The accumulator's buffers are reused for the result, so call it once.
   */
  finish(finalIndex: Uint32Array): EventColumns {
    const n = this.count;
    for (let k = 0; k < n; k++) this.customer[k] = finalIndex[this.customer[k]!]!;
    const order = sortedOrder(this.at.subarray(0, n), this.tieRank.subarray(0, n));
    const [customer] = reorderColumns(order, [this.customer]);
    const [at] = reorderColumns(order, [this.at]);
    const [type] = reorderColumns(order, [this.type]);
    const [points] = reorderColumns(order, [this.points]);
    return { count: n, customer: customer!, at: at!, type: type!, typeNames: this.typeNames, points: points ?? null, sourceIndex: order };
  }

  private reserve(size: number): void {
    if (size <= this.at.length) return;
    this.customer = withCapacity(this.customer, size);
    this.at = withCapacity(this.at, size);
    this.type = withCapacity(this.type, size);
    this.tieRank = withCapacity(this.tieRank, size);
    if (this.points !== null) this.points = withCapacity(this.points, size);
  }
}
