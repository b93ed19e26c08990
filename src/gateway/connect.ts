// The ordered connect evaluation (spec §4.2): one `connect` request in, the answer (and close) out.
// Each stage either refuses (returns outputs) or hands its facts to the next one.
import { browserCopilotRefusal } from "./browser-copilot.ts";
import { normalizeNodeHostMetadata } from "./node-host-metadata.ts";
import {
  CloseReasons,
  ConnectErrorDetailCodes,
  deviceAuthDetailCode,
  deviceAuthMessage,
  ErrorCodes,
  validateConnectParams,
  type ConnectParams,
  type RequestFrame,
} from "../protocol/index.ts";
import { classifyClient, clearsUnboundScopes, evaluateMissingDevice, localBackendSelfPairing, type ClientClass } from "./connect-policy.ts";
import { verifyDeviceProof } from "./device-proof.ts";
import { checkBrowserOrigin } from "./origin-check.ts";
import { clearFailures, failureDelayMs } from "./failed-auth-delay.ts";
import { helloOk } from "./hello.ts";
import { broadcastToPairingOperators, pairDevice } from "./pairing-flow.ts";
import { nodeRequestId, reconcileNodeOnConnect, requestNodePairing } from "./node-pairing.ts";
import { limiterCheck, limiterExempts, limiterRecordFailure, limiterReset, type LimiterState } from "./rate-limit.ts";
import { close, log, refuse, type ErrorBody } from "./responses.ts";
import { authorizeGatewayConnect, sharedAuthGeneration, type SharedAuthResult } from "./shared-auth.ts";
import { verifyDeviceToken } from "./pairing-store.ts";
import { redeemBootstrapToken, revokeBootstrapToken, verifyBootstrapToken } from "./bootstrap-tokens.ts";
import { hasProxyHeaders, isLoopbackAddress, isTrustedProxy, localClient } from "./locality.ts";
import { unauthorizedAnswer } from "./unauthorized.ts";
import type { Connection, GatewayOutput, GatewayState, StepContext } from "./types.ts";
import type { GatewaySwitches } from "../profiles/index.ts";

/** Facts established by the stages before device proof and fallback auth. */
export interface ConnectFacts {
  readonly params: ConnectParams;
  readonly requestId: string;
  readonly role: string;
  scopes: string[];
  readonly cls: ClientClass;
  readonly hasOrigin: boolean;
  readonly allowBypass: boolean;
  readonly device: ConnectParams["device"] | null;
  authOk: boolean;
  authMethod: string;
  authReason: string | undefined;
  /** The limiter's wait when authReason is rate_limited. */
  retryAfterMs?: number;
  /** A wrong token or password held back from the shared-secret limiter until the connect is refused (switch
   *  sharedChargeDeferred): charged once by settleSharedCharge, cleared when charged. */
  sharedChargePending?: boolean;
  readonly sharedAuthOk: boolean;
  readonly trustedProxyAuthOk: boolean;
  /** The bootstrap token that authenticated this connect (authMethod "bootstrap-token"). */
  bootstrapToken?: string;
  /** The shared-auth generation of the device token that authenticated this connect, if it was issued under one
   *  (2026.9, switch deviceTokenIssuer). */
  deviceTokenGeneration?: string;
}

