// Ed25519 key containers (spec §3.1): raw 32-byte keys ↔ SPKI/PKCS8 DER ↔ PEM, so identities can be
// written in the same `device.json` shape the real client reads and fed to its host dependencies.
// Parsing an arbitrary PEM goes through node:crypto, as the real gateway does (`createPublicKey`).
import { createPublicKey } from "node:crypto";
import { assert } from "../kernel/index.ts";

/** SPKI DER header of an Ed25519 public key; the raw key follows. */
export const ED25519_SPKI_PREFIX_HEX = "302a300506032b6570032100";
/** PKCS8 DER header of an Ed25519 private key; the 32-byte seed follows. */
export const ED25519_PKCS8_PREFIX_HEX = "302e020100300506032b657004220420";
export const ED25519_KEY_BYTES = 32;
export const ED25519_SIGNATURE_BYTES = 64;

const SPKI_PREFIX = Buffer.from(ED25519_SPKI_PREFIX_HEX, "hex");
const PKCS8_PREFIX = Buffer.from(ED25519_PKCS8_PREFIX_HEX, "hex");

export function spkiDerFromRawPublicKey(raw: Uint8Array): Uint8Array {
  assert(raw.length === ED25519_KEY_BYTES, `Ed25519 public key must be 32 bytes, got ${raw.length}`);
  return new Uint8Array(Buffer.concat([SPKI_PREFIX, raw]));
}

export function pkcs8DerFromSeed(seed: Uint8Array): Uint8Array {
  assert(seed.length === ED25519_KEY_BYTES, `Ed25519 seed must be 32 bytes, got ${seed.length}`);
  return new Uint8Array(Buffer.concat([PKCS8_PREFIX, seed]));
}

/** PEM armour exactly as Node's `KeyObject.export({ format: "pem" })` writes it (64-column lines, final newline). */
export function pemFromDer(label: "PUBLIC KEY" | "PRIVATE KEY", der: Uint8Array): string {
  const body = Buffer.from(der).toString("base64");
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

export function publicKeyPemFromRaw(raw: Uint8Array): string {
  return pemFromDer("PUBLIC KEY", spkiDerFromRawPublicKey(raw));
}

export function privateKeyPemFromSeed(seed: Uint8Array): string {
  return pemFromDer("PRIVATE KEY", pkcs8DerFromSeed(seed));
}

/**
 * The gateway's `derivePublicKeyRaw(pem)`: parse any public (or private) key PEM with node:crypto, export
 * SPKI DER, strip the Ed25519 header when it is one; other key types return their whole SPKI DER.
 * null when the PEM does not parse.
 */
export function rawPublicKeyFromPem(pem: string): Uint8Array | null {
  try {
    const spki = createPublicKey(pem).export({ type: "spki", format: "der" });
    const isEd25519 =
      spki.length === SPKI_PREFIX.length + ED25519_KEY_BYTES && spki.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX);
    return new Uint8Array(isEd25519 ? spki.subarray(SPKI_PREFIX.length) : spki);
  } catch {
    return null;
  }
}
