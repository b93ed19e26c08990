// After hello: the RPCs the model serves, with scope enforcement (spec §4.6, §6.4).
// Device management closes live sessions per the profile; the pairing store is persisted after each change.
import { ErrorCodes, methodDenialError, methodParamsError, methodScopeDecision, roleScopesAllow, type MethodScopeDecision } from "../protocol/index.ts";
import {
  approvalTokenOptions,
  approveDevicePairing,
  pairingApprovalRefusal,
  pendingRoleApprovalRefusal,
  pairingApprovalRefusalMessage,
  persistPairingStore,
  rejectDevicePairing,
  removePairedDevice,
  revokeDeviceToken,
  rotateDeviceToken,
  type DeviceAuthToken,
  type PairedDevice,
} from "./pairing-store.ts";
import { broadcastToPairingOperators, connectedDeviceIds } from "./pairing-flow.ts";
import { close, log, resError, resOk, type ErrorBody } from "./responses.ts";
import type { Connection, GatewayOutput, GatewayState, Session, StepContext } from "./types.ts";
import { handleReadMethod, readMethods } from "./read-methods.ts";
import { cronMethods, handleCronMethod } from "./cron.ts";
import { handleNodePairingMethod, nodePairingMethods } from "./node-methods.ts";

export const gatewayMethods: readonly string[] = Object.freeze([
  "health",
  "status",
  "chat.send",
  "chat.abort",
  "device.pair.list",
  "device.pair.approve",
  "device.pair.reject",
  "device.pair.remove",
  "device.token.rotate",
  "device.token.revoke",
  "node.event",
]);
/**
 * Methods served beyond the advertised list: the read methods clients call after hello and cron.*. hello-ok
 * keeps advertising `gatewayMethods` (the model's auth-relevant subset) so existing traces stay as they were.
 */
export const servedMethods: readonly string[] = [...gatewayMethods, ...readMethods, ...cronMethods, ...nodePairingMethods];

export const gatewayEvents: readonly string[] = Object.freeze(["connect.challenge", "tick", "shutdown", "device.pair.requested", "device.pair.resolved"]);

type Params = Record<string, unknown>;

export function handleRequest(state: GatewayState, conn: Connection, id: string, method: string, params: Params, ctx: StepContext): GatewayOutput[] {
  const session = conn.session!;
  if (!servedMethods.includes(method)) {
    return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: `unknown method: ${method}` })];
  }
  const overrides = {
    "config.get": state.switches.configGetScope,
    ...(state.switches.healthNeedsReadScope ? { health: "operator.read" as const } : {}),
    ...(state.switches.devicePairRemove ? {} : { "device.pair.remove": "operator.admin" as const }),
  };
  const decision = methodScopeDecision(method, session.role, session.scopes, overrides);
  if (!decision.ok && !ownDeviceException(state, session, method, params)) return refuseCall(state, conn, id, decision);
  switch (method) {
    case "health":
      return [resOk(conn.connId, id, { ok: true, ts: ctx.nowMs })];
    case "status":
      return [resOk(conn.connId, id, { ok: true, connections: countConnected(state), paired: Object.keys(state.store.paired).length })];
    case "chat.send":
      if (state.switches.chatSendNeedsSessionKey && typeof params["sessionKey"] !== "string") {
        return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: "session mutation target is unavailable", details: { code: "SESSION_MUTATION_TARGET_REQUIRED", method: "chat.send" } })];
      }
      {
        const invalid = methodParamsError("chat.send", params);
        if (invalid) return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: invalid })];
      }
      return [resOk(conn.connId, id, { ok: true, messageId: `m-${ctx.prng.nextU32().toString(16)}` })];
    case "chat.abort":
      if (typeof params["sessionKey"] !== "string") {
        return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: "invalid chat.abort params: must have required property 'sessionKey'" })];
      }
      return [resOk(conn.connId, id, { ok: true, aborted: false })];
    case "node.event":
      return [resOk(conn.connId, id, { ok: true })];
    case "chat.history":
    case "system-presence":
    case "config.get":
      return handleReadMethod(state, conn, id, method, params, ctx);
    default:
      if (method.startsWith("cron.")) return handleCronMethod(state, conn, id, method, params, ctx);
      if (nodePairingMethods.includes(method)) return handleNodePairingMethod(state, conn, id, method, params, ctx);
      return deviceMethod(state, conn, id, method, params, ctx);
  }
}

