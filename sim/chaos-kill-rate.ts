// `pnpm sim chaos --kill-rate`: chaos against every target that must fail — each profile that carries a known
// bug (a library scenario fails under it but passes under the newest profile) and each single-switch mutant of
// the newest profile — printing target → seeds to first failure → shrunk size. Mutants no observable behaviour
// can distinguish are listed with the reason. The newest profile must stay clean over --clean-seeds seeds.
// A real bug of the newest release that no release has fixed yet (an open bug, src/profiles/open-bugs.ts) is a
// target of its own (chaos must find it under the newest profile), and the mutants and the clean check use the
// newest profile with its open bugs fixed: else the bug would "kill" every mutant and fail every clean check.
// Exit 1 when a target survives or the newest profile (open bugs fixed) fails.
import { readdirSync, readFileSync } from "node:fs";
import { expectedVerdict, findPreset, openBugsOf, parseCaseFile, profiles, singleSwitchMutants, withOpenBugsFixed, type Profile } from "../src/index.ts";
import { scenarios } from "../scenarios/index.ts";
import type { SimArgs } from "./args.ts";
import { runTasks } from "./chaos-pool.ts";
import type { KillOutcome } from "./chaos-run.ts";
import { sweep } from "./chaos.ts";
import { Progress } from "./chaos-progress.ts";

export const killSeedsMaxDefault = 200;
export const cleanSeedsDefault = 1_000;

export interface KillTarget {
  readonly name: string;
  readonly kind: "known-bug" | "mutant";
  readonly profile: Profile;
  /** Why it must fail (the scenarios that fail under it) or why it cannot (equivalent mutant). */
  readonly why: string;
  readonly equivalent?: string;
}

export interface KillRow {
  readonly target: KillTarget;
  readonly outcome?: KillOutcome;
}

export function newestProfile(): Profile {
  return profiles[profiles.length - 1]!;
}

/** What mutants are made from and compared with, and what must stay clean: the newest profile, open bugs fixed. */
export function judgedProfile(): Profile {
  return withOpenBugsFixed(newestProfile());
}

/** The newest profile's open bugs: chaos must find each under the newest profile as it is. */
export function openBugTargets(): KillTarget[] {
  const newest = newestProfile();
  return openBugsOf(newest).map((bug) => ({ name: `${newest.name} (open bug ${bug.name})`, kind: "known-bug" as const, profile: newest, why: `${bug.file}: ${bug.summary}` }));
}

export const bugCorpusDir = "scenarios/bugs";

/** The bug corpus's files with their declared verdicts per profile. */
function bugFiles(): { name: string; verdicts: Readonly<Record<string, "pass" | "fail">> }[] {
  const names = readdirSync(bugCorpusDir).filter((n) => /\.(ya?ml|json)$/.test(n)).sort();
  return names.flatMap((name) => {
    const parsed = parseCaseFile(readFileSync(`${bugCorpusDir}/${name}`, "utf8"), name);
    return parsed.ok && parsed.file.verdicts ? [{ name, verdicts: parsed.file.verdicts }] : [];
  });
}

function fileVerdict(verdicts: Readonly<Record<string, "pass" | "fail">>, profile: string): "pass" | "fail" {
  return verdicts[profile] ?? verdicts["default"] ?? "pass";
}

/**
 * Profiles with a known bug: a library scenario or a bug-corpus file (scenarios/bugs/) fails under them and
 * passes under the newest profile.
 */
export function knownBugTargets(): KillTarget[] {
  const newest = newestProfile();
  const files = bugFiles();
  return profiles
    .filter((p) => p !== newest)
    .map((p) => ({
      p,
      bugs: [
        ...scenarios.filter((s) => expectedVerdict(s, p.name) === "fail" && expectedVerdict(s, newest.name) === "pass").map((s) => s.name),
        ...files.filter((f) => fileVerdict(f.verdicts, p.name) === "fail" && fileVerdict(f.verdicts, newest.name) === "pass").map((f) => f.name),
      ],
    }))
    .filter(({ bugs }) => bugs.length > 0)
    .map(({ p, bugs }) => ({ name: p.name, kind: "known-bug" as const, profile: p, why: bugs.join(", ") }));
}

export function mutantTargets(): KillTarget[] {
  return singleSwitchMutants(judgedProfile()).map((m) => ({
    name: m.name,
    kind: "mutant" as const,
    profile: m.profile,
    why: `${m.group}.${m.switchName} flipped`,
    ...(m.equivalent !== undefined ? { equivalent: m.equivalent } : {}),
  }));
}

