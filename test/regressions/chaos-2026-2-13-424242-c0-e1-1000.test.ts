// Regression emitted by `pnpm sim chaos --emit-test`: a shrunk chaos failure found under 2026.2.13,
// as the step-language file chaos-2026-2-13-424242-c0-e1-1000.yaml next to this test.
// Found: [retries-bounded] client node-0 made 5 connect attempts in 60 s after PAIRING_REQUIRED (limit 3)
// It runs under the fixed profile 2026.9 (green); CLAWSIM_PROFILE=2026.2.13 runs it where the bug
// is (red). By hand: pnpm sim run test/regressions/chaos-2026-2-13-424242-c0-e1-1000.yaml --profile 2026.2.13 --seed 424242
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findMutant, findProfile, parseRunSpec, profiles, runScenario, specScenario } from "../../src/index.ts";

const file = join(import.meta.dirname, "chaos-2026-2-13-424242-c0-e1-1000.yaml");
const seed = 424242n;
const profileName = process.env["CLAWSIM_PROFILE"] ?? "2026.9";
const profile = findProfile(profileName) ?? findMutant(profileName, profiles);

describe("chaos regression found under 2026.2.13, seed 424242 c0-e1@1000", () => {
  it("every invariant holds on the shrunk chaos plan (step-language file)", async () => {
    const parsed = parseRunSpec(readFileSync(file, "utf8"), file, profile!);
    if (!parsed.ok) throw new Error(parsed.message);
    const result = await runScenario(specScenario(parsed.spec), { seed, profile: profile! });
    expect(result.findings.map((f) => `[${f.invariant}] ${f.message}`)).toEqual([]);
  });
});
