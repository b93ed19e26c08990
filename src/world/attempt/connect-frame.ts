// Turns an Attempt into the exact text frames to send on one socket: resolves placeholders ({{nonce}},
// {{deviceToken:NAME}}, ...) and builds + signs the `device` object. Pure given its FrameContext (the wall-clock
// time is passed in), so a replay in the simulated model can reuse it with a virtual clock.

import type { Attempt, DeviceNonceMode, DeviceSpec } from "./attempt.ts";
import { buildSignaturePayload, identityFromSeed as identityFromSeedBytes, signPayload as signWith, type DeviceIdentity } from "../../crypto/index.ts";

const identityCache = new Map<string, DeviceIdentity>();
function identityFromSeed(seedHex: string): DeviceIdentity {
  let identity = identityCache.get(seedHex);
  if (!identity) {
    identity = identityFromSeedBytes(Uint8Array.from(Buffer.from(seedHex, "hex")));
    identityCache.set(seedHex, identity);
  }
  return identity;
}

function signPayload(identity: DeviceIdentity, payload: string, format: "base64url" | "base64"): string {
  const sig = signWith(identity, payload);
  return format === "base64" ? Buffer.from(sig, "base64url").toString("base64") : sig;
}

export interface FrameContext {
  readonly port: number;
  readonly gatewayToken: string;
  /** This socket's connect.challenge nonce (null if none arrived). */
  readonly nonce: string | null;
  /** The previous socket's challenge nonce. */
  readonly staleNonce: string | null;
  /** details.requestId of the latest PAIRING_REQUIRED answer on any earlier socket. */
  readonly lastRequestId?: string | null;
  /** Identity name → 32-byte seed hex. */
  readonly identities: Readonly<Record<string, string>>;
  /** `${deviceId}/${role}` → latest device token issued. */
  readonly deviceTokens: ReadonlyMap<string, string>;
  readonly nowMs: number;
}

export interface BuiltFrames {
  readonly preFrames: readonly string[];
  readonly connect: string | null;
  readonly connectId: string | null;
  readonly unresolved: readonly string[];
}

const PLACEHOLDER = /\{\{([A-Za-z]+)(?::([^}]+))?\}\}/g;
const BLANK_NONCE = "   ";
const DEFAULT_CONNECT_ID = "connect-1";
/** Used for "stale" when no earlier socket existed; a well-formed UUID v4 no gateway ever issued. */
const NEVER_ISSUED_NONCE = "00000000-0000-4000-8000-000000000000";

export { identityFromSeed as identityFromSeedHex };

export function deviceTokenKey(deviceId: string, role: string): string {
  return `${deviceId}/${role}`;
}

function resolveOne(name: string, arg: string | undefined, ctx: FrameContext): string | undefined {
  switch (name) {
    case "gatewayToken":
      return ctx.gatewayToken;
    case "port":
      return String(ctx.port);
    case "nonce":
      return ctx.nonce ?? undefined;
    case "staleNonce":
      return ctx.staleNonce ?? undefined;
    case "lastRequestId":
      return ctx.lastRequestId ?? undefined;
    case "deviceId": {
      const seed = arg === undefined ? undefined : ctx.identities[arg];
      return seed === undefined ? undefined : identityFromSeed(seed).deviceId;
    }
    case "deviceToken": {
      const [identityName, role = "operator"] = (arg ?? "").split("/");
      const seed = identityName === undefined ? undefined : ctx.identities[identityName];
      if (seed === undefined) return undefined;
      return ctx.deviceTokens.get(deviceTokenKey(identityFromSeed(seed).deviceId, role));
    }
    default:
      return undefined;
  }
}

export function resolveText(text: string, ctx: FrameContext, unresolved: string[]): string {
  if (!text.includes("{{")) return text;
  return text.replace(PLACEHOLDER, (whole, name: string, arg: string | undefined) => {
    const value = resolveOne(name, arg, ctx);
    if (value === undefined) {
      unresolved.push(whole);
      return whole;
    }
    return value;
  });
}

/** Whether an object or array holds a placeholder anywhere (attempts are never mutated, so this is remembered). */
const holdsPlaceholder = new WeakMap<object, boolean>();
function hasPlaceholder(value: unknown): boolean {
  if (typeof value === "string") return value.includes("{{");
  if (value === null || typeof value !== "object") return false;
  let known = holdsPlaceholder.get(value);
  if (known === undefined) {
    known = Array.isArray(value) ? value.some(hasPlaceholder) : Object.values(value).some(hasPlaceholder);
    holdsPlaceholder.set(value, known);
  }
  return known;
}

/**
 * A copy of `value` with its placeholders resolved. Parts without a placeholder are the attempt's own objects,
 * shared, not copied: callers only serialise the result, except that `buildFrames` sets `device` on its own
 * top-level copy.
 */
