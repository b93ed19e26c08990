// The `gateway` section of a scenario (at start) and of a `gatewayConfig` step (edited while running): every
// gateway option the model reads, in OpenClaw's key words, its JSON Schema, the release check (an option the
// chosen release does not have is an input problem) and the mapping to the world's GatewayConfigInput.
// `tailscale.whois` is what `tailscale whois` answers on the gateway host (not config); `handshakeTimeoutMs`
// is OPENCLAW_HANDSHAKE_TIMEOUT_MS in the gateway's environment; `bind` is read at start only.
import type { Profile } from "../../profiles/index.ts";
import type { GatewayConfigInput } from "../../world/index.ts";
import type { Bind } from "../../net/index.ts";

export interface GatewaySection {
  bind?: "loopback" | "lan";
  auth?: {
    mode?: "none" | "token" | "password" | "trusted-proxy";
    token?: string;
    password?: string;
    rateLimit?: { maxAttempts?: number; windowMs?: number; lockoutMs?: number; exemptLoopback?: boolean };
    allowTailscale?: boolean;
    trustedProxy?: { userHeader: string; requiredHeaders?: string[]; allowUsers?: string[]; allowLoopback?: boolean };
  };
  controlUi?: {
    allowInsecureAuth?: boolean;
    dangerouslyDisableDeviceAuth?: boolean;
    allowedOrigins?: string[];
    dangerouslyAllowHostHeaderOriginFallback?: boolean;
  };
  trustedProxies?: string[];
  allowRealIpFallback?: boolean;
  nodes?: { pairing?: { autoApproveLocal?: boolean } };
  tailscale?: { whois?: Record<string, string> };
  handshakeTimeoutMs?: number;
}

const strings = { type: "array", items: { type: "string" } } as const;

export const gatewaySectionSchema = {
  type: "object",
  properties: {
    bind: { enum: ["loopback", "lan"] },
    auth: {
      type: "object",
      properties: {
        mode: { enum: ["none", "token", "password", "trusted-proxy"] },
        token: { type: "string" },
        password: { type: "string" },
        rateLimit: {
          type: "object",
          properties: {
            maxAttempts: { type: "integer", minimum: 1 },
            windowMs: { type: "integer", minimum: 1 },
            lockoutMs: { type: "integer", minimum: 0 },
            exemptLoopback: { type: "boolean" },
          },
          additionalProperties: false,
        },
        allowTailscale: { type: "boolean" },
        trustedProxy: {
          type: "object",
          required: ["userHeader"],
          properties: { userHeader: { type: "string", minLength: 1 }, requiredHeaders: strings, allowUsers: strings, allowLoopback: { type: "boolean" } },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    controlUi: {
      type: "object",
      properties: {
        allowInsecureAuth: { type: "boolean" },
        dangerouslyDisableDeviceAuth: { type: "boolean" },
        allowedOrigins: strings,
        dangerouslyAllowHostHeaderOriginFallback: { type: "boolean" },
      },
      additionalProperties: false,
    },
    trustedProxies: strings,
    allowRealIpFallback: { type: "boolean" },
    nodes: {
      type: "object",
      properties: { pairing: { type: "object", properties: { autoApproveLocal: { type: "boolean" } }, additionalProperties: false } },
      additionalProperties: false,
    },
    tailscale: { type: "object", properties: { whois: { type: "object", additionalProperties: { type: "string" } } }, additionalProperties: false },
    handshakeTimeoutMs: { type: "integer", minimum: 1 },
  },
  additionalProperties: false,
} as const;

/** Options the chosen release does not read: each is an input problem (`at` + message). */
export function gatewaySectionProblems(section: GatewaySection | undefined, profile: Profile | undefined, at: string): [string, string][] {
  if (!section || !profile) return [];
  const out: [string, string][] = [];
  if (section.nodes?.pairing?.autoApproveLocal !== undefined && !profile.gateway.autoApproveLocalSetting) {
    out.push([`${at}/nodes/pairing/autoApproveLocal`, `release ${profile.name} has no gateway.nodes.pairing.autoApproveLocal`]);
  }
  if (section.handshakeTimeoutMs !== undefined && !profile.gateway.handshakeTimeoutEnv) {
    out.push([`${at}/handshakeTimeoutMs`, `release ${profile.name} does not read OPENCLAW_HANDSHAKE_TIMEOUT_MS`]);
  }
  return out;
}

/** The world's gateway config for a section (defaults: token auth). */
export function gatewayConfigInput(section: GatewaySection | undefined): GatewayConfigInput {
  const s = section ?? {};
  const auth = s.auth ?? {};
  const input: GatewayConfigInput = {
    auth: {
      mode: auth.mode ?? "token",
      ...(auth.token !== undefined ? { token: auth.token } : {}),
      ...(auth.password !== undefined ? { password: auth.password } : {}),
      ...(auth.rateLimit !== undefined ? { rateLimit: { ...auth.rateLimit } } : {}),
      ...(auth.allowTailscale !== undefined ? { allowTailscale: auth.allowTailscale } : {}),
      ...(auth.trustedProxy !== undefined ? { trustedProxy: structuredClone(auth.trustedProxy) } : {}),
    },
    ...(s.controlUi !== undefined ? { controlUi: { ...s.controlUi } } : {}),
    ...(s.trustedProxies !== undefined ? { trustedProxies: [...s.trustedProxies] } : {}),
    ...(s.allowRealIpFallback !== undefined ? { allowRealIpFallback: s.allowRealIpFallback } : {}),
    ...(s.nodes !== undefined ? { nodes: structuredClone(s.nodes) } : {}),
    ...(s.tailscale?.whois !== undefined ? { tailscaleWhois: { ...s.tailscale.whois } } : {}),
    ...(s.handshakeTimeoutMs !== undefined ? { handshakeTimeoutMs: s.handshakeTimeoutMs } : {}),
  };
  return input;
}

/** gateway.bind as the listening address set. */
export function gatewayBind(section: GatewaySection | undefined): Bind | undefined {
  if (section?.bind === "loopback") return "loopback";
  return section?.bind === "lan" ? "all" : undefined;
}

/** A section merged over another (the edit step's `set` over the running config), one level per object. */
export function mergeGatewaySection(base: GatewaySection, set: GatewaySection): GatewaySection {
  return {
    ...base,
    ...set,
    ...(set.auth ? { auth: { ...base.auth, ...set.auth } } : {}),
    ...(set.controlUi ? { controlUi: { ...base.controlUi, ...set.controlUi } } : {}),
    ...(set.nodes ? { nodes: { pairing: { ...base.nodes?.pairing, ...set.nodes.pairing } } } : {}),
    ...(set.tailscale ? { tailscale: { whois: { ...set.tailscale.whois } } } : {}),
  };
}
