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

export function ed25519PrivateKeyObject(seed: Uint8Array): KeyObject {
  return privateKeys.get(seed, () =>
    createPrivateKey({ key: Buffer.from(pkcs8DerFromSeed(seed)), format: "der", type: "pkcs8" }),
  );
}

/** Throws for a raw key node:crypto cannot import (callers answer false). */
export function ed25519PublicKeyObject(raw: Uint8Array): KeyObject {
  return publicKeys.get(raw, () =>
    createPublicKey({ key: Buffer.from(spkiDerFromRawPublicKey(raw)), format: "der", type: "spki" }),
  );
}

assert(keyObjectsCachedMax > 0, "the key cache must hold at least one key");
