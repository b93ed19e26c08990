// The handshake on one socket (spec §2, §7.1, §7.3, §7.5): wait for `connect.challenge`, send the signed
// `connect`, then take hello-ok (store the device token, reset the backoff, start the watchdog) or a failure
// (decide the bounded retry and the self-heals, close "connect failed"). What happens after the socket
// closes — pause or reconnect — is lifecycle.ts.
import { uuidV4 } from "../kernel/index.ts";
import { ConnectErrorDetailCodes, CloseReasons, normalizeDeviceAuthScopes, type ResponseFrame } from "../protocol/index.ts";
import { sendCall, sendQueuedCalls } from "./calls.ts";
import { buildConnectFrame, requestedScopes } from "./connect-request.ts";
import { selectCredentials } from "./credentials.ts";
import { cancelTimer, clearDeviceToken, event, setTimer, storeDeviceToken, TimerKeys } from "./effects.ts";
import { isTrustedRetryEndpoint } from "./endpoint.ts";
import { backoffShape, readConnectErrorFacts, shouldRetryWithStoredDeviceToken, type ConnectErrorFacts } from "./retry-policy.ts";
import { challengeTimeoutMsMax, challengeTimeoutMsMin, clamp, tickIntervalMsDefault } from "./state.ts";
import { startTickWatch } from "./tick-watch.ts";
import type { ClientOutput, ClientState, ClientStepContext } from "./types.ts";

export function trustedEndpoint(state: ClientState): boolean {
  return isTrustedRetryEndpoint(state.config.url, state.config.tlsFingerprint);
}

export function onOpen(state: ClientState): ClientOutput[] {
  if (state.socket !== "connecting") return [];
  state.socket = "open";
  state.handshake = "awaiting-challenge";
  state.connectNonce = null;
  const delayMs = clamp(state.config.switches.challengeTimeoutMs, challengeTimeoutMsMin, challengeTimeoutMsMax);
  return [setTimer(state, TimerKeys.challenge, delayMs)];
}

/** Closes the socket for a failure the client found itself (no gateway answer involved). */
function failLocally(state: ClientState, message: string, closeReason: string): ClientOutput[] {
  state.socket = "closing";
  return [
    ...cancelTimer(state, TimerKeys.challenge),
    event({ name: "connect-error", data: { code: null, message, detailCode: null, details: undefined } }),
    { kind: "ws-close", code: state.config.connectFailedCloseCode, reason: closeReason },
  ];
}

export function onChallengeTimer(state: ClientState, ctx: ClientStepContext): ClientOutput[] {
  if (state.handshake !== "awaiting-challenge" || state.socket !== "open") return [];
  // 2026.2.12/2.17: connect anyway, unsigned by any nonce; a challenge arriving later is ignored (connect sent).
  if (state.config.switches.challengeTimeoutAction === "connect-without-nonce") return sendConnect(state, undefined, ctx.nowMs, ctx);
  return failLocally(state, "gateway connect challenge timeout", CloseReasons.CONNECT_CHALLENGE_TIMEOUT);
}

export function onChallenge(state: ClientState, payload: unknown, ctx: ClientStepContext): ClientOutput[] {
  if (state.handshake !== "awaiting-challenge") return [];
  const raw = payload !== null && typeof payload === "object" ? (payload as { nonce?: unknown }).nonce : undefined;
  const nonce = typeof raw === "string" ? raw.trim() : "";
  if (!nonce) return failLocally(state, "gateway connect challenge missing nonce", CloseReasons.CONNECT_CHALLENGE_MISSING_NONCE);
  state.connectNonce = nonce;
  return sendConnect(state, nonce, signedAtOf(state, payload, ctx), ctx);
}

/** The device proof's signedAt: the client's own clock, or (2026.9, PR #116679) the challenge's `ts`. */
function signedAtOf(state: ClientState, payload: unknown, ctx: ClientStepContext): number {
  if (state.config.switches.signedAtSource === "client-clock") return ctx.nowMs;
  const ts = (payload as { ts?: unknown }).ts;
  return typeof ts === "number" && Number.isSafeInteger(ts) && ts >= 0 ? ts : ctx.nowMs;
}

