import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Prng } from "../../src/kernel/index.ts";
import {
  deriveDeviceIdFromPublicKey,
  deviceIdFromRawPublicKey,
  identityFromPrng,
  identityFromSeed,
  normalizeDevicePublicKeyBase64Url,
} from "../../src/crypto/index.ts";

const hexBytes = (hex: string) => new Uint8Array(Buffer.from(hex, "hex"));
/** RFC 8032 §7.1, TEST 1. */
const RFC_SEED = hexBytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
const RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

describe("identityFromSeed (§3.1)", () => {
  it("derives the RFC 8032 public key and the SHA-256 device id", () => {
    const identity = identityFromSeed(RFC_SEED);
    expect(Buffer.from(identity.publicKeyRaw).toString("hex")).toBe(RFC_PUBLIC);
    expect(identity.deviceId).toBe(createHash("sha256").update(Buffer.from(RFC_PUBLIC, "hex")).digest("hex"));
    expect(identity.publicKeyBase64Url).toBe(Buffer.from(RFC_PUBLIC, "hex").toString("base64url"));
    expect(identity.publicKeyBase64Url).not.toMatch(/[=+/]/);
  });

  it("writes PEMs byte-identical to what node:crypto exports for the same key", () => {
    const identity = identityFromSeed(RFC_SEED);
    const privateKey = createPrivateKey(identity.privateKeyPem);
    expect(privateKey.export({ type: "pkcs8", format: "pem" })).toBe(identity.privateKeyPem);
    expect(createPublicKey(privateKey).export({ type: "spki", format: "pem" })).toBe(identity.publicKeyPem);
  });

  it("property: deviceId = lowercase hex sha256(raw) and the base64url form round-trips", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (seed) => {
        const identity = identityFromSeed(seed);
        expect(identity.deviceId).toMatch(/^[0-9a-f]{64}$/);
        expect(identity.deviceId).toBe(deviceIdFromRawPublicKey(identity.publicKeyRaw));
        expect(identity.deviceId).toBe(createHash("sha256").update(identity.publicKeyRaw).digest("hex"));
        expect(deriveDeviceIdFromPublicKey(identity.publicKeyBase64Url)).toBe(identity.deviceId);
        expect(deriveDeviceIdFromPublicKey(identity.publicKeyPem)).toBe(identity.deviceId);
      }),
      { numRuns: 50 },
    );
  });

  it("does not alias the caller's seed buffer", () => {
    const seed = new Uint8Array(RFC_SEED);
    const identity = identityFromSeed(seed);
    seed.fill(0);
    expect(Buffer.from(identity.privateKeySeed).equals(Buffer.from(RFC_SEED))).toBe(true);
  });

  it("refuses a seed of the wrong length (programmer error)", () => {
    expect(() => identityFromSeed(new Uint8Array(31))).toThrow(/32 bytes/);
  });
});

describe("identityFromPrng", () => {
  it("is a pure function of (seed, stream name) and draws exactly 32 bytes", () => {
    const a = new Prng(42n, "client:cli-1/identity");
    const b = new Prng(42n, "client:cli-1/identity");
    const c = new Prng(42n, "client:cli-2/identity");
    const first = identityFromPrng(a);
    expect(identityFromPrng(b).deviceId).toBe(first.deviceId);
    expect(identityFromPrng(c).deviceId).not.toBe(first.deviceId);
    expect(a.draws).toBe(8);
    expect(identityFromPrng(a).deviceId).not.toBe(first.deviceId);
  });
});

describe("normalizeDevicePublicKeyBase64Url / deriveDeviceIdFromPublicKey", () => {
  const identity = identityFromSeed(RFC_SEED);
  const standard = Buffer.from(identity.publicKeyRaw).toString("base64");

  it("accepts PEM SPKI, base64url, and padded standard base64 for the same key", () => {
    expect(normalizeDevicePublicKeyBase64Url(identity.publicKeyPem)).toBe(identity.publicKeyBase64Url);
    expect(normalizeDevicePublicKeyBase64Url(identity.publicKeyBase64Url)).toBe(identity.publicKeyBase64Url);
    expect(normalizeDevicePublicKeyBase64Url(standard)).toBe(identity.publicKeyBase64Url);
    expect(deriveDeviceIdFromPublicKey(standard)).toBe(identity.deviceId);
  });

  it("a private-key PEM yields its public key, as createPublicKey does", () => {
    expect(normalizeDevicePublicKeyBase64Url(identity.privateKeyPem)).toBe(identity.publicKeyBase64Url);
  });

  it("decodes leniently like the gateway: 'bad' is two bytes, not an error", () => {
    expect(normalizeDevicePublicKeyBase64Url("bad")).toBe("bac");
    expect(deriveDeviceIdFromPublicKey("bad")).toBe(createHash("sha256").update(Buffer.from([0x6d, 0xa7])).digest("hex"));
  });

  it("returns null when nothing decodes", () => {
    expect(normalizeDevicePublicKeyBase64Url("")).toBeNull();
    expect(normalizeDevicePublicKeyBase64Url("!!!")).toBeNull();
    expect(normalizeDevicePublicKeyBase64Url("-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----\n")).toBeNull();
    expect(deriveDeviceIdFromPublicKey("-----BEGIN garbage")).toBeNull();
  });

  it("property: never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const normalized = normalizeDevicePublicKeyBase64Url(text);
        const id = deriveDeviceIdFromPublicKey(text);
        expect(normalized === null).toBe(id === null);
      }),
    );
  });
});
