/** Rows of each customer, in time order: rows of customer c are `rows[offsets[c]..offsets[c+1])`. */
export interface CustomerRows {
  readonly offsets: Uint32Array;
  readonly rows: Uint32Array;
}

/**
 * Groups time-sorted rows by customer with a counting sort (two linear passes), keeping
 * each customer's rows in time order. `rows`, when given, is a free buffer of the rows' length
 * that the grouping overwrites and keeps (a new array otherwise).
 */
export function groupByCustomer(customerOfRow: Uint32Array, customerCount: number, rows: Uint32Array = new Uint32Array(customerOfRow.length)): CustomerRows {
  const offsets = new Uint32Array(customerCount + 1);
  for (let row = 0; row < customerOfRow.length; row++) offsets[customerOfRow[row]! + 1]!++;
  for (let c = 0; c < customerCount; c++) offsets[c + 1]! += offsets[c]!;
  const next = offsets.slice(0, customerCount);
  for (let row = 0; row < customerOfRow.length; row++) rows[next[customerOfRow[row]!]!++] = row;
  return { offsets, rows };
}
