/*
 * KpiReportJsonSchema as it was in zod (classic), before the library moved to zod/mini:
 * the reference that pins the issues (path, code, message) users see today.
 */
import { z } from "zod";

/** Money in the JSON form: a plain decimal string (Decimal's JSON), exact. */
const Money = z.string().regex(/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i, { error: "expected a decimal string" });
const Instant = z.iso.datetime();
const Rate = z.number().nullable();
const Count = z.number().int().nonnegative();
const ChangeSchema = z.object({ absolute: z.number().nullable(), relative: z.number().nullable() });
const MoneyChangeSchema = z.object({ absolute: Money.nullable(), relative: z.number().nullable() });
const PeriodSchema = z.object({ start: Instant, end: Instant });
// Issue 14 added the significance of each change (and activity.repeatCustomers) after the move to zod/mini.
const SignificanceSchema = z.object({
  significant: z.boolean().nullable(),
  pValue: z.number().min(0).max(1).nullable(),
  interval: z.tuple([z.number(), z.number()]).nullable(),
  reason: z.string().nullable(),
});
const Unavailable = z.object({ available: z.literal(false), reason: z.string().min(1) });

const Interval = z.tuple([z.number(), z.number()]).nullable();
const csatShape = { satisfiedShare: Rate, mean: z.number().nullable(), responses: Count, satisfied: Count, confidenceInterval: Interval };
const cesShape = { mean: z.number().nullable(), easyShare: Rate, responses: Count, easy: Count, confidenceInterval: Interval };

function section<T extends z.ZodRawShape>(shape: T) {
  return z.discriminatedUnion("available", [z.object({ available: z.literal(true), ...shape }), Unavailable]);
}

const ActivityKpisSchema = z.object({
  customers: Count,
  newCustomers: Count,
  orders: Count,
  revenue: Money,
  averageOrderValue: Money.nullable(),
  purchaseFrequency: Rate,
  repeatPurchaseRate: Rate,
  repeatCustomers: Count,
});

const RetentionKpisSchema = z.object({
  rate: Rate,
  churnRate: Rate,
  crr: Rate,
  startCount: Count,
  endCount: Count,
  newCount: Count,
  retainedCount: Count,
  lostCount: Count,
  reactivatedCount: Count,
  activeWindowMs: z.number(),
});

const RevenueRetentionKpisSchema = z.object({
  netRevenueRetention: Rate,
  grossRevenueRetention: Rate,
  baseRevenue: Money,
  currentRevenue: Money,
  expansion: Money,
  contraction: Money,
  churnedRevenue: Money,
  newCustomerRevenue: Money,
  reactivation: Money,
  customers: z.object({ base: Count, expanded: Count, flat: Count, contracted: Count, churned: Count }),
});

const NpsKpisSchema = z.object({
  score: z.number().min(-100).max(100).nullable(),
  responses: Count,
  promoters: Count,
  passives: Count,
  detractors: Count,
  marginOfError: z.number().nullable(),
});

const TrackingTotalsSchema = z.object({ periods: Count, actual: Count, expected: z.number(), percentageError: z.number().nullable() });
const ModelFitSchema = z.object({
  model: z.string(),
  params: z.record(z.string(), z.number()),
  logLikelihood: z.number(),
  converged: z.boolean(),
  iterations: Count,
  observations: z.number(),
});

/**
 * The JSON form of a `KpiReport` (`JSON.parse(JSON.stringify(report))`): money as decimal
 * strings, dates as ISO-8601 strings. Other systems validate the CLI's `--format json`
 * output with it; docs/report.md describes every field.
 */
