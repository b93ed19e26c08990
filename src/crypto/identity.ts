// Device identities (spec §3.1): an Ed25519 key pair from a 32-byte seed (drawn from a named PRNG stream
// in simulation), its device id = lowercase hex SHA-256 of the raw public key, the wire form of the key,
// and the gateway's tolerant key normalisation. No key is ever generated from ambient randomness.
import { createHash } from "node:crypto";
import type { Prng } from "../kernel/index.ts";
import { assert } from "../kernel/index.ts";
import { ed25519Backend, SIGNING_BACKEND_DEFAULT } from "./ed25519.ts";
import { base64UrlDecodeLenient, base64UrlEncode } from "./encoding.ts";
import { ED25519_KEY_BYTES, privateKeyPemFromSeed, publicKeyPemFromRaw, rawPublicKeyFromPem } from "./pem.ts";

export interface DeviceIdentity {
  /** Lowercase hex SHA-256 of publicKeyRaw (64 chars). */
  deviceId: string;
  publicKeyRaw: Uint8Array;
  /** The wire `device.publicKey`: base64url of the raw key, no padding. */
  publicKeyBase64Url: string;
  privateKeySeed: Uint8Array;
  /** SPKI PEM, as `device.json` stores it. */
  publicKeyPem: string;
  /** PKCS8 PEM, as `device.json` stores it. */
  privateKeyPem: string;
}

export function deviceIdFromRawPublicKey(raw: Uint8Array): string {
  return createHash("sha256").update(raw).digest("hex");
}

/** Identities derived per seed are kept (bounded; the oldest leaves first): a seed always gives the same one. */
export const identitiesCachedMax = 50_000;
const identities = new Map<string, DeviceIdentity>();

/** The identity of a seed. The object is shared between callers and frozen; its byte arrays must not be written. */
export function identityFromSeed(seed32: Uint8Array): DeviceIdentity {
  assert(seed32.length === ED25519_KEY_BYTES, `identity seed must be 32 bytes, got ${seed32.length}`);
  const key = Buffer.from(seed32.buffer, seed32.byteOffset, seed32.byteLength).toString("latin1");
  let identity = identities.get(key);
  if (identity === undefined) {
    identity = Object.freeze(deriveIdentity(seed32));
    if (identities.size >= identitiesCachedMax) identities.delete(identities.keys().next().value!);
    identities.set(key, identity);
  }
  return identity;
}

function deriveIdentity(seed32: Uint8Array): DeviceIdentity {
  const privateKeySeed = new Uint8Array(seed32);
  const publicKeyRaw = ed25519Backend(SIGNING_BACKEND_DEFAULT).publicKeyFromSeed(privateKeySeed);
  return {
    deviceId: deviceIdFromRawPublicKey(publicKeyRaw),
    publicKeyRaw,
    publicKeyBase64Url: base64UrlEncode(publicKeyRaw),
    privateKeySeed,
    publicKeyPem: publicKeyPemFromRaw(publicKeyRaw),
    privateKeyPem: privateKeyPemFromSeed(privateKeySeed),
  };
}

/** Draws 32 bytes from the stream (one identity = exactly 8 draws). */
export function identityFromPrng(prng: Prng): DeviceIdentity {
  return identityFromSeed(prng.bytes(ED25519_KEY_BYTES));
}

/** The raw key bytes the gateway derives from a wire key: PEM (contains "BEGIN") or lenient base64url. */
function rawKeyMaterial(publicKey: string): Uint8Array | null {
  if (typeof publicKey !== "string") return null;
  const raw = publicKey.includes("BEGIN") ? rawPublicKeyFromPem(publicKey) : base64UrlDecodeLenient(publicKey);
  return raw && raw.length > 0 ? raw : null;
}

/**
 * `normalizeDevicePublicKeyBase64Url`: PEM → base64url of the raw key; otherwise re-encode the leniently
 * decoded bytes. null when nothing decodes (an unparsable PEM, or a string with no base64 content).
 */
export function normalizeDevicePublicKeyBase64Url(publicKey: string): string | null {
  const raw = rawKeyMaterial(publicKey);
  return raw ? base64UrlEncode(raw) : null;
}

/** `deriveDeviceIdFromPublicKey`: SHA-256 hex of the same bytes; null when nothing decodes. */
export function deriveDeviceIdFromPublicKey(publicKey: string): string | null {
  const raw = rawKeyMaterial(publicKey);
  return raw ? deviceIdFromRawPublicKey(raw) : null;
}
