import { toEpochMs } from "../core/time";
import { sortedOrder } from "./sortedOrder";
import type { CustomerEvent } from "./schemas";

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
  readonly sourceIndex: Uint32Array;
}

/** Reads validated event rows into time-sorted columns. */
export function prepareEvents(rows: readonly CustomerEvent[], customerOfRow: Uint32Array): EventColumns {
  const n = rows.length;
  const typeNames = ["signup", "reactivate", "cancel"];
  const typeCode = new Map(typeNames.map((name, code) => [name, code]));
  const at = new Float64Array(n);
  const code = new Uint16Array(n);
  const tieRank = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    at[i] = toEpochMs(row.at)!;
    let c = typeCode.get(row.type);
    if (c === undefined) {
      c = typeNames.length;
      typeCode.set(row.type, c);
      typeNames.push(row.type);
    }
    code[i] = c;
    tieRank[i] = c === CANCEL ? 2 : c === SIGNUP || c === REACTIVATE ? 0 : 1;
  }
  const order = sortedOrder(at, tieRank);
  const columns = {
    count: n,
    customer: new Uint32Array(n),
    at: new Float64Array(n),
    type: new Uint16Array(n),
    typeNames,
    sourceIndex: order,
  };
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    columns.customer[k] = customerOfRow[i]!;
    columns.at[k] = at[i]!;
    columns.type[k] = code[i]!;
  }
  return columns;
}
