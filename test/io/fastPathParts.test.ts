import { isUtf8 } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalPlaces, moneyLimitProblem, toPlainDecimalString, toUnits } from "../../src/core/plainDecimal";
import { parseIsoToEpochMs } from "../../src/core/time";
import { AmountBytes } from "../../src/io/amountBytes";
import { ByteIdTable } from "../../src/io/byteIdTable";
import { isoBytesToEpochMs } from "../../src/io/isoDateBytes";
import { Utf8Validator } from "../../src/io/utf8Validator";
import { nearIsoText } from "../arbitraries/isoTexts";

const ascii = (text: string): Uint8Array => Buffer.from(text, "latin1");

describe("isoBytesToEpochMs", () => {
  it("reads Date#toISOString's output and plain dates to the milliseconds parseIsoToEpochMs gives", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true }), (date) => {
        const iso = date.toISOString();
        for (const text of [iso, iso.slice(0, 10), `${iso.slice(0, 19)}Z`]) expect(isoBytesToEpochMs(ascii(text), 0, text.length)).toBe(parseIsoToEpochMs(text));
      }),
    );
  });

  it("accepts no cell parseIsoToEpochMs refuses, and reads the ones it accepts alike (or leaves them to it)", () => {
    const shaped = nearIsoText("0123456789-T:.Z z+t");
    fc.assert(
      fc.property(fc.oneof(shaped, fc.string({ maxLength: 30 })), (text) => {
        const fast = isoBytesToEpochMs(Buffer.from(text), 0, Buffer.byteLength(text));
        if (!Number.isNaN(fast)) expect(fast).toBe(parseIsoToEpochMs(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("leaves other ISO shapes to the text path", () => {
    for (const text of ["2024-01-05T10:20:30+01:00", "2024-01-05 10:20:30", "2024-01-05T24:00:00Z", "2024-01-05t10:20:30z", "2024-02-30", " 2024-01-05"]) {
      expect(isoBytesToEpochMs(ascii(text), 0, text.length)).toBeNaN();
    }
    expect(isoBytesToEpochMs(ascii("x,2024-02-29,1"), 2, 12)).toBe(Date.UTC(2024, 1, 29));
  });
});

describe("AmountBytes", () => {
  const amounts = fc.oneof(
    fc.tuple(fc.boolean(), fc.stringMatching(/^\d{1,20}$/), fc.option(fc.stringMatching(/^\d{0,20}$/))).map(([minus, whole, fraction]) => `${minus ? "-" : ""}${whole}${fraction === null ? "" : `.${fraction}`}`),
    fc.string({ maxLength: 12, unit: fc.constantFrom(..."0123456789.-+e, ") }),
  );

  it("reads a plain amount to the units and places the text path gives, or leaves it to the text path", () => {
    const amount = new AmountBytes();
    fc.assert(
      fc.property(amounts, (text) => {
        const units = amount.read(ascii(text), 0, text.length);
        const plain = toPlainDecimalString(text);
        if (Number.isNaN(units) || amount.end !== text.length) return;
        expect(plain).not.toBeNull();
        expect(moneyLimitProblem(plain!)).toBeNull();
        expect(amount.places).toBe(decimalPlaces(plain!));
        expect(Object.is(units, toUnits(plain!, amount.places))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the common shapes, refunds and zero", () => {
    const amount = new AmountBytes();
    const read = (text: string): [number, number] => {
      const units = amount.read(ascii(text), 0, text.length);
      return [amount.end === text.length ? units : NaN, amount.places];
    };
    expect([read("100.02"), read("-12.50"), read("-0.00"), read("007"), read("0.000000000000001")]).toEqual([[10002, 2], [-125, 1], [0, 0], [7, 0], [1, 15]]);
    expect(Object.is(read("-0")[0], 0)).toBe(true);
    for (const text of ["+5", ".5", "5.", "1e3", " 7", "", "-", "0.0000000000000001", "9007199254740992", "1,5"]) expect(read(text)[0]).toBeNaN();
    expect([amount.read(ascii("12.5;x"), 0, 6), amount.end]).toEqual([125, 4]);
  });
});

describe("Utf8Validator", () => {
  it("says no in the chunk where a fatal streaming TextDecoder throws, and not before", () => {
    const bytes = fc.array(fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xc3, 0xa9, 0xe0, 0xed, 0xf0, 0xf4, 0x80, 0xbf, 0x9f, 0x90)), { maxLength: 40 });
    const chunked = fc.tuple(bytes, fc.array(fc.nat(40), { maxLength: 8 })).map(([values, cuts]) => {
      const all = Uint8Array.from(values);
      const points = [...new Set([0, ...cuts.map((c) => Math.min(c, all.length)), all.length])].sort((a, b) => a - b);
      return points.slice(1).map((end, i) => all.subarray(points[i], end));
    });
    fc.assert(
      fc.property(chunked, (chunks) => {
        const decoder = new TextDecoder("utf-8", { fatal: true });
        const validator = new Utf8Validator(isUtf8);
        for (const chunk of chunks) {
          let threw = false;
          try {
            decoder.decode(chunk, { stream: true });
          } catch {
            threw = true;
          }
          expect(validator.push(chunk)).toBe(!threw);
          if (threw) return;
        }
        let threw = false;
        try {
          decoder.decode(new Uint8Array(0));
        } catch {
          threw = true;
        }
        expect(validator.end()).toBe(!threw);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("ByteIdTable", () => {
  it("finds what was inserted and nothing else, as a Map of the decoded ids does", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 5, unit: "grapheme" }), { maxLength: 3000 }), (ids) => {
        const table = new ByteIdTable();
        const expected = new Map<string, number>();
        for (const id of ids) {
          const bytes = Buffer.from(`,${id},`);
          const found = table.find(bytes, 1, bytes.length - 1);
          expect(found).toBe(expected.get(id) ?? -1);
          if (found < 0) {
            table.insert(bytes, 1, bytes.length - 1, expected.size);
            expected.set(id, expected.size);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it("grows: 20,000 ids, each found again after all were inserted", () => {
    const table = new ByteIdTable();
    const bytes = Buffer.from(Array.from({ length: 20_000 }, (_, k) => `id${k * 7919}`).join("\n"));
    const bounds: [number, number][] = [];
    for (let start = 0; start < bytes.length; ) {
      const end = bytes.indexOf(10, start) < 0 ? bytes.length : bytes.indexOf(10, start);
      bounds.push([start, end]);
      start = end + 1;
    }
    bounds.forEach(([start, end], k) => {
      expect(table.find(bytes, start, end)).toBe(-1);
      table.insert(bytes, start, end, k);
    });
    expect(bounds.every(([start, end], k) => table.find(bytes, start, end) === k)).toBe(true);
  });
});
