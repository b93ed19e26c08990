// Dialling: from a client host and a ws URL to the route a connection takes — which host serves it, through
// which hops, which address the server sees as its peer and which headers it receives. Decided once, when
// the client dials; whether anything listens at the far end is only learnt when the upgrade arrives.
import { addressKindOf, isLoopbackAddress, type WsUrl } from "./address.ts";
import type { Host, HostRegistry } from "./host.ts";
import type { ListenTable } from "./listeners.ts";
import type { Hop } from "./packet.ts";
import { proxiedHeaders } from "./proxy.ts";

export interface Route {
  readonly clientHost: string;
  readonly serverHost: string;
  /** The address the client dialled (the proxy's when proxied). */
  readonly dialledAddress: string;
  readonly dialledPort: number;
  /** The client's own address on the first hop. */
  readonly clientAddress: string;
  /** Where the upgrade arrives: the server's address and port. */
  readonly serverAddress: string;
  readonly serverPort: number;
  /** The server's socket peer. */
  readonly remoteAddress: string;
  /** Client-to-server order. */
  readonly hops: readonly Hop[];
  readonly headers: Readonly<Record<string, string>>;
  readonly viaProxy?: string;
  /** The proxy is a TCP port forward (ProxySpec.tcp). */
  readonly viaTcp?: boolean;
  /** The proxy's listen entry, when proxied. */
  readonly proxyEntryId?: number;
  /** The server's own socket is TLS (a wss URL dialled straight at it). */
  readonly encrypted: boolean;
}

export type Dial =
  | { readonly kind: "route"; readonly route: Route }
  | { readonly kind: "not-found"; readonly hostname: string }
  /** No host owns the address, or the client has no interface on its network: packets vanish. */
  | { readonly kind: "unreachable"; readonly address: string; readonly port: number };

export interface DialInput {
  readonly from: Host;
  readonly url: WsUrl;
  readonly headers: Readonly<Record<string, string>>;
}

export function lowercaseHeaders(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = String(value);
  return out;
}

function hop(from: Host, to: Host, address: string): Hop {
  return { from: from.name, to: to.name, link: from === to || isLoopbackAddress(address) ? "loopback" : addressKindOf(address) };
}

export function dial<P>(hosts: HostRegistry, listens: ListenTable<P>, input: DialInput): Dial {
  const resolved = hosts.resolve(input.from, input.url.hostname);
  if (resolved.kind === "not-found") return { kind: "not-found", hostname: input.url.hostname };
  if (resolved.kind === "unreachable") return { kind: "unreachable", address: resolved.address, port: input.url.port };
  const target = resolved.host;
  const clientAddress = hosts.sourceAddress(input.from, target, resolved.address);
  const headers = { host: input.url.hostHeader, ...lowercaseHeaders(input.headers) };
  const first = hop(input.from, target, resolved.address);
  const proxy = listens.find(target.name, input.url.port, resolved.address);
  if (proxy?.kind !== "proxy") {
    const route: Route = {
      clientHost: input.from.name,
      serverHost: target.name,
      dialledAddress: resolved.address,
      dialledPort: input.url.port,
      clientAddress,
      serverAddress: resolved.address,
      serverPort: input.url.port,
      remoteAddress: clientAddress,
      hops: [first],
      headers,
      encrypted: input.url.secure,
    };
    return { kind: "route", route };
  }
  const spec = proxy.spec;
  const server = hosts.get(spec.forTarget.host);
  const serverAddress = spec.forTarget.address ?? (server === target ? "127.0.0.1" : server.address);
  const route: Route = {
    clientHost: input.from.name,
    serverHost: server.name,
    dialledAddress: resolved.address,
    dialledPort: input.url.port,
    clientAddress,
    serverAddress,
    serverPort: spec.forTarget.port,
    remoteAddress: hosts.sourceAddress(target, server, serverAddress),
    hops: [first, hop(target, server, serverAddress)],
    headers: proxiedHeaders(spec, { headers, clientHost: input.from.name, clientAddress, url: input.url }),
    viaProxy: target.name,
    ...(spec.tcp ? { viaTcp: true } : {}),
    proxyEntryId: proxy.id,
    encrypted: false,
  };
  return { kind: "route", route };
}
