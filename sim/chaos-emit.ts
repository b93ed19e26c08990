// Emitting a shrunk chaos failure: the minimal plan as a JSON scenario file (seed, preset, profile, replay path
// and the steps that ran, printable), the same plan in the step language as a YAML scenario file that
// `pnpm sim run` runs, and, with --emit-test, a vitest regression test that runs that YAML file through the
// normal runner and requires every invariant to hold — red while the bug is there, green once it is fixed.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { describeStep, generatePlan, parseReplayPath, planToRunSpec, schemaRepoPath, selectPlan, specToYaml, type ChaosPlan, type FaultPreset, type Profile } from "../src/index.ts";

/**
 * A plan that did not come from a chaos seed (the fast-check engine, sim/chaos-fc.ts): the plan itself, the command
 * that replays it, and its fast-check seed and path (for the regression test when no step-language file is made).
 */
export interface DrawnPlan {
  readonly plan: ChaosPlan;
  readonly replay: string;
  readonly fcSeed: number;
  readonly fcPath: string;
}

export interface EmittedFailure {
  readonly scenarioPath: string;
  /** The shrunk plan as a step-language file, and the command that runs it. */
  readonly yamlPath?: string;
  readonly runCommand?: string;
  /** Why no YAML file was written (a step without a translation). */
  readonly yamlRefused?: string;
  readonly testPath?: string;
}

const repoRoot = join(import.meta.dirname, "..");

/** The shrunk plan as a YAML scenario file (schema line relative to where it is written), or why not. */
export function chaosYamlFile(options: { seed: bigint; preset: FaultPreset; profile: Profile; path: string; yamlPath: string; drawn?: DrawnPlan | undefined }): { ok: true; text: string } | { ok: false; message: string } {
  const selection = parseReplayPath(options.path)!;
  const minimal = selectPlan(options.drawn?.plan ?? generatePlan(options.seed, options.preset), selection);
  const translated = planToRunSpec(minimal, options.preset, { selection, profile: options.profile.name });
  if (!translated.ok) return translated;
  const schemaRef = relative(dirname(resolve(options.yamlPath)), join(repoRoot, schemaRepoPath));
  const origin = `shrunk chaos failure: ${options.drawn?.replay ?? `pnpm sim chaos --seed ${options.seed} --profile ${options.profile.name} --preset ${options.preset.name} --replay ${options.path}`}`;
  return { ok: true, text: specToYaml(translated.spec, { schemaRef, origin }) };
}

export function runFileCommand(file: string, profile: string, seed: bigint): string {
  return `pnpm sim run ${file} --profile ${profile} --seed ${seed}`;
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").toLowerCase();
}

export function chaosScenarioFile(seed: bigint, preset: FaultPreset, profile: Profile, path: string, drawn?: DrawnPlan): Record<string, unknown> {
  const plan = drawn?.plan ?? generatePlan(seed, preset);
  const selection = parseReplayPath(path)!;
  const minimal = selectPlan(plan, selection);
  return {
    kind: "clawsim-chaos-scenario",
    seed: seed.toString(),
    preset: preset.name,
    profile: profile.name,
    replayPath: path,
    replay: drawn?.replay ?? `pnpm sim chaos --seed ${seed} --profile ${profile.name} --preset ${preset.name} --replay ${path}`,
    ...(drawn ? { engine: "fast-check", fcSeed: drawn.fcSeed, fcPath: drawn.fcPath } : {}),
    gateway: minimal.gateway,
    clients: minimal.clients,
    steps: minimal.steps.map((s) => ({ atMs: s.atMs, step: s.step, says: describeStep(s.step) })),
  };
}

/** The regression test: runs the YAML file next to it through the normal runner (parse, check, interpret). */
function yamlTestText(options: { seed: bigint; profile: string; fixed: string; path: string; invariant: string; message: string; yamlFile: string; engine?: string }): string {
  return `// Regression emitted by \`pnpm sim chaos ${options.engine ? `--engine ${options.engine} ` : ""}--emit-test\`: a shrunk chaos failure found under ${options.profile},
// as the step-language file ${options.yamlFile} next to this test.
// Found: [${options.invariant}] ${options.message.replace(/\n/g, " ").slice(0, 200)}
// It runs under the fixed profile ${options.fixed} (green); CLAWSIM_PROFILE=${options.profile} runs it where the bug
// is (red). By hand: ${runFileCommand(`test/regressions/${options.yamlFile}`, options.profile, options.seed)}
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findMutant, findProfile, parseRunSpec, profiles, runScenario, specScenario } from "../../src/index.ts";

const file = join(import.meta.dirname, ${JSON.stringify(options.yamlFile)});
const seed = ${options.seed}n;
const profileName = process.env["CLAWSIM_PROFILE"] ?? ${JSON.stringify(options.fixed)};
const profile = findProfile(profileName) ?? findMutant(profileName, profiles);

describe("chaos regression found under ${options.profile}, seed ${options.seed} ${options.path}", () => {
  it("every invariant holds on the shrunk chaos plan (step-language file)", async () => {
    const parsed = parseRunSpec(readFileSync(file, "utf8"), file, profile!);
    if (!parsed.ok) throw new Error(parsed.message);
    const result = await runScenario(specScenario(parsed.spec), { seed, profile: profile! });
    expect(result.findings.map((f) => \`[\${f.invariant}] \${f.message}\`)).toEqual([]);
  });
});
`;
}

