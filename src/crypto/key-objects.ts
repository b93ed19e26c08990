// node:crypto KeyObjects built once per key and kept in bounded caches, so signing and verifying do not parse
// DER on every call. A cache only saves work: the bytes signed or the verdict never depend on it.
import { createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import { assert } from "../kernel/index.ts";
import { pkcs8DerFromSeed, spkiDerFromRawPublicKey } from "./pem.ts";

/** Key objects kept per cache; the oldest entry leaves when a new one would exceed it. */
export const keyObjectsCachedMax = 50_000;

class KeyObjectCache {
  private readonly entries = new Map<string, KeyObject>();
  /**
   * The same key objects by the byte array they were asked for, so a caller that passes the same array again
   * (a cached identity's seed, a cached wire key's bytes) skips building the string key. Arrays handed in are
   * never written by the code that caches them; a weak map holds nothing alive.
   */
  private readonly byArray = new WeakMap<Uint8Array, KeyObject>();

  get(bytes: Uint8Array, build: () => KeyObject): KeyObject {
    const known = this.byArray.get(bytes);
    if (known !== undefined) return known;
    const key = cacheKey(bytes);
    let value = this.entries.get(key);
    if (value === undefined) {
      value = build();
      if (this.entries.size >= keyObjectsCachedMax) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, value);
    }
    this.byArray.set(bytes, value);
    return value;
  }
}

const privateKeys = new KeyObjectCache();
const publicKeys = new KeyObjectCache();

function cacheKey(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

/**
 * How a seed becomes a key object. On Node 20 an Ed25519 key through OpenSSL 3's PKCS#8 decoder costs about 13× what
 * the same key costs as JWK (`bench/key-import.ts`, figures in bench/README.md "Key import"); at 10,000 devices the
 * DER path was 16 % of a scale run. A private JWK must carry `x`, the public half this call is about to derive, and Node derives the
 * public half from `d` and only checks `x`'s form — so a placeholder `x` is passed, and the JWK path is used only
 * if it gives RFC 8032's test-vector key for its seed at load; otherwise (a Node that reads `x`) the DER path.
 */
const placeholderX = Buffer.alloc(32).toString("base64url");
function privateFromJwk(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: { kty: "OKP", crv: "Ed25519", d: base64Url(seed), x: placeholderX }, format: "jwk" });
}
function privateFromDer(seed: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.from(pkcs8DerFromSeed(seed)), format: "der", type: "pkcs8" });
}
/** RFC 8032 §7.1, test 1: secret key and public key. */
const rfc8032Seed = Buffer.from("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "hex");
const rfc8032Public = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
function jwkDerivesPublicHalf(): boolean {
  try {
    return createPublicKey(privateFromJwk(rfc8032Seed)).export({ format: "jwk" }).x === rfc8032Public;
  } catch {
    return false;
  }
}
/** Whether private keys are imported as JWK on this Node (see above); exported for the test that proves it. */
export const privateKeyImport: "jwk" | "der" = jwkDerivesPublicHalf() ? "jwk" : "der";

export function ed25519PrivateKeyObject(seed: Uint8Array): KeyObject {
  return privateKeys.get(seed, () => (privateKeyImport === "jwk" ? privateFromJwk(seed) : privateFromDer(seed)));
}

/** Throws for a raw key node:crypto cannot import (callers answer false). A public JWK is the raw key itself (`x`),
 *  and imports many times faster than the same key as SPKI DER on Node 20 (`bench/key-import.ts`). */
export function ed25519PublicKeyObject(raw: Uint8Array): KeyObject {
  return publicKeys.get(raw, () => createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: base64Url(raw) }, format: "jwk" }));
}

/** The DER imports the JWK ones replace, kept for the test that proves both give the same keys. */
export const derImport = { privateFromDer, publicFromDer: (raw: Uint8Array): KeyObject => createPublicKey({ key: Buffer.from(spkiDerFromRawPublicKey(raw)), format: "der", type: "spki" }) };

assert(keyObjectsCachedMax > 0, "the key cache must hold at least one key");
