import { describe, expect, it } from "vitest";
import { averageOrderValue, purchaseFrequency, repeatPurchaseRate, type Purchase } from "retention-metrics";

/*
 * January 2024 = [2024-01-01, 2024-02-01):
 *   a: order o1 (two lines, 10.00 + 5.00), an order of 20.00 on 01-15, a refund of −5.00 on 01-20
 *   b: one order of 7.50
 *   c: one order of 3.00 on 02-01 (outside January)
 * January: orders a = 2 (o1, 01-15), b = 1 -> 3 orders, 2 customers, 1 repeat customer.
 *   revenue = 10 + 5 + 20 − 5 + 7.50 = 37.50, AOV = 37.50 / 3 = 12.50.
 * All time: 4 orders, 3 customers, 1 repeat; revenue 40.50; AOV 10.125 -> half-even 10.12.
 */
const purchases: Purchase[] = [
  { customerId: "a", at: "2024-01-01T09:00:00Z", amount: "10.00", orderId: "o1" },
  { customerId: "a", at: "2024-01-01T09:00:00Z", amount: "5.00", orderId: "o1" },
  { customerId: "a", at: "2024-01-15", amount: "20.00" },
  { customerId: "a", at: "2024-01-20", amount: "-5.00" },
  { customerId: "b", at: "2024-01-05", amount: "7.50" },
  { customerId: "c", at: "2024-02-01", amount: "3.00" },
];
const january = { start: "2024-01-01", end: "2024-02-01" };

describe("repeatPurchaseRate", () => {
  it("counts customers with two or more orders", () => {
    expect(repeatPurchaseRate(purchases, january)).toEqual({
      rate: 0.5,
      repeatCustomers: 1,
      customers: 2,
      range: { start: new Date("2024-01-01T00:00:00Z"), end: new Date("2024-02-01T00:00:00Z") },
    });
    expect(repeatPurchaseRate(purchases)).toMatchObject({ rate: 1 / 3, repeatCustomers: 1, customers: 3, range: { start: null, end: null } });
  });

  it("is null without customers", () => {
    expect(repeatPurchaseRate([])).toMatchObject({ rate: null, customers: 0 });
  });
});

describe("purchaseFrequency", () => {
  it("divides orders by ordering customers", () => {
    expect(purchaseFrequency(purchases, january)).toMatchObject({ value: 1.5, orders: 3, customers: 2 });
    expect(purchaseFrequency(purchases)).toMatchObject({ value: 4 / 3, orders: 4, customers: 3 });
    expect(purchaseFrequency([]).value).toBeNull();
  });
});

describe("averageOrderValue", () => {
  it("divides exact net revenue by orders", () => {
    const january_ = averageOrderValue(purchases, january);
    expect(january_.revenue.toString()).toBe("37.5");
    expect(january_.value?.toFixed(2)).toBe("12.50");
    expect(january_.orders).toBe(3);
    const all = averageOrderValue(purchases);
    expect(all.revenue.toFixed(2)).toBe("40.50");
    expect(all.value?.toString()).toBe("10.12");
  });

  it("serialises money as strings", () => {
    expect(JSON.parse(JSON.stringify(averageOrderValue(purchases, january)))).toMatchObject({ value: "12.5", revenue: "37.5", orders: 3 });
  });

  it("is exact to the cent over many rows", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ customerId: `c${i % 7}`, at: 1_700_000_000_000 + i, amount: "0.10" }));
    const result = averageOrderValue(rows);
    expect(result.revenue.toFixed(2)).toBe("10000.00");
    expect(result.value?.toFixed(2)).toBe("0.10");
  });

  it("reports null value without orders, and keeps refunds in revenue", () => {
    const result = averageOrderValue([{ customerId: "a", at: "2024-01-01", amount: "-4.99" }]);
    expect(result.value).toBeNull();
    expect(result.revenue.toString()).toBe("-4.99");
    expect(result.orders).toBe(0);
  });
});
