// The trace: every observable event as structured data with virtual time and actor,
// a canonical serialisation (sorted keys, one event per line) and its SHA-256.
import { createHash } from "node:crypto";
import { assert } from "./assert.ts";
import { traceEventsMax } from "./limits.ts";
import type { Ms } from "./clock.ts";

export type TraceKind =
  | "run.start"
  | "conn.open"
  | "conn.accept"
  | "conn.refused"
  | "frame.send"
  | "frame.deliver"
  | "frame.drop"
  | "frame.duplicate"
  | "frame.hold"
  | "frame.release"
  | "close"
  | "timer.set"
  | "timer.fire"
  | "timer.cancel"
  | "fault"
  | "operator"
  | "host"
  | "client"
  | "gateway"
  | "check"
  | "verdict"
  | "note"
  /** The step interpreter starts step `data.step` of the RunSpec. */
  | "step";

export interface TraceEvent {
  /** Position in the trace, from 0. */
  readonly i: number;
  readonly atMs: Ms;
  readonly actor: string;
  readonly kind: TraceKind;
  readonly data: Readonly<Record<string, unknown>>;
}

export type TraceListener = (event: TraceEvent) => void;

export class Trace {
  readonly events: TraceEvent[] = [];
  private readonly listeners: TraceListener[] = [];

  record(atMs: Ms, actor: string, kind: TraceKind, data: Record<string, unknown> = {}): TraceEvent {
    assert(this.events.length < traceEventsMax, "trace overflow: events without progress");
    const event: TraceEvent = { i: this.events.length, atMs, actor, kind, data };
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  /** Observers (invariants, console) see each event as it is recorded. They must not mutate the world. */
  subscribe(listener: TraceListener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  canonical(): string {
    return this.events.map(canonicalEvent).join("\n");
  }

  hash(): string {
    return traceHash(this.events);
  }
}

export function canonicalEvent(event: TraceEvent): string {
  return canonicalJson(event);
}

export function traceHash(events: readonly TraceEvent[]): string {
  const h = createHash("sha256");
  for (const event of events) h.update(canonicalEvent(event)).update("\n");
  return h.digest("hex");
}

/** JSON with object keys sorted at every depth; undefined members dropped. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64url");
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
