// The client reducer's inputs, outputs, options and state (spec §7, §8). Outputs are data: src/world carries
// them to the simulated socket, the clock, the device-auth file and the observer. Not the decision logic:
// see credentials.ts (what to send), retry-policy.ts (pause / retry / backoff) and client.ts (the reducer).
import type { Prng } from "../kernel/index.ts";
import type { DeviceIdentity } from "../crypto/index.ts";
import type { ClientSwitches } from "../profiles/index.ts";
import type { GatewayClientId, GatewayClientMode } from "../protocol/index.ts";

export type ClientKind = "cli" | "tui" | "control-ui" | "node" | "backend";

/** One role's entry of `~/.openclaw/identity/device-auth.json` (spec §6.5), as the client sees it. */
export interface StoredDeviceToken {
  readonly token: string;
  readonly scopes: readonly string[];
}

/** role → entry. */
export type StoredDeviceTokens = Readonly<Record<string, StoredDeviceToken>>;

export interface OneShotCall {
  readonly method: string;
  readonly params?: unknown;
  /** callGateway's overall timeout (default 10000 ms). */
  readonly timeoutMs?: number;
}

/** createClientState's options. Credentials arrive already resolved by the host layer (spec §9.1). */
export interface ClientOptions {
  readonly kind: ClientKind;
  /** ws:// or wss:// URL of the gateway. */
  readonly url: string;
  readonly switches: ClientSwitches;
  /** null = device-less (e.g. Control UI over plain HTTP on a LAN: no secure context, no WebCrypto). */
  readonly identity: DeviceIdentity | null;
  readonly clientId?: GatewayClientId;
  readonly mode?: GatewayClientMode;
  readonly role?: string;
  readonly scopes?: readonly string[];
  /** CLI `--token` (seed 004's explicitToken). */
  readonly explicitToken?: string;
  /** Token from config/env (seed 004's passive token). */
  readonly passiveToken?: string;
  readonly password?: string;
  /** An explicit device token option (`opts.deviceToken`). */
  readonly deviceToken?: string;
  /** S-Late bootstrap token (`opts.bootstrapToken`). */
  readonly bootstrapToken?: string;
  /** The device-auth file's tokens (role → entry). */
  readonly storedTokens?: StoredDeviceTokens;
  /** The file's deviceId; entries are ignored when it differs from the identity's (spec §6.5). */
  readonly storedTokensDeviceId?: string;
  readonly platform?: string;
  readonly deviceFamily?: string;
  readonly displayName?: string;
  readonly instanceId?: string;
  /** Control UI: the build id of the bundle the gateway served (sent as client.buildId where the profile does). */
  readonly buildId?: string;
  readonly clientVersion?: string;
  readonly tlsFingerprint?: string;
  /** Browser page origin (Control UI); defaults to the gateway URL's http(s) origin. */
  readonly origin?: string;
  /** Node kind: the declared `commands`. */
  readonly commands?: readonly string[];
  readonly caps?: readonly string[];
  /** CLI: connect, call once, close 1000, done; never reconnects. */
  readonly oneShot?: OneShotCall;
  /** OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1: the insecure-ws guard lets ws:// reach private hosts. Default true. */
  readonly allowInsecurePrivateWs?: boolean;
  /** tickWatchMinIntervalMs (clamped 1…30000, default 1000). */
  readonly tickWatchMinIntervalMs?: number;
  /** Per-request timeout (default 30000 ms). */
  readonly requestTimeoutMs?: number;
}

export type ClientInput =
  | { readonly kind: "start" }
  | { readonly kind: "ws-open" }
  | { readonly kind: "ws-message"; readonly text: string }
  | { readonly kind: "ws-close"; readonly code: number; readonly reason: string }
  | { readonly kind: "ws-unexpected-response"; readonly status: number; readonly body: string }
  | { readonly kind: "ws-error"; readonly message: string }
  | { readonly kind: "timer"; readonly key: string }
  | { readonly kind: "stop" }
  | { readonly kind: "call"; readonly method: string; readonly params?: unknown }
  /** The operator fixed config. A field left out keeps its value; null removes it. A paused client resumes. */
  | {
      readonly kind: "credentials-changed";
      readonly explicitToken?: string | null;
      readonly passiveToken?: string | null;
      readonly password?: string | null;
    }
  /** The shared device-auth file changed under this client (another process on the host wrote it). */
  | { readonly kind: "device-auth-changed"; readonly storedTokens: StoredDeviceTokens };

/** Where auth.token came from. */
export type TokenSource = "explicit" | "passive" | "stored" | "device-token-option";

export type ClientEvent =
  | {
      readonly name: "connect-attempt";
      readonly data: {
        attempt: number;
        tokenSource: TokenSource | null;
        deviceToken: "stored" | "device-token-option" | null;
        bootstrapToken: boolean;
        password: boolean;
        device: boolean;
        deviceTokenRetry: boolean;
        scopes: readonly string[];
      };
    }
  | {
      readonly name: "hello";
      readonly data: {
        authMethod: string | null;
        role: string;
        scopes: readonly string[];
        deviceTokenIssued: boolean;
        protocol: number | null;
        tickIntervalMs: number;
      };
    }
  | {
      readonly name: "connect-error";
      readonly data: { code: string | null; message: string; detailCode: string | null; details: unknown };
    }
  | { readonly name: "reconnect-scheduled"; readonly data: { delayMs: number; attempt: number } }
  | { readonly name: "paused"; readonly data: { detailCode: string; why: string } }
  | { readonly name: "resumed"; readonly data: Record<string, never> }
  | { readonly name: "refused"; readonly data: { reason: "insecure-ws" | "tls-fingerprint-requires-wss"; message: string } }
  | { readonly name: "stopped"; readonly data: { reason: "stop" | "one-shot-complete" | "one-shot-failed" } }
  | {
      readonly name: "rpc-result";
      readonly data: { id: string; method: string; ok: boolean; payload?: unknown; error?: { code: string | null; message: string; details?: unknown } };
    }
  | { readonly name: "tick-timeout"; readonly data: { gapMs: number; tickIntervalMs: number } }
  | { readonly name: "closed"; readonly data: { code: number; reason: string } }
  | { readonly name: "gap"; readonly data: { expected: number; received: number } }
  | { readonly name: "gateway-event"; readonly data: { event: string; payload: unknown } };

