// A table from positive integer ids to values (the scheduler's live timers, the network's per-connection tables),
// in two flat arrays with open addressing. Why not a Map: a Map that keeps gaining and losing entries re-allocates
// its hash table every few operations, and V8 links each retired table to its successor; once one retired table has
// been promoted to the old generation, every scavenge promotes the whole chain of tables made since, and the values
// they still reference. This table allocates only when it grows and never links old arrays to new ones.
import { assert } from "./assert.ts";

const capacityInitial = 64;

export class IdTable<V> {
  /** 0 marks an empty slot (ids are ≥ 1). */
  private keys = new Float64Array(capacityInitial);
  private vals: (V | undefined)[] = new Array<V | undefined>(capacityInitial).fill(undefined);
  private shift = 32 - Math.log2(capacityInitial);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Fibonacci hashing: the top bits of id × 2^32/φ (ids are consecutive integers, so the low bits alone would cluster). */
  private home(id: number): number {
    return Math.imul(id, 0x9e3779b1) >>> this.shift;
  }

  get(id: number): V | undefined {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = this.home(id); ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === id) return this.vals[i];
      if (k === 0) return undefined;
    }
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  /** Adds or replaces; `value` must not be undefined. */
  set(id: number, value: V): void {
    assert(Number.isSafeInteger(id) && id >= 1 && value !== undefined, "an id table holds positive integer ids and defined values");
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = this.home(id); ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === id) {
        this.vals[i] = value;
        return;
      }
      if (k === 0) {
        keys[i] = id;
        this.vals[i] = value;
        this.count++;
        return;
      }
    }
  }

  /** Removes `id`; true if it was there. Later entries of its probe run shift back (no tombstones). */
  delete(id: number): boolean {
    // 0 (connSerial's "not a connection id") would match the first empty slot of its run.
    if (id < 1) return false;
    const keys = this.keys;
    const vals = this.vals;
    const mask = keys.length - 1;
    let i = this.home(id);
    for (; ; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === id) break;
      if (k === 0) return false;
    }
    // Backward-shift deletion: move up every later entry of the run whose home is not in (i, j].
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const k = keys[j]!;
      if (k === 0) break;
      const h = this.home(k);
      const stays = i <= j ? i < h && h <= j : i < h || h <= j;
      if (stays) continue;
      keys[i] = k;
      vals[i] = vals[j];
      i = j;
    }
    keys[i] = 0;
    vals[i] = undefined;
    this.count--;
    return true;
  }

  /** A snapshot of the values, in slot order (fixed by the ids present, not by insertion). */
  values(): V[] {
    const out: V[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) out.push(this.vals[i]!);
    return out;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const capacity = oldKeys.length * 2;
    this.keys = new Float64Array(capacity);
    this.vals = new Array<V | undefined>(capacity).fill(undefined);
    this.shift--;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.set(oldKeys[i]!, oldVals[i]!);
  }
}
