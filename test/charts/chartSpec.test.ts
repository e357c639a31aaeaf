import { describe, expect, it } from "vitest";
import { chartSpec, unavailableChart, VEGA_LITE_SCHEMA } from "../../src/charts/chartSpec";
import { renderChart } from "./renderChart";

describe("chartSpec", () => {
  it("frames a drawing with the schema, the data inline and uncut labels, and renders", async () => {
    const spec = chartSpec({
      title: "Orders",
      description: "Orders per week",
      values: [{ week: 1, orders: 3 }, { week: 2, orders: 5 }],
      mark: { type: "line", point: true },
      encoding: { x: { field: "week", type: "quantitative" }, y: { field: "orders", type: "quantitative" } },
    });
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(spec.data.values).toHaveLength(2);
    const rendered = await renderChart(spec);
    expect(rendered.svg.startsWith("<svg")).toBe(true);
    expect(rendered.markItems).toBeGreaterThan(0);
  });

  it("an unavailable chart says why in a text mark", async () => {
    const spec = unavailableChart("Tracking", "no purchases before calibrationEnd");
    const rendered = await renderChart(spec);
    expect(rendered.svg).toContain("no purchases before calibrationEnd");
  });
});