export function handleConnect(state: GatewayState, conn: Connection, req: RequestFrame, ctx: StepContext): GatewayOutput[] {
  const sw = state.switches;
  const validated = validateConnectParams(req.params, { schemaEra: sw.connectSchema, deviceNonceOptional: sw.deviceNonceSchemaOptional });
  if (!validated.ok) {
    const message = `invalid connect params: ${validated.message}`;
    return [...refuse(conn.connId, req.id, { code: ErrorCodes.INVALID_REQUEST, message }), log("connect.invalid-params", { connId: conn.connId })];
  }
  const params = validated.params;
  if (!state.ready) return startingAnswer(conn, req.id);
  const v = sw.protocolVersion;
  if ((params.maxProtocol < v || params.minProtocol > v) && !admittedBelow(state, params)) return protocolMismatch(state, conn, req.id, params);
  const role = params.role ?? "operator";
  if (role !== "operator" && role !== "node") {
    return refuse(conn.connId, req.id, { code: ErrorCodes.INVALID_REQUEST, message: "invalid role" });
  }
  const scopes = Array.isArray(params.scopes) ? [...params.scopes] : [];
  if (sw.browserCopilotClass) {
    const copilotRefusal = browserCopilotRefusal(conn.connId, req.id, params.client, params.caps, conn.headers["origin"]);
    if (copilotRefusal) return copilotRefusal;
  }
  const cls = classifyClient(sw, params.client);
  const origin = conn.headers["origin"];
  const originRefusal = checkOrigin(state, conn, req.id, cls, origin);
  if (originRefusal) return originRefusal;
  const allowBypass = cls.isControlUi && state.config.controlUi.dangerouslyDisableDeviceAuth;
  const device = allowBypass ? null : (params.device ?? null);
  const facts = primaryAuth(state, conn, ctx, { params, requestId: req.id, role, scopes, cls, hasOrigin: origin !== undefined, allowBypass, device });
  return afterPrimaryAuth(state, conn, ctx, facts);
}

