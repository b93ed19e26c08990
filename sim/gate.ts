// `pnpm sim gate`: every library scenario under every profile, plus every scenario file under its own
// profile, against the declared verdicts. `--client real` instead holds the real OpenClaw client against the
// simulated one on the comparison stories.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  caseScenario,
  checkRunSpec,
  findProfile,
  gateUnexpectedCount,
  libraryJobs,
  parseCaseFile,
  profileDefault,
  profiles,
  renderGateTable,
  runGate,
  runScenario,
  type GateJob,
  type Profile,
} from "../src/index.ts";
import { scenarios } from "../scenarios/index.ts";
import { UsageError, type SimArgs } from "./args.ts";
import { useColor } from "./output.ts";
import { progressLine } from "./progress.ts";
import { realClientRefusal } from "./real-client/applicable.ts";
import { parseRealClient, type ClientRelease } from "./real-client/releases.ts";

const fileDirs = ["cases", "files", "bugs"];

/** Scenario files: one that declares `verdicts` runs under every selected profile, others under their own. */
export function fileJobs(selected: readonly Profile[]): GateJob[] {
  return fileDirs.flatMap((dir) => {
    const abs = join(import.meta.dirname, "..", "scenarios", dir);
    return readdirSync(abs)
      .filter((f) => /\.(json|ya?ml)$/.test(f))
      .sort()
      .flatMap((f) => {
        const path = join("scenarios", dir, f);
        const parsed = parseCaseFile(readFileSync(join(abs, f), "utf8"), path);
        if (!parsed.ok) throw new UsageError(parsed.message);
        const own = findProfile(parsed.file.profile ?? profileDefault);
        if (!own) throw new UsageError(`${path}: unknown profile '${parsed.file.profile}'`);
        const under = parsed.file.verdicts ? selected : selected.includes(own) || selected.length > 1 ? [own] : [];
        for (const profile of under) {
          const fits = checkRunSpec(parsed.file, `${path} under ${profile.name}`, profile);
          if (!fits.ok) throw new UsageError(fits.message.split("\n")[0]!);
        }
        return under.map((profile) => ({ scenario: caseScenario(parsed.file), profile, source: { kind: "file" as const, path } }));
      });
  });
}

export async function runGateCommand(args: SimArgs, seed: bigint): Promise<number> {
  if (args.client === "real") return runRealClientGate(seed, args.realClient ?? parseRealClientOrFail("real"));
  const selected = args.profile ? [findProfile(args.profile) ?? fail(`unknown profile '${args.profile}' (pnpm sim --profiles lists them)`)] : profiles;
  const jobs = [...libraryJobs(scenarios, selected), ...fileJobs(selected)];
  const started = performance.now();
  const progress = progressLine({ total: jobs.length });
  const { rows } = await runGate(jobs, { seed, onProgress: (done, _total, label) => progress.update(done, label) });
  progress.finish();
  const color = useColor(args);
  if (args.json) console.log(JSON.stringify({ seed: seed.toString(), rows, unexpected: gateUnexpectedCount(rows) }));
  else console.log(renderGateTable(rows, { color }));
  const unexpected = gateUnexpectedCount(rows);
  if (!args.json) console.log(`gate: ${rows.length} runs, ${unexpected} unexpected verdict(s), seed ${seed}, ${Math.round(performance.now() - started)} ms wall`);
  return unexpected === 0 ? 0 : 1;
}

function parseRealClientOrFail(text: string): ClientRelease {
  const parsed = parseRealClient(text);
  if (!parsed.ok) fail(parsed.message);
  return parsed.release;
}

function fail(message: string): never {
  throw new UsageError(message);
}

/** Files whose clients the real OpenClaw client can play (see real-client/applicable.ts). */
function realApplicable(job: GateJob): boolean {
  const path = job.source?.kind === "file" ? job.source.path : undefined;
  if (!path) return false;
  const parsed = parseCaseFile(readFileSync(join(import.meta.dirname, "..", path), "utf8"), path);
  return parsed.ok && realClientRefusal(parsed.file) === undefined;
}

async function runRealClientGate(seed: bigint, release: ClientRelease): Promise<number> {
  const { compareClients, formatComparison } = await import("./real-client/compare.ts");
  const { loadRealClient } = await import("./real-client/load.ts");
  const profile = findProfile(release.profile)!;
  const loaded = await loadRealClient(release);
  if (loaded.kind !== "loaded") {
    console.error(`clawsim: the real client of ${release.kind === "package" ? "@openclaw/gateway-client" : "openclaw"}@${release.version} is unavailable: ${loaded.reason}`);
    return 2;
  }
  const result = await compareClients({ seed, profile, release });
  if (result.kind !== "compared") {
    console.error(`clawsim: the real client is unavailable: ${result.reason}`);
    return 2;
  }
  console.log(formatComparison(result));
  const storyDiffs = result.stories.filter((s) => s.differences.length > 0).length;
  // Every file that can run under this profile: its own profile, or one that declares verdicts per profile.
  const jobs = fileJobs([profile]).filter((j) => j.profile.name === profile.name && realApplicable(j));
  console.log(`\nscenario files under ${profile.name}, simulated client vs real ${loaded.label}:`);
  let fileDiffs = 0;
  for (const job of jobs) {
    const sim = await runScenario(job.scenario, { seed, profile, source: job.source });
    const real = await runScenario(job.scenario, { seed, profile, source: job.source, realClientModule: loaded.module });
    const again = await runScenario(job.scenario, { seed, profile, source: job.source, realClientModule: loaded.module });
    const same = sim.verdict === real.verdict;
    if (!same || again.traceHash !== real.traceHash) fileDiffs++;
    console.log(`  ${job.scenario.name.padEnd(32)} sim ${sim.verdict}  real ${real.verdict}  ${same ? "same" : "DIFFERENT"}  real trace ${real.traceHash.slice(0, 12)} ${again.traceHash === real.traceHash ? "stable" : "UNSTABLE"}`);
  }
  console.log(`gate --client real${release.kind === "package" ? "" : `@${release.version}`}: ${result.stories.length} stories (${storyDiffs} differ), ${jobs.length} scenario files (${fileDiffs} differ or unstable)`);
  return storyDiffs === 0 && fileDiffs === 0 ? 0 : 1;
}
