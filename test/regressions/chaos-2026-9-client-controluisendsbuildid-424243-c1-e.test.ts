// Regression emitted by `pnpm sim chaos --emit-test`: a shrunk chaos failure found under 2026.9~client.controlUiSendsBuildId.
// Found: [converges] client control-ui-1 did not reach hello within 200 s after note "heal: faults stop; the operator applies the token-drift recovery checklist" at 134.003 s; its last event: reconnect-scheduled at 321.03
// It runs under the fixed profile 2026.9 (green); CLAWSIM_PROFILE=2026.9~client.controlUiSendsBuildId runs it where the bug
// is (red).
import { describe, expect, it } from "vitest";
import { chaosScenario, findMutant, findPreset, findProfile, generatePlan, parseReplayPath, profiles, runScenario, selectPlan } from "../../src/index.ts";

const seed = 424243n;
const replayPath = "c1-e";
const profileName = process.env["CLAWSIM_PROFILE"] ?? "2026.9";
const profile = findProfile(profileName) ?? findMutant(profileName, profiles);

describe("chaos regression found under 2026.9~client.controlUiSendsBuildId, seed 424243 c1-e", () => {
  it("every invariant holds on the shrunk chaos plan", async () => {
    const preset = findPreset("light")!;
    const selection = parseReplayPath(replayPath)!;
    const plan = selectPlan(generatePlan(seed, preset), selection);
    const result = await runScenario(chaosScenario(plan, selection, preset), { seed, profile: profile! });
    expect(result.findings.map((f) => `[${f.invariant}] ${f.message}`)).toEqual([]);
  });
});
