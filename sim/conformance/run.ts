// `pnpm sim conformance --against openclaw@<version> [--attempts N] [--seed N] [--profile P] [--report DIR]`:
// the real gateway as a differential oracle. Installs (or reuses) the release, starts it with token auth, runs a
// seeded sequence of generated connect attempts on it and on a fresh model World under the matching profile,
// prints the divergence groups with shrunk examples, and stops the gateway and removes its scratch folder.
// Exit 0 no divergence, 1 divergences, 2 bad input or no real gateway. Reads wall time only to pace and report.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

import { findProfile, profiles, type Profile } from "../../src/index.ts";
import { UsageError, type SimArgs } from "../args.ts";
import { OracleDriver } from "../oracle/driver.ts";
import { startRealGateway, type RealGateway } from "../oracle/real-gateway.ts";
import { conformanceIdentities, generateAttempts } from "./generate.ts";
import { ensureOpenclaw, parseAgainst } from "./install.ts";
import { divergenceTable, markdownReport, summaryLines, type ConformanceResult } from "./report.ts";
import { ModelSide } from "./sides.ts";
import { runSuite } from "./suite.ts";

export const conformanceAttemptsDefault = 1000;
export const conformanceSeedDefault = 424242n;
/** More than this many attempts is refused (the real gateway handles ~5 attempts a second). */
export const conformanceAttemptsMax = 100_000;

/** The profile for a release: exact name, then `major.minor`; otherwise the newest profile, said so. */
export function profileFor(version: string, override?: string): { profile: Profile; note: string } {
  if (override !== undefined) {
    const profile = findProfile(override);
    if (profile === undefined) throw new UsageError(`unknown profile '${override}' (pnpm sim --profiles lists them)`);
    return { profile, note: "chosen with --profile" };
  }
  const exact = findProfile(version);
  if (exact !== undefined) return { profile: exact, note: `matches ${version}` };
  const minor = version.split(".").slice(0, 2).join(".");
  const byMinor = findProfile(minor);
  if (byMinor !== undefined) return { profile: byMinor, note: `matches ${minor}.x` };
  const newest = profiles.at(-1)!;
  return { profile: newest, note: `no profile for ${version}: comparing with the newest profile, ${newest.name}` };
}

/** After Ctrl-C the gateway's helper processes may still write into its scratch folder (Node's compile cache)
 *  for a moment after the folder was removed; on an abnormal exit keep removing it until it stays gone. */
const scratchSettleMsMax = 3_000;
const scratchQuietChecks = 3;
const scratchPollMs = 200;

function removeScratchOnExit(dir: string): () => void {
  const handler = (): void => {
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const deadline = Date.now() + scratchSettleMsMax;
    for (let quiet = 0; quiet < scratchQuietChecks && Date.now() < deadline; ) {
      if (existsSync(dir)) {
        quiet = 0;
        try {
          rmSync(dir, { recursive: true, force: true });
        } catch {
          // Still being written to: try again on the next poll.
        }
      } else {
        quiet++;
      }
      Atomics.wait(pause, 0, 0, scratchPollMs);
    }
  };
  process.on("exit", handler);
  return () => process.off("exit", handler);
}

interface Prepared {
  readonly version: string;
  readonly profile: Profile;
  readonly profileNote: string;
  readonly seed: bigint;
  readonly count: number;
}

function prepare(args: SimArgs): Prepared {
  const against = parseAgainst(args.against);
  if (!against.ok) throw new UsageError(against.message);
  const count = args.attempts ?? conformanceAttemptsDefault;
  if (count > conformanceAttemptsMax) throw new UsageError(`--attempts must be at most ${conformanceAttemptsMax}, got ${count}`);
  const { profile, note } = profileFor(against.version, args.profile);
  return { version: against.version, profile, profileNote: note, seed: args.seed ?? conformanceSeedDefault, count };
}

/** Installs/reuses and starts the release; on failure prints one line and returns null. */
async function startGateway(version: string): Promise<RealGateway | null> {
  const install = ensureOpenclaw(version, { log: (line) => console.log(line) });
  if (install.kind === "unavailable") {
    console.error(`clawsim: cannot install openclaw@${version}: ${install.reason}`);
    return null;
  }
  console.log(`openclaw@${version} from ${install.dir}${install.fetched ? " (just installed)" : ""}; starting the gateway`);
  try {
    return await startRealGateway({ installDir: install.dir, label: "conformance" });
  } catch (error) {
    console.error(`clawsim: cannot start openclaw@${version}: ${(error as Error).message.split("\n")[0]}`);
    return null;
  }
}

export async function runConformance(args: SimArgs): Promise<number> {
  const prepared = prepare(args);
  const { version, profile, seed, count } = prepared;
  console.log(`seed ${seed}  profile ${profile.name} (${prepared.profileNote})  against openclaw@${version}  attempts ${count}`);
  const startedMs = performance.now();
  const attempts = generateAttempts(seed, count);
  const gateway = await startGateway(version);
  if (gateway === null) return 2;
  const readyMs = performance.now();
  console.log(`gateway ready on 127.0.0.1:${gateway.port} after ${(gateway.startup.readyMs / 1000).toFixed(1)} s`);
  const forgetScratch = removeScratchOnExit(gateway.scratchDir);
  try {
    const identities: Record<string, string> = { ...conformanceIdentities };
    const real = new OracleDriver({ port: gateway.port, gatewayToken: gateway.token, identities });
    const model = new ModelSide({ profile, identities, wallElapsedMs: () => performance.now() - readyMs });
    const suite = await runSuite({ real, model, attempts, identities, nowMs: () => performance.now(), log: (line) => console.log(line) });
    const endMs = performance.now();
    const result: ConformanceResult = {
      against: `openclaw@${version}`,
      profile: profile.name,
      profileNote: prepared.profileNote,
      seed,
      attempts: suite.attempts,
      resets: suite.resets,
      divergentAttempts: suite.divergentAttempts,
      divergences: suite.divergences.length,
      groups: suite.groups,
      wallMs: { start: readyMs - startedMs, run: suite.runMs, shrink: suite.shrinkMs, total: endMs - startedMs },
    };
    for (const line of [...divergenceTable(result.groups), ...summaryLines(result)]) console.log(line);
    if (args.reportDir !== undefined) {
      mkdirSync(args.reportDir, { recursive: true });
      const path = join(args.reportDir, `conformance-openclaw-${version}.md`);
      writeFileSync(path, markdownReport(result));
      console.log(`report ${path}`);
    }
    return result.groups.length === 0 ? 0 : 1;
  } finally {
    await gateway.stop();
    forgetScratch();
  }
}
