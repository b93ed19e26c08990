// Command-line parsing for `pnpm sim`. Bad input is a UsageError: one line, exit code 2.
import { parseSeed, type Seed } from "../src/kernel/index.ts";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export interface SimArgs {
  readonly command: "run-scenario" | "list" | "profiles" | "run-file" | "gate" | "replay" | "conformance" | "chaos" | "export" | "help";
  readonly target?: string;
  readonly seed?: Seed;
  readonly profile?: string;
  readonly reportDir?: string;
  /** export: the file to write (default: stdout). */
  readonly out?: string;
  readonly json: boolean;
  readonly traceHash: boolean;
  readonly client?: "sim" | "real";
  readonly against?: string;
  readonly attempts?: number;
  readonly color?: boolean;
  readonly stepsMax?: number;
  readonly virtualMsMax?: number;
  readonly runs?: number;
  readonly preset?: string;
  readonly replayPath?: string;
}

function positiveInt(values: Map<string, string>, flag: string): number | undefined {
  const text = values.get(flag);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive integer, got '${text}'`);
  return n;
}

const valueFlags = new Set(["--seed", "--profile", "--report", "--client", "--against", "--attempts", "--steps-max", "--virtual-ms-max", "--runs", "--preset", "--replay", "--out"]);
const boolFlags = new Set(["--json", "--trace-hash", "--list", "--profiles", "--help", "-h", "--no-color", "--color"]);

export function parseArgs(argv: readonly string[]): SimArgs {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (valueFlags.has(name)) {
      const value = eq > 0 && arg.startsWith("--") ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "") throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    } else if (boolFlags.has(arg)) {
      flags.add(arg);
    } else if (arg.startsWith("-")) {
      throw new UsageError(`unknown flag ${arg} (see pnpm sim --help)`);
    } else {
      positional.push(arg);
    }
  }
  const seedText = values.get("--seed");
  const seed = seedText === undefined ? undefined : parseSeed(seedText);
  if (seedText !== undefined && seed === undefined) throw new UsageError(`malformed seed '${seedText}': expected a non-negative integer below 2^64`);
  const client = values.get("--client");
  if (client !== undefined && client !== "sim" && client !== "real") throw new UsageError(`--client must be 'sim' or 'real', got '${client}'`);
  const attemptsText = values.get("--attempts");
  const attempts = attemptsText === undefined ? undefined : Number(attemptsText);
  if (attempts !== undefined && (!Number.isInteger(attempts) || attempts <= 0)) throw new UsageError(`--attempts must be a positive integer, got '${attemptsText}'`);
  const base = {
    seed,
    profile: values.get("--profile"),
    reportDir: values.get("--report"),
    out: values.get("--out"),
    json: flags.has("--json"),
    traceHash: flags.has("--trace-hash"),
    client: client as SimArgs["client"],
    against: values.get("--against"),
    attempts,
    color: flags.has("--no-color") ? false : flags.has("--color") ? true : undefined,
    stepsMax: positiveInt(values, "--steps-max"),
    virtualMsMax: positiveInt(values, "--virtual-ms-max"),
    runs: positiveInt(values, "--runs"),
    preset: values.get("--preset"),
    replayPath: values.get("--replay"),
  };
  if (flags.has("--help") || flags.has("-h")) return { ...base, command: "help" };
  if (flags.has("--list")) return { ...base, command: "list" };
  if (flags.has("--profiles")) return { ...base, command: "profiles" };
  const [first, second, ...rest] = positional;
  if (first === undefined) return { ...base, command: "help" };
  const needsOne = (cmd: SimArgs["command"], what: string): SimArgs => {
    if (second === undefined) throw new UsageError(`'${first}' needs ${what}`);
    if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
    return { ...base, command: cmd, target: second };
  };
  switch (first) {
    case "run":
      return needsOne("run-file", "a scenario file");
    case "replay":
      return needsOne("replay", "a trace.json file");
    case "export":
      return needsOne("export", "a library scenario name");
    case "gate":
    case "chaos":
    case "conformance":
      if (second !== undefined) throw new UsageError(`unexpected argument '${second}'`);
      return { ...base, command: first };
    default:
      if (second !== undefined) throw new UsageError(`unexpected argument '${second}'`);
      return { ...base, command: "run-scenario", target: first };
  }
}

export const usage = `usage:
  pnpm sim --list                         list scenarios (name, then description)
  pnpm sim --profiles                     list behaviour profiles (name, then summary)
  pnpm sim <scenario> [--seed N] [--profile P] [--report DIR] [--json] [--trace-hash]
                      [--steps-max N] [--virtual-ms-max MS]   override the run's budgets
  pnpm sim run <file.json|file.yaml> [--seed N] [--profile P] [--report DIR] [--json]
  pnpm sim gate [--client sim|real]       every scenario under every profile vs. its declared verdict
  pnpm sim replay <trace.json>            re-run a recorded run and confirm the trace hash
  pnpm sim export <scenario> [--out FILE] write a library scenario as a YAML scenario file
  pnpm sim chaos [--seed N] [--runs N] [--preset light|heavy] [--profile P] [--replay PATH] [--report DIR]
                                          seeded fault plans; a failure is shrunk to a minimal replay path
  pnpm sim conformance --against openclaw@<version> [--attempts N] [--seed N] [--profile P] [--report DIR]
                                          the real gateway as a differential oracle (needs the npm registry)
exit codes: 0 all invariants hold, 1 a finding was reported, 2 bad input`;
