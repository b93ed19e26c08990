// Shared by the step-kind tests: parse a RunSpec given as an object (checked against a profile when named) and
// run it with seed 1 under a profile.
import { findProfile, parseRunSpec, runScenario, specScenario, type Profile, type RunSpec } from "../../src/index.ts";

export function parse(spec: object, profile?: string) {
  return parseRunSpec(JSON.stringify(spec), "t.json", profile ? findProfile(profile) : undefined);
}

export async function run(spec: RunSpec | object, profile: Profile | string) {
  const parsed = parse(spec);
  if (!parsed.ok) throw new Error(parsed.message);
  const p = typeof profile === "string" ? findProfile(profile)! : profile;
  return runScenario(specScenario(parsed.spec), { seed: 1n, profile: p });
}
