import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerSummary, RetentionInputError, RetentionOptionsError } from "retention-metrics";
import { display, JUPYTER_DISPLAY } from "retention-metrics/notebook";

const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

describe("display (properties)", () => {
  it("shows any customer id escaped, and no markup but its own", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }).filter((id) => id.trim() === id && id !== "" && !/[\u0000-\u001f\u007f]/.test(id)), (id) => {
        const html = display(customerSummary([{ customerId: id, at: "2024-01-05", amount: "10" }], { asOf: "2024-02-01" }))[JUPYTER_DISPLAY]()["text/html"] ?? "";
        expect(html).toContain(`<td>${escapeHtml(id)}</td>`);
        const tags = html.match(/<\/?([a-z0-9]+)/g) ?? [];
        expect(new Set(tags.map((tag) => tag.replace(/[</]/g, "")))).toEqual(new Set(["div", "h3", "p", "table", "caption", "thead", "tr", "th", "tbody", "td"]));
      }),
    );
  });

  it("answers any value with a display or a typed error, never NaN in the text", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          const shown = display(value);
          expect(shown.bundle["text/html"]).not.toMatch(/\bNaN\b|\bInfinity\b/);
        } catch (error) {
          expect(error instanceof RetentionInputError || error instanceof RetentionOptionsError).toBe(true);
        }
      }),
    );
  });
});