function afterPrimaryAuth(state: GatewayState, conn: Connection, ctx: StepContext, f: ConnectFacts): GatewayOutput[] {
  const sw = state.switches;
  const allowInsecureAuth = f.cls.isControlUi && state.config.controlUi.allowInsecureAuth && !sw.allowInsecureAuthRetired;
  const isLocalClient = localClient(state, conn);
  const decision = evaluateMissingDevice(sw, {
    devicePresent: f.device !== null,
    cls: f.cls,
    role: f.role,
    isLocal: conn.isLocal,
    allowInsecureAuth,
    allowBypass: f.allowBypass,
    trustedProxyAuthOk: f.trustedProxyAuthOk,
    anyTrustedProxyOk: f.authOk && f.authMethod === "trusted-proxy",
    authOk: f.authOk,
    sharedAuthOk: f.sharedAuthOk,
    hasSharedAuth: Boolean(f.params.auth?.token || f.params.auth?.password),
    localBackendSelfPairingOk: sw.localBackendSkipsDeviceIdentity && localBackendSelfPairing(sw, { cls: f.cls, authMethod: f.authMethod, sharedAuthOk: f.sharedAuthOk, isLocal: isLocalClient, hasOrigin: f.hasOrigin }),
  });
  switch (decision) {
    case "reject-control-ui-insecure-auth":
      return refuse(conn.connId, f.requestId, coded(state, ErrorCodes.INVALID_REQUEST, sw.controlUiInsecureMessage === "https-or-localhost" ? CloseReasons.CONTROL_UI_SECURE_CONTEXT_REQUIRED : CloseReasons.CONTROL_UI_DEVICE_IDENTITY_REQUIRED, ConnectErrorDetailCodes.CONTROL_UI_DEVICE_IDENTITY_REQUIRED));
    case "reject-unauthorized":
      return unauthorized(state, conn, ctx, f);
    case "reject-device-required":
      return refuse(conn.connId, f.requestId, coded(state, ErrorCodes.NOT_PAIRED, "device identity required", ConnectErrorDetailCodes.DEVICE_IDENTITY_REQUIRED));
    case "allow":
      break;
  }
  if (clearsUnboundScopes(sw, { devicePresent: f.device !== null, allowBypass: f.allowBypass, cls: f.cls, clientId: f.params.client.id, clientMode: f.params.client.mode, isLocal: conn.isLocal, localClient: isLocalClient, allowInsecureAuth, authMethod: f.authMethod, hasOrigin: f.hasOrigin, sharedAuthOk: f.sharedAuthOk })) {
    f.scopes = [];
  }
  let publicKey: string | null = null;
  if (f.device) {
    const proof = verifyDeviceProof({ switches: sw, params: f.params, role: f.role, scopes: f.scopes, connectNonce: conn.connectNonce, isLocal: conn.isLocal, nowMs: ctx.nowMs });
    if (!proof.ok) {
      settleSharedCharge(state, conn, ctx, f);
      const message = deviceAuthMessage(proof.reason);
      const error: ErrorBody = { code: ErrorCodes.INVALID_REQUEST, message };
      if (sw.detailCodes) error.details = { code: sw.detailCodeSet === "early" ? ConnectErrorDetailCodes.DEVICE_AUTH_INVALID : deviceAuthDetailCode(proof.reason), reason: proof.reason };
      return [...refuse(conn.connId, f.requestId, error), log("connect.device-auth-invalid", { connId: conn.connId, reason: proof.reason })];
    }
    publicKey = proof.publicKey;
    const bootstrapFailed = sw.setupCodeCredential === "bootstrap-token" && bootstrapAuth(state, conn, ctx, f, publicKey);
    if (!f.authOk) deviceTokenFallback(state, conn, ctx, f);
    // A held shared charge is made only if no other credential passed (evaluateMissingDevice allows every
    // device-bearing connect, so a held charge is settled here or at the refused proof above).
    if (f.authOk) f.sharedChargePending = false;
    else settleSharedCharge(state, conn, ctx, f);
    if (bootstrapFailed && !f.authOk && sw.bootstrapLimiter) {
      const limiter = limiterFor(state, conn, f.hasOrigin);
      limiterRecordFailure(limiter.state, "bootstrap-token", limiter.key, ctx.nowMs);
    }
  }
  if (!f.authOk) return unauthorized(state, conn, ctx, f);
  if (f.authMethod === "token" || f.authMethod === "password") clearFailures(state.failedAuth, conn.clientIp);
  // The Control UI build check comes last, after pairing (recorded: a bad signature is reported first).
  if (sw.nodeHostMetadataNormalization) f = { ...f, params: { ...f.params, client: normalizeNodeHostMetadata(f.params.client) } };
  return pairDevice(state, conn, ctx, f, publicKey, (deviceToken, handoff) => {
    const refused = controlUiBuild(state, conn, f.requestId, f.cls, f.params);
    if (refused) return refused;
    const node = f.role === "node" ? nodePairingAtConnect(state, conn, ctx, f) : undefined;
    if (node?.refused) return node.refused;
    if (f.role === "node" && state.switches.nodeRequiresDeviceToken && (!f.device || !deviceToken)) {
      const message = "authenticated node pairing identity unavailable";
      return [...(node?.outputs ?? []), ...refuse(conn.connId, f.requestId, { code: ErrorCodes.NOT_PAIRED, message }), log("connect.node-identity-unavailable", { connId: conn.connId })];
    }
    const hello = helloOk(state, conn, ctx, f, deviceToken, handoff.tokens);
    const nodeSession = node?.session;
    if (nodeSession && conn.session) conn.session.node = nodeSession;
    const nodeLog = nodeSession ? [log("node.session", { connId: conn.connId, nodeId: nodeSession.nodeId, commands: [...nodeSession.commands] })] : [];
    const after = afterBootstrapHello(state, ctx, f, handoff.profile !== null);
    // The usual connect (no node session, nothing after a bootstrap hello): the hello's own outputs, not a copy.
    if ((node?.outputs ?? []).length === 0 && nodeLog.length === 0 && after.length === 0) return hello;
    return [...(node?.outputs ?? []), ...nodeLog, ...hello, ...after];
  });
}

/**
 * §4.2 step 14, node pairing at connect: files the node pairing request (broadcast when new) and fixes the commands
 * the session may offer. With the `node-pairing` limiter scope a first-time request is checked, then charged, so
 * a node reconnecting while its request waits is refused `rate_limited` once the limit is reached.
 */
