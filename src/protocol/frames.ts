// Wire types of the gateway protocol (spec §1): request/response/event frames, the error shape, the closed
// `connect` params and the hello-ok payload, plus a builder for error shapes. Types only describe what the
// schemas accept; validation lives in validate.ts.
import type {
  ErrorCode,
  GatewayAuthMethod,
  GatewayClientId,
  GatewayClientMode,
} from "./codes.ts";

/** PROTOCOL_VERSION of the Feb–Apr 2026 code and clients. */
export const PROTOCOL_VERSION_MID = 3;
/** PROTOCOL_VERSION documented by the late protocol doc and observed in 2026.9.6. */
export const PROTOCOL_VERSION_LATE = 4;

export interface RequestFrame {
  type: "req";
  id: string;
  method: string;
  params?: unknown;
}

export interface ErrorShape {
  code: string;
  message: string;
  details?: unknown;
  retryable?: boolean;
  retryAfterMs?: number;
}

export interface ResponseFrame {
  type: "res";
  id: string;
  ok: boolean;
  payload?: unknown;
  error?: ErrorShape;
}

export interface StateVersion {
  presence: number;
  health: number;
}

export interface EventFrame {
  type: "event";
  event: string;
  payload?: unknown;
  seq?: number;
  stateVersion?: StateVersion;
}

export type GatewayFrame = RequestFrame | ResponseFrame | EventFrame;

export type GatewayTransport = "json-ws" | "protobuf-ws";

export interface ConnectClientInfo {
  id: GatewayClientId;
  displayName?: string;
  version: string;
  platform: string;
  deviceFamily?: string;
  modelIdentifier?: string;
  mode: GatewayClientMode;
  instanceId?: string;
}

export interface ConnectDevice {
  id: string;
  publicKey: string;
  signature: string;
  signedAt: number;
  /** Absent only from a 2026.2.12/2.17 client that sent connect before any challenge came. */
  nonce?: string;
}

/** S-Feb: token/password; S-Mar adds deviceToken; S-Late adds bootstrapToken. */
export interface ConnectAuth {
  token?: string;
  deviceToken?: string;
  bootstrapToken?: string;
  password?: string;
}

export interface ConnectParams {
  minProtocol: number;
  maxProtocol: number;
  client: ConnectClientInfo;
  caps?: string[];
  commands?: string[];
  permissions?: Record<string, boolean>;
  pathEnv?: string;
  role?: string;
  scopes?: string[];
  device?: ConnectDevice;
  auth?: ConnectAuth;
  locale?: string;
  userAgent?: string;
  /** Newer schema only (S-Late here). */
  transports?: GatewayTransport[];
}

export interface HelloOkServer {
  version: string;
  connId: string;
  /** S-Feb only. */
  commit?: string;
  /** S-Feb only. */
  host?: string;
}

export interface HelloOkIssuedToken {
  deviceToken: string;
  role: string;
  scopes: string[];
  issuedAtMs: number;
}

export interface HelloOkAuth {
  /** Present only when a device token was issued (always present before the late "auth always" form). */
  deviceToken?: string;
  role: string;
  scopes: string[];
  issuedAtMs?: number;
  /** Late form: how the connection authenticated. */
  method?: GatewayAuthMethod;
  /** S-Late bootstrap hand-off tokens. */
  deviceTokens?: HelloOkIssuedToken[];
}

export interface HelloOkSnapshot {
  presence: unknown[];
  health: unknown;
  stateVersion: StateVersion;
  configPath?: string;
  stateDir?: string;
  readonly [extra: string]: unknown;
}

export interface HelloOkPolicy {
  maxPayload: number;
  maxBufferedBytes: number;
  tickIntervalMs: number;
}

export interface HelloOk {
  type: "hello-ok";
  protocol: number;
  server: HelloOkServer;
  features: { methods: string[]; events: string[] };
  snapshot: HelloOkSnapshot;
  canvasHostUrl?: string;
  auth?: HelloOkAuth;
  policy: HelloOkPolicy;
  transport?: GatewayTransport;
}

/** `connect.challenge` event payload; `capabilities` only in 2026.9. */
export interface ConnectChallengePayload {
  nonce: string;
  ts: number;
  capabilities?: string[];
}

/** `errorShape(code, message, opts)`: the canonical error payload. */
export function errorShape(
  code: ErrorCode,
  message: string,
  options: { details?: unknown; retryable?: boolean; retryAfterMs?: number } = {},
): ErrorShape {
  const shape: ErrorShape = { code, message };
  if (options.details !== undefined) shape.details = options.details;
  if (options.retryable !== undefined) shape.retryable = options.retryable;
  if (options.retryAfterMs !== undefined) shape.retryAfterMs = options.retryAfterMs;
  return shape;
}
