import { describe, expect, it } from "vitest";
import { Progress } from "../../src/cli/progress";

function bar(enabled: boolean) {
  const written: string[] = [];
  let clock = 1_000;
  const progress = new Progress({ write: (text: string) => written.push(text) }, enabled, () => clock);
  return { progress, written, tick: (ms: number) => (clock += ms) };
}

describe("the progress bar", () => {
  it("draws each report phase as it starts after a large read, throttles counts, and erases itself", () => {
    const { progress, written, tick } = bar(true);
    progress.update("orders.csv", 4e6, 16e6, 100_000);
    progress.phase("bgNbdFit", 0, 1);
    progress.phase("bgNbdFit", 1, 1);
    progress.phase("predictions", 0, 50_000);
    progress.phase("predictions", 16_384, 50_000);
    tick(200);
    progress.phase("predictions", 32_768, 50_000);
    progress.done();
    expect(written).toEqual([
      `\r\x1b[2K[${"#".repeat(8)}${".".repeat(22)}]  25% reading orders.csv: 100,000 rows`,
      "\r\x1b[2Kfitting the BG/NBD model…",
      `\r\x1b[2K[${".".repeat(30)}]   0% predicting CLV: 0 of 50,000 customers`,
      `\r\x1b[2K[${"#".repeat(20)}${".".repeat(10)}]  66% predicting CLV: 32,768 of 50,000 customers`,
      "\r\x1b[2K",
    ]);
  });

  it("stays silent for small files and off a terminal", () => {
    const small = bar(true);
    small.progress.update("small.csv", 1_000, 2_000, 10);
    small.progress.phase("bgNbdFit", 0, 1);
    small.progress.done();
    expect(small.written).toEqual([]);
    const piped = bar(false);
    piped.progress.update("<stdin>", 1_000, null, 10);
    piped.progress.phase("bgNbdFit", 0, 1);
    expect(piped.written).toEqual([]);
  });
});