function nodePairingAtConnect(
  state: GatewayState,
  conn: Connection,
  ctx: StepContext,
  f: ConnectFacts,
): { refused?: GatewayOutput[]; outputs?: GatewayOutput[]; session?: { nodeId: string; commands: readonly string[] } } {
  const limiter = limiterFor(state, conn, f.hasOrigin);
  const nodeId = f.params.device?.id ?? f.params.client.id;
  if (state.switches.nodePairingOnConnect !== "none" && state.switches.nodePairingLimiter && !state.nodes.paired.has(nodeId)) {
    const verdict = limiterCheck(limiter.state, "node-pairing", limiter.key, ctx.nowMs);
    if (!verdict.allowed) {
      f.authReason = "rate_limited";
      f.retryAfterMs = verdict.retryAfterMs;
      return { refused: [...unauthorized(state, conn, ctx, f), log("connect.node-pairing-rate-limited", { connId: conn.connId, nodeId })] };
    }
  }
  // Node pairing on the device record: no record to file the request on is an error inside the connect handler,
  // whose catch closes the socket without an answer (and the node-pairing scope is not charged).
  if (state.switches.nodePairingOnConnect !== "none" && state.switches.nodePairingNeedsPairedDevice && !state.store.paired[nodeId]) {
    return { refused: [close(conn.connId, 1000, ""), log("connect.node-pairing-no-paired-device", { connId: conn.connId, nodeId })] };
  }
  const reconciled = reconcileNodeOnConnect({
    switches: state.switches,
    store: state.nodes,
    params: f.params,
    remoteIp: conn.isLocal ? undefined : conn.clientIp,
    request: (input, firstTime) => {
      const filed = requestNodePairing(state.nodes, input, ctx.nowMs, nodeRequestId(ctx.prng));
      if (firstTime && state.switches.nodePairingLimiter) limiterRecordFailure(limiter.state, "node-pairing", limiter.key, ctx.nowMs);
      return filed;
    },
  });
  if (!reconciled) return {};
  const outputs: GatewayOutput[] = [];
  if (reconciled.pending) {
    const { request, created } = reconciled.pending;
    outputs.push(log("node.pair.request", { connId: conn.connId, nodeId: reconciled.nodeId, requestId: request.requestId, created }));
    if (created) outputs.push(...broadcastToPairingOperators(state, "node.pair.requested", request));
  }
  return { outputs, session: { nodeId: reconciled.nodeId, commands: reconciled.effectiveCommands } };
}

/**
 * §4.3.3 (releases with bootstrap tokens): with a device identity, `auth.bootstrapToken` is verified even when the
 * primary auth passed, and wins (method `bootstrap-token`). Returns whether it was refused, for the deferred
 * charge: the `bootstrap-token` limiter scope is charged only if the handshake still fails.
 */
function bootstrapAuth(state: GatewayState, conn: Connection, ctx: StepContext, f: ConnectFacts, publicKey: string): boolean {
  const token = f.params.auth?.bootstrapToken?.trim();
  if (!token || !f.device) return false;
  const limiter = limiterFor(state, conn, f.hasOrigin);
  if (state.switches.bootstrapLimiter) {
    const verdict = limiterCheck(limiter.state, "bootstrap-token", limiter.key, ctx.nowMs);
    if (!verdict.allowed) {
      if (!f.authOk) {
        f.authReason = "rate_limited";
        f.retryAfterMs = verdict.retryAfterMs;
      }
      return false;
    }
  }
  const verdict = verifyBootstrapToken(state.bootstrap, { token, deviceId: f.device.id, publicKey, role: f.role, scopes: f.scopes, nowMs: ctx.nowMs });
  if (verdict.ok) {
    f.authOk = true;
    f.authMethod = "bootstrap-token";
    f.authReason = undefined;
    f.retryAfterMs = undefined;
    f.bootstrapToken = token;
    if (state.switches.bootstrapLimiter) limiterReset(limiter.state, "bootstrap-token", limiter.key);
    return false;
  }
  if (!f.authOk) {
    f.authReason = verdict.reason;
    f.retryAfterMs = undefined;
  }
  return true;
}

