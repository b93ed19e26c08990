// Executes one Attempt (the neutral connect-attempt description shared with the real-gateway oracle) over the
// simulated network as a raw WebSocket peer, and observes the same Outcome shape the oracle driver records.
// Event-driven: callbacks run inside scheduler events; `done` is called once with the outcome.
import { NodeClock, type Scheduler } from "../../kernel/index.ts";
import type { Network, SocketEnd } from "../../net/index.ts";
import type { Attempt, ObservedError, Outcome } from "./attempt.ts";
import { buildFrames, deviceTokenKey, identityFromSeedHex, resolveDeep, type FrameContext } from "./connect-frame.ts";

export interface AttemptEnv {
  readonly scheduler: Scheduler;
  readonly network: Network<string>;
  readonly fromHost: string;
  readonly url: string;
  readonly port: number;
  readonly gatewayToken: string;
  readonly identities: Readonly<Record<string, string>>;
  /** Shared across a suite: `${deviceId}/${role}` → latest device token. */
  readonly deviceTokens: Map<string, string>;
  /** The previous socket's challenge nonce, for "stale". */
  readonly lastNonce: { value: string | null };
  /** details.requestId of the latest pairing-required answer ({{lastRequestId}}); absent = never filled. */
  readonly lastRequestId?: { value: string | null };
  readonly clock: NodeClock;
}

const waitMsDefault = 20_000;
const uuidV4Pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Observation {
  upgradeRefused?: { status: number; body: string };
  challenge: Outcome["challenge"];
  response: Outcome["response"];
  preFrameResponses: unknown[];
  rpc: NonNullable<Outcome["rpc"]>[number][];
  close: Outcome["close"];
  events: Set<string>;
  notes: string[];
  openedAtMs: number;
  sentAtMs: number;
  respondedAtMs?: number;
  closedAtMs?: number;
}

