// `pnpm sim`: the command-line front of clawsim. Parses arguments, runs scenarios through the library,
// prints through the reporters. Only sim/ may read wall time, and only to say how long a run took.
import { readFileSync } from "node:fs";
import { caseScenario, checkRunSpec, findProfile, runSpecHash, specScenario, parseCaseFile, parseTraceJson, profileDefault, profiles, runScenario, type RunResult, type Seed } from "../src/index.ts";
import { findScenario, scenarios } from "../scenarios/index.ts";
import { parseArgs, usage, UsageError, type SimArgs } from "./args.ts";
import { printResult } from "./output.ts";
import { runGateCommand } from "./gate.ts";
import { presetOf, runChaos, runChaosCommand, selectionOf } from "./chaos.ts";
import { runConformance } from "./conformance/index.ts";
import { runExport } from "./export.ts";

export const seedDefault: Seed = 424242n;

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case "help":
      console.log(usage);
      return 0;
    case "list":
      for (const s of scenarios) console.log(`${s.name}  ${s.description}`);
      return 0;
    case "profiles":
      for (const p of profiles) console.log(`${p.name}  ${p.era}: ${p.summary}`);
      return 0;
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
    case "export":
      return runExport(args);
    default:
      throw new UsageError(`'${args.command}' is not built yet (see README: what is not done)`);
  }
}

async function runFile(args: SimArgs): Promise<number> {
  const path = args.target!;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`cannot read scenario file '${path}'`);
  }
  const parsed = parseCaseFile(text, path);
  if (!parsed.ok) throw new UsageError(parsed.message);
  const profile = profileOf(args, parsed.file.profile);
  const seed = args.seed ?? (parsed.file.seed !== undefined ? BigInt(parsed.file.seed) : seedDefault);
  if (!args.json) console.log(`seed ${seed}  profile ${profile.name}  file ${path}`);
  const started = performance.now();
  const result = await runScenario(caseScenario(parsed.file), { seed, profile, source: { kind: "file", path } });
  await printResult(result, args, performance.now() - started);
  return result.verdict === "pass" ? 0 : 1;
}

function profileOf(args: SimArgs, fileProfile?: string) {
  const name = args.profile ?? fileProfile ?? profileDefault;
  const profile = findProfile(name);
  if (!profile) throw new UsageError(`unknown profile '${name}' (pnpm sim --profiles lists them)`);
  return profile;
}

/** Re-runs a recorded run from its trace.json and confirms the trace hash. */
async function replay(args: SimArgs): Promise<number> {
  let text: string;
  try {
    text = readFileSync(args.target!, "utf8");
  } catch {
    throw new UsageError(`cannot read trace file '${args.target}'`);
  }
  const parsed = parseTraceJson(text);
  if (!parsed.ok) throw new UsageError(`${args.target}: ${parsed.message}`);
  const recorded = parsed.result;
  const words = recorded.replayCommand.replace(/^pnpm sim\s+/, "").split(/\s+/);
  const again = parseArgs(words);
  const result = recorded.runSpec ? await replayEmbedded(recorded, again, args.target!) : await execute(again);
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
  const budgets = { ...(again.stepsMax ? { stepsMax: again.stepsMax } : {}), ...(again.virtualMsMax ? { virtualTimeMsMax: again.virtualMsMax } : {}) };
  return runScenario(specScenario(checked.spec), { seed: again.seed ?? BigInt(recorded.seed), profile, budgets, source: recorded.source });
}

/** Runs a library scenario or a scenario file as the arguments say, without printing. */
async function execute(args: SimArgs): Promise<RunResult> {
  const budgets = { ...(args.stepsMax ? { stepsMax: args.stepsMax } : {}), ...(args.virtualMsMax ? { virtualTimeMsMax: args.virtualMsMax } : {}) };
  if (args.command === "chaos") return runChaos(args.seed ?? seedDefault, presetOf(args), profileOf(args), selectionOf(args));
  if (args.command === "run-file") {
    const parsed = parseCaseFile(readFileSync(args.target!, "utf8"), args.target!);
    if (!parsed.ok) throw new UsageError(parsed.message);
    const profile = profileOf(args, parsed.file.profile);
    return runScenario(caseScenario(parsed.file), { seed: args.seed ?? seedDefault, profile, budgets, source: { kind: "file", path: args.target! } });
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
  if (!args.json) console.log(`seed ${seed}  profile ${profile.name}  scenario ${scenario.name}`);
  const started = performance.now();
  const budgets = { ...(args.stepsMax ? { stepsMax: args.stepsMax } : {}), ...(args.virtualMsMax ? { virtualTimeMsMax: args.virtualMsMax } : {}) };
  const result: RunResult = await runScenario(scenario, { seed, profile, budgets });
  await printResult(result, args, performance.now() - started);
  return result.verdict === "pass" ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`clawsim: ${error.message}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(3);
  },
);
