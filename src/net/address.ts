// IP address and WebSocket URL helpers for the simulated network. Pure string logic: nothing here resolves a
// name through DNS or opens a socket. The simulation uses documentation ranges instead of real private ones:
// LAN hosts live in 192.0.2.0/24 and 198.51.100.0/24, the tailnet in 100.64.0.0/10, remote hosts in
// 203.0.113.0/24. `isPrivateOrLoopbackAddress` therefore treats the two LAN documentation ranges as private
// (as RFC1918 space would be on a real LAN) and 203.0.113.0/24 as public.
import { isIP } from "node:net";

/** What kind of network an address belongs to, which also names the kind of link used to reach it. */
export type AddressKind = "loopback" | "lan" | "tailnet" | "remote";

/** Strips IPv6 brackets and an IPv4-mapped prefix, lowercases. */
export function normalizeAddress(address: string): string {
  let a = address.trim().toLowerCase();
  if (a.startsWith("[") && a.endsWith("]")) a = a.slice(1, -1);
  if (a.startsWith("::ffff:") && isIP(a.slice(7)) === 4) a = a.slice(7);
  return a;
}

/** Parsed address literals kept (bounded; the oldest leaves first): the same text always parses the same. */
export const addressesCachedMax = 10_000;
const octetsCache = new Map<string, readonly [number, number, number, number] | undefined>();

function ipv4Octets(address: string): readonly [number, number, number, number] | undefined {
  if (octetsCache.has(address)) return octetsCache.get(address);
  const octets = parseIpv4Octets(address);
  if (octetsCache.size >= addressesCachedMax) octetsCache.delete(octetsCache.keys().next().value!);
  octetsCache.set(address, octets);
  return octets;
}

function parseIpv4Octets(address: string): readonly [number, number, number, number] | undefined {
  if (isIP(address) !== 4) return undefined;
  const parts = address.split(".").map((p) => Number.parseInt(p, 10));
  return Object.freeze([parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 0] as const);
}

/** A dotted IPv4 literal (what gateway.customBindHost must be). */
export function isIpv4Address(text: string): boolean {
  return ipv4Octets(text) !== undefined;
}

/** 127.0.0.0/8, ::1 and ::ffff:127.* (OpenClaw's loopback test). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = normalizeAddress(address);
  if (a === "::1" || a === "0:0:0:0:0:0:0:1") return true;
  return ipv4Octets(a)?.[0] === 127;
}

/** A URL hostname that always means this machine: `localhost`, `*.localhost` or a loopback address. */
export function isLoopbackHostname(hostname: string): boolean {
  const h = normalizeAddress(hostname);
  return h === "localhost" || h.endsWith(".localhost") || isLoopbackAddress(h);
}

/** 100.64.0.0/10 (CGNAT space, which Tailscale uses for tailnet addresses). */
export function isTailnetAddress(address: string): boolean {
  const o = ipv4Octets(normalizeAddress(address));
  return o !== undefined && o[0] === 100 && o[1] >= 64 && o[1] <= 127;
}

/** The simulation's LAN ranges: 192.0.2.0/24 and 198.51.100.0/24. */
export function isSimulatedLanAddress(address: string): boolean {
  const o = ipv4Octets(normalizeAddress(address));
  if (!o) return false;
  return (o[0] === 192 && o[1] === 0 && o[2] === 2) || (o[0] === 198 && o[1] === 51 && o[2] === 100);
}

/** RFC1918, link-local, CGNAT/tailnet, ULA and loopback, plus the simulated LAN ranges. */
export function isPrivateOrLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (isLoopbackAddress(address)) return true;
  const a = normalizeAddress(address);
  if (isSimulatedLanAddress(a) || isTailnetAddress(a)) return true;
  const o = ipv4Octets(a);
  if (o) {
    const [o1, o2] = o;
    return o1 === 10 || (o1 === 172 && o2 >= 16 && o2 <= 31) || (o1 === 192 && o2 === 168) || (o1 === 169 && o2 === 254);
  }
  if (isIP(a) !== 6) return false;
  return a.startsWith("fc") || a.startsWith("fd") || /^fe[89ab]/.test(a);
}

/** Classifies an address literal; anything not loopback, tailnet or private counts as remote. */
export function addressKindOf(address: string): AddressKind {
  if (isLoopbackAddress(address)) return "loopback";
  if (isTailnetAddress(address)) return "tailnet";
  if (isPrivateOrLoopbackAddress(address)) return "lan";
  return "remote";
}

export function isIpAddress(text: string): boolean {
  return isIP(normalizeAddress(text)) !== 0;
}

/** `host:port`, with brackets for IPv6 (the form Node puts in ECONNREFUSED messages). */
export function formatAddressPort(address: string, port: number): string {
  return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
}

export interface WsUrl {
  readonly href: string;
  readonly secure: boolean;
  /** Hostname without IPv6 brackets, lowercased. */
  readonly hostname: string;
  readonly port: number;
  /** Path and query, as the request line carries them. */
  readonly path: string;
  /** What a client puts in the Host header: hostname plus the port when it is not the scheme's default. */
  readonly hostHeader: string;
}

export type WsUrlParse = { readonly kind: "ok"; readonly url: WsUrl } | { readonly kind: "invalid"; readonly reason: string };

const wsUrlCache = new Map<string, WsUrlParse>();

/**
 * Parses a ws:// or wss:// URL (http/https are not accepted; facades convert first). Answers are kept per text
 * (bounded, like addresses): a client redialling the same URL does not run the URL parser again.
 */
export function parseWsUrl(text: string): WsUrlParse {
  let parsed = wsUrlCache.get(text);
  if (parsed === undefined) {
    parsed = parseWsUrlText(text);
    if (parsed.kind === "ok") Object.freeze(parsed.url);
    Object.freeze(parsed);
    if (wsUrlCache.size >= addressesCachedMax) wsUrlCache.delete(wsUrlCache.keys().next().value!);
    wsUrlCache.set(text, parsed);
  }
  return parsed;
}

function parseWsUrlText(text: string): WsUrlParse {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { kind: "invalid", reason: `Invalid URL: ${text}` };
  }
  if (parsed.protocol !== "ws:" && parsed.protocol !== "wss:") {
    return { kind: "invalid", reason: `The URL's protocol must be one of "ws:" or "wss:"` };
  }
  if (parsed.hash) return { kind: "invalid", reason: "The URL contains a fragment identifier" };
  if (!parsed.hostname) return { kind: "invalid", reason: `Invalid URL: ${text}` };
  const secure = parsed.protocol === "wss:";
  const port = parsed.port ? Number.parseInt(parsed.port, 10) : secure ? 443 : 80;
  return {
    kind: "ok",
    url: {
      href: parsed.href,
      secure,
      hostname: normalizeAddress(parsed.hostname),
      port,
      path: `${parsed.pathname || "/"}${parsed.search}`,
      hostHeader: parsed.host,
    },
  };
}
