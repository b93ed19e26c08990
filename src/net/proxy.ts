// A reverse proxy: a host that accepts WebSocket upgrades on a port and forwards them to a target. The server
// sees the proxy's address as the socket peer and learns the client from X-Forwarded-For/-Proto/-Host (and
// optionally X-Real-IP or identity headers such as tailscale-user-login). A proxy on the target's own host
// (Tailscale Serve, a local nginx) makes the server see a loopback peer. Only one level of proxying is modelled;
// a proxy never times out idle connections.
import type { WsUrl } from "./address.ts";

export type Bind = "all" | "loopback" | string;

export interface ProxyTarget {
  host: string;
  port: number;
  /** Address the proxy dials; default 127.0.0.1 on its own host, else the target's primary address. */
  address?: string;
}

export interface ProxySpec {
  proxyHost: string;
  port: number;
  bind?: Bind;
  forTarget: ProxyTarget;
  /** Add X-Forwarded-For / -Proto / -Host (default true). */
  forwardedHeaders?: boolean;
  /** A client-sent X-Forwarded-For is appended to (nginx's $proxy_add_x_forwarded_for, default) or replaced. */
  xForwardedFor?: "append" | "replace";
  xRealIp?: boolean;
  /** Client headers removed before forwarding (names, any case). */
  stripHeaders?: readonly string[];
  /** Further headers the proxy sets per connection, e.g. Tailscale Serve's identity headers. */
  addHeaders?: (client: { readonly host: string; readonly address: string }) => Record<string, string>;
  /**
   * A TCP port forward (Docker's published port, docker-proxy) rather than an HTTP proxy: the request passes
   * untouched (no forwarded or added headers), and when nothing listens at the target the connection it accepted
   * is reset (the client's "socket hang up") where an HTTP proxy answers 502.
   */
  tcp?: boolean;
}

export interface ProxyHeaderInput {
  readonly headers: Readonly<Record<string, string>>;
  readonly clientHost: string;
  readonly clientAddress: string;
  readonly url: WsUrl;
}

/** The request headers after the proxy has handled them. */
export function proxiedHeaders(spec: ProxySpec, input: ProxyHeaderInput): Record<string, string> {
  const out: Record<string, string> = { ...input.headers };
  if (spec.tcp) return out;
  for (const name of spec.stripHeaders ?? []) delete out[name.toLowerCase()];
  if (spec.forwardedHeaders ?? true) {
    const prior = out["x-forwarded-for"];
    const append = (spec.xForwardedFor ?? "append") === "append" && prior !== undefined && prior.trim() !== "";
    out["x-forwarded-for"] = append ? `${prior}, ${input.clientAddress}` : input.clientAddress;
    out["x-forwarded-proto"] = input.url.secure ? "https" : "http";
    out["x-forwarded-host"] = input.headers["host"] ?? input.url.hostHeader;
  }
  if (spec.xRealIp) out["x-real-ip"] = input.clientAddress;
  const added = spec.addHeaders?.({ host: input.clientHost, address: input.clientAddress }) ?? {};
  for (const [name, value] of Object.entries(added)) out[name.toLowerCase()] = value;
  return out;
}
