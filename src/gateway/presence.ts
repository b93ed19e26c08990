// The gateway's presence list (`system-presence`, src/infra/system-presence.ts in the release): a self entry
// for the gateway, one entry per connected non-CLI client keyed by device id, else instance id, else connId,
// marked reason "connect" at hello and "disconnect" at close (kept, not removed), entries older than 5 min
// pruned and at most 200 kept (oldest dropped) when listed, newest first. Not modelled: the `presence`
// broadcast event, hello-ok's snapshot.presence (the model keeps it empty), 2026.9's per-recipient projection.
import type { Connection } from "./types.ts";

/** Entries untouched this long are pruned when the list is read (`TTL_MS`). */
export const presenceTtlMs = 5 * 60_000;
/** At most this many entries are kept (`MAX_ENTRIES`). */
export const presenceEntriesMax = 200;

export interface PresenceEntry {
  host?: string;
  ip?: string;
  version?: string;
  platform?: string;
  deviceFamily?: string;
  modelIdentifier?: string;
  mode?: string;
  reason?: string;
  deviceId?: string;
  roles?: string[];
  scopes?: string[];
  instanceId?: string;
  text: string;
  ts: number;
}

export type PresenceStore = Map<string, PresenceEntry>;

/** What hello-ok knows about the client (from its connect params). */
export interface PresenceConnect {
  readonly client: {
    readonly id: string;
    readonly displayName?: string;
    readonly version: string;
    readonly platform: string;
    readonly deviceFamily?: string;
    readonly modelIdentifier?: string;
    readonly mode: string;
    readonly instanceId?: string;
  };
  readonly role: string;
  readonly scopes: readonly string[];
  readonly deviceId: string | null;
}

/** `shouldTrackPresence`: CLI clients (client id `cli`) are never listed. */
export function tracksPresence(clientId: string): boolean {
  return clientId !== "cli";
}

/** The key a connection's entry lives under (`device?.id ?? instanceId ?? connId`, lower-cased and trimmed). */
export function presenceKeyFor(connect: PresenceConnect, connId: string): string | null {
  if (!tracksPresence(connect.client.id)) return null;
  return (connect.deviceId ?? connect.client.instanceId ?? connId).trim().toLowerCase() || null;
}

function mergeList(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] | undefined {
  const out = new Set<string>();
  for (const item of [...(a ?? []), ...(b ?? [])]) if (item.trim()) out.add(item.trim());
  return out.size > 0 ? [...out] : undefined;
}

/** `upsertPresence`: merge into the entry, union roles and scopes, stamp `ts`. */
export function upsertPresence(store: PresenceStore, key: string, update: Partial<PresenceEntry>, nowMs: number): void {
  const existing = store.get(key);
  const merged: PresenceEntry = {
    ...existing,
    ...update,
    text: update.text || existing?.text || `Node: ${update.host ?? existing?.host ?? "unknown"} · mode ${update.mode ?? existing?.mode ?? "unknown"}`,
    ts: nowMs,
  };
  const roles = mergeList(existing?.roles, update.roles);
  const scopes = mergeList(existing?.scopes, update.scopes);
  if (roles) merged.roles = roles;
  else delete merged.roles;
  if (scopes) merged.scopes = scopes;
  else delete merged.scopes;
  store.set(key, merged);
}

/** The entry written at hello-ok. The client's IP is listed only for non-local clients. */
export function presenceAtConnect(connect: PresenceConnect, conn: Connection): Partial<PresenceEntry> {
  const c = connect.client;
  const entry: Partial<PresenceEntry> = {
    host: c.displayName ?? c.id,
    version: c.version,
    platform: c.platform,
    mode: c.mode,
    roles: [connect.role],
    scopes: [...connect.scopes],
    reason: "connect",
  };
  if (!conn.isLocal) entry.ip = conn.clientIp;
  if (c.deviceFamily !== undefined) entry.deviceFamily = c.deviceFamily;
  if (c.modelIdentifier !== undefined) entry.modelIdentifier = c.modelIdentifier;
  if (connect.deviceId !== null) entry.deviceId = connect.deviceId;
  const instanceId = connect.deviceId ?? c.instanceId;
  if (instanceId !== undefined) entry.instanceId = instanceId;
  return entry;
}

/** The gateway's own entry (`initSelfPresence`), keyed by its host name. */
export function selfPresence(options: { host: string; version: string; nowMs: number }): [string, PresenceEntry] {
  const text = `Gateway: ${options.host} · app ${options.version} · mode gateway · reason self`;
  const entry: PresenceEntry = { host: options.host, version: options.version, mode: "gateway", reason: "self", text, ts: options.nowMs };
  return [options.host.toLowerCase(), entry];
}

/** `listSystemPresence`: prune stale entries, cap the size, refresh the self entry, newest first. */
export function listPresence(store: PresenceStore, self: { host: string; version: string }, nowMs: number): PresenceEntry[] {
  for (const [key, entry] of store) if (nowMs - entry.ts > presenceTtlMs) store.delete(key);
  if (store.size > presenceEntriesMax) {
    const oldest = [...store.entries()].sort((a, b) => a[1].ts - b[1].ts || (a[0] < b[0] ? -1 : 1));
    for (const [key] of oldest.slice(0, store.size - presenceEntriesMax)) store.delete(key);
  }
  const [selfKey, selfEntry] = selfPresence({ ...self, nowMs });
  const existing = store.get(selfKey);
  store.set(selfKey, existing ? { ...existing, ts: nowMs } : selfEntry);
  return [...store.values()].sort((a, b) => b.ts - a.ts);
}
