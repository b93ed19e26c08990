// `pnpm sim bisect <scenario|file> --real`: the scenario's plan on the real release of every release profile
// (one live gateway at a time: install/reuse, start, run, stop, through the conformance runner's launcher),
// bisect's flip sentence over the releases that ran, and the model's verdict next to the real one per release.
// A scenario whose world or steps have no real counterpart is bad input (one line, exit 2), never a verdict.
// Reads wall time only through the launcher and the plan's bounded waits.
import { performance } from "node:perf_hooks";

import { profiles } from "../../src/index.ts";
import { UsageError, type SimArgs } from "../args.ts";
import { bisectRows, describeFlips, scenarioOf, type BisectRow } from "../bisect.ts";
import { removeScratchOnExit, startReleaseGateway } from "../conformance/run.ts";
import { operatorClientFor } from "../conformance/configs.ts";
import { deviceTokenKey } from "../oracle/connect-frame.ts";
import { OracleDriver } from "../oracle/driver.ts";
import type { Attempt } from "../oracle/attempt.ts";
import { executePlan } from "./execute.ts";
import { runnableOnReal, type RealPlan } from "./plan.ts";
import type { ReleaseRow } from "./releases.ts";
import { describeRealFlips, fidelityDifferences, realFlipPoints, realRows, type FidelityDifference, type RealOutcome, type RealRow } from "./rows.ts";

/** A start on this shared 2-core machine took 35–100 s, more under load; bisect waits this long for the port. */
export const realListenWaitMs = 300_000;

/** The readiness probe: a device-less operator with the plan's secret (a local backend in mode none). */
export function readyProbeOf(plan: RealPlan): Attempt {
  const client = plan.authMode === "none" ? operatorClientFor({ name: "none", mode: "none" }) : { id: "cli", mode: "cli" };
  const auth = plan.authMode === "token" ? { token: plan.secret } : plan.authMode === "password" ? { password: plan.secret } : undefined;
  return {
    name: "ready-probe",
    probe: "device-less operator with the right secret",
    connect: {
      params: {
        minProtocol: plan.protocol,
        maxProtocol: plan.protocol,
        client: { ...client, version: "clawsim", platform: "linux" },
        role: "operator",
        scopes: ["operator.read"],
        ...(auth !== undefined ? { auth } : {}),
      },
    },
  };
}

/** Starts the release, runs the plan on it with the oracle driver, stops it (also on a failure or Ctrl-C). */
export async function runOnRelease(row: ReleaseRow, plan: RealPlan, log: (line: string) => void): Promise<RealOutcome> {
  const version = row.release!;
  const started = await startReleaseGateway(version, {
    config: plan.config,
    secret: plan.gatewayToken,
    readyProbe: readyProbeOf(plan),
    configName: `bisect (${row.profile})`,
    label: "bisect",
    listenWaitMs: realListenWaitMs,
    ...(row.portInConfig ? { portInConfig: true } : {}),
    log,
  });
  if ("reason" in started) {
    log(`could not run: ${started.reason}`);
    return { kind: "could-not-run", why: started.reason };
  }
  const { gateway } = started;
  log(`openclaw@${version} ready on 127.0.0.1:${gateway.port} after ${(gateway.startup.readyMs / 1000).toFixed(1)} s`);
  const forgetScratch = removeScratchOnExit(gateway.scratchDir);
  try {
    const driver = new OracleDriver({ port: gateway.port, gatewayToken: plan.gatewayToken, identities: plan.identities });
    const side = {
      run: (attempt: Attempt) => driver.run(attempt),
      rememberDeviceToken: (deviceId: string, role: string, token: string) => void driver.deviceTokens.set(deviceTokenKey(deviceId, role), token),
    };
    const result = await executePlan(plan, side);
    for (const line of result.log) log(`  ${line}`);
    return { kind: "ran", verdict: result.verdict, failures: result.failures, log: result.log, readyMs: gateway.startup.readyMs };
  } finally {
    await gateway.stop();
    forgetScratch();
  }
}

function realCell(row: RealRow): string {
  const o = row.outcome;
  if (o.kind === "could-not-run") return `could not run (${o.why})`;
  const why = o.verdict === "fail" ? ` — ${o.failures[0]?.message ?? ""}` : "";
  return `${o.verdict}${row.sameRunAs !== undefined ? ` (same run as ${row.sameRunAs})` : ""}${why}`;
}

export function realReportLines(target: string, real: readonly RealRow[], model: readonly BisectRow[], differences: readonly FidelityDifference[]): string[] {
  const lines = [`bisect ${target} --real  ${real.length} release profiles in release order, each on the real release it stands for`];
  for (const row of real) {
    const m = model.find((r) => r.profile === row.profile);
    const release = row.release === null ? "(none)" : `openclaw ${row.release}`;
    lines.push(`  ${row.profile.padEnd(10)} ${release.padEnd(18)} model ${(m?.verdict ?? "-").padEnd(4)}  real ${realCell(row)}`);
  }
  lines.push(`real:  ${target}: ${describeRealFlips(real)}`);
  lines.push(`model: ${target}: ${describeFlips(model)}`);
  const compared = real.filter((r) => r.outcome.kind === "ran").length;
  if (differences.length === 0) lines.push(`fidelity: model and real agree on all ${compared} release(s) that ran`);
  for (const d of differences) {
    lines.push(`FIDELITY FINDING ${d.profile} (openclaw ${d.release}): model ${d.model}, real ${d.real}${d.detail ? ` — ${d.detail}` : ""}`);
  }
  return lines;
}

export async function runBisectReal(args: SimArgs, seed: bigint): Promise<number> {
  const target = args.target!;
  const scenario = scenarioOf(target);
  if (scenario.spec === undefined) throw new UsageError(`${target}: not runnable on a real gateway: it is not written in the step language`);
  const runnable = runnableOnReal(scenario.spec);
  if (!runnable.ok) throw new UsageError(`${target}: not runnable on a real gateway: ${runnable.reason}`);
  const model = await bisectRows(target, seed);
  const log = (line: string) => console.error(line);
  const startedMs = performance.now();
  const real = await realRows(scenario.spec, profiles, (row, plan) => {
    log(`${row.profile}: openclaw ${row.release}${row.note ? ` (${row.note})` : ""}`);
    return runOnRelease(row, plan, log);
  });
  const modelDetail = (profile: string) => model.find((r) => r.profile === profile)?.firstFinding ?? "";
  const differences = fidelityDifferences(real, model, modelDetail);
  log(`bisect --real took ${((performance.now() - startedMs) / 1000).toFixed(0)} s`);
  if (args.json) {
    const rows = real.map((r) => ({ ...r, model: model.find((m) => m.profile === r.profile) }));
    console.log(JSON.stringify({ target, seed: seed.toString(), real: true, rows, flips: realFlipPoints(real), summary: describeRealFlips(real), modelSummary: describeFlips(model), fidelity: differences }));
  } else {
    for (const line of realReportLines(target, real, model, differences)) console.log(line);
  }
  return real.some((r) => r.outcome.kind === "ran") ? 0 : 2;
}
