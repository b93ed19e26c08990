// The fast-check engine (src/chaos/draws.ts, plan-arbitrary.ts, sim/chaos-fc.ts): plans drawn by fast-check from
// the same drawing code as a chaos seed's plan are valid plans the step language says and runs like chaos's own
// interpreter; the same fast-check seed gives the same plans, shrinks and output; under 2026.2.13 (a known bug:
// a revoked device token's live session stays open) it finds a failure within a few plans and both shrinkers
// bring it down, and under 2026.9+fixed a bounded run finds nothing.
import { spawn } from "node:child_process";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UsageError, parseArgs } from "../../sim/args.ts";
import { runChaosCommand } from "../../sim/chaos.ts";
import { runFastCheck } from "../../sim/chaos-fc.ts";
import {
  chaosPlanArbitrary,
  chaosScenarioDirect,
  checkRunSpec,
  drawPlan,
  fcPlanAt,
  findFixedVariant,
  findPreset,
  findProfile,
  fullSelection,
  generatePlan,
  parseRunSpec,
  planToRunSpec,
  Prng,
  profiles,
  runScenario,
  selectPlan,
  specScenario,
  specToYaml,
  stepClient,
  stepKinds as chaosStepKinds,
  type ChaosPlan,
  type FaultPreset,
} from "../../src/index.ts";
import { invariantsOf, worldTrace } from "./world-trace.ts";

const light = findPreset("light")!;
const heavy = findPreset("heavy")!;
const root = join(import.meta.dirname, "..", "..");




/** A plan's shape as the generator promises it: the preset's client count, unique names, sorted steps in the safety phase, every step's client in the world. */
function shapeProblems(plan: ChaosPlan, preset: FaultPreset): string[] {
  const problems: string[] = [];
  if (plan.clients.length < preset.clientsMin || plan.clients.length > preset.clientsMax) problems.push(`${plan.clients.length} clients`);
  const names = new Set(plan.clients.map((c) => c.name));
  if (names.size !== plan.clients.length) problems.push("duplicate client names");
  plan.steps.forEach((s, i) => {
    if (i > 0 && plan.steps[i - 1]!.atMs > s.atMs) problems.push(`step ${i} out of order`);
    if (s.atMs < 0 || s.atMs > plan.safetyMs) problems.push(`step ${i} at ${s.atMs}`);
    const client = stepClient(s.step);
    if (client !== undefined && !names.has(client)) problems.push(`step ${i} names unknown client ${client}`);
  });
  return problems;
}

describe("chaosPlanArbitrary", () => {
  it("draws valid plans over the whole step vocabulary, each one said in the step language (schema, static check, YAML round trip)", () => {
    const kinds = new Set<string>();
    const faultsAndAttacks = new Set<string>();
    for (const preset of [light, heavy]) {
      for (const plan of fc.sample(chaosPlanArbitrary(preset), { seed: 12, numRuns: 60 })) {
        expect(shapeProblems(plan, preset)).toEqual([]);
        for (const s of plan.steps) {
          kinds.add(s.step.kind);
          if (s.step.kind === "fault") faultsAndAttacks.add(`fault:${s.step.fault.kind}`);
          if (s.step.kind === "adversary") faultsAndAttacks.add(`attack:${s.step.attack.kind}`);
        }
        const t = planToRunSpec(plan, preset, { profile: "2026.9" });
        if (!t.ok) throw new Error(t.message);
        const checked = checkRunSpec(JSON.parse(JSON.stringify(t.spec)), "x.yaml");
        expect(checked.ok ? [] : checked.problems).toEqual([]);
        const parsed = parseRunSpec(specToYaml(t.spec, { schemaRef: "../../schema/scenario.schema.json" }), "x.yaml", findProfile("2026.9")!);
        if (!parsed.ok) throw new Error(parsed.message);
      }
    }
    // Every chaos step kind, every fault and every attack appears in these 120 drawn plans (measured: fast-check
    // seed 11 misses only the clock jump, which needs a LAN client and the last of seven fault draws).
    expect([...kinds].sort()).toEqual([...chaosStepKinds].sort());
    expect(faultsAndAttacks.size).toBe(7 + 8);
  });

  it("runs through the step language to the same verdict, invariants and world trace as chaos's own interpreter", { timeout: 60_000 }, async () => {
    const profile = findProfile("2026.9")!;
    for (const plan of fc.sample(chaosPlanArbitrary(light), { seed: 5, numRuns: 4 })) {
      const t = planToRunSpec(plan, light, { profile: profile.name });
      if (!t.ok) throw new Error(t.message);
      const parsed = parseRunSpec(specToYaml(t.spec, { schemaRef: "../../schema/scenario.schema.json" }), "x.yaml", profile);
      if (!parsed.ok) throw new Error(parsed.message);
      const direct = await runScenario(chaosScenarioDirect(plan, fullSelection(plan), light), { seed: plan.seed, profile });
      const lang = await runScenario(specScenario(parsed.spec), { seed: plan.seed, profile });
      expect(lang.verdict).toBe(direct.verdict);
      expect(invariantsOf(lang)).toEqual(invariantsOf(direct));
      expect(worldTrace(lang)).toEqual(worldTrace(direct));
    }
  });

  it("is the seeded plan's drawing code: drawPlan on the seed's stream is generatePlan, and the same fast-check seed draws the same plans", () => {
    expect(drawPlan(17n, new Prng(17n, "chaos:plan"), heavy)).toEqual(generatePlan(17n, heavy));
    const a = fc.sample(chaosPlanArbitrary(light), { seed: 3, numRuns: 5 });
    expect(fc.sample(chaosPlanArbitrary(light), { seed: 3, numRuns: 5 })).toEqual(a);
    expect(fc.sample(chaosPlanArbitrary(light), { seed: 4, numRuns: 5 })).not.toEqual(a);
  });
});

