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

/**
 * JSON with object keys sorted at every depth; undefined members dropped; byte arrays as base64url. Written
 * directly (no sorted copy of the value): the text is exactly `JSON.stringify` of the sorted copy, whose key
 * order puts array-index keys first in numeric order (a property test holds it to `canonicalJsonByCopy`).
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "null";
      if (Array.isArray(value)) return writeArray(value);
      if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString("base64url"));
      return writeObject(value as Record<string, unknown>);
    case "bigint":
      return JSON.stringify(value); // throws, as the sorted copy would
    default:
      return undefined;
  }
}

function writeArray(values: readonly unknown[]): string {
  let out = "[";
  for (let i = 0; i < values.length; i++) out += (i === 0 ? "" : ",") + (write(values[i]) ?? "null");
  return `${out}]`;
}

function writeObject(value: Record<string, unknown>): string {
  let out = "{";
  let first = true;
  for (const key of sortedKeys(value)) {
    const v = value[key];
    if (v === undefined) continue;
    const text = write(v);
    if (text === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

const arrayIndexMax = 2 ** 32 - 2;

function isArrayIndex(key: string): boolean {
  if (!/^(?:0|[1-9][0-9]*)$/.test(key)) return false;
  return Number(key) <= arrayIndexMax;
}

/** Sorted keys in the order a plain object built from them enumerates: array indices numerically first. */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  let mayHaveIndex = false;
  let hasProto = false;
  for (const key of keys) {
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57) mayHaveIndex = true;
    else if (first === 95 && key === "__proto__") hasProto = true;
  }
  keys.sort();
  // "__proto__" assigned onto a plain object never becomes an own key.
  const kept = hasProto ? keys.filter((k) => k !== "__proto__") : keys;
  if (!mayHaveIndex || !kept.some(isArrayIndex)) return kept;
  const indices = kept.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...kept.filter((k) => !isArrayIndex(k))];
}

/** The reference form: a sorted copy, then JSON.stringify. Kept for the property test of canonicalJson. */
export function canonicalJsonByCopy(value: unknown): string {
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
