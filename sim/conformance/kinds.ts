// Names the option kinds an Attempt exercises (client class, role, protocol, credential, every device-signing
// option, headers, after-hello calls), read off the attempt itself. Used to show and test generator coverage;
// it says nothing about what the gateway answers.
import type { Attempt } from "../oracle/attempt.ts";
import { allScopes, bogusClientId, bogusMode, clientIds, clientModes, foreignHost, foreignOrigin, otherKeySeed, wrongDeviceToken, wrongToken } from "./generate.ts";

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function paramKinds(params: Record<string, unknown>): string[] {
  const out: string[] = [];
  const client = params["client"];
  if (client === undefined) out.push("missing:client");
  const c = record(client);
  if (client !== undefined) {
    out.push(c["id"] === bogusClientId ? "client:bogus-id" : clientIds.includes(c["id"] as never) ? `client:${String(c["id"])}` : "client:other");
    out.push(c["mode"] === bogusMode ? "mode:bogus" : clientModes.includes(c["mode"] as never) ? `mode:${String(c["mode"])}` : "mode:other");
    if (c["version"] === undefined) out.push("missing:client.version");
    if (c["platform"] === undefined) out.push("missing:client.platform");
    if (c["buildId"] !== undefined) out.push(`buildId:${String(c["buildId"])}`);
  }
  if (params["minProtocol"] === undefined) out.push("missing:minProtocol");
  else out.push(`protocol:${String(params["minProtocol"])}-${String(params["maxProtocol"])}`);
  out.push(params["role"] === undefined ? "role:omit" : `role:${String(params["role"])}`);
  const scopes = params["scopes"];
  if (!Array.isArray(scopes)) out.push("scopes:omit");
  else if (scopes.length === 0) out.push("scopes:empty");
  else for (const scope of scopes) out.push(allScopes.includes(scope as never) ? `scope:${String(scope)}` : "scope:other");
  if (params["extra"] !== undefined) out.push("extra-param");
  return out;
}

function credentialKinds(auth: unknown): string[] {
  if (auth === undefined) return ["cred:none"];
  const a = record(auth);
  if (Object.keys(a).length === 0) return ["cred:empty-auth"];
  const out: string[] = [];
  const token = a["token"];
  if (token === "{{gatewayToken}}") out.push("cred:token");
  else if (token === wrongToken) out.push("cred:wrong-token");
  else if (token === "") out.push("cred:empty-token");
  else if (typeof token === "string" && token.startsWith("{{deviceToken:")) out.push("cred:device-token-as-token");
  if (a["password"] !== undefined) out.push("cred:password");
  const deviceToken = a["deviceToken"];
  if (deviceToken === wrongDeviceToken) out.push("cred:wrong-device-token");
  else if (typeof deviceToken === "string") out.push(deviceToken.endsWith("/node}}") ? "cred:device-token-node" : "cred:device-token");
  return out;
}

function deviceKinds(attempt: Attempt): string[] {
  const d = attempt.device;
  if (d === undefined) return ["device:absent"];
  const out = [`payload:${d.payloadVersion}`];
  if (d.otherKeySeed === otherKeySeed) out.push("sign:other-key");
  if (d.idOverride !== undefined) out.push(/^[0-9a-f]{64}$/.test(d.idOverride) ? "id:other-hex" : "id:not-hex");
  if (d.signedAtOffsetMs !== undefined) out.push(`signedAt:${d.signedAtOffsetMs / 1000}s`);
  out.push(`nonce:${d.nonce ?? "challenge"}`);
  if (d.publicKeyFormat !== undefined) out.push(`key:${d.publicKeyFormat}`);
  if (d.signatureFormat !== undefined) out.push(`signature:${d.signatureFormat}`);
  return out;
}

function headerKinds(headers: Readonly<Record<string, string>> | undefined): string[] {
  const host = headers?.["host"];
  const origin = headers?.["origin"];
  const out = [host === undefined ? "host:none" : host === foreignHost ? "host:foreign" : "host:local"];
  if (origin === undefined) out.push("origin:none");
  else if (origin === foreignOrigin) out.push("origin:foreign");
  else if (origin === "null") out.push("origin:null");
  else out.push(origin.includes("localhost") ? "origin:localhost" : "origin:local");
  return out;
}

/** Every option kind the attempt exercises, e.g. ["client:cli", "cred:wrong-token", "nonce:stale", ...]. */
export function optionKinds(attempt: Attempt): string[] {
  const connect = attempt.connect;
  const params = connect !== undefined && "params" in connect ? record(connect.params) : {};
  return [
    ...paramKinds(params),
    ...credentialKinds(params["auth"]),
    ...deviceKinds(attempt),
    ...headerKinds(attempt.headers),
    ...(attempt.afterHello ?? []).map((call) => `after:${call.method}`),
  ];
}
