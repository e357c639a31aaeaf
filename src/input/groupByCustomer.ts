import { keyStarts } from "../core/countingSort";

/** Rows of each customer, in time order: rows of customer c are `rows[offsets[c]..offsets[c+1])`. */
export interface CustomerRows {
  readonly offsets: Uint32Array;
  readonly rows: Uint32Array;
}

/**
 * Groups time-sorted rows by customer with a counting sort (two linear passes), keeping
 * each customer's rows in time order.
 */
export function groupByCustomer(customerOfRow: Uint32Array, customerCount: number): CustomerRows {
  const offsets = keyStarts(customerOfRow, customerCount);
  return { offsets, rows: rowsByCustomer(customerOfRow, offsets.slice(0, customerCount)) };
}

/** Each row in its customer's place, in row order within a customer; `next` (each customer's start) is used up. */
function rowsByCustomer(customerOfRow: Uint32Array, next: Uint32Array): Uint32Array {
  const rows = new Uint32Array(customerOfRow.length);
  for (let row = 0; row < customerOfRow.length; row++) rows[next[customerOfRow[row]!]!++] = row;
  return rows;
}
