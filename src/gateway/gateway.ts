// The gateway auth reducer: step(state, input, ctx) → outputs. It owns per-connection handshake state, the
// pairing store, the rate limiters and the tick timer; it does no I/O and reads no clock but ctx.nowMs.
import { uuidV4 } from "../kernel/index.ts";
import type { GatewaySwitches } from "../profiles/index.ts";
import { ErrorCodes, validateRequestFrame, type RequestFrame } from "../protocol/index.ts";
import { handleConnect } from "./connect.ts";
import { createFailedAuthDelay } from "./failed-auth-delay.ts";
import { resolveLocality, unattributableProxy } from "./locality.ts";
import { handleRequest } from "./methods.ts";
import { emptyPairingStore, prunePending, type PairingStore } from "./pairing-store.ts";
import { createLimiter } from "./rate-limit.ts";
import { emptyCronStore } from "./cron.ts";
import { emptyBootstrapStore, type BootstrapStore } from "./bootstrap-tokens.ts";
import { emptyNodePairingStore, type NodePairingStore } from "./node-pairing.ts";
import { upsertPresence } from "./presence.ts";
import { close, event, log, resError } from "./responses.ts";
import type { Connection, GatewayInput, GatewayOutput, GatewayRuntimeConfig, GatewayState, StepContext } from "./types.ts";

export function createGatewayState(options: {
  switches: GatewaySwitches;
  config: GatewayRuntimeConfig;
  store?: PairingStore;
  /** The host's bootstrap-token file (shared by reference: the gateway re-reads it for every check). */
  bootstrap?: BootstrapStore;
  /** The host's node pairing files (shared by reference). */
  nodes?: NodePairingStore;
  startedAtMs: number;
}): GatewayState {
  return {
    switches: options.switches,
    config: options.config,
    startedAtMs: options.startedAtMs,
    ready: false,
    conns: new Map(),
    store: options.store ? structuredClone(options.store) : emptyPairingStore(),
    limiter: createLimiter(options.config.auth.rateLimit, { absent: options.switches.limiterNeedsConfig && !options.config.auth.rateLimit }),
    browserLimiter: createLimiter({ ...options.config.auth.rateLimit, exemptLoopback: false }),
    failedAuth: createFailedAuthDelay(),
    delayed: new Map(),
    tickSeq: 0,
    presence: new Map(),
    cron: emptyCronStore(),
    bootstrap: options.bootstrap ?? emptyBootstrapStore(),
    nodes: options.nodes ?? emptyNodePairingStore(),
  };
}

export function gatewayStep(state: GatewayState, input: GatewayInput, ctx: StepContext): GatewayOutput[] {
  switch (input.kind) {
    case "start":
      return start(state);
    case "upgrade":
      return upgrade(state, input.connId, input.request, ctx);
    case "frame": {
      const conn = state.conns.get(input.connId);
      if (!conn || conn.phase === "closed") return [];
      return conn.phase === "connected" ? postHelloFrame(state, conn, input.text, ctx) : preauthFrame(state, conn, input.text, ctx);
    }
    case "closed":
      return closed(state, input.connId, ctx);
    case "timer":
      return timer(state, input.key, ctx);
    case "shared-secret-changed":
      return sharedSecretChanged(state, input.token, input.password, input.restartDeferred === true);
    case "config-reloaded":
      return configReloaded(state, input.config, input.paths);
    case "shutdown":
      return shutdown(state, input.reason, input.restartExpectedMs);
  }
}

function start(state: GatewayState): GatewayOutput[] {
  const outputs: GatewayOutput[] = [{ kind: "timer-set", key: "tick", delayMs: state.switches.tickIntervalMs }];
  const startupMs = state.switches.startupUnavailableMs;
  if (startupMs === null) state.ready = true;
  else outputs.push({ kind: "timer-set", key: "ready", delayMs: startupMs });
  outputs.push(log("gateway.start", { ready: state.ready }));
  return outputs;
}

