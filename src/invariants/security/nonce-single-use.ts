// nonce-single-use: a challenge nonce is accepted in at most one successful hello. The nonce a hello
// accepted is the `device.nonce` of the connect request the gateway received on that connection; a second
// session whose connect carried an already-accepted nonce is a replay the gateway let through. Whether the
// nonce matched the connection's own challenge is signed-over-own-challenge's concern.
import type { TraceEvent } from "../../kernel/index.ts";
import { FindingList, formatMs, refOf, shortId, type EventRef } from "../findings.ts";
import type { Invariant, InvariantFinding } from "../invariant.ts";
import { TraceReader } from "../trace-reader.ts";

export const nonceSingleUseName = "nonce-single-use";

class NonceSingleUse implements Invariant {
  readonly name = nonceSingleUseName;
  private readonly reader = new TraceReader();
  private readonly findings = new FindingList(nonceSingleUseName);
  /** nonce → the connection that issued it (its connect.challenge). */
  private readonly issuedOn = new Map<string, string>();
  /** nonce → the first hello that accepted it. */
  private readonly accepted = new Map<string, { readonly connId: string; readonly at: EventRef }>();

  onEvent(event: TraceEvent): void {
    for (const o of this.reader.read(event)) {
      if (o.kind === "challenge" && !this.issuedOn.has(o.nonce)) this.issuedOn.set(o.nonce, o.conn.connId);
      if (o.kind !== "session") continue;
      const nonce = o.conn.connect?.device?.nonce;
      if (nonce === undefined || o.session.deviceId === null) continue;
      const first = this.accepted.get(nonce);
      if (first === undefined) {
        this.accepted.set(nonce, { connId: o.conn.connId, at: refOf(event) });
        continue;
      }
      const issued = this.issuedOn.get(nonce);
      const device = o.session.deviceId ?? o.conn.connect?.device?.id ?? "?";
      this.findings.add(
        "correctness",
        `challenge nonce ${shortId(nonce)}${issued ? ` (issued on ${issued})` : ""} was accepted twice: the session on ${o.conn.connId} (device ${shortId(device)}) reused the nonce already accepted on ${first.connId} at ${formatMs(first.at.atMs)}`,
        refOf(event),
      );
    }
  }

  finish(): InvariantFinding[] {
    return this.findings.list();
  }
}

export function nonceSingleUse(): Invariant {
  return new NonceSingleUse();
}
