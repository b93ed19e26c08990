// `pnpm sim conformance --against openclaw@<version> [--attempts N] [--seed N] [--profile P] [--report DIR]`:
// the real gateway as a differential oracle. Installs (or reuses) the release, starts it with token auth, runs a
// seeded sequence of generated connect attempts on it and on a fresh model World under the matching profile,
// prints the divergence groups with shrunk examples, and stops the gateway and removes its scratch folder.
// Exit 0 no divergence, 1 divergences, 2 bad input or no real gateway. Reads wall time only to pace and report.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

import { findProfile, profiles, type Profile } from "../../src/index.ts";
import { UsageError, type SimArgs } from "../args.ts";
import { OracleDriver } from "../oracle/driver.ts";
import type { Attempt, Outcome } from "../oracle/attempt.ts";
import { GatewayStartError, READY_PROBE, startRealGateway, type RealGateway } from "../oracle/real-gateway.ts";
import { adaptToConfig, withProtocol } from "./adapt.ts";
import { forRelease, generateConfigs, modelGatewayConfig, readyProbeFor, realGatewayConfig, type ConformanceConfig } from "./configs.ts";
import { conformanceFixtureFormat, outcomeDigest, type ConformanceFixture, type ConformanceFixtureRun, type FixtureStep } from "./fixture.ts";
import { conformanceIdentities, fastCheckSeed, generateAttempts } from "./generate.ts";
import { ensureOpenclaw, parseAgainst } from "./install.ts";
import { divergenceTable, markdownReport, summaryLines, type ConformanceResult } from "./report.ts";
import { ModelSide, modelToken, RealSide } from "./sides.ts";
import { runSuite } from "./suite.ts";
import { progressLine } from "../progress.ts";
import { releaseRows } from "../bisect-real/releases.ts";

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

export function removeScratchOnExit(dir: string): () => void {
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

export interface ReleaseGatewayOptions {
  /** openclaw.json (merged over `{ gateway: { mode: "local" } }`); auth is given here, not on the command line. */
  readonly config: Readonly<Record<string, unknown>>;
  /** What `{{gatewayToken}}` stands for in the readiness probe. */
  readonly secret: string;
  readonly readyProbe: Attempt;
  /** Names the configuration in messages. */
  readonly configName: string;
  readonly label?: string;
  /** Also write the chosen port as `gateway.port` (releases whose `gateway run` ignores `--port`). */
  readonly portInConfig?: boolean;
  /** How long the gateway may take to listen (default the launcher's 90 s). */
  readonly listenWaitMs?: number;
  readonly log?: (line: string) => void;
}

/** Installs/reuses and starts a release; never throws: a failure is one line saying why. Shared by conformance
 *  and `bisect --real`; the caller stops the gateway (its processes and scratch folder go on exit and Ctrl-C too). */
export async function startReleaseGateway(version: string, options: ReleaseGatewayOptions): Promise<{ gateway: RealGateway } | { reason: string }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const install = ensureOpenclaw(version, { log });
  if (install.kind === "unavailable") return { reason: `cannot install openclaw@${version}: ${install.reason}` };
  log(`openclaw@${version} from ${install.dir}${install.fetched ? " (just installed)" : ""}; starting the gateway, config ${options.configName}`);
  try {
    const gateway = await startRealGateway({
      installDir: install.dir,
      label: options.label ?? "conformance",
      token: options.secret,
      authArgs: [],
      config: options.config,
      readyProbe: options.readyProbe,
      ...(options.portInConfig ? { portInConfig: true } : {}),
      ...(options.listenWaitMs !== undefined ? { listenWaitMs: options.listenWaitMs } : {}),
    });
    return { gateway };
  } catch (error) {
    const tail = error instanceof GatewayStartError ? lastWords(error.outputTail) : "";
    return { reason: `cannot start openclaw@${version} (config ${options.configName}): ${(error as Error).message.split("\n")[0]}${tail ? ` (it said: ${tail})` : ""}` };
  }
}

