import { describe, expect, it } from "vitest";
import { kpiReport, renderHtml, renderMarkdown } from "retention-metrics";
import { KpiReportJsonSchema } from "retention-metrics/schemas";
import { ledgerRows } from "../segments/breadthFixture";

describe("the report's cross-sell breadth section", () => {
  it("holds categoryBreadth's figures over purchases before asOf, its lists by customers", () => {
    const report = kpiReport(ledgerRows, { asOf: "2024-05-01" });
    const breadth = report.breadth;
    if (breadth?.available !== true) throw new Error("expected the breadth section");
    // The worked example of docs/segments.md: 4 customers, 3 in two or more categories.
    expect([breadth.customers, breadth.uncategorisedCustomers, breadth.crossSellCustomers, breadth.crossSellRate, breadth.meanCategories]).toEqual([4, 1, 3, 0.75, 2.25]);
    expect(breadth.categories.map((row) => `${row.category} ${row.customers}`)).toEqual(["hats 3", "bags 2", "shoes 2", "socks 2"]);
    expect(breadth.nextCategory[0]).toEqual({ from: "shoes", to: "hats", customers: 2, share: 1 });
    expect(KpiReportJsonSchema.safeParse(JSON.parse(JSON.stringify(report))).success).toBe(true);
    expect(renderMarkdown(report)).toContain("## Cross-sell breadth\n\n4 customers bought in 2.25 categories on average; 3 (75.0%) bought in two or more.");
    expect(renderHtml(report)).toContain("<h2>Cross-sell breadth</h2>");
  });

  it("is cut at asOf, and absent when no purchase carries a category", () => {
    // Before 2024-04-01 e has only hats: cross-sell 2 of 4.
    expect(kpiReport(ledgerRows, { asOf: "2024-04-01" }).breadth).toMatchObject({ available: true, crossSellRate: 0.5 });
    const plain = kpiReport([{ customerId: "a", at: "2024-01-05", amount: "5" }], { asOf: "2024-02-01" });
    expect("breadth" in plain).toBe(false);
    expect(renderMarkdown(plain)).not.toContain("Cross-sell");
  });
});
