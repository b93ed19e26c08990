// Fault presets (the weather): how hard a chaos run shakes the world — how many clients and timeline steps,
// how lossy a drop episode is, how far a clock jumps. Not a profile: a profile is an OpenClaw release's
// behaviour. Probabilities are integer ratios.
import { ratio, type Ratio } from "../kernel/index.ts";

export interface FaultPreset {
  readonly name: string;
  /** Per-frame loss while a drop fault is on. */
  readonly dropRatio: Ratio;
  /** Per-frame duplication while a duplicate fault is on. */
  readonly duplicateRatio: Ratio;
  /** Timeline steps in the safety phase. */
  readonly stepsMin: number;
  readonly stepsMax: number;
  /** Length of one fault episode. */
  readonly episodeMsMax: number;
  /** Clients in the world. */
  readonly clientsMin: number;
  readonly clientsMax: number;
  /** Largest clock jump a fault applies (kept inside the 2 min signature window). */
  readonly skewMsMax: number;
  /** Probe attempts per unit of the swarm's probe weight (0–4). */
  readonly probesPerWeight: number;
  /** Draw the client-side episodes (worlds-client.ts) in half the seeds; default true. */
  readonly clientWorlds?: boolean;
}

export const presets: readonly FaultPreset[] = [
  { name: "light", dropRatio: ratio(1, 20), duplicateRatio: ratio(1, 20), stepsMin: 2, stepsMax: 6, episodeMsMax: 20_000, clientsMin: 2, clientsMax: 4, skewMsMax: 30_000, probesPerWeight: 4 },
  { name: "heavy", dropRatio: ratio(1, 4), duplicateRatio: ratio(1, 4), stepsMin: 4, stepsMax: 12, episodeMsMax: 60_000, clientsMin: 3, clientsMax: 7, skewMsMax: 90_000, probesPerWeight: 5 },
];

export const presetDefault = "light";

export function findPreset(name: string): FaultPreset | undefined {
  return presets.find((p) => p.name === name);
}
