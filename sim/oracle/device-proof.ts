// The oracle's view of device identities and signatures: a thin adapter over src/crypto (one implementation
// for the model and the driver that talks to the real gateway), plus reproducible seeds for named identities.
import {
  buildSignaturePayload as buildPayload,
  identityFromSeed as identityFromSeedBytes,
  normalizeDeviceMetadataForAuth,
  signPayload as signWith,
  type DeviceIdentity,
} from "../../src/crypto/index.ts";
import type { DevicePayloadVersion } from "./attempt.ts";

const seedBytes = 32;

export interface OracleIdentity extends DeviceIdentity {
  readonly seedHex: string;
}

export function identityFromSeed(seedHex: string): OracleIdentity {
  const seed = Buffer.from(seedHex, "hex");
  if (seed.length !== seedBytes) throw new Error(`identity seed must be ${seedBytes} bytes hex, got ${seedHex}`);
  return { ...identityFromSeedBytes(Uint8Array.from(seed)), seedHex };
}

/** A reproducible seed for a named test identity (defined beside the attempt generator). */
export { seedForName } from "../../src/world/attempt/generate.ts";

export interface SignaturePayloadFields {
  readonly version: DevicePayloadVersion;
  readonly deviceId: string;
  readonly clientId: string;
  readonly clientMode: string;
  readonly role: string;
  readonly scopes: readonly string[];
  readonly signedAtMs: number;
  readonly token: string;
  readonly nonce: string;
  readonly platform?: unknown;
  readonly deviceFamily?: unknown;
}

export const normalizeDeviceMetadata = normalizeDeviceMetadataForAuth;

export function buildSignaturePayload(fields: SignaturePayloadFields): string {
  const { version, ...rest } = fields;
  return buildPayload(version, rest);
}

export function signPayload(identity: DeviceIdentity, payload: string, format: "base64url" | "base64"): string {
  const sig = signWith(identity, payload);
  return format === "base64" ? Buffer.from(sig, "base64url").toString("base64") : sig;
}