function sendConnect(state: ClientState, nonce: string | undefined, signedAtMs: number, ctx: ClientStepContext): ClientOutput[] {
  const { config, credentials } = state;
  const stored = state.storedTokens[config.role] ?? null;
  const usableStored = config.identity ? stored : null;
  const selection = selectCredentials(config.switches.tokenPriority, {
    ...credentials,
    explicitDeviceToken: config.explicitDeviceToken,
    bootstrapToken: config.bootstrapToken,
    stored: usableStored,
    retryPending: state.pendingDeviceTokenRetry,
    trustedEndpoint: trustedEndpoint(state),
  });
  // The retry is spent by the attempt that sends the device token; the fix also drops it when none is left to send.
  const nothingToRetryWith = config.switches.pendingRetryDroppedWithoutStoredToken && usableStored === null;
  if (state.pendingDeviceTokenRetry && (selection.isDeviceTokenRetry || nothingToRetryWith)) state.pendingDeviceTokenRetry = false;
  const requestId = uuidV4(ctx.prng);
  const { text, params } = buildConnectFrame({ config, selection, nonce, signedAtMs, requestId });
  state.handshake = "connect-sent";
  state.lastAttempt = {
    requestId,
    role: config.role,
    sharedToken: selection.sharedToken,
    resolvedDeviceToken: selection.resolvedDeviceToken,
    storedToken: usableStored?.token,
    canFallbackToShared: selection.canFallbackToShared,
  };
  const attempt = {
    attempt: state.attempts,
    tokenSource: selection.tokenSource,
    deviceToken: selection.auth?.deviceToken ? selection.deviceTokenSource : null,
    bootstrapToken: Boolean(selection.auth?.bootstrapToken),
    password: Boolean(params.auth?.password),
    device: config.identity !== null,
    deviceTokenRetry: selection.isDeviceTokenRetry,
    scopes: requestedScopes(config, selection),
  };
  return [
    ...cancelTimer(state, TimerKeys.challenge),
    { kind: "ws-send", text },
    setTimer(state, TimerKeys.request(requestId), config.requestTimeoutMs),
    event({ name: "connect-attempt", data: attempt }),
  ];
}

/** The answer to our `connect`. */
export function onConnectAnswer(state: ClientState, frame: ResponseFrame, ctx: ClientStepContext): ClientOutput[] {
  const outputs = cancelTimer(state, TimerKeys.request(frame.id));
  if (frame.ok) return [...outputs, ...onHello(state, frame.payload, ctx)];
  const error = frame.error;
  const message = error?.message ?? "unknown error";
  // Only "try again shortly" (UNAVAILABLE while starting); a rate-limited answer stays a reported pause code.
  if (state.config.switches.honourRetryAfter && error?.code === "UNAVAILABLE" && error.retryable === true && typeof error.retryAfterMs === "number") {
    state.pendingRetryAfterMs = error.retryAfterMs;
  }
  return [...outputs, ...onConnectFailure(state, { fromGateway: true, code: error?.code ?? null, message, details: error?.details })];
}

function onHello(state: ClientState, payload: unknown, ctx: ClientStepContext): ClientOutput[] {
  const hello = payload !== null && typeof payload === "object" ? (payload as Record<string, unknown>) : {};
  const auth = (hello["auth"] ?? {}) as { deviceToken?: unknown; role?: unknown; scopes?: unknown; method?: unknown };
  const policy = (hello["policy"] ?? {}) as { tickIntervalMs?: unknown };
  state.handshake = "connected";
  state.hellos++;
  state.pendingDeviceTokenRetry = false;
  state.deviceTokenRetryBudgetUsed = false;
  state.pendingConnectErrorDetailCode = null;
  state.backoffMs = backoffShape(state.config.kind, state.config.switches).initialMs;
  state.reconnects = 0;
  state.tickIntervalMs = typeof policy.tickIntervalMs === "number" ? policy.tickIntervalMs : tickIntervalMsDefault;
  const role = typeof auth.role === "string" ? auth.role : state.config.role;
  const grantedScopes = Array.isArray(auth.scopes) ? (auth.scopes.filter((s) => typeof s === "string") as string[]) : [];
  const outputs: ClientOutput[] = [];
  const issued = typeof auth.deviceToken === "string" && auth.deviceToken.length > 0;
  if (issued) outputs.push(...storeDeviceToken(state, role, auth.deviceToken as string, normalizeDeviceAuthScopes(grantedScopes)));
  const data = {
    authMethod: typeof auth.method === "string" ? auth.method : null,
    role,
    scopes: grantedScopes,
    deviceTokenIssued: issued,
    protocol: typeof hello["protocol"] === "number" ? hello["protocol"] : null,
    tickIntervalMs: state.tickIntervalMs,
  };
  outputs.push(...startTickWatch(state, ctx.nowMs), event({ name: "hello", data }));
  const oneShot = state.config.oneShot;
  if (oneShot && !state.oneShotSettled) outputs.push(...sendCall(state, ctx, { method: oneShot.method, params: oneShot.params, oneShot: true }));
  outputs.push(...sendQueuedCalls(state, ctx));
  return outputs;
}

