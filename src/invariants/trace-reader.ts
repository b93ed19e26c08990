// The trace vocabulary in one place: turns raw trace events (net frames, gateway logs, client events,
// operator actions, notes) into typed observations, and keeps a small shadow record per connection built
// only from those events (its challenge nonce, the connect request the gateway received, the client that
// owns it, the session the gateway opened). Every invariant owns its own reader; nothing here reads the
// gateway's or a client's state, and nothing here judges — that is each invariant's job.
import { assert, type TraceEvent } from "../kernel/index.ts";
import { asRecord, bool, frameObject, nonBlank, str, strings, type Fields } from "./trace-fields.ts";

/** Closed connections remembered before the oldest are forgotten (live ones are always kept). */
export const closedConnectionsKeptMax = 10_000;

/** The `connect` request as the gateway received it. */
export interface ConnectFacts {
  readonly event: TraceEvent;
  readonly requestId: string;
  readonly clientId: string | undefined;
  readonly clientMode: string | undefined;
  /** params.role, defaulted to "operator" as the gateway does. */
  readonly role: string;
  readonly scopes: readonly string[];
  /** The device proof, if any; `nonce` is undefined when absent or blank. */
  readonly device: { readonly id: string; readonly nonce: string | undefined } | undefined;
  readonly auth: { readonly token?: string; readonly deviceToken?: string; readonly password?: string; readonly bootstrapToken?: string };
}

/** A session the gateway opened (its `connect.hello` log). */
export interface SessionFacts {
  readonly event: TraceEvent;
  readonly role: string;
  readonly scopes: readonly string[];
  /** Auth method the gateway reported: token, password, device-token, none, trusted-proxy, tailscale … */
  readonly method: string | undefined;
  readonly deviceId: string | null;
  readonly clientId: string | undefined;
  /** The gateway's locality verdict, else the direct-loopback estimate from the upgrade request. */
  readonly isLocal: boolean | undefined;
  readonly clientIp: string | undefined;
}

export interface ConnRecord {
  readonly connId: string;
  openEvent: TraceEvent | undefined;
  /** Direct loopback peer, local Host header, no forwarding headers (used when the gateway says nothing). */
  directLocal: boolean | undefined;
  challengeNonce: string | undefined;
  connect: ConnectFacts | undefined;
  owner: string | undefined;
  session: SessionFacts | undefined;
  closed: boolean;
  readonly pendingRpc: Map<string, { readonly method: string; readonly params: Fields }>;
}

export interface PairingFacts {
  readonly deviceId: string;
  readonly reason: string | undefined;
  readonly silent: boolean;
  readonly requestId: string | undefined;
  readonly isLocal: boolean | undefined;
  readonly conn: ConnRecord | undefined;
}

export type Observation =
  | { readonly kind: "conn-open"; readonly conn: ConnRecord }
  | { readonly kind: "challenge"; readonly conn: ConnRecord; readonly nonce: string }
  | { readonly kind: "connect-received"; readonly conn: ConnRecord; readonly connect: ConnectFacts }
  /** A data frame or upgrade the client side sent on a connection whose owner is known. */
  | { readonly kind: "client-packet"; readonly conn: ConnRecord; readonly owner: string }
  /** The connection's owner became known (its connect-attempt event). */
  | { readonly kind: "conn-owned"; readonly conn: ConnRecord; readonly owner: string }
  | { readonly kind: "rpc-answer"; readonly conn: ConnRecord; readonly method: string; readonly params: Fields; readonly ok: boolean; readonly payload: Fields | undefined }
  | { readonly kind: "hello-ok"; readonly conn: ConnRecord; readonly auth: Fields | undefined }
  /** The gateway started closing the connection (its close packet), or either end reported it closed. */
  | { readonly kind: "conn-closing"; readonly conn: ConnRecord; readonly byGateway: boolean }
  | { readonly kind: "session"; readonly conn: ConnRecord; readonly session: SessionFacts }
  | { readonly kind: "pairing-required"; readonly pairing: PairingFacts }
  | { readonly kind: "gateway-log"; readonly name: string; readonly data: Fields }
  | { readonly kind: "client"; readonly client: string; readonly name: string; readonly data: Fields }
  | { readonly kind: "operator"; readonly command: string | undefined; readonly data: Fields }
  | { readonly kind: "note"; readonly data: Fields };

