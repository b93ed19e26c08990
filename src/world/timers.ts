// Keyed timers for a reducer: `timer-set key` replaces a pending timer with the same key, `timer-cancel` drops
// it. The reducer gets a `timer` input when it fires. Not a clock: the scheduler owns time.
import type { Scheduler, TimerId } from "../kernel/index.ts";

export class KeyedTimers {
  private readonly pending = new Map<string, TimerId>();
  constructor(
    private readonly scheduler: Scheduler,
    private readonly actor: string,
    private readonly fire: (key: string) => void,
  ) {}

  set(key: string, delayMs: number): void {
    this.cancel(key);
    const id = this.scheduler.schedule(Math.max(0, Math.round(delayMs)), { actor: this.actor, label: key, traced: true }, () => {
      this.pending.delete(key);
      this.fire(key);
    });
    this.pending.set(key, id);
  }

  cancel(key: string): void {
    const id = this.pending.get(key);
    if (id === undefined) return;
    this.scheduler.cancel(id);
    this.pending.delete(key);
  }

  cancelAll(): void {
    for (const id of this.pending.values()) this.scheduler.cancel(id);
    this.pending.clear();
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }
}
