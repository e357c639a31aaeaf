/**
 * Edit distance between two strings: insertions, deletions, substitutions and swaps of two
 * neighbouring characters each cost 1 (the optimal-string-alignment Damerau–Levenshtein
 * distance). Two rows of the table are kept, so memory is linear in the shorter length.
 *
 * @example editDistance("purchase", "purchases") //=> 1
 */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate nearest to `word` (ties: the first in `candidates`), or `null` when none is
 * within `maxDistance` edits.
 *
 * @example nearest("purchase", ["events", "purchases"], 3) //=> "purchases"
 */
export function nearest(word: string, candidates: Iterable<string>, maxDistance = Number.POSITIVE_INFINITY): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= maxDistance ? best : null;
}

/** How far a mistyped flag or command may be from the right one to be suggested. */
export function typoBudget(word: string): number {
  return Math.max(2, Math.floor(word.length / 3));
}

/**
 * The candidate nearest to `name` for a "did you mean" hint, comparing lower case without `_`,
 * `-` and spaces (so `customer_id` is near `customerId`), within `typoBudget` edits; `null`
 * when none is that near.
 *
 * @example suggestName("purchase", ["purchases", "events", "surveys"]) //=> "purchases"
 */
export function suggestName(name: string, candidates: readonly string[]): string | null {
  const wanted = normaliseName(name);
  const byNormal = new Map<string, string>();
  for (const candidate of candidates) if (!byNormal.has(normaliseName(candidate))) byNormal.set(normaliseName(candidate), candidate);
  const near = nearest(wanted, byNormal.keys(), typoBudget(wanted));
  return near === null ? null : byNormal.get(near)!;
}

function normaliseName(text: string): string {
  return text.toLowerCase().replace(/[_\-\s]/g, "");
}
