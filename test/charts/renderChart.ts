/*
 * Test helper: compiles a chart spec with the `vega-lite` package and renders it to SVG with
 * `vega` in Node (no canvas, no browser), so a test can check that a spec is valid and draws
 * marks.
 */
import * as vega from "vega";
import * as vegaLite from "vega-lite";

/** What rendering a spec gave. */
export interface RenderedChart {
  readonly svg: string;
  /** Warnings Vega-Lite logged while compiling (a valid spec can still have some). */
  readonly warnings: readonly string[];
  /** The number of drawn SVG shapes (`<path>`, `<rect>`, `<text>`, `<line>`, `<circle>`), axes included. */
  readonly markItems: number;
}

/** Compiles `spec` (throwing on any compile error) and renders it to an SVG string. */
export async function renderChart(spec: object): Promise<RenderedChart> {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...args: unknown[]) => (warnings.push(args.map(String).join(" ")), logger),
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(`vega-lite: ${args.map(String).join(" ")}`);
    },
  };
  const compiled = vegaLite.compile(spec as vegaLite.TopLevelSpec, { logger: logger as never });
  const view = new vega.View(vega.parse(compiled.spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  const markItems = (svg.match(/<(path|rect|text|line|circle)\b/g) ?? []).length;
  return { svg, warnings, markItems };
}
