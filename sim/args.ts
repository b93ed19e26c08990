// Command-line parsing for `pnpm sim`, on node's built-in `util.parseArgs` (strict: unknown flags, a value on a
// boolean flag and a missing value are errors). On top of it: a flag given twice is an error, never "last wins",
// and numbers follow one strict rule (`strictCount`, `strictSeed`). Bad input is a UsageError: one line, exit 2.
// This module imports nothing from the library, so a mistyped command answers before the simulator loads.
import { parseArgs as nodeParseArgs } from "node:util";
import { parseRealClient, type ClientRelease } from "./real-client/releases.ts";

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export type SimCommand =
  | "run-scenario"
  | "list"
  | "profiles"
  | "run-file"
  | "gate"
  | "replay"
  | "conformance"
  | "chaos"
  | "diff"
  | "bisect"
  | "export"
  | "help";

export interface SimArgs {
  readonly command: SimCommand;
  readonly target?: string;
  /** `diff`: the second trace. */
  readonly other?: string;
  readonly seed?: bigint;
  readonly profile?: string;
  readonly reportDir?: string;
  readonly json: boolean;
  readonly traceHash: boolean;
  /** Exit code follows the declared verdict (0 as declared, 1 not) instead of the run's own pass/fail. */
  readonly checkVerdict: boolean;
  readonly client?: "sim" | "real";
  /** Which real client `--client real` / `real@<release>` means (set whenever client is "real"). */
  readonly realClient?: ClientRelease;
  readonly against?: string;
  readonly attempts?: number;
  readonly color?: boolean;
  readonly stepsMax?: number;
  readonly virtualMsMax?: number;
  readonly runs?: number;
  readonly preset?: string;
  readonly replayPath?: string;
  readonly explain?: string;
  readonly real: boolean;
  /** `pnpm sim conformance`: gateway configurations to draw (default 1, token auth). */
  readonly configs?: number;
  /** `pnpm sim chaos` only (see sim/chaos.ts). */
  readonly chaos?: ChaosFlags;
}

export interface ChaosFlags {
  readonly workers?: number;
  readonly shard?: string;
  readonly out?: string;
  readonly coverage: boolean;
  readonly coverageMin?: number;
  readonly killRate: boolean;
  readonly emitTest: boolean;
  readonly seedsMax?: number;
  readonly cleanSeeds?: number;
  /** `chaos merge <summary.json>…` */
  readonly merge?: readonly string[];
  /** `--engine seeds` (default: one plan per chaos seed) or `fast-check` (plans from chaosPlanArbitrary). */
  readonly engine?: ChaosEngine;
  /** `--fc-path`: a fast-check replay path (with `--engine fast-check`). */
  readonly fcPath?: string;
}

export const chaosEngines = ["seeds", "fast-check"] as const;
export type ChaosEngine = (typeof chaosEngines)[number];

/** Largest value a count flag takes (`--runs`, `--attempts`, `--steps-max`). */
export const countFlagMax = 100_000_000;
/** Largest `--virtual-ms-max`: about 31 virtual years. */
export const virtualMsFlagMax = 1_000_000_000_000;
/** Largest `--configs` (each configuration starts its own real gateway). */
export const configsFlagMax = 64;
/** Seeds are unsigned 64-bit. */
const seedLimit = 1n << 64n;
/** A flag value longer than this is refused (no flag needs more). */
const flagValueCharsMax = 4096;

const options = {
  seed: { type: "string" },
  profile: { type: "string" },
  report: { type: "string" },
  client: { type: "string" },
  against: { type: "string" },
  attempts: { type: "string" },
  "steps-max": { type: "string" },
  "virtual-ms-max": { type: "string" },
  runs: { type: "string" },
  preset: { type: "string" },
  replay: { type: "string" },
  explain: { type: "string" },
  real: { type: "boolean" },
  configs: { type: "string" },
  workers: { type: "string" },
  shard: { type: "string" },
  out: { type: "string" },
  "coverage-min": { type: "string" },
  "seeds-max": { type: "string" },
  "clean-seeds": { type: "string" },
  "kill-rate": { type: "boolean" },
  engine: { type: "string" },
  "fc-path": { type: "string" },
  coverage: { type: "boolean" },
  "emit-test": { type: "boolean" },
  json: { type: "boolean" },
  "trace-hash": { type: "boolean" },
  "check-verdict": { type: "boolean" },
  list: { type: "boolean" },
  profiles: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  "no-color": { type: "boolean" },
  color: { type: "boolean" },
} as const;

type Values = { readonly [K in keyof typeof options]?: (typeof options)[K]["type"] extends "string" ? string : boolean };

/**
 * The one number rule for every numeric flag: plain decimal digits, no sign, no spaces, no `0x`, no leading
 * zeros, no exponent. `7` is fine; `+7`, ` 7`, `07`, `0x10`, `7e3`, `-1` are not.
 */
