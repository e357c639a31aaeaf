import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bgNbdHistories, bgNbdLogLikelihood } from "../../src/clv/models/bgNbdLikelihood";
import { compressHistories } from "../../src/clv/models/compress";
import { gammaGammaLogLikelihood, spendRows } from "../../src/clv/models/gammaGammaLikelihood";
import { mergeIdenticalRows } from "../../src/clv/models/mergeIdentical";
import { betaln, gammaln } from "../../src/clv/models/special";
import { readSummaryRows } from "../../src/clv/summaryRows";
import { numericGradient } from "./numericGradient";

/*
 * The fits' likelihood kernels (issue 13) sum ln(1 + e^d) and ln(γ + x z̄) as logs of running
 * products and sum every term that does not depend on the customer once per distinct x or T;
 * the merge orders rows by one native sort of packed ranks. Each is checked here against the
 * textbook formula written per customer, or against the general path.
 */

/** One customer's BG/NBD log-likelihood as eq. 6 of Fader, Hardie & Lee (2005) writes it. */
function bgNbdRow([r, alpha, a, b]: readonly number[], x: number, tx: number, T: number): number {
  const alive = -(r! + x) * Math.log(alpha! + T);
  const dropped = x > 0 ? Math.log(a!) - Math.log(b! + x - 1) - (r! + x) * Math.log(alpha! + tx) : Number.NEGATIVE_INFINITY;
  const top = Math.max(alive, dropped);
  return gammaln(r! + x) - gammaln(r!) + r! * Math.log(alpha!) + betaln(a!, b! + x) - betaln(a!, b!) + top + Math.log(Math.exp(alive - top) + Math.exp(dropped - top));
}

/** One customer's Gamma-Gamma log-likelihood (Fader & Hardie 2013, eq. 3). */
function gammaGammaRow([p, q, gamma]: readonly number[], x: number, z: number): number {
  const px = p! * x;
  return gammaln(px + q!) - gammaln(px) - gammaln(q!) + q! * Math.log(gamma!) + (px - 1) * Math.log(z) + px * Math.log(x) - (px + q!) * Math.log(gamma! + x * z);
}

const history = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.constantFrom(0, 0.25, 0.5, 1), fc.constantFrom(0, 1, 2.5, 7, 52, 400), fc.constantFrom(1, 1, 1, 2, 0.5))
  .map(([frequency, share, T, weight]) => ({ frequency, recency: frequency === 0 ? 0 : share * T, T, weight }));
const bgParams = fc.tuple(fc.double({ min: 0.05, max: 20, noNaN: true }), fc.double({ min: 0.05, max: 100, noNaN: true }), fc.double({ min: 0.05, max: 20, noNaN: true }), fc.double({ min: 1.05, max: 50, noNaN: true }));

describe("bgNbdLogLikelihood", () => {
  it("equals the per-customer formula summed, and its gradient equals central differences", () => {
    fc.assert(
      fc.property(fc.array(history, { minLength: 1, maxLength: 40 }), bgParams, (rows, params) => {
        const data = bgNbdHistories(compressHistories(readSummaryRows(rows, "test")));
        const direct = rows.reduce((sum, row) => sum + row.weight * bgNbdRow(params, row.frequency, row.recency, row.T), 0);
        const gradient = [0, 0, 0, 0];
        const value = bgNbdLogLikelihood(params, data, gradient);
        expect(Math.abs(value - direct)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(direct)));
        expect(bgNbdLogLikelihood(params, data)).toBe(value);
        const numeric = numericGradient(params, (at) => bgNbdLogLikelihood(at, data));
        for (let i = 0; i < 4; i++) expect(Math.abs(gradient[i]! - numeric[i]!)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(numeric[i]!)));
      }),
      { numRuns: 200 },
    );
  });

  it("keeps its running product finite over many customers, and gives the same value on histories without the precomputed sums", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ frequency: 1 + (i % 30), recency: 1 + (i % 30) + (i % 7), T: 80 + (i % 11) }));
    const data = compressHistories(readSummaryRows(rows, "test"));
    const params = [0.4, 3, 40, 1.2];
    const direct = rows.reduce((sum, row) => sum + bgNbdRow(params, row.frequency, row.recency, row.T), 0);
    const value = bgNbdLogLikelihood(params, data);
    expect(Number.isFinite(value)).toBe(true);
    expect(Math.abs(value - direct)).toBeLessThanOrEqual(1e-11 * Math.abs(direct));
    expect(bgNbdLogLikelihood(params, bgNbdHistories(data))).toBe(value);
  });
});