function testText(options: { seed: bigint; preset: string; profile: string; fixed: string; path: string; invariant: string; message: string }): string {
  return `// Regression emitted by \`pnpm sim chaos --emit-test\`: a shrunk chaos failure found under ${options.profile}.
// Found: [${options.invariant}] ${options.message.replace(/\n/g, " ").slice(0, 200)}
// It runs under the fixed profile ${options.fixed} (green); CLAWSIM_PROFILE=${options.profile} runs it where the bug
// is (red).
import { describe, expect, it } from "vitest";
import { chaosScenario, findMutant, findPreset, findProfile, generatePlan, parseReplayPath, profiles, runScenario, selectPlan } from "../../src/index.ts";

const seed = ${options.seed}n;
const replayPath = ${JSON.stringify(options.path)};
const profileName = process.env["CLAWSIM_PROFILE"] ?? ${JSON.stringify(options.fixed)};
const profile = findProfile(profileName) ?? findMutant(profileName, profiles);

describe("chaos regression found under ${options.profile}, seed ${options.seed} ${options.path}", () => {
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

/** The regression test of a fast-check plan the step language cannot say: fast-check's seed and path give the plan back. */
function fcTestText(options: { seed: bigint; preset: string; profile: string; fixed: string; path: string; invariant: string; message: string; fcSeed: number; fcPath: string }): string {
  return `// Regression emitted by \`pnpm sim chaos --engine fast-check --emit-test\`: a shrunk chaos failure found under ${options.profile}.
// Found: [${options.invariant}] ${options.message.replace(/\n/g, " ").slice(0, 200)}
// It runs under the fixed profile ${options.fixed} (green); CLAWSIM_PROFILE=${options.profile} runs it where the bug
// is (red).
import { describe, expect, it } from "vitest";
import { chaosScenario, fcPlanAt, findMutant, findPreset, findProfile, parseReplayPath, profiles, runScenario, selectPlan } from "../../src/index.ts";

const fcSeed = ${options.fcSeed};
const fcPath = ${JSON.stringify(options.fcPath)};
const replayPath = ${JSON.stringify(options.path)};
const profileName = process.env["CLAWSIM_PROFILE"] ?? ${JSON.stringify(options.fixed)};
const profile = findProfile(profileName) ?? findMutant(profileName, profiles);

describe("chaos regression found under ${options.profile}, fast-check seed ${options.fcSeed} path ${options.fcPath} ${options.path}", () => {
  it("every invariant holds on the shrunk chaos plan", async () => {
    const preset = findPreset(${JSON.stringify(options.preset)})!;
    const selection = parseReplayPath(replayPath)!;
    const drawn = fcPlanAt(preset, fcSeed, fcPath)!;
    const plan = selectPlan(drawn, selection);
    const result = await runScenario(chaosScenario(plan, selection, preset), { seed: drawn.seed, profile: profile! });
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
  /** The profile where the bug is fixed (a mutant's parent, else the newest release). */
  fixed: string;
  /** A plan from the fast-check engine (`seed` is then the plan's run seed). */
  drawn?: DrawnPlan;
}): EmittedFailure {
  // A fast-check path is long: the file name carries its seed and a short digest of the path (the files say it whole).
  const origin = options.drawn ? `fc-${options.drawn.fcSeed}-${createHash("sha256").update(options.drawn.fcPath).digest("hex").slice(0, 10)}` : `${options.seed}`;
  const name = `chaos-${slug(options.profile.name)}-${origin}-${slug(options.path)}`;
  const scenarioPath = `${options.dir}/${name}.json`;
  mkdirSync(dirname(scenarioPath), { recursive: true });
  writeFileSync(scenarioPath, `${JSON.stringify(chaosScenarioFile(options.seed, options.preset, options.profile, options.path, options.drawn), null, 2)}\n`);
  const yaml = writeYaml(options, `${options.dir}/${name}.yaml`);
  if (!options.emitTest) return { scenarioPath, ...yaml };
  const testPath = `test/regressions/${name}.test.ts`;
  mkdirSync(dirname(testPath), { recursive: true });
  const common = { seed: options.seed, profile: options.profile.name, fixed: options.fixed, path: options.path, invariant: options.invariant, message: options.message };
  const testYaml = writeYaml(options, `test/regressions/${name}.yaml`);
  // The test runs the step-language file; a plan the translation refuses keeps the replay-path test.
  const text =
    testYaml.yamlPath !== undefined
      ? yamlTestText({ ...common, yamlFile: basename(testYaml.yamlPath), ...(options.drawn ? { engine: "fast-check" } : {}) })
      : options.drawn
        ? fcTestText({ ...common, preset: options.preset.name, fcSeed: options.drawn.fcSeed, fcPath: options.drawn.fcPath })
        : testText({ ...common, preset: options.preset.name });
  writeFileSync(testPath, text);
  return { scenarioPath, ...yaml, testPath };
}

function writeYaml(options: { seed: bigint; preset: FaultPreset; profile: Profile; path: string; drawn?: DrawnPlan | undefined }, yamlPath: string): Pick<EmittedFailure, "yamlPath" | "runCommand" | "yamlRefused"> {
  const yaml = chaosYamlFile({ ...options, yamlPath });
  if (!yaml.ok) return { yamlRefused: yaml.message };
  mkdirSync(dirname(yamlPath), { recursive: true });
  writeFileSync(yamlPath, yaml.text);
  return { yamlPath, runCommand: runFileCommand(yamlPath, options.profile.name, options.seed) };
}
