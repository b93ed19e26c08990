// Records the real OpenClaw gateway's answers to the curated attempts (curated.ts) and writes them, redacted,
// to test/fixtures/oracle/openclaw-<version>.json. Run: `npx tsx sim/oracle/record.ts [--out FILE] [--run NAME]`.
// Needs the install described in real-gateway.ts (default /root/oracle). Prints one line per attempt.

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

import type { Attempt, AttemptRecord, Outcome } from "./attempt.ts";
import { ALL_RUNS, IDENTITIES, type CuratedRun } from "./curated.ts";
import { identityFromSeed } from "./device-proof.ts";
import { OracleDriver } from "./driver.ts";
import { measurePreauthBudget, type PreauthBudgetObservation } from "./preauth-budget.ts";
import { GatewayStartError, READY_PROBE, resolveInstall, startRealGateway, type StartupObservation } from "./real-gateway.ts";
import { Redactor } from "./redact.ts";

const PREAUTH_SOCKETS_TRIED = 40;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface RecordedRun {
  readonly name: string;
  readonly description: string;
  readonly config: unknown;
  readonly startError?: { readonly message: string; readonly outputTail: string };
  readonly startup?: StartupObservation;
  readonly records?: readonly (AttemptRecord & { readonly resetBefore: boolean })[];
  readonly resetFailures?: readonly string[];
  readonly preauthBudget?: PreauthBudgetObservation;
  readonly durationMs: number;
}

export interface OracleFixture {
  readonly format: "clawsim-oracle/1";
  readonly openclawVersion: string;
  readonly gatewayNodeVersion: string;
  readonly recordedAt: string;
  readonly durationMs: number;
  readonly identities: Readonly<Record<string, { readonly seed: string; readonly deviceId: string }>>;
  readonly runs: readonly RecordedRun[];
}

function summarise(attempt: Attempt, outcome: Outcome): string {
  const r = outcome.response;
  const answer =
    outcome.upgradeRefused !== undefined
      ? `HTTP ${outcome.upgradeRefused.status}`
      : r === null
        ? "no response"
        : r.ok
          ? `hello-ok ${JSON.stringify((r.helloOk?.auth as { method?: unknown } | undefined)?.method ?? "")}`
          : `${r.error?.code} ${JSON.stringify(r.error?.message)}`;
  const close = outcome.close === null ? "open" : `${outcome.close.code}/${outcome.close.by}`;
  const rpc = (outcome.rpc ?? []).map((c) => `${c.method}:${c.ok ? "ok" : c.error?.code}`).join(" ");
  return `${attempt.name.padEnd(44)} ${String(outcome.elapsedMs).padStart(6)}ms  ${answer}  [${close}] ${rpc}`;
}

/** Gives each newly issued device token a readable label: <deviceToken:alice>, then <deviceToken:alice#2>, ... */
function labelNewDeviceTokens(driver: OracleDriver, redactor: Redactor, labelled: Map<string, string>): void {
  for (const [token, label] of driver.secrets()) {
    if (labelled.has(token) || label === "<gatewayToken>") continue;
    const issue = [...labelled.values()].filter((base) => base === label).length + 1;
    labelled.set(token, label);
    redactor.label(token, issue === 1 ? label : label.replace(/>$/, `#${issue}>`));
  }
}

async function recordRun(run: CuratedRun): Promise<RecordedRun> {
  const startedAt = performance.now();
  let gateway;
  try {
    gateway = await startRealGateway({ config: run.config, label: run.name });
  } catch (error) {
    const tail = error instanceof GatewayStartError ? error.outputTail : "";
    return {
      name: run.name,
      description: run.description,
      config: run.config,
      startError: { message: (error as Error).message, outputTail: tail.replace(/\/root\/oracle\/run-[^/\s]+/g, "<scratch>") },
      durationMs: Math.round(performance.now() - startedAt),
    };
  }
  try {
    const redactor = new Redactor(gateway.port, new Map([[gateway.token, "<gatewayToken>"]]));
    const driver = new OracleDriver({ port: gateway.port, gatewayToken: gateway.token, identities: IDENTITIES });
    const labelled = new Map<string, string>();
    const records: (AttemptRecord & { resetBefore: boolean })[] = [];
    const resetFailures: string[] = [];
    console.log(`# run ${run.name}: port ${gateway.port}, ready after ${gateway.startup.readyMs} ms`);
    for (const step of run.steps) {
      const resetBefore = step.resetBefore !== false;
      if (resetBefore) {
        const reset = await driver.run(READY_PROBE);
        if (reset.response?.ok !== true) resetFailures.push(`before ${step.attempt.name}: ${JSON.stringify(reset.response)}`);
      }
      const outcome = await driver.run(step.attempt);
      console.log(summarise(step.attempt, outcome));
      labelNewDeviceTokens(driver, redactor, labelled);
      records.push({ attempt: step.attempt, resetBefore, outcome: redactor.redact(outcome) as Outcome });
    }
    const preauthBudget = run.measurePreauthBudget === true ? await measurePreauthBudget(gateway.port, PREAUTH_SOCKETS_TRIED) : undefined;
    if (preauthBudget !== undefined) console.log(`# preauth budget: ${JSON.stringify(preauthBudget)}`);
    return {
      name: run.name,
      description: run.description,
      config: run.config,
      startup: redactor.redact(gateway.startup) as StartupObservation,
      records,
      ...(resetFailures.length > 0 ? { resetFailures } : {}),
      ...(preauthBudget !== undefined ? { preauthBudget } : {}),
      durationMs: Math.round(performance.now() - startedAt),
    };
  } finally {
    await gateway.stop();
  }
}

const INLINE_CHARS_MAX = 120;

/** Pretty JSON that keeps short objects/arrays (and arrays of scalars) on one line: readable and diff-friendly. */
export function formatFixtureJson(value: unknown, indent = ""): string {
  const inner = `${indent}  `;
  const flat = JSON.stringify(value);
  if (flat === undefined || flat.length + indent.length <= INLINE_CHARS_MAX) return flat ?? "null";
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== "object")) return flat;
    return `[\n${value.map((item) => inner + formatFixtureJson(item, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatFixtureJson(v, inner)}`).join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function argument(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const install = resolveInstall();
  const openclawVersion = String(JSON.parse(readFileSync(join(install.dir, "node_modules/openclaw/package.json"), "utf8")).version);
  const gatewayNodeVersion = execFileSync(install.node, ["--version"], { encoding: "utf8" }).trim();
  const only = argument("--run");
  const out = argument("--out") ?? join(REPO_ROOT, `test/fixtures/oracle/openclaw-${openclawVersion}.json`);
  const recordedAt = new Date().toISOString();
  const startedAt = performance.now();
  const runs: RecordedRun[] = [];
  for (const run of ALL_RUNS) {
    if (only !== undefined && run.name !== only) continue;
    runs.push(await recordRun(run));
  }
  const fixture: OracleFixture = {
    format: "clawsim-oracle/1",
    openclawVersion,
    gatewayNodeVersion,
    recordedAt,
    durationMs: Math.round(performance.now() - startedAt),
    identities: Object.fromEntries(
      Object.entries(IDENTITIES).map(([name, seed]) => [name, { seed, deviceId: identityFromSeed(seed).deviceId }]),
    ),
    runs,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${formatFixtureJson(fixture)}\n`);
  console.log(`# wrote ${out} (${runs.length} runs, ${fixture.durationMs} ms)`);
}

// Run as a script (not when bundled into dist/main.mjs, where import.meta.url is the bundle's).
if (process.argv[1] !== undefined && import.meta.url.endsWith("/record.ts") && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
