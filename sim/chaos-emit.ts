// Emitting a shrunk chaos failure: the minimal plan as a JSON scenario file (seed, preset, profile, replay path
// and the steps that ran, printable) and, with --emit-test, a vitest regression test that replays it and
// requires every invariant to hold — red while the bug is there, green once it is fixed.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { describeStep, generatePlan, parseReplayPath, selectPlan, type FaultPreset, type Profile } from "../src/index.ts";

export interface EmittedFailure {
  readonly scenarioPath: string;
  readonly testPath?: string;
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
}

export function chaosScenarioFile(seed: bigint, preset: FaultPreset, profile: Profile, path: string): Record<string, unknown> {
  const plan = generatePlan(seed, preset);
  const selection = parseReplayPath(path)!;
  const minimal = selectPlan(plan, selection);
  return {
    kind: "clawsim-chaos-scenario",
    seed: seed.toString(),
    preset: preset.name,
    profile: profile.name,
    replayPath: path,
    replay: `pnpm sim chaos --seed ${seed} --profile ${profile.name} --preset ${preset.name} --replay ${path}`,
    gateway: minimal.gateway,
    clients: minimal.clients,
    steps: minimal.steps.map((s) => ({ atMs: s.atMs, step: s.step, says: describeStep(s.step) })),
  };
}

function testText(options: { seed: bigint; preset: string; profile: string; path: string; invariant: string; message: string }): string {
  return `// Regression emitted by \`pnpm sim chaos --emit-test\`: a shrunk chaos failure under ${options.profile}.
// Found: [${options.invariant}] ${options.message.replace(/\n/g, " ").slice(0, 200)}
// Red while the bug is in the profile, green once it is fixed. CLAWSIM_PROFILE runs it under another profile.
import { describe, expect, it } from "vitest";
import { chaosScenario, findMutant, findPreset, findProfile, generatePlan, parseReplayPath, profiles, runScenario, selectPlan } from "../../src/index.ts";

const seed = ${options.seed}n;
const replayPath = ${JSON.stringify(options.path)};
const profileName = process.env["CLAWSIM_PROFILE"] ?? ${JSON.stringify(options.profile)};
const profile = findProfile(profileName) ?? findMutant(profileName, profiles);

describe("chaos regression ${options.profile} seed ${options.seed} ${options.path}", () => {
  it("every invariant holds on the shrunk chaos plan", async () => {
    const preset = findPreset(${JSON.stringify(options.preset)})!;
    const selection = parseReplayPath(replayPath)!;
    const plan = selectPlan(generatePlan(seed, preset), selection);
    const result = await runScenario(chaosScenario(plan, selection, preset), { seed, profile: profile! });
    expect(result.findings.map((f) => \`[\${f.invariant}] \${f.message}\`)).toEqual([]);
  });
});
`;
}

export function emitFailure(options: {
  seed: bigint;
  preset: FaultPreset;
  profile: Profile;
  path: string;
  invariant: string;
  message: string;
  dir: string;
  emitTest: boolean;
}): EmittedFailure {
  const name = `chaos-${slug(options.profile.name)}-${options.seed}-${slug(options.path)}`;
  const scenarioPath = `${options.dir}/${name}.json`;
  mkdirSync(dirname(scenarioPath), { recursive: true });
  writeFileSync(scenarioPath, `${JSON.stringify(chaosScenarioFile(options.seed, options.preset, options.profile, options.path), null, 2)}\n`);
  if (!options.emitTest) return { scenarioPath };
  const testPath = `test/regressions/${name}.test.ts`;
  mkdirSync(dirname(testPath), { recursive: true });
  writeFileSync(testPath, testText({ seed: options.seed, preset: options.preset.name, profile: options.profile.name, path: options.path, invariant: options.invariant, message: options.message }));
  return { scenarioPath, testPath };
}