function upgrade(state: GatewayState, connId: string, request: { remoteAddress: string; headers: Record<string, string> }, ctx: StepContext): GatewayOutput[] {
  const locality = resolveLocality({ remoteAddress: request.remoteAddress, headers: request.headers, trustedProxies: state.config.trustedProxies, allowRealIpFallback: state.config.allowRealIpFallback, proxyPeerWithoutClientIp: state.switches.proxyPeerWithoutClientIp });
  if (locality.hasUntrustedProxyHeaders && state.switches.untrustedProxyHeaders === "refuse-403") {
    const body = JSON.stringify({ error: { message: "Proxy client attribution is required. Configure gateway.trustedProxies for this proxy.", type: "proxy_attribution_required" } });
    return [{ kind: "upgrade-refuse", connId, status: 403, body }];
  }
  if (state.switches.unattributableProxyRefused && unattributableProxy(request, state.config.trustedProxies, locality.clientIp)) {
    const body = JSON.stringify({ error: { message: "Proxy client attribution is required.", type: "proxy_attribution_required" } });
    return [{ kind: "upgrade-refuse", connId, status: 403, body }];
  }
  const budget = state.switches.preauthSocketsPerIpMax;
  if (budget !== null) {
    let preauth = 0;
    for (const c of state.conns.values()) if (c.clientIp === locality.clientIp && c.phase !== "connected" && c.phase !== "closed") preauth++;
    if (preauth >= budget) return [{ kind: "upgrade-refuse", connId, status: 503, body: "Too many unauthenticated sockets" }];
  }
  const conn: Connection = {
    connId,
    remoteAddress: request.remoteAddress,
    headers: request.headers,
    clientIp: locality.clientIp,
    isLocal: locality.isLocal,
    hasUntrustedProxyHeaders: locality.hasUntrustedProxyHeaders,
    connectNonce: uuidV4(ctx.prng),
    phase: "preauth",
  };
  state.conns.set(connId, conn);
  const challenge: Record<string, unknown> = { nonce: conn.connectNonce, ts: ctx.nowMs };
  if (state.switches.challengeCapabilities) challenge["capabilities"] = [];
  const outputs: GatewayOutput[] = [{ kind: "upgrade-accept", connId }];
  if (state.switches.preauthPayloadBytesMax !== null) outputs.push({ kind: "set-max-payload", connId, bytes: Number.MAX_SAFE_INTEGER });
  outputs.push(event(connId, "connect.challenge", challenge), { kind: "timer-set", key: `handshake:${connId}`, delayMs: handshakeTimeoutMs(state) });
  if (locality.hasUntrustedProxyHeaders) outputs.push(log("conn.untrusted-proxy-headers", { connId }));
  return outputs;
}

function preauthFrame(state: GatewayState, conn: Connection, text: string, ctx: StepContext): GatewayOutput[] {
  if (conn.phase === "connecting") return [];
  const cap = state.switches.preauthPayloadBytesMax;
  if (cap !== null && Buffer.byteLength(text, "utf8") > cap) {
    return [close(conn.connId, 1009, state.switches.preauthOversizeReason), log("conn.close-cause", { connId: conn.connId, cause: "preauth-payload-too-large" })];
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [close(conn.connId, 1000, "")];
  }
  if (state.switches.workerClaimsClosed && claimsWorker(parsed)) return [close(conn.connId, 1008, "invalid-handshake")];
  if (!validateRequestFrame(parsed)) return [close(conn.connId, 1008, "invalid request frame")];
  const req = parsed as RequestFrame;
  if (req.method !== "connect") {
    const message = "invalid handshake: first request must be connect";
    return [resError(conn.connId, req.id, { code: ErrorCodes.INVALID_REQUEST, message }), close(conn.connId, 1008, message)];
  }
  prunePending(state.store, ctx.nowMs);
  return handleConnect(state, conn, req, ctx);
}

function postHelloFrame(state: GatewayState, conn: Connection, text: string, ctx: StepContext): GatewayOutput[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!validateRequestFrame(parsed)) {
    const id = typeof (parsed as { id?: unknown } | undefined)?.id === "string" ? (parsed as { id: string }).id : "invalid";
    return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: "invalid request frame" })];
  }
  const req = parsed as RequestFrame;
  const params = req.params !== null && typeof req.params === "object" ? (req.params as Record<string, unknown>) : {};
  return handleRequest(state, conn, req.id, req.method, params, ctx);
}

function closed(state: GatewayState, connId: string, ctx: StepContext): GatewayOutput[] {
  const conn = state.conns.get(connId);
  if (!conn) return [];
  const presenceKey = conn.session?.presenceKey;
  if (presenceKey) upsertPresence(state.presence, presenceKey, { reason: "disconnect" }, ctx.nowMs);
  conn.phase = "closed";
  state.conns.delete(connId);
  const outputs: GatewayOutput[] = [{ kind: "timer-cancel", key: `handshake:${connId}` }];
  const delayKey = `auth-delay:${connId}`;
  if (state.delayed.delete(delayKey)) outputs.push({ kind: "timer-cancel", key: delayKey });
  return outputs;
}