export function runAttempt(env: AttemptEnv, attempt: Attempt, done: (outcome: Outcome) => void): void {
  const { scheduler } = env;
  const obs: Observation = { challenge: null, response: null, preFrameResponses: [], rpc: [], close: null, events: new Set(), notes: [], openedAtMs: 0, sentAtMs: scheduler.nowMs() };
  let connectId: string | null = null;
  let rpcQueue = [...(attempt.afterHello ?? [])];
  let rpcPending: { id: string; method: string } | null = null;
  /** The placeholder context of this socket, kept for `afterHello[].params` (documented as placeholder-bearing). */
  let frameCtx: FrameContext | null = null;
  let finished = false;
  let clientClosed = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    scheduler.cancel(watchdog);
    done(toOutcome(obs, scheduler.nowMs()));
  };
  const watchdog = scheduler.schedule(attempt.waitMsMax ?? waitMsDefault, { actor: env.fromHost, label: `attempt:${attempt.name}:wait` }, () => {
    obs.notes.push("timeout waiting for the server");
    clientClosed = true;
    socket.close(1000, "");
    finish();
  });
  const sendNextRpc = () => {
    const call = rpcQueue.shift();
    if (!call) {
      clientClosed = true;
      socket.close(1000, "");
      return;
    }
    rpcPending = { id: `rpc-${obs.rpc.length + 1}`, method: call.method };
    const unresolved: string[] = [];
    const params = frameCtx ? resolveDeep(call.params ?? {}, frameCtx, unresolved) : (call.params ?? {});
    obs.notes.push(...unresolved.map((u) => `unresolved ${u}`));
    socket.send(JSON.stringify({ type: "req", id: rpcPending.id, method: call.method, params }));
  };
  const onFrame = (text: string) => {
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(text) as Record<string, unknown>;
    } catch {
      obs.notes.push("non-JSON frame from server");
      return;
    }
    if (frame["type"] === "event") return onEvent(frame);
    if (frame["type"] !== "res") return;
    if (frame["id"] === connectId && obs.response === null) return onConnectResponse(frame);
    if (rpcPending && frame["id"] === rpcPending.id) {
      obs.rpc.push(observeRpc(rpcPending.method, frame));
      rpcPending = null;
      return sendNextRpc();
    }
    obs.preFrameResponses.push(redactFrame(frame));
  };
  const onEvent = (frame: Record<string, unknown>) => {
    const name = String(frame["event"]);
    const payload = (frame["payload"] ?? {}) as Record<string, unknown>;
    if (name !== "connect.challenge" || obs.challenge !== null) {
      obs.events.add(name);
      return;
    }
    const nonce = typeof payload["nonce"] === "string" ? payload["nonce"] : null;
    obs.challenge = { hasNonce: nonce !== null && nonce.trim() !== "", nonceIsUuidV4: nonce !== null && uuidV4Pattern.test(nonce), ts: "<ts>", ...(payload["capabilities"] !== undefined ? { capabilities: payload["capabilities"] } : {}), afterOpenMs: scheduler.nowMs() - obs.openedAtMs };
    if (!attempt.sendBeforeChallenge) return sendConnect(nonce);
    env.lastNonce.value = nonce;
  };
  /** Pre-frames and connect; `nonce` null when they go out before any challenge (then {{nonce}} is unresolved). */
  const sendConnect = (nonce: string | null) => {
    const ctx: FrameContext = { port: env.port, gatewayToken: env.gatewayToken, nonce, staleNonce: env.lastNonce.value, lastRequestId: env.lastRequestId?.value ?? null, identities: env.identities, deviceTokens: env.deviceTokens, nowMs: env.clock.nowMs() };
    if (nonce !== null) env.lastNonce.value = nonce;
    frameCtx = ctx;
    const built = buildFrames(attempt, ctx);
    obs.notes.push(...built.unresolved.map((u) => `unresolved ${u}`));
    for (const pre of built.preFrames) socket.send(pre);
    connectId = built.connectId;
    obs.sentAtMs = scheduler.nowMs();
    if (built.connect !== null) socket.send(built.connect);
  };
  const onConnectResponse = (frame: Record<string, unknown>) => {
    obs.respondedAtMs = scheduler.nowMs();
    if (frame["ok"] === true) {
      const payload = (frame["payload"] ?? {}) as Record<string, unknown>;
      const auth = payload["auth"] as Record<string, unknown> | undefined;
      if (auth && typeof auth["deviceToken"] === "string") {
        const deviceId = deviceIdOf(attempt);
        if (deviceId) env.deviceTokens.set(deviceTokenKey(deviceId, String(auth["role"] ?? "operator")), auth["deviceToken"]);
      }
      obs.response = { ok: true, helloOk: observeHello(payload) };
      sendNextRpc();
      return;
    }
    const requestId = ((frame["error"] ?? {}) as { details?: { requestId?: unknown } }).details?.requestId;
    if (typeof requestId === "string" && env.lastRequestId) env.lastRequestId.value = requestId;
    obs.response = { ok: false, error: observeError(frame["error"]) };
  };
  const socket: SocketEnd<string> = env.network.connect({
    fromHost: env.fromHost,
    url: env.url,
    headers: resolveHeaders(attempt, env),
    callbacks: {
      onOpen: () => {
        obs.openedAtMs = scheduler.nowMs();
        if (attempt.sendBeforeChallenge) sendConnect(null);
      },
      onMessage: onFrame,
      onUnexpectedResponse: (status, body) => void (obs.upgradeRefused = { status, body }),
      onError: (error) => void obs.notes.push(`socket error ${error.code}`),
      onClose: (code, reason) => {
        // After a refused upgrade there was no WebSocket to close (the real driver records none).
        if (!obs.upgradeRefused) obs.close = { code, reason, by: clientClosed ? "client" : "server" };
        obs.closedAtMs = scheduler.nowMs();
        finish();
      },
    },
  });
  if (attempt.connect === undefined) rpcQueue = [];
}

