// Read-only views of a gateway for expectations: live sessions per device, pending and paired records with
// their roles, scopes and pinned metadata. They read the reducer's state; they never change it.
import { nodePendingTtlMs } from "../gateway/index.ts";
import type { GatewayNode } from "./gateway-node.ts";

/** Connected sessions per device id ("" for device-less sessions). */
export function openSessionsByDevice(gateway: GatewayNode): Map<string, number> {
  const out = new Map<string, number>();
  if (!gateway.running) return out;
  for (const conn of gateway.state.conns.values()) {
    if (conn.phase !== "connected" || !conn.session) continue;
    const key = conn.session.deviceId ?? "";
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export interface PairingView {
  readonly pending: readonly { requestId: string; deviceId: string; role: string; scopes: readonly string[] }[];
  readonly paired: readonly { deviceId: string; roles: readonly string[]; scopes: readonly string[]; platform?: string; clientId?: string; tokenRoles: readonly string[] }[];
}

/** The pairing store as the gateway holds it now (or as last persisted when it is down). */
export function pairingView(gateway: GatewayNode): PairingView {
  const store = gateway.running ? gateway.state.store : gateway.persisted;
  if (!store) return { pending: [], paired: [] };
  return {
    pending: Object.values(store.pending).map((p) => ({ requestId: p.requestId, deviceId: p.deviceId, role: p.role ?? "operator", scopes: [...(p.scopes ?? [])] })),
    paired: Object.values(store.paired).map((d) => ({
      deviceId: d.deviceId,
      roles: [...(d.roles ?? (d.role ? [d.role] : []))],
      scopes: [...(d.scopes ?? [])],
      ...(d.platform !== undefined ? { platform: d.platform } : {}),
      ...(d.clientId !== undefined ? { clientId: d.clientId } : {}),
      tokenRoles: Object.values(d.tokens ?? {}).filter((t) => t.revokedAtMs === undefined).map((t) => t.role).sort(),
    })),
  };
}

export interface NodePairingView {
  readonly pending: readonly { requestId: string; nodeId: string; commands: readonly string[] }[];
  readonly paired: readonly { nodeId: string; commands: readonly string[] }[];
  /** Live node sessions with the commands node pairing let them offer (releases that pair nodes at connect). */
  readonly sessions: readonly { nodeId: string; commands: readonly string[] }[];
}

/** The host's node pairing files and the live node sessions (none while the gateway is down). */
export function nodePairingView(gateway: GatewayNode): NodePairingView {
  const nodes = gateway.nodesFile;
  const sessions: { nodeId: string; commands: readonly string[] }[] = [];
  if (gateway.running) {
    for (const conn of gateway.state.conns.values()) {
      const node = conn.phase === "connected" ? conn.session?.node : undefined;
      if (node) sessions.push({ nodeId: node.nodeId, commands: [...node.commands] });
    }
  }
  return {
    pending: [...nodes.pending.values()]
      .filter((p) => gateway.clock.nowMs() - p.ts <= nodePendingTtlMs)
      .map((p) => ({ requestId: p.requestId, nodeId: p.nodeId, commands: [...p.commands] })),
    paired: [...nodes.paired.values()].map((p) => ({ nodeId: p.nodeId, commands: [...p.commands] })),
    sessions,
  };
}
