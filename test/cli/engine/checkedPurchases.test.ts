import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkPurchases } from "../../../src/cli/engine/checkedPurchases";
import { findInput } from "../../../src/cli/engine/duckInput";
import { DuckSession } from "../../../src/cli/engine/duckSession";
import { runInProcess } from "../spawnCli";
import { tempDir } from "./engineFiles";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Checks a CSV text with the engine and returns what the check found. */
async function check(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const session = await DuckSession.open(undefined);
  try {
    const input = await findInput(session.connection, path, undefined);
    return await checkPurchases(session, input, new Map(), { strptime: null, decimalSeparator: "." });
  } finally {
    session.close();
  }
}

describe("checkPurchases", () => {
  it("finds the rows, the money scale (trailing zeros not counted), the latest instant and whether the aggregate queries apply", async () => {
    const found = await check("plain.csv", "customerId,at,amount\na,2024-01-01,1.250\nb,2024-01-03T10:00:00.123+02:00,-3\n");
    expect(found).toMatchObject({ format: "csv", rows: 2, scale: 2, wideIds: false, aggregatable: true, latest: Date.UTC(2024, 0, 3, 8, 0, 0, 123) });
    expect([...found.fields.keys()]).toEqual(["customerId", "at", "amount"]);
    const orders = await check("orders.csv", "customerId,at,amount,orderId\na,2024-01-01,1,o1\n");
    expect(orders.aggregatable).toBe(false);
  });

  it("notices ids whose order differs between code points and UTF-16, and the summary keeps the library's order", async () => {
    const text = "customerId,at,amount\na\uffff,2024-01-01,1\na\u{1f600},2024-01-02,2\nb,2024-01-02,2\n";
    expect((await check("wide.csv", text)).wideIds).toBe(true);
    const path = join(dir, "wide.csv");
    const memory = await runInProcess(["summary", "--purchases", path]);
    expect(memory.stdout.split("\n").map((line) => line.split(",")[0])).toEqual(["customerId", "a\u{1f600}", "a\uffff", "b", ""]);
    expect(await runInProcess(["summary", "--purchases", path, "--engine", "duckdb"])).toEqual(memory);
  });
});

describe("summaryRows", () => {
  it("gives the same rows whether the customers are summarised at once or in parts", async () => {
    const { withEngine } = await import("../../../src/cli/engine/engineInput");
    const { summaryRows } = await import("../../../src/cli/engine/summaryRows");
    const flags = { purchases: "examples/data/cdnow-sample.csv", format: undefined, mapping: new Map(), dateFormat: undefined, delimiter: undefined, decimalSeparator: "." as const, currency: undefined, memoryLimit: "500MB" };
    const options = { asOf: "1998-07-01", timeUnit: "week" as const };
    const [whole, parts] = await withEngine(flags, async (input) => {
      const all = await input.session.rows(`SELECT * FROM ${await summaryRows(input, options)} ORDER BY customer_id`);
      const split = await input.session.rows(`SELECT * FROM ${await summaryRows(input, options, 1_000)} ORDER BY customer_id`);
      return [all, split];
    });
    expect(whole.length).toBe(2357);
    expect(parts).toEqual(whole);
  });
});
