// The device-auth file as an `openclaw` release's client sees it through node:fs: releases before the client
// package (no hostDeps) read and write `<state dir>/identity/device-auth.json` themselves. The fake node:fs of
// sim/real-client (fake-fs.mjs) serves that path from the accessor bound here, which the real client node binds
// whenever it runs code of its client (start, reconnect, socket events). Not the fake fs; not the client.
import { parseJsonObject } from "../kernel/index.ts";
import type { DeviceAuthFile } from "./client-node.ts";

/** Where fake-fs.mjs looks for the accessor (shared through globalThis: the hook's module is not ours). */
const registryKey = Symbol.for("clawsim.real-client.device-auth-file");

export interface SimulatedFileAccess {
  /** The file's text, or undefined when it does not exist. */
  read(): string | undefined;
  write(text: string): void;
  remove(): void;
}

/** The device-auth file, plus the device identity file (`identity/device.json`) 2026.2.x clients load. */
export interface DeviceAuthFileAccess extends SimulatedFileAccess {
  readonly identityFile: SimulatedFileAccess;
}

interface Registry {
  current: DeviceAuthFileAccess | undefined;
}

function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  g[registryKey] ??= { current: undefined };
  return g[registryKey];
}

/** The device-auth file node:fs reads and writes from now until another client binds its own. */
export function bindDeviceAuthFile(access: DeviceAuthFileAccess | undefined): void {
  registry().current = access;
}

/** The file's text in the store format those releases write (version 1, deviceId, tokens by role). */
export function deviceAuthFileText(file: DeviceAuthFile): string | undefined {
  if (file.corrupt) return "{ not json";
  if (file.deviceId === undefined) return undefined;
  const tokens = Object.fromEntries(Object.entries(file.tokens).map(([role, t]) => [role, { token: t.token, role, scopes: [...t.scopes], updatedAtMs: 0 }]));
  return `${JSON.stringify({ version: 1, deviceId: file.deviceId, tokens }, null, 2)}\n`;
}

export type DeviceAuthChange = { kind: "store"; deviceId: string; role: string; token: string; scopes: readonly string[] } | { kind: "clear"; deviceId: string; role: string };

/** The identity file in the format those releases read (version 1, deviceId, both PEMs). */
export function deviceIdentityFileText(identity: { deviceId: string; publicKeyPem: string; privateKeyPem: string }): string {
  return `${JSON.stringify({ version: 1, deviceId: identity.deviceId, publicKeyPem: identity.publicKeyPem, privateKeyPem: identity.privateKeyPem, createdAtMs: 0 }, null, 2)}\n`;
}

/** The store/clear changes that turn `file` into what `text` says (undefined when the text is not a store). */
export function deviceAuthChanges(file: DeviceAuthFile, text: string): DeviceAuthChange[] | undefined {
  const parsed = parseJsonObject(text);
  if (parsed === undefined) return undefined;
  const store = parsed as { deviceId?: unknown; tokens?: unknown };
  if (typeof store.deviceId !== "string" || store.tokens === null || typeof store.tokens !== "object") return undefined;
  const deviceId = store.deviceId;
  const next = store.tokens as Record<string, { token?: unknown; scopes?: unknown }>;
  const before = file.deviceId === deviceId ? file.tokens : {};
  const changes: DeviceAuthChange[] = [];
  for (const [role, entry] of Object.entries(next)) {
    if (typeof entry?.token !== "string") continue;
    const scopes = Array.isArray(entry.scopes) ? entry.scopes.filter((s): s is string => typeof s === "string") : [];
    const old = before[role];
    if (old && old.token === entry.token && JSON.stringify(old.scopes) === JSON.stringify(scopes) && file.deviceId === deviceId) continue;
    changes.push({ kind: "store", deviceId, role, token: entry.token, scopes });
  }
  for (const role of Object.keys(before)) if (typeof next[role]?.token !== "string") changes.push({ kind: "clear", deviceId, role });
  return changes;
}
