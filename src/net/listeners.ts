// Who listens where: WebSocket servers and reverse proxies, per host and port, each bound to all addresses,
// to loopback only, or to one address. Finding the entry for a dialled address is what decides between an
// upgrade and ECONNREFUSED. Not here: what a listener does with a connection.
import { assert } from "../kernel/index.ts";
import { isLoopbackAddress, normalizeAddress } from "./address.ts";
import type { ServerListener } from "./endpoint.ts";
import type { Bind, ProxySpec } from "./proxy.ts";

export interface ServerEntry<P> {
  readonly kind: "server";
  readonly id: number;
  readonly host: string;
  readonly port: number;
  readonly bind: Bind;
  readonly listener: ServerListener<P>;
  readonly maxPayloadBytes: number;
}

export interface ProxyEntry {
  readonly kind: "proxy";
  readonly id: number;
  readonly host: string;
  readonly port: number;
  readonly bind: Bind;
  readonly spec: ProxySpec;
}

export type ListenEntry<P> = ServerEntry<P> | ProxyEntry;

export function bindAccepts(bind: Bind, dialledAddress: string): boolean {
  if (bind === "all") return true;
  if (bind === "loopback") return isLoopbackAddress(dialledAddress);
  return normalizeAddress(bind) === normalizeAddress(dialledAddress);
}

function bindsOverlap(a: Bind, b: Bind): boolean {
  if (a === "all" || b === "all") return true;
  if (a === "loopback") return b === "loopback" || isLoopbackAddress(b);
  if (b === "loopback") return isLoopbackAddress(a);
  return normalizeAddress(a) === normalizeAddress(b);
}

/** Listening sockets at once across the network. */
export const listenEntriesMax = 10_000;

export class ListenTable<P> {
  private readonly entries = new Map<number, ListenEntry<P>>();
  private nextId = 1;

  /** Undefined when the address is in use (EADDRINUSE). */
  add(entry: Omit<ServerEntry<P>, "id"> | Omit<ProxyEntry, "id">): ListenEntry<P> | undefined {
    assert(Number.isInteger(entry.port) && entry.port > 0 && entry.port < 65536, `bad port ${entry.port}`);
    assert(this.entries.size < listenEntriesMax, "too many listening sockets");
    for (const other of this.entries.values()) {
      if (other.host === entry.host && other.port === entry.port && bindsOverlap(other.bind, entry.bind)) return undefined;
    }
    const full = { ...entry, id: this.nextId++ } as ListenEntry<P>;
    this.entries.set(full.id, full);
    return full;
  }

  remove(id: number): ListenEntry<P> | undefined {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    return entry;
  }

  isListening(id: number): boolean {
    return this.entries.has(id);
  }

  find(host: string, port: number, dialledAddress: string): ListenEntry<P> | undefined {
    for (const entry of this.entries.values()) {
      if (entry.host === host && entry.port === port && bindAccepts(entry.bind, dialledAddress)) return entry;
    }
    return undefined;
  }
}
