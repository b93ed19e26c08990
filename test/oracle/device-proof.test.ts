import { createHash, createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";

import {
  buildSignaturePayload,
  identityFromSeed,
  normalizeDeviceMetadata,
  seedForName,
  signPayload,
} from "../../sim/oracle/index.ts";

// RFC 8032 §7.1, TEST 1.
const RFC_SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const RFC_EMPTY_MESSAGE_SIGNATURE =
  "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

const fields = {
  deviceId: "dev",
  clientId: "cli",
  clientMode: "cli",
  role: "operator",
  scopes: ["operator.admin", "operator.read"],
  signedAtMs: 1700000000000,
  token: "tok",
  nonce: "n-1",
  platform: "  Linux ",
  deviceFamily: "Desktop",
};

describe("oracle device identities", () => {
  it("derives the RFC 8032 public key from its seed and signs like Ed25519", () => {
    const identity = identityFromSeed(RFC_SEED);
    expect(Buffer.from(identity.publicKeyRaw).toString("hex")).toBe(RFC_PUBLIC);
    expect(signPayload(identity, "", "base64url")).toBe(Buffer.from(RFC_EMPTY_MESSAGE_SIGNATURE, "hex").toString("base64url"));
  });

  it("uses sha256(raw public key) as device id and base64url without padding on the wire", () => {
    const identity = identityFromSeed(seedForName("alice"));
    expect(identity.deviceId).toBe(createHash("sha256").update(identity.publicKeyRaw).digest("hex"));
    expect(identity.publicKeyBase64Url).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(identity.publicKeyPem).toContain("BEGIN PUBLIC KEY");
    expect(identityFromSeed(seedForName("alice")).deviceId).toBe(identity.deviceId);
    expect(identityFromSeed(seedForName("bob")).deviceId).not.toBe(identity.deviceId);
  });

  it("rejects seeds that are not 32 bytes", () => {
    expect(() => identityFromSeed("abcd")).toThrow(/32 bytes/);
  });
});

describe("signature payload layouts (spec §3.2)", () => {
  it("v1 is v2 without the nonce", () => {
    expect(buildSignaturePayload({ version: "v1", ...fields })).toBe("v1|dev|cli|cli|operator|operator.admin,operator.read|1700000000000|tok");
  });

  it("v2 appends the nonce", () => {
    expect(buildSignaturePayload({ version: "v2", ...fields })).toBe("v2|dev|cli|cli|operator|operator.admin,operator.read|1700000000000|tok|n-1");
  });

  it("v3 appends normalised platform and device family", () => {
    expect(buildSignaturePayload({ version: "v3", ...fields })).toBe(
      "v3|dev|cli|cli|operator|operator.admin,operator.read|1700000000000|tok|n-1|linux|desktop",
    );
  });

  it("normalises metadata: non-strings empty, trimmed, only ASCII letters lowered", () => {
    expect(normalizeDeviceMetadata(undefined)).toBe("");
    expect(normalizeDeviceMetadata(42)).toBe("");
    expect(normalizeDeviceMetadata(" ÄBC ")).toBe("Äbc");
  });

  it("produces signatures the public key verifies, in either base64 flavour", () => {
    const identity = identityFromSeed(seedForName("carl"));
    const payload = buildSignaturePayload({ version: "v3", ...fields });
    const key = createPublicKey(identity.publicKeyPem);
    for (const format of ["base64url", "base64"] as const) {
      const signature = Buffer.from(signPayload(identity, payload, format), format);
      expect(verify(null, Buffer.from(payload), key, signature)).toBe(true);
      expect(verify(null, Buffer.from(`${payload}x`), key, signature)).toBe(false);
    }
    expect(signPayload(identity, payload, "base64")).toMatch(/==$/);
  });
});