/** After hello: a hand-off consumes the token; otherwise it is consumed once every role of its profile used it. */
function afterBootstrapHello(state: GatewayState, ctx: StepContext, f: ConnectFacts, handedOff: boolean): GatewayOutput[] {
  if (f.authMethod !== "bootstrap-token" || !f.bootstrapToken || !f.device) return [];
  const token = f.bootstrapToken;
  const fully = handedOff || redeemBootstrapToken(state.bootstrap, { token, role: f.role, scopes: f.scopes, nowMs: ctx.nowMs });
  if (!fully) return [log("bootstrap.redeemed", { deviceId: f.device.id, role: f.role, consumed: false })];
  revokeBootstrapToken(state.bootstrap, token);
  return [log("bootstrap.redeemed", { deviceId: f.device.id, role: f.role, consumed: true, handoff: handedOff })];
}

function primaryAuth(
  state: GatewayState,
  conn: Connection,
  ctx: StepContext,
  base: Omit<ConnectFacts, "authOk" | "authMethod" | "authReason" | "sharedAuthOk" | "trustedProxyAuthOk">,
): ConnectFacts {
  const sw = state.switches;
  const auth = base.params.auth ?? {};
  const limiter = limiterFor(state, conn, base.hasOrigin);
  // S-Mar: with a device identity and auth.token both present the shared probe charges nothing (§4.3.3).
  // sharedLimiterOnSecretOnly (3.31 … 9.6): the limiter only when a token or password is sent, then charged.
  // sharedChargeDeferred (8.2): as on-secret-only, but with a device identity and a device-token candidate
  // (auth.deviceToken, else auth.token) a wrong secret is held until the connect is refused (settleSharedCharge).
  const onSecretOnly = sw.sharedLimiterOnSecretOnly || sw.sharedChargeDeferred;
  const secretSent = [auth.token, auth.password].some((v) => typeof v === "string" && v.trim() !== "");
  const deferCharge = sw.sharedChargeDeferred && base.device !== null && [auth.deviceToken, auth.token].some((v) => typeof v === "string" && v.trim() !== "");
  const chargeShared = !deferCharge && (onSecretOnly || !(base.device && auth.token));
  const primary: SharedAuthResult = authorizeGatewayConnect({
    conn,
    config: state.config,
    auth,
    limiter: onSecretOnly && !secretSent ? undefined : limiter.state,
    charge: chargeShared,
    limiterKey: limiter.key,
    allowTailscale: state.config.auth.allowTailscale,
    tokenMissingCharged: sw.tokenMissingCharged,
    passwordCountsAsTokenMismatch: sw.passwordCountsAsTokenMismatch,
    connectSecretEitherField: sw.connectSecretEitherField,
    trustedProxyLoopback: sw.trustedProxyLoopback,
    nowMs: ctx.nowMs,
  });
  const probe = primary.ok && primary.method !== "tailscale" ? primary : authorizeGatewayConnect({ conn, config: state.config, auth, limiter: undefined, charge: false, limiterKey: limiter.key, allowTailscale: false, tokenMissingCharged: false, passwordCountsAsTokenMismatch: sw.passwordCountsAsTokenMismatch, connectSecretEitherField: sw.connectSecretEitherField, trustedProxyLoopback: sw.trustedProxyLoopback, nowMs: ctx.nowMs });
  const sharedMethods = sw.sharedAuthIncludesTrustedProxy ? ["token", "password", "trusted-proxy"] : ["token", "password"];
  const sharedAuthOk = probe.ok && sharedMethods.includes(probe.method);
  const authMethod = primary.ok ? primary.method : state.config.auth.mode === "password" ? "password" : "token";
  // Built field by field (not `...base`): the same object, without the spread's copy on every connect.
  return {
    params: base.params,
    requestId: base.requestId,
    role: base.role,
    scopes: base.scopes,
    cls: base.cls,
    hasOrigin: base.hasOrigin,
    allowBypass: base.allowBypass,
    device: base.device,
    authOk: primary.ok,
    authMethod,
    authReason: primary.ok ? undefined : primary.reason,
    retryAfterMs: primary.ok ? undefined : primary.retryAfterMs,
    ...(deferCharge && !primary.ok && (primary.reason === "token_mismatch" || primary.reason === "password_mismatch") ? { sharedChargePending: true } : {}),
    sharedAuthOk,
    trustedProxyAuthOk: base.cls.isControlUi && base.role === "operator" && state.config.auth.mode === "trusted-proxy" && primary.ok && primary.method === "trusted-proxy",
  };
}

