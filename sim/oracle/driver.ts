// Runs Attempts against a running real OpenClaw gateway over real loopback WebSockets (the `ws` package), one
// socket at a time, and reports raw (unredacted) Outcomes. Keeps the cross-attempt memory that attempts may
// refer to: device tokens issued per identity and role, and the previous socket's challenge nonce.
// It does not start the gateway (real-gateway.ts) and does not redact (record.ts does).

import { performance } from "node:perf_hooks";
import WebSocket from "ws";

import type { Attempt, ObservedChallenge, ObservedError, ObservedHelloOk, ObservedRpc, Outcome } from "./attempt.ts";
import { buildFrames, deviceTokenKey, resolveDeep, resolveText, type FrameContext } from "./connect-frame.ts";
import { identityFromSeed } from "./device-proof.ts";
import { Inbox } from "./inbox.ts";

export interface DriverOptions {
  readonly port: number;
  readonly gatewayToken: string;
  readonly identities: Readonly<Record<string, string>>;
  /** How long to wait for connect.challenge before sending anyway (default 3000 ms). */
  readonly challengeWaitMs?: number;
  /** After a failed connect response, how long to wait for the server's close (default 3000 ms). */
  readonly closeWaitMs?: number;
  /** Per after-hello request (default 10000 ms). */
  readonly rpcWaitMs?: number;
}

const DEFAULT_WAIT_MS_MAX = 20_000;
const UPGRADE_BODY_CHARS_MAX = 200;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function sortedKeys(value: unknown): string[] {
  return Object.keys(record(value)).sort();
}

function observedError(value: unknown): ObservedError {
  const e = record(value);
  return {
    code: String(e.code),
    message: String(e.message),
    ...(e.details !== undefined ? { details: e.details } : {}),
    ...(e.retryable !== undefined ? { retryable: Boolean(e.retryable) } : {}),
    ...(typeof e.retryAfterMs === "number" ? { retryAfterMs: e.retryAfterMs } : {}),
  };
}

function helloDigest(payload: unknown): ObservedHelloOk {
  const p = record(payload);
  return {
    protocol: p.protocol,
    serverVersion: record(p.server).version,
    auth: p.auth,
    policy: p.policy,
    payloadKeys: sortedKeys(p),
    snapshotKeys: sortedKeys(p.snapshot),
  };
}

const PENDING_FIELDS = ["requestId", "deviceId", "role", "roles", "scopes", "silent", "isRepair", "clientId", "clientMode", "reason"];
const FULL_PAYLOAD_METHODS = new Set(["device.pair.approve", "device.pair.reject", "device.pair.remove", "device.token.revoke", "device.token.rotate"]);

function pick(value: unknown, fields: readonly string[]): Record<string, unknown> {
  const v = record(value);
  return Object.fromEntries(fields.filter((f) => v[f] !== undefined).map((f) => [f, v[f]]));
}

/** A small digest of a successful after-hello payload (secrets are redacted later by record.ts). */
function rpcSummary(method: string, payload: unknown): unknown {
  const p = record(payload);
  if (method === "device.pair.list") {
    return {
      pendingCount: Array.isArray(p.pending) ? p.pending.length : null,
      pairedCount: Array.isArray(p.paired) ? p.paired.length : null,
      pending: Array.isArray(p.pending) ? p.pending.map((entry) => pick(entry, PENDING_FIELDS)) : null,
    };
  }
  if (FULL_PAYLOAD_METHODS.has(method)) return payload;
  return undefined;
}

const isType = (type: string) => (frame: unknown) => record(frame).type === type;
const isResponseTo = (id: string) => (frame: unknown) => record(frame).type === "res" && record(frame).id === id;
const isChallenge = (frame: unknown) => record(frame).type === "event" && record(frame).event === "connect.challenge";

export class OracleDriver {
  readonly deviceTokens = new Map<string, string>();
  private staleNonce: string | null = null;
  private lastRequestId: string | null = null;

  constructor(private readonly options: DriverOptions) {}

  /** Exact secret strings seen so far with a label each, for redaction. */
  secrets(): Map<string, string> {
    const out = new Map<string, string>([[this.options.gatewayToken, "<gatewayToken>"]]);
    for (const [key, token] of this.deviceTokens) out.set(token, `<deviceToken:${this.nameForKey(key)}>`);
    return out;
  }

