import * as api from "retention-metrics";
import { cdnowSpendRows, cdnowSummaryRows } from "../clv/cdnowFixtures";
import { donationRows } from "../clv/donationsFixtures";

/*
 * A valid call of every data function of the public module, shared by the every-export walk
 * (test/api/everyExport.test.ts) and the fuzz suite (test/fuzz/), which both start from these
 * calls and break one piece at a time.
 */

/** Exports that are not functions of data: classes, type guards that answer any value with a boolean. */
export const NOT_DATA_FUNCTIONS = new Set([
  "Decimal", // decimal.js constructor (its own errors)
  "JsonMap", // class: a Map that serialises to a plain object
  "ModelFitError", // error classes
  "RetentionInputError",
  "RetentionOptionsError",
  "isLedger", // type guards: any value in, a boolean out
  "isModelFitError",
  "isRetentionInputError",
  "isRetentionOptionsError",
]);

export const purchases = [
  { customerId: "a", at: "2024-01-05", amount: "10" },
  { customerId: "a", at: "2024-02-05", amount: "12" },
  { customerId: "a", at: "2024-03-07", amount: "9" },
  { customerId: "b", at: "2024-01-20", amount: "30" },
  { customerId: "b", at: "2024-03-01", amount: "25" },
  { customerId: "c", at: "2024-02-11", amount: "5" },
  { customerId: "d", at: "2024-01-02", amount: "7" },
  { customerId: "d", at: "2024-01-25", amount: "8" },
];
const surveys = [
  { at: "2024-01-05", score: 9, segment: "web" },
  { at: "2024-01-06", score: 3, segment: "app" },
];
const csatAnswers = [
  { at: "2024-01-05", score: 5, kind: "csat", segment: "web" },
  { at: "2024-01-06", score: 2, kind: "csat", segment: "app" },
];
const cesAnswers = [
  { at: "2024-01-05", score: 6, kind: "ces", segment: "web" },
  { at: "2024-01-06", score: 2, kind: "ces", segment: "app" },
];
const customerAnswers = [
  { customerId: "a", at: "2024-03-10", score: 3 },
  { customerId: "b", at: "2024-03-11", score: 1, kind: "csat" },
];
const asOf = "2024-04-01";
const summary = api.customerSummary(purchases, { asOf, timeUnit: "week" });
const bgNbd = api.fitBgNbd(cdnowSummaryRows());
const gammaGamma = api.fitGammaGamma([
  { frequency: 1, recency: 10, T: 30, monetaryValue: "10" },
  { frequency: 2, recency: 20, T: 30, monetaryValue: "14" },
  { frequency: 5, recency: 28, T: 30, monetaryValue: "30" },
  { frequency: 3, recency: 5, T: 30, monetaryValue: "8" },
  { frequency: 4, recency: 25, T: 30, monetaryValue: "12" },
]);
const weeklySplit = api.calibrationHoldoutSummary(purchases, { calibrationEnd: "2024-02-15", observationEnd: asOf, timeUnit: "week" });
const weeklyBgNbd = { ...bgNbd, timeUnit: "week" as const };
/** CDNOW's published Pareto/NBD fit (weeks), written out: fitting it here would cost every walk 150 ms. */
const paretoNbd: api.ParetoNbdModel = { model: "pareto-nbd", params: { r: 0.553, alpha: 10.58, s: 0.606, beta: 11.656 }, logLikelihood: -9594.98, converged: true, iterations: 0, observations: 2357, timeUnit: "week", penalizer: 0 };
const sbg = api.fitShiftedBetaGeometric({ alive: [1000, 631, 468, 382, 326] });
const bgBb = api.fitBetaGeometricBetaBinomial(donationRows());
const report = api.kpiReport(purchases, { asOf, skip: ["historicalClv", "predictedClv"] });
const schedule = [{ min: "0", rate: "0" }, { min: "100", rate: "0.1" }];
const program = { tiers: [{ name: "silver", minOrders: 2, discountRate: "0.05" }] };
const period = { start: "2024-02-01", end: "2024-03-01" };
const pointsEvents = [
  { customerId: "a", at: "2024-01-05", type: "points_earned", points: 100 },
  { customerId: "a", at: "2024-02-05", type: "points_redeemed", points: 40 },
  { customerId: "b", at: "2024-02-20", type: "points_earned", points: 50 },
];

