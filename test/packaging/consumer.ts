/*
 * What a user's code does with the published types. scripts/check-packed.ts copies this
 * file into consumer projects of the packed tarball (node16 ESM as .mts, node16 CommonJS as
 * .cts, nodenext, bundler, and `deno check --all`), each `strict` with `skipLibCheck: false`.
 * Each subpath export (retention-metrics/node, /schemas, /notebook, /sql) is imported and
 * used here too; a new subpath is one more import line plus a use at the end of the file.
 */
import {
  Decimal,
  averageOrderValue,
  createLedger,
  nps,
  retentionRate,
  type Duration,
  type KpiReportJson,
  type Purchase,
} from "retention-metrics";
import { readLedger, type ReadLedgerOptions } from "retention-metrics/node";
import { KpiReportJsonSchema, PurchaseSchema } from "retention-metrics/schemas";
import { display, JUPYTER_DISPLAY, type MimeBundle } from "retention-metrics/notebook";
import { customerSummaryFromRows, customerSummarySql, type CustomerSummarySqlOptions } from "retention-metrics/sql";

const rows: Purchase[] = [
  { customerId: "a", at: "2024-01-05", amount: "10.50" },
  { customerId: "a", at: "2024-02-05", amount: 4 },
  { customerId: "b", at: "2024-02-07", amount: new Decimal("7.25") },
];

// Money fields are decimal.js Decimals, and Decimal constructs.
const average: Decimal | null = averageOrderValue(rows).value;
const one: Decimal = new Decimal(1);
const total: string = one.plus(average ?? 0).toFixed(2);

// @ts-expect-error: money is a Decimal, never a number (fails if the field were `any`)
const wrong: number = averageOrderValue(rows).value;

// Durations are the library's own type, no date-fns import needed.
const quarter: Duration = { months: 3 };
const retained: number | null = retentionRate(createLedger({ purchases: rows }), {
  start: "2024-02-01",
  end: "2024-03-01",
  activeWindow: quarter,
}).rate;

// The exported zod schemas parse and infer.
const parsed: Purchase = PurchaseSchema.parse(rows[0]);
const score: number | null = nps([{ at: "2024-01-01", score: 9 }]).score;
const json: KpiReportJson | undefined = KpiReportJsonSchema.safeParse({}).data;
// @ts-expect-error: the inferred report type is precise (schemaVersion is the literal 1), never `any`
const version: string | undefined = json?.schemaVersion;

// The Node entry reads files and buffers into the same Ledger type.
const readOptions: ReadLedgerOptions = { delimiter: ";", decimalSeparator: "," };
const loaded: Promise<number> = readLedger(new TextEncoder().encode("customerId;at;amount\na;2024-01-05;1,50\n"), readOptions).then(
  (ledger) => ledger.customerIds.length,
);

// The notebook entry: a displayable whose Jupyter method returns the MIME bundle.
const shown: MimeBundle = display(nps([{ at: "2024-01-01", score: 9 }]))[JUPYTER_DISPLAY]();
const html: string | undefined = display(nps([{ at: "2024-01-01", score: 9 }])).bundle["text/html"];

// The SQL entry: a query for a warehouse, and its rows finished into the in-memory result.
const where: CustomerSummarySqlOptions = { dialect: "bigquery", table: ["shop", "orders"], asOf: "2024-03-01", timeUnit: "week" };
const query: string = customerSummarySql(where);
const finished: number = customerSummaryFromRows([], where).customerCount;

export const used = [total, wrong, retained, parsed, score, json, version, loaded, shown, html, query, finished];
