// The draws a chaos plan is made of: the small API the plan code (plan.ts, swarm.ts, worlds-client.ts,
// worlds-gateway.ts, probes.ts) draws through. Two sources implement it: the seeded `Prng` (a chaos seed's plan,
// unchanged), and `GenDraws` over fast-check's `fc.gen()` value, so the same drawing code is also an
// `fc.Arbitrary<ChaosPlan>` whose values fast-check shrinks draw by draw (plan-arbitrary.ts).
import fc from "fast-check";
import { assert, assertionFailed, pickBy, pickWeightedBy, shuffleBy, type Ratio } from "../kernel/index.ts";

export interface Draws {
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** True with probability r. */
  chance(r: Ratio): boolean;
  pick<T>(items: readonly T[]): T;
  /** An item with probability weight / total; undefined when every weight is 0. */
  pickWeighted<T>(entries: readonly (readonly [T, number])[]): T | undefined;
  shuffle<T>(items: readonly T[]): T[];
  /** A child source named `name`: for a Prng an independent stream, for fast-check a view of the same generator. */
  fork(name: string): Draws;
  /** A value of a fast-check arbitrary drawn straight from the source (absent on Prng: see drawArbitrary). */
  readonly arbitrary?: <T>(arb: fc.Arbitrary<T>) => T;
}

/** Largest fast-check seed a Prng hands to fc.sample (a 31-bit value, as probes have always drawn it). */
const sampleSeedMax = 0x7fff_ffff;

/**
 * A value of `arb`: straight from a fast-check source; from a Prng, one draw of a 31-bit seed for a one-value
 * `fc.sample` (so a chaos seed's probes are what they have always been).
 */
export function drawArbitrary<T>(draws: Draws, arb: fc.Arbitrary<T>): T {
  if (draws.arbitrary) return draws.arbitrary(arb);
  const [value] = fc.sample(arb, { seed: draws.int(0, sampleSeedMax), numRuns: 1 });
  assert(value !== undefined, "fc.sample gave no value");
  return value;
}

/** One stable factory per arbitrary, so fast-check's generator finds a drawn arbitrary again when it shrinks. */
const factories = new WeakMap<fc.Arbitrary<unknown>, () => fc.Arbitrary<unknown>>();

function factoryOf<T>(arb: fc.Arbitrary<T>): () => fc.Arbitrary<T> {
  let factory = factories.get(arb);
  if (!factory) {
    factory = () => arb;
    factories.set(arb, factory);
  }
  return factory as () => fc.Arbitrary<T>;
}

/**
 * Draws from a fast-check generator value (`fc.gen()`): every draw is one `g(fc.integer, …)` on the shared
 * generator, whatever the fork, so fast-check's shrinker sees the whole plan as one sequence of integers and
 * shrinks each toward its minimum — a chance toward false, a pick toward the first item, a count toward its floor.
 */
export class GenDraws implements Draws {
  constructor(private readonly g: fc.GeneratorValue, readonly name = "chaos:plan") {}

  int(min: number, max: number): number {
    if (!(Number.isSafeInteger(min) && Number.isSafeInteger(max) && min <= max)) assertionFailed(`bad range ${min}..${max}`);
    if (min === max) return min;
    return this.g(fc.integer, { min, max });
  }

  chance(r: Ratio): boolean {
    if (r.numerator === 0) return false;
    if (r.numerator === r.denominator) return true;
    // The top `numerator` values of [0, denominator) are true: shrinking toward 0 turns a chance off.
    return this.int(0, r.denominator - 1) >= r.denominator - r.numerator;
  }

  pick<T>(items: readonly T[]): T {
    return pickBy((min, max) => this.int(min, max), items);
  }

  pickWeighted<T>(entries: readonly (readonly [T, number])[]): T | undefined {
    return pickWeightedBy((min, max) => this.int(min, max), entries);
  }

  shuffle<T>(items: readonly T[]): T[] {
    return shuffleBy((min, max) => this.int(min, max), items);
  }

  fork(name: string): Draws {
    return new GenDraws(this.g, `${this.name}/${name}`);
  }

  readonly arbitrary = <T>(arb: fc.Arbitrary<T>): T => this.g(factoryOf(arb));
}
