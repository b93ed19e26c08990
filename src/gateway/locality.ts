// Per-connection locality (spec §4.0): the proxy-aware client IP and whether a request is local-direct.
// Pure functions of the socket peer address, headers and the trusted-proxy list.

export function isLoopbackAddress(ip: string): boolean {
  const a = ip.trim().toLowerCase();
  return a.startsWith("127.") || a === "::1" || a.startsWith("::ffff:127.") || a === "localhost";
}

export function hostnameOf(hostHeader: string | undefined): string {
  if (!hostHeader) return "";
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") > 0 ? h.indexOf("]") : undefined);
  const colon = h.lastIndexOf(":");
  return colon > 0 && h.indexOf(":") === colon ? h.slice(0, colon) : h;
}

export function isLocalishHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "::1" || hostname.endsWith(".ts.net");
}

function firstForwarded(xff: string | undefined): string | undefined {
  const first = xff?.split(",")[0]?.trim();
  return first ? first : undefined;
}

export function isTrustedProxy(peer: string, trustedProxies: readonly string[]): boolean {
  return trustedProxies.some((p) => p.trim() === peer.trim());
}

export interface Locality {
  readonly clientIp: string;
  readonly isLocal: boolean;
  readonly hasProxyHeaders: boolean;
  readonly hasUntrustedProxyHeaders: boolean;
}

export function resolveLocality(options: {
  remoteAddress: string;
  headers: Record<string, string>;
  trustedProxies: readonly string[];
  allowRealIpFallback: boolean;
  /** The profile's proxyPeerWithoutClientIp (absent: "peer-address"). */
  proxyPeerWithoutClientIp?: "not-local" | "peer-address";
}): Locality {
  const { remoteAddress, headers, trustedProxies } = options;
  const peerTrusted = isTrustedProxy(remoteAddress, trustedProxies);
  const xff = headers["x-forwarded-for"];
  const realIp = headers["x-real-ip"];
  let clientIp = remoteAddress;
  const forwardedClient = peerTrusted ? (firstForwarded(xff) ?? (options.allowRealIpFallback && realIp ? realIp.trim() : undefined)) : undefined;
  if (peerTrusted) clientIp = forwardedClient ?? remoteAddress;
  const noClientIp = peerTrusted && forwardedClient === undefined && options.proxyPeerWithoutClientIp === "not-local";
  const proxied = hasProxyHeaders(headers);
  const hasUntrustedProxyHeaders = proxied && !peerTrusted;
  const forwardedPresent = Boolean(xff || realIp || headers["x-forwarded-host"]);
  const isLocal =
    !noClientIp &&
    isLoopbackAddress(clientIp) && isLocalishHost(hostnameOf(headers["host"])) && (!forwardedPresent || peerTrusted);
  return { clientIp, isLocal, hasProxyHeaders: proxied, hasUntrustedProxyHeaders };
}

/** A request that names a client of its own: X-Forwarded-For or X-Real-IP (the gateway's hasProxyHeaders). */
export function hasProxyHeaders(headers: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(headers["x-forwarded-for"] || headers["x-real-ip"]);
}

/** Local for silent pairing and the origin check, per the profile: isLocalClient, or any direct loopback peer. */
export function localClient(state: { switches: { localClientRule: "is-local" | "loopback-peer" | "loopback-peer-any-forwarded" } }, conn: { isLocal: boolean; remoteAddress: string; headers: Record<string, string> }): boolean {
  if (state.switches.localClientRule === "is-local") return conn.isLocal;
  const h = conn.headers;
  if (state.switches.localClientRule === "loopback-peer-any-forwarded") return isLoopbackAddress(conn.remoteAddress) && !hasForwardedHeaders(h);
  return isLoopbackAddress(conn.remoteAddress) && !h["forwarded"] && !h["x-forwarded-for"] && !h["x-forwarded-proto"] && !h["x-real-ip"] && !h["x-forwarded-host"];
}

/** Any forwarded-identity header (forwarded, x-real-ip, x-forwarded-*), as 2026.9 counts them. */
export function hasForwardedHeaders(headers: Record<string, string>): boolean {
  return Object.keys(headers).some((h) => h === "forwarded" || h === "x-real-ip" || h.startsWith("x-forwarded-"));
}

/** 2026.9 ingress attribution: a trusted proxy peer with forwarded headers that name no non-loopback client. */
export function unattributableProxy(request: { remoteAddress: string; headers: Record<string, string> }, trustedProxies: readonly string[], clientIp: string): boolean {
  if (!hasForwardedHeaders(request.headers)) return false;
  return isTrustedProxy(request.remoteAddress, trustedProxies) && isLoopbackAddress(clientIp);
}
