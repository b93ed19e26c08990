// How the CLI ends on an error: a UsageError (the user's input) or a ScenarioInputError (a scenario asking its
// world for what it does not have) is one line and exit 2; anything else is a bug
// in clawsim, reported as one line and exit 3, with the stack only when CLAWSIM_DEBUG is set. Never a finding.
// Also installed for errors that escape the promise chain and for a closed stdout (`| head`).
import { UsageError } from "./args.ts";
import { ScenarioInputError } from "../src/kernel/assert.ts";

export const exitBadInput = 2;
/** With CLAWSIM_TIMING set, the last stdout line says how long the answer took after start-up (for tests). */
const timingEnv = "CLAWSIM_TIMING";
let startedMs: number | undefined;

/** Called first thing in main(): the module loading before it is start-up, not answering. */
export function markStarted(): void {
  startedMs = performance.now();
}

function printTiming(): void {
  if (process.env[timingEnv] && startedMs !== undefined) process.stdout.write(`clawsim-timing ${Math.round(performance.now() - startedMs)}\n`);
}
export const exitInternal = 3;

function firstLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.split("\n")[0]!.slice(0, 300);
}

export function reportFatal(error: unknown): never {
  if ((error as { code?: unknown } | undefined)?.code === "EPIPE") process.exit(0);
  printTiming();
  if (error instanceof UsageError || error instanceof ScenarioInputError) {
    process.stderr.write(`clawsim: ${error.message.split("\n")[0]}\n`);
    process.exit(exitBadInput);
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    process.stderr.write("clawsim: input nested too deeply to process\n");
    process.exit(exitBadInput);
  }
  process.stderr.write(`clawsim: internal error (a bug in clawsim, not a finding): ${firstLine(error)}\n`);
  if (process.env["CLAWSIM_DEBUG"]) process.stderr.write(`${error instanceof Error ? error.stack : ""}\n`);
  process.exit(exitInternal);
}

process.on("uncaughtException", reportFatal);
process.on("unhandledRejection", reportFatal);
process.stdout.on("error", reportFatal);
