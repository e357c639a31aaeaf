import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutAt, outcomeOf, readPurchasesAsText, readPurchasesFast } from "./textPathReference";

/**
 * Cells one byte away from the shapes the row reader takes (a date's shape is told by its `T`
 * and the byte where a `.` would stand; an amount may end at the chunk's end), so that every
 * branch of `FastPurchaseRows.row` meets the text path's verdict.
 */
const DATES = [
  "2024-01-05",
  "2024-01-05T10:20:30Z",
  "2024-01-05T10:20:30.123Z",
  "2024-01-05T10:20:30.12Z",
  "2024-01-05T10:20:30.1234Z",
  "2024-01-05T10:20Z",
  "2024-01-05T10:20:30.123",
  "2024-01-05T10:20:30",
  "2024-01-05T",
  "2024-01-05T10:20:30.123Z ",
  "2024-01-05x",
  "2024-1-05",
  "2024-01-05T10:20:30Z0",
  "2024-02-30",
  "2024-01-05T10:20:60Z",
];
const AMOUNTS = ["1", "10.50", "1.05", "10.001", "0.10", "-0.0", "100.02", "7.", ".7", "1.2.3", "1-2", "", "-", "12x"];
const IDS = ["a", "b", '"a"', '"b, c"', "", '"', '""', "c\r"];

const line = fc.record({
  layout: fc.constantFrom("id,at,amount", "at,amount,id", "amount,id,at"),
  id: fc.constantFrom(...IDS),
  at: fc.constantFrom(...DATES),
  amount: fc.constantFrom(...AMOUNTS),
  end: fc.constantFrom("\n", "\r\n", "\n\n", "\r"),
});

describe("the row reader's branches, against the text path", () => {
  it("gives the same ledger or error for cells near the fast shapes, each file cut at every byte", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 4 }), fc.boolean(), async (lines, finalBreak) => {
        const layout = lines[0]!.layout;
        const cells = (l: (typeof lines)[number]): string => layout.split(",").map((name) => (name === "id" ? l.id : name === "at" ? l.at : l.amount)).join(",");
        const header = layout.replace("id", "customerId");
        const text = `${header}\n${lines.map((l, i) => cells(l) + (i < lines.length - 1 || finalBreak ? l.end : "")).join("")}`;
        const bytes = Buffer.from(text);
        const expected = await outcomeOf(() => readPurchasesAsText([bytes]));
        for (let cut = 0; cut <= bytes.length; cut++) expect(await outcomeOf(() => readPurchasesFast(cutAt(bytes, [cut])))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
