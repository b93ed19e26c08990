// The pairing store's persist journal: which records changed since the last persist, so persisting copies
// only those records into the on-disk snapshot instead of cloning the whole store per connect. The snapshot
// it keeps equals `structuredClone(store)` at every persist, key order included (a test proves it); a key
// deleted and re-added between two persists rebuilds that map's order from the live store.
// It is not the store: the store stays plain JSON-shaped data and knows nothing of this file.
import type { PairingStore } from "./pairing-store.ts";

type MapName = "pending" | "paired";

interface MapJournal {
  /** Keys whose record was written, mutated or deleted since the last persist. */
  readonly changed: Set<string>;
  /** Keys that were absent from the live map when written, in the order they were added. */
  readonly added: Set<string>;
  readonly deleted: Set<string>;
  /** A key was deleted and added again: the map's key order must be rebuilt from the live store. */
  reorder: boolean;
}

interface Journal {
  readonly snapshot: PairingStore;
  readonly pending: MapJournal;
  readonly paired: MapJournal;
}

const journals = new WeakMap<PairingStore, Journal>();

function emptyMapJournal(): MapJournal {
  return { changed: new Set(), added: new Set(), deleted: new Set(), reorder: false };
}

/** Call before writing `store[map][key]` (a new record or a replacement). */
export function noteWrite(store: PairingStore, map: MapName, key: string): void {
  const journal = journals.get(store)?.[map];
  if (!journal) return;
  if (!Object.hasOwn(store[map], key)) {
    if (journal.deleted.has(key)) journal.reorder = true;
    journal.added.add(key);
  }
  journal.changed.add(key);
}

/** Call when a record is mutated in place. */
export function noteMutation(store: PairingStore, map: MapName, key: string): void {
  journals.get(store)?.[map].changed.add(key);
}

/** Call before deleting `store[map][key]`. */
export function noteDelete(store: PairingStore, map: MapName, key: string): void {
  const journal = journals.get(store)?.[map];
  if (!journal) return;
  journal.deleted.add(key);
  journal.changed.add(key);
}

/**
 * The store as it is now, for a `persist` output: the first call clones it whole, later calls copy only the
 * changed records into the same snapshot object (so an earlier persist output sees later changes: only the
 * latest persisted store is meant to be read, as only the latest file is on disk).
 */
export function persistedSnapshot(store: PairingStore): PairingStore {
  const journal = journals.get(store);
  if (!journal) {
    const snapshot = structuredClone(store);
    journals.set(store, { snapshot, pending: emptyMapJournal(), paired: emptyMapJournal() });
    return snapshot;
  }
  applyMap(store.pending, journal.snapshot.pending, journal.pending);
  applyMap(store.paired, journal.snapshot.paired, journal.paired);
  return journal.snapshot;
}

function applyMap<T>(live: Record<string, T>, snap: Record<string, T>, journal: MapJournal): void {
  if (journal.reorder) {
    const rebuilt: Record<string, T> = {};
    for (const key of Object.keys(live)) rebuilt[key] = journal.changed.has(key) ? structuredClone(live[key]!) : snap[key]!;
    for (const key of Object.keys(snap)) delete snap[key];
    Object.assign(snap, rebuilt);
  } else {
    for (const key of journal.changed) {
      if (!Object.hasOwn(live, key)) delete snap[key];
      else if (Object.hasOwn(snap, key)) snap[key] = structuredClone(live[key]!);
    }
    for (const key of journal.added) if (Object.hasOwn(live, key)) snap[key] = structuredClone(live[key]!);
  }
  // (clear() builds a new table even for an empty set; most persists change nothing)
  if (journal.changed.size > 0) journal.changed.clear();
  if (journal.added.size > 0) journal.added.clear();
  if (journal.deleted.size > 0) journal.deleted.clear();
  journal.reorder = false;
}
