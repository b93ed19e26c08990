// Event queue: a binary heap ordered by (time, seeded tie-break, insertion sequence). O(log n) push and pop.
import { assert } from "./assert.ts";
import { queueLengthHardMax } from "./limits.ts";
import type { Ms } from "./clock.ts";

/** What orders an event in the queue. */
export interface QueuedKey {
  readonly atMs: Ms;
  /** Drawn from the scheduler's stream; orders events due at the same instant. */
  readonly tieBreak: number;
  readonly seq: number;
}

export interface QueuedEvent<T> extends QueuedKey {
  readonly item: T;
}

function before(a: QueuedKey, b: QueuedKey): boolean {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs;
  if (a.tieBreak !== b.tieBreak) return a.tieBreak < b.tieBreak;
  return a.seq < b.seq;
}

/** The heap over any record that carries its own key (the scheduler's entries do, so one object per event). */
export class KeyedQueue<E extends QueuedKey> {
  private readonly heap: E[] = [];

  get length(): number {
    return this.heap.length;
  }

  push(event: E): void {
    assert(this.heap.length < queueLengthHardMax, "event queue overflow");
    const heap = this.heap;
    // Sift up by moving parents down into the hole, then place the event once.
    let i = heap.length;
    heap.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(event, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
  }

  peek(): E | undefined {
    return this.heap[0];
  }

  pop(): E | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      // Sift the last event down from the root, moving the smaller child up into the hole.
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && before(heap[r]!, heap[l]!) ? r : l;
        const child = heap[m]!;
        if (!before(child, last)) break;
        heap[i] = child;
        i = m;
      }
      heap[i] = last;
    }
    return top;
  }
}

/** A queue of items with their keys alongside. */
export class EventQueue<T> extends KeyedQueue<QueuedEvent<T>> {}
