import { ACTIVE, type ClassifiedColumns } from "../defection/classifiedColumns";
import type { Ledger } from "../input/ledger";
import { loyalCustomersOf } from "../segments/loyalCustomers";
import { rankTiers } from "../segments/ltvSegments";
import type { SegmentSection } from "./insightTypes";

/**
 * LTV tiers (Pareto 80% of revenue) with concentration, and the top `top` loyal customers
 * (active under `classified`, the defection classification at `asOf`).
 */
export function segmentSection(ledger: Ledger, asOf: number, classified: () => ClassifiedColumns, top: number): SegmentSection {
  if (ledger.purchases.count === 0) {
    const reason = "no purchases given";
    return { ltvTiers: { available: false, reason }, loyalCustomers: { available: false, reason } };
  }
  const tiers = rankTiers(ledger, { by: "revenue", method: "pareto", share: 0.8 }).summary;
  const columns = classified();
  const loyal = loyalCustomersOf(ledger, { asOf }, { isActive: (c) => columns.classified[c] === 1 && columns.status[c] === ACTIVE, classified: columns.count }, top);
  return {
    ltvTiers:
      tiers.customers === 0
        ? { available: false, reason: "no customer has revenue" }
        : {
            available: true,
            by: "revenue",
            method: "pareto",
            share: 0.8,
            tiers: tiers.tiers.map((t) => ({ name: t.name, customers: t.customers, shareOfCustomers: t.shareOfCustomers, value: t.value, shareOfValue: t.shareOfValue, min: t.min, max: t.max })),
            concentration: { ...tiers.concentration },
          },
    loyalCustomers:
      loyal.totalCustomers === 0
        ? { available: false, reason: "no customer has activity before asOf" }
        : {
            available: true,
            count: loyal.count,
            shareOfCustomers: loyal.shareOfCustomers,
            shareOfRevenue: loyal.shareOfRevenue,
            top: loyal.customers.slice(0, top).map((c) => ({ customerId: c.customerId, value: c.value, orders: c.orders, shareOfRevenue: c.shareOfRevenue })),
          },
  };
}