export const KpiReportJsonSchema = z.object({
  schemaVersion: z.literal(1),
  asOf: Instant,
  currency: z.string().nullable(),
  period: z.object({ kind: z.enum(["month", "quarter", "year", "custom"]), current: PeriodSchema, previous: PeriodSchema, previousHasData: z.boolean() }),
  data: z.object({ customers: Count, purchases: Count, orders: Count, events: Count, surveys: Count, firstPurchase: Instant.nullable(), lastPurchase: Instant.nullable() }),
  activity: ActivityKpisSchema.extend({
    previous: ActivityKpisSchema.nullable(),
    change: z.object({
      customers: ChangeSchema,
      newCustomers: ChangeSchema,
      orders: ChangeSchema,
      revenue: MoneyChangeSchema,
      averageOrderValue: MoneyChangeSchema,
      purchaseFrequency: ChangeSchema,
      repeatPurchaseRate: ChangeSchema,
    }),
    significance: z.object({
      customers: SignificanceSchema,
      newCustomers: SignificanceSchema,
      orders: SignificanceSchema,
      revenue: SignificanceSchema,
      averageOrderValue: SignificanceSchema,
      purchaseFrequency: SignificanceSchema,
      repeatPurchaseRate: SignificanceSchema,
    }),
  }),
  retention: RetentionKpisSchema.extend({
    previous: RetentionKpisSchema.nullable(),
    change: z.object({ rate: ChangeSchema, churnRate: ChangeSchema, crr: ChangeSchema }),
    significance: z.object({ rate: SignificanceSchema, churnRate: SignificanceSchema, crr: SignificanceSchema }),
  }),
  revenueRetention: section({
    ...RevenueRetentionKpisSchema.shape,
    previous: RevenueRetentionKpisSchema.nullable(),
    change: z.object({ netRevenueRetention: ChangeSchema, grossRevenueRetention: ChangeSchema }),
    significance: z.object({ netRevenueRetention: SignificanceSchema, grossRevenueRetention: SignificanceSchema }),
  }),
  nps: section({ ...NpsKpisSchema.shape, previous: NpsKpisSchema.nullable(), change: z.object({ score: ChangeSchema }), significance: z.object({ score: SignificanceSchema }) }),
  cohorts: section({
    granularity: z.literal("month"),
    maxCohorts: Count,
    maxOffsets: Count,
    totalCohorts: Count,
    cohorts: z.array(z.object({ key: z.string(), start: Instant, size: Count, values: z.array(Count), rates: z.array(Rate) })),
    curve: z.array(z.object({ offset: Count, rate: Rate, cohorts: Count, customers: z.number() })),
  }),
  clv: z.object({
    historical: section({
      customers: Count,
      totalRevenue: Money,
      averageRevenue: Money.nullable(),
      totalMargin: Money.nullable(),
      averageMargin: Money.nullable(),
      averageOrders: z.number().nullable(),
    }),
    predicted: section({
      timeUnit: z.enum(["day", "week"]),
      horizon: z.number().positive(),
      discountRate: z.number(),
      penalizer: z.number().min(0),
      customers: Count,
      totalClv: Money,
      averageClv: Money.nullable(),
      averageProbabilityAlive: Rate,
      expectedPurchases: z.number(),
      // Added in issue 17: the total CLV's interval, optional so earlier reports still parse.
      totalClvInterval: z
        .object({ level: z.number(), draws: Count, seed: Count, low: Money.nullable(), high: Money.nullable(), predictionLow: Money.nullable(), predictionHigh: Money.nullable(), reason: z.string().nullable() })
        .optional(),
      bgNbd: ModelFitSchema,
      gammaGamma: ModelFitSchema,
      topCustomers: z.array(z.object({ customerId: z.string(), clv: Money, probabilityAlive: z.number(), expectedPurchases: z.number(), defectionStatus: z.enum(["active", "at_risk", "defected"]).nullable() })),
      // Added in issue 17 (model: "auto"): the model the predictions used and why it was picked.
      transactionModel: ModelFitSchema.optional(),
      modelChoice: z.object({
        chosen: z.enum(["bg-nbd", "mbg-nbd", "pareto-nbd"]),
        criterion: z.enum(["holdoutMae", "bic"]),
        calibration: PeriodSchema.nullable(),
        holdout: PeriodSchema.nullable(),
        reason: z.string(),
        candidates: z.array(z.object({ model: z.enum(["bg-nbd", "mbg-nbd", "pareto-nbd"]), logLikelihood: z.number().nullable(), bic: z.number().nullable(), holdoutMae: z.number().nullable(), reason: z.string().nullable() })),
      }).optional(),
    }),
    // Added in issue 15: customer equity, optional so earlier reports still parse.
    equity: section({
      horizonYears: Count,
      annualDiscountRate: z.number(),
      margin: z.number(),
      current: z.object({ method: z.enum(["predictClv", "retentionClv"]), customers: Count, unvalued: Count, yearlyMargin: Money.nullable(), retentionRate: Rate, value: Money }),
      future: z.object({
        cohorts: Count, recentCohorts: Count, acquisitionsPerYear: z.number(), acquisitionsMeasured: z.boolean(), firstYearCustomers: Count,
        firstYearClv: Money, retentionRate: z.number(), customerValue: Money, value: Money,
      }).nullable(),
      futureReason: z.string().nullable(),
      total: Money,
    }).optional(),
  }),
  defections: section({
    customers: Count,
    active: Count,
    atRisk: Count,
    defected: Count,
    defectionRate: Rate,
    atRiskValue: Money,
    unrealizedValue: Money,
    byReason: z.array(z.object({ reason: z.string(), customers: Count, shareOfDefected: Rate, unrealizedValue: Money, shareOfUnrealized: Rate })),
    topAtRisk: z.array(z.object({
      customerId: z.string(), reason: z.string(), valueAtRisk: Money, daysSinceLastActivity: z.number(), probabilityAlive: Rate,
      // Added in issue 15 (optional, as below).
      saveBudgetPerSave: Money.optional(), saveBudgetPerAttempt: Money.nullable().optional(),
    })),
    // Added in issue 15: the save budget of the at-risk list, optional so earlier reports still parse.
    saveBudget: z.object({ saveRate: Rate, margin: z.number(), perSave: Money, perAttempt: Money.nullable() }).optional(),
  }),
  segments: z.object({
    ltvTiers: section({
      by: z.literal("revenue"),
      method: z.literal("pareto"),
      share: z.number(),
      tiers: z.array(z.object({ name: z.string(), customers: Count, shareOfCustomers: Rate, value: Money, shareOfValue: Rate, min: Money.nullable(), max: Money.nullable() })),
      concentration: z.object({ top1PctShare: Rate, top10PctShare: Rate, top20PctShare: Rate, gini: Rate }),
    }),
    loyalCustomers: section({
      count: Count,
      shareOfCustomers: Rate,
      shareOfRevenue: Rate,
      top: z.array(z.object({ customerId: z.string(), value: Money, orders: Count, shareOfRevenue: Rate })),
    }),
  }),
  // Added in issue 14: CSAT/CES and the "Follow up first" table, optional so earlier reports still parse.
  satisfaction: section({
    csat: z.object({ ...csatShape, previous: z.object(csatShape), change: z.object({ satisfiedShare: ChangeSchema }) }).nullable(),
    ces: z.object({ ...cesShape, previous: z.object(cesShape), change: z.object({ mean: ChangeSchema }) }).nullable(),
  }).optional(),
  followUps: section({
    windowDays: Count,
    customersAnswered: Count,
    unhappyCustomers: Count,
    top: z.array(
      z.object({
        customerId: z.string(),
        kind: z.enum(["nps", "csat", "ces"]),
        score: Count,
        at: Instant,
        daysSince: Count,
        valueAtStake: Money,
        orderedSince: z.boolean(),
        defectionStatus: z.enum(["active", "at_risk", "defected"]).nullable(),
      }),
    ),
  }).optional(),
  // Added in issue 15: retention spend by program, optional so earlier reports still parse.
  spend: section({
    costCount: Count,
    totalSpend: Money,
    activeCount: Count,
    retainedCount: Count,
    spendPerActiveCustomer: Money.nullable(),
    spendPerRetainedCustomer: Money.nullable(),
    shareOfRevenue: Rate,
    shareOfMargin: Rate,
    byProgram: z.array(z.object({ program: z.string().nullable(), spend: Money, shareOfSpend: Rate, customersReached: Count })),
  }).optional(),
  // Added in issue 15: points outstanding, liability and breakage, optional so earlier reports still parse.
  points: section({
    customers: Count,
    earned: Count,
    redeemed: Count,
    expired: Count,
    outstanding: Count,
    pointValue: Money.nullable(),
    liability: Money.nullable(),
    liabilityReason: z.string().nullable(),
    expiring: z.array(z.object({ days: Count, points: Count })).nullable(),
    redemptionRate: Rate,
    observedBreakage: Rate,
    estimatedBreakage: Rate,
    cohorts: z.array(
      z.object({
        cohort: z.string(),
        earned: Count,
        redeemed: Count,
        expired: Count,
        outstanding: Count,
        redemptionRate: Rate,
        breakage: Rate,
        breakageKind: z.enum(["observed", "estimated"]).nullable(),
      }),
    ),
  }).optional(),
  // Added in issue 16: the model's check on a holdout, optional so earlier reports still parse.
  modelFit: section({
    model: ModelFitSchema,
    timeUnit: z.enum(["day", "week"]),
    calibration: PeriodSchema,
    holdout: PeriodSchema,
    customers: Count,
    tracking: z.object({
      periods: z.array(
        z.object({
          index: Count,
          start: Instant,
          end: Instant,
          phase: z.enum(["calibration", "holdout"]),
          actual: Count,
          expected: z.number(),
          actualCumulative: Count,
          expectedCumulative: z.number(),
        }),
      ),
      calibration: TrackingTotalsSchema,
      holdout: TrackingTotalsSchema,
    }),
    byFrequency: z.array(z.object({ label: z.string(), customers: Count, meanActual: z.number(), meanPredicted: z.number() })),
  }).optional(),
});

/** The JSON form of a `KpiReport`, as `KpiReportJsonSchema` parses it. */
export type KpiReportJson = z.infer<typeof KpiReportJsonSchema>;
