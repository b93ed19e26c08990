// The six device-proof checks, in the real order (spec §4.2 step 10). Returns the first failing reason.
import {
  buildSignaturePayload,
  deriveDeviceIdFromPublicKey,
  normalizeDevicePublicKeyBase64Url,
  verifyDeviceSignature,
  type SignaturePayloadVersion,
} from "../crypto/index.ts";
import type { GatewaySwitches } from "../profiles/index.ts";
import type { ConnectParams, DeviceAuthReason } from "../protocol/index.ts";

export type DeviceProof =
  | { readonly ok: true; readonly publicKey: string; readonly version: SignaturePayloadVersion }
  | { readonly ok: false; readonly reason: DeviceAuthReason };

export function verifyDeviceProof(options: {
  switches: GatewaySwitches;
  params: ConnectParams;
  role: string;
  scopes: readonly string[];
  connectNonce: string;
  isLocal: boolean;
  nowMs: number;
}): DeviceProof {
  const { switches, params, connectNonce } = options;
  const device = params.device!;
  const derivedId = deriveDeviceIdFromPublicKey(device.publicKey);
  if (!derivedId || derivedId !== device.id) return { ok: false, reason: "device-id-mismatch" };
  const signedAt = device.signedAt;
  if (typeof signedAt !== "number" || Math.abs(options.nowMs - signedAt) > switches.signatureSkewMs) {
    return { ok: false, reason: "device-signature-stale" };
  }
  const nonceRequired = switches.nonceRequired === "always" || !options.isLocal;
  const nonce = typeof device.nonce === "string" ? device.nonce.trim() : "";
  if (nonceRequired && !nonce) return { ok: false, reason: "device-nonce-missing" };
  if (nonce && nonce !== connectNonce) return { ok: false, reason: "device-nonce-mismatch" };
  const auth = params.auth ?? {};
  const token =
    switches.signatureTokenSource === "token-only"
      ? (auth.token ?? null)
      : (auth.token ?? auth.deviceToken ?? auth.bootstrapToken ?? null);
  const fields = {
    deviceId: device.id,
    clientId: params.client.id,
    clientMode: params.client.mode,
    role: options.role,
    scopes: options.scopes,
    signedAtMs: signedAt,
    token,
    nonce,
    platform: params.client.platform,
    deviceFamily: params.client.deviceFamily,
  };
  let verified: SignaturePayloadVersion | undefined;
  for (const version of switches.signatureVersions) {
    if (version === "v1" && (nonce || nonceRequired)) continue;
    if (version !== "v1" && !nonce) continue;
    if (verifyDeviceSignature(device.publicKey, buildSignaturePayload(version, fields), device.signature)) {
      verified = version;
      break;
    }
  }
  if (!verified) return { ok: false, reason: "device-signature" };
  const publicKey = normalizeDevicePublicKeyBase64Url(device.publicKey);
  if (!publicKey) return { ok: false, reason: "device-public-key" };
  return { ok: true, publicKey, version: verified };
}
