import { describe, expect, it } from "vitest";
import {
  mbgNbdConditionalPurchaseCountProbability,
  mbgNbdProbabilityAlive,
  mbgNbdProbabilityAliveAt,
  mbgNbdProbabilityNoPurchase,
} from "../../src/clv/models/mbgNbdMath";
import { seededUniform, simulateAlive } from "./mbgSimulation";
import { variates } from "./randomVariates";

// Monte Carlo checks of the formulas for P(alive at T+t), P(no purchase in (T, T+t]) and the
// conditional count distribution (docs/clv.md, "MBG/NBD"), by simulating the process itself
// rather than the formulas' derivation. CDNOW's MBG/NBD parameters (weeks).
const params = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const { r, alpha, a, b } = params;

describe("MBG/NBD against simulation", () => {
  it("one-time buyers at T = 20: P(alive at T+t), P(no purchase) and P(one purchase) in (T, T+t] (whole process simulated)", () => {
    const uniform = seededUniform(17);
    const draw = variates(uniform);
    const T = 20;
    const t = 30;
    let selected = 0;
    let aliveAtT = 0;
    let aliveLater = 0;
    let none = 0;
    let one = 0;
    for (let i = 0; i < 200_000; i++) {
      const lambda = draw.gamma(r, alpha);
      const p = draw.beta(a, b);
      const droppedAtStart = uniform() < p;
      if (droppedAtStart) {
        selected++;
        none++;
        continue;
      }
      const past = simulateAlive(lambda, p, T, uniform);
      if (past.purchases > 0) continue;
      selected++;
      aliveAtT++;
      const future = simulateAlive(lambda, p, t, uniform);
      if (future.alive) aliveLater++;
      if (future.purchases === 0) none++;
      if (future.purchases === 1) one++;
    }
    // About 140,000 one-time buyers: a standard error of at most 0.0014 on each share.
    const tolerance = 0.006;
    expect(Math.abs(aliveAtT / selected - mbgNbdProbabilityAlive(params, 0, 0, T))).toBeLessThan(tolerance);
    expect(Math.abs(aliveLater / selected - mbgNbdProbabilityAliveAt(params, 0, 0, T, t))).toBeLessThan(tolerance);
    expect(Math.abs(none / selected - mbgNbdProbabilityNoPurchase(params, 0, 0, T, t))).toBeLessThan(tolerance);
    expect(Math.abs(one / selected - mbgNbdConditionalPurchaseCountProbability(params, 1, 0, 0, T, t))).toBeLessThan(tolerance);
    // Not P(alive at T): customers alive at T who buy in (T, T+t] may drop out after that purchase.
    expect(mbgNbdProbabilityAliveAt(params, 0, 0, T, t)).toBeLessThan(mbgNbdProbabilityAlive(params, 0, 0, T) - 0.02);
  });

  it("a repeat buyer (x = 3, tₓ = 12, T = 30): the same figures by weighting prior draws with the history's likelihood", () => {
    // Each draw of (λ, p) from the prior is weighted by the probability of the history in each
    // state at T, (1−p)^(x+1) λ^x e^(−λT) alive and p(1−p)^x λ^x e^(−λtₓ) dropped out; a draw
    // alive at T then has its future (T, T+t] simulated, purchases and dropouts included.
    const uniform = seededUniform(2026);
    const draw = variates(uniform);
    const x = 3;
    const tx = 12;
    const T = 30;
    const t = 26;
    let total = 0;
    let totalSquares = 0;
    let aliveLater = 0;
    let none = 0;
    let two = 0;
    for (let i = 0; i < 300_000; i++) {
      const lambda = draw.gamma(r, alpha);
      const p = draw.beta(a, b);
      const common = x * Math.log(lambda) + x * Math.log1p(-p);
      const alive = Math.exp(common + Math.log1p(-p) - lambda * T);
      const dead = Math.exp(common + Math.log(p) - lambda * tx);
      total += alive + dead;
      totalSquares += (alive + dead) ** 2;
      none += dead;
      const future = simulateAlive(lambda, p, t, uniform);
      if (future.alive) aliveLater += alive;
      if (future.purchases === 0) none += alive;
      if (future.purchases === 2) two += alive;
    }
    const effective = (total * total) / totalSquares;
    expect(effective).toBeGreaterThan(5_000);
    const tolerance = 4 / Math.sqrt(effective);
    expect(Math.abs(aliveLater / total - mbgNbdProbabilityAliveAt(params, x, tx, T, t))).toBeLessThan(tolerance);
    expect(Math.abs(none / total - mbgNbdProbabilityNoPurchase(params, x, tx, T, t))).toBeLessThan(tolerance);
    expect(Math.abs(two / total - mbgNbdConditionalPurchaseCountProbability(params, 2, x, tx, T, t))).toBeLessThan(tolerance);
  });
});
