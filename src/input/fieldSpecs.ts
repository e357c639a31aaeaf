/** What a field holds, which decides the column types it may come in. */
export type FieldKind = "id" | "text" | "time" | "money" | "number";

/** One field of a record: its kind and whether a column of it must be present. */
export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly required: boolean;
}

/** The collections a ledger is built from. */
export type CollectionName = "purchases" | "events" | "surveys" | "costs";

export const COLLECTIONS: readonly CollectionName[] = ["purchases", "events", "surveys", "costs"];

/** The fields of each collection's records, in the order of `Purchase`, `CustomerEvent`, `SurveyResponse` and `Cost`. */
export const FIELDS: Readonly<Record<CollectionName, readonly FieldSpec[]>> = {
  purchases: [
    { name: "customerId", kind: "id", required: true },
    { name: "at", kind: "time", required: true },
    { name: "amount", kind: "money", required: true },
    { name: "orderId", kind: "text", required: false },
    { name: "cost", kind: "money", required: false },
    { name: "quantity", kind: "number", required: false },
    { name: "currency", kind: "text", required: false },
    { name: "category", kind: "text", required: false },
  ],
  events: [
    { name: "customerId", kind: "id", required: true },
    { name: "at", kind: "time", required: true },
    { name: "type", kind: "text", required: true },
    { name: "points", kind: "number", required: false },
  ],
  surveys: [
    { name: "customerId", kind: "text", required: false },
    { name: "at", kind: "time", required: true },
    { name: "score", kind: "number", required: true },
    { name: "segment", kind: "text", required: false },
    { name: "kind", kind: "text", required: false },
  ],
  costs: [
    { name: "customerId", kind: "text", required: false },
    { name: "at", kind: "time", required: true },
    { name: "amount", kind: "money", required: true },
    { name: "program", kind: "text", required: false },
    { name: "channel", kind: "text", required: false },
    { name: "currency", kind: "text", required: false },
  ],
};
