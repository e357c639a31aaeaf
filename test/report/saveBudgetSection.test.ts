import { describe, expect, it } from "vitest";
import { Decimal, kpiReport, renderHtml, renderMarkdown, RetentionOptionsError, saveBudget } from "../../src/index";
import { KpiReportJsonSchema } from "../../src/report/schema";
import { fixture, runInProcess } from "../cli/spawnCli";

// a orders 100 monthly Jan–Apr, so on 2024-05-30 it is at risk with 400 a year at risk (docs/defections.md).
const purchases = [
  ...[1, 2, 3, 4].map((m) => ({ customerId: "a", at: `2024-0${m}-01`, amount: "100" })),
  { customerId: "b", at: "2024-05-20", amount: "30" },
  { customerId: "b", at: "2024-05-25", amount: "30" },
];

describe("the report's save budget (defection section)", () => {
  it("budgets the at-risk list at the saveRate and margin options (hand-worked: 400 × 0.5 = 200 per save, × 0.2 = 40 per attempt)", () => {
    const report = kpiReport(purchases, { asOf: "2024-05-30", saveRate: 0.2, margin: 0.5, skip: ["predictedClv"] });
    if (!report.defections.available) throw new Error(report.defections.reason);
    const d = report.defections;
    expect(d.atRiskValue.toString()).toBe("400");
    expect(d.saveBudget).toEqual({ saveRate: 0.2, margin: 0.5, perSave: new Decimal(200), perAttempt: new Decimal(40) });
    expect(d.topAtRisk.map((c) => [c.customerId, c.saveBudgetPerSave?.toString(), c.saveBudgetPerAttempt?.toString()])).toEqual([["a", "200", "40"]]);
    // The same figures as saveBudget on one customer.
    expect(saveBudget({ clv: "400", saveRate: 0.2, margin: 0.5 }).perAttempt.toString()).toBe("40");
    expect(KpiReportJsonSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    const md = renderMarkdown(report);
    expect(md).toContain("Save budget: saving all 1 at-risk customers is worth up to 200.00 (value at risk × margin 50.0%); at a save rate of 20.0%, an attempt at all of them is worth up to 40.00.");
    expect(md).toContain("| At-risk customer | Reason | Value at risk | Days since last activity | Worth per save | Budget per attempt |");
    expect(md).toContain("| a | no repurchase | 400.00 | 59 | 200.00 | 40.00 |");
    expect(renderHtml(report)).toContain("<td>200.00</td><td>40.00</td>");
  });

  it("gives per save only, without a save rate", () => {
    const report = kpiReport(purchases, { asOf: "2024-05-30", skip: ["predictedClv"] });
    if (!report.defections.available) throw new Error(report.defections.reason);
    expect(report.defections.saveBudget).toEqual({ saveRate: null, margin: 1, perSave: new Decimal(400), perAttempt: null });
    expect(report.defections.topAtRisk[0]!.saveBudgetPerAttempt).toBeNull();
    expect(renderMarkdown(report)).toContain("give a save rate (saveRate, CLI --save-rate) for the budget per attempt.");
    expect(() => kpiReport(purchases, { asOf: "2024-05-30", saveRate: 2 })).toThrow(RetentionOptionsError);
  });

  it("takes --save-rate on the CLI", async () => {
    const run = await runInProcess(["report", "--purchases", fixture("purchases.csv"), "--as-of", "2024-04-01", "--save-rate", "0.25"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).defections.saveBudget.saveRate).toBe(0.25);
    expect((await runInProcess(["report", "--purchases", fixture("purchases.csv"), "--save-rate", "1.5"])).code).toBe(2);
  });
});
