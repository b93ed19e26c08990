// What the real client did, in the words of the simulated ClientNode's trace: its `connect` frame read back as
// a `connect-attempt` (which credential went where), its hello-ok as `hello`, its errors as `connect-error`,
// its pause as `paused`. Pure functions of what crossed the wire or reached a callback, so invariants and
// reports read both clients the same way. Not the recording: real-client-node.ts writes these to the trace.
import { parseJsonObject } from "../kernel/index.ts";
import type { TokenSource } from "../clients/index.ts";
import type { RealConnectError, RealHelloOk, RealReconnectPausedInfo } from "./real-client-types.ts";

/** The credentials this client was given, to tell which one a frame carries. */
export interface CredentialsGiven {
  readonly explicitToken?: string;
  readonly passiveToken?: string;
  readonly deviceTokenOption?: string;
  /** The stored token the client loaded for this attempt (hostDeps.loadDeviceAuthToken's last answer). */
  readonly storedToken?: string;
}

/** A `req` frame's method, id and params, or undefined for anything else. */
export function readRequestFrame(text: string): { method: string; id: string; params: Record<string, unknown> } | undefined {
  const parsed = parseJsonObject(text);
  if (parsed === undefined) return undefined;
  const frame = parsed as { type?: unknown; method?: unknown; id?: unknown; params?: unknown };
  if (frame.type !== "req" || typeof frame.method !== "string") return undefined;
  const params = frame.params !== null && typeof frame.params === "object" ? (frame.params as Record<string, unknown>) : {};
  return { method: frame.method, id: typeof frame.id === "string" ? frame.id : "", params };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

/** The `connect-attempt` data for a connect frame (same fields as the simulated client's). */
export function connectAttemptData(params: Record<string, unknown>, attempt: number, given: CredentialsGiven): Record<string, unknown> {
  const auth = params["auth"] !== null && typeof params["auth"] === "object" ? (params["auth"] as Record<string, unknown>) : {};
  const token = text(auth["token"]);
  const deviceToken = text(auth["deviceToken"]);
  const shared = text(given.explicitToken) ?? text(given.passiveToken);
  const sharedSource: TokenSource = text(given.explicitToken) ? "explicit" : "passive";
  const deviceSource = deviceToken === undefined ? null : deviceToken === text(given.deviceTokenOption) ? "device-token-option" : "stored";
  let tokenSource: TokenSource | null = null;
  if (token !== undefined && token === shared) tokenSource = sharedSource;
  else if (token !== undefined && token === text(given.deviceTokenOption)) tokenSource = "device-token-option";
  else if (token !== undefined) tokenSource = "stored";
  const scopes = Array.isArray(params["scopes"]) ? params["scopes"].filter((s): s is string => typeof s === "string") : [];
  return {
    attempt,
    tokenSource,
    deviceToken: deviceSource,
    bootstrapToken: text(auth["bootstrapToken"]) !== undefined,
    password: text(auth["password"]) !== undefined,
    device: params["device"] !== undefined && params["device"] !== null,
    deviceTokenRetry: deviceToken !== undefined && shared !== undefined && token === shared,
    scopes,
  };
}

/** The `hello` data for a hello-ok payload. */
export function helloData(hello: RealHelloOk, role: string): Record<string, unknown> {
  const auth = hello.auth ?? {};
  return {
    authMethod: typeof auth.method === "string" ? auth.method : null,
    role: typeof auth.role === "string" ? auth.role : role,
    scopes: Array.isArray(auth.scopes) ? auth.scopes.filter((s) => typeof s === "string") : [],
    deviceTokenIssued: typeof auth.deviceToken === "string" && auth.deviceToken.length > 0,
    protocol: typeof hello.protocol === "number" ? hello.protocol : null,
    tickIntervalMs: typeof hello.policy?.tickIntervalMs === "number" ? hello.policy.tickIntervalMs : 30_000,
  };
}

/** The `connect-error` data for what onConnectError got. */
export function connectErrorData(error: RealConnectError): Record<string, unknown> {
  const details = error.details;
  const d = details !== null && typeof details === "object" ? (details as Record<string, unknown>) : {};
  const code = error.gatewayCode ?? error.code;
  return {
    code: typeof code === "string" ? code : null,
    message: error.message,
    detailCode: typeof d["code"] === "string" ? d["code"] : null,
    details,
  };
}

/** The `paused` data for onReconnectPaused (the real client gives the close that paused it, not a reason). */
export function pausedData(info: RealReconnectPausedInfo): Record<string, unknown> {
  return { detailCode: info.detailCode, why: `reconnect paused after close ${info.code} ${info.reason}`.trim(), code: info.code };
}

/** Refusals the real client reports as a connect error before any socket exists (its transport guard). */
export function refusalOf(error: RealConnectError): { reason: "insecure-ws" | "tls-fingerprint-requires-wss"; message: string } | undefined {
  if (error.message.startsWith("SECURITY ERROR") && error.message.includes("plaintext ws://")) return { reason: "insecure-ws", message: error.message };
  if (error.message.includes("tls fingerprint requires wss://")) return { reason: "tls-fingerprint-requires-wss", message: error.message };
  return undefined;
}
