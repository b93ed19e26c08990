// Joint shrinking of a failing chaos run, deterministic: drop steps and clients (halves first, then one at a
// time) while the same invariant still fails, then pull the remaining steps earlier (timing), until nothing
// more can go. Every candidate is a full deterministic re-run; the result is a replay path.
import type { Finding } from "../scenario/index.ts";
import type { PlanSelection, StepRetime } from "./plan.ts";

/** Re-runs the plan restricted to a selection; returns its findings. */
export type Probe = (selection: PlanSelection) => Promise<readonly Finding[]>;

/** Shrink runs allowed for one failure. */
export const shrinkRunsMax = 200;
/** Earliest time the shrinker moves a step to (ms into the safety phase). */
export const retimeFloorMs = 1_000;

export interface ShrinkResult {
  readonly selection: PlanSelection;
  readonly findings: readonly Finding[];
  readonly runs: number;
}

type Field = "steps" | "clients";

/** Candidate removals for a list: both halves (when long), then each element from the end. */
function removals(list: readonly number[]): number[][] {
  const out: number[][] = [];
  if (list.length >= 4) {
    const half = Math.floor(list.length / 2);
    out.push(list.slice(half), list.slice(0, half));
  }
  for (let i = list.length - 1; i >= 0; i--) out.push(list.filter((_, k) => k !== i));
  return out;
}

function retimings(selection: PlanSelection, atOf: (index: number) => number): PlanSelection[] {
  const out: PlanSelection[] = [];
  const retimed = new Map((selection.retimed ?? []).map((r) => [r.index, r.atMs]));
  let previous = retimeFloorMs;
  for (const index of selection.steps) {
    const at = retimed.get(index) ?? atOf(index);
    if (at > previous) {
      const next = new Map(retimed).set(index, previous);
      const list: StepRetime[] = [...next].map(([i, atMs]) => ({ index: i, atMs })).sort((a, b) => a.index - b.index);
      out.push({ ...selection, retimed: list });
    }
    previous = Math.max(previous, retimed.get(index) ?? atOf(index));
  }
  return out;
}

export async function shrink(start: PlanSelection, failing: readonly Finding[], probe: Probe, atOf: (index: number) => number = () => 0): Promise<ShrinkResult> {
  const target = failing[0]?.invariant;
  let current = start;
  let findings = failing;
  let runs = 0;
  const stillFails = (fs: readonly Finding[]) => fs.some((f) => f.invariant === target);
  const attempt = async (candidate: PlanSelection): Promise<boolean> => {
    runs++;
    const result = await probe(candidate);
    if (!stillFails(result)) return false;
    current = candidate;
    findings = result;
    return true;
  };
  for (let progress = true; progress && runs < shrinkRunsMax; ) {
    progress = false;
    for (const field of ["steps", "clients"] as Field[]) {
      for (const list of removals(current[field])) {
        if (runs >= shrinkRunsMax) break;
        if (field === "clients" && list.length === 0) continue;
        if (await attempt({ ...current, [field]: list, ...retimedWithin(current, field, list) })) {
          progress = true;
          break;
        }
      }
      if (progress) break;
    }
    if (progress) continue;
    for (const candidate of retimings(current, atOf)) {
      if (runs >= shrinkRunsMax) break;
      if (await attempt(candidate)) {
        progress = true;
        break;
      }
    }
  }
  return { selection: current, findings, runs };
}

/** Keeps only retimings of steps still selected. */
function retimedWithin(selection: PlanSelection, field: Field, list: readonly number[]): Partial<PlanSelection> {
  if (field !== "steps" || !selection.retimed) return {};
  const kept = selection.retimed.filter((r) => list.includes(r.index));
  return { retimed: kept };
}
