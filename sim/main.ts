// `pnpm sim`: the command-line front of clawsim. Parses arguments, runs scenarios through the library,
// prints through the reporters. Only sim/ may read wall time, and only to say how long a run took.
import { caseScenario, checkRunSpec, ScenarioInputError, runSpecHash, specScenario, clawsimVersion, explainProfile, findFixedVariant, findMutant, findProfile, parseCaseFile, profileDefault, profiles, runScenario, type Profile, type RunResult, type RunSpec, type Seed } from "../src/index.ts";
import { findScenario, scenarios } from "../scenarios/index.ts";
import { parseArgs, usage, UsageError, type SimArgs } from "./args.ts";
import { exitCodeOf, printHeader, printResult } from "./output.ts";
import { assertShallow, prepareReportDir, readInputFile, scenarioFileBytesMax } from "./files.ts";
import { checkReplayHeader, checkReplayResult, readTraceFile } from "./replay-check.ts";
import { assertCaseFileSound } from "./case-check.ts";

import { markStarted, reportFatal } from "./fatal.ts";
import { runDiffCommand } from "./diff.ts";
import { runGateCommand } from "./gate.ts";
import { presetOf, runChaos, runChaosCommand, selectionOf } from "./chaos.ts";
import { runConformance } from "./conformance/index.ts";
import { runBisectCommand } from "./bisect.ts";
import { runExport } from "./export.ts";

export const seedDefault: Seed = 424242n;

async function main(argv: readonly string[]): Promise<number> {
  markStarted();
  const args = parseArgs(argv);
  if (args.reportDir !== undefined) prepareReportDir(args.reportDir);
  switch (args.command) {
    case "help":
      console.log(usage);
      return 0;
    case "list":
      for (const s of scenarios) console.log(`${s.name}  ${s.description}`);
      return 0;
    case "profiles":
      return listProfiles(args);
    case "run-scenario":
      return runNamed(args);
    case "run-file":
      return runFile(args);
    case "replay":
      return replay(args);
    case "gate":
      return runGateCommand(args, args.seed ?? seedDefault);
    case "chaos":
      return runChaosCommand(args, args.seed ?? seedDefault, profileOf(args));
    case "conformance":
      return runConformance(args);
    case "bisect":
      return runBisectCommand(args, args.seed ?? seedDefault);
    case "diff":
      return runDiffCommand(args);
    case "export":
      return runExport(args);
    default:
      throw new UsageError(`'${args.command}' is not built yet (see README: what is not done)`);
  }
}

async function runFile(args: SimArgs): Promise<number> {
  const { path, file } = loadCaseFile(args.target!);
  const profile = profileOf(args, file.profile);
  assertFileFitsProfile(file, path, profile);
  const seed = args.seed ?? (file.seed !== undefined ? BigInt(file.seed) : seedDefault);
  printHeader(args, { seed: String(seed), scenario: file.name, profile: profile.name, version: clawsimVersion, source: { kind: "file", path } });
  const started = performance.now();
  const result = await runScenario(caseScenario(file), { seed, profile, budgets: budgetsOf(args), source: { kind: "file", path } }).catch((error: unknown) => {
    throw error instanceof ScenarioInputError ? new UsageError(`${path}: ${error.message}`) : error;
  });
  await printResult(result, args, performance.now() - started);
  return exitCodeOf(result, args);
}

/** Reads, parses and cross-checks a scenario file; every mistake is a UsageError naming the file. */
function loadCaseFile(path: string) {
  const text = readInputFile(path, "scenario file", scenarioFileBytesMax);
  assertShallow(text, path);
  let parsed: ReturnType<typeof parseCaseFile>;
  try {
    parsed = parseCaseFile(text, path);
  } catch (error) {
    throw new UsageError(`${path}: cannot be read as a scenario (${whyUnreadable(error)})`);
  }
  if (!parsed.ok) throw new UsageError(parsed.message.split("\n")[0]!.replace(/Maximum call stack size exceeded/, "nested too deeply"));
  assertCaseFileSound(parsed.file, path);
  return { path, file: parsed.file };
}

/** What the chosen release does not have (an option, a setting) is an input problem too, all of them at once. */
function assertFileFitsProfile(file: RunSpec, path: string, profile: Profile): void {
  const checked = checkRunSpec(file, path, profile);
  if (!checked.ok) throw new UsageError(checked.message.split("\n")[0]!);
}

