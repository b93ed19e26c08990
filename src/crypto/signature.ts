// Signing a device-auth payload and the gateway's tolerant verification (spec §3.1–§3.2): signatures travel
// as base64url without padding; the verifier accepts base64url or standard base64 signatures and PEM or
// base64url keys, and answers false — never throws — for anything malformed.
import { ed25519Backend, SIGNING_BACKEND_DEFAULT, VERIFY_BACKEND_DEFAULT, type Ed25519BackendName } from "./ed25519.ts";
import { base64UrlDecodeLenient, base64UrlEncode } from "./encoding.ts";
import { rawKeyMaterial, type DeviceIdentity } from "./identity.ts";

/** Ed25519 over the UTF-8 payload, base64url without padding. */
export function signPayload(
  identity: Pick<DeviceIdentity, "privateKeySeed">,
  payload: string,
  options: { backend?: Ed25519BackendName } = {},
): string {
  const backend = ed25519Backend(options.backend ?? SIGNING_BACKEND_DEFAULT);
  return base64UrlEncode(backend.sign(identity.privateKeySeed, Buffer.from(payload, "utf8")));
}

/** `verifyDeviceSignature(publicKey, payload, signature)`. */
export function verifyDeviceSignature(
  publicKey: string,
  payload: string,
  signature: string,
  options: { backend?: Ed25519BackendName } = {},
): boolean {
  if (typeof publicKey !== "string" || typeof payload !== "string" || typeof signature !== "string") return false;
  // Decoded once per key string (identity.ts); an empty decoding fails as a wrong-length key would.
  const raw = rawKeyMaterial(publicKey);
  if (!raw) return false;
  const backend = ed25519Backend(options.backend ?? VERIFY_BACKEND_DEFAULT);
  return backend.verify(raw, Buffer.from(payload, "utf8"), base64UrlDecodeLenient(signature));
}
