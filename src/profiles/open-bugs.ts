// Open bugs: real bugs of a modelled release that no release has fixed yet, each with the switch values that
// fix it in the model. Chaos attributes a failure to an open bug only when the same seed passes with that fix
// applied, and the kill-rate gate judges the newest profile, and mutates it, with its open bugs fixed (else
// every mutant would be "killed" by the bug itself and the clean check could never pass).
import type { ClientSwitches, GatewaySwitches, Profile } from "./types.ts";

export interface OpenBug {
  readonly name: string;
  /** What goes wrong, one line. */
  readonly summary: string;
  /** The scenario file that reproduces it (fails under `profiles`, passes with `fix`). */
  readonly file: string;
  /** How it is known to be real. */
  readonly evidence: string;
  /** Profiles that carry it. */
  readonly profiles: readonly string[];
  readonly fix: { readonly client?: Partial<ClientSwitches>; readonly gateway?: Partial<GatewaySwitches> };
}

export const openBugs: readonly OpenBug[] = [
  {
    name: "control-ui-pending-retry",
    summary: "a Control UI tab whose device-token retry another tab pre-empted reconnects on AUTH_TOKEN_MISMATCH for ever after a shared-token rotation",
    file: "scenarios/files/control-ui-tab-without-token-pending-retry.yaml",
    evidence: "found by chaos (2026-12-04), confirmed against openclaw@2026.9.6 in Chromium: reports/live/control-ui-two-tabs-2026.9.6.md; not reported upstream",
    profiles: ["2026.8", "2026.9"],
    fix: { client: { pendingRetryDroppedWithoutStoredToken: true } },
  },
];

/** The open bugs a profile carries. */
export function openBugsOf(profile: Profile): OpenBug[] {
  return openBugs.filter((b) => b.profiles.includes(profile.name));
}

/** The profile with one open bug fixed (same name: it stands for the release as it would be with the fix). */
export function withBugFixed(profile: Profile, bug: OpenBug): Profile {
  return {
    ...profile,
    client: { ...profile.client, ...bug.fix.client },
    gateway: { ...profile.gateway, ...bug.fix.gateway },
  };
}

const fixedSuffix = "+fixed";

/**
 * `<profile>+fixed` (e.g. `2026.9+fixed`): the profile with its open bugs fixed, under that name — what the
 * kill-rate gate judges, for `pnpm sim chaos --profile 2026.9+fixed`. undefined for any other name.
 */
export function findFixedVariant(name: string, profiles: readonly Profile[]): Profile | undefined {
  if (!name.endsWith(fixedSuffix)) return undefined;
  const base = profiles.find((p) => p.name === name.slice(0, -fixedSuffix.length));
  return base ? { ...withOpenBugsFixed(base), name } : undefined;
}

/** The profile with every open bug it carries fixed. */
export function withOpenBugsFixed(profile: Profile): Profile {
  return openBugsOf(profile).reduce(withBugFixed, profile);
}
