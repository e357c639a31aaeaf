/**
 * The candidate nearest to `key` by edit distance (case-insensitive), or `null` when none is
 * within a third of the key's length (at least 2 edits): `"purchase"` → `"purchases"`,
 * `"customer_id"` → `"customerId"`.
 *
 * @example
 * suggestKey("purchase", ["purchases", "events", "surveys"]) //=> "purchases"
 */
export function suggestKey(key: string, candidates: readonly string[]): string | null {
  const wanted = normalise(key);
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalise(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `"unknown key "purchase"; did you mean "purchases"?"`, or without the question when nothing is near. */
export function unknownKeyMessage(what: string, key: string, candidates: readonly string[]): string {
  const near = suggestKey(key, candidates);
  const known = candidates.map((candidate) => JSON.stringify(candidate)).join(", ");
  return near === null
    ? `unknown ${what} ${JSON.stringify(key)}; expected one of ${known}`
    : `unknown ${what} ${JSON.stringify(key)}; did you mean ${JSON.stringify(near)}?`;
}

/** Lower case without `_`, `-` and spaces, so `customer_id` is near `customerId`. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[_\-\s]/g, "");
}

/** Levenshtein distance with two rows; keys are short. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
