/**
 * Orders customer ids by UTF-16 code units, as `Array.prototype.sort` does by default and
 * the same on every machine (unlike `localeCompare`).
 *
 * @example
 * ["b", "__proto__", "a"].sort(compareIds) //=> ["__proto__", "a", "b"]
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