describe("pnpm sim chaos --engine fast-check", () => {
  it("finds the 2026.2.13 bug within 20 plans, shrinks it with fast-check then jointly, and the shrunk plan replays from its fast-check path", { timeout: 60_000 }, async () => {
    const profile = findProfile("2026.2.13")!;
    const outcome = await runFastCheck({ fcSeed: 1, numRuns: 20, preset: light, profile });
    expect(outcome.found).toBe(true);
    if (!outcome.found) return;
    expect(outcome.runs).toBeLessThanOrEqual(20);
    expect(outcome.fcShrinks).toBeGreaterThan(0);
    expect(outcome.joint.steps).toBeLessThanOrEqual(15);
    expect(outcome.joint.steps).toBeLessThan(outcome.fcShrunk.steps);
    // The fast-check path gives the shrunk plan back; its joint selection still fails, and passes where the bug is fixed.
    const plan = fcPlanAt(light, 1, outcome.fcPath)!;
    expect(plan).toEqual(outcome.plan);
    const minimal = selectPlan(plan, outcome.joint.selection);
    const run = (p: typeof profile) => runScenario(chaosScenarioDirect(minimal, outcome.joint.selection, light), { seed: plan.seed, profile: p });
    expect(invariantsOf(await run(profile))).toContain(outcome.invariant);
    expect((await run(findFixedVariant("2026.9+fixed", profiles)!)).verdict).toBe("pass");
  });

  it("finds nothing under 2026.9+fixed in a bounded run", { timeout: 60_000 }, async () => {
    const outcome = await runFastCheck({ fcSeed: 2, numRuns: 12, preset: light, profile: findFixedVariant("2026.9+fixed", profiles)! });
    expect(outcome).toEqual({ found: false, runs: 12 });
  });

  it("is deterministic: the same fast-check seed gives the same runs, shrinks, paths and plan", { timeout: 60_000 }, async () => {
    const options = { fcSeed: 9, numRuns: 20, preset: light, profile: findProfile("2026.2.13")!, fcShrinkRunsMax: 25, jointShrinkRunsMax: 25 };
    const a = await runFastCheck(options);
    const b = await runFastCheck(options);
    expect(a.found).toBe(true);
    expect(b).toEqual(a);
  });
});

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function sim(args: readonly string[]): Promise<Outcome> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "sim", "main.ts"), ...args], { cwd: root, env: { ...process.env, CLAWSIM_DEBUG: "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("the CLI", () => {
  it("prints the same output for the same seed, and answers a bad flag combination with one line and exit 2", { timeout: 60_000 }, async () => {
    const clean = ["chaos", "--engine", "fast-check", "--runs", "3", "--seed", "5", "--profile", "2026.9+fixed", "--no-color"];
    const bad = ["chaos", "--engine", "fast-check", "--workers", "2"];
    const [first, second, refused] = await Promise.all([sim(clean), sim(clean), sim(bad)]);
    expect(first!.code).toBe(0);
    expect(first!.stdout).toContain("chaos (fast-check): 3 plan(s) under 2026.9+fixed with preset light, fast-check seed 5: no finding");
    expect(second!.stdout).toBe(first!.stdout);
    expect(refused!.code).toBe(2);
    expect(refused!.stderr.trim()).toBe("clawsim: --workers is not available with --engine fast-check");
  });

  it("refuses each bad combination with its own line (a UsageError, exit 2 in main)", async () => {
    const profile = findProfile("2026.9")!;
    const bad: [string[], string][] = [
      [["chaos", "--engine", "fast-check", "--kill-rate"], "--kill-rate is not available with --engine fast-check"],
      [["chaos", "--engine", "fast-check", "--shard", "1/2"], "--shard is not available with --engine fast-check"],
      [["chaos", "--engine", "fast-check", "--coverage"], "--coverage is not available with --engine fast-check"],
      [["chaos", "--engine", "fast-check", "--replay", "c0-e1"], "--replay with --engine fast-check needs the plan's --fc-path"],
      [["chaos", "--engine", "fast-check", "--fc-path", "0:1", "--runs", "3"], "--fc-path replays one plan; it takes no --runs"],
      [["chaos", "--fc-path", "1:2"], "--fc-path needs --engine fast-check"],
      [["chaos", "--engine", "fast-check", "--seed", "4294967296"], "--engine fast-check takes a --seed below 2^32 (fast-check's seed is 32-bit), got 4294967296"],
    ];
    for (const [argv, message] of bad) {
      const args = parseArgs(argv);
      await expect(runChaosCommand(args, args.seed ?? 1n, profile)).rejects.toThrow(new UsageError(message));
    }
    expect(() => parseArgs(["chaos", "--engine", "fc"])).toThrow("unknown --engine 'fc' (one of seeds, fast-check)");
    expect(() => parseArgs(["chaos", "--engine", "fast-check", "--fc-path", "1:x"])).toThrow("malformed --fc-path '1:x'");
  });
});
