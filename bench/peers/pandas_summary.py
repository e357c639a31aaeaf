"""The pandas peer of `retention-metrics summary` in bench/cli.ts: the same per-customer summary
(frequency, recency and T in weeks, mean repeat-transaction value, orders, revenue, first and
last order) from a groupby, as an analyst would write it. Amounts are summed as integer cents
(the generated files have two decimals), so the money is exact as ours is.
Usage: python3 bench/peers/pandas_summary.py IN.csv OUT.csv
"""
import sys

import numpy as np
import pandas as pd

DAY_MS = 86_400_000

source, target = sys.argv[1], sys.argv[2]
frame = pd.read_csv(source, dtype={"customerId": str, "at": str, "amount": str})
ms = pd.to_datetime(frame["at"], utc=True).astype("int64") // 1_000_000
cents = (frame["amount"].astype(float) * 100).round().astype("int64")
rows = pd.DataFrame({"id": frame["customerId"], "ms": ms, "day": ms // DAY_MS, "cents": cents, "bought": (cents >= 0).astype("int64")})
rows["bought_ms"] = rows["ms"].where(rows["cents"] >= 0)

# A transaction is a UTC day with a non-refund purchase; its value is the day's sum.
days = rows.groupby(["id", "day"], sort=False).agg(value=("cents", "sum"), bought=("bought", "sum"), first=("bought_ms", "min"), last=("bought_ms", "max")).reset_index()
as_of = (days["day"].max() + 1) * DAY_MS
revenue = days.groupby("id", sort=False)["value"].sum()
tx = days[days["bought"] > 0].sort_values(["id", "day"])
first_value = tx.groupby("id", sort=False)["value"].first()
per = tx.groupby("id", sort=False).agg(transactions=("day", "size"), d0=("day", "min"), d1=("day", "max"), total=("value", "sum"), orders=("bought", "sum"), first=("first", "min"), last=("last", "max"))
frequency = per["transactions"] - 1
out = pd.DataFrame(
    {
        "frequency": frequency,
        "recency": (per["d1"] - per["d0"]) / 7,
        "T": (as_of - per["d0"] * DAY_MS) / (DAY_MS * 7),
        "monetaryValue": np.where(frequency > 0, (per["total"] - first_value) / 100 / frequency.clip(lower=1), 0.0),
        "orders": per["orders"],
        "revenue": revenue.reindex(per.index) / 100,
        "firstOrder": pd.to_datetime(per["first"], unit="ms").dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ").str.slice(0, 23) + "Z",
        "lastOrder": pd.to_datetime(per["last"], unit="ms").dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ").str.slice(0, 23) + "Z",
    }
).sort_index()
out.index.name = "customerId"
out.to_csv(target)
