// Event queue: a binary heap ordered by (time, seeded tie-break, insertion sequence), each entry knowing its index so
// it can be taken out from anywhere. O(log n) push, pop and remove.
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

function before(a: QueuedKey, b: QueuedKey): boolean {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs;
  if (a.tieBreak !== b.tieBreak) return a.tieBreak < b.tieBreak;
  return a.seq < b.seq;
}

/** A key that knows its place in an IndexedQueue's heap (-1 when not in it). */
export interface IndexedKey extends QueuedKey {
  heapIndex: number;
}

/** The heap of (time, tie-break, sequence) keys, each entry keeping its index, so it can be taken out in O(log n). */
export class IndexedQueue<E extends IndexedKey> {
  private readonly heap: E[] = [];

  get length(): number {
    return this.heap.length;
  }

  push(event: E): void {
    assert(this.heap.length < queueLengthHardMax, "event queue overflow");
    this.heap.push(event);
    this.up(this.heap.length - 1, event);
  }

  peek(): E | undefined {
    return this.heap[0];
  }

  pop(): E | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    this.removeAt(0);
    return top;
  }

  /** Takes `event` out of the heap (it must be in it). */
  remove(event: E): void {
    assert(this.heap[event.heapIndex] === event, "removing an event that is not queued");
    this.removeAt(event.heapIndex);
  }

  private removeAt(at: number): void {
    const heap = this.heap;
    const gone = heap[at]!;
    gone.heapIndex = -1;
    const last = heap.pop()!;
    if (at === heap.length) return;
    // The last entry fills the hole, then moves up or down to its place.
    if (at > 0 && before(last, heap[(at - 1) >> 1]!)) this.up(at, last);
    else this.down(at, last);
  }

  private up(from: number, event: E): void {
    const heap = this.heap;
    let i = from;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(event, p)) break;
      heap[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    heap[i] = event;
    event.heapIndex = i;
  }

  private down(from: number, event: E): void {
    const heap = this.heap;
    const n = heap.length;
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && before(heap[r]!, heap[l]!) ? r : l;
      const child = heap[m]!;
      if (!before(child, event)) break;
      heap[i] = child;
      child.heapIndex = i;
      i = m;
    }
    heap[i] = event;
    event.heapIndex = i;
  }
}

/**
 * Keys only (no entries), in typed arrays: the keys of cancelled events taken out of the scheduler's queue, kept
 * until the plain queue would have dropped them (when nothing live is before them), so the queue-length budget
 * counts exactly what a queue holding cancelled entries would hold.
 */
export class KeyHeap {
  private at = new Float64Array(1_024);
  private tie = new Uint32Array(1_024);
  private seq = new Float64Array(1_024);
  private n = 0;

  get length(): number {
    return this.n;
  }

  push(key: QueuedKey): void {
    if (this.n === this.at.length) this.grow();
    const { at, tie, seq } = this;
    const a = key.atMs;
    const t = key.tieBreak;
    const s = key.seq;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pa = at[parent]!;
      const pt = tie[parent]!;
      // Stop once the parent is before the new key (keys are unique by seq).
      if (pa !== a ? pa < a : pt !== t ? pt < t : seq[parent]! < s) break;
      at[i] = pa;
      tie[i] = pt;
      seq[i] = seq[parent]!;
      i = parent;
    }
    at[i] = a;
    tie[i] = t;
    seq[i] = s;
  }

  /** Drops every key before `bound`, or all of them when there is no bound. */
  dropBefore(bound: QueuedKey | undefined): void {
    while (this.n > 0 && (bound === undefined || this.topBefore(bound))) this.popTop();
  }

  private topBefore(b: QueuedKey): boolean {
    const a = this.at[0]!;
    if (a !== b.atMs) return a < b.atMs;
    const t = this.tie[0]!;
    if (t !== b.tieBreak) return t < b.tieBreak;
    return this.seq[0]! < b.seq;
  }

  private before(i: number, j: number): boolean {
    const { at, tie, seq } = this;
    if (at[i] !== at[j]) return at[i]! < at[j]!;
    if (tie[i] !== tie[j]) return tie[i]! < tie[j]!;
    return seq[i]! < seq[j]!;
  }

  private popTop(): void {
    const { at, tie, seq } = this;
    const n = --this.n;
    if (n === 0) return;
    // Move the last key to the root, then sift it down.
    at[0] = at[n]!;
    tie[0] = tie[n]!;
    seq[0] = seq[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && this.before(r, l) ? r : l;
      if (!this.before(m, i)) break;
      const ta = at[i]!;
      const tt = tie[i]!;
      const ts = seq[i]!;
      at[i] = at[m]!;
      tie[i] = tie[m]!;
      seq[i] = seq[m]!;
      at[m] = ta;
      tie[m] = tt;
      seq[m] = ts;
      i = m;
    }
  }

  private grow(): void {
    const size = this.at.length * 2;
    const at = new Float64Array(size);
    const tie = new Uint32Array(size);
    const seq = new Float64Array(size);
    at.set(this.at);
    tie.set(this.tie);
    seq.set(this.seq);
    this.at = at;
    this.tie = tie;
    this.seq = seq;
  }
}
