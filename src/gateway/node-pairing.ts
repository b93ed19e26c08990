// Node pairing (spec §4.2 step 14, §6.4): which commands a node host may offer. A node id (the device id, else the
// client id) is node-paired with an approved command list; a node-role connect that is not node-paired, or that
// declares a command it was not approved for, files a node pairing request, which an operator approves or
// rejects with `node.pair.approve` / `node.pair.reject` (`openclaw nodes approve|reject`). Read in the
// openclaw@2026.3.31, 2026.4.14 and 2026.9.6 dists; the per-release differences are the profile switches
// `nodePairingOnConnect` and `nodePairingLimiter`.
//
// Modelled: the request (one per node, refreshed by an identical re-request, replaced with a new id when the
// command list differs), `node.pair.requested` / `node.pair.resolved` broadcasts, the connect-time reconciliation
// and the `node-pairing` limiter scope. Not modelled: the platform command allowlist (every declared command
// counts as allowlisted), caps and permissions, node tokens and `node.pair.verify`, the approval scopes a
// dangerous command needs, and 2026.9's auto-approval of the surface of a device approved by bootstrap or SSH.
import { uuidV4 } from "../kernel/index.ts";
import type { GatewaySwitches } from "../profiles/index.ts";
import type { ConnectParams } from "../protocol/index.ts";
import { definedOnly } from "./pairing-store.ts";

export interface NodePairingRequest {
  readonly requestId: string;
  readonly nodeId: string;
  readonly commands: readonly string[];
  readonly platform?: string;
  readonly displayName?: string;
  readonly remoteIp?: string;
  readonly ts: number;
}

export interface PairedNode {
  readonly nodeId: string;
  readonly commands: readonly string[];
  readonly platform?: string;
  readonly displayName?: string;
  readonly createdAtMs: number;
  readonly approvedAtMs: number;
}

/** The host's node pairing files: every gateway process reads them afresh, so crash and restart keep them. */
export interface NodePairingStore {
  readonly pending: Map<string, NodePairingRequest>;
  readonly paired: Map<string, PairedNode>;
}

export function emptyNodePairingStore(): NodePairingStore {
  return { pending: new Map(), paired: new Map() };
}

/** A pending request expires like a device pairing request (5 min). */
export const nodePendingTtlMs = 5 * 60_000;

function sameCommands(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

export function pruneNodePending(store: NodePairingStore, nowMs: number): void {
  for (const [id, request] of store.pending) if (nowMs - request.ts > nodePendingTtlMs) store.pending.delete(id);
}

export interface NodeRequestInput {
  readonly nodeId: string;
  readonly commands: readonly string[];
  readonly platform?: string;
  readonly displayName?: string;
  readonly remoteIp?: string;
}

/** requestNodePairing: one pending request per node; the same command list refreshes it (created: false). */
export function requestNodePairing(
  store: NodePairingStore,
  input: NodeRequestInput,
  nowMs: number,
  nextId: () => string,
): { request: NodePairingRequest; created: boolean } {
  pruneNodePending(store, nowMs);
  const existing = [...store.pending.values()].find((p) => p.nodeId === input.nodeId);
  if (existing && sameCommands(existing.commands, input.commands)) {
    const refreshed = { ...existing, ts: nowMs };
    store.pending.set(existing.requestId, refreshed);
    return { request: refreshed, created: false };
  }
  if (existing) store.pending.delete(existing.requestId);
  const request: NodePairingRequest = { ...definedOnly(input), nodeId: input.nodeId, commands: [...input.commands], requestId: nextId(), ts: nowMs };
  store.pending.set(request.requestId, request);
  return { request, created: true };
}

export function approveNodePairing(store: NodePairingStore, requestId: string, nowMs: number): PairedNode | null {
  pruneNodePending(store, nowMs);
  const pending = store.pending.get(requestId);
  if (!pending) return null;
  store.pending.delete(requestId);
  const existing = store.paired.get(pending.nodeId);
  const node: PairedNode = {
    nodeId: pending.nodeId,
    commands: [...pending.commands],
    ...(pending.platform !== undefined ? { platform: pending.platform } : {}),
    ...(pending.displayName !== undefined ? { displayName: pending.displayName } : {}),
    createdAtMs: existing?.createdAtMs ?? nowMs,
    approvedAtMs: nowMs,
  };
  store.paired.set(node.nodeId, node);
  return node;
}

export function rejectNodePairing(store: NodePairingStore, requestId: string, nowMs: number): NodePairingRequest | null {
  pruneNodePending(store, nowMs);
  const pending = store.pending.get(requestId);
  if (!pending) return null;
  store.pending.delete(requestId);
  return pending;
}

export function listNodePairing(store: NodePairingStore, nowMs: number): { pending: NodePairingRequest[]; paired: PairedNode[] } {
  pruneNodePending(store, nowMs);
  return { pending: [...store.pending.values()], paired: [...store.paired.values()] };
}

export interface NodeReconciliation {
  readonly nodeId: string;
  /** The commands this session may offer. */
  readonly effectiveCommands: readonly string[];
  /** A request filed by this connect (new or refreshed). */
  readonly pending?: { request: NodePairingRequest; created: boolean };
}

function declaredCommands(params: ConnectParams): string[] {
  const declared = Array.isArray(params.commands) ? params.commands : [];
  return [...new Set(declared.map((c) => c.trim()).filter((c) => c.length > 0))];
}

/**
 * reconcileNodePairingOnConnect for a node-role connect that passed auth and device pairing. `request` files the
 * request (the caller applies the limiter before it for a first-time request). Null when the release does not
 * pair nodes at connect.
 */
export function reconcileNodeOnConnect(options: {
  switches: GatewaySwitches;
  store: NodePairingStore;
  params: ConnectParams;
  remoteIp: string | undefined;
  request: (input: NodeRequestInput, firstTime: boolean) => { request: NodePairingRequest; created: boolean };
}): NodeReconciliation | null {
  const mode = options.switches.nodePairingOnConnect;
  if (mode === "none") return null;
  const { params } = options;
  const nodeId = params.device?.id ?? params.client.id;
  const declared = declaredCommands(params);
  const input: NodeRequestInput = {
    nodeId,
    commands: declared,
    ...(params.client.platform !== undefined ? { platform: params.client.platform } : {}),
    ...(params.client.displayName !== undefined ? { displayName: params.client.displayName } : {}),
    ...(options.remoteIp !== undefined ? { remoteIp: options.remoteIp } : {}),
  };
  const paired = options.store.paired.get(nodeId);
  if (!paired) {
    const pending = options.request(input, true);
    return { nodeId, effectiveCommands: mode === "pending-keeps-declared" ? declared : [], pending };
  }
  const approved = paired.commands;
  const upgrade = declared.some((c) => !approved.includes(c));
  const effectiveCommands = mode === "pending-keeps-declared" && upgrade ? [...approved] : declared.filter((c) => approved.includes(c));
  if (!upgrade) return { nodeId, effectiveCommands };
  return { nodeId, effectiveCommands, pending: options.request(input, false) };
}

export function nodeRequestId(prng: Parameters<typeof uuidV4>[0]): () => string {
  return () => uuidV4(prng);
}
