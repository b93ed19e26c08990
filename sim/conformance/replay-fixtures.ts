// `pnpm conformance:replay [--profile P] [--only TEXT] ['{"switch": value, …}']`: every recorded conformance
// fixture replayed offline through the model under its profile (test/fixtures/conformance/known-divergences.json),
// or under the named profile with --profile, optionally only the fixtures whose file name contains TEXT, and with
// gateway switches overridden — to see what a switch or profile change does against every real recording before
// making it. Prints one line per fixture: the profile it ran under, the known divergent attempts and the count now.
// `--flips` then also replays each fixture once per gateway switch flipped alone (the chaos mutants' alternative
// value) and prints the switches whose flip changes the count: the values that recording pins.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findProfile, profileNames, singleSwitchMutants, type Profile } from "../../src/index.ts";
import { parseConformanceFixture, replayConformanceFixture } from "./fixture.ts";

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

function parseArgs(argv: readonly string[]): { profile?: string; only?: string; override?: string; flips?: boolean } {
  const out: { profile?: string; only?: string; override?: string; flips?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--flips") out.flips = true;
    else if (arg === "--profile" || arg === "--only") {
      const value = argv[++i];
      if (value === undefined || value.startsWith("--")) fail(`${arg} needs a value`);
      if (arg === "--profile") out.profile = value;
      else out.only = value;
    } else if (arg.startsWith("--")) fail(`unknown flag '${arg}' (flags: --profile P, --only TEXT, --flips)`);
    else if (out.override !== undefined) fail("only one JSON override may be given");
    else out.override = arg;
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const override = parseOverride(args.override);
const named = args.profile === undefined ? undefined : findProfile(args.profile) ?? fail(`unknown profile '${args.profile}' (profiles: ${profileNames().join(", ")})`);
const known = JSON.parse(readFileSync(join(dir, "known-divergences.json"), "utf8")) as Record<string, { profile: string; divergentAttempts: number }>;
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "known-divergences.json" && (args.only === undefined || f.includes(args.only))).sort();
if (files.length === 0) fail(`no fixture name contains '${args.only}'`);
for (const file of files) {
  const entry = known[file];
  const base = named ?? (entry ? findProfile(entry.profile) : undefined);
  if (!entry || !base) fail(`${file} has no usable entry in known-divergences.json`);
  const profile = { ...base, gateway: { ...base.gateway, ...override } };
  const fixture = parseConformanceFixture(readFileSync(join(dir, file), "utf8"), file);
  const count = (p: Profile): number =>
    new Set(replayConformanceFixture(fixture, p).filter((d) => /^c\d+(-op)?$/.test(d.attempt)).map((d) => `${d.run}/${d.attempt}`)).size;
  const now = count(profile);
  const knownText = base.name === entry.profile ? `known ${entry.divergentAttempts}` : `known ${entry.divergentAttempts} under ${entry.profile}`;
  process.stdout.write(`${file}\tprofile ${base.name}\t${knownText}\tnow ${now}\n`);
  if (!args.flips) continue;
  for (const mutant of singleSwitchMutants(profile).filter((m) => m.group === "gateway")) {
    const flipped = count(mutant.profile);
    if (flipped !== now) process.stdout.write(`  flip ${mutant.name}\t${flipped}\n`);
  }
}
