import { withCapacity } from "../input/growable";

/**
 * The line each record of a file starts on, stored as runs: a run opens where a record is not
 * on the line after the previous record's, so a CSV file with one record per line is one run,
 * whatever its size, and a pretty-printed JSON array costs 8 bytes per record.
 */
export class LineIndex {
  private count = 0;
  private runs = 0;
  private runStart = new Uint32Array(0);
  private runLine = new Uint32Array(0);

  /** Records that the next record starts on `line`. */
  add(line: number): void {
    const last = this.runs - 1;
    if (last < 0 || this.runLine[last]! + (this.count - this.runStart[last]!) !== line) {
      this.runStart = withCapacity(this.runStart, this.runs + 1);
      this.runLine = withCapacity(this.runLine, this.runs + 1);
      this.runStart[this.runs] = this.count;
      this.runLine[this.runs] = line;
      this.runs++;
    }
    this.count++;
  }

  /** Records that the next `count` records start on consecutive lines from `line`. */
  addRun(line: number, count: number): void {
    if (count <= 0) return;
    this.add(line);
    this.count += count - 1;
  }

  /** The line of record `index` (0-based), or `undefined` when there is no such record. */
  lineOf(index: number): number | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return undefined;
    let low = 0;
    let high = this.runs - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.runStart[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return this.runLine[low]! + (index - this.runStart[low]!);
  }
}
