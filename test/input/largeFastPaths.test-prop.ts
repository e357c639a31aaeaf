import { Dictionary, Int32, Table, TimestampMillisecond, Utf8, vectorFromArray, type Vector } from "apache-arrow";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildOutcome } from "./buildOutcome";
import { createLedger, createLedgerBuilder, type Ledger, type LedgerInput } from "retention-metrics";
import { CustomerRegistry } from "../../src/input/customerRegistry";
import { sortByKey } from "../../src/input/sortedOrder";

/*
 * The fast paths of issue 13's second round, at sizes that reach them: the bucket sort's
 * nested passes and comparison fallback (more than 32 keys to a bucket), the id table's growth
 * and its spill to a `Map`, column blocks of 4096 rows with uncommon or bad cells at their
 * edges, rows already in time order (kept without a gather) and Arrow dictionary ids.
 */

/** Keys as times come, and as they do not: ties, clusters far from outliers, powers of two, fractions, negatives. */
const keyArrays = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3000, size: "max" }),
  fc.array(fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.constant(1e15)), { maxLength: 3000, size: "max" }),
  fc.array(fc.integer({ min: 0, max: 52 }).map((e) => 2 ** e), { maxLength: 3000, size: "max" }),
  fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 3000, size: "max" }),
  fc.array(fc.integer({ min: -8.64e15, max: 8.64e15 }), { maxLength: 3000, size: "max" }),
);

function referenceOrder(key: Float64Array, tieRank?: Uint8Array): number[] {
  return [...key.keys()].sort((a, b) => (key[a]! < key[b]! ? -1 : key[a]! > key[b]! ? 1 : 0) || (tieRank === undefined ? 0 : tieRank[a]! - tieRank[b]!) || a - b);
}

describe("sortByKey at sizes that nest bucket passes", () => {
  it("orders by key, then tie rank, then index, as a comparison sort does, and carries the keys", () => {
    fc.assert(
      fc.property(keyArrays, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3000, maxLength: 3000 }), fc.boolean(), (values, ranks, ranked) => {
        const key = Float64Array.from(values);
        const tieRank = ranked ? Uint8Array.from(ranks.slice(0, key.length)) : undefined;
        const { order, keys } = sortByKey(key, tieRank);
        expect([...order]).toEqual(referenceOrder(key, tieRank));
        expect([...keys]).toEqual([...order].map((i) => key[i]));
      }),
      { numRuns: 150 },
    );
  });

  it("hands back the keys themselves, and the identity order, when they are already in order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 2000, size: "max" }), (values) => {
        const key = Float64Array.from(values.sort((a, b) => a - b));
        const { order, keys } = sortByKey(key);
        expect(keys).toBe(key);
        expect([...order]).toEqual([...key.keys()]);
      }),
      { numRuns: 50 },
    );
  });
});

