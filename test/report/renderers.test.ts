import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeControlCharacters } from "../../src/io/escapeControl";
import { escapeMarkdown } from "../../src/report/markdownEscape";
import { markdownTable } from "../../src/report/markdownTable";
import { RetentionOptionsError } from "retention-metrics";
import { loadCdnowSample } from "../../examples/data/cdnow";
import { DISAGREEMENT_MARK } from "../../src/report/crossReference";
import { KPI_DEFINITIONS } from "../../src/report/definitions";
import type { ThresholdOutcome } from "../../src/report/renderOptions";
import { REPORT_CHARTS } from "../../src/report/chartData";
import { kpiReport } from "../../src/report/kpiReport";
import { renderHtml } from "../../src/report/renderHtml";
import { renderMarkdown } from "../../src/report/renderMarkdown";
import { toVegaLite } from "../../src/report/toVegaLite";
import { PURCHASES } from "./fixture";

const report = kpiReport(PURCHASES, { asOf: "2024-04-01" });

describe("renderMarkdown", () => {
  const md = renderMarkdown(report);

  it("shows each KPI with the previous period and the change", () => {
    expect(md).toContain("# KPI report: 2024-03-01 – 2024-03-31");
    expect(md).toContain("| KPI | This period | Previous | Change |");
    expect(md).toContain("| Customers | 3 | 2 | +1 (+50.0%) |");
    expect(md).toContain("| Revenue | 53.00 | 60.00 | −7.00 (−11.7%) |");
    expect(md).toContain("| Retention rate | 50.0% | 50.0% | ±0.0 pts |");
    expect(md).toContain("| 2024-01 | 2 | 100.0% | 50.0% | 100.0% |");
  });

  it("says why a section is missing", () => {
    expect(md).toContain("_Not available: no survey responses given._");
  });
});

