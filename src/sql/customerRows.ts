import { compareIds } from "../core/compareIds";
import { IssueCollector } from "../input/errors";

/**
 * The positions of a query's validated rows (one per customer) in customer-id order, the
 * ledger's order. A customer id met twice is a `RetentionInputError` naming the later
 * `rows[i].customer_id`, since one customer split over rows would be counted twice.
 *
 * @example
 * byCustomer([{ customer_id: "b" }, { customer_id: "a" }]) //=> [1, 0]
 */
export function byCustomer(rows: readonly { readonly customer_id: string }[]): number[] {
  const seen = new Map<string, number>();
  const issues = new IssueCollector();
  for (let index = 0; index < rows.length; index++) {
    const id = rows[index]!.customer_id;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else issues.add({ index, path: ["rows", "customer_id"], code: "duplicate_customer", message: `customer ${JSON.stringify(id)} is already in rows[${first}]; the query gives one row per customer` });
  }
  issues.throwIfAny();
  return rows.map((_, index) => index).sort((a, b) => compareIds(rows[a]!.customer_id, rows[b]!.customer_id));
}