const decimalPattern = /^(0|[1-9][0-9]*)$/;

export function strictSeed(text: string): bigint {
  if (!decimalPattern.test(text) || text.length > 20 || BigInt(text) >= seedLimit) {
    throw new UsageError(`malformed seed '${printable(text)}': expected a decimal integer from 0 to 2^64-1, digits only`);
  }
  return BigInt(text);
}

export function strictCount(flag: string, text: string, max: number): number {
  const n = decimalPattern.test(text) && text.length <= 16 ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new UsageError(`${flag} must be a decimal integer from 1 to ${max}, digits only, got '${printable(text)}'`);
  }
  return n;
}

/** A value echoed in an error: one line, bounded. */
export function printable(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, "?");
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

function nodeError(error: unknown): UsageError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-{1,2}[^' <]*)/.exec(message)?.[1] ?? "?";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return new UsageError(`unknown flag ${printable(flag)} (see pnpm sim --help)`);
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      if (/does not take an argument/.test(message)) return new UsageError(`${flag} takes no value`);
      if (/ambiguous/.test(message)) return new UsageError(`${flag} needs a value (a value may not start with '-')`);
      return new UsageError(`${flag} needs a value`);
    default:
      return new UsageError(message.split("\n")[0] ?? "bad arguments");
  }
}

