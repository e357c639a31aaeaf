/**
 * A `Map` that survives `JSON.stringify`: it serialises to an array of `[key, value]` pairs
 * (in insertion order), which `new Map(pairs)` turns back into a map. A plain `Map` would
 * serialise to `{}`, and a plain object would make ids such as `__proto__` unsafe.
 */
export class JsonMap<K, V> extends Map<K, V> {
  toJSON(): [K, V][] {
    return [...this.entries()];
  }
}