function refuseCall(state: GatewayState, conn: Connection, id: string, decision: Exclude<MethodScopeDecision, { ok: true }>): GatewayOutput[] {
  const session = conn.session!;
  session.unauthorizedCalls++;
  const error = methodDenialError(decision, { missingScopeStyle: state.switches.missingScopeAnswer });
  const outputs = [resError(conn.connId, id, error as ErrorBody)];
  const floodMax = state.switches.unauthorizedFloodMax;
  if (floodMax !== null && session.unauthorizedCalls >= floodMax) outputs.push(close(conn.connId, 1008, "repeated unauthorized calls"));
  return outputs;
}

/** Late devices.ts: a paired device may rotate/revoke its own operator token without operator.pairing. */
function ownDeviceException(state: GatewayState, session: Session, method: string, params: Params): boolean {
  if (!state.switches.deviceOwnershipRule) return false;
  if (method !== "device.token.rotate" && method !== "device.token.revoke") return false;
  return session.deviceId !== null && params["deviceId"] === session.deviceId && session.role === "operator";
}

function countConnected(state: GatewayState): number {
  let n = 0;
  for (const c of state.conns.values()) if (c.phase === "connected") n++;
  return n;
}

function str(params: Params, key: string): string | undefined {
  const v = params[key];
  return typeof v === "string" && v.trim() ? v : undefined;
}

function deviceMethod(state: GatewayState, conn: Connection, id: string, method: string, params: Params, ctx: StepContext): GatewayOutput[] {
  const bad = (message: string) => [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message })];
  const persist = (): GatewayOutput => ({ kind: "persist", store: persistPairingStore(state.store) });
  switch (method) {
    case "device.pair.list":
      return [resOk(conn.connId, id, listDevices(state))];
    case "device.pair.approve": {
      const requestId = str(params, "requestId");
      const pendingRequest = requestId ? state.store.pending[requestId] : undefined;
      const refusal = !pendingRequest
        ? null
        : state.switches.approvalScopeChecks
          ? pairingApprovalRefusal(pendingRequest, state.store.paired[pendingRequest.deviceId], conn.session?.scopes ?? [], state.switches.approvalChecksHeldTokenScopes)
          : state.switches.approvalCallerScopesUnderPendingRole
            ? pendingRoleApprovalRefusal(pendingRequest, conn.session?.scopes ?? [])
            : null;
      if (refusal) return bad(pairingApprovalRefusalMessage(refusal));
      const device = requestId ? approveDevicePairing(state.store, requestId, ctx.nowMs, ctx.prng, approvalTokenOptions(state.switches)) : null;
      if (!device || !requestId) return bad("unknown requestId");
      const resolved = broadcastToPairingOperators(state, "device.pair.resolved", { requestId, deviceId: device.deviceId, decision: "approved", ts: ctx.nowMs });
      return [persist(), resOk(conn.connId, id, { requestId, device: redact(device) }), ...resolved];
    }
    case "device.pair.reject": {
      const requestId = str(params, "requestId");
      const pending = requestId ? rejectDevicePairing(state.store, requestId) : null;
      if (!pending || !requestId) return bad("unknown requestId");
      const resolved = broadcastToPairingOperators(state, "device.pair.resolved", { requestId, deviceId: pending.deviceId, decision: "rejected", ts: ctx.nowMs });
      return [persist(), resOk(conn.connId, id, { requestId, deviceId: pending.deviceId }), ...resolved];
    }
    case "device.pair.remove": {
      // Without the method (2026.2.12): the scope check above asked for operator.admin, then no handler.
      if (!state.switches.devicePairRemove) return bad(`unknown method: ${method}`);
      const deviceId = str(params, "deviceId");
      if (!deviceId || !removePairedDevice(state.store, deviceId, { dropPending: state.switches.removeDropsPending })) return bad("unknown deviceId");
      return [persist(), resOk(conn.connId, id, { deviceId }), ...disconnectDevice(state, deviceId, undefined)];
    }
    case "device.token.rotate":
      return rotate(state, conn, id, params, ctx);
    case "device.token.revoke": {
      const deviceId = str(params, "deviceId");
      const role = str(params, "role") ?? "operator";
      const entry = deviceId ? revokeDeviceToken(state.store, { deviceId, role, nowMs: ctx.nowMs, removeRole: state.switches.revokeRemovesRole }) : null;
      if (!entry || !deviceId) return bad("unknown device token");
      const closes = state.switches.revokeClosesSessions ? disconnectDevice(state, deviceId, role) : [];
      return [persist(), resOk(conn.connId, id, { deviceId, role, revokedAtMs: entry.revokedAtMs }), ...closes];
    }
    default:
      return bad(`unknown method: ${method}`);
  }
}