describe("gammaGammaLogLikelihood", () => {
  it("equals the per-customer formula summed, for every size of γ + x z̄ (the running product and the single logarithms)", () => {
    const customer = fc.record({ x: fc.integer({ min: 1, max: 40 }), z: fc.constantFrom(1e-120, 0.5, 3, 25, 1e6, 1e120), w: fc.constantFrom(1, 1, 2, 0.5) });
    const params = fc.tuple(fc.double({ min: 0.2, max: 20, noNaN: true }), fc.double({ min: 0.2, max: 20, noNaN: true }), fc.constantFrom(1e-150, 0.01, 5, 300, 1e150));
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 60 }), params, (customers, at) => {
        const data = spendRows(
          customers.length,
          Float64Array.from(customers, (c) => c.x),
          Float64Array.from(customers, (c) => c.z),
          Float64Array.from(customers, (c) => c.w),
        );
        const direct = customers.reduce((sum, c) => sum + c.w * gammaGammaRow(at, c.x, c.z), 0);
        const scale = customers.reduce((sum, c) => sum + c.w * Math.abs(gammaGammaRow(at, c.x, c.z)), 0);
        expect(Math.abs(gammaGammaLogLikelihood(at, data) - direct)).toBeLessThanOrEqual(1e-11 * Math.max(1, scale));
      }),
      { numRuns: 300 },
    );
  });
});

describe("mergeIdenticalRows", () => {
  it("orders and merges as a comparison sort would, for any finite values (negative, −0, tiny, huge), and gives each column's distinct values", () => {
    const value = fc.oneof(fc.constantFrom(0, -0, 1, 2, 0.5, 1 / 3, -1, -2.5, 1e-300, -1e-300, 5e-324, 1e300, -1e300, 2 ** 52 + 1), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const row = fc.tuple(value, value, value, fc.constantFrom(1, 2, 0.5));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.boolean(), (rows, three) => {
        const all = [0, 1, 2].map((c) => Float64Array.from(rows, (r) => r[c]!));
        const columns = (three ? all : all.slice(0, 2)) as [Float64Array, Float64Array, Float64Array?];
        const used = three ? 3 : 2;
        const weight = Float64Array.from(rows, (r) => r[3]);
        const kept = Uint32Array.from(rows.keys());
        const compare = (a: number, b: number): number => {
          for (let c = 0; c < used; c++) if (columns[c]![a] !== columns[c]![b]) return columns[c]![a]! < columns[c]![b]! ? -1 : 1;
          return a - b;
        };
        const order = [...kept].sort(compare);
        const first: number[] = [];
        const sums: number[] = [];
        for (const i of order) {
          const previous = first.at(-1);
          if (previous !== undefined && [0, 1, 2].slice(0, used).every((c) => columns[c]![i] === columns[c]![previous])) sums[sums.length - 1]! += weight[i]!;
          else {
            first.push(i);
            sums.push(weight[i]!);
          }
        }
        const merged = mergeIdenticalRows(kept, columns, weight);
        expect([...merged.first]).toEqual(first);
        expect([...merged.weight]).toEqual(sums);
        merged.columns.forEach(({ values, index }, c) => {
          expect([...values]).toEqual([...new Set([...columns[c]!].map((v) => v + 0))].sort((a, b) => a - b));
          merged.first.forEach((row, g) => expect(values[index[g]!]).toBe(columns[c]![row]! + 0));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("merges 10⁵ rows in any order to the same ascending rows", () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 50);
    const t = Float64Array.from({ length: n }, (_, i) => ((i * 104729) % 700) / 7);
    const weight = new Float64Array(n).fill(1);
    const merged = mergeIdenticalRows(Uint32Array.from({ length: n }, (_, i) => i), [x, t], weight);
    expect(merged.first.length).toBe(new Set(Array.from(x, (v, i) => `${v}|${t[i]}`)).size);
    for (let g = 1; g < merged.first.length; g++) {
      const a = merged.first[g - 1]!;
      const b = merged.first[g]!;
      expect(x[a]! < x[b]! || (x[a] === x[b] && t[a]! < t[b]!)).toBe(true);
    }
    expect(merged.weight.reduce((sum, w) => sum + w, 0)).toBe(n);
  });
});
