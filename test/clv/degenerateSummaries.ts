import type { SbgCohort } from "../../src/index";

export type DegenerateRow = { frequency: number; recency: number; T: number; monetaryValue: number; weight?: number };

/**
 * The degenerate summaries of `n` customers each unless named otherwise (issue 13; the tests use
 * n = 10k, `bench/clv.ts degenerate` 100k): every shape where a likelihood has no interior
 * optimum or its terms are extreme. Spends are identical (25) except where the set is about spends.
 */
export function degenerateSummaries(n: number): Record<string, DegenerateRow[]> {
  const rows = (f: (i: number) => Omit<DegenerateRow, "monetaryValue"> & { monetaryValue?: number }, count = n): DegenerateRow[] =>
    Array.from({ length: count }, (_, i) => ({ monetaryValue: 25, ...f(i) }));
  return {
    "everyone buys every day": rows((i) => ({ frequency: 1 + (i % 365), recency: 1 + (i % 365), T: 1 + (i % 365) })),
    "recency = T, distinct per customer": rows((i) => ({ frequency: 30 + (i % 7), recency: 30 + (i % 7) + i / n, T: 30 + (i % 7) + i / n })),
    "everyone bought once": rows((i) => ({ frequency: 0, recency: 0, T: 1 + ((i * 7) % 365) / 7, monetaryValue: 0 })),
    "one customer": rows(() => ({ frequency: 2, recency: 5, T: 10, monetaryValue: 12 }), 1),
    "10n identical rows": rows(() => ({ frequency: 3, recency: 10, T: 20 }), 10 * n),
    "T = 1e12": rows((i) => ({ frequency: i % 5, recency: i % 5 === 0 ? 0 : 1e11 * (i % 5), T: 1e12 })),
    "tiny T (1e-9 to 1e-6)": rows((i) => ({ frequency: i % 4, recency: i % 4 === 0 ? 0 : ((i % 4) * 1e-9 * (1 + (i % 997))) / 4, T: 1e-9 * (1 + (i % 997)) })),
    "huge frequency (1e6)": rows((i) => ({ frequency: 1e6 + (i % 100), recency: 50 + (i % 100) / 10, T: 60 + (i % 1000) / 10 })),
    "everyone bought at T = 0": rows(() => ({ frequency: 0, recency: 0, T: 0, monetaryValue: 0 })),
    "weights from 1e-6 to 1e6": rows((i) => ({ frequency: i % 6, recency: i % 6 === 0 ? 0 : 2 + (i % 6) + (i % 50) / 10, T: 20 + (i % 200) / 10, weight: 10 ** ((i % 13) - 6), monetaryValue: 5 + (i % 40) })),
    "spends 1e-9 to 1e12": rows((i) => ({ frequency: 1 + (i % 9), recency: 10, T: 20, monetaryValue: i % 2 === 0 ? 1e-9 * (1 + (i % 7)) : 1e12 * (1 + (i % 5)) })),
  };
}

/** The sBG's degenerate cohorts: the contract-churn analogues of the summaries above. */
export function degenerateCohorts(n: number): Record<string, SbgCohort> {
  return {
    "a cohort that never churns": { alive: [n, n, n, n, n] },
    "everyone churns at once": { alive: [n, 0] },
    "everyone churns after 1,000 quiet periods": { alive: [...Array.from({ length: 1000 }, () => n), 0] },
    "one member": { alive: [1, 1, 0] },
    "1M members, an identical share lost each period": { alive: Array.from({ length: 40 }, (_, t) => Math.round(1e6 * 0.9 ** t)) },
    "10n periods, one member lost every 10": { alive: Array.from({ length: 10 * n }, (_, t) => n - Math.floor(t / 10)) },
    "1e12 members, no one lost for 50 periods then half": { lost: [...Array.from({ length: 50 }, () => 0), 5e11], initial: 1e12 },
  };
}

