// Gateway configurations a conformance run draws: auth mode (token / password / none / trusted-proxy with its
// user header), rate limits (including exemptLoopback: false and short lockouts so time passing shows),
// controlUi allowedOrigins and the Host-header fallback, trustedProxies. One value describes both the real
// gateway's openclaw.json and the model's GatewayConfigInput, so the two sides start alike. Pure; seeded.
import fc from "fast-check";

import type { Attempt } from "../oracle/attempt.ts";
import type { GatewaySwitches } from "../../src/profiles/index.ts";
import type { GatewayConfigInput } from "../../src/world/index.ts";

export type AuthModeDrawn = "token" | "password" | "none" | "trusted-proxy";

export interface ConformanceConfig {
  readonly name: string;
  readonly mode: AuthModeDrawn;
  readonly rateLimit?: { readonly maxAttempts: number; readonly windowMs: number; readonly lockoutMs: number; readonly exemptLoopback: boolean };
  readonly allowedOrigins?: readonly string[];
  readonly hostHeaderOriginFallback?: boolean;
  /** Present in trusted-proxy mode (the loopback peer is the proxy) and sometimes in others. */
  readonly trustedProxies?: readonly string[];
  /** false: the release's config has no gateway.auth.trustedProxy.allowLoopback key (before 2026.5; its strict
   *  schema refuses the key and the gateway does not start), so it is left out. Absent: set to true, as every
   *  recording before 2026-12-05 did (only 5.28 … 9.6 started with it). */
  readonly allowLoopbackKey?: false;
  /** gateway.nodes.pairing.autoApproveLocal: false — no silent local pairing except metadata upgrades. Only for
   *  releases whose config has the key (switch autoApproveLocalSetting: 8.2 and 9.6); forRelease drops it elsewhere. */
  readonly autoApproveLocal?: false;
}

/** The configuration as run against a release: the allowLoopback key left out where the release's profile says its
 *  config has none (trustedProxyLoopback other than "opt-in"). */
export function forRelease(config: ConformanceConfig, trustedProxyLoopback: GatewaySwitches["trustedProxyLoopback"], autoApproveLocalSetting = false): ConformanceConfig {
  const proxied = config.mode === "trusted-proxy" && trustedProxyLoopback !== "opt-in" ? { ...config, allowLoopbackKey: false as const } : config;
  if (proxied.autoApproveLocal === undefined || autoApproveLocalSetting) return proxied;
  const { autoApproveLocal: _dropped, ...rest } = proxied;
  return { ...rest, name: rest.name.replace(/-no-auto-approve$/, "") };
}

function trustedProxySection(config: ConformanceConfig): { userHeader: string; allowLoopback?: true } {
  return config.allowLoopbackKey === false ? { userHeader: proxyUserHeader } : { userHeader: proxyUserHeader, allowLoopback: true };
}

/** The trusted-proxy user header and the forwarded addresses attempts use. */
export const proxyUserHeader = "x-forwarded-user";
export const proxyUser = "alice@example.com";
export const forwardedFor = "203.0.113.7";
export const proxyAddress = "127.0.0.1";
export const allowedOriginExample = "https://app.example";

/** The token config every run used before configurations were drawn. */
export const defaultConfig: ConformanceConfig = { name: "token-default", mode: "token" };

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const c = <T>(weight: number, value: T) => w(weight, fc.constant(value));

const rateLimitArb = fc.oneof(
  c(3, undefined),
  w(2, fc.record({
    maxAttempts: fc.constantFrom(2, 3),
    windowMs: fc.constant(60_000),
    lockoutMs: fc.constantFrom(4_000, 8_000),
    exemptLoopback: fc.oneof(c(3, false), c(1, true)),
  })),
);

const configArb: fc.Arbitrary<Omit<ConformanceConfig, "name">> = fc
  .record({
    mode: fc.oneof(c(3, "token" as const), c(2, "password" as const), c(1, "none" as const), c(2, "trusted-proxy" as const)),
    rateLimit: rateLimitArb,
    allowedOrigins: fc.oneof(c(3, undefined), c(1, [allowedOriginExample])),
    hostHeaderOriginFallback: fc.oneof(c(4, undefined), c(1, true)),
    proxies: fc.oneof(c(3, false), c(1, true)),
  })
  .map(({ mode, rateLimit, allowedOrigins, hostHeaderOriginFallback, proxies }) => ({
    mode,
    ...(rateLimit !== undefined ? { rateLimit } : {}),
    ...(allowedOrigins !== undefined ? { allowedOrigins } : {}),
    ...(hostHeaderOriginFallback !== undefined ? { hostHeaderOriginFallback } : {}),
    ...(mode === "trusted-proxy" || proxies ? { trustedProxies: [proxyAddress] } : {}),
  }));

function nameOf(config: Omit<ConformanceConfig, "name">, index: number): string {
  const parts: string[] = [config.mode];
  if (config.rateLimit) parts.push(`rl${config.rateLimit.maxAttempts}${config.rateLimit.exemptLoopback ? "" : "-strict"}`);
  if (config.allowedOrigins) parts.push("origins");
  if (config.hostHeaderOriginFallback) parts.push("host-fallback");
  if (config.trustedProxies && config.mode !== "trusted-proxy") parts.push("proxies");
  if (config.autoApproveLocal === false) parts.push("no-auto-approve");
  return `k${index + 1}-${parts.join("-")}`;
}

