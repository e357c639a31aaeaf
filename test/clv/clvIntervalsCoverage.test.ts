import { describe, expect, it } from "vitest";
import { coverage } from "./simulateBgNbdGammaGamma";

describe("CLV intervals on simulated data", () => {
  // 40 replications here (5 s on the shared machine); `npx tsx bench/clvIntervals.ts coverage` runs 400.
  it("cover the totals at the true parameters about 90% of the time (40 replications, accepted in [0.75, 1])", () => {
    // With 40 replications at a true rate of 0.9 the count covered has sd √(40·0.9·0.1) = 1.9,
    // so 0.75 (30 of 40) is 3 sd below the nominal rate.
    const rate = coverage(40, 1500, 1000);
    expect(rate.purchases).toBeGreaterThanOrEqual(0.75);
    expect(rate.clv).toBeGreaterThanOrEqual(0.75);
    expect(rate.customer).toBeGreaterThanOrEqual(0.7);
  }, 60_000);
});
