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
/** Identities derived here: their public key is their seed's, by construction (signature.ts trusts that). */
const derived = new WeakSet<DeviceIdentity>();

/** Whether the object is an identity identityFromSeed derived (not a copy whose fields could disagree). */
export function isDerivedIdentity(identity: object): identity is DeviceIdentity {
  return derived.has(identity as DeviceIdentity);
}

/** The identity of a seed. The object is shared between callers and frozen; its byte arrays must not be written. */
export function identityFromSeed(seed32: Uint8Array): DeviceIdentity {
  assert(seed32.length === ED25519_KEY_BYTES, `identity seed must be 32 bytes, got ${seed32.length}`);
  const key = Buffer.from(seed32.buffer, seed32.byteOffset, seed32.byteLength).toString("latin1");
  let identity = identities.get(key);
  if (identity === undefined) {
    identity = Object.freeze(deriveIdentity(seed32));
    derived.add(identity);
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

/** Wire keys whose decoding is kept (bounded; the oldest leaves first): a key string always decodes the same. */
export const wireKeysCachedMax = 50_000;

/** What the gateway derives from one wire key string; each field filled on first use. */
interface WireKey {
  readonly raw: Uint8Array | null;
  deviceId?: string | null;
  normalized?: string | null;
}

const wireKeys = new Map<string, WireKey>();

function wireKey(publicKey: string): WireKey {
  let entry = wireKeys.get(publicKey);
  if (entry === undefined) {
    entry = { raw: decodeKeyMaterial(publicKey) };
    if (wireKeys.size >= wireKeysCachedMax) wireKeys.delete(wireKeys.keys().next().value!);
    wireKeys.set(publicKey, entry);
  }
  return entry;
}

function decodeKeyMaterial(publicKey: string): Uint8Array | null {
  const raw = publicKey.includes("BEGIN") ? rawPublicKeyFromPem(publicKey) : base64UrlDecodeLenient(publicKey);
  return raw && raw.length > 0 ? raw : null;
}

/**
 * The raw key bytes the gateway derives from a wire key: PEM (contains "BEGIN") or lenient base64url; null when
 * nothing decodes. The array is shared by every caller with the same key string and must not be written.
 */
export function rawKeyMaterial(publicKey: string): Uint8Array | null {
  if (typeof publicKey !== "string") return null;
  return wireKey(publicKey).raw;
}

/**
 * `normalizeDevicePublicKeyBase64Url`: PEM → base64url of the raw key; otherwise re-encode the leniently
 * decoded bytes. null when nothing decodes (an unparsable PEM, or a string with no base64 content).
 */
export function normalizeDevicePublicKeyBase64Url(publicKey: string): string | null {
  if (typeof publicKey !== "string") return null;
  const entry = wireKey(publicKey);
  if (entry.normalized === undefined) entry.normalized = entry.raw ? base64UrlEncode(entry.raw) : null;
  return entry.normalized;
}

/** `deriveDeviceIdFromPublicKey`: SHA-256 hex of the same bytes; null when nothing decodes. */
export function deriveDeviceIdFromPublicKey(publicKey: string): string | null {
  if (typeof publicKey !== "string") return null;
  const entry = wireKey(publicKey);
  if (entry.deviceId === undefined) entry.deviceId = entry.raw ? deviceIdFromRawPublicKey(entry.raw) : null;
  return entry.deviceId;
}
