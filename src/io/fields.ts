/** Fields each kind of record has; the first ones are required. */
export const RECORD_FIELDS = {
  purchases: { required: ["customerId", "at", "amount"], optional: ["orderId", "cost", "quantity", "currency", "category"] },
  events: { required: ["customerId", "at", "type"], optional: ["points"] },
  surveys: { required: ["at", "score"], optional: ["customerId", "segment", "kind"] },
  costs: { required: ["at", "amount"], optional: ["customerId", "program", "channel", "currency"] },
} as const;

/** A collection a file or text can hold: purchases, customer events, survey responses or retention costs. */
export type RecordKind = keyof typeof RECORD_FIELDS;

/** The collections, in the order they are read. */
export const RECORD_KINDS: readonly RecordKind[] = ["purchases", "events", "surveys", "costs"];

/** Every field of every kind, for checking a `columns` mapping. */
export const ALL_FIELDS: readonly string[] = [...new Set(Object.values(RECORD_FIELDS).flatMap((f) => [...f.required, ...f.optional]))];
