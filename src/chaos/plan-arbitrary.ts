// Chaos plans as a fast-check arbitrary: the same drawing code as a chaos seed's plan (plan.ts and the world
// modules it calls), fed by fast-check's generator (draws.ts) instead of the seeded stream. Every world, client,
// credential source, swarm weight, operator and host step, fault, attack, probe and twist a seed can draw, this
// can draw; fast-check's integrated shrinking then shrinks the plan's draws (fewer steps, chances off, first
// picks, smaller numbers) as one sequence.
import fc from "fast-check";
import type { Seed } from "../kernel/index.ts";
import { GenDraws } from "./draws.ts";
import { drawPlan, type ChaosPlan, type PlanOptions } from "./plan.ts";
import type { FaultPreset } from "./preset.ts";

/** Largest run seed a fast-check plan draws (the CLI's seeds are below 2^64 too). */
export const planSeedMax: Seed = (1n << 64n) - 1n;

/**
 * An arbitrary over whole chaos plans for a preset. The run's seed (the world's own streams: tie-breaks,
 * identities, tokens) is the first draw; the rest is drawPlan on a view of the same generator.
 */
export function chaosPlanArbitrary(preset: FaultPreset, options: PlanOptions = {}): fc.Arbitrary<ChaosPlan> {
  return fc.gen().map((g) => {
    const seed = g(fc.bigInt, { min: 0n, max: planSeedMax });
    return drawPlan(seed, new GenDraws(g), preset, options);
  });
}

/** fast-check takes a 32-bit seed; the fast-check engine's `--seed` stays below this. */
export const fcSeedLimit = 0x1_0000_0000;

/**
 * The plan at a fast-check replay path (`RunDetails.counterexamplePath`) of a run with this seed: fast-check walks
 * its generation and shrink tree to that value without running anything else.
 */
export function fcPlanAt(preset: FaultPreset, fcSeed: number, fcPath: string, options: PlanOptions = {}): ChaosPlan | undefined {
  let plan: ChaosPlan | undefined;
  fc.check(
    fc.property(chaosPlanArbitrary(preset, options), (p) => {
      plan = p;
      return false;
    }),
    { seed: fcSeed, path: fcPath, numRuns: 1, endOnFailure: true },
  );
  return plan;
}