export async function killRate(options: {
  targets: readonly KillTarget[];
  seedStart: bigint;
  seedsMax: number;
  preset: string;
  workers: number;
  shrink: boolean;
  /** Called as each target finishes (in finishing order). */
  onRow?: (row: KillRow) => void;
}): Promise<KillRow[]> {
  const live = options.targets.filter((t) => t.equivalent === undefined);
  const newest = judgedProfile();
  const progress = new Progress(live.length, "targets");
  const results = await runTasks(
    live.map((t) => ({
      kind: "first-failure" as const,
      seedStart: options.seedStart.toString(),
      seedsMax: options.seedsMax,
      preset: options.preset,
      profile: t.profile,
      shrink: options.shrink,
      ...(t.kind === "mutant" ? { reference: newest } : {}),
    })),
    options.workers,
    (result, index) => {
      progress.add(1);
      if (result.kind === "first-failure") options.onRow?.({ target: live[index]!, outcome: result.outcome });
    },
  );
  progress.done();
  const byName = new Map(live.map((t, i) => [t.name, results[i]!.kind === "first-failure" ? results[i]!.outcome : undefined] as const));
  return options.targets.map((target) => {
    const outcome = byName.get(target.name);
    return outcome ? { target, outcome } : { target };
  });
}

export function formatKillTable(rows: readonly KillRow[]): string[] {
  const lines = [
    "| target | kind | seeds to first invariant failure | shrunk size (clients + steps) | invariant | replay path | first wire difference from 2026.9 |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const { target, outcome } of rows) {
    if (target.equivalent !== undefined) {
      lines.push(`| \`${target.name}\` | equivalent | — | — | — | — | ${target.equivalent} |`);
      continue;
    }
    const o = outcome!;
    const diff = target.kind === "known-bug" ? "n/a" : o.firstDiffSeed === undefined ? `none in ${o.seedsRun} seeds` : diffCell(o);
    const s = o.shrunk;
    if (o.firstFailSeed === undefined || !s) {
      lines.push(`| \`${target.name}\` | ${target.kind} | ${o.firstFailSeed ? `${o.seedsRun} (seed ${o.firstFailSeed})` : `**none in ${o.seedsRun}**`} | — | — | — | ${diff} |`);
      continue;
    }
    const size = `${s.clients + s.steps} (${s.clients} + ${s.steps})`;
    lines.push(`| \`${target.name}\` | ${target.kind} | ${o.seedsRun} (seed ${o.firstFailSeed}) | ${size} | ${s.invariant} | \`${s.path}\` | ${diff} |`);
  }
  return lines;
}

function diffCell(o: KillOutcome): string {
  const d = o.shrunkDiff;
  return d ? `seed ${o.firstDiffSeed}, shrunk to ${d.clients} + ${d.steps} (\`${d.path}\`)` : `seed ${o.firstDiffSeed}`;
}

/** Killed: an invariant failed, or (a mutant) its wire traffic differed from the newest profile's. */
export function isKilled(row: KillRow): boolean {
  return row.outcome?.firstFailSeed !== undefined || row.outcome?.firstDiffSeed !== undefined;
}

export async function runKillRate(args: SimArgs, seedStart: bigint, workers: number): Promise<number> {
  const preset = findPreset(args.preset ?? "light") ? (args.preset ?? "light") : "light";
  const seedsMax = args.chaos?.seedsMax ?? killSeedsMaxDefault;
  const cleanSeeds = args.chaos?.cleanSeeds ?? cleanSeedsDefault;
  const targets = [...knownBugTargets(), ...openBugTargets(), ...mutantTargets()];
  console.log(`kill-rate: ${targets.length} targets, up to ${seedsMax} seeds each from ${seedStart}, preset ${preset}, ${workers} worker(s)`);
  const rows = await killRate({
    targets,
    seedStart,
    seedsMax,
    preset,
    workers,
    shrink: true,
    onRow: (row) => console.error(`done ${formatKillTable([row]).at(-1)}`),
  });
  for (const line of formatKillTable(rows)) console.log(line);
  const survivors = rows.filter((r) => r.target.equivalent === undefined && !isKilled(r));
  const killed = rows.filter(isKilled).length;
  const byInvariant = rows.filter((r) => r.outcome?.firstFailSeed !== undefined).length;
  const equivalent = rows.filter((r) => r.target.equivalent !== undefined).length;
  console.log(`killed ${killed} of ${rows.length - equivalent} (${byInvariant} by an invariant, the rest by a wire difference; equivalent: ${equivalent}); survivors: ${survivors.map((r) => r.target.name).join(", ") || "none"}`);
  const newest = judgedProfile();
  const fixedText = openBugsOf(newestProfile()).map((b) => b.name).join(", ");
  const clean = await sweep({ seedStart, runs: cleanSeeds, workers, preset: findPreset(preset)!, profile: newest });
  const failed = clean.rows.filter((r) => r.verdict === "fail");
  console.log(`${newest.name}${fixedText ? ` (open bugs fixed: ${fixedText})` : ""} over ${cleanSeeds} seeds: ${failed.length === 0 ? "clean" : `${failed.length} failed (${failed.slice(0, 5).map((r) => `${r.seed} [${r.invariants.join(",")}]`).join("; ")})`}`);
  return survivors.length > 0 || failed.length > 0 ? 1 : 0;
}
