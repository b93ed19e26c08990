// Deterministic identifiers drawn from a PRNG stream: UUID v4 strings, base64url tokens.
import type { Prng } from "./prng.ts";

const hexByte = Array.from({ length: 256 }, (_, x) => x.toString(16).padStart(2, "0"));

export function uuidV4(prng: Prng): string {
  // The bytes `prng.bytes(16)` would give (word k's low byte first), without the array: four words, same draws.
  const w0 = prng.nextU32();
  const w1 = prng.nextU32();
  const w2 = prng.nextU32();
  const w3 = prng.nextU32();
  const h = (word: number, j: number) => hexByte[(word >>> (8 * j)) & 0xff]!;
  const version = hexByte[((w1 >>> 16) & 0x0f) | 0x40]!;
  const variant = hexByte[(w2 & 0x3f) | 0x80]!;
  // Groups shorter than 13 characters are flat strings; one join makes the whole flat (no tree of 21 concatenations).
  return [h(w0, 0) + h(w0, 1) + h(w0, 2) + h(w0, 3), h(w1, 0) + h(w1, 1), version + h(w1, 3), variant + h(w2, 1), h(w2, 2) + h(w2, 3) + h(w3, 0) + h(w3, 1) + h(w3, 2) + h(w3, 3)].join("-");
}

export function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

/** 32 random bytes, base64url without padding: the shape of OpenClaw's pairing/device tokens. */
export function randomToken(prng: Prng, byteLength = 32): string {
  return base64Url(prng.bytes(byteLength));
}
