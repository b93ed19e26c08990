// The client across sockets (spec §7.4, §7.5): start (with the transport guard), what a closed socket
// means — the stale-token self-heal, then pause or a backoff reconnect, or the end of a one-shot call —
// resuming after the operator fixes credentials, and the stop grace terminate. The handshake on one socket
// is handshake.ts; the decisions themselves are retry-policy.ts.
import { failPendingCalls, rpcError } from "./calls.ts";
import { cancelTimer, clearDeviceToken, event, setTimer, TimerKeys } from "./effects.ts";
import { refuseUrl } from "./endpoint.ts";
import { onConnectAbandoned, onConnectFailure, trustedEndpoint } from "./handshake.ts";
import { kindDefaults } from "./kinds.ts";
import { backoffShape, nextBackoff, pauseDecision } from "./retry-policy.ts";
import { loadStoredTokens, oneShotTimeoutMsDefault, upgradeHeaders } from "./state.ts";
import { failOneShot } from "./stop.ts";
import type { ClientInput, ClientOutput, ClientState, ClientStepContext, StoredDeviceTokens } from "./types.ts";

export function start(state: ClientState): ClientOutput[] {
  switch (state.lifecycle) {
    case "stopped":
    case "refused":
    case "running":
      return [];
    case "paused":
      return resume(state);
    case "idle": {
      state.lifecycle = "running";
      const oneShot = state.config.oneShot;
      const timer = oneShot ? [setTimer(state, TimerKeys.oneShot, oneShot.timeoutMs ?? oneShotTimeoutMsDefault)] : [];
      return [...timer, ...openSocket(state)];
    }
  }
}

function openSocket(state: ClientState): ClientOutput[] {
  const { config } = state;
  if (!kindDefaults[config.kind].browser) {
    const refusal = refuseUrl({
      url: config.url,
      tlsFingerprint: config.tlsFingerprint,
      guard: config.switches.insecureWsGuard,
      allows: config.switches.insecureWsAllows,
      allowPrivateWs: config.allowInsecurePrivateWs,
    });
    if (refusal) return refuse(state, refusal);
  }
  state.attempts++;
  state.socket = "connecting";
  state.handshake = "idle";
  return [{ kind: "ws-connect", url: config.url, headers: upgradeHeaders(config) }];
}

function refuse(state: ClientState, refusal: { reason: "insecure-ws" | "tls-fingerprint-requires-wss"; message: string }): ClientOutput[] {
  state.lifecycle = "refused";
  // Like the real client, the refusal is also reported through the connect-error channel.
  const outputs: ClientOutput[] = [
    ...cancelTimer(state, TimerKeys.oneShot),
    event({ name: "refused", data: refusal }),
    event({ name: "connect-error", data: { code: null, message: refusal.message, detailCode: null, details: undefined } }),
  ];
  const oneShot = state.config.oneShot;
  if (oneShot && !state.oneShotSettled) {
    state.oneShotSettled = true;
    outputs.push(rpcError("", oneShot.method, refusal.message));
  }
  return outputs;
}

/** The socket is gone (either side closed it, or it never opened). */
export function onClose(state: ClientState, code: number, reason: string, ctx: ClientStepContext): ClientOutput[] {
  if (state.socket === "none") return [];
  const handshake = state.handshake;
  state.socket = "none";
  state.handshake = "idle";
  state.connectNonce = null;
  const message = `gateway closed (${code}): ${reason}`;
  const outputs: ClientOutput[] = [];
  for (const key of [TimerKeys.challenge, TimerKeys.tickWatch, TimerKeys.terminate]) outputs.push(...cancelTimer(state, key));
  outputs.push(...staleTokenSelfHeal(state, code, reason), ...failPendingCalls(state, message), event({ name: "closed", data: { code, reason } }));
  if (handshake === "connect-sent") outputs.push(...onConnectAbandoned(state, message));
  const detailCode = state.pendingConnectErrorDetailCode;
  state.pendingConnectErrorDetailCode = null;
  if (state.lifecycle !== "running") return outputs;
  if (state.config.oneShot) return [...outputs, ...failOneShot(state, message)];
  const decision = pauseDecision({
    switches: state.config.switches,
    detailCode,
    retryPending: state.pendingDeviceTokenRetry,
    trustedEndpoint: trustedEndpoint(state),
    budgetUsed: state.deviceTokenRetryBudgetUsed,
  });
  if (decision.pause) {
    state.lifecycle = "paused";
    return [...outputs, event({ name: "paused", data: { detailCode: decision.detailCode, why: decision.why } })];
  }
  return [...outputs, ...scheduleReconnect(state, ctx)];
}

