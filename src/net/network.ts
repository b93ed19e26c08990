// The simulated network: hosts, listening servers and proxies, WebSocket connections between them, and the
// fault rule chain over every packet. Generic over the payload type P (default string). Driven only by the
// kernel Scheduler it is given: every delivery, timeout and deferred callback is a scheduler event whose
// actor is the connection id (or "net" for `at`/`after`), and everything observable is recorded in the
// scheduler's trace. Nothing is ever sent on a real network.
//
// Scheduling faults in virtual time: `network.at(ms, () => network.reset("c3"))` runs at an absolute virtual
// instant, `network.after(ms, …)` relative to now; both are plain scheduler events, so
// `scheduler.schedule(...)` works just as well.
import { assert, assertionFailed, canonicalJson, IdTable, LimitReached, type Ms, type Scheduler, type TimerId } from "../kernel/index.ts";
import { formatAddressPort, parseWsUrl } from "./address.ts";
import { Connection, type ConnectionEnv, type UpgradeDecision } from "./connection.ts";
import type { ClientCallbacks, NetError, ServerListener, SocketEnd, UpgradeRequest } from "./endpoint.ts";
import { HostRegistry, type Host, type HostSpec } from "./host.ts";
import { checkLinkLatencies, linkLatenciesDefault, type LinkLatencies } from "./link-latency.ts";
import { ListenTable } from "./listeners.ts";
import { directionFrom, type PacketBody, type Side, type UpgradeOutcome } from "./packet.ts";
import type { Bind, ProxySpec } from "./proxy.ts";
import { dial, lowercaseHeaders, type Dial, type Route } from "./route.ts";
import { hold } from "./faults/hold.ts";
import { partition } from "./faults/partition.ts";
import { RuleChain, type PacketMatch, type Rule, type RuleId } from "./rules.ts";
import { connSerial, Transport } from "./transport.ts";

/** ws's default maxPayload (100 MiB), for servers and clients alike. */
export const maxPayloadBytesDefault = 100 * 1024 * 1024;
/** How long a client waits for an unanswered upgrade: Linux's SYN retry total (tcp_syn_retries = 6). */
export const connectTimeoutMsDefault: Ms = 127_000;
/** ws closeTimeout: how long a closer waits for the peer's close frame before destroying the socket. */
export const closeTimeoutMsDefault: Ms = 30_000;

export interface NetworkOptions<P> {
  scheduler: Scheduler;
  /** Frame size in bytes; default UTF-8 length of `textOf`. */
  sizeOf?: (payload: P) => number;
  /** Frame text for the trace; default the string itself, else canonical JSON. */
  textOf?: (payload: P) => string;
  latencies?: Partial<LinkLatencies>;
  connectTimeoutMs?: Ms;
  closeTimeoutMs?: Ms;
  /** Held connections below which the table is not swept for inert ones (default connectionsSweepMin). */
  connectionsSweepMin?: number;
}

export interface ListenOptions<P> {
  host: string;
  port: number;
  /** "all" (default), "loopback", or one address of the host. */
  bind?: Bind;
  listener: ServerListener<P>;
  maxPayloadBytes?: number;
}

export interface ListenHandle {
  readonly id: number;
  readonly host: string;
  readonly port: number;
}

export type ListenResult = { readonly kind: "listening"; readonly handle: ListenHandle } | { readonly kind: "address-in-use" };

export interface ConnectOptions<P> {
  fromHost: string;
  url: string;
  headers?: Readonly<Record<string, string>>;
  callbacks?: ClientCallbacks<P>;
  maxPayloadBytes?: number;
  /** ws `handshakeTimeout`: give up with "Opening handshake has timed out" instead of waiting for ETIMEDOUT. */
  handshakeTimeoutMs?: Ms;
}

export interface RuleHandle {
  readonly id: RuleId;
  readonly name: string;
  /** Removes the rule; packets it held are released in order. Returns how many were released. */
  remove(): number;
}

