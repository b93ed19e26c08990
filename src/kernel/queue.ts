// Event queue: a binary heap ordered by (time, seeded tie-break, insertion sequence). O(log n) push and pop.
import { assert } from "./assert.ts";
import { queueLengthHardMax } from "./limits.ts";
import type { Ms } from "./clock.ts";

export interface QueuedEvent<T> {
  readonly atMs: Ms;
  /** Drawn from the scheduler's stream; orders events due at the same instant. */
  readonly tieBreak: number;
  readonly seq: number;
  readonly item: T;
}

function before<T>(a: QueuedEvent<T>, b: QueuedEvent<T>): boolean {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs;
  if (a.tieBreak !== b.tieBreak) return a.tieBreak < b.tieBreak;
  return a.seq < b.seq;
}

export class EventQueue<T> {
  private readonly heap: QueuedEvent<T>[] = [];

  get length(): number {
    return this.heap.length;
  }

  push(event: QueuedEvent<T>): void {
    assert(this.heap.length < queueLengthHardMax, "event queue overflow");
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  peek(): QueuedEvent<T> | undefined {
    return this.heap[0];
  }

  pop(): QueuedEvent<T> | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}
