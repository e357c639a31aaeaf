/**
 * The start of a stable counting sort on small integer keys (0 ≤ key < `keyCount`). Each loop
 * is a function of its own that returns right after it, so that a one-shot call (a report's
 * single fit) runs each loop in code the engine optimised while it ran, and nothing after the
 * loop sends it back to the interpreter.
 */

/**
 * Where each key's entries start in key order: `starts[k]` = how many entries have a key
 * below k, for k = 0..keyCount (the last is the length).
 *
 * @example
 * keyStarts(Uint32Array.of(2, 0, 2), 3) //=> Uint32Array [0, 1, 1, 3]
 */
export function keyStarts(keys: Uint32Array, keyCount: number): Uint32Array {
  return runningSums(countKeys(keys, keyCount));
}

/** `counts[k + 1]` = how many entries have key k. */
function countKeys(keys: Uint32Array, keyCount: number): Uint32Array {
  const counts = new Uint32Array(keyCount + 1);
  for (let i = 0; i < keys.length; i++) counts[keys[i]! + 1]!++;
  return counts;
}

/** `counts` turned, in place, into running sums. */
function runningSums(counts: Uint32Array): Uint32Array {
  for (let k = 1; k < counts.length; k++) counts[k]! += counts[k - 1]!;
  return counts;
}
