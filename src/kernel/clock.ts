// Virtual time. One true clock (integer milliseconds since the run's epoch) that only the scheduler advances,
// and per-node clocks that read it through an offset, a drift and jumps, so nodes can disagree about "now".
import { assert, assertionFailed } from "./assert.ts";

/** Milliseconds, always an integer. */
export type Ms = number;

/** Wall-clock epoch that virtual time 0 maps to (2026-03-01T00:00:00Z), so timestamps look real in traces. */
export const epochMsDefault: Ms = Date.UTC(2026, 2, 1);

export class VirtualClock {
  private current: Ms = 0;
  constructor(readonly epochMs: Ms = epochMsDefault) {}

  /** Virtual milliseconds since the run started. */
  nowMs(): Ms {
    return this.current;
  }

  /** Only the scheduler calls this. Time never goes backwards. */
  advanceTo(atMs: Ms): void {
    if (!Number.isInteger(atMs)) assertionFailed(`virtual time must be an integer, got ${atMs}`);
    if (atMs < this.current) assertionFailed(`time cannot go back (${atMs} < ${this.current})`);
    this.current = atMs;
  }
}

export interface NodeClockOptions {
  /** Constant offset from true time. */
  offsetMs?: Ms;
  /** Drift in parts per million (positive runs fast). */
  driftPpm?: number;
}

/** A node's view of wall time: epoch + true time + offset + drift, changed by jumps. */
export class NodeClock {
  private offsetMs: Ms;
  private driftPpm: number;
  private driftSinceMs: Ms;
  private driftAccumulatedMs: Ms = 0;

  constructor(private readonly clock: VirtualClock, options: NodeClockOptions = {}) {
    this.offsetMs = options.offsetMs ?? 0;
    this.driftPpm = options.driftPpm ?? 0;
    this.driftSinceMs = clock.nowMs();
    assert(Number.isInteger(this.offsetMs), "clock offset must be an integer");
  }

  /** The node's wall-clock reading in epoch milliseconds (what its Date.now() would say). */
  nowMs(): Ms {
    return this.clock.epochMs + this.clock.nowMs() + this.offsetMs + this.driftMs();
  }

  /** Step the clock by deltaMs (NTP step, VM resume, operator mistake). */
  jump(deltaMs: Ms): void {
    assert(Number.isInteger(deltaMs), "clock jump must be an integer");
    this.offsetMs += deltaMs;
  }

  setDrift(driftPpm: number): void {
    this.driftAccumulatedMs = this.driftMs();
    this.driftSinceMs = this.clock.nowMs();
    this.driftPpm = driftPpm;
  }

  /** Offset from true wall time right now (offset + drift so far). */
  skewMs(): Ms {
    return this.offsetMs + this.driftMs();
  }

  private driftMs(): Ms {
    const elapsed = this.clock.nowMs() - this.driftSinceMs;
    return this.driftAccumulatedMs + Math.trunc((elapsed * this.driftPpm) / 1_000_000);
  }
}