  async run(attempt: Attempt): Promise<Outcome> {
    const headers: Record<string, string> = {};
    const unresolvedHeaders: string[] = [];
    for (const [name, value] of Object.entries(attempt.headers ?? {})) {
      headers[name] = resolveText(value, this.context(null, 0), unresolvedHeaders);
    }
    const inbox = new Inbox();
    const events = new Set<string>();
    const openedAt = performance.now();
    const ws = new WebSocket(`ws://127.0.0.1:${this.options.port}`, {
      headers,
      perMessageDeflate: false,
      handshakeTimeout: 10_000,
      maxPayload: 64 * 1024 * 1024,
      ...(attempt.sourceAddress !== undefined ? { localAddress: attempt.sourceAddress } : {}),
    });
    const refused = new Promise<{ status: number; body: string } | null>((resolve) => {
      ws.on("unexpected-response", (_req, res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: body.slice(0, UPGRADE_BODY_CHARS_MAX) }));
      });
      ws.on("open", () => resolve(null));
      ws.on("error", () => resolve(null));
    });
    ws.on("message", (data) => {
      let frame: unknown;
      try {
        frame = JSON.parse(String(data));
      } catch {
        frame = { type: "non-json", text: String(data).slice(0, 200) };
      }
      const f = record(frame);
      if (f.type === "event" && typeof f.event === "string" && f.event !== "connect.challenge") events.add(f.event);
      inbox.push(frame, performance.now());
    });
    ws.on("close", (code, reason) => inbox.markClosed({ code, reason: reason.toString("utf8"), atMs: performance.now() }));
    ws.on("error", () => inbox.markClosed({ code: 1006, reason: "socket error", atMs: performance.now() }));

    const upgradeRefused = await refused;
    if (upgradeRefused !== null) {
      ws.terminate();
      return { upgradeRefused, challenge: null, response: null, close: null, elapsedMs: Math.round(performance.now() - openedAt), events: [] };
    }
    try {
      return await this.converse(attempt, ws, inbox, events, openedAt, unresolvedHeaders);
    } finally {
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.terminate();
    }
  }

  private async converse(
    attempt: Attempt,
    ws: WebSocket,
    inbox: Inbox,
    events: Set<string>,
    openedAt: number,
    notes: string[],
  ): Promise<Outcome> {
    const challengeResult = await inbox.waitFor(isChallenge, this.options.challengeWaitMs ?? 3000);
    const challenge = challengeResult.kind === "frame" ? this.observeChallenge(challengeResult.frame, challengeResult.atMs - openedAt) : null;
    const nonce = challengeResult.kind === "frame" ? String(record(record(challengeResult.frame).payload).nonce ?? "") || null : null;
    if (challenge === null) notes.push(`no connect.challenge (${challengeResult.kind})`);
    const built = buildFrames(attempt, this.context(nonce, Date.now()));
    notes.push(...built.unresolved.map((u) => `unresolved ${u}`));
    let sentAt = performance.now();
    for (const frame of built.preFrames) if (inbox.closed === null) ws.send(frame);
    if (built.connect !== null && inbox.closed === null) {
      sentAt = performance.now();
      ws.send(built.connect);
    }
    const waitMsMax = attempt.waitMsMax ?? DEFAULT_WAIT_MS_MAX;
    const preFrameResponses: unknown[] = [];
    let response: Outcome["response"] = null;
    let responseAt: number | null = null;
    if (built.connectId !== null) {
      const result = await inbox.waitFor(isResponseTo(built.connectId), waitMsMax);
      if (result.kind === "frame") {
        const f = record(result.frame);
        responseAt = result.atMs;
        response = f.ok === true ? { ok: true, helloOk: helloDigest(f.payload) } : { ok: false, error: observedError(f.error) };
        if (f.ok === true) this.rememberDeviceTokens(attempt, f.payload);
        const requestId = record(record(f.error).details).requestId;
        if (typeof requestId === "string") this.lastRequestId = requestId;
      } else if (result.kind === "timeout") notes.push("no connect response within waitMsMax");
    }
    for (;;) {
      const other = await inbox.waitFor(isType("res"), 0);
      if (other.kind !== "frame") break;
      preFrameResponses.push(other.frame);
    }
    const rpc = response?.ok === true ? await this.callAfterHello(attempt, ws, inbox, notes) : undefined;
    const closeWaitMs = response === null ? waitMsMax : response.ok ? 0 : (this.options.closeWaitMs ?? 3000);
    let closed = await inbox.waitForClose(closeWaitMs);
    let by: "server" | "client" = "server";
    if (closed === null) {
      by = "client";
      ws.close(1000, "oracle done");
      closed = await inbox.waitForClose(2000);
    }
    this.staleNonce = nonce ?? this.staleNonce;
    const endAt = responseAt ?? closed?.atMs ?? performance.now();
    return {
      challenge,
      response,
      ...(preFrameResponses.length > 0 ? { preFrameResponses } : {}),
      ...(rpc !== undefined ? { rpc } : {}),
      close: closed === null ? null : { code: closed.code, reason: closed.reason, by },
      elapsedMs: Math.round(endAt - sentAt),
      ...(by === "server" && closed !== null ? { closeAfterMs: Math.round(closed.atMs - sentAt) } : {}),
      events: [...events].sort(),
      ...(notes.length > 0 ? { notes } : {}),
    };
  }

  private async callAfterHello(attempt: Attempt, ws: WebSocket, inbox: Inbox, notes: string[]): Promise<ObservedRpc[]> {
    const out: ObservedRpc[] = [];
    const calls = attempt.afterHello ?? [];
    for (const [index, call] of calls.entries()) {
      if (inbox.closed !== null) break;
      const id = `rpc-${index + 1}`;
      const unresolved: string[] = [];
      const params = call.params === undefined ? undefined : resolveDeep(call.params, this.context(null, Date.now()), unresolved);
      notes.push(...unresolved.map((u) => `unresolved ${u} in ${call.method}`));
      ws.send(JSON.stringify({ type: "req", id, method: call.method, ...(params !== undefined ? { params } : {}) }));
      const result = await inbox.waitFor(isResponseTo(id), this.options.rpcWaitMs ?? 10_000);
      if (result.kind !== "frame") {
        out.push({ method: call.method, ok: false, error: { code: `driver:${result.kind}`, message: "no response" } });
        continue;
      }
      const f = record(result.frame);
      const summary = f.ok === true ? rpcSummary(call.method, f.payload) : undefined;
      out.push(
        f.ok === true
          ? { method: call.method, ok: true, payloadKeys: sortedKeys(f.payload), ...(summary !== undefined ? { summary } : {}) }
          : { method: call.method, ok: false, error: observedError(f.error) },
      );
    }
    return out;
  }

  private observeChallenge(frame: unknown, afterOpenMs: number): ObservedChallenge {
    const payload = record(record(frame).payload);
    const nonce = payload.nonce;
    return {
      hasNonce: typeof nonce === "string" && nonce.trim().length > 0,
      nonceIsUuidV4: typeof nonce === "string" && UUID_V4.test(nonce),
      ...(typeof payload.ts === "number" ? { ts: "<ts>" as const } : {}),
      ...(payload.capabilities !== undefined ? { capabilities: payload.capabilities } : {}),
      afterOpenMs: Math.round(afterOpenMs),
    };
  }

  private rememberDeviceTokens(attempt: Attempt, payload: unknown): void {
    if (attempt.device === undefined) return;
    const auth = record(record(payload).auth);
    const deviceId = identityFromSeed(attempt.device.identitySeed).deviceId;
    if (typeof auth.deviceToken === "string") {
      this.deviceTokens.set(deviceTokenKey(deviceId, typeof auth.role === "string" ? auth.role : "operator"), auth.deviceToken);
    }
    if (Array.isArray(auth.deviceTokens)) {
      for (const entry of auth.deviceTokens) {
        const e = record(entry);
        if (typeof e.deviceToken === "string" && typeof e.role === "string") this.deviceTokens.set(deviceTokenKey(deviceId, e.role), e.deviceToken);
      }
    }
  }

  private context(nonce: string | null, nowMs: number): FrameContext {
    return {
      port: this.options.port,
      gatewayToken: this.options.gatewayToken,
      nonce,
      staleNonce: this.staleNonce,
      lastRequestId: this.lastRequestId,
      identities: this.options.identities,
      deviceTokens: this.deviceTokens,
      nowMs,
    };
  }

  private nameForKey(key: string): string {
    const [deviceId, role] = key.split("/");
    for (const [name, seed] of Object.entries(this.options.identities)) {
      if (identityFromSeed(seed).deviceId === deviceId) return role === "operator" ? name : `${name}/${role}`;
    }
    return key;
  }
}

/** Runs attempts one after another, with an optional pause between them. */
export async function runAttempts(
  driver: OracleDriver,
  attempts: readonly Attempt[],
  options: { readonly pauseMs?: number; readonly onOutcome?: (attempt: Attempt, outcome: Outcome) => void } = {},
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const attempt of attempts) {
    const outcome = await driver.run(attempt);
    outcomes.push(outcome);
    options.onOutcome?.(attempt, outcome);
    if (options.pauseMs !== undefined && options.pauseMs > 0) await new Promise((r) => setTimeout(r, options.pauseMs));
  }
  return outcomes;
}