describe("renderHtml", () => {
  const html = renderHtml(report);

  it("is one self-contained page with the four charts", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    for (const id of ["cohort-heatmap", "retention-curve", "revenue-concentration"]) expect(html).toContain(`<svg id="${id}"`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it("is accessible: titled charts, hover titles and data tables", () => {
    expect(html).toContain('role="img" aria-labelledby="cohort-heatmap-title cohort-heatmap-desc"');
    expect(html).toContain("<title>cohort 2024-01, month 1: 1 of 2 customers (50%)</title>");
    expect(html).toContain("<summary>Data table</summary>");
    expect(html).toContain("Months since first activity");
  });

  it("escapes customer ids", () => {
    const hostile = kpiReport([{ customerId: "<img src=x onerror=alert(1)>", at: "2024-01-05", amount: "9" }, { customerId: "<img src=x onerror=alert(1)>", at: "2024-02-05", amount: "9" }], { asOf: "2024-03-01" });
    const page = renderHtml(hostile);
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("toVegaLite", () => {
  it("gives a spec with inline data for every chart", () => {
    for (const chart of REPORT_CHARTS) {
      const spec = toVegaLite(report, chart);
      expect(spec.$schema).toContain("vega-lite/v5");
      expect(typeof spec.title).toBe("string");
      expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    }
    expect(toVegaLite(report, "retentionCurve").data.values).toEqual([
      { offset: 0, rate: 1 },
      { offset: 1, rate: 1 / 3 },
      { offset: 2, rate: 1 },
    ]);
  });

  // Until issue 16 an unavailable section gave an empty frame (data.values []); it is now a chart that says why.
  it("draws a chart that says why when a section is unavailable", () => {
    const empty = kpiReport([], { asOf: "2024-01-01" });
    for (const chart of REPORT_CHARTS) {
      const spec = toVegaLite(empty, chart);
      expect(spec.description).toMatch(/^Unavailable: /);
      expect(spec.data.values).toHaveLength(1);
    }
    expect(toVegaLite(empty, "cohortHeatmap").data.values).toEqual([{ reason: "no customer has a complete month of activity before asOf" }]);
  });
});

const THRESHOLDS: readonly ThresholdOutcome[] = [
  { threshold: "retention.rate < 0.6", value: 0.5, outcome: "fail" },
  { threshold: "activity.revenue < 10", value: "53", outcome: "pass" },
  { threshold: "retention.previous.rate < 1", value: null, outcome: "null" },
  { threshold: "nps.score < 30", value: null, outcome: "unknown" },
];

describe("the thresholds section", () => {
  it("appears in both renderers only when thresholds are given", () => {
    const md = renderMarkdown(report, { thresholds: THRESHOLDS });
    expect(md).toContain("## Thresholds\n\n3 of 4 thresholds failed.");
    expect(md).toContain("| retention.rate \\< 0.6 | 0.5 | FAIL: threshold crossed |");
    expect(md).toContain("| activity.revenue \\< 10 | 53 | pass |");
    expect(md).toContain("| retention.previous.rate \\< 1 | n/a | FAIL: the KPI is null for this data |");
    expect(md).toContain("| nps.score \\< 30 | n/a | FAIL: the KPI is not in this report |");
    expect(renderMarkdown(report, { thresholds: [THRESHOLDS[1]!] })).toContain("The threshold passed.");
    const html = renderHtml(report, { thresholds: THRESHOLDS });
    expect(html).toContain('<section id="thresholds"><h2>Thresholds</h2><p>3 of 4 thresholds failed.</p>');
    expect(html).toContain('<td>retention.rate &lt; 0.6</td><td>0.5</td><td class="fail">FAIL: threshold crossed</td>');
    for (const none of [undefined, {}, { thresholds: [] }]) {
      expect(renderMarkdown(report, none)).not.toContain("## Thresholds");
      expect(renderHtml(report, none)).not.toContain('id="thresholds"');
    }
  });

  it("refuses malformed threshold outcomes with a typed error", () => {
    for (const bad of [null, 3, { thresholds: "x" }, { thresholds: [{ threshold: "a < 1", value: 1, outcome: "maybe" }] }, { thresholds: [null] }]) {
      expect(() => renderMarkdown(report, bad as never)).toThrow(RetentionOptionsError);
      expect(() => renderHtml(report, bad as never)).toThrow(RetentionOptionsError);
    }
  });
});

describe("what the reports explain", () => {
  it("ends with a Definitions section giving each KPI's formula in one line", () => {
    const md = renderMarkdown(report);
    const html = renderHtml(report);
    expect(md).toContain("## Definitions");
    expect(html).toContain("<h2>Definitions</h2>");
    for (const d of KPI_DEFINITIONS) {
      expect(d.formula).not.toContain("\n");
      expect(md).toContain(`- **${d.name}**: ${d.formula}`);
    }
    expect(md).toContain("- **Retention rate**: |S ∩ E| ÷ |S|");
  });

  it("shows the NPS tile's responses and margin of error", () => {
    const surveyed = kpiReport({ purchases: PURCHASES, surveys: [{ at: "2024-02-05", score: 10 }, { at: "2024-03-02", score: 9 }, { at: "2024-03-04", score: 3 }] }, { asOf: "2024-04-01" });
    // March: p = d = 1/2, n = 2: margin = 1.96 × 100 × √((1 − 0) / 2) = 138.59.
    expect(renderHtml(surveyed)).toContain('<div class="detail">2 responses · margin of error ±138.6 (95%)</div>');
  });

  it("shows historical CLV in the HTML as in the Markdown", () => {
    const html = renderHtml(report);
    expect(html).toContain("Historical CLV");
    // a: 60 over 3 orders, b: 20 over 2, c: 40, __proto__: 8 → 128 over 4 customers, 7 orders.
    expect(html).toContain("<td>Total revenue</td><td>128.00</td>");
    expect(html).toContain("<td>Average revenue per customer</td><td>32.00</td>");
    expect(html).toContain("<td>Average orders per customer</td><td>1.75</td>");
    expect(renderMarkdown(report)).toContain("| Average orders per customer | 1.75 |");
  });

  describe("where the defection rules and P(alive) disagree (CDNOW)", () => {
    const cdnow = kpiReport(loadCdnowSample());
    const md = renderMarkdown(cdnow);
    const html = renderHtml(cdnow);

    it("marks customer 1981 in both tables and says what each view measures", () => {
      expect(md).toContain(`| 1981 | no repurchase | 1,485.61 | 14 | 95.7% ${DISAGREEMENT_MARK} |`);
      expect(md).toContain(`| 1981 | 934.95 | 95.7% | 23.61 | at risk ${DISAGREEMENT_MARK} |`);
      expect(md).toContain("the customer's own usual gap between orders");
      expect(md).toContain("population view");
      expect(html).toContain(`<td>1981</td><td>no repurchase</td><td>1,485.61</td><td>14</td><td>95.7% ${DISAGREEMENT_MARK}</td>`);
      expect(html).toContain(`<td>at risk ${DISAGREEMENT_MARK}</td>`);
      expect(html.match(/<p class="note">/g)).toHaveLength(2);
    });

    it("leaves out the other view's column when that view is skipped", () => {
      const noModel = renderMarkdown(kpiReport(loadCdnowSample(), { skip: ["predictedClv"] }));
      expect(noModel).toContain("| At-risk customer | Reason | Value at risk | Days since last activity |\n");
      expect(noModel).toContain("| 1981 | no repurchase | 1,485.61 | 14 |\n");
      const noDefections = kpiReport(loadCdnowSample(), { skip: ["defections"] });
      expect(renderMarkdown(noDefections)).toContain("| Top customer | CLV | P(alive) | Expected purchases |\n");
      expect(renderHtml(noDefections)).not.toContain("Defection status");
      expect(renderMarkdown(noDefections)).not.toContain(DISAGREEMENT_MARK);
    });

    it("marks no customer the two views agree on", () => {
      expect(md).toContain("| 1203 | 813.90 | 97.9% | 22.59 | active |");
      expect(renderMarkdown(report)).not.toContain(DISAGREEMENT_MARK);
    });
  });
});

/** Ids that try to break out of a table row, open a tag, a link or a code span, or drive a terminal. */
const HOSTILE_IDS = ["a\n| x | y |\n", "\\|", "<script>alert(1)</script>", "<img src=http://e/x>", "[click](http://e)", "![i](http://e/i.png)", "`code`", "\x1b]0;t\x07", "a\rb", "\u202eevil"];

/**
 * True when every character of `text` with a Markdown meaning (`\ | < > [ ] \``) is
 * backslash-escaped, read as CommonMark reads escapes (a backslash takes the next character).
 */
function allEscaped(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\\") i++;
    else if ("|<>[]`".includes(ch)) return false;
  }
  return true;
}

describe("escapeMarkdown (issue 12, item 5)", () => {
  it("escapes each special character and line break", () => {
    expect(escapeMarkdown("a|b")).toBe("a\\|b");
    expect(escapeMarkdown("\\|")).toBe("\\\\\\|");
    expect(escapeMarkdown("<img src=x>")).toBe("\\<img src=x\\>");
    expect(escapeMarkdown("[a](b)")).toBe("\\[a\\](b)");
    expect(escapeMarkdown("`x`")).toBe("\\`x\\`");
    expect(escapeMarkdown("a\r\nb\tc\x1bd\u009be")).toBe("a\\r\\nb\\tc\\x1bd\\u009be");
    expect(escapeMarkdown("plain text, 12.50 USD")).toBe("plain text, 12.50 USD");
  });

  it("never lets a string break a table row or open a tag, link or code span; it reads back as the text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom(...HOSTILE_IDS), fc.string({ unit: fc.constantFrom("\\", "|", "<", ">", "[", "]", "`", "\n", "\r", "a", " ") })), (text) => {
        const escaped = escapeMarkdown(text);
        expect(escaped).not.toMatch(/[\r\n\u2028\u2029]/);
        expect(allEscaped(escaped)).toBe(true);
        expect(escaped.replace(/\\([\\|<>[\]`])/g, "$1")).toBe(escapeControlCharacters(text));
        const row = markdownTable(["id", "n"], [[text, "1"]]).split("\n")[2]!;
        expect(allEscaped(row.slice(2, -2).replace(/ \| /g, ""))).toBe(true);
      }),
      { seed: 12, numRuns: 2000 },
    );
  });
});

