"""The numpy/scipy peer of bench/charts.ts: the BG/NBD frequency/recency and P(alive) grids
as an analyst (or lifetimes' plotting helpers) computes them, vectorised over the whole grid
with scipy.special.hyp2f1 (Fader, Hardie & Lee 2005, eqs. 10 and 13).
Usage: python3 bench/peers/bgnbd_grid.py r alpha a b maxFrequency maxRecency T t runs
Prints JSON: the median milliseconds of each grid and both grids' values, row-major by frequency.
"""
import json
import sys
import time

import numpy as np
from scipy.special import hyp2f1

r, alpha, a, b = (float(v) for v in sys.argv[1:5])
max_f, max_r = int(sys.argv[5]), int(sys.argv[6])
T, t, runs = float(sys.argv[7]), float(sys.argv[8]), int(sys.argv[9])

x, tx = np.meshgrid(np.arange(max_f + 1, dtype=float), np.arange(max_r + 1, dtype=float), indexing="ij")


def p_alive():
    odds = np.where(x > 0, a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x), 0.0)
    return 1.0 / (1.0 + odds)


def expected():
    z = t / (alpha + T + t)
    bracket = 1.0 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)
    return (a + b + x - 1) / (a - 1) * bracket * p_alive()


def median_ms(fn):
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)[len(times) // 2]


print(json.dumps({
    "expectedMs": median_ms(expected),
    "aliveMs": median_ms(p_alive),
    "expected": expected().tolist(),
    "alive": p_alive().tolist(),
}))
