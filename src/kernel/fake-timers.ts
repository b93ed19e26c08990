// Virtual time and seeded randomness for third-party code that reads them ambiently (the real OpenClaw client
// package): @sinonjs/fake-timers bound to the Scheduler. While a binding is entered, globalThis's setTimeout,
// clearTimeout, setInterval, clearInterval and Date are the fake clock's, Math.random and crypto.randomUUID
// draw from seeded streams; exit restores the real ones. The fake clock's "now" follows a host's wall clock
// (NodeClock: virtual time, offset, drift, jumps); its timers are monotonic. Each pending fake timer is one
// kernel event at its virtual time that runs `await clock.tickAsync(0)`, so the code's promise callbacks
// settle between timers: those events need the Scheduler's async loop (runUntilAsync).
// Not a sandbox: the globals are process-wide, so only one binding may be entered at a time, and code that
// runs between async runs sees the real globals (put every call into such code inside a kernel event).
import FakeTimers from "@sinonjs/fake-timers";
import nodeCrypto from "node:crypto";
import { syncBuiltinESMExports } from "node:module";
import { assert } from "./assert.ts";
import type { Ms } from "./clock.ts";
import { uuidV4 } from "./ids.ts";
import type { Prng } from "./prng.ts";
import type { Scheduler, TimerId } from "./scheduler.ts";

/** Fake timers run per tickAsync before the clock assumes a loop (a timer that re-arms itself at delay 0). */
export const fakeTimerLoopLimit = 10_000;
/** 2^32, to turn a u32 draw into Math.random's [0, 1). */
const u32Range = 0x1_0000_0000;

/** Captured before any binding can be entered, so tickAsync yields with real macrotasks. */
const fakeTimers = FakeTimers.withGlobal(globalThis);

type FakeClock = ReturnType<typeof fakeTimers.createClock> & { setSystemTime(now: number): void };
type TimerCallback = (...args: unknown[]) => void;

/** What a fake setTimeout/setInterval call asked for; observers learn of it after the timer exists. */
export interface FakeTimerSet {
  readonly kind: "timeout" | "interval";
  readonly delayMs: number;
}

export interface FakeTimerBindingOptions {
  readonly scheduler: Scheduler;
  /** The wall clock the code lives on (its Date.now); a host's NodeClock. */
  readonly wallClock: { nowMs(): Ms };
  /** Trace actor for the kernel events that fire fake timers. */
  readonly actor: string;
  /** Math.random's stream. */
  readonly random: Prng;
  /** crypto.randomUUID's stream. */
  readonly uuid: Prng;
}

interface SavedGlobals {
  readonly setTimeout: unknown;
  readonly clearTimeout: unknown;
  readonly setInterval: unknown;
  readonly clearInterval: unknown;
  readonly Date: DateConstructor;
  readonly random: () => number;
  readonly randomUUID: unknown;
}

/** The binding whose globals are installed right now (at most one per process). */
let active: FakeTimerBinding | undefined;

export class FakeTimerBinding {
  private readonly clock: FakeClock;
  private readonly fakes: Record<"setTimeout" | "clearTimeout" | "setInterval" | "clearInterval", unknown>;
  private readonly observers: ((set: FakeTimerSet) => void)[] = [];
  private readonly randomUuid: () => string;
  private readonly mathRandom: () => number;
  private lastVirtualMs: Ms;
  private depth = 0;
  private saved: SavedGlobals | undefined;
  private armed: { readonly atMs: Ms; readonly id: TimerId } | undefined;
  private firing = false;

  constructor(private readonly options: FakeTimerBindingOptions) {
    this.clock = fakeTimers.createClock(options.wallClock.nowMs(), fakeTimerLoopLimit) as FakeClock;
    this.lastVirtualMs = options.scheduler.nowMs();
    this.randomUuid = () => uuidV4(options.uuid);
    this.mathRandom = () => options.random.nextU32() / u32Range;
    const fakeDate = this.clock.Date as DateConstructor & { now(): number };
    const fakeNow = fakeDate.now.bind(fakeDate);
    fakeDate.now = () => {
      this.syncNow();
      return fakeNow();
    };
    this.fakes = {
      setTimeout: (callback: TimerCallback, delay?: number, ...args: unknown[]) => this.set("timeout", callback, delay, args),
      setInterval: (callback: TimerCallback, delay?: number, ...args: unknown[]) => this.set("interval", callback, delay, args),
      clearTimeout: (id: unknown) => this.clear("timeout", id),
      clearInterval: (id: unknown) => this.clear("interval", id),
    };
  }

  /** Installs the fake globals (re-entrant). Asserts no other binding is installed. */
  enter(): void {
    assert(active === undefined || active === this, "another fake-timer binding is entered: one real-client world at a time");
    if (this.depth++ > 0) return;
    active = this;
    this.syncNow();
    const g = globalThis as unknown as Record<string, unknown>;
    this.saved = {
      setTimeout: g["setTimeout"],
      clearTimeout: g["clearTimeout"],
      setInterval: g["setInterval"],
      clearInterval: g["clearInterval"],
      Date: globalThis.Date,
      random: Math.random,
      randomUUID: nodeCrypto.randomUUID,
    };
    Object.assign(g, this.fakes);
    g["Date"] = this.clock.Date;
    Math.random = this.mathRandom;
    (nodeCrypto as { randomUUID: unknown }).randomUUID = this.randomUuid;
    syncBuiltinESMExports();
  }

