// Ed25519 key import, DER against JWK, side by side with tinybench in one process: why src/crypto/key-objects.ts
// imports keys as JWK (Node 20's OpenSSL 3 DER decoders are the slow path). Fresh seeds every call, so nothing is
// cached. Prints one JSON line: medians of each task's per-call time in µs, and the ratios.
import { createPrivateKey, createPublicKey, createHash } from "node:crypto";
import { Bench } from "tinybench";
import { derImport } from "../src/crypto/key-objects.ts";

export interface KeyImport {
  node: string;
  privateDerUs: number;
  privateJwkUs: number;
  publicDerUs: number;
  publicJwkUs: number;
  privateDerVsJwk: number;
  publicDerVsJwk: number;
}

export function measureKeyImport(): KeyImport {
  // Deterministic distinct seeds and public keys (a counter through SHA-256), so no import hits a cache.
  let n = 0;
  const nextBytes = () => new Uint8Array(createHash("sha256").update(String(n++)).digest());
  const publicKeys = Array.from({ length: 256 }, () => createPublicKey(derImport.privateFromDer(nextBytes())).export({ format: "jwk" }).x!);
  let p = 0;
  const placeholderX = Buffer.alloc(32).toString("base64url");
  const bench = new Bench({ time: 400, warmupTime: 100 });
  bench.add("private-der", () => derImport.privateFromDer(nextBytes()));
  bench.add("private-jwk", () => createPrivateKey({ key: { kty: "OKP", crv: "Ed25519", d: Buffer.from(nextBytes()).toString("base64url"), x: placeholderX }, format: "jwk" }));
  bench.add("public-der", () => derImport.publicFromDer(new Uint8Array(Buffer.from(publicKeys[p++ % publicKeys.length]!, "base64url"))));
  bench.add("public-jwk", () => createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: publicKeys[p++ % publicKeys.length]! }, format: "jwk" }));
  bench.runSync();
  const us = (name: string) => {
    const result = bench.getTask(name)?.result;
    if (!result || !("latency" in result)) throw new Error(`bench task ${name} did not complete`);
    return Number((result.latency.p50 * 1000).toFixed(1));
  };
  const r = { privateDerUs: us("private-der"), privateJwkUs: us("private-jwk"), publicDerUs: us("public-der"), publicJwkUs: us("public-jwk") };
  return { node: process.version, ...r, privateDerVsJwk: Number((r.privateDerUs / r.privateJwkUs).toFixed(1)), publicDerVsJwk: Number((r.publicDerUs / r.publicJwkUs).toFixed(1)) };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(measureKeyImport()));
