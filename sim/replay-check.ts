// `pnpm sim replay` refuses a trace it cannot vouch for before and after re-running it: the file must be a
// trace this clawsim reads, its events must hash to the recorded hash (checked by parseTraceJson), and its
// header — seed, profile, scenario — must agree with its own events and with the recorded replay command.
// A disagreement means the file was edited: a UsageError (exit 2), never REPRODUCED.
import { clawsimVersion, parseTraceJson, type RunResult } from "../src/index.ts";
import { parseArgs, printable, UsageError, type SimArgs } from "./args.ts";
import { readInputFile, traceFileBytesMax } from "./files.ts";

export function readTraceFile(path: string): RunResult {
  const text = readInputFile(path, "trace file", traceFileBytesMax);
  const parsed = parseTraceJson(text);
  if (!parsed.ok) throw new UsageError(`${path}: ${parsed.message.split("\n")[0]}`);
  if (parsed.result.version !== clawsimVersion) {
    throw new UsageError(
      `${path}: recorded by clawsim ${printable(parsed.result.version)}, this is ${clawsimVersion}; replay it with that version`,
    );
  }
  return parsed.result;
}

function tampered(path: string, what: string): never {
  throw new UsageError(`${path}: tampered trace: ${what}; refusing to replay it`);
}

/** The replay command's arguments, after checking the header against the run's own first event and command. */
export function checkReplayHeader(recorded: RunResult, path: string): SimArgs {
  const start = recorded.events.find((e) => e.kind === "run.start");
  if (!start) tampered(path, "it has no run.start event");
  const startSeed = String(start.data["seed"]);
  const startProfile = String(start.data["profile"]);
  if (startSeed !== recorded.seed) tampered(path, `header seed ${recorded.seed} but the run started with seed ${startSeed}`);
  if (startProfile !== recorded.profile) {
    tampered(path, `header profile ${printable(recorded.profile)} but the run started under ${printable(startProfile)}`);
  }
  const command = recorded.replayCommand;
  if (!/^pnpm sim [^\n]+$/.test(command)) tampered(path, "its replay command is not a 'pnpm sim' command");
  let again: SimArgs;
  try {
    again = parseArgs(command.replace(/^pnpm sim\s+/, "").split(/\s+/));
  } catch (error) {
    tampered(path, `its replay command does not parse (${error instanceof Error ? error.message : "?"})`);
  }
  const runs = ["run-scenario", "run-file", "chaos"];
  if (!runs.includes(again.command)) tampered(path, `its replay command is '${again.command}', not a run`);
  if (again.seed?.toString() !== recorded.seed) tampered(path, `header seed ${recorded.seed} but the replay command says ${again.seed}`);
  if (again.profile !== recorded.profile) tampered(path, `header profile ${printable(recorded.profile)} but the replay command says ${again.profile}`);
  if (again.command === "run-scenario" && again.target !== recorded.scenario) {
    tampered(path, `header scenario ${printable(recorded.scenario)} but the replay command runs ${printable(again.target ?? "?")}`);
  }
  return again;
}

/** After the re-run: the scenario it ran must be the one the header names. */
export function checkReplayResult(recorded: RunResult, replayed: RunResult, path: string): void {
  if (replayed.scenario !== recorded.scenario) {
    tampered(path, `header scenario ${printable(recorded.scenario)} but the replay ran ${printable(replayed.scenario)}`);
  }
}
