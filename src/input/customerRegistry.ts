import { compareIds } from "../core/compareIds";
import { keepHiddenClass } from "../core/keepHiddenClass";
import { isId } from "./quickChecks";

const NO_ID = Symbol("no id yet");

/** Probes a lookup may take before the registry moves its ids to a `Map` (see `CustomerRegistry`). */
const MAX_PROBES = 64;

/**
 * Gives each customer id a dense index. Ids get a provisional index as they arrive; once
 * all are known, `finish` sorts them, so final indices follow the ids' sorted order and no
 * result depends on the order of input rows. Ids given to `add` live in an open-addressing table
 * of `Int32Array` slots (an FNV-1a hash of the id's UTF-16 code units, linear probing, at most
 * half full), which costs less than a `Map` of 100k strings; should ids ever collide so much that
 * a lookup takes more than `maxProbes` probes, the registry moves them to a `Map` and goes on
 * there, so no input can make it slow. Ids given to `addNew` (which a caller has already told
 * apart itself) skip the table; an id that also came another way then has two provisional
 * indices, and `finish` gives both one final index. Any string (even `__proto__`) is an
 * ordinary id.
 */
export class CustomerRegistry {
  private ids: string[] = [];
  /** Provisional index + 1 of the id in each slot of the table; 0 is an empty slot. */
  private slots = new Int32Array(1024);
  /** The hash of the id in each slot: a probe compares it before the id (whose text is then read only on a likely match), and growing the table hashes nothing again. */
  private hashes = new Int32Array(1024);
  private tableCount = 0;
  private spilled: Map<string, number> | null = null;
  /** The id of the call before; before the first, a symbol no value can be. */
  private lastId: string | symbol = NO_ID;
  private lastIndex = 0;

  /** @param maxProbes - probes a lookup may take before the ids move to a `Map` */
  constructor(private readonly maxProbes = MAX_PROBES) {}

  /**
   * The provisional index of `id`, registering it on first sight. Rows of one customer often
   * come together, so the id of the call before is checked first, without hashing.
   */
  add(id: string): number {
    if (id === this.lastId) return this.lastIndex;
    const index = this.spilled === null ? this.lookup(id) : this.lookupSpilled(id);
    this.lastId = id;
    this.lastIndex = index;
    return index;
  }

  /**
   * A provisional index for `id` without looking it up: for a caller that has already told its
   * ids apart (the byte-level CSV reader on first sight of an id's bytes, a column reader on a
   * dictionary entry's first use), so only `finish` compares them with the others.
   */
  addNew(id: string): number {
    const index = this.ids.length;
    this.ids.push(id);
    this.lastId = id;
    this.lastIndex = index;
    return index;
  }

  /**
   * The provisional index of `value` when it is a valid customer id (`isId`), registering it
   * on first sight; -1 when it is not. The id of the call before is known to be valid, so a
   * repeat is neither checked nor hashed again.
   */
  addChecked(value: unknown): number {
    if (value === this.lastId) return this.lastIndex;
    return isId(value) ? this.add(value) : -1;
  }

  /**
   * The sorted ids, each once, and the final index of each provisional one (an id with two
   * provisional indices gets one). Ids that arrived in strictly increasing order keep their
   * indices, with no sort or copy.
   */
  finish(): { ids: readonly string[]; finalIndex: Uint32Array } {
    const { ids } = this;
    const count = ids.length;
    const finalIndex = new Uint32Array(count);
    let sorted = true;
    for (let i = 1; i < count && sorted; i++) sorted = compareIds(ids[i - 1]!, ids[i]!) < 0;
    if (sorted) {
      for (let i = 0; i < count; i++) finalIndex[i] = i;
      return { ids, finalIndex };
    }
    const order = ids.map((_, i) => i).sort((a, b) => compareIds(ids[a]!, ids[b]!));
    const sortedIds: string[] = [];
    for (const provisional of order) {
      const id = ids[provisional]!;
      if (sortedIds.at(-1) !== id) sortedIds.push(id);
      finalIndex[provisional] = sortedIds.length - 1;
    }
    return { ids: sortedIds, finalIndex };
  }

  private lookup(id: string): number {
    const { slots, hashes, ids } = this;
    const mask = slots.length - 1;
    const hash = hashId(id);
    let slot = hash & mask;
    for (let probes = 0; ; probes++) {
      const entry = slots[slot]!;
      if (entry === 0) break;
      if (hashes[slot] === hash && ids[entry - 1] === id) return entry - 1;
      if (probes >= this.maxProbes) return this.spill(id);
      slot = (slot + 1) & mask;
    }
    const index = ids.length;
    ids.push(id);
    slots[slot] = index + 1;
    this.hashes[slot] = hash;
    if (++this.tableCount * 2 === slots.length) this.grow();
    return index;
  }

  /** Doubles the table and puts every id of the table back in it, by its hash. */
  private grow(): void {
    const { slots: before, hashes: hashesBefore } = this;
    const slots = (this.slots = new Int32Array(before.length * 2));
    const hashes = (this.hashes = new Int32Array(slots.length));
    const mask = slots.length - 1;
    for (let from = 0; from < before.length; from++) {
      if (before[from] === 0) continue;
      let slot = hashesBefore[from]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = before[from]!;
      hashes[slot] = hashesBefore[from]!;
    }
  }

  /** Moves the ids to a `Map` (the table is dropped) and looks `id` up there (an id with two provisional indices keeps the later). */
  private spill(id: string): number {
    this.spilled = new Map(this.ids.map((known, i) => [known, i]));
    this.slots = new Int32Array(0);
    return this.lookupSpilled(id);
  }

  private lookupSpilled(id: string): number {
    const spilled = this.spilled!;
    let index = spilled.get(id);
    if (index === undefined) {
      index = this.ids.length;
      spilled.set(id, index);
      this.ids.push(id);
    }
    return index;
  }
}

keepHiddenClass(new CustomerRegistry());

/** FNV-1a over the UTF-16 code units of `id`, with a final mix so the low bits (the slot) depend on every unit. */
function hashId(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  return hash ^ (hash >>> 13);
}