function parseRaw(argv: readonly string[]): { values: Values; positionals: string[] } {
  let parsed;
  try {
    parsed = nodeParseArgs({ args: [...argv], options, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw nodeError(error);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} is given twice; give it once`);
    seen.add(token.name);
    const value = token.value;
    if (value === undefined) continue;
    if (value === "" || value.trim() === "") throw new UsageError(`--${token.name} needs a value`);
    if (value.length > flagValueCharsMax) throw new UsageError(`--${token.name}: value too long (${value.length} chars)`);
  }
  return { values: parsed.values as Values, positionals: parsed.positionals };
}

export function parseArgs(argv: readonly string[]): SimArgs {
  const { values, positionals } = parseRaw(argv);
  const client = values.client;
  let realClient: ClientRelease | undefined;
  if (client !== undefined && client !== "sim") {
    const parsedClient = parseRealClient(client);
    if (!parsedClient.ok) throw new UsageError(parsedClient.message.replace(/got '.*'$/, `got '${printable(client)}'`));
    realClient = parsedClient.release;
  }
  if (values.color && values["no-color"]) throw new UsageError("--color and --no-color contradict each other");
  const count = (flag: "attempts" | "steps-max" | "runs") => {
    const text = values[flag];
    return text === undefined ? undefined : strictCount(`--${flag}`, text, countFlagMax);
  };
  const virtual = values["virtual-ms-max"];
  const base = {
    seed: values.seed === undefined ? undefined : strictSeed(values.seed),
    profile: values.profile,
    reportDir: values.report,
    json: values.json === true,
    traceHash: values["trace-hash"] === true,
    checkVerdict: values["check-verdict"] === true,
    client: realClient ? ("real" as const) : (client as SimArgs["client"]),
    ...(realClient ? { realClient } : {}),
    against: values.against,
    attempts: count("attempts"),
    color: values["no-color"] ? false : values.color ? true : undefined,
    stepsMax: count("steps-max"),
    virtualMsMax: virtual === undefined ? undefined : strictCount("--virtual-ms-max", virtual, virtualMsFlagMax),
    runs: count("runs"),
    preset: values.preset,
    replayPath: values.replay,
    explain: values.explain,
    real: values.real === true,
    configs: values.configs === undefined ? undefined : strictCount("--configs", values.configs, configsFlagMax),
    chaos: chaosFlags(values),
  };
  if (values.help) return { ...base, command: "help" };
  if (values.list) return { ...base, command: "list" };
  if (values.profiles) return { ...base, command: "profiles" };
  return { ...base, ...commandOf(positionals, base) };
}

function commandOf(
  positionals: readonly string[],
  base: { chaos?: ChaosFlags },
): { command: SimCommand; target?: string; other?: string; chaos?: ChaosFlags } {
  const [first, second, third, ...rest] = positionals;
  if (first === undefined) return { command: "help" };
  const extra = (arg: string | undefined): void => {
    if (arg !== undefined) throw new UsageError(`unexpected argument '${printable(arg)}'`);
  };
  const needsOne = (command: SimCommand, what: string) => {
    if (second === undefined) throw new UsageError(`'${first}' needs ${what}`);
    extra(third);
    return { command, target: second };
  };
  switch (first) {
    case "run":
      return needsOne("run-file", "a scenario file");
    case "replay":
      return needsOne("replay", "a trace.json file");
    case "bisect":
      return needsOne("bisect", "a scenario name or file");
    case "export":
      return needsOne("export", "a library scenario name");
    case "diff":
      if (second === undefined || third === undefined) throw new UsageError("'diff' needs two trace.json files");
      extra(rest[0]);
      return { command: "diff", target: second, other: third };
    case "chaos":
      if (second === "merge") {
        if (third === undefined) throw new UsageError("'chaos merge' needs one or more summary files");
        return { command: "chaos", chaos: { ...base.chaos!, merge: [third, ...rest].filter((x): x is string => x !== undefined) } };
      }
      extra(second);
      return { command: first };
    case "gate":
    case "conformance":
      extra(second);
      return { command: first };
    default:
      extra(second);
      return { command: "run-scenario", target: first };
  }
}

function chaosFlags(values: Values): ChaosFlags {
  const text = values["coverage-min"];
  const coverageMin = text === undefined ? undefined : Number(text);
  if (text !== undefined && (!/^(0|[1-9][0-9]{0,2})$/.test(text) || coverageMin! > 100)) {
    throw new UsageError(`--coverage-min must be a whole percent 0..100, got '${printable(text)}'`);
  }
  const count = (flag: "workers" | "seeds-max" | "clean-seeds") => {
    const value = values[flag];
    return value === undefined ? undefined : strictCount(`--${flag}`, value, countFlagMax);
  };
  const engine = values.engine;
  if (engine !== undefined && !(chaosEngines as readonly string[]).includes(engine)) {
    throw new UsageError(`unknown --engine '${printable(engine)}' (one of ${chaosEngines.join(", ")})`);
  }
  const fcPath = values["fc-path"];
  if (fcPath !== undefined && !/^\d+(:\d+)*$/.test(fcPath)) throw new UsageError(`malformed --fc-path '${printable(fcPath)}' (expected like 3:0:1, as fast-check prints it)`);
  return {
    ...(engine !== undefined ? { engine: engine as ChaosEngine } : {}),
    ...(fcPath !== undefined ? { fcPath } : {}),
    workers: count("workers"),
    shard: values.shard,
    out: values.out,
    coverage: values.coverage === true || coverageMin !== undefined,
    coverageMin,
    killRate: values["kill-rate"] === true,
    emitTest: values["emit-test"] === true,
    seedsMax: count("seeds-max"),
    cleanSeeds: count("clean-seeds"),
  };
}

export const usage = `usage:
  pnpm sim --list                         list scenarios (name, then description)
  pnpm sim --profiles                     list behaviour profiles (name, then summary)
  pnpm sim --profiles --explain <profile> every switch of a profile, its value and how it is known
  pnpm sim <scenario> [--seed N] [--profile P] [--report DIR] [--json] [--trace-hash] [--check-verdict]
                      [--steps-max N] [--virtual-ms-max MS]   override the run's budgets
  pnpm sim run <file.json|file.yaml> [same flags as a scenario]
  pnpm sim gate [--client sim|real|real@<release>]
                                          every scenario under every profile vs. its declared verdict; with
                                          real[@<release>] the real client of that release vs. the simulated one
  pnpm sim bisect <scenario|file> [--seed N] [--json] [--real]
                                          run it under every release profile in order; name where its verdict flips;
                                          --real: also on each profile's real release (one live gateway at a time)
  pnpm sim replay <trace.json>            re-run a recorded run and confirm the trace hash
  pnpm sim export <scenario> [--out FILE] write a library scenario as a YAML scenario file
  pnpm sim diff <trace-a.json> <trace-b.json> [--report DIR]
                                          the first event where two runs part, and what differs after it
  pnpm sim chaos [--seed N] [--runs N] [--preset light|heavy] [--profile P] [--replay PATH] [--report DIR]
                    [--workers N] [--shard I/N] [--out summary.json] [--coverage] [--coverage-min PCT] [--emit-test]
                                          generated worlds and timelines; a failure is shrunk to a minimal replay path
  pnpm sim chaos --engine fast-check [--seed N] [--runs N] [--preset P] [--profile P] [--report DIR] [--emit-test]
                    [--fc-path PATH [--replay PATH]]
                                          plans drawn by fast-check (seed below 2^32); its shrinking, then the joint one
  pnpm sim chaos --kill-rate [--seeds-max N] [--clean-seeds N] [--workers N]
                                          chaos against every known-bug profile and every single-switch mutant
  pnpm sim chaos merge <summary.json>...  merge shard summaries of one sweep (prints the merged summary)
  pnpm sim conformance --against openclaw@<version> [--attempts N] [--configs N] [--seed N] [--profile P] [--report DIR]
                                          the real gateway as a differential oracle (needs the npm registry)
numbers: decimal digits only (no sign, spaces, 0x or leading zeros); every flag at most once
exit codes: 0 all invariants hold (with --check-verdict: the declared verdict held), 1 a finding was reported
            (with --check-verdict: the declared verdict did not hold), 2 bad input, 3 internal error`;
