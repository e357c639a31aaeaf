import { describe, expect, it } from "vitest";
import { LineIndex } from "../../src/io/lineIndex";

describe("LineIndex", () => {
  it("gives each record's line across runs (header, blank lines, several records on a line)", () => {
    const lines = new LineIndex();
    const added = [2, 3, 4, 7, 8, 8, 8, 9, 15];
    for (const line of added) lines.add(line);
    expect(added.map((_, index) => lines.lineOf(index))).toEqual(added);
    expect([lines.lineOf(-1), lines.lineOf(9), lines.lineOf(0.5)]).toEqual([undefined, undefined, undefined]);
  });

  it("is empty until a record is added", () => {
    expect(new LineIndex().lineOf(0)).toBeUndefined();
  });
});
