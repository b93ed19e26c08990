// A string-keyed table for per-connection state (wires, routes, sockets, keyed timers): a null-prototype object
// in dictionary mode behind a Map-like surface. Why not a Map: a Map that keeps gaining and losing entries
// re-allocates its hash table every few operations and V8 links each retired table to its successor, so once a
// retired table has been promoted every scavenge promotes the chain made since and the connections it still
// references (see id-table.ts). A dictionary object re-allocates only to grow or shrink, and keeps no such link.
import { assert } from "./assert.ts";

export class Dict<V> {
  private entries: Record<string, V> = Object.create(null) as Record<string, V>;
  private count = 0;

  get size(): number {
    return this.count;
  }

  get(key: string): V | undefined {
    return this.entries[key];
  }

  has(key: string): boolean {
    return this.entries[key] !== undefined;
  }

  /**
   * Adds or replaces; `value` must not be undefined. A key must not start with a digit: an object lists
   * array-index keys first, and iteration here must be in insertion order, as a Map's is.
   */
  set(key: string, value: V): void {
    const code = key.charCodeAt(0);
    assert(!(code >= 48 && code <= 57) && value !== undefined, "a dict key starts with a non-digit and its value is defined");
    if (this.entries[key] === undefined) this.count++;
    this.entries[key] = value;
  }

  delete(key: string): boolean {
    if (this.entries[key] === undefined) return false;
    delete this.entries[key];
    this.count--;
    return true;
  }

  clear(): void {
    this.entries = Object.create(null) as Record<string, V>;
    this.count = 0;
  }

  /** In insertion order (a key deleted and set again counts as new), as a Map's forEach. Deleting while iterating is allowed. */
  forEach(visit: (value: V, key: string) => void): void {
    for (const key in this.entries) {
      const value = this.entries[key];
      if (value !== undefined) visit(value, key);
    }
  }

  /** The values in insertion order, as an array (a snapshot). */
  values(): V[] {
    const out: V[] = [];
    for (const key in this.entries) out.push(this.entries[key]!);
    return out;
  }
}
