// A client process's life: force-stop, relaunch, upgrade, its device-auth and identity files deleted,
// corrupted, regenerated or shared by two writers; its own reconnect cadence; several clients on one IP.
import { describe, expect, it } from "vitest";
import {
  corruptDeviceAuthFile,
  deleteDeviceAuthFile,
  forceStopClient,
  openSessionsByDevice,
  pairingView,
  regenerateIdentity,
  relaunchClient,
  storedTokenPresent,
  storedTokenWrites,
  type World,
} from "../../src/world/index.ts";
import { count, identity, lastError, newWorld, profile } from "../seeds/story.ts";

const port = 18789;
const url = `ws://127.0.0.1:${port}`;

function gatewayWorld(name: string, config: Record<string, unknown> = {}): World {
  const world = newWorld(name);
  world.addHost({ name: "gw", kind: "lan", address: "192.0.2.50" });
  world.addGateway({ name: "gateway", host: "gw", port, config: { auth: { mode: "token", token: "T" }, ...config } });
  world.runFor((world.profile.gateway.startupUnavailableMs ?? 0) + 10);
  return world;
}

/** A device-signed backend on the gateway host, silently paired with the shared token, token stored. */
function pairedBackend(world: World, name = "svc", n = 1): void {
  world.addClient({ name, host: "gw", client: { kind: "tui", url, identity: identity(n), passiveToken: "T" } });
  world.runFor(2_000);
  expect(count(world, name, "hello")).toBe(1);
  expect(storedTokenPresent(world, name)).toBe(true);
}

describe("process lifecycle", () => {
  it("force-stop resets the socket: the gateway drops the session and the client does nothing more", () => {
    const world = gatewayWorld("2026.3");
    pairedBackend(world);
    const deviceId = identity(1).deviceId;
    expect(openSessionsByDevice(world.gateway("gateway")).get(deviceId)).toBe(1);
    forceStopClient(world, "svc");
    world.runFor(60_000);
    expect(openSessionsByDevice(world.gateway("gateway")).get(deviceId)).toBeUndefined();
    expect(count(world, "svc", "connect-attempt")).toBe(1);
  });

  it("relaunch reads the device-auth file afresh: the stored token is reissued on the next hello", () => {
    const world = gatewayWorld("2026.3");
    pairedBackend(world);
    const writes = storedTokenWrites(world, "svc");
    relaunchClient(world, "svc");
    world.runFor(2_000);
    expect(count(world, "svc", "hello")).toBe(2);
    expect(storedTokenWrites(world, "svc")).toBe(writes + 1);
  });

  it("upgrade: a 2026.3 client (protocol 3) cannot reach a 2026.9 gateway; relaunched with the 2026.9 client it connects", () => {
    const world = gatewayWorld("2026.9");
    world.addClient({ name: "tui", host: "gw", client: { kind: "tui", url, identity: identity(2), passiveToken: "T", switches: profile("2026.3").client } });
    world.runFor(5_000);
    expect(count(world, "tui", "hello")).toBe(0);
    expect(lastError(world, "tui")?.message).toContain("protocol mismatch");
    relaunchClient(world, "tui", { switches: profile("2026.9").client });
    world.runFor(5_000);
    expect(count(world, "tui", "hello")).toBe(1);
  });
});

describe("client files", () => {
  /** A client whose only credential is its stored device token (the shared token was never configured). */
  function tokenOnly(world: World): void {
    pairedBackend(world, "seed", 3);
    world.addClient({ name: "svc", host: "gw", client: { kind: "tui", url, identity: identity(3) } });
    world.client("seed").stop();
    world.runFor(2_000);
    expect(count(world, "svc", "hello")).toBe(1);
  }

  it("deleted device-auth file: the relaunched client has no credential left (flip: kept file reconnects)", () => {
    const kept = gatewayWorld("2026.3");
    tokenOnly(kept);
    relaunchClient(kept, "svc");
    kept.runFor(5_000);
    expect(count(kept, "svc", "hello")).toBe(2);
    const deleted = gatewayWorld("2026.3");
    tokenOnly(deleted);
    deleteDeviceAuthFile(deleted, "svc");
    expect(storedTokenPresent(deleted, "svc")).toBe(false);
    relaunchClient(deleted, "svc");
    deleted.runFor(5_000);
    expect(count(deleted, "svc", "hello")).toBe(1);
  });

  it("a corrupted device-auth file reads as empty until a write replaces it", () => {
    const world = gatewayWorld("2026.3");
    pairedBackend(world);
    corruptDeviceAuthFile(world, "svc");
    expect(storedTokenPresent(world, "svc")).toBe(false);
    relaunchClient(world, "svc");
    world.runFor(2_000);
    expect(count(world, "svc", "hello")).toBe(2);
    expect(storedTokenPresent(world, "svc")).toBe(true);
  });

  it("a regenerated identity is a new device: a second paired record, the old token ignored", () => {
    const world = gatewayWorld("2026.3");
    pairedBackend(world);
    const fresh = regenerateIdentity(world, "svc", "deleted");
    world.runFor(2_000);
    expect(fresh.deviceId).not.toBe(identity(1).deviceId);
    expect(pairingView(world.gateway("gateway")).paired.map((d) => d.deviceId).sort()).toEqual([identity(1).deviceId, fresh.deviceId].sort());
    expect(openSessionsByDevice(world.gateway("gateway")).get(fresh.deviceId)).toBe(1);
  });

  it("two writers with different identities in one file replace each other's entries", () => {
    const world = gatewayWorld("2026.3");
    pairedBackend(world, "a", 4);
    world.addClient({ name: "b", host: "gw", client: { kind: "tui", url, identity: identity(5), passiveToken: "T" } });
    world.runFor(2_000);
    expect(storedTokenPresent(world, "b")).toBe(true);
    expect(storedTokenPresent(world, "a")).toBe(false);
  });
});

describe("reconnect cadence and shared IPs", () => {
  it("a per-client reconnect policy overrides the release's backoff (fewer attempts while the gateway is down)", () => {
    const attempts = (policy?: { backoffInitialMs: number; backoffMaxMs: number }) => {
      const world = newWorld("2026.3");
      world.addHost({ name: "gw", kind: "lan", address: "192.0.2.50" });
      world.addClient({ name: "svc", host: "gw", client: { kind: "backend", url, identity: null, passiveToken: "T" }, ...(policy ? { reconnect: policy } : {}) });
      world.runFor(60_000);
      return count(world, "svc", "reconnect-scheduled");
    };
    const slow = attempts({ backoffInitialMs: 20_000, backoffMaxMs: 20_000 });
    expect(slow).toBeLessThanOrEqual(4);
    expect(attempts()).toBeGreaterThan(slow);
  });

  it("clients behind one IP share its limiter: a correct token is refused rate_limited after a neighbour's failures", () => {
    const world = gatewayWorld("2026.3", { auth: { mode: "token", token: "T", rateLimit: { maxAttempts: 2, windowMs: 60_000, lockoutMs: 300_000 } } });
    world.addHost({ name: "lan1", kind: "lan" });
    for (const n of [1, 2]) world.addClient({ name: `bad${n}`, host: "lan1", client: { kind: "backend", url: "ws://192.0.2.50:18789", identity: null, passiveToken: "wrong" } });
    world.runFor(3_000);
    world.addClient({ name: "good", host: "lan1", client: { kind: "backend", url: "ws://192.0.2.50:18789", identity: null, passiveToken: "T" } });
    world.runFor(1_000);
    expect(count(world, "good", "hello")).toBe(0);
    expect(lastError(world, "good")?.details).toMatchObject({ authReason: "rate_limited" });
  });
});
