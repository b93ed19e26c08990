// The slice of the real OpenClaw client package's API (`@openclaw/gateway-client` 2026.9.1: GatewayClient's
// options, host dependencies and callbacks) that clawsim drives, written as structural types so that src/
// never imports the package: sim/real-client loads it from a cache folder and hands the module in.
// Not the package's full surface, and nothing here runs its code.

export interface RealDeviceIdentity {
  deviceId: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

export interface RealDeviceAuthTokenRecord {
  token?: string;
  scopes?: string[];
}

export interface RealGatewayClientHostDeps {
  loadOrCreateDeviceIdentity?: () => RealDeviceIdentity | undefined;
  signDevicePayload?: (privateKeyPem: string, payload: string) => string;
  publicKeyRawBase64UrlFromPem?: (publicKeyPem: string) => string;
  loadDeviceAuthToken?: (params: { deviceId: string; role: string }) => RealDeviceAuthTokenRecord | null;
  storeDeviceAuthToken?: (params: { deviceId: string; role: string; token: string; scopes: string[] }) => void;
  clearDeviceAuthToken?: (params: { deviceId: string; role: string }) => void;
  /** Called right before each `new WebSocket(url, options)`. */
  beforeConnect?: () => void;
  logDebug?: (message: string) => void;
  logError?: (message: string) => void;
}

export interface RealReconnectPausedInfo {
  code: number;
  reason: string;
  detailCode: string | null;
}

export interface RealHelloOk {
  protocol?: number;
  auth?: { method?: string; role?: string; scopes?: string[]; deviceToken?: string };
  policy?: { tickIntervalMs?: number };
  [field: string]: unknown;
}

/** What the client hands to onConnectError: an Error, with gateway fields when the gateway refused. */
export interface RealConnectError extends Error {
  code?: unknown;
  gatewayCode?: unknown;
  details?: unknown;
}

export interface RealGatewayClientOptions {
  url?: string;
  token?: string;
  bootstrapToken?: string;
  deviceToken?: string;
  password?: string;
  instanceId?: string;
  clientName?: string;
  clientDisplayName?: string;
  clientVersion?: string;
  platform?: string;
  deviceFamily?: string;
  mode?: string;
  role?: string;
  scopes?: string[];
  caps?: string[];
  commands?: string[];
  env?: Record<string, string>;
  deviceIdentity?: RealDeviceIdentity | null;
  hostDeps?: RealGatewayClientHostDeps;
  minProtocol?: number;
  maxProtocol?: number;
  tlsFingerprint?: string;
  connectChallengeTimeoutMs?: number;
  preauthHandshakeTimeoutMs?: number;
  requestTimeoutMs?: number;
  tickWatchMinIntervalMs?: number;
  notifyOnStartupRetry?: boolean;
  onEvent?: (event: { event: string; payload?: unknown; seq?: number }) => void;
  onHelloOk?: (hello: RealHelloOk) => void;
  onConnectError?: (error: RealConnectError) => void;
  onReconnectPaused?: (info: RealReconnectPausedInfo) => void;
  onClose?: (code: number, reason: string, info?: unknown) => void;
  onGap?: (info: { expected: number; received: number }) => void;
}

export interface RealGatewayClient {
  start(): void;
  stop(): void;
  request(method: string, params?: unknown, options?: { timeoutMs?: number | null }): Promise<unknown>;
}

/** The loaded package module (what `import("@openclaw/gateway-client")` yields), as far as clawsim uses it. */
export interface RealGatewayClientModule {
  GatewayClient: new (options: RealGatewayClientOptions) => RealGatewayClient;
  /**
   * How the client reaches its host: "hostDeps" (the client package, 2026.9.x: signing, token storage and a
   * beforeConnect hook through `hostDeps`) or "node-fs" (an `openclaw` release before hostDeps: it reads and
   * writes the device-auth file through node:fs, which sim/real-client/fake-fs.mjs serves from the simulated host,
   * signs with node:crypto from the identity it is given, and opens sockets without a hook). Default "hostDeps".
   */
  readonly hostAccess?: "hostDeps" | "node-fs";
  /**
   * The client calls onReconnectPaused when it stops reconnecting (2026.9.x). Releases before it just schedule no
   * reconnect after the close; clawsim then records the pause itself (`paused` with `inferred: true`). Default true.
   */
  readonly reportsPause?: boolean;
}