function rotate(state: GatewayState, conn: Connection, id: string, params: Params, ctx: StepContext): GatewayOutput[] {
  const session = conn.session!;
  const deviceId = str(params, "deviceId");
  const role = str(params, "role") ?? "operator";
  const scopes = Array.isArray(params["scopes"]) ? (params["scopes"] as unknown[]).filter((s): s is string => typeof s === "string") : undefined;
  const denied = () => [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: "device token rotation denied" })];
  if (!deviceId) return denied();
  if (state.switches.rotateBoundedByCaller && scopes && !roleScopesAllow(role, scopes, session.scopes, state.switches.roleScopePrefix)) return denied();
  const entry = rotateDeviceToken(state.store, { deviceId, role, scopes, nowMs: ctx.nowMs, prng: ctx.prng, impliedScopes: state.switches.impliedTokenScopes, needsApprovedRole: state.switches.deviceTokenNeedsApprovedRole, revokedRoleStaysApproved: state.switches.revokedRoleStaysApproved, emptyApprovalNoBaseline: state.switches.emptyApprovalNoBaseline, rolePrefix: state.switches.roleScopePrefix, scopeBaseline: state.switches.rotateScopeBaseline });
  if (!entry) return denied();
  const self = session.deviceId === deviceId;
  const inBand = !state.switches.deviceOwnershipRule || self;
  const payload: Record<string, unknown> = { deviceId, role, scopes: entry.scopes, rotatedAtMs: entry.rotatedAtMs };
  if (inBand) payload["token"] = entry.token;
  if (state.switches.deviceOwnershipRule) payload["tokenDelivery"] = self ? "in-band" : "withheld-cross-device";
  const closes = state.switches.rotateClosesSessions ? disconnectDevice(state, deviceId, role) : [];
  return [{ kind: "persist", store: persistPairingStore(state.store) }, resOk(conn.connId, id, payload), ...closes, log("device.token.rotated", { deviceId, role })];
}

/** disconnectClientsForDevice: close the device's live sessions (of one role) with 4001 "device removed". */
export function disconnectDevice(state: GatewayState, deviceId: string, role: string | undefined): GatewayOutput[] {
  const outputs: GatewayOutput[] = [];
  for (const c of state.conns.values()) {
    if (c.phase !== "connected" || c.session?.deviceId !== deviceId) continue;
    if (role && c.session.role !== role) continue;
    outputs.push(close(c.connId, 4001, "device removed"));
  }
  return outputs;
}

/**
 * A paired device as device.pair.list and device.pair.approve show it (redactPairedDevice in every dist read): no
 * approvedScopes, `connected` where the list has it (switch pairListConnected), then each token's summary sorted by
 * role, without the token itself; no `tokens` when it has none.
 */
function redact(device: PairedDevice, connected?: boolean): object {
  const { tokens, approvedScopes: _approved, ...rest } = device;
  const byRole = (a: DeviceAuthToken, b: DeviceAuthToken) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0);
  const summary = Object.values(tokens).sort(byRole).map((t) => ({ role: t.role, scopes: t.scopes, createdAtMs: t.createdAtMs, rotatedAtMs: t.rotatedAtMs, revokedAtMs: t.revokedAtMs, lastUsedAtMs: t.lastUsedAtMs }));
  return { ...rest, ...(connected !== undefined ? { connected } : {}), ...(summary.length > 0 ? { tokens: summary } : {}) };
}

function listDevices(state: GatewayState): object {
  const connected = connectedDeviceIds(state);
  return {
    pending: Object.values(state.store.pending),
    paired: Object.values(state.store.paired).map((d) => redact(d, state.switches.pairListConnected ? connected.has(d.deviceId) : undefined)),
  };
}
