import { compareIds } from "../core/compareIds";
import { IssueCollector } from "../input/errors";

/**
 * The validated aggregate rows of a query with one row per customer, sorted by customer id
 * (the ledger's order). A customer id met twice is a `RetentionInputError` naming the later
 * `rows[i].customer_id`, since one customer split over rows would be summarised twice.
 *
 * @example
 * byCustomer([{ customer_id: "b" }, { customer_id: "a" }]).map((r) => r.customer_id) //=> ["a", "b"]
 */
export function byCustomer<T extends { readonly customer_id: string }>(rows: readonly T[]): T[] {
  const seen = new Map<string, number>();
  const issues = new IssueCollector();
  for (let index = 0; index < rows.length; index++) {
    const id = rows[index]!.customer_id;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else issues.add({ index, path: ["rows", "customer_id"], code: "duplicate_customer", message: `customer ${JSON.stringify(id)} is already in rows[${first}]; the query gives one row per customer` });
  }
  issues.throwIfAny();
  return [...rows].sort((a, b) => compareIds(a.customer_id, b.customer_id));
}
