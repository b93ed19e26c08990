// Building and signing the `connect` request (spec §1.3, §3.2, §7.1): the client info, role, scopes, the
// chosen auth, and the device proof signed over the challenge nonce with the profile's payload version.
// It does not choose the credential (credentials.ts) nor send anything (client.ts).
import { buildSignaturePayload, signPayload } from "../crypto/index.ts";
import type { ConnectClientInfo, ConnectDevice, ConnectParams, RequestFrame } from "../protocol/index.ts";
import type { CredentialSelection } from "./credentials.ts";
import type { ClientConfig } from "./types.ts";

export interface ConnectRequestInput {
  readonly config: ClientConfig;
  readonly selection: CredentialSelection;
  /** undefined: no challenge came (challengeTimeoutAction connect-without-nonce); the proof is then v1. */
  readonly nonce: string | undefined;
  readonly signedAtMs: number;
  readonly requestId: string;
}

/** Stored scopes when reconnecting with the stored device token, else the configured scopes. */
export function requestedScopes(config: ClientConfig, selection: CredentialSelection): string[] {
  return [...(selection.storedScopes ?? config.scopes)];
}

function clientInfo(config: ClientConfig): ConnectClientInfo {
  const client: ConnectClientInfo = {
    id: config.clientId,
    version: config.clientVersion,
    platform: config.platform,
    mode: config.mode,
  };
  if (config.displayName !== undefined) client.displayName = config.displayName;
  if (config.deviceFamily !== undefined) client.deviceFamily = config.deviceFamily;
  if (config.instanceId !== undefined) client.instanceId = config.instanceId;
  if (config.buildId !== undefined) (client as ConnectClientInfo & { buildId?: string }).buildId = config.buildId;
  return client;
}

function deviceProof(input: ConnectRequestInput, scopes: readonly string[]): ConnectDevice | undefined {
  const { config, selection, nonce, signedAtMs } = input;
  const identity = config.identity;
  if (!identity) return undefined;
  const payload = buildSignaturePayload(nonce === undefined ? "v1" : config.switches.signatureVersion, {
    deviceId: identity.deviceId,
    clientId: config.clientId,
    clientMode: config.mode,
    role: config.role,
    scopes,
    signedAtMs,
    token: selection.signatureToken,
    nonce,
    platform: config.platform,
    deviceFamily: config.deviceFamily,
  });
  return {
    id: identity.deviceId,
    publicKey: identity.publicKeyBase64Url,
    signature: signPayload(identity, payload),
    signedAt: signedAtMs,
    ...(nonce !== undefined ? { nonce } : {}),
  };
}

export function buildConnectParams(input: ConnectRequestInput): ConnectParams {
  const { config, selection } = input;
  const scopes = requestedScopes(config, selection);
  const version = config.switches.protocolVersion;
  const params: ConnectParams = {
    minProtocol: version,
    maxProtocol: version,
    client: clientInfo(config),
    caps: [...config.caps],
    role: config.role,
    scopes,
  };
  if (config.commands !== undefined) params.commands = [...config.commands];
  if (selection.auth !== undefined) params.auth = { ...selection.auth };
  // 2026.9.6's page: the shared token it sends as auth.token doubles as auth.password when it has none.
  const auth = params.auth;
  const copies = config.kind === "control-ui" && config.switches.controlUiPasswordCopiesToken;
  if (copies && auth?.token !== undefined && auth.password === undefined && auth.token === selection.sharedToken) auth.password = auth.token;
  const device = deviceProof(input, scopes);
  if (device !== undefined) params.device = device;
  return params;
}

/** The request frame's JSON text. */
export function buildConnectFrame(input: ConnectRequestInput): { text: string; params: ConnectParams } {
  const params = buildConnectParams(input);
  const frame: RequestFrame = { type: "req", id: input.requestId, method: "connect", params };
  return { text: JSON.stringify(frame), params };
}