/** The gateway's last non-blank output line, shortened (why a start failed, in its own words). */
function lastWords(tail: string): string {
  const line = tail.split("\n").map((l) => l.trim()).filter((l) => l.length > 0).at(-1) ?? "";
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Releases whose `gateway run` ignores `--port` (the bisect table says which): the port goes in the config. */
function portGoesInConfig(version: string): boolean {
  return releaseRows.some((row) => row.release === version && row.portInConfig === true);
}

/** Installs/reuses and starts the release under a configuration; on failure prints one line and returns null. */
async function startGateway(version: string, config: ConformanceConfig, secret: string, protocol: number): Promise<RealGateway | null> {
  const started = await startReleaseGateway(version, {
    config: realGatewayConfig(config, secret),
    secret,
    readyProbe: withProtocol(readyProbeFor(config, READY_PROBE), protocol),
    configName: config.name,
    ...(portGoesInConfig(version) ? { portInConfig: true } : {}),
  });
  if ("reason" in started) {
    console.error(`clawsim: ${started.reason}`);
    return null;
  }
  return started.gateway;
}

interface ConfigRun {
  readonly result: ConformanceResult;
  readonly fixture: ConformanceFixtureRun;
}

/** One configuration: a fresh real gateway and a fresh model, the fitted attempts on both, then stop. */
async function runConfig(prepared: Prepared, config: ConformanceConfig, attempts: readonly Attempt[], identities: Record<string, string>): Promise<ConfigRun | null> {
  const { version, profile, seed } = prepared;
  const startedMs = performance.now();
  const secret = randomBytes(24).toString("base64url");
  const protocol = profile.gateway.protocolVersion;
  const gateway = await startGateway(version, config, secret, protocol);
  if (gateway === null) return null;
  const readyMs = performance.now();
  console.log(`gateway ready on 127.0.0.1:${gateway.port} after ${(gateway.startup.readyMs / 1000).toFixed(1)} s`);
  const forgetScratch = removeScratchOnExit(gateway.scratchDir);
  const steps: FixtureStep[] = [];
  try {
    const wallElapsedMs = (): number => performance.now() - readyMs;
    const real = new RealSide(gateway, new OracleDriver({ port: gateway.port, gatewayToken: gateway.token, identities }), wallElapsedMs);
    const model = new ModelSide({ profile, identities, wallElapsedMs, restartReadyWallMs: () => real.lastReadyWallMs, config: modelGatewayConfig(config, modelToken) });
    const onStep = (attempt: Attempt, realOutcome: Outcome): void => {
      steps.push({ attempt, atMs: model.lastWallMs, ...(attempt.gatewayRestart === true ? { readyAtMs: real.lastReadyWallMs } : {}), real: outcomeDigest(realOutcome) });
    };
    const resetProbe = withProtocol(readyProbeFor(config, READY_PROBE), protocol);
    const progress = progressLine({ total: attempts.length });
    let suite: Awaited<ReturnType<typeof runSuite>>;
    try {
      suite = await runSuite({
        real,
        model,
        attempts,
        identities,
        nowMs: () => performance.now(),
        log: (line) => {
          progress.finish();
          console.log(line);
        },
        onAttempt: (done) => progress.update(done, config.name),
        resetProbe,
        onStep,
        runName: config.name,
      });
    } catch (error) {
      if (!(error instanceof GatewayStartError)) throw error;
      progress.finish();
      console.error(`clawsim: openclaw@${version} (config ${config.name}): ${error.message}${lastWords(error.outputTail) ? ` (it said: ${lastWords(error.outputTail)})` : ""}`);
      return null;
    }
    progress.finish();
    const endMs = performance.now();
    const result: ConformanceResult = {
      against: `openclaw@${version}`,
      profile: profile.name,
      profileNote: `${prepared.profileNote}; config ${config.name}`,
      seed,
      attempts: suite.attempts,
      resets: suite.resets,
      divergentAttempts: suite.divergentAttempts,
      divergences: suite.divergences.length,
      groups: suite.groups,
      wallMs: { start: readyMs - startedMs, run: suite.runMs, shrink: suite.shrinkMs, total: endMs - startedMs },
    };
    return { result, fixture: { config, steps } };
  } finally {
    await gateway.stop();
    forgetScratch();
  }
}

/**
 * Why a trusted-proxy configuration cannot run against a release, or undefined. The tool's proxy is 127.0.0.1 and
 * its readiness and reset probes are device-less clients forwarded through it; a release that refuses either gets
 * none of them admitted, so its gateway would never look ready (the start would wait out its deadline).
 */
function trustedProxyUntestable(profile: Profile): string | undefined {
  if (profile.gateway.trustedProxyLoopback === "refused") {
    return `${profile.name} refuses every connect through a trusted proxy on loopback (trusted_proxy_loopback_source), which is where this tool's proxy is`;
  }
  if (!profile.gateway.sharedAuthIncludesTrustedProxy) {
    return `${profile.name} admits no device-less client on a trusted-proxy login (device identity required), which the readiness and reset probes are`;
  }
  return undefined;
}

export async function runConformance(args: SimArgs): Promise<number> {
  const prepared = prepare(args);
  const { version, profile, seed, count } = prepared;
  const configs = generateConfigs(fastCheckSeed(seed), args.configs ?? 1).map((c) => forRelease(c, profile.gateway.trustedProxyLoopback, profile.gateway.autoApproveLocalSetting));
  console.log(`seed ${seed}  profile ${profile.name} (${prepared.profileNote})  against openclaw@${version}  attempts ${count}  configs ${configs.length}`);
  const perConfig = Math.max(1, Math.floor(count / configs.length));
  const identities: Record<string, string> = { ...conformanceIdentities };
  const runs: ConfigRun[] = [];
  for (const [index, config] of configs.entries()) {
    const untestable = config.mode === "trusted-proxy" ? trustedProxyUntestable(profile) : undefined;
    if (untestable !== undefined) {
      console.log(`config ${config.name}: ${untestable}; skipped`);
      continue;
    }
    const base = generateAttempts(seed + BigInt(index), perConfig);
    const fitted = index === 0 && configs.length === 1 ? base : adaptToConfig(base, config, fastCheckSeed(seed) + index);
    const attempts = fitted.map((a) => withProtocol(a, profile.gateway.protocolVersion));
    const run = await runConfig(prepared, config, attempts, identities);
    if (run === null) {
      if (index === 0) return 2;
      console.log(`config ${config.name}: the real gateway did not start or restart; skipped`);
      continue;
    }
    console.log(`config ${config.name}:`);
    for (const line of [...divergenceTable(run.result.groups), ...summaryLines(run.result)]) console.log(line);
    runs.push(run);
  }
  const divergent = runs.reduce((n, r) => n + r.result.divergentAttempts, 0);
  const attemptsRun = runs.reduce((n, r) => n + r.result.attempts, 0);
  console.log(`total: ${configs.length} configs, ${attemptsRun} attempts, ${divergent} divergent, ${runs.reduce((n, r) => n + r.result.groups.length, 0)} groups`);
  if (args.reportDir !== undefined) writeReports(args.reportDir, prepared, runs, identities);
  return runs.every((r) => r.result.groups.length === 0) ? 0 : 1;
}

function writeReports(dir: string, prepared: Prepared, runs: readonly ConfigRun[], identities: Readonly<Record<string, string>>): void {
  mkdirSync(dir, { recursive: true });
  const stem = `conformance-openclaw-${prepared.version}-seed-${prepared.seed}`;
  const markdown = runs.map((r) => markdownReport(r.result)).join("\n");
  writeFileSync(join(dir, `${stem}.md`), markdown);
  const fixture: ConformanceFixture = {
    format: conformanceFixtureFormat,
    openclawVersion: prepared.version,
    profile: prepared.profile.name,
    seed: prepared.seed.toString(),
    identities,
    runs: runs.map((r) => r.fixture),
  };
  writeFileSync(join(dir, `${stem}.json`), `${JSON.stringify(fixture)}\n`);
  console.log(`report ${join(dir, `${stem}.md`)}, fixture ${join(dir, `${stem}.json`)}`);
}