export function resolveDeep(value: unknown, ctx: FrameContext, unresolved: string[]): unknown {
  if (typeof value === "string") return resolveText(value, ctx, unresolved);
  if (value === null || typeof value !== "object" || !hasPlaceholder(value)) return value;
  if (Array.isArray(value)) return value.map((item) => resolveDeep(item, ctx, unresolved));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = resolveDeep((value as Record<string, unknown>)[key], ctx, unresolved);
  return out;
}

function nonceValue(mode: DeviceNonceMode, ctx: FrameContext, unresolved: string[]): string | undefined {
  switch (mode) {
    case "challenge":
      if (ctx.nonce === null) unresolved.push("challenge nonce");
      return ctx.nonce ?? "";
    case "blank":
      return BLANK_NONCE;
    case "stale":
      return ctx.staleNonce ?? NEVER_ISSUED_NONCE;
    case "omit":
      return undefined;
    default:
      return resolveText(mode, ctx, unresolved);
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function firstString(...values: unknown[]): string {
  for (const value of values) if (typeof value === "string" && value.length > 0) return value;
  return "";
}

/** Builds the `device` object for `params` (already placeholder-resolved). */
export function buildDevice(
  spec: DeviceSpec,
  params: Readonly<Record<string, unknown>>,
  ctx: FrameContext,
  unresolved: string[],
): Record<string, unknown> {
  const identity = identityFromSeed(spec.identitySeed);
  const signer = spec.otherKeySeed === undefined ? identity : identityFromSeed(spec.otherKeySeed);
  const client = asRecord(params.client);
  const auth = asRecord(params.auth);
  const deviceNonce = nonceValue(spec.nonce ?? "challenge", ctx, unresolved);
  const signedNonce = spec.signNonce === undefined ? (deviceNonce ?? "") : (nonceValue(spec.signNonce, ctx, unresolved) ?? "");
  const deviceId = spec.idOverride ?? identity.deviceId;
  const signedAtMs = ctx.nowMs + (spec.signedAtOffsetMs ?? 0);
  const payload = buildSignaturePayload(spec.payloadVersion, {
    deviceId,
    clientId: String(client.id ?? ""),
    clientMode: String(client.mode ?? ""),
    role: typeof params.role === "string" ? params.role : "operator",
    scopes: spec.signScopes ?? (Array.isArray(params.scopes) ? params.scopes.map(String) : []),
    signedAtMs,
    token:
      spec.signToken === undefined
        ? firstString(auth.token, auth.deviceToken, auth.bootstrapToken)
        : resolveText(spec.signToken, ctx, unresolved),
    nonce: signedNonce,
    platform: client.platform,
    deviceFamily: client.deviceFamily,
  });
  const publicKey =
    spec.publicKeyFormat === "pem"
      ? identity.publicKeyPem
      : spec.publicKeyFormat === "garbage"
        ? "not-a-public-key"
        : identity.publicKeyBase64Url;
  const device: Record<string, unknown> = {
    id: deviceId,
    publicKey,
    signature: signPayload(signer, payload, spec.signatureFormat ?? "base64url"),
    signedAt: signedAtMs,
  };
  if (deviceNonce !== undefined) device.nonce = deviceNonce;
  for (const field of spec.omitFields ?? []) delete device[field];
  return spec.extraFields === undefined ? device : { ...device, ...spec.extraFields };
}

function padFrame(text: string, padToBytes: number | undefined, unresolved: string[]): string {
  if (padToBytes === undefined) return text;
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > padToBytes) {
    unresolved.push(`padToBytes ${padToBytes} < frame ${bytes}`);
    return text;
  }
  return text + " ".repeat(padToBytes - bytes);
}

export function buildFrames(attempt: Attempt, ctx: FrameContext): BuiltFrames {
  const unresolved: string[] = [];
  const preFrames = (attempt.preFrames ?? []).map((frame) => resolveText(frame, ctx, unresolved));
  const spec = attempt.connect;
  if (spec === undefined) return { preFrames, connect: null, connectId: null, unresolved };
  if ("raw" in spec) {
    const text = resolveText(spec.raw, ctx, unresolved);
    let connectId: string | null = null;
    try {
      const id = asRecord(JSON.parse(text)).id;
      connectId = typeof id === "string" ? id : null;
    } catch {
      connectId = null;
    }
    return { preFrames, connect: text, connectId, unresolved };
  }
  const resolved = asRecord(resolveDeep(spec.params, ctx, unresolved));
  // `device` is set on it below: never on the attempt's own object (resolveDeep shares placeholder-free parts).
  const params = resolved === spec.params ? { ...resolved } : resolved;
  if (attempt.device !== undefined) params.device = buildDevice(attempt.device, params, ctx, unresolved);
  const id = spec.id ?? DEFAULT_CONNECT_ID;
  const base = { type: "req", id, method: "connect", params };
  const frame = spec.frameExtra === undefined ? base : { ...base, ...asRecord(resolveDeep(spec.frameExtra, ctx, unresolved)) };
  return { preFrames, connect: padFrame(JSON.stringify(frame), spec.padToBytes, unresolved), connectId: id, unresolved };
}
