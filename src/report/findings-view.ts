// Findings placed on the trace: the event each one points at (its first offending event) and the lane it
// belongs to. A finding without an event index, or with one outside the trace, has no event.
import type { TraceEvent } from "../kernel/index.ts";
import type { Finding } from "../scenario/result.ts";
import { describeEvent, type EventLine } from "./describe.ts";
import { formatClock } from "./time-format.ts";
import { laneOf, type TraceView } from "./trace-view.ts";

export function firstEventOf(view: TraceView, finding: Finding): TraceEvent | undefined {
  const index = finding.firstEventIndex;
  return typeof index === "number" ? view.byIndex.get(index) : undefined;
}

/** The lane a finding is marked on: its event's lane, else its actor (mapped like an event actor), else none. */
export function findingLane(view: TraceView, finding: Finding): string | undefined {
  const event = firstEventOf(view, finding);
  if (event) return laneOf(view, event);
  if (typeof finding.actor !== "string") return undefined;
  const conn = view.conns.get(finding.actor);
  return conn ? conn.client : finding.actor;
}

/** `#36 00:01.003 gateway: pairing.required reason=not-paired …` */
export function formatEventLine(line: EventLine): string {
  return `#${line.i} ${formatClock(line.atMs)} ${line.lane}: ${line.what}`;
}

export function firstEventText(view: TraceView, finding: Finding): string | undefined {
  const event = firstEventOf(view, finding);
  return event ? formatEventLine(describeEvent(view, event)) : undefined;
}

/** Findings in report order, each with the index of its event when known (the earliest one is "first"). */
export function earliestFindingEventIndex(view: TraceView): number | undefined {
  let earliest: number | undefined;
  for (const finding of view.result.findings ?? []) {
    const event = firstEventOf(view, finding);
    if (event && (earliest === undefined || event.i < earliest)) earliest = event.i;
  }
  return earliest;
}