/**
 * Held connections below which the table is never swept. Low, so a finished connection's objects die young: held
 * until 1,024, each outlived a scavenge and was copied to the old generation (a sweep of ≤ 128 entries is cheap).
 */
export const connectionsSweepMin = 64;

export class Network<P = string> {
  readonly scheduler: Scheduler;
  readonly hosts = new HostRegistry();
  private readonly listens = new ListenTable<P>();
  private readonly rules = new RuleChain();
  private readonly transport: Transport<P>;
  /** Both by connSerial(id) (see there). */
  private readonly conns = new IdTable<Connection<P>>();
  private readonly routes = new IdTable<Route>();
  /** Connections per listening entry (server or proxy), to tear down on unlisten. */
  private readonly byEntry = new Map<number, Set<string>>();
  private readonly env: ConnectionEnv<P>;
  private readonly connectTimeoutMs: Ms;
  private nextConnId = 1;
  /** The table is swept for inert connections when it reaches this size (then twice what is left). */
  private sweepAtSize: number;
  private readonly sweepMin: number;

  constructor(options: NetworkOptions<P>) {
    this.scheduler = options.scheduler;
    const latencies: LinkLatencies = { ...linkLatenciesDefault, ...options.latencies };
    checkLinkLatencies(latencies);
    this.connectTimeoutMs = options.connectTimeoutMs ?? connectTimeoutMsDefault;
    this.sweepMin = options.connectionsSweepMin ?? connectionsSweepMin;
    this.sweepAtSize = this.sweepMin;
    const closeTimeoutMs = options.closeTimeoutMs ?? closeTimeoutMsDefault;
    assert(this.connectTimeoutMs > 0 && closeTimeoutMs > 0, "timeouts must be positive");
    const textOf = options.textOf ?? defaultTextOf;
    const sizeOf = options.sizeOf ?? ((p: P) => (p instanceof Uint8Array ? p.byteLength : Buffer.byteLength(textOf(p), "utf8")));
    this.transport = new Transport<P>(this.scheduler, this.rules, latencies, {
      arrive: (wire, packet) => this.conns.get(connSerial(wire.connId))?.arrive(packet),
      reset: (wire) => this.conns.get(connSerial(wire.connId))?.reset(),
    });
    this.env = {
      scheduler: this.scheduler,
      closeTimeoutMs,
      transmit: (connId: string, from: Side, body: PacketBody<P>, sizeBytes?: number) =>
        this.transport.transmit(connId, directionFrom(from), body, sizeBytes),
      upgrade: (conn) => this.upgrade(conn),
      sizeOf,
      textOf,
    };
  }

  // ---- hosts ----------------------------------------------------------------------------------------------

  addHost(spec: HostSpec): Host {
    const host = this.hosts.add(spec);
    this.scheduler.record(host.name, "note", { what: "net.host", kind: host.kind, addresses: host.interfaces.map((i) => i.address) });
    return host;
  }

  addDnsName(name: string, address: string): void {
    this.hosts.addDnsName(name, address);
  }

  /** See HostRegistry.addAddressAlias. */
  addAddressAlias(alias: string, address: string): void {
    this.hosts.addAddressAlias(alias, address);
  }

  // ---- servers and proxies --------------------------------------------------------------------------------

  listen(options: ListenOptions<P>): ListenResult {
    this.hosts.get(options.host);
    const maxPayloadBytes = options.maxPayloadBytes ?? maxPayloadBytesDefault;
    assert(Number.isInteger(maxPayloadBytes) && maxPayloadBytes > 0, "maxPayloadBytes must be a positive integer");
    const entry = this.listens.add({
      kind: "server",
      host: options.host,
      port: options.port,
      bind: options.bind ?? "all",
      listener: options.listener,
      maxPayloadBytes,
    });
    this.scheduler.record(options.host, "note", { what: "net.listen", port: options.port, bind: options.bind ?? "all", ok: entry !== undefined });
    if (!entry) return { kind: "address-in-use" };
    return { kind: "listening", handle: { id: entry.id, host: entry.host, port: entry.port } };
  }

