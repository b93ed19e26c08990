// Neutral, JSON-serialisable description of ONE connect attempt against an OpenClaw gateway, and of what was
// observed. The same Attempt value can be replayed by the real-gateway driver (sim/oracle/driver.ts) and, later,
// by the simulated gateway model; the Outcome shape is what both produce so they can be compared field by field.
// This module holds data types and the placeholder vocabulary only; it performs no I/O and no signing.

/**
 * Placeholders may appear anywhere inside string values of `headers`, `preFrames`, `connect.raw`,
 * `connect.params`, `device.signToken` and `afterHello[].params`. They are replaced just before sending:
 *   {{gatewayToken}}           the shared token the gateway was started with
 *   {{port}}                   the gateway's loopback port
 *   {{nonce}}                  the connect.challenge nonce of this socket
 *   {{staleNonce}}             the challenge nonce of the previous socket (a real nonce, but not this one's)
 *   {{lastRequestId}}          details.requestId of the latest PAIRING_REQUIRED answer seen
 *   {{deviceToken:NAME}}       the latest device token issued (in hello-ok.auth.deviceToken) to the identity
 *                              named NAME (see AttemptSuite.identities), role operator;
 *   {{deviceToken:NAME/ROLE}}  the same for another role;
 *   {{deviceId:NAME}}          the device id (hex SHA-256 of the public key) of the identity named NAME.
 * A placeholder that cannot be resolved is left unresolved and the attempt's outcome says so.
 */
export type PlaceholderText = string;

/**
 * Where `device.nonce` (and the signed nonce, unless `signNonce` says otherwise) comes from:
 * "challenge" this socket's connect.challenge nonce; "blank" "   "; "stale" the previous socket's challenge
 * nonce; "omit" no `nonce` property (schema violation; the signature then covers ""); any other string is used
 * literally (after placeholder substitution).
 */
export type DeviceNonceMode = "challenge" | "blank" | "stale" | "omit" | (string & {});

export type DevicePayloadVersion = "v1" | "v2" | "v3";

export interface DeviceSpec {
  /** 32-byte Ed25519 private seed, hex. */
  readonly identitySeed: string;
  readonly payloadVersion: DevicePayloadVersion;
  /** signedAt = driver wall clock at send time + offset (same host as the gateway). Default 0. */
  readonly signedAtOffsetMs?: number;
  /** Default "challenge". */
  readonly nonce?: DeviceNonceMode;
  /** Nonce placed in the signed payload when it should differ from `device.nonce`. */
  readonly signNonce?: DeviceNonceMode;
  /** Token placed in the signed payload; default = auth.token ?? auth.deviceToken ?? auth.bootstrapToken ?? "". */
  readonly signToken?: PlaceholderText;
  /** Scopes placed in the signed payload; default = params.scopes ?? []. */
  readonly signScopes?: readonly string[];
  /** Sign with this other key (hex seed) while presenting the identity's public key. */
  readonly otherKeySeed?: string;
  /** Presented `device.id` instead of sha256(raw public key). */
  readonly idOverride?: string;
  /** Default "base64url" (raw 32-byte key, no padding). */
  readonly publicKeyFormat?: "base64url" | "pem" | "garbage";
  /** Default "base64url". */
  readonly signatureFormat?: "base64url" | "base64";
  /** Properties removed from the device object after it was built (e.g. ["nonce"]). */
  readonly omitFields?: readonly string[];
  /** Extra properties merged into the device object (schema probes). */
  readonly extraFields?: Readonly<Record<string, unknown>>;
}

export interface RpcCall {
  readonly method: string;
  readonly params?: unknown;
}

export type ConnectSpec =
  | { readonly raw: PlaceholderText }
  | {
      readonly params: Readonly<Record<string, unknown>>;
      /** Request id; default "connect-1". */
      readonly id?: string;
      /** Pad the serialised frame with trailing JSON whitespace to exactly this many bytes. */
      readonly padToBytes?: number;
      /** Extra top-level frame properties (schema probes). */
      readonly frameExtra?: Readonly<Record<string, unknown>>;
    };

