// The gateway reducer's inputs, outputs and state. Outputs are data; src/world carries them to the network
// and the clock. The gateway never imports the network and cannot tell it is simulated.
import type { Prng } from "../kernel/index.ts";
import type { GatewaySwitches } from "../profiles/index.ts";
import type { LimiterState } from "./rate-limit.ts";
import type { PairingStore } from "./pairing-store.ts";
import type { FailedAuthDelayState } from "./failed-auth-delay.ts";
import type { PresenceStore } from "./presence.ts";
import type { CronStore } from "./cron.ts";
import type { BootstrapStore } from "./bootstrap-tokens.ts";
import type { NodePairingStore } from "./node-pairing.ts";

export type AuthMode = "none" | "token" | "password" | "trusted-proxy";

export interface RateLimitConfig {
  maxAttempts: number;
  windowMs: number;
  lockoutMs: number;
  exemptLoopback: boolean;
}

/** What the gateway process resolved from its config and environment at start (host/ does the resolving). */
export interface GatewayRuntimeConfig {
  auth: {
    mode: AuthMode;
    token?: string;
    password?: string;
    allowTailscale: boolean;
    rateLimit?: Partial<RateLimitConfig>;
    trustedProxy?: { userHeader: string; requiredHeaders?: string[]; allowUsers?: string[]; allowLoopback?: boolean };
  };
  controlUi: {
    allowInsecureAuth: boolean;
    dangerouslyDisableDeviceAuth: boolean;
    allowedOrigins: string[];
    dangerouslyAllowHostHeaderOriginFallback: boolean;
  };
  trustedProxies: string[];
  allowRealIpFallback: boolean;
  /** Simulated `tailscale whois`: forwarded client IP → login. */
  tailscaleWhois: Record<string, string>;
  /** hello-ok.server.version and snapshot paths. */
  version: string;
  /** The gateway host's name (its own system-presence entry); default "gateway". */
  hostName?: string;
  /** OPENCLAW_HANDSHAKE_TIMEOUT_MS as the process read it (releases with switch handshakeTimeoutEnv). */
  handshakeTimeoutMs?: number;
  /** gateway.nodes.pairing (autoApproveLocal is read by releases with switch autoApproveLocalSetting). */
  nodes?: { pairing?: { autoApproveLocal?: boolean } };
  configPath: string;
  stateDir: string;
}

export interface UpgradeInfo {
  /** Socket peer address as the gateway sees it. */
  remoteAddress: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
}

export type GatewayInput =
  | { readonly kind: "start" }
  | { readonly kind: "upgrade"; readonly connId: string; readonly request: UpgradeInfo }
  | { readonly kind: "frame"; readonly connId: string; readonly text: string }
  | { readonly kind: "closed"; readonly connId: string; readonly code: number; readonly reason: string }
  | { readonly kind: "timer"; readonly key: string }
  /** The shared secret changed: applied now, or (`restartDeferred`) written while the restart that would read it
   *  waits — new handshakes keep the old secret; releases that do so still close shared-secret sessions. */
  | { readonly kind: "shared-secret-changed"; readonly token?: string; readonly password?: string; readonly restartDeferred?: boolean }
  /** The config watcher applied hot-reloadable keys (reload-plan.ts): the new config, secrets excluded. */
  | { readonly kind: "config-reloaded"; readonly config: GatewayRuntimeConfig; readonly paths: readonly string[] }
  | { readonly kind: "shutdown"; readonly reason: string; readonly restartExpectedMs?: number };

export type GatewayOutput =
  | { readonly kind: "upgrade-accept"; readonly connId: string }
  | { readonly kind: "upgrade-refuse"; readonly connId: string; readonly status: number; readonly body: string }
  | { readonly kind: "send"; readonly connId: string; readonly text: string }
  | { readonly kind: "close"; readonly connId: string; readonly code: number; readonly reason: string }
  | { readonly kind: "set-max-payload"; readonly connId: string; readonly bytes: number }
  | { readonly kind: "timer-set"; readonly key: string; readonly delayMs: number }
  | { readonly kind: "timer-cancel"; readonly key: string }
  | { readonly kind: "persist"; readonly store: PairingStore }
  | { readonly kind: "log"; readonly event: string; readonly data: Record<string, unknown> };

export interface StepContext {
  /** The gateway host's wall clock (epoch ms). */
  readonly nowMs: number;
  /** The gateway's own PRNG stream (nonces, connIds, tokens, request ids). */
  readonly prng: Prng;
}

export interface Session {
  role: string;
  scopes: string[];
  clientId: string;
  clientMode: string;
  deviceId: string | null;
  authMethod: string;
  usesSharedGatewayAuth: boolean;
  unauthorizedCalls: number;
  /** Its system-presence key; null for CLI clients (never listed). */
  presenceKey: string | null;
  /** A node session's node id and the commands node pairing lets it offer (releases that pair nodes at connect). */
  node?: { readonly nodeId: string; readonly commands: readonly string[] };
}

export interface Connection {
  readonly connId: string;
  readonly remoteAddress: string;
  readonly headers: Record<string, string>;
  readonly clientIp: string;
  readonly isLocal: boolean;
  readonly hasUntrustedProxyHeaders: boolean;
  readonly connectNonce: string;
  phase: "preauth" | "connecting" | "connected" | "closed";
  session?: Session;
}

export interface GatewayState {
  readonly switches: GatewaySwitches;
  config: GatewayRuntimeConfig;
  readonly startedAtMs: number;
  ready: boolean;
  readonly conns: Map<string, Connection>;
  store: PairingStore;
  limiter: LimiterState;
  browserLimiter: LimiterState;
  readonly failedAuth: FailedAuthDelayState;
  /** Responses held back by the failed-auth delay, keyed by timer. */
  readonly delayed: Map<string, GatewayOutput[]>;
  tickSeq: number;
  /** system-presence entries (in memory: a restart starts empty). */
  readonly presence: PresenceStore;
  /** cron jobs (in memory in the model). */
  readonly cron: CronStore;
  /** `devices/bootstrap.json` on the gateway host, re-read per check: shared with the host that issues tokens. */
  readonly bootstrap: BootstrapStore;
  /** The host's node pairing files (shared by reference like `bootstrap`: a restart keeps them). */
  readonly nodes: NodePairingStore;
}

export interface StepResult {
  readonly outputs: GatewayOutput[];
}
