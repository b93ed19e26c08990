// Seed 001 (#28305 "device-auth v2 migration diagnostics"): legacy clients that sign the wrong payload,
// skip or reuse the challenge nonce, sign with an old timestamp, present a wrong device id or a bad key. Under
// 2026.3 every device-proof failure names itself with a DEVICE_AUTH_* detail code and reason; under S-Feb the
// same failures come back without any details. Either way a real client keeps reconnecting: device-proof
// errors are not pause codes.
import { describe, expect, it } from "vitest";
import { op } from "../../src/host/index.ts";
import type { Attempt, DeviceSpec, Outcome, World } from "../../src/world/index.ts";
import { addGatewayMachine, clientEvents, count, gatewayHostAddress, gatewayPort, identity, newWorld, tokenConfig } from "./story.ts";

const seedHex = (n: number) => Buffer.from(new Uint8Array(32).fill(n)).toString("hex");
const remoteUrl = `ws://${gatewayHostAddress}:${gatewayPort}`;

/** The legacy client, as the migration table describes it (a remote connect: the nonce is mandatory). */
const legacy: Record<string, { device: Partial<DeviceSpec>; message: string; code: string; reason: string }> = {
  "signs without waiting for the challenge (blank nonce)": { device: { nonce: "blank" }, message: "device nonce required", code: "DEVICE_AUTH_NONCE_REQUIRED", reason: "device-nonce-missing" },
  "echoes a stale nonce": { device: { nonce: "stale" }, message: "device nonce mismatch", code: "DEVICE_AUTH_NONCE_MISMATCH", reason: "device-nonce-mismatch" },
  "signs the pre-nonce v1 payload": { device: { payloadVersion: "v1" }, message: "device signature invalid", code: "DEVICE_AUTH_SIGNATURE_INVALID", reason: "device-signature" },
  "signs with another key": { device: { otherKeySeed: seedHex(9) }, message: "device signature invalid", code: "DEVICE_AUTH_SIGNATURE_INVALID", reason: "device-signature" },
  "signs with a 20-minute-old signedAt": { device: { signedAtOffsetMs: -20 * 60_000 }, message: "device signature expired", code: "DEVICE_AUTH_SIGNATURE_EXPIRED", reason: "device-signature-stale" },
  "presents a wrong device id": { device: { idOverride: "f".repeat(64) }, message: "device identity mismatch", code: "DEVICE_AUTH_DEVICE_ID_MISMATCH", reason: "device-id-mismatch" },
  // A key that does not decode never reaches check (f): the device id cannot be derived from it first.
  "presents a garbage public key": { device: { publicKeyFormat: "garbage" }, message: "device identity mismatch", code: "DEVICE_AUTH_DEVICE_ID_MISMATCH", reason: "device-id-mismatch" },
};

function gatewayWorld(profileName: string): World {
  const world = newWorld(profileName);
  addGatewayMachine(world, { config: tokenConfig("T1") });
  world.addHost({ name: "laptop", kind: "lan" });
  world.operator("gw", op.gatewayInstall());
  world.runFor(world.profile.gateway.startupUnavailableMs ?? 0);
  return world;
}

function legacyConnect(world: World, name: string, device: Partial<DeviceSpec>, from: { host: string; url: string } = { host: "laptop", url: remoteUrl }): Outcome {
  const attempt: Attempt = {
    name,
    probe: name,
    connect: { params: { minProtocol: 3, maxProtocol: 3, client: { id: "cli", version: "dev", platform: "linux", mode: "cli" }, role: "operator", scopes: ["operator.admin"], auth: { token: "{{gatewayToken}}" } } },
    device: { identitySeed: seedHex(3), payloadVersion: "v2", ...device },
  };
  const handle = world.attempt({ fromHost: from.host, url: from.url, port: gatewayPort, gatewayToken: "T1", attempt });
  world.runUntil(() => handle.outcome !== undefined, 30_000);
  expect(handle.outcome).toBeDefined();
  return handle.outcome!;
}

