// approval-within-caller: a pairing approval made over RPC gives the device no operator token carrying a scope the
// approving session does not hold. Approving a request mints the device's token for the request's role — with the
// request's scopes, or the device's whole approved set when the request named none — so a caller holding only
// operator.pairing must not be able to hand out operator.admin that way (the caller check of device.pair.approve,
// spec §6.2/§6.4). Reads the approve answer's device record (its role and token summary) and the caller's session
// from the trace; approvals made inline during a connect (silent pairing) have no caller and are not judged.
import type { TraceEvent } from "../../kernel/index.ts";
import { resolveMissingRequestedScope } from "../../protocol/index.ts";
import { FindingList, refOf, scopeList, shortId } from "../findings.ts";
import type { Invariant, InvariantFinding } from "../invariant.ts";
import { asRecord, str, strings, type Fields } from "../trace-fields.ts";
import { TraceReader, type ConnRecord } from "../trace-reader.ts";

export const approvalWithinCallerName = "approval-within-caller";

class ApprovalWithinCaller implements Invariant {
  readonly name = approvalWithinCallerName;
  private readonly reader = new TraceReader();
  private readonly findings = new FindingList(approvalWithinCallerName);

  onEvent(event: TraceEvent): void {
    for (const o of this.reader.read(event)) {
      if (o.kind === "rpc-answer" && o.ok && o.method === "device.pair.approve") this.check(event, o.conn, o.params, o.payload);
    }
  }

  private check(event: TraceEvent, conn: ConnRecord, params: Fields, payload: Fields | undefined): void {
    const session = conn.session;
    if (!session || session.role !== "operator") return;
    const device = asRecord(payload?.["device"]);
    // The token the approval minted is the one for the record's (the request's) primary role.
    if (str(device, "role") !== "operator") return;
    const tokens = Array.isArray(device?.["tokens"]) ? (device["tokens"] as unknown[]).map(asRecord) : [];
    const token = tokens.find((t) => str(t, "role") === "operator");
    if (!token) return;
    const scopes = strings(token["scopes"]);
    const missing = resolveMissingRequestedScope("operator", scopes, session.scopes);
    if (missing === null) return;
    const who = `${conn.connId} (scopes ${scopeList(session.scopes)}) approved request ${shortId(str(params, "requestId") ?? "?")}`;
    this.findings.add("correctness", `${who}, which gave device ${shortId(str(device, "deviceId") ?? "?")} an operator token with ${scopeList(scopes)}: ${missing} is beyond the approving caller's scopes`, refOf(event));
  }

  finish(): InvariantFinding[] {
    return this.findings.list();
  }
}

export function approvalWithinCaller(): Invariant {
  return new ApprovalWithinCaller();
}