  /** Restores the real globals when the outermost enter is left. */
  exit(): void {
    assert(this.depth > 0 && active === this, "fake-timer binding exited more often than entered");
    if (--this.depth > 0) return;
    const saved = this.saved!;
    const g = globalThis as unknown as Record<string, unknown>;
    g["setTimeout"] = saved.setTimeout;
    g["clearTimeout"] = saved.clearTimeout;
    g["setInterval"] = saved.setInterval;
    g["clearInterval"] = saved.clearInterval;
    g["Date"] = saved.Date;
    Math.random = saved.random;
    (nodeCrypto as { randomUUID: unknown }).randomUUID = saved.randomUUID;
    syncBuiltinESMExports();
    this.saved = undefined;
    active = undefined;
  }

  /** Runs `fn` entered (for synchronous calls into the code, e.g. constructing it). */
  during<T>(fn: () => T): T {
    this.enter();
    try {
      return fn();
    } finally {
      this.exit();
    }
  }

  get entered(): boolean {
    return this.depth > 0;
  }

  /** The fake clock's reading (the code's Date.now()), synced to virtual time. */
  nowMs(): Ms {
    this.syncNow();
    return this.clock.now;
  }

  /** Fake timers still pending. */
  pendingTimers(): number {
    return this.timerMap().size;
  }

  /** Learns of every fake setTimeout/setInterval call (after the timer exists). */
  onTimerSet(observer: (set: FakeTimerSet) => void): () => void {
    this.observers.push(observer);
    return () => {
      const at = this.observers.indexOf(observer);
      if (at >= 0) this.observers.splice(at, 1);
    };
  }

  /**
   * Brings the fake clock to the present: virtual time that passed moves "now" without firing anything (each
   * due timer has its own kernel event), then a wall-clock jump or drift moves Date without moving timers.
   */
  syncNow(): void {
    const virtualMs = this.options.scheduler.nowMs();
    if (virtualMs > this.lastVirtualMs) {
      this.clock.now += virtualMs - this.lastVirtualMs;
      this.lastVirtualMs = virtualMs;
    }
    const wallMs = this.options.wallClock.nowMs();
    if (wallMs !== this.clock.now) this.clock.setSystemTime(wallMs);
    const next = this.nextCallAt();
    assert(next === undefined || next >= this.clock.now, "a fake timer is overdue: virtual time passed it without firing it");
  }

  /** Drops every pending fake timer and its kernel event (the code's process is gone). */
  dispose(): void {
    for (const [id, timer] of [...this.timerMap()]) {
      if (timer.type === "Interval") this.clock.clearInterval(id as never);
      else this.clock.clearTimeout(id as never);
    }
    this.disarm();
  }

  private set(kind: FakeTimerSet["kind"], callback: TimerCallback, delay: number | undefined, args: unknown[]): unknown {
    this.syncNow();
    const delayMs = typeof delay === "number" && Number.isFinite(delay) ? delay : 0;
    const id = kind === "timeout" ? this.clock.setTimeout(callback, delayMs, ...args) : this.clock.setInterval(callback, delayMs, ...args);
    for (const observer of this.observers.slice()) observer({ kind, delayMs });
    this.arm();
    return id;
  }

  private clear(kind: FakeTimerSet["kind"], id: unknown): void {
    if (id === undefined || id === null) return;
    if (kind === "timeout") this.clock.clearTimeout(id as never);
    else this.clock.clearInterval(id as never);
    this.arm();
  }

  private timerMap(): Map<unknown, { callAt: number; type?: string }> {
    const timers = (this.clock as unknown as { timers?: unknown }).timers;
    if (timers === undefined) return new Map();
    assert(timers instanceof Map, "@sinonjs/fake-timers changed its timer store (expected a Map of timers)");
    return timers as Map<unknown, { callAt: number; type?: string }>;
  }

  private nextCallAt(): number | undefined {
    let next: number | undefined;
    for (const timer of this.timerMap().values()) if (next === undefined || timer.callAt < next) next = timer.callAt;
    return next;
  }

  /** Keeps exactly one kernel event, at the virtual time of the earliest fake timer. */
  private arm(): void {
    if (this.firing) return;
    const next = this.nextCallAt();
    if (next === undefined) return this.disarm();
    const scheduler = this.options.scheduler;
    const atMs = scheduler.nowMs() + (next - this.clock.now);
    if (this.armed?.atMs === atMs && scheduler.isPending(this.armed.id)) return;
    this.disarm();
    const id = scheduler.scheduleAt(atMs, { actor: this.options.actor, label: "fake-timers", traced: true }, () => this.fire());
    this.armed = { atMs, id };
  }

  private disarm(): void {
    if (this.armed) this.options.scheduler.cancel(this.armed.id);
    this.armed = undefined;
  }

  /** Synchronous up to the tick, so firing outside an entered async run fails where it happens. */
  private fire(): Promise<void> {
    this.armed = undefined;
    assert(this.entered, "a fake timer came due outside an async run: use runUntilAsync/runForAsync");
    this.syncNow();
    return this.tick();
  }

  private async tick(): Promise<void> {
    this.firing = true;
    try {
      await this.clock.tickAsync(0);
    } finally {
      this.firing = false;
    }
    this.arm();
  }
}
