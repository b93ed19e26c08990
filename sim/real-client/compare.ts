// `tsx sim/real-client/compare.ts [--seed N] [--client real|real@<release>] [--profile NAME] [--story NAME]…
// [--json] [--strict]`: runs each
// seed story (stories.ts) with clawsim's simulated client and with the real OpenClaw client, and prints where
// their verdicts differ (sockets opened, hellos, connected, paused and why, reconnect delays, token on disk).
// `compareClients` returns the same as data for `pnpm sim gate --client real`. Wall time is read here (sim/)
// only to say how long the runs took.
import { findProfile, parseSeed, type Profile, type Seed } from "../../src/index.ts";
import { loadRealClient, loadRealGatewayClient } from "./load.ts";
import { parseRealClient, type ClientRelease } from "./releases.ts";
import { runStory, stories, type Story, type StoryRun, type StoryVerdict } from "./stories.ts";

export const compareSeedDefault: Seed = 424242n;
export const compareProfileDefault = "2026.9";

/** The verdict fields compared, in table order. */
export const comparedFields: readonly (keyof StoryVerdict)[] = ["attempts", "hellos", "helloAfterMs", "connected", "paused", "pausedDetailCode", "reconnectDelaysMs", "errorDetailCodes", "storedToken"];

export interface FieldDifference {
  readonly field: keyof StoryVerdict;
  readonly sim: unknown;
  readonly real: unknown;
}

export interface StoryComparison {
  readonly story: string;
  readonly description: string;
  readonly sim: StoryRun;
  readonly real: StoryRun;
  readonly differences: readonly FieldDifference[];
  readonly simWallMs: number;
  readonly realWallMs: number;
}

export type CompareResult =
  | { readonly kind: "compared"; readonly seed: Seed; readonly profile: string; readonly version: string; readonly label: string; readonly stories: readonly StoryComparison[] }
  | { readonly kind: "unavailable"; readonly reason: string };

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function differencesOf(sim: StoryVerdict, real: StoryVerdict): FieldDifference[] {
  return comparedFields.filter((field) => !same(sim[field], real[field])).map((field) => ({ field, sim: sim[field], real: real[field] }));
}

/** Runs every story (or the named ones) with both clients under one seed and profile (default: the 2026.9.1
 *  package under 2026.9; `release` picks another release's client). */
export async function compareClients(options: { seed?: Seed; profile?: Profile; stories?: readonly Story[]; release?: ClientRelease } = {}): Promise<CompareResult> {
  const loaded = options.release ? await loadRealClient(options.release) : await loadRealGatewayClient();
  if (loaded.kind === "unavailable") return loaded;
  const seed = options.seed ?? compareSeedDefault;
  const profile = options.profile ?? findProfile(compareProfileDefault)!;
  const out: StoryComparison[] = [];
  for (const story of options.stories ?? stories) {
    let started = performance.now();
    const sim = (await runStory(story, { seed, profile, client: { kind: "sim" } })).run;
    const simWallMs = performance.now() - started;
    started = performance.now();
    const real = (await runStory(story, { seed, profile, client: { kind: "real", module: loaded.module } })).run;
    const realWallMs = performance.now() - started;
    out.push({ story: story.name, description: story.description, sim, real, differences: differencesOf(sim.verdict, real.verdict), simWallMs, realWallMs });
  }
  return { kind: "compared", seed, profile: profile.name, version: loaded.version, label: loaded.label, stories: out };
}

function cell(value: unknown): string {
  const text = Array.isArray(value) ? `[${value.map((v) => (v === null ? "-" : String(v))).join(",")}]` : value === null ? "-" : String(value);
  return text.length > 48 ? `${text.slice(0, 45)}...` : text;
}

function summary(v: StoryVerdict): string {
  return `${v.attempts} socket${v.attempts === 1 ? "" : "s"}, ${v.connected ? "connected" : v.paused ? `paused ${v.pausedDetailCode ?? ""}`.trim() : "not connected"}`;
}

/** The plain-text table: one line per differing field, stories that agree on one line each. */
export function formatComparison(result: Extract<CompareResult, { kind: "compared" }>): string {
  const lines = [`seed ${result.seed}  profile ${result.profile}  real client ${result.label}`, ""];
  const header = ["story", "field", "simulated", "real"];
  const rows: string[][] = [];
  for (const s of result.stories) {
    if (s.differences.length === 0) rows.push([s.story, "(all agree)", summary(s.sim.verdict), summary(s.real.verdict)]);
    for (const d of s.differences) rows.push([s.story, d.field, cell(d.sim), cell(d.real)]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  lines.push(line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line), "");
  const differing = result.stories.filter((s) => s.differences.length > 0).length;
  const realMs = result.stories.reduce((t, s) => t + s.realWallMs, 0);
  const simMs = result.stories.reduce((t, s) => t + s.simWallMs, 0);
  lines.push(`${result.stories.length} stories, ${differing} differ; wall time simulated ${simMs.toFixed(0)} ms, real ${realMs.toFixed(0)} ms`);
  return lines.join("\n");
}

interface CompareArgs {
  seed?: Seed;
  release?: ClientRelease;
  profile?: string;
  stories: string[];
  json: boolean;
  strict: boolean;
}

function parseArgs(argv: readonly string[]): CompareArgs {
  const args: CompareArgs = { stories: [], json: false, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--seed") {
      const seed = parseSeed(value());
      if (seed === undefined) throw new Error("--seed wants a non-negative integer below 2^64");
      args.seed = seed;
    } else if (a === "--client") {
      const parsed = parseRealClient(value());
      if (!parsed.ok) throw new Error(parsed.message);
      args.release = parsed.release;
    } else if (a === "--profile") args.profile = value();
    else if (a === "--story") args.stories.push(value());
    else if (a === "--json") args.json = true;
    else if (a === "--strict") args.strict = true;
    else throw new Error(`unknown argument ${a} (use --seed N --client real@<release> --profile NAME --story NAME --json --strict)`);
  }
  return args;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  const profile = findProfile(args.profile ?? args.release?.profile ?? compareProfileDefault);
  if (!profile) throw new Error(`unknown profile ${args.profile}`);
  const chosen = args.stories.length === 0 ? stories : args.stories.map((name) => stories.find((s) => s.name === name) ?? failUnknown(name));
  const result = await compareClients({ seed: args.seed, profile, stories: chosen, release: args.release });
  if (result.kind === "unavailable") {
    console.error(`real client unavailable: ${result.reason}`);
    return 2;
  }
  if (args.json) console.log(JSON.stringify(result, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2));
  else console.log(formatComparison(result));
  return args.strict && result.stories.some((s) => s.differences.length > 0) ? 1 : 0;
}

function failUnknown(name: string): never {
  throw new Error(`unknown story ${name}; stories: ${stories.map((s) => s.name).join(", ")}`);
}

// Run as a script (not when bundled into dist/main.mjs, where import.meta.url is the bundle's).
if (import.meta.url.endsWith("/compare.ts") && import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(2);
    },
  );
}
