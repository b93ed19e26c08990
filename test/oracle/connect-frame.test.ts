import { createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";

import {
  type Attempt,
  type DeviceSpec,
  buildFrames,
  deviceTokenKey,
  type FrameContext,
  buildSignaturePayload,
  identityFromSeed,
  seedForName,
} from "../../sim/oracle/index.ts";

const ALICE = seedForName("alice");
const alice = identityFromSeed(ALICE);
const NOW_MS = 1_795_000_000_000;

function context(overrides: Partial<FrameContext> = {}): FrameContext {
  return {
    port: 4242,
    gatewayToken: "gw-secret",
    nonce: "nonce-now",
    staleNonce: "nonce-before",
    lastRequestId: null,
    identities: { alice: ALICE },
    deviceTokens: new Map([[deviceTokenKey(alice.deviceId, "operator"), "dev-tok-alice"]]),
    nowMs: NOW_MS,
    ...overrides,
  };
}

const client = { id: "cli", version: "1", platform: "Linux", mode: "cli" };

function connectWith(auth: Record<string, string> | undefined, device: DeviceSpec, scopes: string[] | null = ["operator.admin"]): Attempt {
  return {
    name: "t",
    probe: "t",
    connect: { params: { minProtocol: 4, maxProtocol: 4, client, role: "operator", ...(scopes === null ? {} : { scopes }), ...(auth ? { auth } : {}) } },
    device,
  };
}

function sentDevice(attempt: Attempt, ctx = context()): Record<string, unknown> {
  const built = buildFrames(attempt, ctx);
  return JSON.parse(built.connect ?? "null").params.device;
}

function verifies(device: Record<string, unknown>, payload: string): boolean {
  return verify(null, Buffer.from(payload), createPublicKey(alice.publicKeyPem), Buffer.from(String(device.signature), "base64url"));
}

function v3(overrides: { token?: string; nonce?: string; scopes?: string[] } = {}): string {
  return buildSignaturePayload({
    version: "v3",
    deviceId: alice.deviceId,
    clientId: "cli",
    clientMode: "cli",
    role: "operator",
    scopes: overrides.scopes ?? ["operator.admin"],
    signedAtMs: NOW_MS,
    token: overrides.token ?? "gw-secret",
    nonce: overrides.nonce ?? "nonce-now",
    platform: "Linux",
  });
}

describe("placeholders", () => {
  it("substitutes gateway token, device token, port and nonce, and reports what it cannot resolve", () => {
    const attempt: Attempt = {
      name: "p",
      probe: "p",
      preFrames: ["{{port}} {{nonce}} {{staleNonce}}"],
      connect: { params: { auth: { token: "{{gatewayToken}}", deviceToken: "{{deviceToken:alice}}" }, x: "{{deviceToken:bob}} {{lastRequestId}}" } },
    };
    const built = buildFrames(attempt, context());
    expect(built.preFrames).toEqual(["4242 nonce-now nonce-before"]);
    const params = JSON.parse(built.connect ?? "").params;
    expect(params.auth).toEqual({ token: "gw-secret", deviceToken: "dev-tok-alice" });
    expect(built.unresolved).toEqual(["{{deviceToken:bob}}", "{{lastRequestId}}"]);
    expect(built.connectId).toBe("connect-1");
  });

  it("names an identity's device id with {{deviceId:NAME}}, and leaves an unknown name unresolved", () => {
    const built = buildFrames({ name: "t", probe: "t", connect: { params: { a: "{{deviceId:alice}}", b: "{{deviceId:bob}}" } } }, context());
    const params = (JSON.parse(built.connect!) as { params: Record<string, unknown> }).params;
    expect(params["a"]).toBe(alice.deviceId);
    expect(built.unresolved).toEqual(["{{deviceId:bob}}"]);
  });

  it("keeps raw frames verbatim apart from placeholders", () => {
    const built = buildFrames({ name: "r", probe: "r", connect: { raw: '{"type":"req","id":"h1","method":"health","x":"{{port}}"}' } }, context());
    expect(built.connect).toBe('{"type":"req","id":"h1","method":"health","x":"4242"}');
    expect(built.connectId).toBe("h1");
  });
});

describe("device object", () => {
  it("signs v3 over the challenge nonce and the shared token by default", () => {
    const device = sentDevice(connectWith({ token: "{{gatewayToken}}" }, { identitySeed: ALICE, payloadVersion: "v3" }));
    expect(device).toMatchObject({ id: alice.deviceId, publicKey: alice.publicKeyBase64Url, signedAt: NOW_MS, nonce: "nonce-now" });
    expect(verifies(device, v3())).toBe(true);
  });

  it("falls back to the device token, then to an empty token, in the signed payload", () => {
    const withDeviceToken = sentDevice(connectWith({ deviceToken: "{{deviceToken:alice}}" }, { identitySeed: ALICE, payloadVersion: "v3" }));
    expect(verifies(withDeviceToken, v3({ token: "dev-tok-alice" }))).toBe(true);
    const noAuth = sentDevice(connectWith(undefined, { identitySeed: ALICE, payloadVersion: "v3" }));
    expect(verifies(noAuth, v3({ token: "" }))).toBe(true);
  });

  it("supports blank, stale, omitted, literal and mismatched nonces", () => {
    const spec = (extra: Partial<DeviceSpec>) => connectWith({ token: "x" }, { identitySeed: ALICE, payloadVersion: "v3", ...extra });
    expect(sentDevice(spec({ nonce: "blank" })).nonce).toBe("   ");
    expect(sentDevice(spec({ nonce: "stale" })).nonce).toBe("nonce-before");
    expect(sentDevice(spec({ nonce: "lit-{{port}}" })).nonce).toBe("lit-4242");
    expect("nonce" in sentDevice(spec({ nonce: "omit" }))).toBe(false);
    const other = sentDevice(spec({ signNonce: "elsewhere" }));
    expect(other.nonce).toBe("nonce-now");
    expect(verifies(other, v3({ token: "x", nonce: "elsewhere" }))).toBe(true);
    expect(verifies(other, v3({ token: "x" }))).toBe(false);
  });

  it("signs over [] when scopes are omitted unless signScopes says otherwise", () => {
    const omitted = sentDevice(connectWith({ token: "x" }, { identitySeed: ALICE, payloadVersion: "v3" }, null));
    expect(verifies(omitted, v3({ token: "x", scopes: [] }))).toBe(true);
    const signedAdmin = sentDevice(connectWith({ token: "x" }, { identitySeed: ALICE, payloadVersion: "v3", signScopes: ["operator.admin"] }, null));
    expect(verifies(signedAdmin, v3({ token: "x", scopes: ["operator.admin"] }))).toBe(true);
  });

  it("applies signedAt offsets, id overrides, key formats, other signers and field edits", () => {
    const spec = (extra: Partial<DeviceSpec>) => sentDevice(connectWith({ token: "x" }, { identitySeed: ALICE, payloadVersion: "v3", ...extra }));
    expect(spec({ signedAtOffsetMs: -121_000 }).signedAt).toBe(NOW_MS - 121_000);
    expect(spec({ idOverride: "abc" }).id).toBe("abc");
    expect(String(spec({ publicKeyFormat: "pem" }).publicKey)).toContain("BEGIN PUBLIC KEY");
    expect(spec({ publicKeyFormat: "garbage" }).publicKey).toBe("not-a-public-key");
    expect(String(spec({ signatureFormat: "base64" }).signature)).toMatch(/==$/);
    expect(verifies(spec({ otherKeySeed: seedForName("other") }), v3({ token: "x" }))).toBe(false);
    expect(spec({ omitFields: ["signature"], extraFields: { extra: 1 } })).toMatchObject({ extra: 1 });
    expect("signature" in spec({ omitFields: ["signature"] })).toBe(false);
  });
});

describe("frame padding", () => {
  it("pads with JSON whitespace to an exact byte length, and reports when it cannot", () => {
    const attempt = (padToBytes: number): Attempt => ({ name: "s", probe: "s", connect: { params: { a: "é" }, padToBytes } });
    const built = buildFrames(attempt(65_537), context());
    expect(Buffer.byteLength(built.connect ?? "", "utf8")).toBe(65_537);
    expect(JSON.parse(built.connect ?? "").params.a).toBe("é");
    expect(buildFrames(attempt(10), context()).unresolved[0]).toMatch(/padToBytes 10/);
  });
});
