// The run loop: owns the virtual clock, the event queue and the budgets.
// Events due at the same instant are ordered by a tie-break drawn from the "scheduler" stream, so a seed
// chooses the interleaving. Exceeding a budget ends the run with an outcome, never a hang.
import { assert, assertionFailed } from "./assert.ts";
import { VirtualClock, type Ms } from "./clock.ts";
import { connectionsMaxDefault, queueLengthHardMax, queueLengthMax, stepsMaxDefault, virtualTimeMsMaxDefault, settleRoundsMax } from "./limits.ts";
import { PrngStreams, type Prng, type Seed } from "./prng.ts";
import { IdTable } from "./id-table.ts";
import { IndexedQueue, KeyHeap, type IndexedKey } from "./queue.ts";
import { Trace } from "./trace.ts";

export interface Budgets {
  stepsMax: number;
  virtualTimeMsMax: Ms;
  /** Connections the network holds at once (live, or closed with a packet or timer pending); one more ends the run (liveness). */
  connectionsMax: number;
}

export type RunOutcome =
  | { readonly kind: "quiescent"; readonly steps: number; readonly atMs: Ms }
  | { readonly kind: "reached"; readonly steps: number; readonly atMs: Ms }
  | { readonly kind: "budget-exceeded"; readonly budget: BudgetName; readonly steps: number; readonly atMs: Ms };

/** steps and virtual-time are the run's budgets; queue-length is the kernel's limit on events queued at once. */
export type BudgetName = "steps" | "virtual-time" | "queue-length" | "connections";

/**
 * Thrown from inside an event when a kernel-owned limit other than the scheduler's own is reached (e.g. the
 * network's connection count): the runner ends the run with a budget outcome, a liveness finding, not a crash.
 */
export class LimitReached extends Error {
  constructor(
    readonly budget: BudgetName,
    readonly atMs: number,
    readonly steps: number,
  ) {
    super(`limit reached: ${budget}`);
  }
}

export interface ScheduleOptions {
  /** Who the event belongs to (trace actor). */
  actor: string;
  /** What it is; when `traced`, a timer.fire event with this label is recorded. */
  label: string;
  traced?: boolean;
}

/** A scheduled event: its queue key and what it runs, one object. */
interface Scheduled extends IndexedKey {
  readonly id: number;
  readonly options: ScheduleOptions;
  /** Replaced by `cancelledRun` on cancel, so a cancelled entry waiting in the queue holds no closure. */
  run: () => void | Promise<void>;
  cancelled: boolean;
}

const cancelledRun = (): void => {};

export type TimerId = number;

export class Scheduler {
  readonly clock: VirtualClock;
  readonly streams: PrngStreams;
  readonly trace: Trace;
  readonly budgets: Budgets;
  /** Live events only: a cancelled event leaves at once (it held its closure and options until its time). */
  private readonly queue = new IndexedQueue<Scheduled>();
  /**
   * The keys of cancelled events a queue keeping them would still hold: one is dropped when nothing live is before
   * it, as such a queue drops a cancelled head. The queue-length budget counts both.
   */
  private readonly cancelledKeys = new KeyHeap();
  /** Not a Map: see id-table.ts (a Map churned by every timer kept each handshake's objects alive a while). */
  private readonly live = new IdTable<Scheduled>();
  private readonly tieBreaks: Prng;
  private nextId = 1;
  private seq = 0;
  steps = 0;

  constructor(readonly seed: Seed, options: { budgets?: Partial<Budgets>; epochMs?: Ms; trace?: Trace } = {}) {
    this.clock = new VirtualClock(options.epochMs);
    this.streams = new PrngStreams(seed);
    this.trace = options.trace ?? new Trace();
    this.budgets = {
      stepsMax: options.budgets?.stepsMax ?? stepsMaxDefault,
      virtualTimeMsMax: options.budgets?.virtualTimeMsMax ?? virtualTimeMsMaxDefault,
      connectionsMax: options.budgets?.connectionsMax ?? connectionsMaxDefault,
    };
    assert(this.budgets.stepsMax > 0 && this.budgets.virtualTimeMsMax > 0, "budgets must be positive");
    this.tieBreaks = this.streams.stream("scheduler");
  }

  nowMs(): Ms {
    return this.clock.nowMs();
  }

  stream(name: string): Prng {
    return this.streams.stream(name);
  }

  record(actor: string, kind: Parameters<Trace["record"]>[2], data: Record<string, unknown> = {}): void {
    this.trace.record(this.clock.nowMs(), actor, kind, data);
  }

  /** Runs `run` after `delayMs` of virtual time. */
  schedule(delayMs: Ms, options: ScheduleOptions, run: () => void | Promise<void>): TimerId {
    if (!(Number.isInteger(delayMs) && delayMs >= 0)) assertionFailed(`delay must be a non-negative integer, got ${delayMs}`);
    return this.scheduleAt(this.clock.nowMs() + delayMs, options, run);
  }

