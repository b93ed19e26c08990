// Deterministic identifiers drawn from a PRNG stream: UUID v4 strings, base64url tokens.
import type { Prng } from "./prng.ts";

export function uuidV4(prng: Prng): string {
  const b = prng.bytes(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function base64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

/** 32 random bytes, base64url without padding: the shape of OpenClaw's pairing/device tokens. */
export function randomToken(prng: Prng, byteLength = 32): string {
  return base64Url(prng.bytes(byteLength));
}
