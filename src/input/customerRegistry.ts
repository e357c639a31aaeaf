import { compareIds } from "../core/compareIds";
/**
 * Gives each customer id a dense index. Ids get a provisional index as they arrive; once
 * all are known, `finish` sorts them, so final indices follow the ids' sorted order and no
 * result depends on the order of input rows. Ids live in a `Map`, so any string (even
 * `__proto__`) is an ordinary id.
 */
export class CustomerRegistry {
  private readonly firstSeen = new Map<string, number>();
  private readonly ids: string[] = [];

  /** The provisional index of `id`, registering it on first sight. */
  add(id: string): number {
    let index = this.firstSeen.get(id);
    if (index === undefined) {
      index = this.ids.length;
      this.firstSeen.set(id, index);
      this.ids.push(id);
    }
    return index;
  }

  /** The sorted ids, a map from id to final index, and the final index of each provisional one. */
  finish(): { ids: readonly string[]; index: ReadonlyMap<string, number>; finalIndex: Uint32Array } {
    const order = this.ids.map((_, i) => i).sort((a, b) => compareIds(this.ids[a]!, this.ids[b]!));
    const finalIndex = new Uint32Array(order.length);
    const ids = new Array<string>(order.length);
    const index = new Map<string, number>();
    for (let p = 0; p < order.length; p++) {
      const id = this.ids[order[p]!]!;
      finalIndex[order[p]!] = p;
      ids[p] = id;
      index.set(id, p);
    }
    return { ids, index, finalIndex };
  }
}