  scheduleAt(atMs: Ms, options: ScheduleOptions, run: () => void | Promise<void>): TimerId {
    assert(atMs >= this.clock.nowMs(), "cannot schedule in the past");
    const entry: Scheduled = { atMs, tieBreak: this.tieBreaks.nextU32(), seq: this.seq++, heapIndex: -1, id: this.nextId++, options, run, cancelled: false };
    this.live.set(entry.id, entry);
    assert(this.queue.length + this.cancelledKeys.length < queueLengthHardMax, "event queue overflow");
    this.queue.push(entry);
    return entry.id;
  }

  cancel(id: TimerId): void {
    const entry = this.live.get(id);
    if (!entry) return;
    entry.cancelled = true;
    entry.run = cancelledRun;
    this.live.delete(id);
    this.queue.remove(entry);
    this.cancelledKeys.push(entry);
  }

  isPending(id: TimerId): boolean {
    return this.live.has(id);
  }

  /** Time of the next live event, if any. */
  nextAtMs(): Ms | undefined {
    this.dropCancelledHead();
    return this.queue.peek()?.atMs;
  }

  /** Runs every event due up to `untilMs` (or until `stop` says so), then leaves the clock at `untilMs`. */
  runUntil(untilMs: Ms, stop?: () => boolean): RunOutcome {
    for (;;) {
      if (stop?.()) return { kind: "reached", steps: this.steps, atMs: this.nowMs() };
      const verdict = this.prepareNext(untilMs);
      if (verdict !== "go") return this.finish(verdict, untilMs);
      const result = this.fireNext();
      assert(!(result instanceof Promise), "an async event ran in the synchronous loop; use runUntilAsync");
    }
  }

  /** Like runUntil, but lets promise callbacks settle after every event (for code that works in microtasks). */
  async runUntilAsync(untilMs: Ms, stop?: () => boolean): Promise<RunOutcome> {
    await settle();
    for (;;) {
      if (stop?.()) return { kind: "reached", steps: this.steps, atMs: this.nowMs() };
      const verdict = this.prepareNext(untilMs);
      if (verdict !== "go") return this.finish(verdict, untilMs);
      await this.fireNext();
      await settle();
    }
  }

  /** Runs until nothing is queued, a stop condition holds, or a budget is exhausted. */
  run(stop?: () => boolean): RunOutcome {
    return this.runUntil(Number.POSITIVE_INFINITY, stop);
  }

  runAsync(stop?: () => boolean): Promise<RunOutcome> {
    return this.runUntilAsync(Number.POSITIVE_INFINITY, stop);
  }

  private prepareNext(untilMs: Ms): "go" | "empty" | "until" | BudgetName {
    this.dropCancelledHead();
    const next = this.queue.peek();
    if (!next) return "empty";
    if (next.atMs > untilMs) return "until";
    if (next.atMs > this.budgets.virtualTimeMsMax) return "virtual-time";
    if (this.steps >= this.budgets.stepsMax) return "steps";
    if (this.queue.length + this.cancelledKeys.length > queueLengthMax) return "queue-length";
    return "go";
  }

  private finish(verdict: "empty" | "until" | BudgetName, untilMs: Ms): RunOutcome {
    switch (verdict) {
      case "empty":
      case "until": {
        if (Number.isFinite(untilMs)) {
          if (untilMs > this.budgets.virtualTimeMsMax) {
            this.clock.advanceTo(Math.max(this.nowMs(), this.budgets.virtualTimeMsMax));
            return { kind: "budget-exceeded", budget: "virtual-time", steps: this.steps, atMs: this.nowMs() };
          }
          this.clock.advanceTo(Math.max(this.nowMs(), untilMs));
          return { kind: "reached", steps: this.steps, atMs: this.nowMs() };
        }
        return { kind: "quiescent", steps: this.steps, atMs: this.nowMs() };
      }
      case "steps":
      case "virtual-time":
      case "queue-length":
      case "connections":
        return { kind: "budget-exceeded", budget: verdict, steps: this.steps, atMs: this.nowMs() };
    }
  }

  private fireNext(): void | Promise<void> {
    const entry = this.queue.pop()!;
    this.live.delete(entry.id);
    this.clock.advanceTo(entry.atMs);
    this.steps++;
    if (entry.options.traced) {
      this.record(entry.options.actor, "timer.fire", { label: entry.options.label, tieBreak: entry.tieBreak });
    }
    return entry.run();
  }

  private dropCancelledHead(): void {
    this.cancelledKeys.dropBefore(this.queue.peek());
  }
}

// Captured at load so that fake timers installed later cannot intercept the settle step.
const realSetImmediate = globalThis.setImmediate;

/** Lets pending promise callbacks run. Macrotask boundaries drain the microtask queue completely. */
async function settle(): Promise<void> {
  for (let round = 0; round < 2 && round < settleRoundsMax; round++) {
    await new Promise<void>((resolve) => realSetImmediate(resolve));
  }
}