export interface Attempt {
  /** Unique within a suite; later attempts and reports refer to it. */
  readonly name: string;
  /** One line saying what the attempt probes. */
  readonly probe?: string;
  /** Local source address on the loopback net (e.g. "127.0.0.2") — gives the attempt its own limiter bucket. */
  readonly sourceAddress?: string;
  /** Request headers for the WebSocket upgrade (host, origin, x-forwarded-for, ...). */
  readonly headers?: Readonly<Record<string, PlaceholderText>>;
  /** Wire fault: send the pre-frames and `connect` as soon as the socket opens, without waiting for
   *  connect.challenge ({{nonce}} stays unresolved; the challenge is still observed when it arrives). */
  readonly sendBeforeChallenge?: boolean;
  /** Raw text frames sent after the challenge and before `connect`. */
  readonly preFrames?: readonly PlaceholderText[];
  /** Absent: nothing is sent after preFrames (e.g. to observe the handshake timeout). */
  readonly connect?: ConnectSpec;
  readonly device?: DeviceSpec;
  /** Requests sent one at a time after a successful hello-ok. */
  readonly afterHello?: readonly RpcCall[];
  /** Give up waiting for the server after this long (default 20000 ms). */
  readonly waitMsMax?: number;
  /** Restart the gateway first: its process stops (SIGTERM) and a new one starts with the same config and state
   *  folder; the attempt is sent once it serves again. The side that owns the gateway does the restart (conformance's
   *  sides and fixture replay); a driver given only a socket ignores it. */
  readonly gatewayRestart?: boolean;
}

export interface AttemptSuite {
  readonly identities: Readonly<Record<string, string>>;
  readonly attempts: readonly Attempt[];
}

// ---------------------------------------------------------------------------------------------------------
// Observed outcome

export interface ObservedError {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
  readonly retryable?: boolean;
  readonly retryAfterMs?: number;
}

export interface ObservedHelloOk {
  readonly protocol: unknown;
  readonly serverVersion: unknown;
  /** hello-ok.auth with secret values replaced by "<token>" and times by "<ts>". */
  readonly auth: unknown;
  readonly policy: unknown;
  /** Sorted top-level keys of the hello-ok payload. */
  readonly payloadKeys: readonly string[];
  /** Sorted keys of hello-ok.snapshot. */
  readonly snapshotKeys: readonly string[];
}

export interface ObservedRpc {
  readonly method: string;
  readonly ok: boolean;
  readonly error?: ObservedError;
  /** Sorted top-level keys of the payload (ok only). */
  readonly payloadKeys?: readonly string[];
  /** Small method-specific digest, e.g. pending/paired counts for device.pair.list. */
  readonly summary?: unknown;
}

export interface ObservedChallenge {
  readonly hasNonce: boolean;
  readonly nonceIsUuidV4: boolean;
  readonly ts?: "<ts>";
  readonly capabilities?: unknown;
  /** ms from socket open to the challenge. */
  readonly afterOpenMs: number;
}

export interface Outcome {
  /** Set when the HTTP upgrade was refused (no WebSocket). */
  readonly upgradeRefused?: { readonly status: number; readonly body: string };
  readonly challenge: ObservedChallenge | null;
  /** The response to the connect request, or null if none arrived. */
  readonly response: { readonly ok: boolean; readonly error?: ObservedError; readonly helloOk?: ObservedHelloOk } | null;
  /** Responses to pre-frames that were requests (e.g. first request not connect). */
  readonly preFrameResponses?: readonly unknown[];
  readonly rpc?: readonly ObservedRpc[];
  /** Close as seen by the client; `by` says who started it. */
  readonly close: { readonly code: number; readonly reason: string; readonly by: "server" | "client" } | null;
  /** ms from sending connect (or the last frame) to its response, or to the close if no response. */
  readonly elapsedMs: number;
  /** ms from sending connect to the server's close, when the server closed. */
  readonly closeAfterMs?: number;
  /** Sorted distinct event names received after the challenge. */
  readonly events: readonly string[];
  /** Driver-side problems (unresolved placeholder, timeout, socket error). */
  readonly notes?: readonly string[];
}

export interface AttemptRecord {
  readonly attempt: Attempt;
  readonly outcome: Outcome;
}