export type ClientEventName = ClientEvent["name"];

export type ClientOutput =
  | { readonly kind: "ws-connect"; readonly url: string; readonly headers: Readonly<Record<string, string>> }
  | { readonly kind: "ws-send"; readonly text: string }
  | { readonly kind: "ws-close"; readonly code: number; readonly reason: string }
  | { readonly kind: "ws-terminate" }
  | { readonly kind: "timer-set"; readonly key: string; readonly delayMs: number }
  | { readonly kind: "timer-cancel"; readonly key: string }
  | { readonly kind: "store-device-token"; readonly deviceId: string; readonly role: string; readonly token: string; readonly scopes: readonly string[] }
  | { readonly kind: "clear-device-token"; readonly deviceId: string; readonly role: string }
  | ({ readonly kind: "event" } & ClientEvent);

export interface ClientStepContext {
  /** The client host's wall clock (epoch ms). */
  readonly nowMs: number;
  /** The client's own PRNG stream (request ids, jitter). */
  readonly prng: Prng;
}

/** Everything fixed at construction: per-kind defaults applied. */
export interface ClientConfig {
  readonly kind: ClientKind;
  readonly url: string;
  readonly switches: ClientSwitches;
  readonly identity: DeviceIdentity | null;
  readonly clientId: GatewayClientId;
  readonly mode: GatewayClientMode;
  readonly role: string;
  readonly scopes: readonly string[];
  readonly caps: readonly string[];
  readonly commands: readonly string[] | undefined;
  readonly platform: string;
  readonly deviceFamily: string | undefined;
  readonly displayName: string | undefined;
  readonly instanceId: string | undefined;
  readonly buildId: string | undefined;
  readonly clientVersion: string;
  readonly tlsFingerprint: string | undefined;
  readonly explicitDeviceToken: string | undefined;
  readonly bootstrapToken: string | undefined;
  /** Origin header; only browser kinds send one. */
  readonly origin: string | undefined;
  readonly oneShot: OneShotCall | undefined;
  readonly allowInsecurePrivateWs: boolean;
  readonly tickWatchMinIntervalMs: number;
  readonly requestTimeoutMs: number;
  /** Close code for the client's own handshake failures: 1008, or 4008 in a browser (close(1008) throws there). */
  readonly connectFailedCloseCode: number;
}

/** What the last `connect` request sent; read when its answer arrives. */
export interface ConnectAttempt {
  readonly requestId: string;
  readonly role: string;
  /** The shared token available to this attempt (explicit ?? passive). */
  readonly sharedToken: string | undefined;
  /** A device token (stored or option) the attempt sent as its credential. */
  readonly resolvedDeviceToken: string | undefined;
  /** The stored token that existed for this attempt. */
  readonly storedToken: string | undefined;
  /** ≤2.13 / PR #17336 self-heal: clear the stored token if this attempt fails. */
  readonly canFallbackToShared: boolean;
}

export interface PendingCall {
  readonly id: string;
  readonly method: string;
  readonly oneShot: boolean;
}

export interface ClientState {
  readonly config: ClientConfig;
  credentials: { explicitToken?: string; passiveToken?: string; password?: string };
  /** This client's view of the device-auth file (role → entry); empty without an identity. */
  storedTokens: Record<string, StoredDeviceToken>;
  /** Control UI: where the shared token lives (sessionStorage per tab, or localStorage); null for other kinds. */
  readonly tokenStorage: "sessionStorage" | "localStorage" | null;
  lifecycle: "idle" | "running" | "paused" | "stopped" | "refused";
  socket: "none" | "connecting" | "open" | "closing";
  handshake: "idle" | "awaiting-challenge" | "connect-sent" | "connected";
  /** Connect attempts made (ws-connect outputs). */
  attempts: number;
  /** Reconnects scheduled since the last hello. */
  reconnects: number;
  backoffMs: number;
  pendingDeviceTokenRetry: boolean;
  deviceTokenRetryBudgetUsed: boolean;
  pendingConnectErrorDetailCode: string | null;
  /** The gateway asked to retry after this long (retryable refusal); consumed by the next reconnect. */
  pendingRetryAfterMs: number | null;
  /** Set by the connect failure, read by the close that follows. */
  lastAttempt: ConnectAttempt | null;
  connectNonce: string | null;
  tickIntervalMs: number;
  lastTickMs: number | null;
  lastSeq: number | null;
  readonly pendingCalls: Map<string, PendingCall>;
  readonly queuedCalls: { method: string; params: unknown }[];
  oneShotSettled: boolean;
  /** Timers this client has set and not yet seen fire or cancelled; a timer input for another key is stale. */
  readonly timers: Set<string>;
  /** Hellos received (for observers). */
  hellos: number;
}
