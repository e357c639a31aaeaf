import { withCapacity } from "../input/growable";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * Interns byte strings (customer ids as they stand in a file) to numbers, without making a
 * string per lookup: an open-addressing hash table (linear probing, FNV-1a hashes, at most
 * half full) whose keys are copied once into one growing byte arena. A lookup costs a hash
 * of the bytes and, on a hash match, a byte comparison. Equal bytes are equal ids: valid
 * UTF-8 decodes one way.
 *
 * @example
 * const table = new ByteIdTable();
 * const bytes = new TextEncoder().encode("ann,bob");
 * table.find(bytes, 0, 3)      //=> -1
 * table.insert(bytes, 0, 3, 7) // after a miss, at the slot the miss found
 * table.find(bytes, 0, 3)      //=> 7
 */
export class ByteIdTable {
  /** Entry number + 1 per slot; 0 is an empty slot. */
  private slots = new Uint32Array(1 << 12);
  private mask = (1 << 12) - 1;
  private hashes = new Uint32Array(0);
  private keyStart = new Uint32Array(0);
  private keyLength = new Uint32Array(0);
  private values = new Uint32Array(0);
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private count = 0;
  /** Where the last `find` stopped: the empty slot a miss found, and the hash it computed. */
  private missSlot = 0;
  private missHash = 0;

  /** The entry found or inserted last: files often list a customer's rows together, so it is tried first. */
  private last = -1;

  /**
   * The value of the id in `bytes[start, end)`, or -1 when it has none yet. The id of the last
   * lookup is compared first, which spares the hash and the table's scattered reads on a run
   * of rows of one customer.
   */
  find(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    const last = this.last;
    if (last >= 0 && this.keyLength[last] === length && this.sameKey(last, bytes, start, length)) return this.values[last]!;
    let hash = FNV_OFFSET;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, FNV_PRIME);
    hash >>>= 0;
    let slot = (hash ^ (hash >>> 15)) & this.mask;
    for (;;) {
      const entry = this.slots[slot]! - 1;
      if (entry === -1) break;
      if (this.hashes[entry] === hash && this.keyLength[entry] === length && this.sameKey(entry, bytes, start, length)) {
        this.last = entry;
        return this.values[entry]!;
      }
      slot = (slot + 1) & this.mask;
    }
    this.missSlot = slot;
    this.missHash = hash;
    return -1;
  }

  /** Stores `value` (a non-negative 32-bit integer) for the id in `bytes[start, end)`; call it right after `find` missed that id. */
  insert(bytes: Uint8Array, start: number, end: number, value: number): void {
    const entry = this.count++;
    const length = end - start;
    if (entry >= this.values.length) {
      this.hashes = withCapacity(this.hashes, entry + 1);
      this.keyStart = withCapacity(this.keyStart, entry + 1);
      this.keyLength = withCapacity(this.keyLength, entry + 1);
      this.values = withCapacity(this.values, entry + 1);
    }
    const arena = (this.arena = withCapacity(this.arena, this.arenaUsed + length));
    // Ids are short: a loop copies them without the view `set` would need.
    for (let i = 0, at = this.arenaUsed; i < length; i++) arena[at + i] = bytes[start + i]!;
    this.hashes[entry] = this.missHash;
    this.keyStart[entry] = this.arenaUsed;
    this.keyLength[entry] = length;
    this.values[entry] = value;
    this.arenaUsed += length;
    this.slots[this.missSlot] = entry + 1;
    this.last = entry;
    if (this.count * 2 > this.slots.length) this.grow();
  }

  private sameKey(entry: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    const at = this.keyStart[entry]!;
    for (let i = 0; i < length; i++) if (arena[at + i] !== bytes[start + i]) return false;
    return true;
  }

  /** Doubles the slots and re-places every entry by its stored hash. */
  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Uint32Array(size);
    this.mask = size - 1;
    for (let entry = 0; entry < this.count; entry++) {
      const hash = this.hashes[entry]!;
      let slot = (hash ^ (hash >>> 15)) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = entry + 1;
    }
  }
}
