import { tableFromArrays } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { createLedger, csat, nps, parseLedgerText, RetentionInputError, SURVEY_KINDS } from "retention-metrics";
import { SurveyResponseSchema } from "retention-metrics/schemas";

/** The first issue of the input error `run` throws. */
function firstIssue(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RetentionInputError);
    return (error as RetentionInputError).issues[0]!;
  }
  throw new Error("expected a RetentionInputError");
}

describe("the kind of a survey answer", () => {
  it("checks the score on its kind's scale, naming the row and field", () => {
    const rows = [{ at: 0, score: 5, kind: "csat" as const }, { at: 0, score: 6, kind: "csat" as const }];
    expect(() => csat(rows)).toThrow(/surveys\[1\]\.score: expected a CSAT score from 1 to 5, found 6/);
    expect(firstIssue(() => createLedger({ surveys: [{ at: 0, score: 0, kind: "ces" }] }))).toMatchObject({ index: 0, path: ["surveys", "score"], message: "expected a CES score from 1 to 7, found 0" });
    expect(firstIssue(() => createLedger({ surveys: [{ at: 0, score: 7.5, kind: "ces" }] })).message).toBe("expected an integer CES score from 1 to 7, found 7.5");
    expect(firstIssue(() => nps([{ at: 0, score: 11, kind: "nps" }])).message).toBe("expected a score from 0 to 10, found 11");
  });

  it("accepts the edges of every scale", () => {
    const edges = [[0, 10, "nps"], [1, 5, "csat"], [1, 7, "ces"]] as const;
    for (const [low, high, kind] of edges) {
      expect(createLedger({ surveys: [{ at: 0, score: low, kind }, { at: 0, score: high, kind }] }).surveys.count).toBe(2);
      expect(() => createLedger({ surveys: [{ at: 0, score: low - 1, kind }] })).toThrow(RetentionInputError);
      expect(() => createLedger({ surveys: [{ at: 0, score: high + 1, kind }] })).toThrow(RetentionInputError);
    }
  });

  it("refuses an unknown kind as the row's one issue", () => {
    expect(firstIssue(() => createLedger({ surveys: [{ at: "bad", score: 3, kind: "NPS" as never }] }))).toMatchObject({
      index: 0,
      path: ["surveys", "kind"],
      message: 'expected a survey kind "nps", "csat" or "ces", found "NPS"',
    });
    expect(SurveyResponseSchema.safeParse({ at: 0, score: 3, kind: "csat" }).success).toBe(true);
    expect(SurveyResponseSchema.safeParse({ at: 0, score: 6, kind: "csat" }).success).toBe(false);
  });

  it("is stored as a code column (0 NPS, 1 CSAT, 2 CES), NPS by default", () => {
    const ledger = createLedger({ surveys: [{ at: 2, score: 3, kind: "ces" }, { at: 1, score: 3, kind: "csat" }, { at: 0, score: 3 }] });
    expect([...ledger.surveys.kind]).toEqual([0, 1, 2]);
    expect(SURVEY_KINDS).toEqual(["nps", "csat", "ces"]);
  });

  it("comes through columns, Arrow tables and CSV text", () => {
    const columns = createLedger({ surveys: { at: [0, 1], score: [5, 9], kind: ["csat", undefined] } });
    expect([...columns.surveys.kind]).toEqual([1, 0]);
    expect(firstIssue(() => createLedger({ surveys: { at: [0, 1], score: [5, 6], kind: ["csat", "csat"] } }))).toMatchObject({ index: 1, path: ["surveys", "score"] });
    const table = tableFromArrays({ at: new Float64Array([0, 1]), score: new Int32Array([2, 7]), kind: ["ces", "ces"] });
    expect(createLedger({ surveys: table }).surveys.kind[1]).toBe(2);
    const text = parseLedgerText({ surveys: "at,score,kind\n2024-01-01,4,csat\n2024-01-02,9,\n" });
    expect([...text.surveys.kind]).toEqual([1, 0]);
    expect(() => parseLedgerText({ surveys: "at,score,kind\n2024-01-01,6,csat\n" })).toThrow(/surveys:2: field "score": expected a CSAT score from 1 to 5, found 6/);
  });
});
