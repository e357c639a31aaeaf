import type { IssueCollector } from "./errors";

/**
 * The one currency a collection's rows name: the first named, and the row that named it. A row
 * naming another is a `mixed_currency` issue that points at that first row.
 */
export class CurrencyTracker {
  /** The currency the rows name, or `null` while none has. */
  currency: string | null = null;
  /** Index of the first row that named `currency` (-1 while none has). */
  row = -1;

  constructor(private readonly collection: "purchases" | "costs") {}

  /** Records row `index`'s `code` (nothing when it names none), or the issue when it differs. */
  check(code: string | undefined, index: number, issues: IssueCollector): void {
    if (code === undefined) return;
    if (this.currency === null) {
      this.currency = code;
      this.row = index;
    } else if (code !== this.currency) {
      issues.add({
        index,
        path: [this.collection, "currency"],
        code: "mixed_currency",
        message: `expected one currency per call: found "${code}" after "${this.currency}" at ${this.collection}[${this.row}]`,
      });
    }
  }
}
