import { OccurrenceRows } from "./funnelRows";

/**
 * The rows of one customer at one instant (a tie group) and how far they move the customer
 * through the funnel. Each row fills at most one step; the group fills the longest run of
 * steps from the current one that can each get a different matching row. That is a bipartite
 * matching of steps to rows, found by augmenting paths (Kuhn's algorithm), so the answer does
 * not depend on the order of the rows, which at one instant is arbitrary. A group is almost
 * always one row, which takes the fast path.
 */
export class TieGroupMatcher {
  /** The group's rows: fill with `rows.reset()` and `rows.add(...)`. */
  readonly rows = new OccurrenceRows();
  /** Per step: the group position of its row, or −1. */
  private readonly stepRow: Int32Array;
  /** Per group position: the step its row fills, or −1. */
  private rowStep = new Int32Array(16);
  private seen = new Uint8Array(16);

  constructor(stepCount: number) {
    this.stepRow = new Int32Array(stepCount);
  }

  /** The step reached after this group, from `step` (0-based: the next step to fill). */
  advance(step: number): number {
    const { size, mask } = this.rows;
    const steps = this.stepRow.length;
    if (size === 1) {
      if ((mask[0]! & (1 << step)) === 0) return step;
      this.stepRow[step] = 0;
      return step + 1;
    }
    if (this.rowStep.length < size) {
      this.rowStep = new Int32Array(size * 2);
      this.seen = new Uint8Array(size * 2);
    }
    this.rowStep.fill(-1, 0, size);
    let s = step;
    for (; s < steps; s++) {
      this.seen.fill(0, 0, size);
      if (!this.augment(s)) break;
    }
    for (let p = 0; p < size; p++) if (this.rowStep[p]! >= 0) this.stepRow[this.rowStep[p]!] = p;
    return s;
  }

  /** The group position of the row that filled `step` in the last `advance`. */
  rowOfStep(step: number): number {
    return this.stepRow[step]!;
  }

  /** Finds a row for `step`, moving rows already given to other steps where that frees one (depth ≤ the number of steps). */
  private augment(step: number): boolean {
    const bit = 1 << step;
    const { size, mask } = this.rows;
    for (let p = 0; p < size; p++) {
      if ((mask[p]! & bit) === 0 || this.seen[p] === 1) continue;
      this.seen[p] = 1;
      const owner = this.rowStep[p]!;
      if (owner === -1 || this.augment(owner)) {
        this.rowStep[p] = step;
        return true;
      }
    }
    return false;
  }
}
