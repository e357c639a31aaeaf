/*
 * The inputs every chart test draws: BG/NBD and Pareto/NBD fitted on CDNOW (weeks), and the
 * library's results on the bundled CDNOW sample, a small NPS survey and contract events.
 */
import { loadCdnowSample } from "../../examples/data/cdnow";
import {
  cohortRetention,
  customerSummary,
  defectionReport,
  fitBgNbd,
  fitParetoNbd,
  ltvSegments,
  npsTrend,
  retentionSeries,
  rfmScores,
  survivalCurve,
} from "../../src/index";
import { cdnowPurchases, cdnowSummaryRows } from "../clv/cdnowFixtures";

const day = (n: number): string => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString();

/** Fits and results, made once per test file. */
export function chartFixtures() {
  const summary = cdnowSummaryRows();
  const bgNbd = fitBgNbd(summary, { timeUnit: "week" });
  const paretoNbd = fitParetoNbd(summary, { timeUnit: "week" });
  const sample = loadCdnowSample();
  const purchases = cdnowPurchases();
  const responses = Array.from({ length: 240 }, (_, i) => ({ at: day(i), score: (i * 7) % 11 }));
  const events = [
    ...Array.from({ length: 30 }, (_, i) => ({ customerId: `c${i}`, at: day(i), type: "signup" as const })),
    ...Array.from({ length: 20 }, (_, i) => ({ customerId: `c${i}`, at: day(i + 10 + 7 * i), type: "cancel" as const })),
  ];
  return {
    summary,
    bgNbd,
    paretoNbd,
    purchases,
    cdnowSummary: customerSummary(purchases, { asOf: "1997-09-30", timeUnit: "week" }),
    nps: npsTrend(responses, { granularity: "month" }),
    retention: retentionSeries(sample, { granularity: "quarter", from: "1997-01-01", to: "1998-07-01" }),
    survival: survivalCurve({ events }, { asOf: day(250), unit: "week" }),
    cohorts: cohortRetention(sample, { granularity: "month", asOf: "1997-07-01" }),
    revenueCohorts: cohortRetention(sample, { granularity: "quarter", asOf: "1998-07-01", measure: "revenue" }),
    rfm: rfmScores(sample, { asOf: "1998-07-01" }),
    ltv: ltvSegments(sample, { method: "pareto" }),
    defections: defectionReport(sample, { asOf: "1998-07-01" }),
  };
}
