// scopes-within-approval: no device session gets a role or scope beyond what was approved for that
// device, judged against the shadow pairing model in approvals.ts (seeded pairings, silent approvals,
// operator approvals). Device-less sessions are exempt (cve-2026-32034 covers the one that matters), and
// so are auth methods for which the gateway skips pairing by design (`exemptAuthMethods`). Pre-seeded
// pairings come from the `seed` option or `pairing.seeded` notes in the trace.
import type { TraceEvent } from "../../kernel/index.ts";
import { resolveMissingRequestedScope, roleScopesAllow } from "../../protocol/index.ts";
import { FindingList, refOf, scopeList, shortId } from "../findings.ts";
import type { Invariant, InvariantFinding } from "../invariant.ts";
import { str } from "../trace-fields.ts";
import { TraceReader, type ConnRecord, type Observation, type SessionFacts } from "../trace-reader.ts";
import { ApprovalModel, type SeededApproval } from "./approvals.ts";

export const scopesWithinApprovalName = "scopes-within-approval";
/** A scenario note `{ what: "pairing.seeded", deviceId, scopes, roles? }` announces a pre-seeded pairing. */
export const pairingSeededNote = "pairing.seeded";

export interface ScopesWithinApprovalOptions {
  /** Pairings that exist before the run (deviceId → approved scopes, or roles and scopes); a scenario may
   *  also announce them in the trace with a `pairing.seeded` note. */
  readonly seed?: Readonly<Record<string, SeededApproval>>;
  /** Sessions with these auth methods are not checked: the gateway skips pairing for them
   *  (trusted-proxy Control UI; auth mode none under S-Late). Default ["trusted-proxy", "none"]. */
  readonly exemptAuthMethods?: readonly string[];
  /** The release lets a local gateway-client/backend without an Origin skip pairing with the shared secret
   *  (2026.9, localBackendPairingSkip "also-shared-secret"): such sessions are not checked. */
  readonly exemptLocalBackend?: boolean;
  /** With exemptLocalBackend: the exemption covers operator sessions only, so a node session of such a backend
   *  must hold an approved node role (2026.9 issues no node token, and opens no node session, for a role never
   *  approved: "authenticated node pairing identity unavailable"). Chaos holds every release to it. */
  readonly localBackendNodeNeedsApproval?: boolean;
  /** The release lets an operator that authenticated with the shared token or password skip pairing, Control UI
   *  and webchat excepted (2026.2.22, sharedAuthOperatorSkipsPairing): such sessions are not checked. */
  readonly exemptSharedSecretOperators?: boolean;
}

class ScopesWithinApproval implements Invariant {
  readonly name = scopesWithinApprovalName;
  private readonly reader = new TraceReader();
  private readonly findings = new FindingList(scopesWithinApprovalName);
  private readonly exemptLocalBackend: boolean;
  private readonly localBackendNodeNeedsApproval: boolean;
  private readonly exemptSharedSecretOperators: boolean;
  private readonly model: ApprovalModel;
  private readonly exempt: ReadonlySet<string>;

  constructor(options: ScopesWithinApprovalOptions) {
    this.model = new ApprovalModel(options.seed);
    this.exempt = new Set(options.exemptAuthMethods ?? ["trusted-proxy", "none"]);
    this.exemptLocalBackend = options.exemptLocalBackend ?? false;
    this.localBackendNodeNeedsApproval = options.localBackendNodeNeedsApproval ?? false;
    this.exemptSharedSecretOperators = options.exemptSharedSecretOperators ?? false;
  }

  onEvent(event: TraceEvent): void {
    for (const o of this.reader.read(event)) this.observe(event, o);
  }

  private observe(event: TraceEvent, o: Observation): void {
    switch (o.kind) {
      case "pairing-required":
        return this.model.pairingRequired(o.pairing);
      case "rpc-answer":
        if (!o.ok) return;
        if (o.method === "device.pair.approve") return this.model.approvedByRpc(o.params, o.payload);
        if (o.method === "device.pair.reject") return this.model.rejectFor({ requestId: str(o.params, "requestId") });
        if (o.method === "device.pair.remove") return this.model.removeDevice(str(o.params, "deviceId") ?? "");
        return;
      case "operator":
        return this.operator(o.command, o.data);
      case "note":
        if (o.data["what"] === pairingSeededNote) this.model.seeded(o.data);
        return;
      case "session":
        if (this.exemptLocalBackend && isLocalBackendBySharedSecret(o.conn, o.session) && !(this.localBackendNodeNeedsApproval && o.session.role === "node")) return;
        if (this.exemptSharedSecretOperators && isNonUiOperatorBySharedSecret(o.conn, o.session)) return;
        return this.check(event, o.conn.connId, o.session);
      default:
        return;
    }
  }

