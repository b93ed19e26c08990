// Device-auth signature payloads (spec §3.2): the exact `|`-joined strings a client signs and the gateway
// rebuilds — v1 (legacy, no nonce), v2 (+ nonce), v3 (+ normalised platform and deviceFamily) — and the
// ASCII-only metadata normalisation v3 uses. Strings only; signing is signature.ts.
import { assertNever } from "../kernel/index.ts";

export type SignaturePayloadVersion = "v1" | "v2" | "v3";
export const SIGNATURE_PAYLOAD_VERSIONS: readonly SignaturePayloadVersion[] = ["v1", "v2", "v3"];

export interface SignaturePayloadFields {
  deviceId: string;
  clientId: string;
  clientMode: string;
  role: string;
  scopes: readonly string[];
  signedAtMs: number;
  /** The token in the signature; null/undefined become "". */
  token: string | null | undefined;
  /** v2/v3 only; null/undefined become "". */
  nonce?: string | null;
  /** v3 only; normalised by normalizeDeviceMetadataForAuth. */
  platform?: unknown;
  /** v3 only; normalised by normalizeDeviceMetadataForAuth. */
  deviceFamily?: unknown;
}

/**
 * `normalizeDeviceMetadataForAuth`: non-strings and empty strings → "", otherwise trimmed (JS `trim`) with
 * only ASCII A–Z lowercased, so every runtime (TS, Swift, Kotlin) agrees byte for byte.
 */
export function normalizeDeviceMetadataForAuth(value: unknown): string {
  if (typeof value !== "string" || !value) return "";
  const trimmed = value.trim();
  return asciiUpper.test(trimmed) ? trimmed.replace(asciiUpperAll, (ch) => String.fromCharCode(ch.charCodeAt(0) + 32)) : trimmed;
}

const asciiUpper = /[A-Z]/;
const asciiUpperAll = /[A-Z]/g;

/** The payload string for a version. v1 is v2 without the trailing nonce (the legacy builder's layout). */
export function buildSignaturePayload(version: SignaturePayloadVersion, fields: SignaturePayloadFields): string {
  // Joined by hand as Array.prototype.join would: null and undefined parts become "", others ToString (a template
  // literal converts exactly as join does, throwing for a symbol).
  const base = `${version}|${part(fields.deviceId)}|${part(fields.clientId)}|${part(fields.clientMode)}|${part(fields.role)}|${fields.scopes.join(",")}|${String(fields.signedAtMs)}|${part(fields.token)}`;
  switch (version) {
    case "v1":
      return base;
    case "v2":
      return `${base}|${part(fields.nonce)}`;
    case "v3":
      return `${base}|${part(fields.nonce)}|${normalizeDeviceMetadataForAuth(fields.platform)}|${normalizeDeviceMetadataForAuth(fields.deviceFamily)}`;
    default:
      return assertNever(version, "signature payload version");
  }
}

function part(value: unknown): string {
  return value === undefined || value === null ? "" : `${value as string}`;
}
