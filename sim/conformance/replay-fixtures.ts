// `pnpm conformance:replay ['{"switch": value, …}']`: every recorded conformance fixture replayed offline through
// the model under its profile (test/fixtures/conformance/known-divergences.json), optionally with gateway switches
// overridden — to see what a switch change does against every real recording before making it. Prints one line
// per fixture: its profile, the known divergent attempts and the count now.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findProfile, type Profile } from "../../src/index.ts";
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

const override = parseOverride(process.argv[2]);
const known = JSON.parse(readFileSync(join(dir, "known-divergences.json"), "utf8")) as Record<string, { profile: string; divergentAttempts: number }>;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "known-divergences.json").sort()) {
  const entry = known[file];
  const base = entry ? findProfile(entry.profile) : undefined;
  if (!entry || !base) fail(`${file} has no usable entry in known-divergences.json`);
  const profile = { ...base, gateway: { ...base.gateway, ...override } };
  const fixture = parseConformanceFixture(readFileSync(join(dir, file), "utf8"), file);
  const divergent = new Set(replayConformanceFixture(fixture, profile).filter((d) => /^c\d+(-op)?$/.test(d.attempt)).map((d) => `${d.run}/${d.attempt}`));
  process.stdout.write(`${file}\tprofile ${entry.profile}\tknown ${entry.divergentAttempts}\tnow ${divergent.size}\n`);
}