function timer(state: GatewayState, key: string, ctx: StepContext): GatewayOutput[] {
  if (key === "tick") {
    const outputs: GatewayOutput[] = [{ kind: "timer-set", key: "tick", delayMs: state.switches.tickIntervalMs }];
    state.tickSeq++;
    for (const c of state.conns.values()) if (c.phase === "connected") outputs.push(event(c.connId, "tick", { ts: ctx.nowMs }, state.tickSeq));
    return outputs;
  }
  if (key === "ready") {
    state.ready = true;
    return [log("gateway.ready", {})];
  }
  if (key.startsWith("handshake:")) {
    const conn = state.conns.get(key.slice("handshake:".length));
    if (!conn || conn.phase === "connected" || conn.phase === "closed") return [];
    return [close(conn.connId, 1000, ""), log("conn.close-cause", { connId: conn.connId, cause: "handshake-timeout" })];
  }
  if (key.startsWith("auth-delay:")) {
    const held = state.delayed.get(key) ?? [];
    state.delayed.delete(key);
    return held;
  }
  return [];
}

function sharedSecretChanged(state: GatewayState, token: string | undefined, password: string | undefined, restartDeferred: boolean): GatewayOutput[] {
  // A deferred restart leaves the in-process auth snapshot as it was (PR #60387's residual risk).
  if (!restartDeferred) state.config = { ...state.config, auth: { ...state.config.auth, token, password } };
  const deferred = restartDeferred ? { restartDeferred: true } : {};
  if (!state.switches.sharedSecretRotationClosesSessions) return [log("gateway.shared-secret-changed", { closed: 0, ...deferred })];
  const outputs: GatewayOutput[] = [];
  for (const c of state.conns.values()) {
    if (c.phase === "connected" && c.session?.usesSharedGatewayAuth) outputs.push(close(c.connId, 4001, "gateway auth changed"));
  }
  outputs.push(log("gateway.shared-secret-changed", { closed: outputs.length, ...deferred }));
  return outputs;
}

/** Hot keys take effect for the next connect; a changed rate limit starts fresh counters. Secrets stay. */
function configReloaded(state: GatewayState, config: GatewayRuntimeConfig, paths: readonly string[]): GatewayOutput[] {
  const { token, password } = state.config.auth;
  const rateLimitChanged = JSON.stringify(config.auth.rateLimit ?? null) !== JSON.stringify(state.config.auth.rateLimit ?? null);
  state.config = { ...config, auth: { ...config.auth, token, password } };
  if (rateLimitChanged) {
    state.limiter = createLimiter(config.auth.rateLimit, { absent: state.switches.limiterNeedsConfig && !config.auth.rateLimit });
    state.browserLimiter = createLimiter({ ...config.auth.rateLimit, exemptLoopback: false });
  }
  return [log("gateway.config-reloaded", { paths: [...paths] })];
}

function shutdown(state: GatewayState, reason: string, restartExpectedMs: number | undefined): GatewayOutput[] {
  const outputs: GatewayOutput[] = [];
  for (const c of state.conns.values()) {
    if (c.phase === "connected") outputs.push(event(c.connId, "shutdown", restartExpectedMs === undefined ? { reason } : { reason, restartExpectedMs }));
    outputs.push(close(c.connId, 1012, "service restart"));
  }
  return outputs;
}

/** The pre-auth handshake timeout: OPENCLAW_HANDSHAKE_TIMEOUT_MS where the release reads it, else its default. */
export function handshakeTimeoutMs(state: GatewayState): number {
  const fromEnv = state.config.handshakeTimeoutMs;
  return state.switches.handshakeTimeoutEnv && fromEnv !== undefined && fromEnv > 0 ? fromEnv : state.switches.handshakeTimeoutMs;
}

/** A pre-hello frame whose params claim a worker identity (role, client id or mode). */
function claimsWorker(parsed: unknown): boolean {
  const params = (parsed as { params?: unknown } | null)?.params;
  if (params === null || typeof params !== "object") return false;
  const p = params as { role?: unknown; client?: { id?: unknown; mode?: unknown } };
  return p.role === "worker" || p.client?.id === "openclaw-worker" || p.client?.mode === "worker";
}
