// A small awaitable mailbox for one real WebSocket: incoming parsed frames queue up until a waiter takes the
// first one matching its predicate; a close wakes every waiter. Real timers only (sim/ may use them).

export interface ClosedInfo {
  readonly code: number;
  readonly reason: string;
  readonly atMs: number;
}

export type WaitResult = { readonly kind: "frame"; readonly frame: unknown; readonly atMs: number } | { readonly kind: "closed" } | { readonly kind: "timeout" };

interface Waiter {
  readonly matches: (frame: unknown) => boolean;
  readonly resolve: (result: WaitResult) => void;
  readonly timer: NodeJS.Timeout;
}

export class Inbox {
  private readonly queue: { frame: unknown; atMs: number }[] = [];
  private readonly waiters = new Set<Waiter>();
  closed: ClosedInfo | null = null;

  push(frame: unknown, atMs: number): void {
    for (const waiter of this.waiters) {
      if (waiter.matches(frame)) {
        this.settle(waiter, { kind: "frame", frame, atMs });
        return;
      }
    }
    this.queue.push({ frame, atMs });
  }

  markClosed(info: ClosedInfo): void {
    if (this.closed !== null) return;
    this.closed = info;
    for (const waiter of [...this.waiters]) this.settle(waiter, { kind: "closed" });
  }

  waitFor(matches: (frame: unknown) => boolean, timeoutMs: number): Promise<WaitResult> {
    const index = this.queue.findIndex((entry) => matches(entry.frame));
    if (index >= 0) {
      const [entry] = this.queue.splice(index, 1);
      if (entry !== undefined) return Promise.resolve({ kind: "frame", frame: entry.frame, atMs: entry.atMs });
    }
    if (this.closed !== null) return Promise.resolve({ kind: "closed" });
    return new Promise((resolve) => {
      const waiter: Waiter = {
        matches,
        resolve,
        timer: setTimeout(() => this.settle(waiter, { kind: "timeout" }), timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  waitForClose(timeoutMs: number): Promise<ClosedInfo | null> {
    return this.waitFor(() => false, timeoutMs).then(() => this.closed);
  }

  private settle(waiter: Waiter, result: WaitResult): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    waiter.resolve(result);
  }
}
