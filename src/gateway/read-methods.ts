// Read methods a client (the Control UI, the TUI, `openclaw status`) calls right after hello: chat.history,
// system-presence, config.get. Payload shapes follow the released gateway; the model has no transcripts, so
// chat.history answers an empty page for any session key. config.get answers the running config in
// OpenClaw's key words with secrets replaced by the release's redaction sentinel.
import { CHAT_HISTORY_LIMIT_DEFAULT, ErrorCodes, methodParamsError } from "../protocol/index.ts";
import { listPresence } from "./presence.ts";
import { resError, resOk } from "./responses.ts";
import type { Connection, GatewayOutput, GatewayRuntimeConfig, GatewayState, StepContext } from "./types.ts";

/** `REDACTED_SENTINEL` of the release's config redaction. */
export const configRedactedSentinel = "__OPENCLAW_REDACTED__";

export const readMethods = ["chat.history", "system-presence", "config.get"] as const;

type Params = Record<string, unknown>;

export function handleReadMethod(state: GatewayState, conn: Connection, id: string, method: string, params: Params, ctx: StepContext): GatewayOutput[] {
  const invalid = methodParamsError(method, params);
  if (invalid) return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: invalid })];
  switch (method) {
    case "chat.history":
      return [resOk(conn.connId, id, chatHistory(params))];
    case "system-presence":
      return [resOk(conn.connId, id, listPresence(state.presence, selfOf(state), ctx.nowMs))];
    case "config.get":
      return [resOk(conn.connId, id, configSnapshot(state.config))];
    default:
      return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: `unknown method: ${method}` })];
  }
}

export function selfOf(state: GatewayState): { host: string; version: string } {
  return { host: state.config.hostName ?? "gateway", version: state.config.version };
}

function chatHistory(params: Params): object {
  const limit = typeof params["limit"] === "number" ? params["limit"] : CHAT_HISTORY_LIMIT_DEFAULT;
  return { sessionKey: params["sessionKey"], messages: [], limit, thinkingLevel: "off" };
}

const redact = (value: string | undefined) => (value === undefined ? undefined : configRedactedSentinel);

/** The `gateway` section the running process loaded, redacted (what `config.get` shows of auth). */
export function redactedGatewayConfig(config: GatewayRuntimeConfig): Record<string, unknown> {
  const auth: Record<string, unknown> = { mode: config.auth.mode, allowTailscale: config.auth.allowTailscale };
  if (config.auth.token !== undefined) auth["token"] = redact(config.auth.token);
  if (config.auth.password !== undefined) auth["password"] = redact(config.auth.password);
  if (config.auth.rateLimit) auth["rateLimit"] = { ...config.auth.rateLimit };
  if (config.auth.trustedProxy) auth["trustedProxy"] = structuredClone(config.auth.trustedProxy);
  const gateway: Record<string, unknown> = { auth, controlUi: { ...config.controlUi } };
  if (config.trustedProxies.length > 0) gateway["trustedProxies"] = [...config.trustedProxies];
  if (config.allowRealIpFallback) gateway["allowRealIpFallback"] = true;
  if (config.nodes?.pairing?.autoApproveLocal !== undefined) gateway["nodes"] = { pairing: { ...config.nodes.pairing } };
  return gateway;
}

function configSnapshot(config: GatewayRuntimeConfig): object {
  const redacted = { gateway: redactedGatewayConfig(config) };
  return { path: config.configPath, exists: true, valid: true, config: redacted, issues: [], warnings: [], legacyIssues: [] };
}
