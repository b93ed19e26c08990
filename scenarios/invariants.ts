// The library's invariant wiring: the standard set (defaultInvariants with convergence clocked by scenario
// notes), with the members that depend on the release built from the run's profile. Observers of the trace
// only; they never touch the world.
import {
  defaultInvariants,
  revokedTokenRefused,
  signedOverOwnChallenge,
  type ConvergesOptions,
  type DefaultInvariantsOptions,
  type Invariant,
  type Profile,
  type ScenarioContext,
  type TraceEvent,
} from "../src/index.ts";

/** Starts the convergence clock of convergeOnNotes: every watched client must reach hello from here. */
export function markConverge(ctx: ScenarioContext, text: string): void {
  ctx.note(text, { converge: true });
}

/** Only scenario notes marked with markConverge start the clock (operator commands do not). */
export function isConvergeNote(event: TraceEvent): boolean {
  return event.kind === "note" && event.data["converge"] === true;
}

/** defaultInvariants' options with convergence clocked by markConverge notes only. */
export function convergeOnNotes(options: Omit<ConvergesOptions, "isMarker"> = {}): DefaultInvariantsOptions["converges"] {
  return { ...options, isMarker: isConvergeNote };
}

/**
 * defaultInvariants with convergence clocked by markConverge notes, and the two release-dependent members set
 * from the profile: signed-over-own-challenge (the nonce is optional on loopback while the release requires it
 * only remotely) and revoked-token-refused (live sessions must close where the release closes them on revoke).
 * `false` for either leaves it out; other options pass through.
 */
export function libraryInvariants(profile: Profile, options: DefaultInvariantsOptions = {}): Invariant[] {
  const { signedOverOwnChallenge: own, revokedTokenRefused: revoked, scopesWithinApproval: scopes, ...rest } = options;
  const exemptLocalBackend = profile.gateway.localBackendPairingSkip === "also-shared-secret";
  return [
    ...defaultInvariants({
      converges: convergeOnNotes(),
      ...rest,
      scopesWithinApproval: scopes === false ? false : { exemptLocalBackend, ...scopes },
      signedOverOwnChallenge: false,
      revokedTokenRefused: false,
    }),
    ...(own === false ? [] : [signedOverOwnChallenge({ allowMissingNonceWhenLocal: profile.gateway.nonceRequired === "remote-only", ...own })]),
    ...(revoked === false ? [] : [revokedTokenRefused({ closeLiveSessions: profile.gateway.revokeClosesSessions, ...revoked })]),
  ];
}
