// A read-only index over one run's trace for the reporters: which actor owns each end of a connection, the
// lanes to draw (result.actors with connection ids replaced by their two ends), and a summary of every frame.
// It only reads events; it never reorders, drops or judges them.
import type { TraceEvent } from "../kernel/index.ts";
import type { RunResult } from "../scenario/result.ts";
import { num, str } from "./fields.ts";
import { summariseFrame, type FrameSummary } from "./frame-summary.ts";

export interface ConnEnds {
  readonly connId: string;
  /** The lane of the dialling side (client name when the trace says, else the client host). */
  readonly client: string;
  /** The lane of the answering side (the gateway that logged about this connection, else the server host). */
  readonly server: string;
  readonly url?: string;
  /** The host the client side dialled from. */
  readonly clientHost?: string;
  /** The client lane is a named client (its connect-attempt was seen), not just a host. */
  readonly owned: boolean;
}

export interface TraceView {
  readonly result: RunResult;
  /** Events in trace order (by `i`). */
  readonly events: readonly TraceEvent[];
  readonly byIndex: ReadonlyMap<number, TraceEvent>;
  readonly conns: ReadonlyMap<string, ConnEnds>;
  /** Frame summaries by event index, for frame.* events that carry frame text. */
  readonly frames: ReadonlyMap<number, FrameSummary>;
  readonly lanes: readonly string[];
  /** The host each lane runs on (gateway and clients), for grouping lanes. */
  readonly hostOfLane: ReadonlyMap<string, string>;
  /** Device id → the name of the client (or identity) that used it. */
  readonly deviceNames: ReadonlyMap<string, string>;
  /** Connections whose session was established and never closed: still open when the run ended. */
  readonly openAtEnd: readonly ConnEnds[];
}

export function buildTraceView(result: RunResult, identityNames?: ReadonlyMap<string, string>): TraceView {
  const events = [...(Array.isArray(result.events) ? result.events : [])].sort((a, b) => a.i - b.i);
  const byIndex = new Map<number, TraceEvent>();
  for (const event of events) byIndex.set(event.i, event);
  const conns = connectionEnds(events);
  const frames = frameSummaries(events);
  const hosts = hostsOf(events, conns);
  const partial = { result, events, byIndex, conns, frames, hostLane: hosts.hostLane };
  const lanes = laneOrder(partial);
  return {
    ...partial,
    lanes,
    hostOfLane: hosts.hostOfLane,
    deviceNames: deviceNamesOf(events, conns, identityNames),
    openAtEnd: openSessions(events, conns),
  };
}

interface Hosts {
  /** Lane that stands for a host's own events (the gateway on its host, else the host's first client). */
  readonly hostLane: ReadonlyMap<string, string>;
  readonly hostOfLane: ReadonlyMap<string, string>;
}

function hostsOf(events: readonly TraceEvent[], conns: ReadonlyMap<string, ConnEnds>): Hosts {
  const hostOfLane = new Map<string, string>();
  const hostByPort = new Map<number, string>();
  for (const event of events) {
    const port = num(event.data, "port");
    if (event.kind === "note" && str(event.data, "what") === "net.listen" && port !== undefined && !hostByPort.has(port)) {
      hostByPort.set(port, event.actor);
    }
    if (event.kind === "gateway" && str(event.data, "event") === "process.start" && port !== undefined) {
      const host = hostByPort.get(port);
      if (host !== undefined && !hostOfLane.has(event.actor)) hostOfLane.set(event.actor, host);
    }
  }
  for (const conn of conns.values()) if (conn.clientHost !== undefined && !hostOfLane.has(conn.client)) hostOfLane.set(conn.client, conn.clientHost);
  const hostLane = new Map<string, string>();
  for (const [lane, host] of hostOfLane) if (!hostLane.has(host)) hostLane.set(host, lane);
  return { hostLane, hostOfLane };
}

function deviceNamesOf(
  events: readonly TraceEvent[],
  conns: ReadonlyMap<string, ConnEnds>,
  identityNames: ReadonlyMap<string, string> | undefined,
): Map<string, string> {
  const names = new Map<string, string>(identityNames ?? []);
  for (const event of events) {
    const deviceId = str(event.data, "deviceId");
    const connId = str(event.data, "connId");
    if (event.kind !== "gateway" || deviceId === undefined || connId === undefined || names.has(deviceId)) continue;
    const conn = conns.get(connId);
    if (conn && conn.owned) names.set(deviceId, conn.client);
  }
  return names;
}

/** Connections that got a hello-ok and saw no close event by the end of the run. */
function openSessions(events: readonly TraceEvent[], conns: ReadonlyMap<string, ConnEnds>): ConnEnds[] {
  const hello = new Set<string>();
  const closed = new Set<string>();
  for (const event of events) {
    const connId = str(event.data, "connId");
    if (connId === undefined) continue;
    if (event.kind === "close" || (event.kind === "frame.drop" && str(event.data, "reason") === "closed")) closed.add(connId);
    if (event.kind === "gateway" && str(event.data, "event") === "connect.hello") hello.add(connId);
  }
  return [...conns.values()].filter((c) => hello.has(c.connId) && !closed.has(c.connId));
}

