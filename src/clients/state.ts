// createClientState: per-kind defaults applied to the options, the device-auth file view loaded, limits
// clamped. The state is then owned by the reducer (client.ts) and mutated only by it.
import { assert } from "../kernel/index.ts";
import { kindDefaults } from "./kinds.ts";
import { backoffShape } from "./retry-policy.ts";
import { hostHeaderFor, pageOriginFor } from "./endpoint.ts";
import type { ClientConfig, ClientOptions, ClientState, StoredDeviceToken } from "./types.ts";

/** `connectDelayMs` clamp (§2). */
export const challengeTimeoutMsMin = 250;
export const challengeTimeoutMsMax = 15_000;
/** `tickWatchMinIntervalMs` clamp and default (§7.6). */
export const tickWatchMinIntervalMsMin = 1;
export const tickWatchMinIntervalMsMax = 30_000;
export const tickWatchMinIntervalMsDefault = 1_000;
/** Tick interval assumed before hello-ok says otherwise. */
export const tickIntervalMsDefault = 30_000;
/** GatewayClient's request timeout. */
export const requestTimeoutMsDefault = 30_000;
/** callGateway's overall timeout for a one-shot CLI call. */
export const oneShotTimeoutMsDefault = 10_000;
/** Grace between stop()'s close and the forced terminate. */
export const stopTerminateGraceMs = 250;
/** Calls queued while not connected. */
export const queuedCallsMax = 64;
/** The browser's close code for the client's own handshake failures (close(1008) throws in a browser). */
export const browserConnectFailedCloseCode = 4008;

assert(challengeTimeoutMsMin <= challengeTimeoutMsMax, "challenge timeout clamp out of order");
assert(tickWatchMinIntervalMsMin <= tickWatchMinIntervalMsDefault, "tick watch default below its clamp");

export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

function resolveConfig(o: ClientOptions): ClientConfig {
  assert(o.url.length > 0, "client url must be set");
  const d = kindDefaults[o.kind];
  return {
    kind: o.kind,
    url: o.url,
    switches: o.switches,
    identity: o.identity,
    clientId: o.clientId ?? (o.kind === "tui" ? o.switches.tuiClientId : d.clientId),
    mode: o.mode ?? d.mode,
    role: o.role ?? d.role,
    scopes: [...(o.scopes ?? (o.kind === "control-ui" ? o.switches.controlUiScopes : d.scopes))],
    caps: [...(o.caps ?? d.caps)],
    commands: o.commands ? [...o.commands] : d.commands ? [...d.commands] : undefined,
    platform: o.platform ?? d.platform,
    deviceFamily: o.deviceFamily,
    displayName: o.displayName ?? (o.kind === "tui" && o.switches.tuiClientId === "gateway-client" ? "openclaw-tui" : undefined),
    instanceId: o.instanceId,
    buildId: o.kind === "control-ui" && o.switches.controlUiSendsBuildId ? o.buildId : undefined,
    clientVersion: o.clientVersion ?? d.clientVersion,
    tlsFingerprint: o.tlsFingerprint,
    explicitDeviceToken: o.deviceToken,
    bootstrapToken: o.bootstrapToken,
    origin: d.browser ? (o.origin ?? pageOriginFor(o.url)) : undefined,
    oneShot: o.oneShot,
    allowInsecurePrivateWs: o.allowInsecurePrivateWs ?? true,
    tickWatchMinIntervalMs: clamp(o.tickWatchMinIntervalMs ?? tickWatchMinIntervalMsDefault, tickWatchMinIntervalMsMin, tickWatchMinIntervalMsMax),
    requestTimeoutMs: o.requestTimeoutMs ?? requestTimeoutMsDefault,
    connectFailedCloseCode: d.browser ? browserConnectFailedCloseCode : 1008,
  };
}

/** The device-auth file view: ignored without an identity or when the file belongs to another device. */
export function loadStoredTokens(o: Pick<ClientOptions, "identity" | "storedTokens" | "storedTokensDeviceId">): Record<string, StoredDeviceToken> {
  if (!o.identity || !o.storedTokens) return {};
  if (o.storedTokensDeviceId !== undefined && o.storedTokensDeviceId !== o.identity.deviceId) return {};
  const out: Record<string, StoredDeviceToken> = {};
  for (const [role, entry] of Object.entries(o.storedTokens)) out[role] = { token: entry.token, scopes: [...entry.scopes] };
  return out;
}

export function createClientState(options: ClientOptions): ClientState {
  const config = resolveConfig(options);
  return {
    config,
    credentials: { explicitToken: options.explicitToken, passiveToken: options.passiveToken, password: options.password },
    storedTokens: loadStoredTokens(options),
    tokenStorage: options.kind === "control-ui" ? (options.switches.controlUiTokenPerTab ? "sessionStorage" : "localStorage") : null,
    lifecycle: "idle",
    socket: "none",
    handshake: "idle",
    attempts: 0,
    reconnects: 0,
    backoffMs: backoffShape(options.kind, options.switches).initialMs,
    pendingDeviceTokenRetry: false,
    deviceTokenRetryBudgetUsed: false,
    pendingConnectErrorDetailCode: null,
    pendingRetryAfterMs: null,
    lastAttempt: null,
    connectNonce: null,
    tickIntervalMs: tickIntervalMsDefault,
    lastTickMs: null,
    lastSeq: null,
    pendingCalls: new Map(),
    queuedCalls: [],
    oneShotSettled: false,
    timers: new Set(),
    hellos: 0,
  };
}

/** Upgrade request headers: Host always, Origin for browser kinds. Lower-case names, as the gateway reads them. */
export function upgradeHeaders(config: ClientConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  const host = hostHeaderFor(config.url);
  if (host !== undefined) headers["host"] = host;
  if (config.origin !== undefined) headers["origin"] = config.origin;
  return headers;
}
