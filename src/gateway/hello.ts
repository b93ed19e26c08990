// The hello-ok answer and the session it opens (spec §1.4, §4.2 steps 13–15).
import { gatewayEvents, gatewayMethods } from "./methods.ts";
import type { ConnectFacts } from "./connect.ts";
import type { DeviceAuthToken } from "./pairing-store.ts";
import { log } from "./responses.ts";
import { presenceAtConnect, presenceKeyFor, upsertPresence, type PresenceConnect } from "./presence.ts";
import type { Connection, GatewayOutput, GatewayState, StepContext } from "./types.ts";

export const maxPayloadBytes = 25 * 1024 * 1024;
export const maxBufferedBytes = 50 * 1024 * 1024;

export function helloOk(
  state: GatewayState,
  conn: Connection,
  ctx: StepContext,
  f: ConnectFacts,
  token: DeviceAuthToken | null,
  handoffTokens: readonly DeviceAuthToken[] = [],
): GatewayOutput[] {
  const sw = state.switches;
  conn.phase = "connected";
  const presenceConnect: PresenceConnect = { client: f.params.client, role: f.role, scopes: f.scopes, deviceId: f.device?.id ?? null };
  const presenceKey = presenceKeyFor(presenceConnect, conn.connId);
  if (presenceKey) upsertPresence(state.presence, presenceKey, presenceAtConnect(presenceConnect, conn), ctx.nowMs);
  conn.session = {
    role: f.role,
    scopes: f.scopes,
    clientId: f.params.client.id,
    clientMode: f.params.client.mode,
    deviceId: f.device?.id ?? null,
    authMethod: f.authMethod,
    // A session let in by a device token that names the shared auth's generation (2026.9, deviceTokenIssuer) is a
    // shared-auth session too: a change of the shared secret closes it (seen live: a Control UI tab on its stored
    // device token got 4001 "gateway auth changed" together with the tab on the token).
    usesSharedGatewayAuth: f.authMethod === "token" || f.authMethod === "password" || f.deviceTokenGeneration !== undefined,
    unauthorizedCalls: 0,
    presenceKey,
  };
  let auth: Record<string, unknown> | undefined;
  if (sw.helloAuthAlways) auth = sw.helloAuthMethod ? { method: f.authMethod, role: f.role, scopes: f.scopes } : { role: f.role, scopes: f.scopes };
  if (token) {
    const issued = { deviceToken: token.token, issuedAtMs: token.rotatedAtMs ?? token.createdAtMs };
    // helloAuthAlways reports the session's role and scopes; older releases report the token's.
    // `auth` is this function's own object: set in place (same key order as spreading it into a copy).
    if (auth) {
      if (sw.helloAuthTokenScopes) auth["scopes"] = token.scopes;
      auth["deviceToken"] = issued.deviceToken;
      auth["issuedAtMs"] = issued.issuedAtMs;
    } else auth = { ...issued, role: token.role, scopes: token.scopes };
    // A silent setup-code pairing hands the profile's other roles' tokens over too (S-Late `deviceTokens`).
    if (handoffTokens.length > 0) {
      auth["deviceTokens"] = handoffTokens.map((t) => ({ deviceToken: t.token, role: t.role, scopes: t.scopes, issuedAtMs: t.rotatedAtMs ?? t.createdAtMs }));
    }
  }
  const payload: HelloOkPayload = {
    protocol: sw.protocolVersion,
    server: { version: state.config.version, connId: conn.connId },
    snapshot: {
      presence: [],
      health: { ok: true },
      stateVersion: { presence: 0, health: 0 },
      uptimeMs: ctx.nowMs - state.startedAtMs,
      configPath: state.config.configPath,
      stateDir: state.config.stateDir,
    },
    policy: { maxPayload: maxPayloadBytes, maxBufferedBytes, tickIntervalMs: sw.tickIntervalMs },
    ...(auth ? { auth } : {}),
  };
  return [
    { kind: "timer-cancel", key: `handshake:${conn.connId}` },
    { kind: "send", connId: conn.connId, text: helloOkResponseText(f.requestId, payload) },
    { kind: "set-max-payload", connId: conn.connId, bytes: maxPayloadBytes },
    log("connect.hello", { connId: conn.connId, role: f.role, scopes: f.scopes, method: f.authMethod, deviceId: f.device?.id ?? null, clientId: f.params.client.id, isLocal: conn.isLocal, clientIp: conn.clientIp }),
  ];
}

/** The hello-ok payload's parts that vary; `type` and `features` are the same in every answer. */
export interface HelloOkPayload {
  readonly protocol: number;
  readonly server: { readonly version: string; readonly connId: string };
  readonly snapshot: Record<string, unknown>;
  readonly policy: Record<string, unknown>;
  readonly auth?: Record<string, unknown>;
}

let featuresJson: string | undefined;

/**
 * Exactly `JSON.stringify({ type: "res", id, ok: true, payload: { type: "hello-ok", protocol, server, features,
 * snapshot, policy, auth? } })` (a test holds it to that), with the constant feature lists serialised once
 * (`gatewayMethods` and `gatewayEvents` are frozen).
 */
export function helloOkResponseText(requestId: string, payload: HelloOkPayload): string {
  featuresJson ??= JSON.stringify({ methods: gatewayMethods, events: gatewayEvents });
  // One join: a flat string at once, not a tree of concatenations flattened again when the frame is read.
  return [
    '{"type":"res","id":',
    JSON.stringify(requestId),
    ',"ok":true,"payload":{"type":"hello-ok","protocol":',
    JSON.stringify(payload.protocol),
    ',"server":',
    JSON.stringify(payload.server),
    ',"features":',
    featuresJson,
    ',"snapshot":',
    JSON.stringify(payload.snapshot),
    ',"policy":',
    JSON.stringify(payload.policy),
    payload.auth === undefined ? "" : ',"auth":',
    payload.auth === undefined ? "" : JSON.stringify(payload.auth),
    "}}",
  ].join("");
}