function limiterFor(state: GatewayState, conn: Connection, hasOrigin: boolean): { state: LimiterState; key: string } {
  const origin = conn.headers["origin"];
  // A trusted proxy's request naming no client (no X-Forwarded-For, no X-Real-IP fallback) has no client address
  // for the limiter, which keys it "unknown", not loopback-exempt (switch unattributedProxyLimiterKey).
  const unattributed = state.switches.unattributedProxyLimiterKey && isTrustedProxy(conn.remoteAddress, state.config.trustedProxies)
    && !conn.headers["x-forwarded-for"]?.trim() && !(state.config.allowRealIpFallback && conn.headers["x-real-ip"]?.trim());
  if (unattributed) return { state: state.browserLimiter && state.switches.browserOriginLimiter && hasOrigin && origin ? state.browserLimiter : state.limiter, key: "unknown" };
  // resolveHandshakeBrowserSecurityContext (read in the 3.2 … 9.6 dists): any Origin-bearing connect is counted
  // by the browser limiter, for a loopback peer under one key per switch browserLimiterLoopbackKey, and under the
  // client address otherwise.
  if (state.switches.browserOriginLimiter && hasOrigin && origin) {
    return { state: state.browserLimiter, key: isLoopbackAddress(conn.clientIp) ? browserLoopbackKey(state.switches.browserLimiterLoopbackKey, origin) : conn.clientIp };
  }
  // Without gateway.auth.rateLimit under limiterNeedsConfig, state.limiter is the absent one (gateway.ts).
  return { state: state.limiter, key: conn.clientIp };
}

/** The stand-in address every loopback Origin shares (`shared`), and `url-origin`'s key for an Origin that is no URL. */
const browserLoopbackSharedKey = "198.18.0.1";

function browserLoopbackKey(rule: GatewaySwitches["browserLimiterLoopbackKey"], origin: string): string {
  if (rule === "shared") return browserLoopbackSharedKey;
  try {
    return `browser-origin:${new URL(origin.trim()).origin.toLowerCase()}`;
  } catch {
    return browserLoopbackSharedKey;
  }
}

/** Charges a held shared-secret failure (switch sharedChargeDeferred) once the connect is refused after it. */
function settleSharedCharge(state: GatewayState, conn: Connection, ctx: StepContext, f: ConnectFacts): void {
  if (!f.sharedChargePending) return;
  f.sharedChargePending = false;
  const limiter = limiterFor(state, conn, f.hasOrigin);
  limiterRecordFailure(limiter.state, "shared-secret", limiter.key, ctx.nowMs);
}

