// `pnpm conformance:replay [--profile P] [--only TEXT] ['{"switch": value, …}']`: every recorded conformance
// fixture replayed offline through the model under its profile (test/fixtures/conformance/known-divergences.json),
// or under the named profile with --profile, optionally only the fixtures whose file name contains TEXT, and with
// gateway switches overridden — to see what a switch or profile change does against every real recording before
// making it. Prints one line per fixture: the profile it ran under, the known divergent attempts and the count now,
// and, where there are any, the attempts that agree only elsewhere in their recorded time bounds (timing-bounded,
// `timingBounded` in known-divergences.json; see replayRunBounded in fixture.ts), known and now, and how many reset
// probes and shrink checks did (not counted in either column, as their divergences are not).
// `--flips` then also replays each fixture once per gateway switch flipped alone (the chaos mutants' alternative
// value) and prints the switches whose flip changes the count: the values that recording pins. Flips compare
// divergent attempts at the start bound only (no end-bound retry, which replays a run's prefix per divergent step).
// `--table` prints, after the lines, one Markdown row per profile: the releases recorded, fixtures, seeds, configurations,
// attempts, divergent attempts now, timing-bounded attempts now, and how many divergent ones the entries leave
// unexplained (`unexplained` in known-divergences.json; an entry with divergences and no such count counts them
// all as unexplained).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findProfile, profileNames, singleSwitchMutants, type Profile } from "../../src/index.ts";
import { countedAttempt as counted, parseConformanceFixture, replayConformanceFixture, replayFixtureBounded } from "./fixture.ts";

const dir = join(import.meta.dirname, "..", "..", "test", "fixtures", "conformance");

function fail(message: string): never {
  process.stderr.write(`conformance:replay: ${message}\n`);
  process.exit(2);
}

function parseOverride(text: string | undefined): Partial<Profile["gateway"]> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail(`the override must be a JSON object of gateway switches, got ${JSON.stringify(text)}`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) fail("the override must be a JSON object of gateway switches");
  const known = Object.keys(findProfile("2026.9")!.gateway);
  for (const key of Object.keys(value as object)) if (!known.includes(key)) fail(`unknown gateway switch '${key}'`);
  return value as Partial<Profile["gateway"]>;
}

interface Args {
  profile?: string;
  only?: string;
  override?: string;
  flips?: boolean;
  table?: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const out: Args = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--flips") out.flips = true;
    else if (arg === "--table") out.table = true;
    else if (arg === "--profile" || arg === "--only") {
      const value = argv[++i];
      if (value === undefined || value.startsWith("--")) fail(`${arg} needs a value`);
      if (arg === "--profile") out.profile = value;
      else out.only = value;
    } else if (arg.startsWith("--")) fail(`unknown flag '${arg}' (flags: --profile P, --only TEXT, --flips, --table)`);
    else if (out.override !== undefined) fail("only one JSON override may be given");
    else out.override = arg;
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const override = parseOverride(args.override);
const named = args.profile === undefined ? undefined : findProfile(args.profile) ?? fail(`unknown profile '${args.profile}' (profiles: ${profileNames().join(", ")})`);
interface KnownEntry {
  profile: string;
  divergentAttempts: number;
  /** Attempts that agree only elsewhere in their recorded time bounds than the start (absent: none). */
  timingBounded?: number;
  /** Divergent attempts the entry's `why` does not explain (absent: all of them). */
  unexplained?: number;
}

/** One profile's row of `--table`. */
interface TableRow {
  releases: Set<string>;
  fixtures: number;
  seeds: Set<string>;
  configs: Set<string>;
  attempts: number;
  divergent: number;
  timingBounded: number;
  unexplained: number;
}

const known = JSON.parse(readFileSync(join(dir, "known-divergences.json"), "utf8")) as Record<string, KnownEntry>;
const table = new Map<string, TableRow>();
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "known-divergences.json" && (args.only === undefined || f.includes(args.only))).sort();
if (files.length === 0) fail(`no fixture name contains '${args.only}'`);
for (const file of files) {
  const entry = known[file];
  const base = named ?? (entry ? findProfile(entry.profile) : undefined);
  if (!entry || !base) fail(`${file} has no usable entry in known-divergences.json`);
  const profile = { ...base, gateway: { ...base.gateway, ...override } };
  const fixture = parseConformanceFixture(readFileSync(join(dir, file), "utf8"), file);
  const replay = replayFixtureBounded(fixture, profile);
  const now = new Set(replay.divergences.filter((d) => counted(d.attempt)).map((d) => `${d.run}/${d.attempt}`)).size;
  const bounded = replay.timingBounded.filter(counted).length;
  const boundedOther = replay.timingBounded.length - bounded;
  const knownBounded = entry.timingBounded ?? 0;
  const knownText = base.name === entry.profile ? `known ${entry.divergentAttempts}` : `known ${entry.divergentAttempts} under ${entry.profile}`;
  const boundedText =
    knownBounded + bounded + boundedOther === 0
      ? ""
      : `\ttiming-bounded known ${knownBounded} now ${bounded}${boundedOther === 0 ? "" : ` (+${boundedOther} reset/shrink steps)`}`;
  process.stdout.write(`${file}\tprofile ${base.name}\t${knownText}\tnow ${now}${boundedText}\n`);
  const row = table.get(base.name) ?? { releases: new Set<string>(), fixtures: 0, seeds: new Set<string>(), configs: new Set<string>(), attempts: 0, divergent: 0, timingBounded: 0, unexplained: 0 };
  table.set(base.name, row);
  row.releases.add(fixture.openclawVersion);
  row.fixtures += 1;
  row.seeds.add(fixture.seed);
  for (const run of fixture.runs) row.configs.add(run.config.name);
  row.attempts += fixture.runs.reduce((n, run) => n + run.steps.filter((step) => /^c\d+$/.test(step.attempt.name)).length, 0);
  row.divergent += now;
  row.timingBounded += bounded;
  row.unexplained += Math.min(now, entry.unexplained ?? now);
  if (!args.flips) continue;
  const count = (p: Profile): number =>
    new Set(replayConformanceFixture(fixture, p, { bounds: "start" }).filter((d) => counted(d.attempt)).map((d) => `${d.run}/${d.attempt}`)).size;
  const atStart = count(profile);
  if (atStart !== now) process.stdout.write(`  at the start bound only\t${atStart}\n`);
  for (const mutant of singleSwitchMutants(profile).filter((m) => m.group === "gateway")) {
    const flipped = count(mutant.profile);
    if (flipped !== atStart) process.stdout.write(`  flip ${mutant.name}\t${flipped}\n`);
  }
}

if (args.table) {
  process.stdout.write("\n| profile | real release run | fixtures | seeds | configurations | attempts | divergent | timing-bounded | unexplained |\n|---|---|---|---|---|---|---|---|---|\n");
  for (const [name, row] of table) {
    const cell = (n: number) => n.toLocaleString("en-US");
    process.stdout.write(`| ${name} | ${[...row.releases].join(", ")} | ${row.fixtures} | ${row.seeds.size} | ${row.configs.size} | ${cell(row.attempts)} | ${row.divergent} | ${row.timingBounded} | ${row.unexplained} |\n`);
  }
}