  /** A reverse proxy on `proxyHost:port` forwarding to `forTarget` (see proxy.ts). */
  addProxy(spec: ProxySpec): ListenResult {
    this.hosts.get(spec.proxyHost);
    this.hosts.get(spec.forTarget.host);
    const entry = this.listens.add({ kind: "proxy", host: spec.proxyHost, port: spec.port, bind: spec.bind ?? "all", spec });
    const target = `${spec.forTarget.host}:${spec.forTarget.port}`;
    this.scheduler.record(spec.proxyHost, "note", { what: "net.proxy", port: spec.port, target, ok: entry !== undefined });
    if (!entry) return { kind: "address-in-use" };
    return { kind: "listening", handle: { id: entry.id, host: entry.host, port: entry.port } };
  }

  /**
   * The server (or proxy) stops listening. Its open sockets vanish without further callbacks to it and their
   * peers learn of it as 1006 when the teardown reaches them; a proxy's connections are reset on both ends.
   */
  unlisten(handle: ListenHandle | number): void {
    const entry = this.listens.remove(typeof handle === "number" ? handle : handle.id);
    if (!entry) return;
    this.scheduler.record(entry.host, "note", { what: "net.unlisten", port: entry.port });
    for (const connId of this.byEntry.get(entry.id) ?? []) {
      const conn = this.conns.get(connSerial(connId));
      if (entry.kind === "server") conn?.serverGone();
      else conn?.reset();
    }
    this.byEntry.delete(entry.id);
  }

  isListening(handle: ListenHandle): boolean {
    return this.listens.isListening(handle.id);
  }

  // ---- connections ----------------------------------------------------------------------------------------

  /** Dials `url` from `fromHost`. Returns the client end at once (CONNECTING); every outcome comes as a callback. */
  connect(options: ConnectOptions<P>): SocketEnd<P> {
    const from = this.hosts.get(options.fromHost);
    const parsed = parseWsUrl(options.url);
    assert(parsed.kind === "ok", parsed.kind === "invalid" ? parsed.reason : "");
    const budget = this.scheduler.budgets.connectionsMax;
    if (this.conns.size >= this.sweepAtSize || this.conns.size >= budget) this.forgetInert();
    // The run's connection budget (Budgets.connectionsMax), over the connections not yet over: one more ends the
    // run with a liveness finding.
    if (this.conns.size >= budget) throw new LimitReached("connections", this.scheduler.nowMs(), this.scheduler.steps);
    const id = `c${this.nextConnId++}`;
    const result = dial(this.hosts, this.listens, { from, url: parsed.url, headers: options.headers ?? {} });
    const request = requestFor(id, parsed.url.href, parsed.url.path, result, from, options.headers);
    const target = targetOf(result, parsed.url.port);
    const conn = new Connection<P>(this.env, {
      id,
      request,
      wired: result.kind === "route",
      callbacks: options.callbacks ?? {},
      clientMaxPayloadBytes: options.maxPayloadBytes ?? maxPayloadBytesDefault,
      target,
    });
    this.conns.set(connSerial(id), conn);
    const openData = openTraceData(id, from.name, parsed.url.href, result, request);
    this.scheduler.record(id, "conn.open", openData);
    if (result.kind === "not-found") {
      conn.failSoon({ code: "ENOTFOUND", message: `getaddrinfo ENOTFOUND ${result.hostname}` });
      return conn.clientSocket;
    }
    const timeout: NetError = options.handshakeTimeoutMs === undefined
      ? { code: "ETIMEDOUT", message: `connect ETIMEDOUT ${target}` }
      : { code: "HANDSHAKE_TIMEOUT", message: "Opening handshake has timed out" };
    conn.startConnectTimer(options.handshakeTimeoutMs ?? this.connectTimeoutMs, timeout);
    if (result.kind === "route") this.startRoute(id, result.route);
    return conn.clientSocket;
  }