/** §4.3.3: with a device identity, a failed primary auth may still pass with the device token. */
function deviceTokenFallback(state: GatewayState, conn: Connection, ctx: StepContext, f: ConnectFacts): void {
  const auth = f.params.auth ?? {};
  const explicit = Boolean(auth.deviceToken);
  const candidate = auth.deviceToken ?? auth.token;
  if (!candidate || !f.device) return;
  const limiter = limiterFor(state, conn, f.hasOrigin);
  const verdict = limiterCheck(limiter.state, "device-token", limiter.key, ctx.nowMs);
  if (!verdict.allowed) {
    f.authReason = "rate_limited";
    f.retryAfterMs = verdict.retryAfterMs;
    return;
  }
  const requiredGeneration = state.switches.deviceTokenIssuer ? sharedAuthGeneration(state.config) : undefined;
  const result = verifyDeviceToken(state.store, { deviceId: f.device.id, token: candidate, role: f.role, scopes: f.scopes, nowMs: ctx.nowMs, scopeImplications: state.switches.operatorScopeImplications, requiredGeneration, emptyApprovalNoBaseline: state.switches.emptyApprovalNoBaseline, rolePrefix: state.switches.roleScopePrefix });
  if (result.ok) {
    f.authOk = true;
    f.authMethod = "device-token";
    f.authReason = undefined;
    if (result.issuer?.kind === "shared-gateway-auth") f.deviceTokenGeneration = result.issuer.generation;
    limiterReset(limiter.state, "device-token", limiter.key);
    if ((state.switches.silentPairing === "late" || state.switches.sharedLimiterOnSecretOnly) && (auth.token || auth.password)) limiterReset(limiter.state, "shared-secret", limiter.key);
    return;
  }
  limiterRecordFailure(limiter.state, "device-token", limiter.key, ctx.nowMs);
  // The answer keeps the primary reason but not its wait (recorded: no retryAfterMs after a failed fallback).
  f.retryAfterMs = undefined;
  if (result.reason === "scope-mismatch" && state.switches.deviceTokenScopeMismatchReason) f.authReason = "scope_mismatch";
  else if (explicit || state.switches.deviceTokenFallbackReason === "always-device-token-mismatch") f.authReason = "device_token_mismatch";
}

function unauthorized(state: GatewayState, conn: Connection, ctx: StepContext, f: ConnectFacts): GatewayOutput[] {
  const outputs = unauthorizedAnswer({
    switches: state.switches,
    connId: conn.connId,
    requestId: f.requestId,
    reason: f.authReason,
    authMode: state.config.auth.mode,
    cls: f.cls,
    params: f.params,
    devicePresented: f.device !== null,
    remote: !localClient(state, conn),
    retryAfterMs: state.switches.rateLimitedRetryAfter && f.authReason === "rate_limited" ? f.retryAfterMs : undefined,
  });
  outputs.push(log("connect.unauthorized", { connId: conn.connId, reason: f.authReason ?? null }));
  // Only shared-secret failures are held back and counted (recorded from openclaw@2026.9.6), and only where the
  // limiter never locks the client out: a loopback address. A browser on the gateway host is limited by its
  // origin instead (not exempt), so its failures are answered at once and count towards the lockout (seen with
  // two Control UI tabs of 2026.9.6 in Chromium: answers in under 0.1 s, AUTH_RATE_LIMITED after 10 failures).
  const sharedSecretFailure = f.authReason === "token_mismatch" || f.authReason === "password_mismatch";
  const limiter = limiterFor(state, conn, f.hasOrigin);
  const held = sharedSecretFailure && limiterExempts(limiter.state, limiter.key);
  const delayMs = held ? failureDelayMs(state.failedAuth, state.switches, conn.clientIp, ctx.nowMs) : 0;
  if (delayMs <= 0) return outputs;
  const key = `auth-delay:${conn.connId}`;
  state.delayed.set(key, outputs);
  conn.phase = "connecting";
  return [{ kind: "timer-set", key, delayMs }];
}

function coded(state: GatewayState, code: string, message: string, detailCode: string): ErrorBody {
  return state.switches.detailCodes ? { code, message, details: { code: detailCode } } : { code, message };
}

function checkOrigin(state: GatewayState, conn: Connection, requestId: string, cls: ClientClass, origin: string | undefined): GatewayOutput[] | undefined {
  const sw = state.switches;
  // The origin check uses the browser classifier (Control UI only): a TUI counted as Control UI by the
  // operator-UI classifier and sending no Origin reaches the device-identity policy instead (seed 003).
  const browserUi = cls.isControlUi && !cls.isTui;
  const applies = browserUi || cls.isWebchat || (origin !== undefined && anyClientOriginCheck(sw.originCheckApplies, conn.headers));
  if (!applies) return undefined;
  const verdict = checkBrowserOriginFor(state, conn, origin);
  if (verdict.ok) return undefined;
  const message = "origin not allowed (open the Control UI from the gateway host or allow it in gateway.controlUi.allowedOrigins)";
  const error: ErrorBody = { code: ErrorCodes.INVALID_REQUEST, message };
  if (sw.detailCodes && sw.detailCodeSet === "full") error.details = { code: ConnectErrorDetailCodes.CONTROL_UI_ORIGIN_NOT_ALLOWED, reason: verdict.reason };
  return [...refuse(conn.connId, requestId, error), log("connect.origin-mismatch", { connId: conn.connId, origin: origin ?? null })];
}

