import { compareIds } from "../core/compareIds";
/**
 * Gives each customer id a dense index. Ids get a provisional index as they arrive; once
 * all are known, `finish` sorts them, so final indices follow the ids' sorted order and no
 * result depends on the order of input rows. Ids live in a `Map`, so any string (even
 * `__proto__`) is an ordinary id.
 */
export class CustomerRegistry {
  private firstSeen = new Map<string, number>();
  private ids: string[] = [];
  private lastId: string | null = null;
  private lastIndex = 0;

  /**
   * The provisional index of `id`, registering it on first sight. Rows of one customer often
   * come together, so the id of the call before is checked first, without hashing.
   */
  add(id: string): number {
    if (id === this.lastId) return this.lastIndex;
    let index = this.firstSeen.get(id);
    if (index === undefined) {
      index = this.ids.length;
      this.firstSeen.set(id, index);
      this.ids.push(id);
    }
    this.lastId = id;
    this.lastIndex = index;
    return index;
  }

  /**
   * The sorted ids, a map from id to final index, and the final index of each provisional one.
   * Ids that arrived in sorted order keep their indices and their map, with no sort or copy
   * (the registry then starts empty, so nothing added later reaches the map handed out).
   */
  finish(): { ids: readonly string[]; index: ReadonlyMap<string, number>; finalIndex: Uint32Array } {
    const { ids } = this;
    const count = ids.length;
    const finalIndex = new Uint32Array(count);
    let sorted = true;
    for (let i = 1; i < count && sorted; i++) sorted = compareIds(ids[i - 1]!, ids[i]!) < 0;
    if (sorted) {
      for (let i = 0; i < count; i++) finalIndex[i] = i;
      const index = this.firstSeen;
      this.firstSeen = new Map();
      this.ids = [];
      this.lastId = null;
      return { ids, index, finalIndex };
    }
    const order = ids.map((_, i) => i).sort((a, b) => compareIds(ids[a]!, ids[b]!));
    const sortedIds = new Array<string>(count);
    const index = new Map<string, number>();
    for (let p = 0; p < count; p++) {
      const id = ids[order[p]!]!;
      finalIndex[order[p]!] = p;
      sortedIds[p] = id;
      index.set(id, p);
    }
    return { ids: sortedIds, index, finalIndex };
  }
}
