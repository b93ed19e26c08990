// node.pair.* and node.list after hello (spec §6.4): the node pairing store's RPC surface. Scopes come from the
// method table (node.pair.* in the pairing group, node.list read). Answers follow the 2026.3.31/2026.4.14
// handlers: unknown request ids answer `unknown requestId`, approve and reject broadcast `node.pair.resolved`.
import { ErrorCodes } from "../protocol/index.ts";
import { approveNodePairing, listNodePairing, nodeRequestId, rejectNodePairing, requestNodePairing } from "./node-pairing.ts";
import { broadcastToPairingOperators } from "./pairing-flow.ts";
import { log, resError, resOk } from "./responses.ts";
import type { Connection, GatewayOutput, GatewayState, StepContext } from "./types.ts";

export const nodePairingMethods: readonly string[] = ["node.pair.request", "node.pair.list", "node.pair.approve", "node.pair.reject", "node.list"];

type Params = Record<string, unknown>;

function text(params: Params, key: string): string | undefined {
  const v = params[key];
  return typeof v === "string" && v.trim() ? v.trim() : undefined;
}

export function handleNodePairingMethod(state: GatewayState, conn: Connection, id: string, method: string, params: Params, ctx: StepContext): GatewayOutput[] {
  const bad = (message: string) => [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message })];
  const store = state.nodes;
  switch (method) {
    case "node.pair.list":
      return [resOk(conn.connId, id, listNodePairing(store, ctx.nowMs))];
    case "node.pair.request": {
      const nodeId = text(params, "nodeId");
      if (!nodeId) return bad("invalid node.pair.request params: must have required property 'nodeId'");
      const commands = Array.isArray(params["commands"]) ? params["commands"].filter((c): c is string => typeof c === "string") : [];
      const platform = text(params, "platform");
      const { request, created } = requestNodePairing(store, { nodeId, commands, ...(platform ? { platform } : {}) }, ctx.nowMs, nodeRequestId(ctx.prng));
      const broadcast = created ? broadcastToPairingOperators(state, "node.pair.requested", request) : [];
      return [...broadcast, resOk(conn.connId, id, { status: "pending", request, created })];
    }
    case "node.pair.approve": {
      const requestId = text(params, "requestId");
      if (!requestId) return bad("invalid node.pair.approve params: must have required property 'requestId'");
      const node = approveNodePairing(store, requestId, ctx.nowMs);
      if (!node) return bad("unknown requestId");
      const resolved = broadcastToPairingOperators(state, "node.pair.resolved", { requestId, nodeId: node.nodeId, decision: "approved", ts: ctx.nowMs });
      return [...resolved, resOk(conn.connId, id, { requestId, node }), log("node.pair.approved", { nodeId: node.nodeId, requestId })];
    }
    case "node.pair.reject": {
      const requestId = text(params, "requestId");
      if (!requestId) return bad("invalid node.pair.reject params: must have required property 'requestId'");
      const pending = rejectNodePairing(store, requestId, ctx.nowMs);
      if (!pending) return bad("unknown requestId");
      const resolved = broadcastToPairingOperators(state, "node.pair.resolved", { requestId, nodeId: pending.nodeId, decision: "rejected", ts: ctx.nowMs });
      return [...resolved, resOk(conn.connId, id, { requestId, nodeId: pending.nodeId }), log("node.pair.rejected", { nodeId: pending.nodeId, requestId })];
    }
    case "node.list":
      return [resOk(conn.connId, id, { ts: ctx.nowMs, nodes: knownNodes(state) })];
    default:
      return bad(`unknown method: ${method}`);
  }
}

/** Paired and connected nodes, one entry per node id: whether it is paired, connected, and its commands. */
function knownNodes(state: GatewayState): { nodeId: string; paired: boolean; connected: boolean; commands: string[] }[] {
  const nodes = new Map<string, { nodeId: string; paired: boolean; connected: boolean; commands: string[] }>();
  for (const node of state.nodes.paired.values()) nodes.set(node.nodeId, { nodeId: node.nodeId, paired: true, connected: false, commands: [...node.commands] });
  for (const conn of state.conns.values()) {
    const session = conn.session;
    if (conn.phase !== "connected" || session?.role !== "node") continue;
    const nodeId = session.node?.nodeId ?? session.deviceId ?? session.clientId;
    const entry = nodes.get(nodeId) ?? { nodeId, paired: false, connected: false, commands: [] };
    entry.connected = true;
    if (session.node) entry.commands = [...session.node.commands];
    nodes.set(nodeId, entry);
  }
  return [...nodes.values()];
}