/** Whether an Origin-bearing client that is no browser UI gets the origin check (GatewaySwitches.originCheckApplies). */
function anyClientOriginCheck(rule: GatewaySwitches["originCheckApplies"], headers: Readonly<Record<string, string | undefined>>): boolean {
  if (rule === "any-origin-unproxied") return !hasProxyHeaders(headers);
  return rule === "any-origin";
}

function checkBrowserOriginFor(state: GatewayState, conn: Connection, origin: string | undefined) {
  return checkBrowserOrigin({ origin, hostHeader: conn.headers["host"], isLocalClient: localClient(state, conn), config: state.config, rule: state.switches.originRule });
}

/** Probes (mode probe) and legacy node hosts (role node, mode node) speak an older protocol (profile switch). */
function admittedBelow(state: GatewayState, params: ConnectParams): boolean {
  const floor = state.switches.probeProtocolFloor;
  if (floor === null || params.maxProtocol < floor || params.minProtocol > state.switches.protocolVersion) return false;
  return params.client.mode === "probe" || (params.role === "node" && params.client.mode === "node");
}

/** 2026.9: a Control UI served by this gateway (Origin host = Host) must run the gateway's build ("dev" passes). */
function controlUiBuild(state: GatewayState, conn: Connection, requestId: string, cls: ClientClass, params: ConnectParams): GatewayOutput[] | undefined {
  if (!state.switches.controlUiBuildCheck || !cls.isControlUi || cls.isTui) return undefined;
  const origin = conn.headers["origin"];
  const originHost = origin ? /^[a-z]+:\/\/([^/]+)/i.exec(origin.trim())?.[1]?.toLowerCase() : undefined;
  if (!originHost || originHost !== (conn.headers["host"] ?? "").trim().toLowerCase()) return undefined;
  const buildId = (params.client as { buildId?: string }).buildId;
  if (buildId === "dev" || buildId === state.config.version) return undefined;
  const message = "protocol mismatch: Control UI updated; reload this page to continue";
  const details = { code: ConnectErrorDetailCodes.PROTOCOL_MISMATCH, gatewayBuildId: state.config.version, reloadRequired: true };
  return refuse(conn.connId, requestId, { code: ErrorCodes.UNAVAILABLE, message, details, retryable: false });
}

function startingAnswer(conn: Connection, requestId: string): GatewayOutput[] {
  const error: ErrorBody = {
    code: ErrorCodes.UNAVAILABLE,
    message: "gateway starting; retry shortly",
    details: { reason: "startup-sidecars" },
    retryable: true,
    retryAfterMs: 500,
  };
  return refuse(conn.connId, requestId, error, 1013, "gateway starting");
}

function protocolMismatch(state: GatewayState, conn: Connection, requestId: string, params: ConnectParams): GatewayOutput[] {
  const v = state.switches.protocolVersion;
  const details: Record<string, unknown> =
    state.switches.protocolMismatchDetails === "coded"
      ? { code: ConnectErrorDetailCodes.PROTOCOL_MISMATCH, clientMinProtocol: params.minProtocol, clientMaxProtocol: params.maxProtocol, expectedProtocol: v, minimumProbeProtocol: 3 }
      : { expectedProtocol: v };
  return refuse(conn.connId, requestId, { code: ErrorCodes.INVALID_REQUEST, message: "protocol mismatch", details }, 1002, "protocol mismatch");
}
