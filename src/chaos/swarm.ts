// Swarm options (TigerBeetle's VOPR): each seed draws which step kinds are enabled and how often each happens,
// so some runs hammer one kind of operation and others mix everything. Weights are small integers; a kind
// with weight 0 never appears in that seed's timeline.
import type { Draws } from "./draws.ts";
import { swarmKinds, timelineKinds, type SwarmKind } from "./steps.ts";

export type SwarmWeights = Readonly<Record<SwarmKind, number>>;

/** Largest weight a kind can draw. */
export const swarmWeightMax = 4;
/** Each kind is enabled with this chance (numerator / 8). */
const enabledEighths = 5;

export function drawSwarm(prng: Draws): SwarmWeights {
  const weights = {} as Record<SwarmKind, number>;
  for (const kind of swarmKinds) {
    weights[kind] = prng.chance({ numerator: enabledEighths, denominator: 8 }) ? prng.int(1, swarmWeightMax) : 0;
  }
  if (timelineKinds.every((k) => weights[k] === 0)) weights["rotate-token"] = 1;
  return weights;
}

/** Picks a timeline kind by weight; undefined when every weight is 0. The probe weight sets a batch size instead. */
export function pickKind(prng: Draws, weights: SwarmWeights): SwarmKind | undefined {
  return prng.pickWeighted(timelineKinds.map((k) => [k, weights[k]] as const));
}

export function formatSwarm(weights: SwarmWeights): string {
  return swarmKinds.filter((k) => weights[k] > 0).map((k) => `${k}×${weights[k]}`).join(" ");
}
