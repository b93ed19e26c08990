// The standard invariant set. Every member can be tuned with its options or left out with `false`;
// per-profile facts (does revoke close live sessions, is the nonce optional for local clients, which
// pairings are seeded) are the scenario's to pass in — invariants do not read profiles.
import { converges, type ConvergesOptions } from "./converges.ts";
import type { Invariant } from "./invariant.ts";
import { reconnectLoopStops, type ReconnectLoopStopsOptions } from "./reconnect-loop-stops.ts";
import { retriesBounded, type RetriesBoundedOptions } from "./retries-bounded.ts";
import { cve202632034, type Cve202632034Options } from "./security/cve-2026-32034.ts";
import { noSilentRemotePairing } from "./security/no-silent-remote-pairing.ts";
import { nonceSingleUse } from "./security/nonce-single-use.ts";
import { revokedTokenRefused, type RevokedTokenRefusedOptions } from "./security/revoked-token-refused.ts";
import { scopesWithinApproval, type ScopesWithinApprovalOptions } from "./security/scopes-within-approval.ts";
import { signedOverOwnChallenge, type SignedOverOwnChallengeOptions } from "./security/signed-over-own-challenge.ts";

export interface DefaultInvariantsOptions {
  readonly retriesBounded?: RetriesBoundedOptions | false;
  readonly reconnectLoopStops?: ReconnectLoopStopsOptions | false;
  readonly converges?: ConvergesOptions | false;
  readonly nonceSingleUse?: Record<string, never> | false;
  readonly signedOverOwnChallenge?: SignedOverOwnChallengeOptions | false;
  readonly scopesWithinApproval?: ScopesWithinApprovalOptions | false;
  readonly revokedTokenRefused?: RevokedTokenRefusedOptions | false;
  readonly noSilentRemotePairing?: Record<string, never> | false;
  readonly cve202632034?: Cve202632034Options | false;
}

/** Fresh instances of every standard invariant (each run needs its own: they keep state). */
export function defaultInvariants(options: DefaultInvariantsOptions = {}): Invariant[] {
  const out: Invariant[] = [];
  const add = <O>(value: O | false | undefined, make: (o: O | Record<string, never>) => Invariant) => {
    if (value !== false) out.push(make(value ?? {}));
  };
  add(options.retriesBounded, (o) => retriesBounded(o));
  add(options.reconnectLoopStops, (o) => reconnectLoopStops(o));
  add(options.converges, (o) => converges(o));
  add(options.nonceSingleUse, () => nonceSingleUse());
  add(options.signedOverOwnChallenge, (o) => signedOverOwnChallenge(o));
  add(options.scopesWithinApproval, (o) => scopesWithinApproval(o));
  add(options.revokedTokenRefused, (o) => revokedTokenRefused(o));
  add(options.noSilentRemotePairing, () => noSilentRemotePairing());
  add(options.cve202632034, (o) => cve202632034(o));
  return out;
}
