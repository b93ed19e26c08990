// Fault presets (swarm options): how hard a chaos run shakes the world. Not a profile: a profile is an OpenClaw
// release's behaviour, a preset is the weather. Probabilities are integer ratios.
import { ratio, type Ratio } from "../kernel/index.ts";

export interface FaultPreset {
  readonly name: string;
  /** Per-frame loss while a drop fault is on. */
  readonly dropRatio: Ratio;
  /** Per-frame duplication while a duplicate fault is on. */
  readonly duplicateRatio: Ratio;
  /** Fault episodes in the safety phase. */
  readonly episodesMin: number;
  readonly episodesMax: number;
  /** Length of one fault episode. */
  readonly episodeMsMax: number;
  /** Clients in the world. */
  readonly clientsMin: number;
  readonly clientsMax: number;
  /** Largest clock jump a skew episode applies (kept inside the 2 min signature window). */
  readonly skewMsMax: number;
}

export const presets: readonly FaultPreset[] = [
  { name: "light", dropRatio: ratio(1, 20), duplicateRatio: ratio(1, 20), episodesMin: 1, episodesMax: 3, episodeMsMax: 20_000, clientsMin: 2, clientsMax: 4, skewMsMax: 30_000 },
  { name: "heavy", dropRatio: ratio(1, 4), duplicateRatio: ratio(1, 4), episodesMin: 3, episodesMax: 8, episodeMsMax: 60_000, clientsMin: 3, clientsMax: 8, skewMsMax: 90_000 },
];

export const presetDefault = "light";

export function findPreset(name: string): FaultPreset | undefined {
  return presets.find((p) => p.name === name);
}
