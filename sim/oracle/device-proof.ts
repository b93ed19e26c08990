// Ed25519 device identities and the v1/v2/v3 signature payloads of spec §3.2, built with node:crypto for the
// real-gateway oracle. Deterministic: an identity is fully defined by its 32-byte seed. Not the simulator's
// crypto module (src/crypto); this copy exists so the oracle does not depend on simulator code.

import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from "node:crypto";

import type { DevicePayloadVersion } from "./attempt.ts";

const PKCS8_ED25519_PREFIX_HEX = "302e020100300506032b657004220420";
const SPKI_ED25519_PREFIX_HEX = "302a300506032b6570032100";
const SEED_BYTES = 32;

export interface OracleIdentity {
  readonly seedHex: string;
  readonly privateKey: KeyObject;
  readonly publicKeyRaw: Buffer;
  readonly publicKeyBase64Url: string;
  readonly publicKeyPem: string;
  /** Lowercase hex SHA-256 of the raw 32-byte public key. */
  readonly deviceId: string;
}

export function identityFromSeed(seedHex: string): OracleIdentity {
  const seed = Buffer.from(seedHex, "hex");
  if (seed.length !== SEED_BYTES) throw new Error(`identity seed must be ${SEED_BYTES} bytes hex, got ${seedHex}`);
  const privateKey = createPrivateKey({
    key: Buffer.concat([Buffer.from(PKCS8_ED25519_PREFIX_HEX, "hex"), seed]),
    format: "der",
    type: "pkcs8",
  });
  const spki = createPublicKey(privateKey).export({ format: "der", type: "spki" });
  const publicKeyRaw = spki.subarray(SPKI_ED25519_PREFIX_HEX.length / 2);
  const publicKeyPem = createPublicKey(privateKey).export({ format: "pem", type: "spki" }).toString();
  return {
    seedHex,
    privateKey,
    publicKeyRaw,
    publicKeyBase64Url: publicKeyRaw.toString("base64url"),
    publicKeyPem,
    deviceId: createHash("sha256").update(publicKeyRaw).digest("hex"),
  };
}

/** A reproducible seed for a named test identity. */
export function seedForName(name: string): string {
  return createHash("sha256").update(`clawsim-oracle-identity:${name}`).digest("hex");
}

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

/** Non-strings become "", then trim, then ASCII A–Z lowercased only. */
export function normalizeDeviceMetadata(value: unknown): string {
  if (typeof value !== "string") return "";
  return value.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function buildSignaturePayload(fields: SignaturePayloadFields): string {
  const common = [
    fields.deviceId,
    fields.clientId,
    fields.clientMode,
    fields.role,
    fields.scopes.join(","),
    String(fields.signedAtMs),
    fields.token,
  ];
  switch (fields.version) {
    case "v1":
      return ["v1", ...common].join("|");
    case "v2":
      return ["v2", ...common, fields.nonce].join("|");
    case "v3":
      return [
        "v3",
        ...common,
        fields.nonce,
        normalizeDeviceMetadata(fields.platform),
        normalizeDeviceMetadata(fields.deviceFamily),
      ].join("|");
  }
}

export function signPayload(identity: OracleIdentity, payload: string, format: "base64url" | "base64"): string {
  return sign(null, Buffer.from(payload, "utf8"), identity.privateKey).toString(format);
}
