// The shadow pairing model scopes-within-approval checks against, built only from what the trace shows:
// seeded pairings the scenario announces, pairing requests (pairing.required logs + the connect that caused
// them), silent approvals, and operator approve/reject/remove (RPC answers or operator events). It keeps
// what was approved per device — roles and scopes, as unions like approveDevicePairing — not tokens.
import { asRecord, str, strings, type Fields } from "../trace-fields.ts";
import type { PairingFacts } from "../trace-reader.ts";

export interface Approval {
  /** undefined: the seed named no roles, so roles are not checked for this device. */
  roles: Set<string> | undefined;
  readonly scopes: Set<string>;
}

function isScopeList(entry: SeededApproval): entry is readonly string[] {
  return Array.isArray(entry);
}

interface PendingRequest {
  readonly deviceId: string;
  readonly roles: Set<string>;
  readonly scopes: Set<string>;
}

/** A pre-seeded pairing: its approved scopes, or roles and scopes. */
export type SeededApproval = readonly string[] | { readonly roles?: readonly string[]; readonly scopes: readonly string[] };

export class ApprovalModel {
  private readonly approved = new Map<string, Approval>();
  private readonly pending = new Map<string, PendingRequest>();

  constructor(seed: Readonly<Record<string, SeededApproval>> = {}) {
    for (const [deviceId, entry] of Object.entries(seed)) {
      if (isScopeList(entry)) this.seed(deviceId, undefined, entry);
      else this.seed(deviceId, entry.roles, entry.scopes);
    }
  }

  /** A pre-seeded pairing announced in the trace: `{ deviceId, scopes, roles? }`. */
  seeded(data: Fields): void {
    const deviceId = str(data, "deviceId");
    if (deviceId !== undefined) this.seed(deviceId, Array.isArray(data["roles"]) ? strings(data["roles"]) : undefined, strings(data["scopes"]));
  }

  /** Seeds without roles switch the role check off for that device. */
  private seed(deviceId: string, roles: readonly string[] | undefined, scopes: readonly string[]): void {
    const approval = this.approved.get(deviceId) ?? { roles: new Set<string>(), scopes: new Set<string>() };
    if (roles === undefined) approval.roles = undefined;
    this.approved.set(deviceId, approval);
    this.merge(deviceId, roles ?? [], scopes);
  }

  approvalOf(deviceId: string): Approval | undefined {
    return this.approved.get(deviceId);
  }

  /** A pairing requirement: merge the connect's role and scopes into its request; approve it when silent. */
  pairingRequired(p: PairingFacts): void {
    const key = p.requestId ?? `device:${p.deviceId}`;
    const request = this.pending.get(key) ?? this.successorOf(p.deviceId);
    const connect = p.conn?.connect;
    if (connect && connect.device?.id === p.deviceId) {
      request.roles.add(connect.role);
      for (const scope of connect.scopes) request.scopes.add(scope);
    }
    this.pending.set(key, request);
    if (p.silent) this.approve(key);
  }

  /**
   * A new request id for a device whose request is pending takes over the old one's roles and scopes (the
   * gateway merges, or replaces with the union on growth). Under a plain replace policy this over-approves:
   * a missed finding, never a false one.
   */
  private successorOf(deviceId: string): PendingRequest {
    const successor: PendingRequest = { deviceId, roles: new Set<string>(), scopes: new Set<string>() };
    for (const [key, request] of [...this.pending]) {
      if (request.deviceId !== deviceId) continue;
      for (const role of request.roles) successor.roles.add(role);
      for (const scope of request.scopes) successor.scopes.add(scope);
      this.pending.delete(key);
    }
    return successor;
  }

  /** device.pair.approve answered ok: the request as we saw it, else what the answer says was approved. */
  approvedByRpc(params: Fields, payload: Fields | undefined): void {
    const requestId = str(params, "requestId");
    if (requestId !== undefined && this.pending.has(requestId)) return this.approve(requestId);
    const device = asRecord(payload?.["device"]);
    const deviceId = str(device, "deviceId");
    if (deviceId === undefined) return;
    const scopes = device?.["approvedScopes"] !== undefined ? strings(device["approvedScopes"]) : strings(device?.["scopes"]);
    const roles = device?.["roles"] !== undefined ? strings(device["roles"]) : [str(device, "role") ?? "operator"];
    this.merge(deviceId, roles, scopes);
  }

  /** Approves every pending request of a device (operator event naming the device), or the one request named. */
  approveFor(target: { deviceId?: string; requestId?: string }): void {
    for (const [key, request] of [...this.pending]) {
      if (key === target.requestId || (target.deviceId !== undefined && request.deviceId === target.deviceId)) this.approve(key);
    }
  }

  rejectFor(target: { deviceId?: string; requestId?: string }): void {
    for (const [key, request] of [...this.pending]) {
      if (key === target.requestId || (target.deviceId !== undefined && request.deviceId === target.deviceId)) this.pending.delete(key);
    }
  }

  removeDevice(deviceId: string): void {
    this.approved.delete(deviceId);
  }

  private approve(key: string): void {
    const request = this.pending.get(key);
    if (!request) return;
    this.pending.delete(key);
    this.merge(request.deviceId, [...request.roles], [...request.scopes]);
  }

  private merge(deviceId: string, roles: readonly string[], scopes: readonly string[]): void {
    const approval = this.approved.get(deviceId) ?? { roles: new Set<string>(), scopes: new Set<string>() };
    if (approval.roles) for (const role of roles) approval.roles.add(role);
    for (const scope of scopes) approval.scopes.add(scope);
    this.approved.set(deviceId, approval);
  }
}
