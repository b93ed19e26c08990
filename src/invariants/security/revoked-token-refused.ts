// revoked-token-refused: once a device token is revoked or rotated away (device.token.revoke/rotate RPC
// answered ok, or an operator event naming the device), no session is opened with the old token; and with
// `closeLiveSessions` (the profile's revoke/rotate closes sessions) every live session of that device and
// role is closed by the gateway within `closeWithinMs`. Tokens are learnt from hello-ok and rotate answers.
import { assert, type TraceEvent } from "../../kernel/index.ts";
import { FindingList, formatMs, refOf, shortId, type EventRef } from "../findings.ts";
import type { Invariant, InvariantFinding } from "../invariant.ts";
import { str, type Fields } from "../trace-fields.ts";
import { TraceReader, type ConnRecord, type Observation, type SessionFacts } from "../trace-reader.ts";

export const revokedTokenRefusedName = "revoked-token-refused";
export const closeWithinMsDefault = 5_000;

export interface RevokedTokenRefusedOptions {
  /** The profile closes a device's live sessions of the role on revoke/rotate (S-Late). Default false. */
  readonly closeLiveSessions?: boolean;
  /** How long a live session may outlive the revoke, in virtual ms. */
  readonly closeWithinMs?: number;
}

const revokeCommands = new Set(["device.token.revoke", "revoke-device-token"]);
const rotateCommands = new Set(["device.token.rotate", "rotate-device-token"]);

interface Invalidation {
  readonly deviceId: string;
  readonly role: string;
  readonly how: string;
  readonly at: EventRef;
}

class RevokedTokenRefused implements Invariant {
  readonly name = revokedTokenRefusedName;
  private readonly reader = new TraceReader();
  private readonly findings = new FindingList(revokedTokenRefusedName);
  /** "deviceId/role" → tokens seen issued and not yet invalidated. */
  private readonly current = new Map<string, Set<string>>();
  private readonly invalidated = new Map<string, Invalidation>();
  /** Live device sessions by connection. */
  private readonly live = new Map<string, { readonly deviceId: string; readonly role: string }>();
  private readonly awaitingClose = new Map<string, Invalidation & { readonly deadlineMs: number }>();
  private readonly closeWithinMs: number;

  constructor(private readonly options: RevokedTokenRefusedOptions) {
    this.closeWithinMs = options.closeWithinMs ?? closeWithinMsDefault;
    assert(this.closeWithinMs >= 0, `${this.name}: closeWithinMs must not be negative`);
  }

  onEvent(event: TraceEvent): void {
    for (const [connId, wait] of [...this.awaitingClose]) if (event.atMs > wait.deadlineMs) this.notClosed(connId, wait, event.atMs);
    for (const o of this.reader.read(event)) this.observe(event, o);
  }

  private observe(event: TraceEvent, o: Observation): void {
    switch (o.kind) {
      case "hello-ok":
        return this.issued(o.conn.connect?.device?.id, str(o.auth, "role") ?? o.conn.connect?.role, str(o.auth, "deviceToken"));
      case "session":
        return this.session(event, o.conn, o.session);
      case "rpc-answer": {
        const how = revokeCommands.has(o.method) || rotateCommands.has(o.method) ? o.method : undefined;
        if (!o.ok || how === undefined) return;
        this.invalidate(event, how, o.params);
        if (rotateCommands.has(how)) this.issued(str(o.params, "deviceId"), str(o.params, "role") ?? "operator", str(o.payload, "token"));
        return;
      }
      case "operator":
        if (o.command !== undefined && (revokeCommands.has(o.command) || rotateCommands.has(o.command))) this.invalidate(event, o.command, o.data);
        return;
      case "conn-closing":
        this.live.delete(o.conn.connId);
        this.awaitingClose.delete(o.conn.connId);
        return;
      default:
        return;
    }
  }

  private issued(deviceId: string | undefined, role: string | undefined, token: string | undefined): void {
    if (deviceId === undefined || role === undefined || token === undefined) return;
    const key = `${deviceId}/${role}`;
    const tokens = this.current.get(key) ?? new Set<string>();
    tokens.add(token);
    this.current.set(key, tokens);
  }

  private invalidate(event: TraceEvent, how: string, params: Fields): void {
    const deviceId = str(params, "deviceId");
    if (deviceId === undefined) return;
    const role = str(params, "role") ?? "operator";
    const invalidation: Invalidation = { deviceId, role, how, at: refOf(event) };
    for (const token of this.current.get(`${deviceId}/${role}`) ?? []) this.invalidated.set(token, invalidation);
    this.current.delete(`${deviceId}/${role}`);
    if (!this.options.closeLiveSessions) return;
    for (const [connId, s] of this.live) {
      if (s.deviceId === deviceId && s.role === role) this.awaitingClose.set(connId, { ...invalidation, deadlineMs: event.atMs + this.closeWithinMs });
    }
  }

  private session(event: TraceEvent, conn: ConnRecord, session: SessionFacts): void {
    if (session.deviceId === null) return;
    this.live.set(conn.connId, { deviceId: session.deviceId, role: session.role });
    const auth = conn.connect?.auth;
    const token = auth?.deviceToken ?? auth?.token;
    const old = token === undefined || session.method !== "device-token" ? undefined : this.invalidated.get(token);
    if (!old) return;
    this.findings.add(
      "correctness",
      `the session on ${conn.connId} (device ${shortId(session.deviceId)}, role ${session.role}) was opened with device token ${shortId(token!)}, which ${old.how} invalidated at ${formatMs(old.at.atMs)}`,
      refOf(event),
    );
  }

  private notClosed(connId: string, wait: Invalidation & { deadlineMs: number }, nowMs: number): void {
    this.awaitingClose.delete(connId);
    const late = nowMs > wait.deadlineMs ? `more than ${formatMs(this.closeWithinMs)}` : `${formatMs(nowMs - wait.at.atMs)} (when the run ended)`;
    this.findings.add(
      "correctness",
      `the live ${wait.role} session of device ${shortId(wait.deviceId)} on ${connId} stayed open ${late} after ${wait.how} at ${formatMs(wait.at.atMs)} (limit ${formatMs(this.closeWithinMs)})`,
      wait.at,
    );
  }

  finish(context: { nowMs: number }): InvariantFinding[] {
    for (const [connId, wait] of [...this.awaitingClose]) this.notClosed(connId, wait, context.nowMs);
    return this.findings.list();
  }
}

export function revokedTokenRefused(options: RevokedTokenRefusedOptions = {}): Invariant {
  return new RevokedTokenRefused(options);
}
