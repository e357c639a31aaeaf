import { RetentionOptionsError } from "../../input/errors";
import { printValue } from "../../input/describeValue";

/** A source of uniform numbers in [0, 1): `seededRandom(seed)`, or any function the caller passes. */
export type UniformSource = () => number;

/** MurmurHash3's 32-bit finaliser (fmix32): spreads a counter's bits over the whole word. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A seeded pseudo-random generator: xoshiro128** (Blackman & Vigna 2018, "Scrambled linear
 * pseudorandom number generators"; reference C at prng.di.unimi.it), its 128-bit state filled
 * from the seed by a Weyl sequence (step 0x9e3779b9) through MurmurHash3's fmix32, as
 * SplitMix seeds the xoshiro family. Each call returns the next 32-bit output divided by 2³²,
 * a number in [0, 1). The same seed gives the same sequence on every platform; the library
 * reads no clock and no global random source.
 *
 * @param seed - an integer in [0, 2³²)
 * @throws {RetentionOptionsError} (option `seed`) when the seed is not such an integer
 * @example
 * const random = seededRandom(42);
 * random(); //=> 0.6606… (the same on every run)
 */
export function seededRandom(seed: number): UniformSource {
  if (!(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) throw new RetentionOptionsError("seed", `seededRandom expects an integer seed in [0, 2³²), found ${printValue(seed)}`);
  const state = new Uint32Array(4);
  for (let i = 0; i < 4; i++) state[i] = mix32((seed >>> 0) + Math.imul(i + 1, 0x9e3779b9));
  if (state[0] === 0 && state[1] === 0 && state[2] === 0 && state[3] === 0) state[0] = 1;
  return () => xoshiro128StarStar(state) / 4294967296;
}

/** One step of xoshiro128**: returns the next 32-bit output (as an unsigned number) and advances `state`. */
export function xoshiro128StarStar(state: Uint32Array): number {
  const s0 = state[0]!;
  const s1 = state[1]!;
  const s2 = state[2]!;
  const s3 = state[3]!;
  const product = Math.imul(s1, 5);
  const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
  const t = (s1 << 9) >>> 0;
  let n2 = s2 ^ s0;
  let n3 = s3 ^ s1;
  const n1 = s1 ^ n2;
  const n0 = s0 ^ n3;
  n2 ^= t;
  n3 = (n3 << 11) | (n3 >>> 21);
  state[0] = n0;
  state[1] = n1;
  state[2] = n2;
  state[3] = n3;
  return result;
}

/**
 * Standard normal variates by the Box–Muller transform (Box & Muller 1958), two per pair of
 * uniforms: √(−2 ln(1−u₁)) · (cos 2πu₂, sin 2πu₂). `fill(out)` writes `out.length` of them.
 */
export function fillStandardNormal(random: UniformSource, out: Float64Array): void {
  for (let i = 0; i < out.length; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < out.length) out[i + 1] = radius * Math.sin(angle);
  }
}
