import * as z from "zod/mini";
import { en } from "zod/locales";
import { lazySchema } from "../input/lazySchema";

/*
 * zod/mini registers no locale, so each schema here carries zod's English messages itself
 * (unless the caller has set a locale or error map with `z.config`, which then wins): the
 * messages read as they did when this schema was written with zod classic.
 */
let english: ((issue: z.core.$ZodRawIssue) => string | undefined) | undefined;
const englishMessage = (issue: z.core.$ZodRawIssue): string | undefined => {
  const global = z.config();
  if (global.localeError !== undefined || global.customError !== undefined) return undefined;
  english ??= en().localeError as (issue: z.core.$ZodRawIssue) => string | undefined;
  return english(issue);
};
const E = { error: englishMessage };

function build() {
  /** Money in the JSON form: a plain decimal string (Decimal's JSON), exact. */
  const Money = z.string(E).check(z.regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i, { error: "expected a decimal string" }));
  const Instant = z.iso.datetime(E);
  const Rate = z.nullable(z.number(E));
  const Count = z.int(E).check(z.nonnegative(E));
  const ChangeSchema = z.object({ absolute: z.nullable(z.number(E)), relative: z.nullable(z.number(E)) }, E);
  const MoneyChangeSchema = z.object({ absolute: z.nullable(Money), relative: z.nullable(z.number(E)) }, E);
  const PeriodSchema = z.object({ start: Instant, end: Instant }, E);
  const SignificanceSchema = z.object(
    {
      significant: z.nullable(z.boolean(E)),
      pValue: z.nullable(z.number(E).check(z.gte(0, E), z.lte(1, E))),
      interval: z.nullable(z.tuple([z.number(E), z.number(E)], E)),
      reason: z.nullable(z.string(E)),
    },
    E,
  );
  const Unavailable = z.object({ available: z.literal(false, E), reason: z.string(E).check(z.minLength(1, E)) }, E);

  function section<T extends z.core.$ZodLooseShape>(shape: T) {
    return z.discriminatedUnion("available", [z.object({ available: z.literal(true, E), ...shape }, E), Unavailable], E);
  }

  const activityShape = {
    customers: Count,
    newCustomers: Count,
    orders: Count,
    revenue: Money,
    averageOrderValue: z.nullable(Money),
    purchaseFrequency: Rate,
    repeatPurchaseRate: Rate,
    repeatCustomers: Count,
  };
  const ActivityKpisSchema = z.object(activityShape, E);

  const retentionShape = {
    rate: Rate,
    churnRate: Rate,
    crr: Rate,
    startCount: Count,
    endCount: Count,
    newCount: Count,
    retainedCount: Count,
    lostCount: Count,
    reactivatedCount: Count,
    activeWindowMs: z.number(E),
  };
  const RetentionKpisSchema = z.object(retentionShape, E);

  const revenueRetentionShape = {
    netRevenueRetention: Rate,
    grossRevenueRetention: Rate,
    baseRevenue: Money,
    currentRevenue: Money,
    expansion: Money,
    contraction: Money,
    churnedRevenue: Money,
    newCustomerRevenue: Money,
    reactivation: Money,
    customers: z.object({ base: Count, expanded: Count, flat: Count, contracted: Count, churned: Count }, E),
  };
  const RevenueRetentionKpisSchema = z.object(revenueRetentionShape, E);

  const npsShape = {
    score: z.nullable(z.number(E).check(z.gte(-100, E), z.lte(100, E))),
    responses: Count,
    promoters: Count,
    passives: Count,
    detractors: Count,
    marginOfError: z.nullable(z.number(E)),
  };
  const NpsKpisSchema = z.object(npsShape, E);
  const Interval = z.nullable(z.tuple([z.number(E), z.number(E)], E));
  const csatShape = { satisfiedShare: Rate, mean: z.nullable(z.number(E)), responses: Count, satisfied: Count, confidenceInterval: Interval };
  const cesShape = { mean: z.nullable(z.number(E)), easyShare: Rate, responses: Count, easy: Count, confidenceInterval: Interval };

  const ModelFitSchema = z.object(
    {
      model: z.string(E),
      params: z.record(z.string(E), z.number(E), E),
      logLikelihood: z.number(E),
      converged: z.boolean(E),
      iterations: Count,
      observations: z.number(E),
    },
    E,
  );

  const TransactionModelName = z.enum(["bg-nbd", "mbg-nbd", "pareto-nbd"], E);
  const ModelChoiceSchema = z.object(
    {
      chosen: TransactionModelName,
      criterion: z.enum(["holdoutMae", "bic"], E),
      calibration: z.nullable(PeriodSchema),
      holdout: z.nullable(PeriodSchema),
      reason: z.string(E),
      candidates: z.array(
        z.object({ model: TransactionModelName, logLikelihood: z.nullable(z.number(E)), bic: z.nullable(z.number(E)), holdoutMae: z.nullable(z.number(E)), reason: z.nullable(z.string(E)) }, E),
        E,
      ),
    },
    E,
  );

  const TrackingTotalsSchema = z.object({ periods: Count, actual: Count, expected: z.number(E), percentageError: z.nullable(z.number(E)) }, E);

  return z.object(
    {
      schemaVersion: z.literal(1, E),
      asOf: Instant,
      currency: z.nullable(z.string(E)),
      period: z.object(
        { kind: z.enum(["month", "quarter", "year", "custom"], E), current: PeriodSchema, previous: PeriodSchema, previousHasData: z.boolean(E) },
        E,
      ),
      data: z.object(
        { customers: Count, purchases: Count, orders: Count, events: Count, surveys: Count, firstPurchase: z.nullable(Instant), lastPurchase: z.nullable(Instant) },
        E,
      ),
      activity: z.object(
        {
          ...activityShape,
          previous: z.nullable(ActivityKpisSchema),
          change: z.object(
            {
              customers: ChangeSchema,
              newCustomers: ChangeSchema,
              orders: ChangeSchema,
              revenue: MoneyChangeSchema,
              averageOrderValue: MoneyChangeSchema,
              purchaseFrequency: ChangeSchema,
              repeatPurchaseRate: ChangeSchema,
            },
            E,
          ),
          significance: z.object(
            {
              customers: SignificanceSchema,
              newCustomers: SignificanceSchema,
              orders: SignificanceSchema,
              revenue: SignificanceSchema,
              averageOrderValue: SignificanceSchema,
              purchaseFrequency: SignificanceSchema,
              repeatPurchaseRate: SignificanceSchema,
            },
            E,
          ),
        },
        E,
      ),
      retention: z.object(
        {
          ...retentionShape,
          previous: z.nullable(RetentionKpisSchema),
          change: z.object({ rate: ChangeSchema, churnRate: ChangeSchema, crr: ChangeSchema }, E),
          significance: z.object({ rate: SignificanceSchema, churnRate: SignificanceSchema, crr: SignificanceSchema }, E),
        },
        E,
      ),
      revenueRetention: section({
        ...revenueRetentionShape,
        previous: z.nullable(RevenueRetentionKpisSchema),
        change: z.object({ netRevenueRetention: ChangeSchema, grossRevenueRetention: ChangeSchema }, E),
        significance: z.object({ netRevenueRetention: SignificanceSchema, grossRevenueRetention: SignificanceSchema }, E),
      }),
      nps: section({ ...npsShape, previous: z.nullable(NpsKpisSchema), change: z.object({ score: ChangeSchema }, E), significance: z.object({ score: SignificanceSchema }, E) }),
      cohorts: section({
        granularity: z.literal("month", E),
        maxCohorts: Count,
        maxOffsets: Count,
        totalCohorts: Count,
        cohorts: z.array(z.object({ key: z.string(E), start: Instant, size: Count, values: z.array(Count, E), rates: z.array(Rate, E) }, E), E),
        curve: z.array(z.object({ offset: Count, rate: Rate, cohorts: Count, customers: z.number(E) }, E), E),
      }),
      clv: z.object(
        {
          historical: section({
            customers: Count,
            totalRevenue: Money,
            averageRevenue: z.nullable(Money),
            totalMargin: z.nullable(Money),
            averageMargin: z.nullable(Money),
            averageOrders: z.nullable(z.number(E)),
          }),
          predicted: section({
            timeUnit: z.enum(["day", "week"], E),
            horizon: z.number(E).check(z.positive(E)),
            discountRate: z.number(E),
            penalizer: z.number(E).check(z.gte(0, E)),
            customers: Count,
            totalClv: Money,
            averageClv: z.nullable(Money),
            averageProbabilityAlive: Rate,
            expectedPurchases: z.number(E),
            // Added in issue 17, optional so earlier reports still parse.
            totalClvInterval: z.optional(
              z.object(
                {
                  level: z.number(E),
                  draws: Count,
                  seed: Count,
                  low: z.nullable(Money),
                  high: z.nullable(Money),
                  predictionLow: z.nullable(Money),
                  predictionHigh: z.nullable(Money),
                  reason: z.nullable(z.string(E)),
                },
                E,
              ),
            ),
            bgNbd: ModelFitSchema,
            gammaGamma: ModelFitSchema,
            topCustomers: z.array(
              z.object({ customerId: z.string(E), clv: Money, probabilityAlive: z.number(E), expectedPurchases: z.number(E), defectionStatus: z.nullable(z.enum(["active", "at_risk", "defected"], E)) }, E),
              E,
            ),
            transactionModel: z.optional(ModelFitSchema),
            modelChoice: z.optional(ModelChoiceSchema),
          }),
          equity: z.optional(
            section({
              horizonYears: Count,
              annualDiscountRate: z.number(E),
              margin: z.number(E),
              current: z.object(
                {
                  method: z.enum(["predictClv", "retentionClv"], E),
                  customers: Count,
                  unvalued: Count,
                  yearlyMargin: z.nullable(Money),
                  retentionRate: Rate,
                  value: Money,
                },
                E,
              ),
              future: z.nullable(
                z.object(
                  {
                    cohorts: Count,
                    recentCohorts: Count,
                    acquisitionsPerYear: z.number(E),
                    acquisitionsMeasured: z.boolean(E),
                    firstYearCustomers: Count,
                    firstYearClv: Money,
                    retentionRate: z.number(E),
                    customerValue: Money,
                    value: Money,
                  },
                  E,
                ),
              ),
              futureReason: z.nullable(z.string(E)),
              total: Money,
            }),
          ),
        },
        E,
      ),
      defections: section({
        customers: Count,
        active: Count,
        atRisk: Count,
        defected: Count,
        defectionRate: Rate,
        atRiskValue: Money,
        unrealizedValue: Money,
        byReason: z.array(
          z.object({ reason: z.string(E), customers: Count, shareOfDefected: Rate, unrealizedValue: Money, shareOfUnrealized: Rate }, E),
          E,
        ),
        topAtRisk: z.array(
          z.object({
            customerId: z.string(E), reason: z.string(E), valueAtRisk: Money, daysSinceLastActivity: z.number(E), probabilityAlive: Rate,
            saveBudgetPerSave: z.optional(Money), saveBudgetPerAttempt: z.optional(z.nullable(Money)),
          }, E),
          E,
        ),
        saveBudget: z.optional(z.object({ saveRate: Rate, margin: z.number(E), perSave: Money, perAttempt: z.nullable(Money) }, E)),
      }),
      segments: z.object(
        {
          ltvTiers: section({
            by: z.literal("revenue", E),
            method: z.literal("pareto", E),
            share: z.number(E),
            tiers: z.array(
              z.object(
                { name: z.string(E), customers: Count, shareOfCustomers: Rate, value: Money, shareOfValue: Rate, min: z.nullable(Money), max: z.nullable(Money) },
                E,
              ),
              E,
            ),
            concentration: z.object({ top1PctShare: Rate, top10PctShare: Rate, top20PctShare: Rate, gini: Rate }, E),
          }),
          loyalCustomers: section({
            count: Count,
            shareOfCustomers: Rate,
            shareOfRevenue: Rate,
            top: z.array(z.object({ customerId: z.string(E), value: Money, orders: Count, shareOfRevenue: Rate }, E), E),
          }),
        },
        E,
      ),
      satisfaction: z.optional(
        section({
          csat: z.nullable(z.object({ ...csatShape, previous: z.object(csatShape, E), change: z.object({ satisfiedShare: ChangeSchema }, E) }, E)),
          ces: z.nullable(z.object({ ...cesShape, previous: z.object(cesShape, E), change: z.object({ mean: ChangeSchema }, E) }, E)),
        }),
      ),
      spend: z.optional(
        section({
          costCount: Count,
          totalSpend: Money,
          activeCount: Count,
          retainedCount: Count,
          spendPerActiveCustomer: z.nullable(Money),
          spendPerRetainedCustomer: z.nullable(Money),
          shareOfRevenue: Rate,
          shareOfMargin: Rate,
          byProgram: z.array(z.object({ program: z.nullable(z.string(E)), spend: Money, shareOfSpend: Rate, customersReached: Count }, E), E),
        }),
      ),
      followUps: z.optional(
        section({
          windowDays: Count,
          customersAnswered: Count,
          unhappyCustomers: Count,
          top: z.array(
            z.object(
              {
                customerId: z.string(E),
                kind: z.enum(["nps", "csat", "ces"], E),
                score: Count,
                at: Instant,
                daysSince: Count,
                valueAtStake: Money,
                orderedSince: z.boolean(E),
                defectionStatus: z.nullable(z.enum(["active", "at_risk", "defected"], E)),
              },
              E,
            ),
            E,
          ),
        }),
      ),
      points: z.optional(
        section({
          customers: Count,
          earned: Count,
          redeemed: Count,
          expired: Count,
          outstanding: Count,
          pointValue: z.nullable(Money),
          liability: z.nullable(Money),
          liabilityReason: z.nullable(z.string(E)),
          expiring: z.nullable(z.array(z.object({ days: Count, points: Count }, E), E)),
          redemptionRate: Rate,
          observedBreakage: Rate,
          estimatedBreakage: Rate,
          cohorts: z.array(
            z.object(
              {
                cohort: z.string(E),
                earned: Count,
                redeemed: Count,
                expired: Count,
                outstanding: Count,
                redemptionRate: Rate,
                breakage: Rate,
                breakageKind: z.nullable(z.enum(["observed", "estimated"], E)),
              },
              E,
            ),
            E,
          ),
        }),
      ),
      breadth: z.optional(
        section({
          customers: Count,
          uncategorisedCustomers: Count,
          crossSellCustomers: Count,
          crossSellRate: Rate,
          meanCategories: z.nullable(z.number(E)),
          categories: z.array(z.object({ category: z.string(E), customers: Count, penetration: z.number(E), amount: Money }, E), E),
          nextCategory: z.array(z.object({ from: z.string(E), to: z.string(E), customers: Count, share: z.number(E) }, E), E),
        }),
      ),
      modelFit: z.optional(
        section({
          model: ModelFitSchema,
          timeUnit: z.enum(["day", "week"], E),
          calibration: PeriodSchema,
          holdout: PeriodSchema,
          customers: Count,
          tracking: z.object(
            {
              periods: z.array(
                z.object(
                  {
                    index: Count,
                    start: Instant,
                    end: Instant,
                    phase: z.enum(["calibration", "holdout"], E),
                    actual: Count,
                    expected: z.number(E),
                    actualCumulative: Count,
                    expectedCumulative: z.number(E),
                  },
                  E,
                ),
                E,
              ),
              calibration: TrackingTotalsSchema,
              holdout: TrackingTotalsSchema,
            },
            E,
          ),
          byFrequency: z.array(z.object({ label: z.string(E), customers: Count, meanActual: z.number(E), meanPredicted: z.number(E) }, E), E),
        }),
      ),
    },
    E,
  );
}

/**
 * The JSON form of a `KpiReport` (`JSON.parse(JSON.stringify(report))`): money as decimal
 * strings, dates as ISO-8601 strings. Other systems validate the CLI's `--format json`
 * output with it; docs/report.md describes every field. A zod/mini schema, built on first use.
 */
export const KpiReportJsonSchema = /* @__PURE__ */ lazySchema(build);

/** The JSON form of a `KpiReport`, as `KpiReportJsonSchema` parses it. */
export type KpiReportJson = z.infer<typeof KpiReportJsonSchema>;
