import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildSignaturePayload,
  identityFromSeed,
  nobleBackend,
  nodeBackend,
  rememberOwnSignatures,
  signPayload,
  verifyDeviceSignature,
  type SignaturePayloadFields,
  type SignaturePayloadVersion,
} from "../../src/crypto/index.ts";
import { derImport, ed25519PrivateKeyObject, ed25519PublicKeyObject, privateKeyImport } from "../../src/crypto/key-objects.ts";
import { sign as nodeSign, verify as nodeVerify } from "node:crypto";

const hexBytes = (hex: string) => new Uint8Array(Buffer.from(hex, "hex"));
const RFC_SEED = hexBytes("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
const RFC_EMPTY_SIGNATURE =
  "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
const text = fc.string({ maxLength: 12 }).filter((s) => !s.includes("|") && !s.includes(","));
const fieldsArb: fc.Arbitrary<SignaturePayloadFields> = fc.record({
  deviceId: text,
  clientId: text,
  clientMode: text,
  role: text,
  scopes: fc.array(text, { maxLength: 3 }),
  signedAtMs: fc.integer({ min: 0, max: 2 ** 45 }),
  token: fc.option(text, { nil: null }),
  nonce: text,
  platform: text,
  deviceFamily: text,
});
const versionArb = fc.constantFrom<SignaturePayloadVersion>("v1", "v2", "v3");

describe("signPayload", () => {
  it("matches the RFC 8032 test vector, base64url without padding", () => {
    const identity = identityFromSeed(RFC_SEED);
    const signature = signPayload(identity, "");
    expect(Buffer.from(signature, "base64url").toString("hex")).toBe(RFC_EMPTY_SIGNATURE);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
  });
});

describe("verifyDeviceSignature (§3.1)", () => {
  const identity = identityFromSeed(RFC_SEED);
  const payload = "v2|id|cli|cli|operator|operator.admin|1|tok|nonce";
  const signature = signPayload(identity, payload);

  it("accepts base64url and standard base64 (padded or not) signatures", () => {
    const standard = Buffer.from(signature, "base64url").toString("base64");
    expect(standard).toMatch(/[+/=]/);
    expect(verifyDeviceSignature(identity.publicKeyBase64Url, payload, signature)).toBe(true);
    expect(verifyDeviceSignature(identity.publicKeyBase64Url, payload, standard)).toBe(true);
    expect(verifyDeviceSignature(identity.publicKeyBase64Url, payload, standard.replace(/=+$/, ""))).toBe(true);
  });

  it("accepts the key as PEM, base64url or standard base64", () => {
    const standardKey = Buffer.from(identity.publicKeyRaw).toString("base64");
    expect(verifyDeviceSignature(identity.publicKeyPem, payload, signature)).toBe(true);
    expect(verifyDeviceSignature(standardKey, payload, signature)).toBe(true);
  });

  it("answers false, without throwing, for garbage", () => {
    expect(verifyDeviceSignature("bad", payload, "bad")).toBe(false);
    expect(verifyDeviceSignature(identity.publicKeyBase64Url, payload, "")).toBe(false);
    expect(verifyDeviceSignature("-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----", payload, signature)).toBe(false);
    expect(verifyDeviceSignature(undefined as unknown as string, payload, signature)).toBe(false);
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (key, message, sig) => {
        expect(verifyDeviceSignature(key, message, sig)).toBe(false);
      }),
    );
  });

  it("property: sign → verify round-trips for any identity, version and fields", () => {
    fc.assert(
      fc.property(seedArb, versionArb, fieldsArb, (seed, version, fields) => {
        const signer = identityFromSeed(seed);
        const signed = buildSignaturePayload(version, { ...fields, deviceId: signer.deviceId });
        const sig = signPayload(signer, signed);
        expect(verifyDeviceSignature(signer.publicKeyBase64Url, signed, sig)).toBe(true);
        expect(verifyDeviceSignature(signer.publicKeyPem, signed, sig)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("property: changing any signed field, the version, the key or one signature bit fails verification", () => {
    const keys = ["deviceId", "clientId", "clientMode", "role", "scopes", "signedAtMs", "token", "nonce", "platform", "deviceFamily"] as const;
    fc.assert(
      fc.property(seedArb, fieldsArb, fc.constantFrom(...keys), fc.nat({ max: 511 }), (seed, fields, key, bit) => {
        const signer = identityFromSeed(seed);
        const signed = buildSignaturePayload("v3", fields);
        const sig = signPayload(signer, signed);
        const tampered: SignaturePayloadFields = { ...fields };
        switch (key) {
          case "scopes":
            tampered.scopes = [...fields.scopes, "operator.admin"];
            break;
          case "signedAtMs":
            tampered.signedAtMs = fields.signedAtMs + 1;
            break;
          case "platform":
          case "deviceFamily":
            tampered[key] = `${String(fields[key])}x`;
            break;
          default:
            tampered[key] = `${fields[key] ?? ""}x`;
        }
        expect(verifyDeviceSignature(signer.publicKeyBase64Url, buildSignaturePayload("v3", tampered), sig)).toBe(false);
        expect(verifyDeviceSignature(signer.publicKeyBase64Url, buildSignaturePayload("v2", fields), sig)).toBe(false);
        const other = identityFromSeed(seed.map((b, i) => (i === 0 ? b ^ 1 : b)));
        expect(verifyDeviceSignature(other.publicKeyBase64Url, signed, sig)).toBe(false);
        const sigBytes = Buffer.from(sig, "base64url");
        sigBytes[bit >> 3] = (sigBytes[bit >> 3] ?? 0) ^ (1 << (bit & 7));
        expect(verifyDeviceSignature(signer.publicKeyBase64Url, signed, sigBytes.toString("base64url"))).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it("the scopes-omitted case of §10 #7: signing admin but sending no scopes does not verify", () => {
    const base = { deviceId: identity.deviceId, clientId: "test", clientMode: "test", role: "operator", signedAtMs: 5, token: "secret", nonce: "n" };
    const sig = signPayload(identity, buildSignaturePayload("v2", { ...base, scopes: ["operator.admin"] }));
    expect(verifyDeviceSignature(identity.publicKeyBase64Url, buildSignaturePayload("v2", { ...base, scopes: [] }), sig)).toBe(false);
  });
});

describe("Ed25519 backends agree", () => {
  it("property: noble and node:crypto produce identical public keys and signature bytes", () => {
    fc.assert(
      fc.property(seedArb, fc.uint8Array({ maxLength: 200 }), (seed, message) => {
        expect(Buffer.from(nodeBackend.publicKeyFromSeed(seed))).toEqual(Buffer.from(nobleBackend.publicKeyFromSeed(seed)));
        expect(Buffer.from(nodeBackend.sign(seed, message))).toEqual(Buffer.from(nobleBackend.sign(seed, message)));
      }),
      { numRuns: 60 },
    );
  });

  it("property: the default signer (node:crypto, cached key objects) signs byte for byte as noble, across reused keys", () => {
    // A small pool of seeds, so most cases hit an already-built key object; messages up to 1 KiB.
    const pool = Array.from({ length: 12 }, (_, i) => new Uint8Array(32).fill(i * 19 + 1));
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...pool), seedArb), fc.array(fc.uint8Array({ maxLength: 1024 }), { minLength: 1, maxLength: 4 }), (seed, messages) => {
        const identity = identityFromSeed(seed);
        expect(Buffer.from(identity.publicKeyRaw)).toEqual(Buffer.from(nobleBackend.publicKeyFromSeed(seed)));
        for (const message of messages) {
          const text = Buffer.from(message).toString("latin1");
          const noble = Buffer.from(nobleBackend.sign(seed, new Uint8Array(Buffer.from(text, "utf8")))).toString("base64url");
          expect(signPayload(identity, text)).toBe(noble);
          expect(verifyDeviceSignature(identity.publicKeyBase64Url, text, noble)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("property: both give the same verdict on honest, tampered and random signatures", () => {
    fc.assert(
      fc.property(seedArb, fc.uint8Array({ maxLength: 64 }), fc.nat({ max: 2 }), fc.uint8Array({ minLength: 0, maxLength: 70 }), (seed, message, mode, noise) => {
        const publicKey = nobleBackend.publicKeyFromSeed(seed);
        let signature = nobleBackend.sign(seed, message);
        if (mode === 1) signature = signature.map((b, i) => (i === noise.length % 64 ? b ^ 0x80 : b));
        if (mode === 2) signature = noise;
        const verdict = nodeBackend.verify(publicKey, message, signature);
        expect(nobleBackend.verify(publicKey, message, signature)).toBe(verdict);
        expect(verdict).toBe(mode === 0);
      }),
      { numRuns: 60 },
    );
  });

  it("property: keys imported as JWK (the fast path on Node 20) are the keys the DER imports give", () => {
    expect(privateKeyImport).toBe("jwk");
    fc.assert(
      fc.property(seedArb, fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 64 }), (seed, randomKey, message) => {
        const jwk = ed25519PrivateKeyObject(seed);
        const der = derImport.privateFromDer(seed);
        expect(jwk.export({ format: "der", type: "pkcs8" })).toEqual(der.export({ format: "der", type: "pkcs8" }));
        expect(nodeSign(null, message, jwk)).toEqual(nodeSign(null, message, der));
        // Public keys: the verdicts agree for the right key and for 32 random bytes (mostly no curve point).
        const signature = nodeSign(null, message, der);
        for (const raw of [nobleBackend.publicKeyFromSeed(seed), randomKey]) {
          const viaDer = (() => { try { return nodeVerify(null, message, derImport.publicFromDer(raw), signature); } catch { return "throws"; } })();
          const viaJwk = (() => { try { return nodeVerify(null, message, ed25519PublicKeyObject(raw), signature); } catch { return "throws"; } })();
          expect(viaJwk).toBe(viaDer);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("both refuse a key of the wrong length", () => {
    const message = new Uint8Array([1]);
    const signature = nobleBackend.sign(RFC_SEED, message);
    for (const backend of [nobleBackend, nodeBackend]) {
      expect(backend.verify(new Uint8Array(31), message, signature)).toBe(false);
      expect(backend.verify(new Uint8Array(33), message, signature)).toBe(false);
    }
  });

  it("verifyDeviceSignature gives the same answer with either backend", () => {
    const identity = identityFromSeed(RFC_SEED);
    const sig = signPayload(identity, "p", { backend: "node" });
    expect(sig).toBe(signPayload(identity, "p", { backend: "noble" }));
    for (const backend of ["noble", "node"] as const) {
      expect(verifyDeviceSignature(identity.publicKeyPem, "p", sig, { backend })).toBe(true);
      expect(verifyDeviceSignature(identity.publicKeyPem, "q", sig, { backend })).toBe(false);
    }
  });
});

describe("own-signature memory (chaos sweeps): the same verdicts as verifying", () => {
  const withMemory = <T>(run: () => T): T => {
    rememberOwnSignatures(true);
    try {
      return run();
    } finally {
      rememberOwnSignatures(false);
    }
  };
  const flip = (sig: string) => (sig[5] === "A" ? `${sig.slice(0, 5)}B${sig.slice(6)}` : `${sig.slice(0, 5)}A${sig.slice(6)}`);

  it("answers every honest, tampered, spliced and copied-identity case as verification does", () => {
    fc.assert(
      fc.property(seedArb, seedArb, fc.string({ maxLength: 40 }), (seedA, seedB, payload) => {
        const a = identityFromSeed(seedA);
        const b = identityFromSeed(seedB);
        // A copy whose public key is another's: never remembered (only derived identities are).
        const forged = { ...a, privateKeySeed: b.privateKeySeed };
        const cases = (sign: () => [string, string, string][]) => sign().map(([key, p, sig]) => verifyDeviceSignature(key, p, sig));
        const make = (): [string, string, string][] => {
          const sigA = signPayload(a, payload);
          const sigForged = signPayload(forged, payload);
          return [
            [a.publicKeyBase64Url, payload, sigA],
            [a.publicKeyPem, payload, sigA],
            [a.publicKeyBase64Url, payload, Buffer.from(sigA, "base64url").toString("base64")],
            [a.publicKeyBase64Url, `${payload}x`, sigA],
            [a.publicKeyBase64Url, payload, flip(sigA)],
            [b.publicKeyBase64Url, payload, sigA],
            [a.publicKeyBase64Url, payload, sigForged],
          ];
        };
        expect(withMemory(() => cases(make))).toEqual(cases(make));
      }),
      { numRuns: 40 },
    );
  });

  it("remembers a derived identity's signature and skips nothing else", () => {
    const a = identityFromSeed(RFC_SEED);
    withMemory(() => {
      const sig = signPayload(a, "payload");
      expect(verifyDeviceSignature(a.publicKeyBase64Url, "payload", sig)).toBe(true);
      expect(verifyDeviceSignature(a.publicKeyBase64Url, "payload", flip(sig))).toBe(false);
      expect(verifyDeviceSignature(a.publicKeyBase64Url, "other", sig)).toBe(false);
    });
  });
});
