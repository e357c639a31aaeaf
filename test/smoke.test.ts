import { describe, expect, it } from "vitest";
import { createLedger } from "retention-metrics";

describe("smoke", () => {
  it("builds a ledger", () => {
    expect(createLedger({ purchases: [{ customerId: "a", at: "2024-01-01", amount: "1" }] }).customerIds).toEqual(["a"]);
  });
});
