import type { CheckedColumns } from "./columnInput";
import type { CollectionName } from "./fieldSpecs";
import type { LedgerBuilder } from "./ledgerBuilder";

/**
 * Feeds checked columns to a builder row by row through one reused scratch record per
 * collection, so each row gets exactly the checks, messages and issue paths of row input
 * while no object is made per row. The builder copies what it keeps out of the scratch record.
 */
export function addColumnRows(builder: LedgerBuilder, collection: CollectionName, { length, cells }: CheckedColumns): void {
  const column = (name: string): ArrayLike<unknown> | undefined => cells.get(name);
  if (collection === "purchases") {
    const [customerId, at, amount, orderId, cost, quantity, currency] =
      ["customerId", "at", "amount", "orderId", "cost", "quantity", "currency"].map(column);
    const row: Record<string, unknown> = { customerId: undefined, at: undefined, amount: undefined, orderId: undefined, cost: undefined, quantity: undefined, currency: undefined };
    for (let i = 0; i < length; i++) {
      row.customerId = customerId?.[i];
      row.at = at?.[i];
      row.amount = amount?.[i];
      row.orderId = orderId?.[i];
      row.cost = cost?.[i];
      row.quantity = quantity?.[i];
      row.currency = currency?.[i];
      builder.addPurchase(row);
    }
  } else if (collection === "events") {
    const [customerId, at, type] = ["customerId", "at", "type"].map(column);
    const row: Record<string, unknown> = { customerId: undefined, at: undefined, type: undefined };
    for (let i = 0; i < length; i++) {
      row.customerId = customerId?.[i];
      row.at = at?.[i];
      row.type = type?.[i];
      builder.addEvent(row);
    }
  } else {
    const [customerId, at, score, segment] = ["customerId", "at", "score", "segment"].map(column);
    const row: Record<string, unknown> = { customerId: undefined, at: undefined, score: undefined, segment: undefined };
    for (let i = 0; i < length; i++) {
      row.customerId = customerId?.[i];
      row.at = at?.[i];
      row.score = score?.[i];
      row.segment = segment?.[i];
      builder.addSurvey(row);
    }
  }
}
