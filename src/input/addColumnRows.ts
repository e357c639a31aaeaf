import { toPlainDecimalString } from "../core/money";
import { toEpochMs } from "../core/time";
import { isId, isOptionalOrderId, isOptionalQuantity, isOptionalText } from "./quickChecks";
import type { CheckedColumns } from "./columnInput";
import type { CollectionName } from "./fieldSpecs";
import type { BuilderCore } from "./ledgerBuilder";


/**
 * Feeds checked columns to a builder row by row without making an object per row. Purchase
 * cells are checked one by one with the checks of `PurchaseSchema` and, when they pass, go to
 * the accumulator as values (each time and amount parsed once). A row with a bad cell, and
 * every event and survey row, goes through one reused scratch record to the row path, so
 * errors carry exactly the messages and issue paths of row input.
 */
export function addColumnRows(core: BuilderCore, collection: CollectionName, { length, cells }: CheckedColumns): void {
  const { builder } = core;
  const column = (name: string): ArrayLike<unknown> | undefined => cells.get(name);
  if (collection === "purchases") {
    const customerId = column("customerId")!;
    const at = column("at")!;
    const amount = column("amount")!;
    const [orderId, cost, quantity, currency] = ["orderId", "cost", "quantity", "currency"].map(column);
    const row: Record<string, unknown> = { customerId: undefined, at: undefined, amount: undefined, orderId: undefined, cost: undefined, quantity: undefined, currency: undefined };
    for (let i = 0; i < length; i++) {
      const id = customerId[i];
      const time = toEpochMs(at[i]);
      const money = toPlainDecimalString(amount[i]);
      const costValue = cost?.[i];
      const costMoney = costValue === undefined ? null : toPlainDecimalString(costValue);
      const count = quantity?.[i];
      const order = orderId?.[i];
      const code = currency?.[i];
      const valid =
        isId(id) && time !== null && money !== null && (costValue === undefined || costMoney !== null) &&
        isOptionalQuantity(count) && isOptionalOrderId(order) && isOptionalText(code);
      if (valid) {
        core.addPurchaseValues(id, time, money, costMoney, count as number | undefined, order, code);
        continue;
      }
      row.customerId = id;
      row.at = at[i];
      row.amount = amount[i];
      row.orderId = order;
      row.cost = costValue;
      row.quantity = count;
      row.currency = code;
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
