// Hand-built traces for invariant tests: the same event shapes the world records (net frames with JSON text,
// gateway logs, client events, operator actions, notes), written a step at a time with a moving clock.
import type { TraceEvent, TraceKind } from "../../src/kernel/index.ts";
import type { Invariant, InvariantFinding } from "../../src/invariants/index.ts";

export interface ConnectParamsInput {
  clientId?: string;
  mode?: string;
  role?: string;
  scopes?: string[];
  auth?: { token?: string; deviceToken?: string; password?: string };
  /** A device proof; `nonce: null` leaves the nonce out. */
  device?: { id: string; nonce: string | null };
}

export interface HelloInput {
  role?: string;
  scopes?: string[];
  method?: string;
  deviceId?: string | null;
  clientId?: string;
  isLocal?: boolean;
  clientIp?: string;
  /** A device token issued in hello-ok.auth. */
  deviceToken?: string;
}

export class TraceBuilder {
  readonly events: TraceEvent[] = [];
  nowMs = 0;
  private requestSeq = 0;

  at(ms: number): this {
    this.nowMs = ms;
    return this;
  }

  private push(actor: string, kind: TraceKind, data: Record<string, unknown>): TraceEvent {
    const event: TraceEvent = { i: this.events.length, atMs: this.nowMs, actor, kind, data };
    this.events.push(event);
    return event;
  }

  client(name: string, event: string, data: Record<string, unknown> = {}): TraceEvent {
    return this.push(name, "client", { event, ...data });
  }

  connectError(name: string, detailCode: string | null, message = "connect failed"): TraceEvent {
    const details = detailCode === null ? undefined : { code: detailCode };
    return this.client(name, "connect-error", { code: "INVALID_REQUEST", message, detailCode, details });
  }

  gateway(event: string, data: Record<string, unknown> = {}): TraceEvent {
    return this.push("gateway", "gateway", { event, ...data });
  }

  operator(command: string, data: Record<string, unknown> = {}): TraceEvent {
    return this.push("operator", "operator", { command, ...data });
  }

  note(text: string, data: Record<string, unknown> = {}): TraceEvent {
    return this.push("scenario", "note", { text, ...data });
  }

  /** conn.open from a host; `local` dials 127.0.0.1 with a loopback Host header, else a LAN address. */
  open(connId: string, options: { from?: string; local?: boolean } = {}): TraceEvent {
    const local = options.local ?? true;
    const remoteAddress = local ? "127.0.0.1" : "192.0.2.11";
    const host = local ? "127.0.0.1:18789" : "192.0.2.10:18789";
    return this.push(connId, "conn.open", { connId, side: "client", from: options.from ?? "laptop", headers: { host }, remoteAddress });
  }

  private frame(connId: string, kind: "frame.send" | "frame.deliver", dir: "c2s" | "s2c", body: unknown): TraceEvent {
    return this.push(connId, kind, { connId, dir, n: 0, packet: "frame", text: JSON.stringify(body) });
  }

  /** The gateway's connect.challenge (frame.send s2c). */
  challenge(connId: string, nonce: string): TraceEvent {
    return this.frame(connId, "frame.send", "s2c", { type: "event", event: "connect.challenge", payload: { nonce, ts: this.nowMs } });
  }

  /**
   * A connect request: sent (with the client's connect-attempt event when `client` is given, which ties the
   * connection to it) and delivered to the gateway. Returns the delivery.
   */
  connect(connId: string, params: ConnectParamsInput = {}, options: { client?: string } = {}): TraceEvent {
    const id = `req-${++this.requestSeq}`;
    const body = {
      type: "req",
      id,
      method: "connect",
      params: {
        minProtocol: 3,
        maxProtocol: 3,
        client: { id: params.clientId ?? "cli", version: "dev", platform: "linux", mode: params.mode ?? "cli" },
        role: params.role ?? "operator",
        scopes: params.scopes ?? ["operator.read"],
        ...(params.auth ? { auth: params.auth } : {}),
        ...(params.device ? { device: deviceProof(params.device) } : {}),
      },
    };
    this.frame(connId, "frame.send", "c2s", body);
    if (options.client) this.client(options.client, "connect-attempt", { attempt: 1 });
    return this.frame(connId, "frame.deliver", "c2s", body);
  }

  /** hello-ok sent by the gateway, then its connect.hello log. Returns the log event. */
  hello(connId: string, hello: HelloInput = {}): TraceEvent {
    const role = hello.role ?? "operator";
    const scopes = hello.scopes ?? ["operator.read"];
    const auth = hello.deviceToken ? { deviceToken: hello.deviceToken, role, scopes } : undefined;
    this.frame(connId, "frame.send", "s2c", { type: "res", id: "r", ok: true, payload: { type: "hello-ok", ...(auth ? { auth } : {}) } });
    const data: Record<string, unknown> = { connId, role, scopes, method: hello.method ?? "token", deviceId: hello.deviceId ?? null };
    if (hello.clientId !== undefined) data["clientId"] = hello.clientId;
    if (hello.isLocal !== undefined) data["isLocal"] = hello.isLocal;
    if (hello.clientIp !== undefined) data["clientIp"] = hello.clientIp;
    return this.gateway("connect.hello", data);
  }

  /** An RPC delivered to the gateway and its answer (frame.send s2c). Returns the answer. */
  rpc(connId: string, method: string, params: Record<string, unknown>, answer: { ok: boolean; payload?: unknown } = { ok: true }): TraceEvent {
    const id = `req-${++this.requestSeq}`;
    this.frame(connId, "frame.deliver", "c2s", { type: "req", id, method, params });
    return this.frame(connId, "frame.send", "s2c", { type: "res", id, ok: answer.ok, payload: answer.payload ?? {} });
  }

  pairingRequired(data: { deviceId: string; silent: boolean; connId?: string; isLocal?: boolean; requestId?: string; reason?: string }): TraceEvent {
    return this.gateway("pairing.required", { reason: "not-paired", requestId: "pr-1", ...data });
  }

  /** The gateway starts closing a connection (its close packet). */
  gatewayCloses(connId: string, code = 4001, reason = "device removed"): TraceEvent {
    return this.push(connId, "frame.send", { connId, dir: "s2c", n: 0, packet: "close", code, reason });
  }

  /** A data frame the client side sends on a connection (e.g. an RPC). */
  clientSends(connId: string, body: unknown = { type: "req", id: "x", method: "health" }): TraceEvent {
    return this.frame(connId, "frame.send", "c2s", body);
  }

  /** Feeds every event to the invariant and returns its findings. */
  run(invariant: Invariant, nowMs = this.nowMs): InvariantFinding[] {
    for (const event of this.events) invariant.onEvent(event);
    return invariant.finish({ nowMs });
  }
}

function deviceProof(device: { id: string; nonce: string | null }): Record<string, unknown> {
  const proof: Record<string, unknown> = { id: device.id, publicKey: "pk", signature: "sig", signedAt: 0 };
  if (device.nonce !== null) proof["nonce"] = device.nonce;
  return proof;
}
