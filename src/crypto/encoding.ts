// Byte/text encodings used on the wire for device identity: base64url without padding, the server's
// lenient base64url decoding (Node's decoder: `-`/`_` or `+`/`/`, padding optional, junk skipped), hex.
// Pure functions of their input; nothing random, nothing cryptographic.

/** base64url without padding (the wire form of keys, signatures, tokens). */
export function base64UrlEncode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}

/**
 * The gateway's `base64UrlDecode`: map `-`→`+`, `_`→`/`, pad to a multiple of 4, decode with Node's
 * lenient base64 decoder. Never throws; garbage decodes to whatever bytes Node recovers (possibly none).
 */
export function base64UrlDecodeLenient(input: string): Uint8Array {
  // Only the base64url alphabet: Node's base64url decoder gives the same bytes without the copies (a test holds
  // the two paths to each other).
  if (base64UrlOnly.test(input)) return new Uint8Array(Buffer.from(input, "base64url"));
  return base64UrlDecodeNormalized(input);
}

const base64UrlOnly = /^[A-Za-z0-9_-]*$/;

/** The decoding spelled out: `-`/`_` mapped, padded, Node's lenient base64 decoder. */
export function base64UrlDecodeNormalized(input: string): Uint8Array {
  const normalized = input.replaceAll("-", "+").replaceAll("_", "/");
  const padded = normalized + "=".repeat((4 - (normalized.length % 4)) % 4);
  return new Uint8Array(Buffer.from(padded, "base64"));
}

export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

export function utf8Bytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "utf8"));
}
