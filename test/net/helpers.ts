// Shared set-up for the network tests: a small world of hosts, a recording server and a recording client.
import { Scheduler, type TraceEvent } from "../../src/kernel/index.ts";
import {
  acceptUpgrade,
  Network,
  type NetworkOptions,
  type ServerSocket,
  type SocketEnd,
  type UpgradeRequest,
  type UpgradeVerdict,
} from "../../src/net/index.ts";

export interface World {
  scheduler: Scheduler;
  network: Network<string>;
}

/** gw: LAN + tailnet; laptop: LAN; phone: tailnet; far: remote; edge: a reverse-proxy host on the LAN. */
export function world(seed = 1n, options: Partial<NetworkOptions<string>> = {}): World {
  const scheduler = new Scheduler(seed);
  const network = new Network<string>({ scheduler, ...options });
  network.addHost({ name: "gw", kind: "lan", alsoOn: ["tailnet"] });
  network.addHost({ name: "laptop", kind: "lan" });
  network.addHost({ name: "phone", kind: "tailnet" });
  network.addHost({ name: "far", kind: "remote" });
  network.addHost({ name: "edge", kind: "proxy" });
  return { scheduler, network };
}

export interface ServerLog {
  events: string[];
  requests: UpgradeRequest[];
  sockets: Map<string, ServerSocket<string>>;
  /** Messages with the virtual time they arrived. */
  received: { atMs: number; connId: string; text: string }[];
}

export interface ServerOptions {
  host?: string;
  port?: number;
  bind?: "all" | "loopback" | string;
  verdict?: (request: UpgradeRequest) => UpgradeVerdict;
  /** Reply "echo:<text>" to every message. */
  echo?: boolean;
  onOpen?: (socket: ServerSocket<string>) => void;
  maxPayloadBytes?: number;
}

export function server(w: World, options: ServerOptions = {}): ServerLog & { handle: { id: number; host: string; port: number } } {
  const log: ServerLog = { events: [], requests: [], sockets: new Map(), received: [] };
  const result = w.network.listen({
    host: options.host ?? "gw",
    port: options.port ?? 18789,
    bind: options.bind,
    maxPayloadBytes: options.maxPayloadBytes,
    listener: {
      onUpgrade: (request) => {
        log.requests.push(request);
        return options.verdict?.(request) ?? acceptUpgrade();
      },
      onOpen: (socket) => {
        log.sockets.set(socket.connId, socket);
        log.events.push(`open ${socket.connId}`);
        options.onOpen?.(socket);
      },
      onMessage: (socket, text) => {
        log.events.push(`msg ${socket.connId} ${text}`);
        log.received.push({ atMs: w.scheduler.nowMs(), connId: socket.connId, text });
        if (options.echo) socket.send(`echo:${text}`);
      },
      onClose: (socket, code, reason, wasClean) => log.events.push(`close ${socket.connId} ${code} ${JSON.stringify(reason)} ${wasClean ? "clean" : "unclean"}`),
      onError: (socket, error) => log.events.push(`error ${socket.connId} ${error.code} ${error.message}`),
    },
  });
  if (result.kind !== "listening") throw new Error("test server could not listen");
  return { ...log, handle: result.handle };
}

export interface ClientLog {
  socket: SocketEnd<string>;
  events: string[];
  received: { atMs: number; text: string }[];
}

export function client(w: World, fromHost: string, url: string, headers: Record<string, string> = {}, extra: { maxPayloadBytes?: number; handshakeTimeoutMs?: number } = {}): ClientLog {
  const events: string[] = [];
  const received: { atMs: number; text: string }[] = [];
  const socket = w.network.connect({
    fromHost,
    url,
    headers,
    ...extra,
    callbacks: {
      onOpen: () => events.push("open"),
      onMessage: (text) => {
        events.push(`msg ${text}`);
        received.push({ atMs: w.scheduler.nowMs(), text });
      },
      onClose: (code, reason, wasClean) => events.push(`close ${code} ${JSON.stringify(reason)} ${wasClean ? "clean" : "unclean"}`),
      onUnexpectedResponse: (status, body) => events.push(`unexpected ${status} ${body}`),
      onError: (error) => events.push(`error ${error.code} ${error.message}`),
    },
  });
  return { socket, events, received };
}

export function kinds(events: readonly TraceEvent[], kind: TraceEvent["kind"]): TraceEvent[] {
  return events.filter((e) => e.kind === kind);
}

/** Runs the scheduler for `ms` more virtual milliseconds. */
export function runFor(w: World, ms: number): void {
  w.scheduler.runUntil(w.scheduler.nowMs() + ms);
}