function whyUnreadable(error: unknown): string {
  const message = error instanceof Error ? error.message.split("\n")[0]! : "?";
  return /call stack/i.test(message) ? "nested too deeply" : message;
}

function budgetsOf(args: SimArgs) {
  return { ...(args.stepsMax ? { stepsMax: args.stepsMax } : {}), ...(args.virtualMsMax ? { virtualTimeMsMax: args.virtualMsMax } : {}) };
}

function listProfiles(args: SimArgs): number {
  if (args.explain === undefined) {
    for (const p of profiles) console.log(`${p.name}  ${p.era}: ${p.summary}`);
    return 0;
  }
  const profile = findProfile(args.explain);
  if (!profile) throw new UsageError(`unknown profile '${args.explain}' (pnpm sim --profiles lists them)`);
  for (const line of explainProfile(profile)) console.log(line);
  return 0;
}

function profileOf(args: SimArgs, fileProfile?: string) {
  const name = args.profile ?? fileProfile ?? profileDefault;
  const profile = findProfile(name) ?? findFixedVariant(name, profiles) ?? findMutant(name, profiles);
  if (!profile) throw new UsageError(`unknown profile '${name}' (pnpm sim --profiles lists them; '<profile>+fixed' fixes its open bugs)`);
  return profile;
}

/** Re-runs a recorded run from its trace.json and confirms the trace hash. */
async function replay(args: SimArgs): Promise<number> {
  const recorded = readTraceFile(args.target!);
  const again = checkReplayHeader(recorded, args.target!);
  const result = recorded.runSpec ? await replayEmbedded(recorded, again, args.target!) : await execute(again);
  checkReplayResult(recorded, result, args.target!);
  const same = result.traceHash === recorded.traceHash;
  console.log(`${same ? "REPRODUCED" : "DIFFERENT"}  ${recorded.replayCommand}`);
  console.log(`recorded ${recorded.traceHash}`);
  console.log(`replayed ${result.traceHash}`);
  return same ? 0 : 1;
}

/** Re-runs the scenario the trace carries (no library or file needed), with the recorded seed, profile, budgets. */
async function replayEmbedded(recorded: RunResult, again: SimArgs, path: string): Promise<RunResult> {
  const { content, hash } = recorded.runSpec!;
  if (runSpecHash(content) !== hash) throw new UsageError(`${path}: the embedded scenario does not match its hash ${hash}; the file was edited`);
  const profile = profileOf(again, recorded.profile);
  const checked = checkRunSpec(content, `${path} (embedded scenario)`, profile);
  if (!checked.ok) throw new UsageError(checked.message);
  const seed = again.seed ?? BigInt(recorded.seed);
  return runScenario(specScenario(checked.spec), { seed, profile, budgets: budgetsOf(again), source: recorded.source });
}

/** Runs a library scenario or a scenario file as the arguments say, without printing. */
async function execute(args: SimArgs): Promise<RunResult> {
  const budgets = budgetsOf(args);
  if (args.command === "chaos") return runChaos(args.seed ?? seedDefault, presetOf(args), profileOf(args), selectionOf(args));
  if (args.command === "run-file") {
    const { path, file } = loadCaseFile(args.target!);
    const profile = profileOf(args, file.profile);
    assertFileFitsProfile(file, path, profile);
    return runScenario(caseScenario(file), { seed: args.seed ?? seedDefault, profile, budgets, source: { kind: "file", path } });
  }
  const scenario = findScenario(args.target!);
  if (!scenario) throw new UsageError(`unknown scenario '${args.target}' (pnpm sim --list lists them)`);
  return runScenario(scenario, { seed: args.seed ?? seedDefault, profile: profileOf(args), budgets });
}

async function runNamed(args: SimArgs): Promise<number> {
  const scenario = findScenario(args.target!);
  if (!scenario) throw new UsageError(`unknown scenario '${args.target}' (pnpm sim --list lists them)`);
  const profile = profileOf(args);
  const seed = args.seed ?? seedDefault;
  printHeader(args, { seed: String(seed), scenario: scenario.name, profile: profile.name, version: clawsimVersion, source: { kind: "library" } });
  const started = performance.now();
  const result: RunResult = await runScenario(scenario, { seed, profile, budgets: budgetsOf(args) });
  await printResult(result, args, performance.now() - started);
  return exitCodeOf(result, args);
}

main(process.argv.slice(2)).then((code) => process.exit(code), reportFatal);
