// What the client knows about the gateway URL before it connects: whether the endpoint is trusted for the
// one device-token retry (§7.3: loopback host, or wss:// with a pinned TLS fingerprint), whether the
// insecure-ws guard refuses it (§7.6: plaintext ws:// to a host that is neither loopback nor one the release lets
// through, switch insecureWsAllows), and the Origin a browser page served by that gateway sends. Pure string logic, no DNS.
// (The host tests mirror src/net/address.ts, which the clients layer may not import: the simulation's LAN
// documentation ranges 192.0.2.0/24 and 198.51.100.0/24 count as private.)
import { isIP } from "node:net";

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function hostOf(parsed: URL): string {
  let h = parsed.hostname.toLowerCase();
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  if (h.startsWith("::ffff:") && isIP(h.slice(7)) === 4) h = h.slice(7);
  return h;
}

function ipv4(host: string): number[] | null {
  return isIP(host) === 4 ? host.split(".").map((p) => Number.parseInt(p, 10)) : null;
}

/** `isLoopbackHost`: localhost, *.localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHostname(host: string): boolean {
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1") return true;
  return ipv4(host)?.[0] === 127;
}

/** RFC1918, link-local, CGNAT/tailnet, ULA, and the simulated LAN ranges. */
export function isPrivateHostname(host: string): boolean {
  const o = ipv4(host);
  if (o) {
    const [a = 0, b = 0, c = 0] = o;
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return true;
    if (a === 100 && b >= 64 && b <= 127) return true;
    return (a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100);
  }
  if (isIP(host) !== 6) return false;
  return host.startsWith("fc") || host.startsWith("fd") || /^fe[89ab]/.test(host);
}

/** §7.3 `isTrustedDeviceRetryEndpoint`. */
export function isTrustedRetryEndpoint(url: string, tlsFingerprint: string | undefined): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (isLoopbackHostname(hostOf(parsed))) return true;
  const secure = parsed.protocol === "wss:" || parsed.protocol === "https:";
  return secure && Boolean(tlsFingerprint?.trim());
}

export type UrlRefusal = { reason: "insecure-ws" | "tls-fingerprint-requires-wss"; message: string };

/** What the guard lets through over plaintext ws:// besides loopback (client switch insecureWsAllows). */
export type InsecureWsAllows = "loopback" | "env-private-ip" | "env-private-or-name" | "lan-names";

/** `.local` (mDNS) and `.ts.net` (Tailscale) names, trusted over ws:// from 2026.5.28 (isTrustedPlaintextWebSocketHost). */
function isLanName(host: string): boolean {
  const h = host.replace(/\.+$/, "");
  return h.endsWith(".local") || h.endsWith(".ts.net");
}

function plaintextAllowed(host: string, allows: InsecureWsAllows, env: boolean): boolean {
  const name = isIP(host) === 0;
  switch (allows) {
    case "loopback":
      return false;
    case "env-private-ip":
      return env && isPrivateHostname(host);
    case "env-private-or-name":
      return env && (isPrivateHostname(host) || name);
    case "lan-names":
      return isPrivateHostname(host) || isLanName(host) || (env && name);
  }
}

/** The start-time transport checks of the Node client; null = go ahead. */
export function refuseUrl(options: {
  url: string;
  tlsFingerprint: string | undefined;
  guard: boolean;
  allows: InsecureWsAllows;
  allowPrivateWs: boolean;
}): UrlRefusal | null {
  const parsed = parseUrl(options.url);
  const secure = parsed?.protocol === "wss:";
  if (options.tlsFingerprint && !secure) {
    return { reason: "tls-fingerprint-requires-wss", message: "gateway tls fingerprint requires wss:// gateway url" };
  }
  if (!options.guard || secure) return null;
  const host = parsed ? hostOf(parsed) : options.url;
  if (parsed && isLoopbackHostname(host)) return null;
  if (parsed && plaintextAllowed(host, options.allows, options.allowPrivateWs)) return null;
  return {
    reason: "insecure-ws",
    message: `SECURITY ERROR: Cannot connect to "${host}" over plaintext ws://. Use wss:// for remote URLs.`,
  };
}

/** The http(s) origin of the page a gateway serves at this ws(s) URL. */
export function pageOriginFor(url: string): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const scheme = parsed.protocol === "wss:" ? "https:" : "http:";
  return `${scheme}//${parsed.host}`;
}

/** The Host header a WebSocket client sends: the URL's host[:port]. */
export function hostHeaderFor(url: string): string | undefined {
  return parseUrl(url)?.host || undefined;
}
