/*
 * A seeded simulator of the MBG/NBD process for the Monte Carlo checks of its formulas: λ ~ Gamma(r, α),
 * p ~ Beta(a, b); the customer drops out at time 0 with probability p, then buys at rate λ and
 * drops out right after each purchase with probability p.
 */

/** A small seeded generator (mulberry32): uniform on (0, 1). */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
function normal(uniform: () => number): number {
  return Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 boosted by U^(1/shape)). */
export function gammaDraw(shape: number, uniform: () => number): number {
  if (shape < 1) return gammaDraw(shape + 1, uniform) * Math.pow(uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(uniform);
    const v = Math.pow(1 + c * z, 3);
    if (v <= 0) continue;
    if (Math.log(uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A Beta(a, b) draw from two gamma draws. */
export function betaDraw(a: number, b: number, uniform: () => number): number {
  const x = gammaDraw(a, uniform);
  return x / (x + gammaDraw(b, uniform));
}

/** One customer's future from a moment they are alive: purchases in the next `t` (each followed by dropout with probability p), and whether alive at the end. */
export function simulateAlive(lambda: number, p: number, t: number, uniform: () => number): { purchases: number; alive: boolean } {
  let clock = 0;
  let purchases = 0;
  for (;;) {
    clock += -Math.log(uniform()) / lambda;
    if (clock > t) return { purchases, alive: true };
    purchases++;
    if (uniform() < p) return { purchases, alive: false };
  }
}
