// Seeded PRNG (xoshiro128**) split into named, independent streams.
// A stream's state is derived from (seed, name) alone, so extra draws in one subsystem never perturb another.
// Not cryptographic: simulated keys and tokens only need to be distinct and reproducible.
import { createHash } from "node:crypto";
import { assert, assertionFailed } from "./assert.ts";
import type { Ratio } from "./ratio.ts";

export type Seed = bigint;

/** Parses a user-given seed: a non-negative decimal integer (or 0x hex) below 2^64. */
export function parseSeed(text: string): Seed | undefined {
  const t = text.trim();
  if (!/^(\d+|0x[0-9a-fA-F]+)$/.test(t)) return undefined;
  const value = BigInt(t);
  if (value >= 1n << 64n) return undefined;
  return value;
}

export class Prng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  /** How many 32-bit words this stream has produced (for diagnostics). */
  draws = 0;

  constructor(readonly seed: Seed, readonly name: string) {
    const digest = createHash("sha256").update(`clawsim:${seed.toString()}:${name}`).digest();
    this.s0 = digest.readUInt32LE(0);
    this.s1 = digest.readUInt32LE(4);
    this.s2 = digest.readUInt32LE(8);
    this.s3 = digest.readUInt32LE(12);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A child stream named `<this>/<name>`; independent of this stream's position. */
  fork(name: string): Prng {
    return new Prng(this.seed, `${this.name}/${name}`);
  }

  nextU32(): number {
    this.draws++;
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform integer in [min, max] (inclusive), without modulo bias. */
  int(min: number, max: number): number {
    if (!(Number.isSafeInteger(min) && Number.isSafeInteger(max) && min <= max)) assertionFailed(`bad range ${min}..${max}`);
    const span = max - min + 1;
    assert(span <= 0x1_0000_0000, "range wider than 2^32");
    if (span === 0x1_0000_0000) return min + this.nextU32();
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % span);
    for (;;) {
      const x = this.nextU32();
      if (x < limit) return min + (x % span);
    }
  }

  /** True with probability ratio. */
  chance(r: Ratio): boolean {
    if (r.numerator === 0) return false;
    if (r.numerator === r.denominator) return true;
    return this.int(0, r.denominator - 1) < r.numerator;
  }

  pick<T>(items: readonly T[]): T {
    return pickBy((min, max) => this.int(min, max), items);
  }

  /** Picks an item with probability weight / total (one draw); undefined when every weight is 0. */
  pickWeighted<T>(entries: readonly (readonly [T, number])[]): T | undefined {
    return pickWeightedBy((min, max) => this.int(min, max), entries);
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 4) {
      const word = this.nextU32();
      for (let j = 0; j < 4 && i + j < length; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  }

  shuffle<T>(items: readonly T[]): T[] {
    return shuffleBy((min, max) => this.int(min, max), items);
  }
}

/** An integer draw in [min, max]: what pick, pickWeighted and shuffle are made of (Prng's, or fast-check's). */
export type IntDraw = (min: number, max: number) => number;

/** One item, by one integer draw. */
export function pickBy<T>(int: IntDraw, items: readonly T[]): T {
  assert(items.length > 0, "pick from an empty list");
  return items[int(0, items.length - 1)] as T;
}

/** An item with probability weight / total (one draw); undefined when every weight is 0. */
export function pickWeightedBy<T>(int: IntDraw, entries: readonly (readonly [T, number])[]): T | undefined {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  if (total === 0) return undefined;
  let at = int(0, total - 1);
  for (const [item, weight] of entries) {
    if (at < weight) return item;
    at -= weight;
  }
  return undefined;
}

/** Fisher–Yates from the last index down, one draw per position. */
export function shuffleBy<T>(int: IntDraw, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(0, i);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** The run's streams, one per subsystem name ("network", "gateway", "client:cli-1", "chaos", …). */
export class PrngStreams {
  private readonly streams = new Map<string, Prng>();
  constructor(readonly seed: Seed) {}

  stream(name: string): Prng {
    let s = this.streams.get(name);
    if (!s) {
      s = new Prng(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }
}