  /** The connection, while the network still holds it (an inert one may have been forgotten). */
  connection(connId: string): Connection<P> | undefined {
    return this.conns.get(connSerial(connId));
  }

  /** The id of every connection opened in this run, forgotten or not, in the order opened. */
  connectionIds(): string[] {
    const ids: string[] = [];
    for (let n = 1; n < this.nextConnId; n++) ids.push(`c${n}`);
    return ids;
  }

  /**
   * Resets a connection now (a RST from nowhere): both ends report 1006. A connection already forgotten is
   * inert: the reset is recorded and changes nothing, as it would have on the connection itself.
   */
  reset(connId: string): void {
    const conn = this.conns.get(connSerial(connId));
    if (!conn && !this.wasOpened(connId)) assertionFailed(`unknown connection ${connId}`);
    this.scheduler.record(connId, "fault", { rule: "reset", verdict: "reset", connId });
    conn?.reset();
  }

  /** Connections the network holds now (live, or finished and not yet swept); see forgetInert. */
  get heldConnections(): number {
    return this.conns.size;
  }

  private wasOpened(connId: string): boolean {
    const n = /^c([1-9][0-9]*)$/.exec(connId)?.[1];
    return n !== undefined && Number(n) < this.nextConnId;
  }

  /**
   * Forgets every inert connection with nothing left on the wire: its table entries, route and wire state. No
   * callback, timer or packet can reach it any more, so nothing observable changes; the table then holds the
   * live connections (and those still finishing), not every connection of the run.
   */
  private forgetInert(): void {
    // In the table's slot order: forgetting changes nothing observable, so the order does not matter.
    for (const conn of this.conns.values()) {
      const id = conn.id;
      if (!conn.inert || !this.transport.idle(id)) continue;
      const serial = connSerial(id);
      this.conns.delete(serial);
      this.routes.delete(serial);
      this.transport.forget(id);
      this.byEntry.forEach((set) => set.delete(id));
    }
    this.sweepAtSize = Math.max(this.sweepMin, 2 * this.conns.size);
  }

  // ---- fault rules ----------------------------------------------------------------------------------------

  addRule(rule: Rule): RuleHandle {
    const id = this.rules.add(rule);
    this.scheduler.record("net", "fault", { rule: rule.name, action: "add", ruleId: id });
    return { id, name: rule.name, remove: () => this.removeRule(id) };
  }

  /** Delivers everything the rule held, in order, and removes the rule. Same as `handle.remove()`. */
  release(handle: RuleHandle): number {
    return this.removeRule(handle.id);
  }

  heldBy(handle: RuleHandle): number {
    return this.transport.heldBy(handle.id);
  }

  partition(hostA: string, hostB: string): RuleHandle {
    return this.addRule(partition(hostA, hostB));
  }

  /** Holds matching packets until `release(handle)`. */
  hold(match: PacketMatch = {}): RuleHandle {
    return this.addRule(hold(match));
  }

  // ---- virtual time ---------------------------------------------------------------------------------------

  /** Runs `run` at absolute virtual time `atMs` (e.g. to start or heal a fault). */
  at(atMs: Ms, run: () => void, label = "net:at"): TimerId {
    return this.scheduler.scheduleAt(atMs, { actor: "net", label }, run);
  }

  after(delayMs: Ms, run: () => void, actor = "net", label = "net:after"): TimerId {
    return this.scheduler.schedule(delayMs, { actor, label }, run);
  }

  // ---- internals ------------------------------------------------------------------------------------------

