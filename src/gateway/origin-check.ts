// checkBrowserOrigin (spec §4.2 step 5) in its S-Feb and late forms.
import type { GatewaySwitches } from "../profiles/index.ts";
import { hostnameOf, isLoopbackAddress } from "./locality.ts";
import type { GatewayRuntimeConfig } from "./types.ts";

export type OriginVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: "origin missing or invalid" | "origin not allowed" };

function parseOrigin(origin: string): { host: string; hostname: string } | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(origin.trim());
  if (!m || !m[1]) return undefined;
  const host = m[1].toLowerCase();
  return { host, hostname: hostnameOf(host) };
}

function isLoopbackHostname(hostname: string): boolean {
  return hostname === "localhost" || isLoopbackAddress(hostname);
}

export function checkBrowserOrigin(options: {
  origin: string | undefined;
  hostHeader: string | undefined;
  isLocalClient: boolean;
  config: GatewayRuntimeConfig;
  rule: GatewaySwitches["originRule"];
}): OriginVerdict {
  const { origin, config } = options;
  if (!origin || origin.trim() === "null") return { ok: false, reason: "origin missing or invalid" };
  const parsed = parseOrigin(origin);
  if (!parsed) return { ok: false, reason: "origin missing or invalid" };
  const allowed = config.controlUi.allowedOrigins.map((o) => o.trim().toLowerCase());
  const normalized = origin.trim().toLowerCase().replace(/\/$/, "");
  const host = (options.hostHeader ?? "").trim().toLowerCase();
  if (options.rule === "feb") {
    if (allowed.includes(normalized)) return { ok: true };
    if (host && parsed.host === host) return { ok: true };
    if (isLoopbackHostname(parsed.hostname) && isLoopbackHostname(hostnameOf(host))) return { ok: true };
    return { ok: false, reason: "origin not allowed" };
  }
  if (allowed.includes("*") || allowed.includes(normalized)) return { ok: true };
  if (config.controlUi.dangerouslyAllowHostHeaderOriginFallback && host && parsed.host === host) return { ok: true };
  if (options.isLocalClient && isLoopbackHostname(parsed.hostname)) return { ok: true };
  return { ok: false, reason: "origin not allowed" };
}
