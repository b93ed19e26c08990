// Signing a device-auth payload and the gateway's tolerant verification (spec §3.1–§3.2): signatures travel
// as base64url without padding; the verifier accepts base64url or standard base64 signatures and PEM or
// base64url keys, and answers false — never throws — for anything malformed.
import { ed25519Backend, SIGNING_BACKEND_DEFAULT, VERIFY_BACKEND_DEFAULT, type Ed25519BackendName } from "./ed25519.ts";
import { base64UrlDecodeLenient, base64UrlEncode } from "./encoding.ts";
import { isDerivedIdentity, rawKeyMaterial, type DeviceIdentity } from "./identity.ts";

/**
 * Signatures this process made, remembered so their verification skips the curve arithmetic (off unless turned on;
 * chaos sweeps turn it on). Sound because Ed25519 is deterministic and complete: a signature made with a seed
 * verifies under that seed's public key, so a verify of exactly (that public key, payload, signature) is true
 * whichever way it is answered. Only signatures by identities identityFromSeed derived are remembered (their
 * public key is their seed's by construction); any other key, payload or signature bytes are verified as before.
 * Benchmarks of handshakes against the crypto floor leave it off.
 */
let ownSignatures: Set<string> | undefined;
/** Remembered at most (then forgotten all at once: the answers are the same either way). */
export const ownSignaturesMax = 4_096;

export function rememberOwnSignatures(on: boolean): void {
  ownSignatures = on ? new Set() : undefined;
}

function ownSignatureKey(publicKeyRaw: Uint8Array, signatureBase64Url: string, payload: string): string {
  return `${base64UrlEncode(publicKeyRaw)} ${signatureBase64Url} ${payload}`;
}

/** Ed25519 over the UTF-8 payload, base64url without padding. */
export function signPayload(
  identity: Pick<DeviceIdentity, "privateKeySeed">,
  payload: string,
  options: { backend?: Ed25519BackendName } = {},
): string {
  const backend = ed25519Backend(options.backend ?? SIGNING_BACKEND_DEFAULT);
  const signature = base64UrlEncode(backend.sign(identity.privateKeySeed, Buffer.from(payload, "utf8")));
  if (ownSignatures !== undefined && isDerivedIdentity(identity)) {
    if (ownSignatures.size >= ownSignaturesMax) ownSignatures.clear();
    ownSignatures.add(ownSignatureKey(identity.publicKeyRaw, signature, payload));
  }
  return signature;
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
  const signatureBytes = base64UrlDecodeLenient(signature);
  if (ownSignatures !== undefined && ownSignatures.has(ownSignatureKey(raw, base64UrlEncode(signatureBytes), payload))) return true;
  const backend = ed25519Backend(options.backend ?? VERIFY_BACKEND_DEFAULT);
  return backend.verify(raw, Buffer.from(payload, "utf8"), signatureBytes);
}
