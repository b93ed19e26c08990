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

/**
 * Where a long trace goes once it outgrows memory: past `keepEventsMax` events in memory, the oldest are
 * handed over as canonical NDJSON lines (one event a line, each ending in "\n") and dropped from `events`.
 * The kernel does no I/O itself; the caller's `write` does (sim/ and bench/ write a file).
 */
export interface TraceSpill {
  readonly keepEventsMax: number;
  write(lines: string): void;
}

/** Events handed to the spill at once (a multiple of this is never kept past the threshold). */
export const traceSpillBatchEvents = 4_096;

export class Trace {
  /** The events in memory: all of them, or (with a spill) the ones not yet streamed out. */
  readonly events: TraceEvent[] = [];
  private readonly listeners: TraceListener[] = [];
  /** SHA-256 over the canonical lines already streamed out. */
  private readonly streamedHash = createHash("sha256");
  private streamedCount = 0;

  constructor(private readonly spill?: TraceSpill) {
    assert(!spill || spill.keepEventsMax >= traceSpillBatchEvents, `a trace spill keeps at least ${traceSpillBatchEvents} events`);
  }

  /** Events recorded so far, streamed or not. */
  get length(): number {
    return this.streamedCount + this.events.length;
  }

  /** Events already streamed out of memory (0 without a spill). */
  get streamed(): number {
    return this.streamedCount;
  }

  record(atMs: Ms, actor: string, kind: TraceKind, data: Record<string, unknown> = {}): TraceEvent {
    assert(this.events.length < traceEventsMax, "trace overflow: events without progress");
    const event: TraceEvent = { i: this.length, atMs, actor, kind, data };
    this.events.push(event);
    for (const listener of this.listeners) listener(event);
    if (this.spill && this.events.length >= this.spill.keepEventsMax + traceSpillBatchEvents) this.streamOut(traceSpillBatchEvents);
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

  /** Canonical text of the events in memory (all of them unless streamed). */
  canonical(): string {
    return this.events.map(canonicalEvent).join("\n");
  }

  /** SHA-256 of every event's canonical line, streamed or in memory: the same either way. */
  hash(): string {
    const h = this.streamedHash.copy();
    // The same bytes as one update per line, fed in chunks of ≈ 64 kB: one call per line cost more than the hashing.
    let chunk = "";
    const shared = new SharedData();
    for (const event of this.events) {
      chunk += `${recordedLine(event, shared)}\n`;
      if (chunk.length >= hashChunkChars) {
        h.update(chunk);
        chunk = "";
      }
    }
    if (chunk.length > 0) h.update(chunk);
    return h.digest("hex");
  }

  /** Streams out every event still in memory (the end of a run), so the file holds the whole trace. */
  flush(): void {
    if (this.spill && this.events.length > 0) this.streamOut(this.events.length);
  }

  private streamOut(count: number): void {
    const out = this.events.splice(0, count);
    let lines = "";
    const shared = new SharedData();
    for (const event of out) lines += `${recordedLine(event, shared)}\n`;
    this.streamedHash.update(lines);
    this.streamedCount += out.length;
    this.spill!.write(lines);
  }
}

export function canonicalEvent(event: TraceEvent): string {
  return canonicalJson(event);
}

/**
 * The canonical line of an event made by `Trace.record` (exactly the five members, in any order): the
 * envelope's sorted order is fixed — actor, atMs, data, i, kind — so only `data` is sorted. Same text as
 * canonicalEvent.
 */
function recordedLine(event: TraceEvent, shared?: SharedData): string {
  const data = shared ? shared.written(event) : write(event.data);
  if (data === undefined || typeof event.actor !== "string" || typeof event.kind !== "string") return canonicalEvent(event);
  return `{"actor":${JSON.stringify(event.actor)},"atMs":${write(event.atMs)},"data":${data},"i":${write(event.i)},"kind":${JSON.stringify(event.kind)}}`;
}

/**
 * The written text of a frame's data between its frame.send and the frame.deliver that
 * record the same object (net/packet.ts `traceData`), so the frame text — the longest member of a trace — is
 * escaped once for both lines. Recorded trace data is never written to afterwards. One per pass over the events.
 */
const sharedDataMax = 1024;

class SharedData {
  private readonly bySend = new Map<object, string>();

  written(event: TraceEvent): string | undefined {
    if (event.kind === "frame.send") {
      const text = write(event.data);
      if (text !== undefined) {
        // Frames in flight at once are few; a bound keeps a pass over millions of events (lost frames) small.
        if (this.bySend.size >= sharedDataMax) this.bySend.clear();
        this.bySend.set(event.data, text);
      }
      return text;
    }
    if (event.kind === "frame.deliver") {
      const known = this.bySend.get(event.data);
      if (known !== undefined) {
        this.bySend.delete(event.data);
        return known;
      }
    }
    return write(event.data);
  }
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

const hashChunkChars = 1 << 16;

/** Property names repeat across events (a few hundred in all): their JSON text is kept, up to a bound. */
const quotedKeys = new Map<string, string>();
const quotedKeysMax = 4096;

function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < quotedKeysMax) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function writeObject(value: Record<string, unknown>): string {
  let out = "{";
  let first = true;
  for (const key of sortedKeys(value)) {
    const v = value[key];
    if (v === undefined) continue;
    const text = write(v);
    if (text === undefined) continue;
    out += `${first ? "" : ","}${quotedKey(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

const arrayIndexMax = 2 ** 32 - 2;

function isArrayIndex(key: string): boolean {
  if (!/^(?:0|[1-9][0-9]*)$/.test(key)) return false;
  return Number(key) <= arrayIndexMax;
}

/**
 * Key orders already worked out, by the keys as an object enumerates them. Trace data comes in a few hundred
 * shapes, and sorting their keys again for every event was a sixth of a chaos seed's allocation. An entry keeps
 * the enumerated keys and is used only when every one matches (property keys are internalized strings, so each
 * compare is mostly a pointer compare). Bounded like quotedKeys.
 */
interface KeyOrder {
  readonly keys: readonly string[];
  readonly order: readonly string[];
}
const keyOrders = new Map<string, KeyOrder[]>();
const keyOrdersMax = 4096;
const keyOrdersPerFirstKey = 8;

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Sorted keys in the order a plain object built from them enumerates: array indices numerically first. */
function sortedKeys(value: object): readonly string[] {
  const keys = Object.keys(value);
  let mayHaveIndex = false;
  let hasProto = false;
  let sorted = true;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57) mayHaveIndex = true;
    else if (first === 95 && key === "__proto__") hasProto = true;
    if (k > 0 && keys[k - 1]! > key) sorted = false;
  }
  // Already in order (often: data objects are written in order) needs no sort; `<` is sort()'s order.
  if (sorted && !mayHaveIndex && !hasProto) return keys;
  const firstKey = keys[0]!;
  const known = keyOrders.get(firstKey);
  if (known) {
    for (const entry of known) if (sameKeys(entry.keys, keys)) return entry.order;
  }
  const order = orderOf([...keys], sorted, hasProto, mayHaveIndex);
  if (known) {
    if (known.length < keyOrdersPerFirstKey) known.push({ keys, order });
  } else if (keyOrders.size < keyOrdersMax) keyOrders.set(firstKey, [{ keys, order }]);
  return order;
}

function orderOf(keys: string[], sorted: boolean, hasProto: boolean, mayHaveIndex: boolean): string[] {
  if (!sorted) keys.sort();
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
