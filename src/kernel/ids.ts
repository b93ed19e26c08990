// Deterministic identifiers drawn from a PRNG stream: UUID v4 strings, base64url tokens.
import type { Prng } from "./prng.ts";

const hexByte = Array.from({ length: 256 }, (_, x) => x.toString(16).padStart(2, "0"));

export function uuidV4(prng: Prng): string {
  const b = prng.bytes(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = (i: number) => hexByte[b[i]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

export function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

/** 32 random bytes, base64url without padding: the shape of OpenClaw's pairing/device tokens. */
export function randomToken(prng: Prng, byteLength = 32): string {
  return base64Url(prng.bytes(byteLength));
}