/** What a reader has built from the events so far; readers made in one `withSharedTraceReaders` share it. */
class ReaderState {
  readonly conns = new Map<string, ConnRecord>();
  readonly closedOrder: string[] = [];
  lastConnectSend: { connId: string; atMs: number } | undefined;
  /** Events read into this state, the last one, and what it gave. */
  count = 0;
  last: TraceEvent | undefined;
  lastObservations: readonly Observation[] = [];
}

let sharedState: ReaderState | undefined;

/**
 * Builds invariants whose readers share one reading of the trace: what a reader makes of an event depends only
 * on the events before it, so readers fed the same events in the same order (the scenario runner feeds every
 * invariant every event) would each build the same records. Each event is then read once, not once per
 * invariant. A shared reader fed out of step with the others fails an assertion rather than read wrongly.
 */
export function withSharedTraceReaders<T>(build: () => T): T {
  const previous = sharedState;
  sharedState = new ReaderState();
  try {
    return build();
  } finally {
    sharedState = previous;
  }
}

export class TraceReader {
  private readonly state = sharedState ?? new ReaderState();
  /** Events this reader was given. */
  private seen = 0;

  private get conns(): Map<string, ConnRecord> {
    return this.state.conns;
  }

  conn(connId: string): ConnRecord | undefined {
    return this.conns.get(connId);
  }

  /** Live connections (not yet closed), in the order they opened. */
  liveConns(): ConnRecord[] {
    return [...this.conns.values()].filter((c) => !c.closed);
  }

  /** The observations of an event (shared with other readers of the same state: read them, never write them). */
  read(event: TraceEvent): readonly Observation[] {
    const state = this.state;
    if (this.seen === state.count) {
      state.lastObservations = this.observe(event);
      state.last = event;
      state.count++;
    } else {
      assert(this.seen + 1 === state.count && state.last === event, "trace readers sharing a state must read the same events in the same order");
    }
    this.seen++;
    return state.lastObservations;
  }

  private observe(event: TraceEvent): Observation[] {
    const data = event.data;
    switch (event.kind) {
      case "conn.open":
        return this.connOpen(event);
      case "frame.send":
        return str(data, "dir") === "s2c" ? this.gatewaySent(event) : this.clientSent(event);
      case "frame.deliver":
        return str(data, "dir") === "c2s" ? this.gatewayReceived(event) : [];
      case "close":
        return this.closeReported(event);
      case "gateway":
        return this.gatewayLog(event);
      case "client":
        return this.clientEvent(event);
      case "operator":
        return [{ kind: "operator", command: str(data, "command") ?? str(data, "action"), data }];
      case "host":
        // `openclaw devices approve` writing the pairing files itself (no gateway answer to read): an approval.
        return data["event"] === "devices.local-pairing-fallback" && data["approved"] === true ? [{ kind: "operator", command: "device.pair.approve", data }] : [];
      case "note":
        return [{ kind: "note", data }];
      default:
        return [];
    }
  }

  private record(connId: string): ConnRecord {
    let conn = this.conns.get(connId);
    if (!conn) {
      conn = { connId, openEvent: undefined, directLocal: undefined, challengeNonce: undefined, connect: undefined, owner: undefined, session: undefined, closed: false, pendingRpc: new Map() };
      this.conns.set(connId, conn);
    }
    return conn;
  }

