// An invariant observes the trace with its own shadow model and never mutates the world.
// onEvent sees every event as it is recorded; finish reports what broke (or did not converge).
import type { TraceEvent } from "../kernel/index.ts";

export interface InvariantFinding {
  readonly kind: "correctness" | "liveness";
  readonly invariant: string;
  readonly message: string;
  readonly firstEventIndex?: number;
  readonly atMs?: number;
  readonly actor?: string;
  /** When the property was first seen broken, if later than the first offending event (a missed deadline). */
  readonly brokeAtMs?: number;
  /** The client the finding is about, when it is not the first offending event's actor. */
  readonly client?: string;
}

export interface Invariant {
  readonly name: string;
  onEvent(event: TraceEvent): void;
  finish(context: { nowMs: number }): InvariantFinding[];
}
