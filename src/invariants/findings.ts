// Building findings: each points at the first offending event (its index, time and actor), and an
// invariant keeps at most `findingsPerInvariantMax` of them so a run that breaks a rule in a loop stays
// readable. Also the small formatters messages share (durations, shortened ids).
import type { TraceEvent } from "../kernel/index.ts";
import type { InvariantFinding } from "./invariant.ts";

/** Findings kept per invariant; later ones are dropped (the first ones are what a maintainer reads). */
export const findingsPerInvariantMax = 50;
/** Characters of an id (device id, nonce, token) shown in a message. */
export const idCharsShown = 8;

/** Where a finding points: a trace event's position, time and actor. */
export interface EventRef {
  readonly i: number;
  readonly atMs: number;
  readonly actor: string;
}

export function refOf(event: TraceEvent): EventRef {
  return { i: event.i, atMs: event.atMs, actor: event.actor };
}

/** The earlier of two event references (undefined counts as "none yet"). */
export function earliest(a: EventRef | undefined, b: EventRef): EventRef {
  return a === undefined || b.i < a.i ? b : a;
}

export class FindingList {
  private readonly kept: InvariantFinding[] = [];

  constructor(private readonly invariant: string) {}

  add(kind: InvariantFinding["kind"], message: string, at: EventRef, extra: { brokeAtMs?: number; client?: string } = {}): void {
    if (this.kept.length >= findingsPerInvariantMax) return;
    this.kept.push({ kind, invariant: this.invariant, message, firstEventIndex: at.i, atMs: at.atMs, actor: at.actor, ...extra });
  }

  list(): InvariantFinding[] {
    return [...this.kept];
  }
}

/** `60 s`, `1.5 s`, `10.001 s`, `250 ms` (exact to the millisecond). */
export function formatMs(ms: number): string {
  if (Math.abs(ms) < 1000) return `${ms} ms`;
  return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, "")} s`;
}

/** `fe812c12…` for long ids; short ones unchanged. */
export function shortId(id: string): string {
  return id.length > idCharsShown + 1 ? `${id.slice(0, idCharsShown)}…` : id;
}

export function scopeList(scopes: readonly string[]): string {
  return scopes.length === 0 ? "(none)" : scopes.join(", ");
}