  private connOpen(event: TraceEvent): Observation[] {
    const conn = this.record(str(event.data, "connId") ?? event.actor);
    conn.openEvent = event;
    conn.directLocal = directLocality(event.data);
    return [{ kind: "conn-open", conn }];
  }

  private clientSent(event: TraceEvent): Observation[] {
    const connId = str(event.data, "connId");
    if (connId === undefined) return [];
    const conn = this.record(connId);
    const packet = str(event.data, "packet");
    if (packet === "frame" && str(frameObject(event.data), "method") === "connect") this.state.lastConnectSend = { connId, atMs: event.atMs };
    if (conn.owner === undefined || (packet !== "frame" && packet !== "upgrade")) return [];
    return [{ kind: "client-packet", conn, owner: conn.owner }];
  }

  private gatewaySent(event: TraceEvent): Observation[] {
    const connId = str(event.data, "connId");
    if (connId === undefined) return [];
    const conn = this.record(connId);
    const packet = str(event.data, "packet");
    if (packet === "close") return this.closing(conn, true);
    if (packet !== "frame") return [];
    const frame = frameObject(event.data);
    if (str(frame, "type") === "event" && str(frame, "event") === "connect.challenge") {
      const nonce = nonBlank(str(asRecord(frame?.["payload"]), "nonce"));
      if (nonce === undefined || conn.challengeNonce !== undefined) return [];
      conn.challengeNonce = nonce;
      return [{ kind: "challenge", conn, nonce }];
    }
    if (str(frame, "type") === "res") return this.response(conn, frame!);
    return [];
  }

  private response(conn: ConnRecord, frame: Fields): Observation[] {
    const id = str(frame, "id");
    const ok = bool(frame, "ok") === true;
    const payload = asRecord(frame["payload"]);
    if (ok && str(payload, "type") === "hello-ok") return [{ kind: "hello-ok", conn, auth: asRecord(payload?.["auth"]) }];
    const pending = id === undefined ? undefined : conn.pendingRpc.get(id);
    if (!pending || id === undefined) return [];
    conn.pendingRpc.delete(id);
    return [{ kind: "rpc-answer", conn, method: pending.method, params: pending.params, ok, payload }];
  }

  private gatewayReceived(event: TraceEvent): Observation[] {
    const connId = str(event.data, "connId");
    if (connId === undefined || str(event.data, "packet") !== "frame") return [];
    const conn = this.record(connId);
    const frame = frameObject(event.data);
    const method = str(frame, "method");
    const id = str(frame, "id");
    if (str(frame, "type") !== "req" || method === undefined || id === undefined) return [];
    if (method === "connect" && conn.session === undefined) {
      conn.connect = connectFacts(event, id, asRecord(frame?.["params"]) ?? {});
      return [{ kind: "connect-received", conn, connect: conn.connect }];
    }
    conn.pendingRpc.set(id, { method, params: asRecord(frame?.["params"]) ?? {} });
    return [];
  }

  private closeReported(event: TraceEvent): Observation[] {
    const conn = this.conns.get(str(event.data, "connId") ?? event.actor);
    return conn ? this.closing(conn, str(event.data, "side") === "server") : [];
  }

  private closing(conn: ConnRecord, byGateway: boolean): Observation[] {
    if (conn.closed) return [];
    conn.closed = true;
    const closedOrder = this.state.closedOrder;
    closedOrder.push(conn.connId);
    if (closedOrder.length > closedConnectionsKeptMax) this.conns.delete(closedOrder.shift()!);
    return [{ kind: "conn-closing", conn, byGateway }];
  }

  private gatewayLog(event: TraceEvent): Observation[] {
    const data = event.data;
    const name = str(data, "event") ?? "";
    if (name === "connect.hello") {
      const conn = this.record(str(data, "connId") ?? "");
      conn.session = sessionFacts(event, conn);
      return [{ kind: "session", conn, session: conn.session }];
    }
    if (name === "pairing.required") return [{ kind: "pairing-required", pairing: this.pairingFacts(data) }];
    return [{ kind: "gateway-log", name, data }];
  }

