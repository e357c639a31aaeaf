/** One KPI of the report and its formula in one line. */
export interface KpiDefinition {
  readonly name: string;
  readonly formula: string;
}

/**
 * The "Definitions" section of the Markdown and HTML reports: each KPI's formula in one
 * line, in the order the report shows them (docs/report.md and docs/metrics.md give sources).
 */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  { name: "Customers", formula: "customers with at least one order in the period" },
  { name: "New customers", formula: "customers whose first activity (first order or signup) falls in the period" },
  { name: "Revenue", formula: "Σ purchase amounts in the period, refunds included" },
  { name: "Average order value", formula: "revenue ÷ orders" },
  { name: "Purchase frequency", formula: "orders ÷ customers who ordered" },
  { name: "Repeat purchase rate", formula: "customers with ≥ 2 orders ÷ customers with ≥ 1 order in the period" },
  { name: "Retention rate", formula: "|S ∩ E| ÷ |S|, S = customers active at the period's start, E = active at its end" },
  { name: "Churn rate", formula: "|S ∖ E| ÷ |S| = 1 − retention rate" },
  { name: "Customer retention rate (CRR)", formula: "(|E| − |N|) ÷ |S|, N = new customers of the period" },
  { name: "Net revenue retention (NRR)", formula: "this period's revenue of the previous period's customers ÷ their previous-period revenue" },
  { name: "Gross revenue retention (GRR)", formula: "Σ min(current, base) ÷ Σ base over the previous period's customers" },
  { name: "NPS", formula: "100 × (promoters − detractors) ÷ responses; promoters score 9–10, detractors 0–6" },
  { name: "NPS margin of error (95%)", formula: "1.96 × 100 × √((p + d − (p − d)²) ÷ n), p and d the promoter and detractor shares" },
  { name: "CSAT", formula: "answers of 4 or 5 ÷ answers on the 1–5 scale (top-2-box), with a 95% Wilson interval" },
  { name: "CES", formula: "mean answer on the 1–7 scale; easy = answers of 5–7 ÷ answers" },
  { name: "Follow-ups", formula: "customers whose latest survey answer in the 90 days before asOf is unhappy (NPS 0–6, CSAT 1–2, CES 1–3), by trailing 12-month revenue" },
  { name: "Significant change (95%)", formula: "two-sided p < 0.05 against the previous period: rates by the pooled two-proportion z-test, NPS by a z-test on the trinomial variance; too few to test when an expected count is below 5" },
  { name: "Cohort rate, month k", formula: "customers of the cohort ordering in month k ÷ cohort size" },
  { name: "Historical CLV", formula: "Σ revenue (or gross margin) up to asOf ÷ customers who ordered" },
  { name: "P(alive)", formula: "BG/NBD probability that the customer has not dropped out, given their frequency, recency and age" },
  { name: "Predicted CLV", formula: "Σ over the horizon of expected purchases (BG/NBD) × expected spend (Gamma-Gamma), discounted per time unit" },
  { name: "At risk / defected", formula: "time since the last order > 1.5 / 3 × the customer's own median gap between orders (one-order customers: the population's)" },
  { name: "Value at risk / unrealized value", formula: "net revenue of the 365 days up to the last order of at-risk / defected customers" },
  { name: "LTV tiers (Pareto 80%)", formula: "top = the fewest customers holding 80% of revenue" },
  { name: "Gini", formula: "Σᵢ Σⱼ |xᵢ − xⱼ| ÷ (2 n² μ) over customers' revenue: 0 when revenue is equal across customers, towards 1 when one holds it all" },
];
