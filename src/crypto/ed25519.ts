// Ed25519 primitives behind one small interface, with two interchangeable backends:
// `noble` (@noble/ed25519, pure JS, RFC 8032 strict branch) and `node` (node:crypto / OpenSSL, what the real
// gateway calls). Signing is deterministic, so both produce identical bytes (a test proves it); verification
// verdicts agree for every honest or tampered input (a test proves that too). Keys here are raw bytes.
import { createPublicKey, sign as nodeSign, verify as nodeVerify } from "node:crypto";
import * as ed from "@noble/ed25519";
import { sha512 } from "@noble/hashes/sha2.js";
import { assert } from "../kernel/index.ts";
import { ed25519PrivateKeyObject, ed25519PublicKeyObject } from "./key-objects.ts";
import { ED25519_KEY_BYTES, ED25519_SIGNATURE_BYTES } from "./pem.ts";

ed.hashes.sha512 = sha512;

export type Ed25519BackendName = "noble" | "node";

export interface Ed25519Backend {
  readonly name: Ed25519BackendName;
  publicKeyFromSeed(seed: Uint8Array): Uint8Array;
  sign(seed: Uint8Array, message: Uint8Array): Uint8Array;
  /** false for a wrong-length key or signature or any other malformed input; never throws. */
  verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
}

function assertSeed(seed: Uint8Array): void {
  assert(seed.length === ED25519_KEY_BYTES, `Ed25519 seed must be 32 bytes, got ${seed.length}`);
}

export const nobleBackend: Ed25519Backend = {
  name: "noble",
  publicKeyFromSeed(seed) {
    assertSeed(seed);
    return ed.getPublicKey(seed);
  },
  sign(seed, message) {
    assertSeed(seed);
    return ed.sign(message, seed);
  },
  verify(publicKey, message, signature) {
    if (publicKey.length !== ED25519_KEY_BYTES || signature.length !== ED25519_SIGNATURE_BYTES) return false;
    try {
      return ed.verify(signature, message, publicKey, { zip215: false });
    } catch {
      return false;
    }
  },
};

export const nodeBackend: Ed25519Backend = {
  name: "node",
  publicKeyFromSeed(seed) {
    assertSeed(seed);
    const spki = createPublicKey(ed25519PrivateKeyObject(seed)).export({ type: "spki", format: "der" });
    return new Uint8Array(spki.subarray(spki.length - ED25519_KEY_BYTES));
  },
  sign(seed, message) {
    assertSeed(seed);
    return new Uint8Array(nodeSign(null, message, ed25519PrivateKeyObject(seed)));
  },
  verify(publicKey, message, signature) {
    if (publicKey.length !== ED25519_KEY_BYTES) return false;
    try {
      return nodeVerify(null, message, ed25519PublicKeyObject(publicKey), signature);
    } catch {
      return false;
    }
  },
};

export function ed25519Backend(name: Ed25519BackendName): Ed25519Backend {
  return name === "noble" ? nobleBackend : nodeBackend;
}

/**
 * Keys and signatures are made with node:crypto (prebuilt key objects); Ed25519 signing is deterministic, so
 * the bytes are those noble makes (a property test proves it). Verification uses node:crypto, as the gateway.
 */
export const SIGNING_BACKEND_DEFAULT: Ed25519BackendName = "node";
export const VERIFY_BACKEND_DEFAULT: Ed25519BackendName = "node";
