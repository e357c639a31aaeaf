import type { LoyalCustomers } from "../../segments/loyalCustomers";
import { loyalCustomers } from "../../segments/loyalCustomers";
import { ltvSegments, type LtvSegments } from "../../segments/ltvSegments";
import { resolveAsOf } from "../../report/reportPeriod";
import { defectionInputsSql } from "../../sql/defectionInputsSql";
import { loyalCustomersFromInputs } from "../../sql/loyalCustomersFromInputs";
import { ltvSegmentsFromInputs } from "../../sql/ltvSegmentsFromInputs";
import { rfmInputsSql } from "../../sql/rfmInputsSql";
import { asOfFlag, SEGMENT_TIERS } from "../commands/common";
import type { CommandContext } from "../context";
import { typedPurchases } from "./summaryRows";

/** What `segments` prints: the LTV tiers, and the loyal customers (JSON only). */
export interface SegmentsResult {
  readonly tiers: LtvSegments;
  readonly loyal: LoyalCustomers | null;
}

/** Later than any purchase: `ltvSegments` values every row, whatever its date. */
const EVERY_PURCHASE = "9999-12-31";

/**
 * `segments --engine duckdb`: DuckDB runs `rfmInputsSql` (one row per customer, at an asOf
 * after every purchase, since the tiers value every row) and, for the loyal customers,
 * `defectionInputsSql` at asOf; `ltvSegmentsFromInputs` and `loyalCustomersFromInputs` finish
 * what `ltvSegments` and `loyalCustomers` give. Inputs with an order id, cost or currency
 * column take the ledger path.
 *
 * @returns the tiers, and the loyal customers when `withLoyal`
 */
export async function segmentsOnEngine(ctx: CommandContext, withLoyal: boolean): Promise<SegmentsResult> {
  return ctx.withEngine(async (input) => {
    if (!input.checked.aggregatable) {
      const ledger = await input.ledger();
      return { tiers: ltvSegments(ledger, SEGMENT_TIERS), loyal: withLoyal ? loyalCustomers(ledger, { asOf: asOfFlag(ctx, ledger) }) : null };
    }
    const table = await typedPurchases(input);
    const tiers = ltvSegmentsFromInputs(await input.session.rows(rfmInputsSql({ dialect: "duckdb", table, asOf: EVERY_PURCHASE })), SEGMENT_TIERS);
    if (!withLoyal) return { tiers, loyal: null };
    const asOf = resolveAsOf(ctx.args["as-of"], input.checked.latest);
    return { tiers, loyal: loyalCustomersFromInputs(await input.session.rows(defectionInputsSql({ dialect: "duckdb", table, asOf })), { asOf }) };
  });
}
