import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { lazySchema } from "../../src/input/lazySchema";
import { PurchaseSchema } from "../../src/input/schemas";

describe("lazySchema", () => {
  it("builds on first use, once", () => {
    let builds = 0;
    const Point = lazySchema(() => {
      builds++;
      return z.object({ x: z.number() });
    });
    expect(builds).toBe(0);
    expect(Point.parse({ x: 1 })).toEqual({ x: 1 });
    expect(Point.safeParse({ x: "1" }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it("behaves as the schema it builds: instanceof, shape, keys, use inside other schemas", () => {
    expect(PurchaseSchema instanceof z.ZodMiniObject).toBe(true);
    expect(Object.keys(PurchaseSchema.shape)).toEqual(["customerId", "at", "amount", "orderId", "cost", "quantity", "currency", "category"]);
    const row = { customerId: "a", at: "2024-01-01", amount: "1.50" };
    expect(z.array(PurchaseSchema).parse([row])).toEqual([row]);
    const WithNote = z.extend(PurchaseSchema, { note: z.string() });
    expect(WithNote.safeParse({ ...row, note: "gift" }).success).toBe(true);
    expect(WithNote.safeParse(row).success).toBe(false);
  });
});
