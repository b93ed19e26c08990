// `pnpm sim chaos --kill-rate`: chaos against every target that must fail — each profile that carries a known
// bug (a library scenario fails under it but passes under the newest profile) and each single-switch mutant of
// the newest profile — printing target → seeds to first failure → shrunk size. Mutants no observable behaviour
// can distinguish are listed with the reason. The newest profile must stay clean over --clean-seeds seeds.
// Exit 1 when a target survives or the newest profile fails.
import { expectedVerdict, findPreset, profiles, singleSwitchMutants, type Profile } from "../src/index.ts";
import { scenarios } from "../scenarios/index.ts";
import type { SimArgs } from "./args.ts";
import { runTasks } from "./chaos-pool.ts";
import type { KillOutcome } from "./chaos-run.ts";
import { sweep } from "./chaos.ts";

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

/** Profiles with a known bug: some library scenario fails under them and passes under the newest profile. */
export function knownBugTargets(): KillTarget[] {
  const newest = newestProfile();
  return profiles
    .filter((p) => p !== newest)
    .map((p) => ({ p, bugs: scenarios.filter((s) => expectedVerdict(s, p.name) === "fail" && expectedVerdict(s, newest.name) === "pass").map((s) => s.name) }))
    .filter(({ bugs }) => bugs.length > 0)
    .map(({ p, bugs }) => ({ name: p.name, kind: "known-bug" as const, profile: p, why: bugs.join(", ") }));
}

export function mutantTargets(): KillTarget[] {
  return singleSwitchMutants(newestProfile()).map((m) => ({
    name: m.name,
    kind: "mutant" as const,
    profile: m.profile,
    why: `${m.group}.${m.switchName} flipped`,
    ...(m.equivalent !== undefined ? { equivalent: m.equivalent } : {}),
  }));
}

export async function killRate(options: { targets: readonly KillTarget[]; seedStart: bigint; seedsMax: number; preset: string; workers: number; shrink: boolean }): Promise<KillRow[]> {
  const live = options.targets.filter((t) => t.equivalent === undefined);
  const results = await runTasks(
    live.map((t) => ({ kind: "first-failure" as const, seedStart: options.seedStart.toString(), seedsMax: options.seedsMax, preset: options.preset, profile: t.profile, shrink: options.shrink })),
    options.workers,
  );
  const byName = new Map(live.map((t, i) => [t.name, results[i]!.kind === "first-failure" ? results[i]!.outcome : undefined] as const));
  return options.targets.map((target) => {
    const outcome = byName.get(target.name);
    return outcome ? { target, outcome } : { target };
  });
}

export function formatKillTable(rows: readonly KillRow[]): string[] {
  const lines = ["| target | kind | seeds to first failure | shrunk size (clients + steps) | invariant | replay path |", "|---|---|---|---|---|---|"];
  for (const { target, outcome } of rows) {
    if (target.equivalent !== undefined) {
      lines.push(`| \`${target.name}\` | equivalent | — | — | — | ${target.equivalent} |`);
      continue;
    }
    const o = outcome!;
    if (o.firstFailSeed === undefined) {
      lines.push(`| \`${target.name}\` | ${target.kind} | **survived ${o.seedsRun}** | — | — | — |`);
      continue;
    }
    const s = o.shrunk;
    const size = s ? `${s.clients + s.steps} (${s.clients} + ${s.steps})` : "—";
    lines.push(`| \`${target.name}\` | ${target.kind} | ${o.seedsRun} (seed ${o.firstFailSeed}) | ${size} | ${s?.invariant ?? "—"} | ${s ? `\`${s.path}\`` : "—"} |`);
  }
  return lines;
}

export async function runKillRate(args: SimArgs, seedStart: bigint, workers: number): Promise<number> {
  const preset = findPreset(args.preset ?? "light") ? (args.preset ?? "light") : "light";
  const seedsMax = args.chaos?.seedsMax ?? killSeedsMaxDefault;
  const cleanSeeds = args.chaos?.cleanSeeds ?? cleanSeedsDefault;
  const targets = [...knownBugTargets(), ...mutantTargets()];
  console.log(`kill-rate: ${targets.length} targets, up to ${seedsMax} seeds each from ${seedStart}, preset ${preset}, ${workers} worker(s)`);
  const rows = await killRate({ targets, seedStart, seedsMax, preset, workers, shrink: true });
  for (const line of formatKillTable(rows)) console.log(line);
  const survivors = rows.filter((r) => r.target.equivalent === undefined && r.outcome?.firstFailSeed === undefined);
  const killed = rows.filter((r) => r.outcome?.firstFailSeed !== undefined).length;
  const equivalent = rows.filter((r) => r.target.equivalent !== undefined).length;
  console.log(`killed ${killed} of ${rows.length - equivalent} (equivalent: ${equivalent}); survivors: ${survivors.map((r) => r.target.name).join(", ") || "none"}`);
  const newest = newestProfile();
  const clean = await sweep({ seedStart, runs: cleanSeeds, workers, preset: findPreset(preset)!, profile: newest });
  const failed = clean.rows.filter((r) => r.verdict === "fail");
  console.log(`${newest.name} over ${cleanSeeds} seeds: ${failed.length === 0 ? "clean" : `${failed.length} failed (${failed.slice(0, 5).map((r) => `${r.seed} [${r.invariants.join(",")}]`).join("; ")})`}`);
  return survivors.length > 0 || failed.length > 0 ? 1 : 0;
}
