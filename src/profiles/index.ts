// Behaviour profiles: OpenClaw releases as data. Code reads switches; only this folder knows profile names.
import { profiles, profileDefault } from "./catalog.ts";
import type { Profile } from "./types.ts";

export type { ClientSwitches, GatewaySwitches, Profile, ServiceSwitches } from "./types.ts";
export { profiles, profileDefault };

export function findProfile(name: string): Profile | undefined {
  return profiles.find((p) => p.name === name);
}

export function profileNames(): string[] {
  return profiles.map((p) => p.name);
}
export { explainProfile, explainSwitches, type SwitchExplanation } from "./explain.ts";
export { describeProvenance, profileProvenance, type Provenance, type ProfileProvenance } from "./provenance.ts";
export { findFixedVariant, openBugs, openBugsOf, withBugFixed, withOpenBugsFixed, type OpenBug } from "./open-bugs.ts";

/** Whether a local gateway-client/backend that logs in with the shared secret may skip device pairing (always, only
 *  with the shared secret, or for a device not paired yet): such sessions get no approval the invariants could
 *  expect. localBackendPairingSkip "also-shared-secret" (2026.5 … 2026.9), "shared-secret-only" (2026.3.13),
 *  "device-token-or-shared-secret" (2026.4.14). */
export function localBackendSkipsWithSharedSecret(profile: Profile): boolean {
  const skip = profile.gateway.localBackendPairingSkip;
  return skip === "also-shared-secret" || skip === "device-token-or-shared-secret" || skip === "shared-secret-only";
}