/** A valid call of each data function, options last, so the walk can swap in bad options. */
export const VALID_CALLS: Record<string, readonly unknown[]> = {
  createLedger: [purchases, {}],
  createLedgerBuilder: [{}],
  parseLedgerText: ["customerId,at,amount\na,2024-01-05,10\n", {}],
  retentionRate: [purchases, period],
  churnRate: [purchases, period],
  repeatPurchaseRate: [purchases, {}],
  purchaseFrequency: [purchases, {}],
  averageOrderValue: [purchases, {}],
  nps: [surveys, {}],
  npsBy: [surveys, "segment", {}],
  npsTrend: [surveys, { granularity: "month" }],
  csat: [csatAnswers, {}],
  csatBy: [csatAnswers, "segment", {}],
  csatTrend: [csatAnswers, { granularity: "month" }],
  ces: [cesAnswers, {}],
  cesBy: [cesAnswers, "segment", {}],
  cesTrend: [cesAnswers, { granularity: "month" }],
  followUps: [{ purchases, surveys: customerAnswers }, { asOf }],
  retentionClv: [{ margin: "10", retentionRate: 0.8, discountRate: 0.1 }],
  simpleClv: [{ averageOrderValue: "10", purchasesPerPeriod: "2", periods: "3" }],
  cohortRetention: [purchases, { granularity: "month", asOf }],
  revenueRetention: [purchases, period],
  retentionSeries: [purchases, { granularity: "month", from: "2024-01-01", to: "2024-04-01" }],
  survivalCurve: [purchases, { asOf, unit: "month" }],
  volumeDiscount: ["100", schedule, {}],
  frequencyTiers: [purchases, program, { asOf }],
  discountProgramCost: [purchases, program, { ...period, margin: "0.3" }],
  retentionLiftImpact: [{ margin: "10", retentionRate: "0.8", discountRate: "0.1", lift: "0.05" }],
  retentionLiftTable: [{ margin: "10", retentionRate: "0.8", discountRate: "0.1", lifts: ["0.05"] }],
  milestones: [purchases, { asOf }],
  classifyDefections: [purchases, { asOf }],
  defectionReport: [purchases, { asOf }],
  rfmScores: [purchases, { asOf }],
  ltvSegments: [purchases, { asOf, method: "quantile" }],
  loyalCustomers: [purchases, { asOf }],
  categoryBreadth: [purchases.map((row, i) => ({ ...row, category: i % 2 === 0 ? "shoes" : "socks" })), {}],
  shareOfWallet: [purchases, { wallet: new Map([["a", "50"], ["b", "40"]]) }],
  customerSummary: [purchases, { asOf }],
  calibrationHoldoutSummary: [purchases, { calibrationEnd: "2024-02-15", observationEnd: asOf }],
  historicalClv: [purchases, { asOf }],
  fitBgNbd: [summary, {}],
  fitModifiedBgNbd: [summary, {}],
  fitParetoNbd: [cdnowSummaryRows().slice(0, 100), {}], // on the 4-customer summary the fit takes seconds
  fitGammaGamma: [summary, {}],
  fitShiftedBetaGeometric: [{ alive: [1000, 631, 468, 382, 326] }, {}],
  fitBetaGeometricBetaBinomial: [donationRows(), {}],
  expectedPurchasesTracking: [bgBb, { periods: 11 }],
  probabilityAlive: [bgNbd, { frequency: 1, recency: 10, T: 30 }],
  expectedPurchases: [bgNbd, 10],
  conditionalExpectedPurchases: [bgNbd, { frequency: 1, recency: 10, T: 30 }, 10],
  purchaseCountProbability: [bgNbd, 1, 10],
  probabilityAliveAt: [bgNbd, { frequency: 1, recency: 10, T: 30 }, 10],
  probabilityNoPurchase: [bgNbd, { frequency: 1, recency: 10, T: 30 }, 10],
  logLikelihood: [bgNbd, cdnowSummaryRows().slice(0, 100)],
  discountedExpectedResidualTransactions: [paretoNbd, { frequency: 1, recency: 10, T: 30 }, { discountRate: 0.01 }],
  expectedAverageSpend: [gammaGamma, { frequency: 2, monetaryValue: "12" }],
  predictClv: [bgNbd, gammaGamma, cdnowSpendRows().slice(0, 5), { horizon: 10, discountRate: 0.01, interval: 0.9, draws: 50, seed: 3 }],
  scorePatterns: [bgNbd, gammaGamma, cdnowSpendRows().slice(0, 5).map((row, i) => ({ ...row, weight: i + 1 })), { horizon: 10, discountRate: 0.01 }],
  seededRandom: [42],
  survival: [sbg, 2],
  retentionRateAt: [sbg, 2],
  discountedExpectedLifetime: [sbg, 0.1],
  discountedExpectedResidualLifetime: [sbg, 0.1, 2],
  evaluateHoldout: [weeklyBgNbd, weeklySplit, { spendModel: gammaGamma }],
  compareModels: [[weeklyBgNbd], weeklySplit, {}],
  kpiReport: [purchases, { asOf }],
  renderMarkdown: [report],
  renderHtml: [report],
  toVegaLite: [report, "retentionCurve"],
  funnel: [{ purchases, events: [{ customerId: "a", at: "2024-01-01", type: "signup" }] }, { steps: ["signup", "order", "order:2"], within: { days: 60 } }],
  repeatConversion: [purchases, { asOf }],
  lifecycle: [purchases, { granularity: "month", start: "2024-01-01", end: "2024-04-01" }],
  revenueMovements: [purchases, { granularity: "month", start: "2024-01-01", end: "2024-04-01" }],
  compareRates: [{ successes: 48, trials: 80 }, { successes: 56, trials: 70 }, {}],
  compareNps: [{ promoters: 50, passives: 30, detractors: 20 }, { promoters: 60, passives: 25, detractors: 15 }, {}],
  wilsonInterval: [{ successes: 81, trials: 263 }, {}],
  retentionSpend: [{ purchases, costs: [{ at: "2024-02-03", amount: "2", program: "club" }] }, { ...period, by: "program" }],
  programRoi: [
    { purchases, events: [{ customerId: "a", at: "2024-01-20", type: "program_join" }], costs: [{ customerId: "a", at: "2024-02-03", amount: "2", program: "club" }] },
    { ...period, program: "club", margin: "0.3" },
  ],
  pointsLedger: [pointsEvents, { asOf, pointValue: "0.01", expiry: { months: 12 } }],
  breakage: [pointsEvents, { cohort: "month", asOf }],
  saveBudget: [{ clv: "500", saveRate: 0.3, margin: 0.4 }],
  customerEquity: [purchases, { asOf, retentionRate: 0.8, future: { cohorts: 2 } }],
  compareToBenchmarks: [report, [{ path: "retention.rate", value: 0.6, betterWhen: "higher" }]],
  frequencyRecencyChart: [bgNbd, { maxFrequency: 5, maxRecency: 5, t: 1 }],
  probabilityAliveMatrixChart: [bgNbd, { maxFrequency: 5, maxRecency: 5 }],
  periodTransactionsChart: [{ ...bgNbd, timeUnit: "week" }, summary, { maxFrequency: 3 }],
  probabilityAliveHistoryChart: [{ ...bgNbd, timeUnit: "week" }, { purchases: ["2024-01-05", "2024-02-05"], end: "2024-03-01", customerId: "a" }],
  npsTrendChart: [api.npsTrend(surveys, { granularity: "month" })],
  retentionSeriesChart: [api.retentionSeries(purchases, { granularity: "month", from: "2024-01-01", to: "2024-04-01" })],
  survivalChart: [api.survivalCurve({ events: [{ customerId: "a", at: "2024-01-01", type: "signup" }, { customerId: "a", at: "2024-02-01", type: "cancel" }] }, { asOf, unit: "day" })],
  cohortRetentionChart: [api.cohortRetention(purchases, { granularity: "month", asOf }), { maxCohorts: 12 }],
  rfmGridChart: [api.rfmScores(purchases, { asOf })],
  ltvConcentrationChart: [api.ltvSegments(purchases, { method: "pareto" })],
  defectionValueChart: [api.defectionReport(purchases, { asOf }), { currency: "USD" }],
  // retention-metrics/notebook (walked by the fuzz, test/fuzz/catalog.ts)
  display: [api.cohortRetention(purchases, { granularity: "month", asOf }), { rows: 5, moneyPlaces: 2 }],
  trackingSeries: [{ ...bgNbd, timeUnit: "week" }, purchases, { calibrationEnd: "2024-02-15", end: asOf, granularity: "week" }],
  trackingChart: [api.trackingSeries({ ...bgNbd, timeUnit: "week" }, purchases, { calibrationEnd: "2024-02-15", end: asOf }), { view: "cumulative" }],
  calibrationHoldoutChart: [{ calibration: { byFrequency: [{ label: "0", customers: 2, meanActual: 0.5, meanPredicted: 0.4 }], byDecile: [] } }, { by: "frequency" }],
};

/** Functions whose last argument is not an options object (their last argument is data). */
export const NO_OPTIONS = new Set([
  "renderMarkdown", "renderHtml", "toVegaLite", "probabilityAlive", "expectedPurchases", "conditionalExpectedPurchases",
  "purchaseCountProbability", "expectedAverageSpend", "survival", "retentionRateAt", "discountedExpectedLifetime",
  "discountedExpectedResidualLifetime", "compareToBenchmarks", "probabilityAliveAt", "probabilityNoPurchase", "logLikelihood",
  "npsTrendChart", "retentionSeriesChart", "survivalChart", "rfmGridChart", "ltvConcentrationChart",
  "seededRandom",
]);

/** Functions whose first (and only) argument is their options: the first-argument walk gives them bad options. */
export const OPTIONS_FIRST = new Set(["createLedgerBuilder", "retentionClv", "simpleClv", "retentionLiftImpact", "retentionLiftTable", "saveBudget"]);

/** First arguments that are valid data for one function: 42 is an amount to `volumeDiscount` and a seed to `seededRandom`. */
export const VALID_FIRST_ARGUMENTS: Record<string, readonly unknown[]> = { volumeDiscount: [42], seededRandom: [42] };
