// Primary shared-secret / identity auth (spec §4.3.1–4.3.2, authorizeGatewayConnect).
// Returns a result value; charging the limiter is done here exactly where the real order does it.
import { createHash } from "node:crypto";
import { isLoopbackAddress, isTrustedProxy } from "./locality.ts";
import { limiterCheck, limiterRecordFailure, limiterReset, type LimiterState } from "./rate-limit.ts";
import type { GatewaySwitches } from "../profiles/index.ts";
import type { Connection, GatewayRuntimeConfig } from "./types.ts";

export type AuthMethod = "none" | "token" | "password" | "tailscale" | "device-token" | "bootstrap-token" | "trusted-proxy";

export type SharedAuthResult =
  | { readonly ok: true; readonly method: AuthMethod; readonly user?: string }
  | { readonly ok: false; readonly reason: string; readonly retryAfterMs?: number };

export interface SharedAuthRequest {
  readonly conn: Connection;
  readonly config: GatewayRuntimeConfig;
  readonly auth: { token?: string; password?: string } | undefined;
  /** Limiter to consult; undefined = none (the second, Tailscale-free probe). */
  readonly limiter: LimiterState | undefined;
  /** Whether failures are charged (S-Mar: not when a device identity and auth.token are both present). */
  readonly charge: boolean;
  /** Token mode: a password without a token counts as a wrong token. */
  readonly passwordCountsAsTokenMismatch: boolean;
  /** The secret comes from the mode's field, else the other field (2026.9). */
  readonly connectSecretEitherField?: boolean;
  /** The limiter key: the client IP, or the browser origin for the browser limiter. */
  readonly limiterKey: string;
  readonly allowTailscale: boolean;
  readonly tokenMissingCharged: boolean;
  /** How a trusted proxy at a loopback address is taken (GatewaySwitches.trustedProxyLoopback). */
  readonly trustedProxyLoopback: GatewaySwitches["trustedProxyLoopback"];
  readonly nowMs: number;
}

export function authorizeGatewayConnect(req: SharedAuthRequest): SharedAuthResult {
  const { config, conn } = req;
  const mode = config.auth.mode;
  if (mode === "trusted-proxy") return trustedProxyAuth(req);
  if (mode === "none") return { ok: true, method: "none" };
  const ip = req.limiterKey;
  if (req.limiter) {
    const verdict = limiterCheck(req.limiter, "shared-secret", ip, req.nowMs);
    if (!verdict.allowed) return { ok: false, reason: "rate_limited", retryAfterMs: verdict.retryAfterMs };
  }
  if (req.allowTailscale && !conn.isLocal) {
    const ts = tailscaleAuth(req);
    if (ts.ok) {
      if (req.limiter) limiterReset(req.limiter, "shared-secret", ip);
      return ts;
    }
    // With no shared secret to fall back on, the Tailscale failure is the answer.
    if (!req.auth?.token && !req.auth?.password) return ts;
  }
  const fail = (reason: string, charge: boolean): SharedAuthResult => {
    if (charge && req.charge && req.limiter) limiterRecordFailure(req.limiter, "shared-secret", ip, req.nowMs);
    return { ok: false, reason };
  };
  if (mode === "token") {
    if (!config.auth.token) return fail("token_missing_config", false);
    const sent = req.connectSecretEitherField ? (req.auth?.token ?? req.auth?.password) : req.auth?.token;
    if (!sent && req.passwordCountsAsTokenMismatch && req.auth?.password) return fail("token_mismatch", true);
    if (!sent) return fail("token_missing", req.tokenMissingCharged);
    if (sent !== config.auth.token) return fail("token_mismatch", true);
    if (req.limiter) limiterReset(req.limiter, "shared-secret", ip);
    return { ok: true, method: "token" };
  }
  if (mode === "password") {
    if (!config.auth.password) return fail("password_missing_config", false);
    const sent = req.connectSecretEitherField ? (req.auth?.password ?? req.auth?.token) : req.auth?.password;
    if (!sent) return fail("password_missing", req.tokenMissingCharged);
    if (sent !== config.auth.password) return fail("password_mismatch", true);
    if (req.limiter) limiterReset(req.limiter, "shared-secret", ip);
    return { ok: true, method: "password" };
  }
  return fail("unauthorized", true);
}