/** A failed `connect` (gateway error, or the request timed out): decide, report, close "connect failed". */
export function onConnectFailure(
  state: ClientState,
  error: { fromGateway: boolean; code: string | null; message: string; details: unknown },
): ClientOutput[] {
  // A GatewayClient without connectErrorDetails rejects with the message alone: no detail code, no hint, no
  // details. The Control UI page is other code (its bundle reads the detail codes in 2026.3.2 already).
  const keepsDetails = state.config.kind === "control-ui" || state.config.switches.connectErrorDetails;
  const facts: ConnectErrorFacts | null = error.fromGateway && keepsDetails ? readConnectErrorFacts(error.details) : null;
  state.pendingConnectErrorDetailCode = facts?.detailCode ?? null;
  state.handshake = "idle";
  const attempt = state.lastAttempt;
  const outputs: ClientOutput[] = [];
  if (attempt) outputs.push(...decideRetryAndSelfHeal(state, attempt, facts));
  // A "retry after" answer (gateway starting) is not reported as a connect error by clients that honour it.
  if (state.pendingRetryAfterMs === null) {
    outputs.push(event({ name: "connect-error", data: { code: error.code, message: error.message, detailCode: facts?.detailCode ?? null, details: keepsDetails ? error.details : undefined } }));
  }
  if (state.socket === "open") {
    state.socket = "closing";
    outputs.push({ kind: "ws-close", code: state.config.connectFailedCloseCode, reason: CloseReasons.CONNECT_FAILED });
  }
  return outputs;
}

function decideRetryAndSelfHeal(state: ClientState, attempt: NonNullable<ClientState["lastAttempt"]>, facts: ConnectErrorFacts | null): ClientOutput[] {
  const switches = state.config.switches;
  const retry = shouldRetryWithStoredDeviceToken({
    switches,
    budgetUsed: state.deviceTokenRetryBudgetUsed,
    usedDeviceToken: attempt.resolvedDeviceToken !== undefined,
    sharedToken: attempt.sharedToken,
    storedToken: attempt.storedToken,
    trustedEndpoint: trustedEndpoint(state),
    facts,
  });
  if (retry) {
    state.pendingDeviceTokenRetry = true;
    state.deviceTokenRetryBudgetUsed = true;
    const fastRetryMs = backoffShape(state.config.kind, switches).fastRetryMs;
    if (fastRetryMs !== null) state.backoffMs = Math.min(state.backoffMs, fastRetryMs);
  }
  const outputs: ClientOutput[] = [];
  // ≤2.13 / PR #17336: the stored token failed and a shared token exists: drop it, fall back next time.
  if (attempt.canFallbackToShared) outputs.push(...clearDeviceToken(state, attempt.role));
  if (switches.pauseOnDeviceTokenMismatch && facts?.detailCode === ConnectErrorDetailCodes.AUTH_DEVICE_TOKEN_MISMATCH) {
    outputs.push(...clearDeviceToken(state, attempt.role));
  }
  return outputs;
}

/** The socket closed while our `connect` was unanswered: the request fails as in `flushPendingErrors`. */
export function onConnectAbandoned(state: ClientState, message: string): ClientOutput[] {
  const attempt = state.lastAttempt;
  const outputs: ClientOutput[] = attempt ? [...cancelTimer(state, TimerKeys.request(attempt.requestId)), ...decideRetryAndSelfHeal(state, attempt, null)] : [];
  outputs.push(event({ name: "connect-error", data: { code: null, message, detailCode: null, details: undefined } }));
  return outputs;
}
