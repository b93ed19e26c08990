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

/** Whether a local gateway-client/backend skips device pairing on a shared token or password login (switch
 *  localBackendPairingSkip: "also-shared-secret" in 2026.9, "shared-secret-only" in 2026.3.13). */
export function localBackendSkipsOnSharedSecret(profile: Profile): boolean {
  const skip = profile.gateway.localBackendPairingSkip;
  return skip === "also-shared-secret" || skip === "shared-secret-only";
}