  private operator(command: string | undefined, data: TraceEvent["data"]): void {
    const target = { deviceId: str(data, "deviceId"), requestId: str(data, "requestId") };
    if (command === "approve-pending" || command === "device.pair.approve") this.model.approveFor(target);
    else if (command === "reject-pending" || command === "device.pair.reject") this.model.rejectFor(target);
    else if ((command === "remove-device" || command === "device.pair.remove") && target.deviceId !== undefined) this.model.removeDevice(target.deviceId);
  }

  private check(event: TraceEvent, connId: string, session: SessionFacts): void {
    const deviceId = session.deviceId;
    if (deviceId === null || (session.method !== undefined && this.exempt.has(session.method))) return;
    const who = `device ${shortId(deviceId)} got a session on ${connId} as ${session.role} with scopes ${scopeList(session.scopes)}`;
    const approval = this.model.approvalOf(deviceId);
    if (!approval) {
      this.findings.add("correctness", `${who}, but it was never approved (no pairing approval seen for it)`, refOf(event));
      return;
    }
    if (approval.roles && !approval.roles.has(session.role)) {
      this.findings.add("correctness", `${who}, but role ${session.role} was never approved for it (approved roles: ${scopeList([...approval.roles])})`, refOf(event));
      return;
    }
    const approved = [...approval.scopes];
    if (roleScopesAllow(session.role, session.scopes, approved)) return;
    const missing = resolveMissingRequestedScope(session.role, session.scopes, approved);
    // A non-operator role's scope counts only under its own `<role>.` prefix (spec §6.1, roleScopesAllow).
    const unprefixed = session.role !== "operator" && missing !== null && !missing.startsWith(`${session.role}.`);
    const why = unprefixed ? `${missing} is not a ${session.role} scope (a ${session.role} holds only \`${session.role}.\` scopes)` : `${missing} was never approved`;
    this.findings.add("correctness", `${who}, beyond what was approved for it (${scopeList(approved)}): ${why}`, refOf(event));
  }

  finish(): InvariantFinding[] {
    return this.findings.list();
  }
}

export function scopesWithinApproval(options: ScopesWithinApprovalOptions = {}): Invariant {
  return new ScopesWithinApproval(options);
}

/** gateway-client/backend, local, no Origin header, authenticated with the shared secret (read from the trace). */
function isNonUiOperatorBySharedSecret(conn: ConnRecord, session: SessionFacts): boolean {
  const ui = session.clientId === "openclaw-control-ui" || session.clientId === "webchat-ui" || conn.connect?.clientMode === "webchat";
  return session.role === "operator" && !ui && (session.method === "token" || session.method === "password");
}

function isLocalBackendBySharedSecret(conn: ConnRecord, session: SessionFacts): boolean {
  const headers = conn.openEvent?.data["headers"];
  const hasOrigin = headers !== null && typeof headers === "object" && "origin" in headers;
  const local = session.isLocal === true || loopbackPeer(conn);
  return session.clientId === "gateway-client" && conn.connect?.clientMode === "backend" && local && !hasOrigin && (session.method === "token" || session.method === "password");
}

/**
 * The locality the skipping release judges a local backend by (its localClient rule): a loopback peer with no
 * forwarding header, whatever its Host header says. Until 2026-12-04 only the request's locality counted, so a
 * chaos probe from the gateway host with `Host: gateway.example` made 2026.9's skip look like an unapproved
 * session (light seed 166).
 */
function loopbackPeer(conn: ConnRecord): boolean {
  const data = conn.openEvent?.data;
  const remote = typeof data?.["remoteAddress"] === "string" ? data["remoteAddress"] : "";
  const headers = data?.["headers"];
  const h = headers !== null && typeof headers === "object" ? (headers as Record<string, unknown>) : {};
  const loopback = remote.startsWith("127.") || remote === "::1" || remote.startsWith("::ffff:127.");
  return loopback && h["x-forwarded-for"] === undefined && h["x-real-ip"] === undefined && h["x-forwarded-host"] === undefined;
}