  private removeRule(id: RuleId): number {
    const name = this.rules.nameOf(id);
    if (!this.rules.remove(id)) return 0;
    const released = this.transport.release(id, name);
    this.scheduler.record("net", "fault", { rule: name, action: "remove", ruleId: id, released });
    return released;
  }

  private startRoute(id: string, route: Route): void {
    this.routes.set(connSerial(id), route);
    if (route.proxyEntryId !== undefined) this.track(route.proxyEntryId, id);
    this.transport.open({ connId: id, clientHost: route.clientHost, serverHost: route.serverHost, hops: route.hops });
    this.transport.transmit(id, "c2s", { kind: "upgrade" });
  }

  private upgrade(conn: Connection<P>): UpgradeDecision<P> {
    const route = this.routes.get(connSerial(conn.id));
    if (!route) assertionFailed(`upgrade without a route on ${conn.id}`);
    const entry = this.listens.find(route.serverHost, route.serverPort, route.serverAddress);
    if (entry?.kind !== "server") {
      if (route.viaProxy === undefined) return { outcome: { kind: "no-listener" } };
      return { outcome: route.viaTcp ? { kind: "reset" } : { kind: "refuse", status: 502, body: "Bad Gateway" } };
    }
    const verdict = entry.listener.onUpgrade(conn.request);
    if (verdict.kind === "refuse") {
      assert(Number.isInteger(verdict.status) && verdict.status >= 200 && verdict.status <= 599, `bad refusal status ${verdict.status}`);
      return { outcome: { kind: "refuse", status: verdict.status, body: verdict.body } };
    }
    this.track(entry.id, conn.id);
    const outcome: UpgradeOutcome = verdict.protocol === undefined ? { kind: "accept" } : { kind: "accept", protocol: verdict.protocol };
    return { outcome, listener: entry.listener, maxPayloadBytes: entry.maxPayloadBytes };
  }

  private track(entryId: number, connId: string): void {
    let set = this.byEntry.get(entryId);
    if (!set) {
      set = new Set();
      this.byEntry.set(entryId, set);
    }
    set.add(connId);
  }
}

function defaultTextOf<P>(payload: P): string {
  if (typeof payload === "string") return payload;
  if (payload instanceof Uint8Array) return Buffer.from(payload).toString("utf8");
  return canonicalJson(payload);
}

function targetOf(result: Dial, port: number): string {
  switch (result.kind) {
    case "route":
      return formatAddressPort(result.route.dialledAddress, result.route.dialledPort);
    case "unreachable":
      return formatAddressPort(result.address, result.port);
    case "not-found":
      return `${result.hostname}:${port}`;
  }
}

function requestFor(
  id: string,
  url: string,
  path: string,
  result: Dial,
  from: Host,
  headers: Readonly<Record<string, string>> | undefined,
): UpgradeRequest {
  if (result.kind === "route") {
    const r = result.route;
    return {
      connId: id,
      url,
      path,
      headers: r.headers,
      remoteAddress: r.remoteAddress,
      localAddress: r.serverAddress,
      localPort: r.serverPort,
      encrypted: r.encrypted,
    };
  }
  return {
    connId: id,
    url,
    path,
    headers: lowercaseHeaders(headers),
    remoteAddress: from.address,
    localAddress: result.kind === "unreachable" ? result.address : "",
    localPort: 0,
    encrypted: false,
  };
}

/** The conn.open event's data, built as one object (no spread of a second one). */
function openTraceData(connId: string, from: string, url: string, result: Dial, request: UpgradeRequest): Record<string, unknown> {
  if (result.kind !== "route") return { connId, side: "client", from, url, dial: result.kind, headers: request.headers };
  const r = result.route;
  return {
    connId,
    side: "client",
    from,
    url,
    to: r.serverHost,
    viaProxy: r.viaProxy,
    headers: request.headers,
    remoteAddress: r.remoteAddress,
    localAddress: r.serverAddress,
    localPort: r.serverPort,
  };
}
