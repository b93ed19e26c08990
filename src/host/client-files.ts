// The files a CLI/TUI/node client keeps on its machine (§3.1, §6.5): the device identity
// (`~/.openclaw/identity/device.json`) and the device-auth token store (`device-auth.json`), with the pure
// load/store/clear rules of the real store and file-level faults (lost, stale, copied to another machine).
// Key generation is not here (crypto's job); this module only holds the values. Browser storage is in
// browser-storage.ts.
import { assert, assertNever } from "../kernel/index.ts";

export const deviceIdentityPath = "~/.openclaw/identity/device.json";
export const deviceAuthPath = "~/.openclaw/identity/device-auth.json";

export interface DeviceIdentityFile {
  readonly version: 1;
  readonly deviceId: string;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
  readonly createdAtMs: number;
}

export interface DeviceAuthEntry {
  readonly token: string;
  readonly role: string;
  readonly scopes: readonly string[];
  readonly updatedAtMs: number;
}

export interface DeviceAuthStore {
  readonly version: 1;
  readonly deviceId: string;
  readonly tokens: Readonly<Record<string, DeviceAuthEntry>>;
}

/** What one client profile keeps on disk; `null` = the file does not exist. */
export interface ClientFiles {
  readonly identity: DeviceIdentityFile | null;
  readonly deviceAuth: DeviceAuthStore | null;
}

export const emptyClientFiles: ClientFiles = Object.freeze({ identity: null, deviceAuth: null });

/**
 * Token scope normalisation (`normalizeDeviceAuthScopes`): trim, drop blanks, dedupe, `operator.admin` adds
 * read + write, `operator.write` adds read, sorted.
 */
export function normalizeDeviceAuthScopes(scopes: readonly string[] | undefined): string[] {
  const out = new Set<string>();
  for (const scope of scopes ?? []) {
    const trimmed = scope.trim();
    if (trimmed.length > 0) out.add(trimmed);
  }
  if (out.has("operator.admin")) {
    out.add("operator.read");
    out.add("operator.write");
  } else if (out.has("operator.write")) {
    out.add("operator.read");
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function normalizeRole(role: string): string {
  return role.trim();
}

/** The stored entry for (deviceId, role); a store written for another device id is ignored. */
export function loadDeviceAuthToken(store: DeviceAuthStore | null, deviceId: string, role: string): DeviceAuthEntry | null {
  if (!store || store.deviceId !== deviceId) return null;
  const entry = store.tokens[normalizeRole(role)];
  return entry && typeof entry.token === "string" ? entry : null;
}

/** Replace the role's entry; a store that belonged to another device id starts over empty. */
export function storeDeviceAuthToken(
  store: DeviceAuthStore | null,
  params: { deviceId: string; role: string; token: string; scopes?: readonly string[]; nowMs: number },
): DeviceAuthStore {
  assert(params.deviceId.length > 0, "deviceId must not be empty");
  const role = normalizeRole(params.role);
  assert(role.length > 0, "role must not be blank");
  const kept = store && store.deviceId === params.deviceId ? store.tokens : {};
  const entry: DeviceAuthEntry = {
    token: params.token,
    role,
    scopes: normalizeDeviceAuthScopes(params.scopes),
    updatedAtMs: params.nowMs,
  };
  return { version: 1, deviceId: params.deviceId, tokens: { ...kept, [role]: entry } };
}

/** Remove the role's entry; another device's store, or no entry, leaves the store as it was. */
export function clearDeviceAuthToken(store: DeviceAuthStore | null, deviceId: string, role: string): DeviceAuthStore | null {
  const r = normalizeRole(role);
  if (!store || store.deviceId !== deviceId || !(r in store.tokens)) return store;
  const { [r]: _removed, ...rest } = store.tokens;
  return { ...store, tokens: rest };
}

// ---- file faults --------------------------------------------------------------------------------------------

export type ClientFileFault =
  /** The identity file is gone: the next start makes a new key pair and so a new device id. */
  | { kind: "lose-identity" }
  /** The token store is gone: the client falls back to shared credentials and pairs again. */
  | { kind: "lose-device-auth" }
  /** An older copy of the store comes back (restore from backup, a sync conflict): it keeps an old token. */
  | { kind: "stale-device-auth"; previous: DeviceAuthStore | null };

export function applyClientFileFault(files: ClientFiles, fault: ClientFileFault): ClientFiles {
  switch (fault.kind) {
    case "lose-identity":
      return { ...files, identity: null };
    case "lose-device-auth":
      return { ...files, deviceAuth: null };
    case "stale-device-auth":
      return { ...files, deviceAuth: fault.previous };
    default:
      return assertNever(fault, "client file fault");
  }
}

/**
 * Copy a client's files to another machine (a cloned VM, a copied home directory): both now present the same
 * device id and hold the same tokens. `which` picks the files copied.
 */
export function copyClientFiles(from: ClientFiles, to: ClientFiles, which: "identity" | "device-auth" | "both"): ClientFiles {
  return {
    identity: which === "device-auth" ? to.identity : from.identity,
    deviceAuth: which === "identity" ? to.deviceAuth : from.deviceAuth,
  };
}
