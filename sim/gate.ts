// `pnpm sim gate`: every library scenario under every profile, plus every scenario file under its own
// profile, against the declared verdicts. `--client real` instead holds the real OpenClaw client against the
// simulated one on the comparison stories.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  caseScenario,
  findProfile,
  gateUnexpectedCount,
  libraryJobs,
  parseCaseFile,
  profileDefault,
  profiles,
  renderGateTable,
  renderProgress,
  runGate,
  type GateJob,
  type Profile,
} from "../src/index.ts";
import { scenarios } from "../scenarios/index.ts";
import { UsageError, type SimArgs } from "./args.ts";
import { useColor } from "./output.ts";

const fileDirs = ["cases", "files"];

/** Scenario files: one that declares `verdicts` runs under every selected profile, others under their own. */
function fileJobs(selected: readonly Profile[]): GateJob[] {
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
        return under.map((profile) => ({ scenario: caseScenario(parsed.file), profile, source: { kind: "file" as const, path } }));
      });
  });
}

export async function runGateCommand(args: SimArgs, seed: bigint): Promise<number> {
  if (args.client === "real") return runRealClientGate(seed);
  const selected = args.profile ? [findProfile(args.profile) ?? fail(`unknown profile '${args.profile}' (pnpm sim --profiles lists them)`)] : profiles;
  const jobs = [...libraryJobs(scenarios, selected), ...fileJobs(selected)];
  const started = performance.now();
  const progress = process.stderr.isTTY === true;
  const { rows } = await runGate(jobs, {
    seed,
    onProgress: (done, total, label) => {
      if (progress) process.stderr.write(`\r${renderProgress({ done, total, label })}\x1b[K`);
    },
  });
  if (progress) process.stderr.write("\r\x1b[K");
  const color = useColor(args);
  if (args.json) console.log(JSON.stringify({ seed: seed.toString(), rows, unexpected: gateUnexpectedCount(rows) }));
  else console.log(renderGateTable(rows, { color }));
  const unexpected = gateUnexpectedCount(rows);
  if (!args.json) console.log(`gate: ${rows.length} runs, ${unexpected} unexpected verdict(s), seed ${seed}, ${Math.round(performance.now() - started)} ms wall`);
  return unexpected === 0 ? 0 : 1;
}

function fail(message: string): never {
  throw new UsageError(message);
}

async function runRealClientGate(seed: bigint): Promise<number> {
  const { compareClients, formatComparison } = await import("./real-client/compare.ts");
  const profile = findProfile("2026.9")!;
  const result = await compareClients({ seed, profile });
  if (result.kind !== "compared") {
    console.error(`clawsim: the real client is unavailable: ${result.reason}`);
    return 2;
  }
  console.log(formatComparison(result));
  const differing = result.stories.filter((s) => s.differences.length > 0).length;
  console.log(`gate --client real: ${result.stories.length} stories, ${differing} where the real client's verdict differs`);
  return differing === 0 ? 0 : 1;
}