describe("hostile ids in the reports", () => {
  const rows = HOSTILE_IDS.flatMap((customerId, i) => [
    { customerId, at: "2024-01-05", amount: `${10 + i}.00` },
    { customerId, at: "2024-02-05", amount: `${20 + i}.00` },
    { customerId, at: "2024-03-05", amount: `${5 + i}.00` },
  ]);
  const hostile = kpiReport(rows, { asOf: "2024-06-01", period: { start: "2024-03-01", end: "2024-06-01" } });

  it("Markdown: every table row stays one row with its own cell count, and no tag, link or code span opens", () => {
    const md = renderMarkdown(hostile, { thresholds: [{ threshold: "x < 1 <b>", value: "<i>", outcome: "fail" }] });
    const lines = md.split("\n");
    let width = 0;
    for (const line of lines) {
      if (!line.startsWith("|")) {
        width = 0;
        continue;
      }
      const cells = line.slice(2, -2).split(/(?<!\\) \| /).length;
      if (width === 0) width = cells;
      expect(cells, line).toBe(width);
    }
    const data = lines.filter((line) => !line.startsWith("- **"));
    for (const line of data) expect(allEscaped(line.replace(/^\| | \|$/g, "").replace(/ \| /g, "")), line).toBe(true);
    expect(md).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(md).toContain("\\<script\\>alert(1)\\</script\\>");
    expect(md).toContain("\\[click\\](http://e)");
  });

  it("HTML: no raw tag, attribute or control character from an id", () => {
    const page = renderHtml(hostile);
    expect(page).not.toContain("<script");
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toMatch(/[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]/);
    expect(page).toContain("\\x1b]0;t\\x07");
  });
});
