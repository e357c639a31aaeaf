import fc from "fast-check";

/**
 * Texts of the shapes the ISO fast paths read (`YYYY-MM-DD`, `…THH:MM:SSZ`, `…THH:MM:SS.sssZ`):
 * a `toISOString()` output with up to three characters replaced (by digits, separators, a space,
 * lowercase letters, a slash or non-ASCII characters such as an Arabic-Indic digit) and cut to
 * one of the three lengths. Most are near misses, so a fast path's checks are each exercised.
 */
export const nearIsoText = (noise: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(10, 20, 24), fc.array(fc.constantFrom(...noise), { minLength: 3, maxLength: 3 }), fc.date({ noInvalidDate: true, min: new Date("0000-01-01"), max: new Date("9999-12-31") }), fc.nat(23))
    .map(([length, replacements, date, flips]) => {
      const chars = [...date.toISOString()];
      for (let k = 0; k <= flips % 3; k++) chars[(flips * 7 + k * 5) % 24] = replacements[k]!;
      return chars.join("").slice(0, length);
    });
