// Shared by the chaos tests that compare chaos's own interpreter with the step language: the world's trace without
// the events only a run's bookkeeping writes, and the invariants a run broke.
import type { RunResult, TraceEvent } from "../../src/index.ts";

/** Events only a run's bookkeeping writes; everything else is what the world did. */
function isBookkeeping(e: TraceEvent): boolean {
  if (e.kind === "step" || e.kind === "note") return true;
  if (e.actor === "case" && e.kind === "check") return true;
  if (e.actor === "scenario" && e.kind === "fault") return true;
  return e.kind === "host" && e.data["what"] === "paste the gateway token in Control UI settings";
}

/** The world's events, one JSON line each (a fault timer fired by chaos is the fault's own). */
export function worldTrace(result: RunResult): string[] {
  return result.events.filter((e) => !isBookkeeping(e)).map((e) => {
    const actor = e.kind === "timer.fire" && e.actor === "chaos" ? "fault" : e.actor;
    return JSON.stringify([e.atMs, actor, e.kind, e.data]);
  });
}

/** The invariants a run broke, sorted, each once. */
export function invariantsOf(result: RunResult): string[] {
  return [...new Set(result.findings.map((f) => f.invariant))].sort();
}
