// Conformance fixtures: what the real gateway answered to every attempt of a live run (per configuration, in
// order, reset probes and shrink checks included), stored as outcome digests — the compared fields only, so no
// secret is kept — with the wall time of each attempt. Replaying one runs the same attempts through a fresh
// model World per configuration, its clock moved to each recorded time, and compares digests: offline and
// deterministic, so the test command holds the model to the recorded release without a network.
import { World, type Profile } from "../../src/index.ts";
import type { Attempt, Outcome } from "../oracle/attempt.ts";
import { fields } from "../oracle/model-replay.ts";
import { helloFields } from "./compare.ts";
import { modelGatewayConfig, type ConformanceConfig } from "./configs.ts";
import { modelToken } from "./sides.ts";

export const conformanceFixtureFormat = "clawsim-conformance/1";

export type OutcomeDigest = Readonly<Record<string, unknown>>;

export interface FixtureStep {
  readonly attempt: Attempt;
  /** Wall ms since the gateway was ready when the model side started the attempt (ModelSide.keepUpWithWallClock):
   *  after the real gateway had answered it, since OraclePair.step runs the real side first. */
  readonly atMs: number;
  readonly real: OutcomeDigest;
}

export interface ConformanceFixtureRun {
  readonly config: ConformanceConfig;
  readonly steps: readonly FixtureStep[];
}

export interface ConformanceFixture {
  readonly format: typeof conformanceFixtureFormat;
  readonly openclawVersion: string;
  readonly profile: string;
  readonly seed: string;
  readonly identities: Readonly<Record<string, string>>;
  readonly runs: readonly ConformanceFixtureRun[];
}

/** The compared fields of an outcome; hello.* only after hello-ok. JSON-safe (undefined fields dropped). */
export function outcomeDigest(outcome: Outcome): OutcomeDigest {
  const all = { ...fields(outcome), ...(outcome.response?.ok === true ? helloFields(outcome) : {}) };
  return JSON.parse(JSON.stringify(all)) as OutcomeDigest;
}

export interface DigestDivergence {
  readonly run: string;
  readonly attempt: string;
  readonly field: string;
  readonly real: unknown;
  readonly model: unknown;
}

/** Field differences of two digests (hello.* compared only when both said hello-ok, as compareAttempt does). */
export function compareDigests(run: string, attempt: string, real: OutcomeDigest, model: OutcomeDigest): DigestDivergence[] {
  const bothOk = real["ok"] === true && model["ok"] === true;
  const keys = [...new Set([...Object.keys(real), ...Object.keys(model)])].filter((k) => bothOk || !k.startsWith("hello."));
  return keys
    .filter((k) => JSON.stringify(real[k]) !== JSON.stringify(model[k]))
    .map((field) => ({ run, attempt, field, real: real[field], model: model[field] }));
}

const port = 18789;
const attemptVirtualMsMax = 60_000;

/** Runs one recorded configuration through a fresh model and returns every divergence. */
export function replayRun(run: ConformanceFixtureRun, identities: Readonly<Record<string, string>>, profile: Profile): DigestDivergence[] {
  const world = new World({ seed: 1n, profile });
  world.addHost({ name: "gw", kind: "lan" });
  // The real gateway runs with --bind loopback (sim/oracle/real-gateway.ts): no Control UI origins are seeded.
  world.addGateway({ name: "gateway", host: "gw", port, bind: "loopback", config: modelGatewayConfig(run.config, modelToken) });
  world.runFor(profile.gateway.startupUnavailableMs ?? 0);
  const startMs = world.scheduler.nowMs();
  const out: DigestDivergence[] = [];
  // Each attempt runs at the time the real one started, not at its own atMs (when the real one had ended): the
  // real side began right after the model finished the step before, so that step's atMs is the nearer bound of
  // when the real gateway judged this attempt (a slow real answer — 3.31 seed-43 c0005 ended ~540 ms after it
  // began — otherwise starts the model's limiter windows that much late).
  let startedAtMs = 0;
  for (const step of run.steps) {
    const behindMs = startMs + startedAtMs - world.scheduler.nowMs();
    startedAtMs = step.atMs;
    if (behindMs > 0) world.runFor(behindMs);
    const handle = world.attempt({ fromHost: "gw", url: `ws://127.0.0.1:${port}`, port, gatewayToken: modelToken, identities: { ...identities }, attempt: step.attempt });
    world.runUntil(() => handle.outcome !== undefined, attemptVirtualMsMax);
    const model = handle.outcome === undefined ? { "outcome": "none within the virtual time limit" } : outcomeDigest(handle.outcome);
    out.push(...compareDigests(run.config.name, step.attempt.name, step.real, model));
  }
  return out;
}

/** Every run of a fixture under a profile. */
export function replayConformanceFixture(fixture: ConformanceFixture, profile: Profile): DigestDivergence[] {
  return fixture.runs.flatMap((run) => replayRun(run, fixture.identities, profile));
}

/** Parses a fixture file's text; a wrong format is an error naming the file. */
export function parseConformanceFixture(text: string, path: string): ConformanceFixture {
  const parsed = JSON.parse(text) as Partial<ConformanceFixture>;
  if (parsed.format !== conformanceFixtureFormat || !Array.isArray(parsed.runs)) throw new Error(`${path}: not a ${conformanceFixtureFormat} fixture`);
  return parsed as ConformanceFixture;
}
