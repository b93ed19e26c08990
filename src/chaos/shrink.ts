// Shrinking a failing chaos run: drop clients and fault episodes one at a time while the same invariant still
// fails, until nothing more can go (a 1-minimal plan). Every candidate is a full deterministic re-run.
import type { Finding } from "../scenario/index.ts";
import type { PlanSelection } from "./plan.ts";

/** Re-runs the plan restricted to a selection; returns its findings. */
export type Probe = (selection: PlanSelection) => Promise<readonly Finding[]>;

/** Shrink runs allowed for one failure. */
export const shrinkRunsMax = 200;

export interface ShrinkResult {
  readonly selection: PlanSelection;
  readonly findings: readonly Finding[];
  readonly runs: number;
}

export async function shrink(start: PlanSelection, failing: readonly Finding[], probe: Probe): Promise<ShrinkResult> {
  const target = failing[0]?.invariant;
  let current = start;
  let findings = failing;
  let runs = 0;
  const stillFails = (fs: readonly Finding[]) => fs.some((f) => f.invariant === target);
  for (let progress = true; progress && runs < shrinkRunsMax; ) {
    progress = false;
    for (const [field, list] of [["episodes", current.episodes], ["clients", current.clients]] as const) {
      for (let i = list.length - 1; i >= 0 && runs < shrinkRunsMax; i--) {
        const candidate: PlanSelection = { ...current, [field]: list.filter((_, k) => k !== i) };
        if (field === "clients" && candidate.clients.length === 0) continue;
        runs++;
        const result = await probe(candidate);
        if (stillFails(result)) {
          current = candidate;
          findings = result;
          progress = true;
          break;
        }
      }
      if (progress) break;
    }
  }
  return { selection: current, findings, runs };
}