/** §7.4: a 1008 "device token mismatch" close clears the stored token when no shared credential was given (2.17: always). */
function staleTokenSelfHeal(state: ClientState, code: number, reason: string): ClientOutput[] {
  const { config, credentials } = state;
  if (!config.switches.staleTokenSelfHeal || code !== 1008 || !reason.toLowerCase().includes("device token mismatch")) return [];
  const shared = credentials.explicitToken?.trim() || credentials.passiveToken?.trim() || credentials.password?.trim();
  if ((shared && !config.switches.staleTokenSelfHealWithShared) || !config.identity) return [];
  return clearDeviceToken(state, config.role);
}

function scheduleReconnect(state: ClientState, ctx: ClientStepContext): ClientOutput[] {
  const retryAfterMs = state.pendingRetryAfterMs;
  state.pendingRetryAfterMs = null;
  const { delayMs, nextBackoffMs } = retryAfterMs !== null ? { delayMs: retryAfterMs, nextBackoffMs: state.backoffMs } : nextBackoff(backoffShape(state.config.kind, state.config.switches), state.backoffMs, ctx.prng);
  state.backoffMs = nextBackoffMs;
  state.reconnects++;
  return [setTimer(state, TimerKeys.reconnect, delayMs), event({ name: "reconnect-scheduled", data: { delayMs, attempt: state.reconnects } })];
}

export function onReconnectTimer(state: ClientState): ClientOutput[] {
  if (state.lifecycle !== "running" || state.socket !== "none") return [];
  return openSocket(state);
}

export function onTerminateTimer(state: ClientState): ClientOutput[] {
  return state.socket === "none" ? [] : [{ kind: "ws-terminate" }];
}

/** A paused client starts afresh: a new retry budget and the initial backoff. */
function resume(state: ClientState): ClientOutput[] {
  state.lifecycle = "running";
  state.pendingDeviceTokenRetry = false;
  state.deviceTokenRetryBudgetUsed = false;
  state.backoffMs = backoffShape(state.config.kind, state.config.switches).initialMs;
  state.reconnects = 0;
  return [event({ name: "resumed", data: {} }), ...(state.socket === "none" ? openSocket(state) : [])];
}

export function credentialsChanged(state: ClientState, input: Extract<ClientInput, { kind: "credentials-changed" }>): ClientOutput[] {
  const c = state.credentials;
  for (const field of ["explicitToken", "passiveToken", "password"] as const) {
    const value = input[field];
    if (value === null) delete c[field];
    else if (value !== undefined) c[field] = value;
  }
  return state.lifecycle === "paused" ? resume(state) : [];
}

export function deviceAuthChanged(state: ClientState, storedTokens: StoredDeviceTokens): ClientOutput[] {
  state.storedTokens = loadStoredTokens({ identity: state.config.identity, storedTokens });
  return [];
}

/** ws 'error': before the socket opened it is followed by a 1006 close; report it and close now. */
export function onSocketError(state: ClientState, message: string, ctx: ClientStepContext): ClientOutput[] {
  if (state.socket !== "connecting" && state.socket !== "open") return [];
  const awaitingConnect = state.handshake === "idle" || state.handshake === "awaiting-challenge";
  const outputs: ClientOutput[] = awaitingConnect ? [event({ name: "connect-error", data: { code: null, message, detailCode: null, details: undefined } })] : [];
  if (state.socket === "connecting") outputs.push(...onClose(state, 1006, "", ctx));
  return outputs;
}

export function onUnexpectedResponse(state: ClientState, status: number, ctx: ClientStepContext): ClientOutput[] {
  if (state.socket !== "connecting") return [];
  return onSocketError(state, `Unexpected server response: ${status}`, ctx);
}

/** The `connect` request's own timeout (no answer within requestTimeoutMs). */
export function onConnectTimeout(state: ClientState): ClientOutput[] {
  if (state.handshake !== "connect-sent") return [];
  return onConnectFailure(state, { fromGateway: false, code: null, message: "gateway request timeout for connect", details: undefined });
}