  private pairingFacts(data: Fields): PairingFacts {
    const deviceId = str(data, "deviceId") ?? "";
    const connId = str(data, "connId");
    // Without a connId, the connection is the latest one whose connect carried this device and got no session yet.
    const conn = connId !== undefined ? this.conns.get(connId) : [...this.conns.values()].reverse().find((c) => c.session === undefined && c.connect?.device?.id === deviceId);
    return { deviceId, reason: str(data, "reason"), silent: bool(data, "silent") === true, requestId: str(data, "requestId"), isLocal: bool(data, "localForPairing") ?? bool(data, "isLocal") ?? conn?.directLocal, conn };
  }

  private clientEvent(event: TraceEvent): Observation[] {
    const name = str(event.data, "event") ?? "";
    const observations: Observation[] = [];
    const last = this.state.lastConnectSend;
    if (name === "connect-attempt" && last !== undefined && last.atMs === event.atMs) {
      this.state.lastConnectSend = undefined;
      const conn = this.record(last.connId);
      if (conn.owner === undefined) {
        conn.owner = event.actor;
        observations.push({ kind: "conn-owned", conn, owner: event.actor });
      }
    }
    observations.push({ kind: "client", client: event.actor, name, data: event.data });
    return observations;
  }
}

function connectFacts(event: TraceEvent, requestId: string, params: Fields): ConnectFacts {
  const client = asRecord(params["client"]);
  const device = asRecord(params["device"]);
  const auth = asRecord(params["auth"]) ?? {};
  const deviceId = str(device, "id");
  const pick = (key: string) => (typeof auth[key] === "string" ? { [key]: auth[key] as string } : {});
  return {
    event,
    requestId,
    clientId: str(client, "id"),
    clientMode: str(client, "mode"),
    role: str(params, "role") ?? "operator",
    scopes: strings(params["scopes"]),
    device: deviceId === undefined ? undefined : { id: deviceId, nonce: nonBlank(str(device, "nonce")) },
    auth: { ...pick("token"), ...pick("deviceToken"), ...pick("password"), ...pick("bootstrapToken") },
  };
}

function sessionFacts(event: TraceEvent, conn: ConnRecord): SessionFacts {
  const data = event.data;
  const deviceId = data["deviceId"];
  return {
    event,
    role: str(data, "role") ?? conn.connect?.role ?? "operator",
    scopes: strings(data["scopes"]),
    method: str(data, "method"),
    deviceId: typeof deviceId === "string" ? deviceId : null,
    clientId: str(data, "clientId") ?? conn.connect?.clientId,
    isLocal: bool(data, "isLocal") ?? conn.directLocal,
    clientIp: str(data, "clientIp"),
  };
}

const forwardingHeaders = ["x-forwarded-for", "x-real-ip", "x-forwarded-host"];

/** Local-direct as far as the upgrade request shows it; undefined when the event lacks the facts. */
function directLocality(data: Fields): boolean | undefined {
  const remote = str(data, "remoteAddress");
  const headers = asRecord(data["headers"]);
  if (remote === undefined || headers === undefined) return undefined;
  const host = hostnameOf(str(headers, "host") ?? "");
  const loopback = remote.startsWith("127.") || remote === "::1" || remote.startsWith("::ffff:127.");
  const localHost = host === "localhost" || host === "127.0.0.1" || host === "::1" || host.endsWith(".ts.net");
  return loopback && localHost && !forwardingHeaders.some((h) => str(headers, h) !== undefined);
}

/** `[::1]:18789` → `::1`, `127.0.0.1:18789` → `127.0.0.1`, lower case. */
function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") > 0 ? h.indexOf("]") : undefined);
  const colon = h.lastIndexOf(":");
  return colon > 0 && h.indexOf(":") === colon ? h.slice(0, colon) : h;
}
