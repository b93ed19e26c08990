// converges (liveness): after a marker — an `operator` event, or a scenario note with `converge: true` —
// every named client (default: every client seen, except those stopped on purpose) has a session within
// `convergeWithinMs`: it reaches `hello` in that time, or it was connected at the marker and stayed so.
// A newer marker replaces a pending one (the operator is still at work). The finding points at the marker.
import { assert, type TraceEvent } from "../kernel/index.ts";
import { FindingList, formatMs, refOf, type EventRef } from "./findings.ts";
import type { Invariant, InvariantFinding } from "./invariant.ts";
import { str } from "./trace-fields.ts";

export const convergesName = "converges";
export const convergeWithinMsDefault = 60_000;

export interface ConvergesOptions {
  /** Virtual ms after the marker by which every client must have a session. */
  readonly convergeWithinMs?: number;
  /** Clients that must converge (trace actor names); default every client seen. */
  readonly clients?: readonly string[];
  /** Which events start the clock (default: operator events and notes with data.converge === true). */
  readonly isMarker?: (event: TraceEvent) => boolean;
}

export function defaultConvergeMarker(event: TraceEvent): boolean {
  return event.kind === "operator" || (event.kind === "note" && event.data["converge"] === true);
}

interface ClientTrack {
  connected: boolean;
  /** When the client stopped; a client stopped before the marker (or on purpose) is not expected to converge. */
  stoppedAtIndex: number | undefined;
  stoppedOnPurpose: boolean;
  last: { readonly name: string; readonly atMs: number; readonly detail: string | undefined } | undefined;
}

interface Pending {
  readonly marker: EventRef;
  readonly label: string;
  readonly deadlineMs: number;
  /** Clients that reached hello since the marker. */
  readonly helloSince: Set<string>;
  /** Clients connected at the marker that have not lost the session since. */
  readonly heldSince: Set<string>;
}

class Converges implements Invariant {
  readonly name = convergesName;
  private readonly findings = new FindingList(convergesName);
  private readonly clients = new Map<string, ClientTrack>();
  private readonly withinMs: number;
  private readonly isMarker: (event: TraceEvent) => boolean;
  private pending: Pending | undefined;

  constructor(private readonly options: ConvergesOptions) {
    this.withinMs = options.convergeWithinMs ?? convergeWithinMsDefault;
    this.isMarker = options.isMarker ?? defaultConvergeMarker;
    assert(this.withinMs > 0, `${this.name}: convergeWithinMs must be positive`);
    for (const name of options.clients ?? []) this.track(name);
  }

  onEvent(event: TraceEvent): void {
    if (this.pending && event.atMs > this.pending.deadlineMs) this.evaluate(this.pending, event.atMs);
    if (event.kind === "client") this.clientEvent(event);
    if (this.isMarker(event)) this.startPending(event);
  }

  private track(name: string): ClientTrack {
    let track = this.clients.get(name);
    if (!track) {
      track = { connected: false, stoppedAtIndex: undefined, stoppedOnPurpose: false, last: undefined };
      this.clients.set(name, track);
    }
    return track;
  }

  private clientEvent(event: TraceEvent): void {
    if (this.options.clients && !this.options.clients.includes(event.actor)) return;
    const track = this.track(event.actor);
    const name = str(event.data, "event") ?? "";
    const detail = str(event.data, "detailCode") ?? str(event.data, "reason") ?? str(event.data, "message");
    track.last = { name, atMs: event.atMs, detail };
    if (name === "hello") {
      track.connected = true;
      this.pending?.helloSince.add(event.actor);
    } else if (name === "closed") {
      track.connected = false;
      this.pending?.heldSince.delete(event.actor);
    } else if (name === "connect-attempt" && track.stoppedAtIndex !== undefined) {
      // A process started again under the same name (a relaunch): it is watched afresh.
      track.stoppedAtIndex = undefined;
      track.stoppedOnPurpose = false;
    } else if (name === "stopped") {
      track.stoppedAtIndex = event.i;
      track.stoppedOnPurpose = event.data["reason"] === "stop";
    }
  }

  private startPending(event: TraceEvent): void {
    const heldSince = new Set<string>();
    for (const [name, track] of this.clients) if (track.connected) heldSince.add(name);
    this.pending = { marker: refOf(event), label: markerLabel(event), deadlineMs: event.atMs + this.withinMs, helloSince: new Set(), heldSince };
  }

  private evaluate(pending: Pending, nowMs: number): void {
    this.pending = undefined;
    for (const [name, track] of this.clients) {
      if (pending.helloSince.has(name) || pending.heldSince.has(name) || track.stoppedOnPurpose) continue;
      if (track.stoppedAtIndex !== undefined && track.stoppedAtIndex < pending.marker.i) continue;
      const last = track.last ? `; its last event: ${track.last.name}${track.last.detail ? ` ${track.last.detail}` : ""} at ${formatMs(track.last.atMs)}` : "; it never showed up";
      const cut = nowMs < pending.deadlineMs ? ` (the run ended ${formatMs(nowMs - pending.marker.atMs)} after it)` : "";
      this.findings.add("liveness", `client ${name} did not reach hello within ${formatMs(this.withinMs)} after ${pending.label} at ${formatMs(pending.marker.atMs)}${cut}${last}`, pending.marker);
    }
  }

  finish(context: { nowMs: number }): InvariantFinding[] {
    if (this.pending) this.evaluate(this.pending, context.nowMs);
    return this.findings.list();
  }
}

function markerLabel(event: TraceEvent): string {
  if (event.kind === "operator") return `operator action ${str(event.data, "command") ?? str(event.data, "action") ?? "(unnamed)"}`;
  if (event.kind === "note") return `note "${str(event.data, "text") ?? ""}"`;
  return `${event.kind} event #${event.i}`;
}

export function converges(options: ConvergesOptions = {}): Invariant {
  return new Converges(options);
}