function resolveHeaders(attempt: Attempt, env: AttemptEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(attempt.headers ?? {})) out[k.toLowerCase()] = v.replaceAll("{{port}}", String(env.port)).replaceAll("{{gatewayToken}}", env.gatewayToken);
  return out;
}

function deviceIdOf(attempt: Attempt): string | null {
  if (!attempt.device) return null;
  if (attempt.device.idOverride) return attempt.device.idOverride;
  return identityFromSeedHex(attempt.device.identitySeed).deviceId;
}


function observeError(raw: unknown): ObservedError {
  const e = (raw ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { code: String(e["code"] ?? ""), message: String(e["message"] ?? "") };
  if (e["details"] !== undefined) out["details"] = redactValue(e["details"]);
  if (e["retryable"] !== undefined) out["retryable"] = e["retryable"];
  if (e["retryAfterMs"] !== undefined) out["retryAfterMs"] = e["retryAfterMs"];
  return out as unknown as ObservedError;
}

function observeHello(payload: Record<string, unknown>) {
  const server = (payload["server"] ?? {}) as Record<string, unknown>;
  return {
    protocol: payload["protocol"],
    serverVersion: server["version"],
    auth: redactValue(payload["auth"]),
    policy: payload["policy"],
    payloadKeys: sortedKeys(payload),
    snapshotKeys: sortedKeys((payload["snapshot"] ?? {}) as object),
  };
}

/** `Object.keys(value).sort()` by insertion (a handful of keys; `>` on strings is sort()'s code-unit order). */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

function observeRpc(method: string, frame: Record<string, unknown>) {
  if (frame["ok"] === true && method === "system-presence" && Array.isArray(frame["payload"])) {
    return { method, ok: true, payloadKeys: [], summary: presenceSummary(frame["payload"] as Record<string, unknown>[]) };
  }
  if (frame["ok"] === true) return { method, ok: true, payloadKeys: Object.keys((frame["payload"] ?? {}) as object).sort() };
  return { method, ok: false, error: observeError(frame["error"]) };
}

/** system-presence digest: one "host/mode/reason" per entry, in the answer's order. */
function presenceSummary(entries: readonly Record<string, unknown>[]): string[] {
  return entries.map((e) => `${String(e["host"] ?? "")}/${String(e["mode"] ?? "")}/${String(e["reason"] ?? "")}`);
}

function redactFrame(frame: Record<string, unknown>): unknown {
  return redactValue(frame);
}

/** Secrets and times become placeholders so outcomes compare across runs and against the real gateway. */
function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[k];
      if ((k === "deviceToken" || k === "token") && typeof v === "string") out[k] = "<token>";
      else if ((k === "issuedAtMs" || k === "ts") && typeof v === "number") out[k] = "<ts>";
      else if (k === "requestId" && typeof v === "string") out[k] = "<requestId>";
      else out[k] = redactValue(v);
    }
    return out;
  }
  return value;
}

function toOutcome(obs: Observation, nowMs: number): Outcome {
  const out: Record<string, unknown> = {
    challenge: obs.challenge,
    response: obs.response,
    close: obs.close,
    elapsedMs: (obs.respondedAtMs ?? obs.closedAtMs ?? nowMs) - obs.sentAtMs,
    events: [...obs.events].sort(),
  };
  if (obs.upgradeRefused) out["upgradeRefused"] = obs.upgradeRefused;
  if (obs.preFrameResponses.length > 0) out["preFrameResponses"] = obs.preFrameResponses;
  if (obs.rpc.length > 0) out["rpc"] = obs.rpc;
  if (obs.close?.by === "server" && obs.closedAtMs !== undefined) out["closeAfterMs"] = obs.closedAtMs - obs.sentAtMs;
  if (obs.notes.length > 0) out["notes"] = obs.notes;
  return out as unknown as Outcome;
}