/** `count` configurations for a seed; the first is always the default token config. One drawn configuration in
 *  four also turns off silent local pairing, drawn from a stream of its own so the rest is drawn as before. */
export function generateConfigs(seed: number, count: number): ConformanceConfig[] {
  const drawn = count <= 1 ? [] : fc.sample(configArb, { seed, numRuns: count - 1 });
  const noAutoApprove = count <= 1 ? [] : fc.sample(fc.oneof(c(3, false), c(1, true)), { seed: (seed ^ 0x5eed) | 0, numRuns: count - 1 });
  return [
    defaultConfig,
    ...drawn.map((drawnConfig, index) => {
      const config = noAutoApprove[index] ? { ...drawnConfig, autoApproveLocal: false as const } : drawnConfig;
      return { ...config, name: nameOf(config, index + 1) };
    }),
  ];
}

/** gateway.* of openclaw.json for the real gateway (auth given here, not on the command line). */
export function realGatewayConfig(config: ConformanceConfig, secret: string): Record<string, unknown> {
  const auth: Record<string, unknown> = { mode: config.mode };
  if (config.mode === "token") auth["token"] = secret;
  if (config.mode === "password") auth["password"] = secret;
  if (config.mode === "trusted-proxy") auth["trustedProxy"] = trustedProxySection(config);
  if (config.rateLimit) auth["rateLimit"] = { ...config.rateLimit };
  const controlUi: Record<string, unknown> = {};
  if (config.allowedOrigins) controlUi["allowedOrigins"] = [...config.allowedOrigins];
  if (config.hostHeaderOriginFallback) controlUi["dangerouslyAllowHostHeaderOriginFallback"] = true;
  return {
    gateway: {
      auth,
      ...(Object.keys(controlUi).length > 0 ? { controlUi } : {}),
      ...(config.trustedProxies ? { trustedProxies: [...config.trustedProxies] } : {}),
      ...(config.autoApproveLocal === false ? { nodes: { pairing: { autoApproveLocal: false } } } : {}),
    },
  };
}

/** The same configuration for the model's gateway. */
export function modelGatewayConfig(config: ConformanceConfig, secret: string): GatewayConfigInput {
  return {
    auth: {
      mode: config.mode,
      ...(config.mode === "token" ? { token: secret } : {}),
      ...(config.mode === "password" ? { password: secret } : {}),
      ...(config.mode === "trusted-proxy" ? { trustedProxy: trustedProxySection(config) } : {}),
      ...(config.rateLimit ? { rateLimit: { ...config.rateLimit } } : {}),
    },
    controlUi: {
      ...(config.allowedOrigins ? { allowedOrigins: [...config.allowedOrigins] } : {}),
      ...(config.hostHeaderOriginFallback ? { dangerouslyAllowHostHeaderOriginFallback: true } : {}),
    },
    ...(config.trustedProxies ? { trustedProxies: [...config.trustedProxies] } : {}),
    ...(config.autoApproveLocal === false ? { nodes: { pairing: { autoApproveLocal: false } } } : {}),
  };
}

/** Headers a trusted proxy in front of the gateway adds for an authenticated user. */
export function proxyHeaders(): Record<string, string> {
  return { "x-forwarded-for": forwardedFor, [proxyUserHeader]: proxyUser };
}

/** The client a device-less admin operator connects as: cli, or in mode none (where a device-less cli is refused
 *  "device identity required") a local gateway-client backend. */
export function operatorClientFor(config: ConformanceConfig): { id: string; mode: string } {
  return config.mode === "none" ? { id: "gateway-client", mode: "backend" } : { id: "cli", mode: "cli" };
}

/** The reset/readiness probe for a configuration: a device-less operator the gateway admits. */
export function readyProbeFor(config: ConformanceConfig, base: Attempt): Attempt {
  if (config.mode === "password") return withSecretInPasswordField(base);
  const withHeaders = config.mode === "trusted-proxy" ? { ...base, headers: { ...(base.headers ?? {}), ...proxyHeaders() } } : base;
  if (config.mode !== "none" || withHeaders.connect === undefined || !("params" in withHeaders.connect)) return withHeaders;
  const params = withHeaders.connect.params;
  const client = { ...(params["client"] as Record<string, unknown>), ...operatorClientFor(config) };
  return { ...withHeaders, connect: { ...withHeaders.connect, params: { ...params, client } } };
}

/** A password gateway's probe sends the secret as auth.password: releases before 2026.9 (connectSecretEitherField
 *  off, e.g. 2026.8.2) answer a password sent as auth.token with password_missing and never looked ready. */
function withSecretInPasswordField(base: Attempt): Attempt {
  if (base.connect === undefined || !("params" in base.connect)) return base;
  const params = base.connect.params;
  const { token, ...auth } = (params["auth"] as Record<string, unknown> | undefined) ?? {};
  return { ...base, connect: { ...base.connect, params: { ...params, auth: { ...auth, password: token ?? "{{gatewayToken}}" } } } };
}
