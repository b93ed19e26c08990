// A client process's life on its host: force-stop (SIGKILL), relaunch (quit, then a new process that reads
// its files afresh), upgrade (relaunch with another release's client switches), and its files: the
// device-auth file deleted or corrupted (a reader then sees no store, as loadDeviceAuthStore returns null), the
// identity file deleted, corrupted or regenerated (the next launch creates a new key pair: a new device id, so
// tokens stored for the old id are ignored). Two clients of one user on one host share one device-auth file;
// with different identities each write replaces the other's entries (storeDeviceAuthToken starts fresh when
// the stored deviceId differs). Not the reducer (src/clients) nor the files' text (src/host/client-files.ts).
import { identityFromSeed, type DeviceIdentity } from "../crypto/index.ts";
import type { ClientOptions } from "../clients/index.ts";
import type { ClientSwitches } from "../profiles/index.ts";
import { ClientNode, type DeviceAuthFile } from "./client-node.ts";
import type { World } from "./world.ts";

/** What a relaunch may change: the release (switches), the version string, the identity. */
export interface RelaunchChange {
  readonly switches?: ClientSwitches;
  readonly clientVersion?: string;
  readonly identity?: DeviceIdentity | null;
}

/** SIGKILL: no close frame; the gateway sees the socket reset (1006). */
export function forceStopClient(world: World, name: string): void {
  const node = world.client(name);
  node.kill();
  world.scheduler.record(name, "client", { event: "process.kill" });
}

/** Quit (close 1000 when connected, unless already killed) and start a new process with the same options. */
export function relaunchClient(world: World, name: string, change: RelaunchChange = {}): ClientNode {
  const old = world.client(name);
  if (!old.killed) {
    old.stop();
    old.kill();
  }
  const file = old.options.file;
  const { storedTokens, ...rest } = old.options.client;
  const client: ClientOptions = { ...rest, ...change, ...(storedTokens && !file.seedDropped ? { storedTokens } : {}) };
  const node = new ClientNode(world.scheduler, world.network, { ...old.options, client });
  world.clients.set(name, node);
  world.scheduler.record(name, "client", { event: "process.relaunch", ...relaunchRecord(change) });
  node.start();
  return node;
}

function relaunchRecord(change: RelaunchChange): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (change.clientVersion !== undefined) out["clientVersion"] = change.clientVersion;
  if (change.identity !== undefined) out["deviceId"] = change.identity?.deviceId ?? null;
  if (change.switches !== undefined) out["switchesChanged"] = true;
  return out;
}

/** The device-auth file a client reads (its host and user). */
export function deviceAuthFileOf(world: World, name: string): DeviceAuthFile {
  return world.client(name).options.file;
}

/** `rm ~/.openclaw/identity/device-auth.json`: running clients keep what they loaded; the next read sees nothing. */
export function deleteDeviceAuthFile(world: World, name: string): void {
  const file = deviceAuthFileOf(world, name);
  file.tokens = {};
  file.deviceId = undefined;
  file.corrupt = false;
  file.seedDropped = true;
  world.scheduler.record(name, "host", { event: "device-auth.delete" });
}

/** The file is unparseable (a torn write, a bad hand edit): readers see no store until a write replaces it. */
export function corruptDeviceAuthFile(world: World, name: string): void {
  const file = deviceAuthFileOf(world, name);
  file.corrupt = true;
  file.seedDropped = true;
  world.scheduler.record(name, "host", { event: "device-auth.corrupt" });
}

/**
 * The identity file deleted, corrupted or regenerated: the next launch creates a fresh key pair (from the
 * world's seeded stream `identity:<client>`), so the device id changes. Relaunches the client.
 */
export function regenerateIdentity(world: World, name: string, why: "deleted" | "corrupted" | "regenerated"): DeviceIdentity {
  const identity = identityFromSeed(world.scheduler.stream(`identity:${name}`).bytes(32));
  world.scheduler.record(name, "host", { event: `identity.${why}`, deviceId: identity.deviceId });
  relaunchClient(world, name, { identity });
  return identity;
}

/** Whether the client's device-auth file holds a token for `role` for the client's own identity. */
export function storedTokenPresent(world: World, name: string, role = "operator"): boolean {
  const node = world.client(name);
  const file = node.options.file;
  const deviceId = node.state.config.identity?.deviceId;
  if (file.corrupt || deviceId === undefined) return false;
  if (file.deviceId === undefined) return !file.seedDropped && node.options.client.storedTokens?.[role] !== undefined;
  return file.deviceId === deviceId && file.readable()[role] !== undefined;
}

/** How many times a token for `role` was written to the client's device-auth file (2+ = reissued). */
export function storedTokenWrites(world: World, name: string, role = "operator"): number {
  return deviceAuthFileOf(world, name).writes.get(role) ?? 0;
}
