// signed-over-own-challenge: no session for a device-bearing connect whose `device.nonce` is not the
// challenge nonce of that same connection. A connect without a nonce is accepted only when
// `allowMissingNonceWhenLocal` (S-Mar: the nonce is optional for local clients) and the gateway judged the
// connection local. The nonce's single use across connections is nonce-single-use's concern.
import type { TraceEvent } from "../../kernel/index.ts";
import { FindingList, refOf, shortId } from "../findings.ts";
import type { Invariant, InvariantFinding } from "../invariant.ts";
import { TraceReader, type ConnRecord, type SessionFacts } from "../trace-reader.ts";

export const signedOverOwnChallengeName = "signed-over-own-challenge";

export interface SignedOverOwnChallengeOptions {
  /** S-Feb/S-Mar: a local client may leave the nonce out. Default true; false for S-Late (always required). */
  readonly allowMissingNonceWhenLocal?: boolean;
}

class SignedOverOwnChallenge implements Invariant {
  readonly name = signedOverOwnChallengeName;
  private readonly reader = new TraceReader();
  private readonly findings = new FindingList(signedOverOwnChallengeName);
  /** nonce → the connection whose challenge carried it (to say where a foreign nonce came from). */
  private readonly issuedOn = new Map<string, string>();

  constructor(private readonly options: SignedOverOwnChallengeOptions) {}

  onEvent(event: TraceEvent): void {
    for (const o of this.reader.read(event)) {
      if (o.kind === "challenge" && !this.issuedOn.has(o.nonce)) this.issuedOn.set(o.nonce, o.conn.connId);
      if (o.kind === "session") this.check(event, o.conn, o.session);
    }
  }

  private check(event: TraceEvent, conn: ConnRecord, session: SessionFacts): void {
    const device = conn.connect?.device;
    // A device the gateway ignored (break-glass dangerouslyDisableDeviceAuth) proved nothing: not a device session.
    if (!device || session.deviceId === null) return;
    const who = `the session on ${conn.connId} (device ${shortId(device.id)})`;
    if (device.nonce === undefined) {
      if ((this.options.allowMissingNonceWhenLocal ?? true) && session.isLocal === true) return;
      const where = session.isLocal === false ? "a non-local connection" : "a connection of unknown locality";
      this.findings.add("correctness", `${who} was opened for a device connect without a nonce from ${where}`, refOf(event));
      return;
    }
    if (device.nonce === conn.challengeNonce) return;
    const own = conn.challengeNonce === undefined ? "no challenge was sent on that connection" : `its own challenge was ${shortId(conn.challengeNonce)}`;
    const foreign = this.issuedOn.get(device.nonce);
    const origin = foreign !== undefined ? ` (issued on ${foreign})` : "";
    this.findings.add("correctness", `${who} was opened with a device signature over nonce ${shortId(device.nonce)}${origin}, but ${own}`, refOf(event));
  }

  finish(): InvariantFinding[] {
    return this.findings.list();
  }
}

export function signedOverOwnChallenge(options: SignedOverOwnChallengeOptions = {}): Invariant {
  return new SignedOverOwnChallenge(options);
}
