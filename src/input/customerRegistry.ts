/**
 * Gives each customer id a dense index. Indices follow the ids' sorted order, so results
 * never depend on the order of input rows; ids live in a `Map`, so any string (even
 * `__proto__`) is an ordinary id.
 */
export class CustomerRegistry {
  private readonly firstSeen = new Map<string, number>();
  private readonly ids: string[] = [];

  /** Registers the customer of every row and returns each row's provisional index. */
  addRows(rows: readonly { readonly customerId: string }[]): Uint32Array {
    const indexOfRow = new Uint32Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const id = rows[i]!.customerId;
      let index = this.firstSeen.get(id);
      if (index === undefined) {
        index = this.ids.length;
        this.firstSeen.set(id, index);
        this.ids.push(id);
      }
      indexOfRow[i] = index;
    }
    return indexOfRow;
  }

  /**
   * Sorts the ids and rewrites the given provisional row indices, in place, into positions
   * in the sorted list.
   */
  finish(...rowIndices: Uint32Array[]): { ids: readonly string[]; index: ReadonlyMap<string, number> } {
    const order = this.ids.map((_, i) => i).sort((a, b) => compareIds(this.ids[a]!, this.ids[b]!));
    const position = new Uint32Array(order.length);
    const ids = new Array<string>(order.length);
    const index = new Map<string, number>();
    for (let p = 0; p < order.length; p++) {
      const id = this.ids[order[p]!]!;
      position[order[p]!] = p;
      ids[p] = id;
      index.set(id, p);
    }
    for (const rows of rowIndices) {
      for (let i = 0; i < rows.length; i++) rows[i] = position[rows[i]!]!;
    }
    return { ids, index };
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