function connectionEnds(events: readonly TraceEvent[]): Map<string, ConnEnds> {
  const gatewayOfConn = new Map<string, string>();
  const clientOfConn = new Map<string, string>();
  const gatewayByPort = new Map<number, string[]>();
  let lastConnectSend: { connId: string; atMs: number } | undefined;
  for (const event of events) {
    // The client that owns a connection logs its connect-attempt right after sending the connect frame.
    if (event.kind === "frame.send" && str(event.data, "dir") === "c2s" && /"method":"connect"/.test(str(event.data, "text") ?? "")) {
      lastConnectSend = { connId: str(event.data, "connId") ?? event.actor, atMs: event.atMs };
    }
    if (event.kind === "client" && str(event.data, "event") === "connect-attempt" && lastConnectSend?.atMs === event.atMs) {
      if (!clientOfConn.has(lastConnectSend.connId)) clientOfConn.set(lastConnectSend.connId, event.actor);
      lastConnectSend = undefined;
    }
    const connId = str(event.data, "connId");
    if (event.kind === "gateway" && connId !== undefined && !gatewayOfConn.has(connId)) gatewayOfConn.set(connId, event.actor);
    if (event.kind === "client" && connId !== undefined && !clientOfConn.has(connId)) clientOfConn.set(connId, event.actor);
    const port = num(event.data, "port");
    if (event.kind === "gateway" && str(event.data, "event") === "process.start" && port !== undefined) {
      const names = gatewayByPort.get(port) ?? [];
      if (!names.includes(event.actor)) names.push(event.actor);
      gatewayByPort.set(port, names);
    }
  }
  const conns = new Map<string, ConnEnds>();
  for (const event of events) {
    if (event.kind !== "conn.open") continue;
    const connId = str(event.data, "connId") ?? event.actor;
    if (conns.has(connId)) continue;
    const port = num(event.data, "localPort");
    const byPort = port !== undefined ? gatewayByPort.get(port) : undefined;
    const portGateway = byPort?.length === 1 ? byPort[0] : undefined;
    const owner = clientOfConn.get(connId);
    const client = owner ?? str(event.data, "client") ?? str(event.data, "from") ?? event.actor;
    const server = gatewayOfConn.get(connId) ?? portGateway ?? str(event.data, "to") ?? str(event.data, "target") ?? "server";
    const clientHost = str(event.data, "from");
    conns.set(connId, { connId, client, server, url: str(event.data, "url"), owned: owner !== undefined, ...(clientHost ? { clientHost } : {}) });
  }
  return conns;
}

function frameSummaries(events: readonly TraceEvent[]): Map<number, FrameSummary> {
  const methods = new Map<string, string>();
  const out = new Map<number, FrameSummary>();
  for (const event of events) {
    if (!event.kind.startsWith("frame.")) continue;
    const text = str(event.data, "text");
    if (text === undefined) continue;
    const connId = str(event.data, "connId") ?? event.actor;
    const summary = summariseFrame(text, (id) => methods.get(`${connId}\u0000${id}`));
    if (summary.frameClass === "req" || summary.frameClass === "connect-req") {
      if (summary.requestId !== undefined && summary.method !== undefined) methods.set(`${connId}\u0000${summary.requestId}`, summary.method);
    }
    out.set(event.i, summary);
  }
  return out;
}

type LaneView = Omit<TraceView, "lanes" | "hostOfLane" | "deviceNames" | "openAtEnd"> & { readonly hostLane?: ReadonlyMap<string, string> };

function laneOrder(view: LaneView): string[] {
  const lanes: string[] = [];
  const add = (lane: string): void => {
    if (!lanes.includes(lane)) lanes.push(lane);
  };
  const actors = Array.isArray(view.result.actors) ? view.result.actors : [];
  for (const actor of actors) {
    if (typeof actor !== "string") continue;
    const conn = view.conns.get(actor);
    if (conn) {
      add(conn.client);
      add(conn.server);
    } else add(view.hostLane?.get(actor) ?? actor);
  }
  for (const event of view.events) {
    const ends = packetEnds(view, event);
    if (ends) {
      add(ends.from);
      add(ends.to);
    }
    add(laneOf(view, event));
  }
  return lanes;
}

/** For packet events: the sending and receiving lanes. */
export function packetEnds(view: LaneView, event: TraceEvent): { from: string; to: string } | undefined {
  if (!event.kind.startsWith("frame.") && event.kind !== "fault") return undefined;
  const connId = str(event.data, "connId") ?? event.actor;
  const conn = view.conns.get(connId);
  const dir = str(event.data, "dir") ?? str(event.data, "direction");
  if (!conn || (dir !== "c2s" && dir !== "s2c")) return undefined;
  return dir === "c2s" ? { from: conn.client, to: conn.server } : { from: conn.server, to: conn.client };
}

/** The lane an event is drawn on: connection events go to the end they happened at. */
export function laneOf(view: LaneView, event: TraceEvent): string {
  const connId = str(event.data, "connId") ?? event.actor;
  const conn = view.conns.get(connId);
  if (!conn || (event.actor !== connId && !event.kind.startsWith("conn.") && !event.kind.startsWith("frame.") && event.kind !== "close")) {
    const actor = typeof event.actor === "string" ? event.actor : "?";
    return view.hostLane?.get(actor) ?? actor;
  }
  const side = str(event.data, "side");
  if (side === "server") return conn.server;
  if (side === "client") return conn.client;
  const ends = packetEnds(view, event);
  if (ends) {
    const reason = str(event.data, "reason");
    const atReceiver = event.kind === "frame.deliver" || (event.kind === "frame.drop" && reason !== "fault" && reason !== "reset");
    return atReceiver ? ends.to : ends.from;
  }
  return conn.client;
}