describe("seed 001: DEVICE_AUTH_* migration diagnostics", () => {
  for (const [what, expected] of Object.entries(legacy)) {
    it(`a legacy client that ${what}: 2026.3 names ${expected.code}; S-Feb says only "${expected.message}"`, () => {
      const mar = legacyConnect(gatewayWorld("2026.3"), what, expected.device);
      expect(mar.response?.ok).toBe(false);
      expect(mar.response?.error).toMatchObject({ code: "INVALID_REQUEST", message: expected.message, details: { code: expected.code, reason: expected.reason } });
      expect(mar.close).toMatchObject({ code: 1008, reason: expected.message, by: "server" });
      const feb = legacyConnect(gatewayWorld("2026.2.13"), what, expected.device);
      expect(feb.response?.error).toMatchObject({ code: "INVALID_REQUEST", message: expected.message });
      expect(feb.response?.error?.details).toBeUndefined();
      expect(feb.close).toMatchObject({ code: 1008, reason: expected.message });
    });
  }

  it("a device without any nonce property: the schema refuses it from 2026.2.22 on; before, the nonce check does (no DEVICE_AUTH_* code)", () => {
    const mar = legacyConnect(gatewayWorld("2026.3"), "no nonce", { nonce: "omit" });
    expect(mar.response?.error?.message).toBe("invalid connect params: at /device: must have required property 'nonce'");
    expect(mar.response?.error?.details).toBeUndefined();
    // 2026.2.17's schema (the release nearest 2026.2.13) leaves device.nonce optional; a remote client then meets
    // the nonce check, answered without a detail code in February.
    const feb = legacyConnect(gatewayWorld("2026.2.13"), "no nonce", { nonce: "omit" });
    expect(feb.response?.error?.message).toBe("device nonce required");
    expect(feb.response?.error?.details).toBeUndefined();
  });

  // The S-Mar suite kept it optional on loopback too; openclaw@2026.3.13 (the 2026.3 profile) requires it, as 2026.4 does.
  it("on loopback the nonce is optional up to 2026.2.17: a blank-nonce v1 signer pairs there, not under 2026.3 or 2026.4", () => {
    const local = { host: "gw", url: `ws://127.0.0.1:${gatewayPort}` };
    const feb = legacyConnect(gatewayWorld("2026.2.17"), "loopback v1", { nonce: "blank", payloadVersion: "v1" }, local);
    expect(feb.response?.ok).toBe(true);
    for (const name of ["2026.3", "2026.4"]) {
      const later = legacyConnect(gatewayWorld(name), "loopback v1", { nonce: "blank", payloadVersion: "v1" }, local);
      expect(later.response?.error?.details, name).toMatchObject({ code: "DEVICE_AUTH_NONCE_REQUIRED", reason: "device-nonce-missing" });
    }
  });

  describe("a running legacy client keeps reconnecting: device-proof failures are not pause codes", () => {
    const runFor = 120_000;
    function legacyClient(profileName: string, fault: "wrong-device-id" | "old-clock"): World {
      const world = gatewayWorld(profileName);
      const good = identity(3);
      const presented = fault === "wrong-device-id" ? { ...good, deviceId: identity(4).deviceId } : good;
      if (fault === "old-clock") world.skewClock("laptop", -20 * 60_000);
      world.addClient({ name: "legacy", host: "laptop", client: { kind: "backend", url: remoteUrl, identity: presented, passiveToken: "T1" } });
      world.runFor(runFor);
      return world;
    }
    const cases = [
      { fault: "wrong-device-id", code: "DEVICE_AUTH_DEVICE_ID_MISMATCH", message: "device identity mismatch" },
      { fault: "old-clock", code: "DEVICE_AUTH_SIGNATURE_EXPIRED", message: "device signature expired" },
    ] as const;
    for (const c of cases) {
      it(`${c.fault}: 2026.3 reports ${c.code} on every attempt and never pauses; S-Feb the same without the code`, () => {
        const mar = legacyClient("2026.3", c.fault);
        const errors = clientEvents(mar, "legacy", "connect-error");
        // 1, 2, 4, 8, 16, 30, 30 s backoff: 8 attempts in two minutes.
        expect(count(mar, "legacy", "connect-attempt")).toBe(8);
        expect(new Set(errors.map((e) => e.data["detailCode"]))).toEqual(new Set([c.code]));
        expect(count(mar, "legacy", "paused")).toBe(0);
        expect(mar.client("legacy").state.lifecycle).toBe("running");
        const feb = legacyClient("2026.2.13", c.fault);
        const febErrors = clientEvents(feb, "legacy", "connect-error");
        expect(count(feb, "legacy", "connect-attempt")).toBe(8);
        expect(new Set(febErrors.map((e) => e.data["message"]))).toEqual(new Set([c.message]));
        expect(febErrors.every((e) => e.data["detailCode"] === null)).toBe(true);
      });
    }
  });
});