describe("CustomerRegistry's id table", () => {
  const ids = fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), fc.constantFrom("__proto__", "constructor", "ü", "a")), { maxLength: 3000, size: "max" });

  it("gives each id the index of its first sighting, as a Map does, also after spilling to a Map", () => {
    fc.assert(
      fc.property(ids, fc.constantFrom(64, 1, 0), (list, maxProbes) => {
        const registry = new CustomerRegistry(maxProbes);
        const reference = new Map<string, number>();
        for (const id of list) {
          if (!reference.has(id)) reference.set(id, reference.size);
          expect(registry.add(id)).toBe(reference.get(id));
        }
        const { ids: sorted, finalIndex } = registry.finish();
        expect(sorted).toEqual([...reference.keys()].sort());
        for (const [id, first] of reference) expect(sorted[finalIndex[first]!]).toBe(id);
      }),
      { numRuns: 40 },
    );
  });

  it("gives ids from addNew (each once) and from add one final index each, as if all came by add", () => {
    fc.assert(
      fc.property(ids, fc.array(fc.boolean(), { maxLength: 3000 }), fc.constantFrom(64, 0), (list, viaNew, maxProbes) => {
        const registry = new CustomerRegistry(maxProbes);
        const passedToNew = new Set<string>();
        const provisional: [number, string][] = [];
        list.forEach((id, i) => {
          const fresh = viaNew[i] === true && !passedToNew.has(id);
          if (fresh) passedToNew.add(id);
          provisional.push([fresh ? registry.addNew(id) : registry.add(id), id]);
        });
        const { ids: sorted, finalIndex } = registry.finish();
        expect(sorted).toEqual([...new Set(list)].sort());
        for (const [index, id] of provisional) expect(sorted[finalIndex[index]!]).toBe(id);
      }),
      { numRuns: 60 },
    );
  });

  it("checks a value before registering it, and never takes null, undefined or '' for the id before", () => {
    const registry = new CustomerRegistry();
    expect(registry.addChecked(null)).toBe(-1);
    expect(registry.addChecked(undefined)).toBe(-1);
    expect(registry.addChecked("")).toBe(-1);
    expect(registry.addChecked(" ")).toBe(-1);
    expect(registry.addChecked("a")).toBe(0);
    expect(registry.addChecked("a")).toBe(0);
    expect(registry.addChecked(7)).toBe(-1);
    expect(registry.addChecked("b")).toBe(1);
    expect(registry.finish().ids).toEqual(["a", "b"]);
  });
});


const JAN_2024 = Date.UTC(2024, 0, 1);
/** Rows of `size` purchases of 60 customers, deterministic from `seed`, times spread over a year (ties included). */
function purchasesOf(size: number, seed: number) {
  const ids: string[] = [];
  const at: string[] = [];
  const amount: string[] = [];
  let state = seed >>> 0;
  const next = (limit: number) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % limit;
  };
  for (let i = 0; i < size; i++) {
    ids.push(`c${next(60)}`);
    at.push(new Date(JAN_2024 + next(366) * 86_400_000 + next(4) * 1000).toISOString());
    amount.push((next(20_000) / 100 - 20).toFixed(2));
  }
  return { customerId: ids as unknown[], at: at as unknown[], amount: amount as unknown[] };
}

describe("column blocks of 4096 rows", () => {
  it("give the rows' ledger, or the rows' errors, with uncommon or bad cells anywhere, block edges included", () => {
    const uncommon = { customerId: ["", null, 7, "__proto__"], at: ["2024-02-30", "2024-03-01T10:00:00+02:00", 12.5, null], amount: [" 1.5 ", "1e2", "0.0000000000000001", "x", 3, null] };
    const places = fc.array(
      fc.record({ row: fc.oneof(fc.constantFrom(0, 4095, 4096, 4097, 8191), fc.nat({ max: 9000 })), field: fc.constantFrom("customerId", "at", "amount"), pick: fc.nat() }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 4090, max: 9000 }), fc.nat(), places, (size, seed, edits) => {
        const columns = purchasesOf(size, seed);
        for (const { row, field, pick } of edits) {
          const options = uncommon[field as keyof typeof uncommon];
          if (row < size) columns[field as keyof typeof columns][row] = options[pick % options.length];
        }
        const rows = columns.customerId.map((customerId, i) => ({ customerId, at: columns.at[i], amount: columns.amount[i] }));
        const expected = buildOutcome(() => createLedger(rows as unknown as LedgerInput));
        expect(buildOutcome(() => createLedger({ purchases: columns } as unknown as LedgerInput))).toEqual(expected);
      }),
      { numRuns: 25 },
    );
  });
});