function trustedProxyAuth(req: SharedAuthRequest): SharedAuthResult {
  const { config, conn } = req;
  const tp = config.auth.trustedProxy;
  if (!tp || !tp.userHeader) return { ok: false, reason: "trusted_proxy_config_missing" };
  if (config.trustedProxies.length === 0) return { ok: false, reason: "trusted_proxy_no_proxies_configured" };
  if (!isTrustedProxy(conn.remoteAddress, config.trustedProxies)) return { ok: false, reason: "trusted_proxy_untrusted_source" };
  if (isLoopbackAddress(conn.remoteAddress) && loopbackProxyRefused(req.trustedProxyLoopback, tp.allowLoopback)) return { ok: false, reason: "trusted_proxy_loopback_source" };
  for (const name of tp.requiredHeaders ?? []) {
    if (!conn.headers[name.toLowerCase()]?.trim()) return { ok: false, reason: `trusted_proxy_missing_header_${name.toLowerCase()}` };
  }
  const user = conn.headers[tp.userHeader.toLowerCase()]?.trim();
  if (!user) return { ok: false, reason: "trusted_proxy_user_missing" };
  if (tp.allowUsers && tp.allowUsers.length > 0 && !tp.allowUsers.includes(user)) return { ok: false, reason: "trusted_proxy_user_not_allowed" };
  return { ok: true, method: "trusted-proxy", user };
}

function loopbackProxyRefused(rule: SharedAuthRequest["trustedProxyLoopback"], allowLoopback: boolean | undefined): boolean {
  return rule === "refused" || (rule === "opt-in" && allowLoopback !== true);
}

function tailscaleAuth(req: SharedAuthRequest): SharedAuthResult {
  const h = req.conn.headers;
  const login = h["tailscale-user-login"]?.trim();
  if (!login) return { ok: false, reason: "tailscale_user_missing" };
  const peerLoopback = isLoopbackAddress(req.conn.remoteAddress);
  if (!peerLoopback || !h["x-forwarded-for"] || !h["x-forwarded-proto"] || !h["x-forwarded-host"]) {
    return { ok: false, reason: "tailscale_proxy_missing" };
  }
  const forwardedIp = h["x-forwarded-for"].split(",")[0]?.trim() ?? "";
  const whois = req.config.tailscaleWhois[forwardedIp];
  if (!whois) return { ok: false, reason: "tailscale_whois_failed" };
  if (whois.toLowerCase() !== login.toLowerCase()) return { ok: false, reason: "tailscale_user_mismatch" };
  return { ok: true, method: "tailscale", user: whois };
}

/** Digests kept per text (bounded; the oldest leaves first): the same config text always digests the same. */
const generationDigests = new Map<string, string>();
const generationDigestsMax = 1_024;

function digest(text: string): string {
  let value = generationDigests.get(text);
  if (value === undefined) {
    value = createHash("sha256").update(text).digest("base64url");
    if (generationDigests.size >= generationDigestsMax) generationDigests.delete(generationDigests.keys().next().value!);
    generationDigests.set(text, value);
  }
  return value;
}

/**
 * The generation of the gateway's shared auth (2026.9, switch deviceTokenIssuer): a digest of the mode and secret
 * (token or password) or of the trusted-proxy settings and trusted proxies; none in mode none or without a secret.
 * Re-read on every use, so a hot-reloaded secret is a new generation.
 */
export function sharedAuthGeneration(config: GatewayRuntimeConfig): string | undefined {
  const auth = config.auth;
  if (auth.mode === "token" || auth.mode === "password") {
    const secret = auth[auth.mode];
    return typeof secret === "string" && secret.trim().length > 0 ? digest(`${auth.mode}\u0000${secret}`) : undefined;
  }
  if (auth.mode !== "trusted-proxy") return undefined;
  const tp = auth.trustedProxy;
  const sorted = (items: readonly string[] | undefined): string[] => [...(items ?? [])].sort();
  return digest(JSON.stringify({ mode: auth.mode, userHeader: tp?.userHeader, requiredHeaders: sorted(tp?.requiredHeaders), allowUsers: sorted(tp?.allowUsers), allowLoopback: tp?.allowLoopback, trustedProxies: sorted(config.trustedProxies) }));
}
