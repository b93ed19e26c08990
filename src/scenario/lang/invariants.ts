// invariantsFor(refs, profile): the one registry of invariants a RunSpec can name, each built for the run's
// profile — release-dependent options (the nonce rule on loopback, whether revoke/rotate/shared-secret rotation
// close live sessions, the local backend's exemption) default from the profile's switches; options given in the
// spec win. "standard" is the library's set (defaultInvariants with convergence clocked by converge markers).
import {
  adversaryRefused,
  approvalWithinCaller,
  converges,
  cve202632034,
  defaultInvariants,
  noSilentRemotePairing,
  nonceSingleUse,
  reconnectLoopStops,
  retriesBounded,
  revokedTokenRefused,
  scopesWithinApproval,
  sharedSecretSessionsClosed,
  signedOverOwnChallenge,
  OPERATOR_ACTION_CODES,
  type DefaultInvariantsOptions,
  type Invariant,
} from "../../invariants/index.ts";
import type { TraceEvent } from "../../kernel/index.ts";
import { localBackendSkipsWithSharedSecret, type Profile } from "../../profiles/index.ts";
import type { InvariantRef, StepWhen } from "./spec.ts";
import { switchValue } from "./switch-value.ts";

/** Does a step (or an invariant ref) apply under this profile? */
export function stepApplies(when: StepWhen | undefined, profile: Profile): boolean {
  if (!when) return true;
  if (when.profiles && !when.profiles.includes(profile.name)) return false;
  if (when.notProfiles?.includes(profile.name)) return false;
  if (when.switch !== undefined) {
    const want = when.equals === undefined ? true : when.equals;
    if (JSON.stringify(switchValue(profile, when.switch)) !== JSON.stringify(want)) return false;
  }
  return true;
}

type Options = Record<string, unknown>;

/** Only notes marked as converge markers start the convergence clock (operator commands do not). */
export function isConvergeNote(event: TraceEvent): boolean {
  return event.kind === "note" && event.data["converge"] === true;
}

/** retries-bounded's `codes`: "+CODE" entries extend the operator-action codes instead of replacing them. */
function retryCodes(o: Options): Options {
  const codes = o["codes"];
  if (!Array.isArray(codes) || !codes.some((c) => typeof c === "string" && c.startsWith("+"))) return o;
  return { ...o, codes: [...OPERATOR_ACTION_CODES, ...codes.map((c: string) => c.replace(/^\+/, ""))] };
}

const factories: Record<string, (o: Options, p: Profile) => Invariant[]> = {
  "retries-bounded": (o) => [retriesBounded(retryCodes(o))],
  "reconnect-loop-stops": (o) => [reconnectLoopStops(o)],
  converges: (o) => [converges(o)],
  "nonce-single-use": () => [nonceSingleUse()],
  "signed-over-own-challenge": (o, p) => [signedOverOwnChallenge({ allowMissingNonceWhenLocal: p.gateway.nonceRequired === "remote-only", ...o })],
  "scopes-within-approval": (o) => [scopesWithinApproval(o)],
  "revoked-token-refused": (o, p) => [revokedTokenRefused({ closeLiveSessions: p.gateway.revokeClosesSessions, ...o })],
  "no-silent-remote-pairing": () => [noSilentRemotePairing()],
  "cve-2026-32034": (o) => [cve202632034(o)],
  "shared-secret-sessions-closed": (o, p) => [sharedSecretSessionsClosed({ closeLiveSessions: p.gateway.sharedSecretRotationClosesSessions, ...o })],
  "adversary-refused": () => [adversaryRefused()],
  "approval-within-caller": () => [approvalWithinCaller()],
  standard: (o, p) => standardInvariants(p, o as DefaultInvariantsOptions),
};

export const invariantNames = Object.keys(factories);

export function invariantRefName(ref: InvariantRef): string {
  return typeof ref === "string" ? ref : ref.name;
}

export function invariantsFor(refs: readonly InvariantRef[], profile: Profile): Invariant[] {
  return refs.flatMap((ref) => {
    const { name, when, ...options } = typeof ref === "string" ? { name: ref, when: undefined } : ref;
    if (!stepApplies(when, profile)) return [];
    const make = factories[name];
    if (!make) throw new Error(`unknown invariant '${name}' (one of ${invariantNames.join(", ")})`);
    return make(options, profile);
  });
}

/**
 * The library's standard set: defaultInvariants with convergence clocked by converge markers, and the
 * release-dependent members from the profile. `false` for a member leaves it out; other options pass through.
 */
export function standardInvariants(profile: Profile, options: DefaultInvariantsOptions = {}): Invariant[] {
  const { signedOverOwnChallenge: own, revokedTokenRefused: revoked, scopesWithinApproval: scopes, converges: conv, ...rest } = options;
  const exemptLocalBackend = localBackendSkipsWithSharedSecret(profile);
  const exemptSharedSecretOperators = profile.gateway.sharedAuthOperatorSkipsPairing;
  return [
    ...defaultInvariants({
      converges: conv === false ? false : { ...(conv ?? {}), isMarker: isConvergeNote },
      ...rest,
      scopesWithinApproval: scopes === false ? false : { exemptLocalBackend, exemptSharedSecretOperators, ...scopes },
      signedOverOwnChallenge: false,
      revokedTokenRefused: false,
    }),
    ...(own === false ? [] : [signedOverOwnChallenge({ allowMissingNonceWhenLocal: profile.gateway.nonceRequired === "remote-only", ...own })]),
    ...(revoked === false ? [] : [revokedTokenRefused({ closeLiveSessions: profile.gateway.revokeClosesSessions, ...revoked })]),
  ];
}