describe("rows already in time order", () => {
  it("give the ledger of the same rows shuffled, but for the input positions, optional fields and grown buffers included", () => {
    const row = fc.record({
      customerId: fc.constantFrom("a", "b", "c", "__proto__"),
      ms: fc.integer({ min: JAN_2024, max: JAN_2024 + 100_000 }),
      cents: fc.integer({ min: -500, max: 50_000 }),
      cost: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
      quantity: fc.option(fc.nat({ max: 5 }), { nil: undefined }),
      orderId: fc.option(fc.constantFrom("o1", "o2", "o3"), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300, size: "max" }), fc.boolean(), (drawn, plain) => {
        const source = drawn.map((r, i) => ({ ...r, orderId: r.orderId === undefined ? undefined : `${r.customerId}-${r.orderId}`, ms: r.ms + i % 3 }));
        const sorted = [...source].sort((a, b) => a.ms - b.ms);
        const asRow = (r: (typeof source)[number]) =>
          plain
            ? { customerId: r.customerId, at: r.ms, amount: (r.cents / 100).toFixed(2) }
            : {
                customerId: r.customerId,
                at: r.ms,
                amount: (r.cents / 100).toFixed(2),
                ...(r.cost === undefined ? {} : { cost: (r.cost / 100).toFixed(2) }),
                ...(r.quantity === undefined ? {} : { quantity: r.quantity }),
                ...(r.orderId === undefined ? {} : { orderId: r.orderId }),
              };
        const builder = createLedgerBuilder();
        for (const r of sorted) builder.addPurchase(asRow(r));
        const inOrder = builder.finish();
        const shuffled = createLedger(source.map(asRow));
        const { sourceIndex, ...columns } = inOrder.purchases;
        const { sourceIndex: shuffledIndex, ...shuffledColumns } = shuffled.purchases;
        expect([...sourceIndex]).toEqual([...sourceIndex.keys()]);
        expect([...shuffledIndex].map((i) => source[i])).toEqual(sorted);
        expect(columns).toEqual(shuffledColumns);
        for (const column of [columns.customer, columns.at, columns.amountUnits, columns.orderStart, columns.costUnits, columns.hasCost, columns.quantity, columns.hasQuantity]) {
          expect(column.length === sorted.length || column.length === 0).toBe(true);
          expect(column.buffer.byteLength).toBe(column.byteLength);
        }
        expect(inOrder.customerIds).toEqual(shuffled.customerIds);
        expect([...inOrder.customerIndex]).toEqual([...shuffled.customerIndex]);
        expect(inOrder.purchasesByCustomer).toEqual(shuffled.purchasesByCustomer);
        expect(inOrder.firstActivity).toEqual(shuffled.firstActivity);
        expect(inOrder.orderCount).toBe(shuffled.orderCount);
      }),
      { numRuns: 150 },
    );
  });
});

describe("Arrow dictionary ids", () => {
  it("give the ledger of plain string ids, in one chunk or several", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.nat(), fc.integer({ min: 1, max: 4 }), (size, seed, parts) => {
        const { customerId, at } = purchasesOf(size, seed);
        const ids = customerId as string[];
        const times = (at as string[]).map((text) => new Date(text));
        const cents = ids.map((_, i) => (i * 37) % 5000);
        const dictionaryIds = (from: number, to: number) => vectorFromArray(ids.slice(from, to), new Dictionary(new Utf8(), new Int32()));
        const idVector = (from: number, to: number, dictionary: boolean): Vector => (dictionary ? dictionaryIds(from, to) : vectorFromArray(ids.slice(from, to), new Utf8()));
        const table = (from: number, to: number, dictionary: boolean) =>
          new Table({ customerId: idVector(from, to, dictionary), at: vectorFromArray(times.slice(from, to), new TimestampMillisecond()), amount: vectorFromArray(cents.slice(from, to)) });
        const bounds = Array.from({ length: parts + 1 }, (_, p) => Math.round((p * size) / parts));
        const chunks = bounds.slice(1).map((to, p) => dictionaryIds(bounds[p]!, to));
        const chunked = new Table({ customerId: chunks.reduce((a, b) => a.concat(b)), at: vectorFromArray(times, new TimestampMillisecond()), amount: vectorFromArray(cents) });
        const plain = createLedger(table(0, size, false));
        expect(createLedger(table(0, size, true))).toEqual(plain);
        expect(createLedger(chunked)).toEqual(plain);
        expect(createLedger({ purchases: { customerId: ids, at: times, amount: cents } })).toEqual(plain);
      }),
      { numRuns: 30 },
    );
  });
});
