// Conformance fixtures: what the real gateway answered to every attempt of a live run (per configuration, in
// order, reset probes and shrink checks included), stored as outcome digests — the compared fields only, so no
// secret is kept — with the wall time of each attempt. Replaying one runs the same attempts through a fresh
// model World per configuration, its clock moved to each recorded time, and compares digests: offline and
// deterministic, so the test command holds the model to the recorded release without a network.
import { World, type Profile } from "../../src/index.ts";
import { linkLatenciesDefault } from "../../src/net/index.ts";
import type { Attempt, Outcome } from "../oracle/attempt.ts";
import { fields } from "../oracle/model-replay.ts";
import { helloFields } from "./compare.ts";
import { modelGatewayConfig, type ConformanceConfig } from "./configs.ts";
import { modelToken, restartModelGateway } from "./sides.ts";

export const conformanceFixtureFormat = "clawsim-conformance/1";

export type OutcomeDigest = Readonly<Record<string, unknown>>;

export interface FixtureStep {
  readonly attempt: Attempt;
  /** Wall ms since the gateway was ready when the model side started the attempt (ModelSide.keepUpWithWallClock):
   *  after the real gateway had answered it, since OraclePair.step runs the real side first. */
  readonly atMs: number;
  /** A `gatewayRestart` step: wall ms (same origin as atMs) when the restarted real gateway served again. */
  readonly readyAtMs?: number;
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

/** Whether a step counts as an attempt of the run (a generated attempt, an operator action or a gateway restart
 *  before one) rather than a reset probe or a shrink check. Takes the attempt's name, with or without its run. */
export function countedAttempt(name: string): boolean {
  return /^c\d+(-op|-restart)?$/.test(name.slice(name.lastIndexOf("/") + 1));
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

/** Where in its recorded time bounds a step ran (see replayRunBounded): at the start or the end, or at the start
 *  with its device proof signed in the millisecond of the check ("same-ms": the model's loopback frame latency,
 *  up to linkLatenciesDefault.loopback.maxMs, taken out of the signing-to-check time). */
export type StepBound = "start" | "end" | "same-ms";

/** One configuration replayed: the divergences of the world kept, and the steps that agree only elsewhere in
 *  their recorded time bounds (attempt names, in order; also reset probes and shrink checks). */
export interface RunReplay {
  readonly divergences: readonly DigestDivergence[];
  readonly timingBounded: readonly string[];
}

export interface ReplayOptions {
  /** "start": every step at its start bound only (the replay before 2026-12-05, and what --flips compares: the
   *  end-bound retry replays a run's prefix per divergent step, too slow for a mutant with hundreds of them).
   *  "both" (default): a step that diverges at its start bound is retried at its end bound. */
  readonly bounds?: "start" | "both";
}

/** A model World for one recorded configuration, stepped through the run's attempts. */
export class RunReplayer {
  readonly world: World;
  private readonly startMs: number;
  /** Model digest of every step run so far, as JSON: a rebuilt prefix must give the same answers. */
  readonly digests: string[] = [];

  private readonly startupUnavailableMs: number;

  constructor(
    private readonly run: ConformanceFixtureRun,
    private readonly identities: Readonly<Record<string, string>>,
    profile: Profile,
  ) {
    this.startupUnavailableMs = profile.gateway.startupUnavailableMs ?? 0;
    this.world = new World({ seed: 1n, profile });
    this.world.addHost({ name: "gw", kind: "lan" });
    // The real gateway runs with --bind loopback (sim/oracle/real-gateway.ts): no Control UI origins are seeded.
    this.world.addGateway({ name: "gateway", host: "gw", port, bind: "loopback", config: modelGatewayConfig(run.config, modelToken) });
    this.world.runFor(this.startupUnavailableMs);
    this.startMs = this.world.scheduler.nowMs();
  }

  /** The model's clock for step k at either bound, and how far the end bound lies after the start bound (0 when
   *  the model is already past both: then the two variants are the same run). The start bound is the previous
   *  step's atMs (0, when the gateway was ready, for the first step) — for a restart step, when the restarted
   *  gateway served again — and the end bound the step's own atMs. */
  private times(k: number): { nowMs: number; lateShiftMs: number } & Record<StepBound, number> {
    const nowMs = this.world.scheduler.nowMs();
    const start = Math.max(nowMs, this.startMs + (this.run.steps[k]!.readyAtMs ?? (k === 0 ? 0 : this.run.steps[k - 1]!.atMs)));
    const end = Math.max(start, this.startMs + this.run.steps[k]!.atMs);
    return { nowMs, start, end, "same-ms": start, lateShiftMs: end - start };
  }

  /** Whether step k (next to run) has an end-bound variant that differs from its start-bound one. */
  hasLateVariant(k: number): boolean {
    return this.times(k).lateShiftMs > 0;
  }

  /** Runs step k (the next one) at the given bound and returns the model's digest. At the end bound the model's
   *  clock is moved to the step's atMs and a device proof is signed as at the start bound (signedAt offset less
   *  the shift), so the time from signing to the check is the longest the bounds allow. */
  step(k: number, bound: StepBound): OutcomeDigest {
    if (k !== this.digests.length) throw new Error(`replay: step ${k} run out of order (next is ${this.digests.length})`);
    const step = this.run.steps[k]!;
    if (step.attempt.gatewayRestart === true) restartModelGateway(this.world, "gateway", this.startMs + (step.readyAtMs ?? step.atMs), this.startupUnavailableMs);
    const t = this.times(k);
    const at = t[bound];
    if (at > t.nowMs) this.world.runFor(at - t.nowMs);
    // Signed earlier by the shift to the end bound, or later by the most the frame can take to reach the check.
    const shiftMs = bound === "same-ms" ? -linkLatenciesDefault.loopback.maxMs : at - t.start;
    const attempt =
      shiftMs !== 0 && step.attempt.device !== undefined
        ? { ...step.attempt, device: { ...step.attempt.device, signedAtOffsetMs: (step.attempt.device.signedAtOffsetMs ?? 0) - shiftMs } }
        : step.attempt;
    const handle = this.world.attempt({ fromHost: "gw", url: `ws://127.0.0.1:${port}`, port, gatewayToken: modelToken, identities: { ...this.identities }, attempt });
    this.world.runUntil(() => handle.outcome !== undefined, attemptVirtualMsMax);
    const digest = handle.outcome === undefined ? { "outcome": "none within the virtual time limit" } : outcomeDigest(handle.outcome);
    this.digests.push(JSON.stringify(digest));
    return digest;
  }
}

/**
 * Runs one recorded configuration through a fresh model; returns the divergences and the steps that agree only
 * elsewhere in their recorded time bounds than the start.
 *
 * A step's atMs is when the model side started it, just after the real gateway had answered it (the real side
 * runs first), so the real gateway judged step k — and the real client signed its proof, before the check —
 * somewhere between the previous step's atMs and its own. Each step first runs at the start bound (the previous
 * atMs: a slow real answer — 3.31 seed-43 c0005 ended ~540 ms after it began — otherwise starts the model's
 * limiter windows that much late). A step that diverges there is retried at the end bound: the prefix is run
 * again from a fresh World with the same per-step choices (a World cannot be copied), then the step with the
 * model's clock at its atMs and its proof signed at the start bound. If that agrees, that World is kept and the
 * step counts as agreeing within the recorded time bounds; if not, the start-bound World is kept and the step
 * stays divergent.
 *
 * Only the two endpoints are tried, not the times between. What the recording leaves open is a clock comparison
 * (signedAt against the skew bound with a strict >, a limiter window's or lockout's end), and a step's bounds are
 * milliseconds apart (most under 20 ms) while those periods are seconds to minutes: at most one such boundary falls
 * within a step's bounds, so the answer is monotonic in the time and changes at most once between the two ends; if
 * some time within the bounds agrees, one of the ends does. A step that would need a time strictly inside and
 * neither end stays divergent rather than being searched for. For a device proof the time from signing to the check
 * is what matters, and it ranges from 0 (signed and checked in the same millisecond, as the real client and gateway
 * on one loopback can) to the whole width of the bounds. The start bound is not its 0 end: the model's connect
 * frame takes its virtual loopback latency (0–1 ms, drawn per packet) from the client's clock read to the check. So
 * a step with a proof that agrees at neither bound is tried once more at the start bound signed that 1 ms later
 * ("same-ms"): a real answer of "within the window" at exactly 600 s (model: expired after 1 ms) is reached there.
 */
export function replayRunBounded(run: ConformanceFixtureRun, identities: Readonly<Record<string, string>>, profile: Profile, options: ReplayOptions = {}): RunReplay {
  const name = run.config.name;
  /** The steps run elsewhere than at their start bound, and where. */
  const chosen = new Map<number, StepBound>();
  const timingBounded: string[] = [];
  const out: DigestDivergence[] = [];
  let replayer = new RunReplayer(run, identities, profile);
  run.steps.forEach((step, k) => {
    const others: StepBound[] = options.bounds === "start" ? [] : [...(replayer.hasLateVariant(k) ? ["end" as const] : []), ...(step.attempt.device !== undefined ? ["same-ms" as const] : [])];
    const divergences = compareDigests(name, step.attempt.name, step.real, replayer.step(k, "start"));
    if (divergences.length === 0 || others.length === 0) {
      out.push(...divergences);
      return;
    }
    for (const bound of others) {
      const twin = new RunReplayer(run, identities, profile);
      for (let j = 0; j < k; j++) {
        twin.step(j, chosen.get(j) ?? "start");
        if (twin.digests[j] !== replayer.digests[j]) throw new Error(`replay of ${name} not deterministic: ${run.steps[j]!.attempt.name} answered differently the second time`);
      }
      if (compareDigests(name, step.attempt.name, step.real, twin.step(k, bound)).length === 0) {
        chosen.set(k, bound);
        timingBounded.push(step.attempt.name);
        replayer = twin;
        return;
      }
    }
    out.push(...divergences);
  });
  return { divergences: out, timingBounded };
}

/** The divergences of one recorded configuration (replayRunBounded without the timing-bounded list). */
export function replayRun(run: ConformanceFixtureRun, identities: Readonly<Record<string, string>>, profile: Profile, options: ReplayOptions = {}): DigestDivergence[] {
  return [...replayRunBounded(run, identities, profile, options).divergences];
}

/** A whole fixture replayed: divergences and timing-bounded steps as "config/attempt". */
export interface FixtureReplay {
  readonly divergences: readonly DigestDivergence[];
  readonly timingBounded: readonly string[];
}

/** Every run of a fixture under a profile. */
export function replayFixtureBounded(fixture: ConformanceFixture, profile: Profile, options: ReplayOptions = {}): FixtureReplay {
  const runs = fixture.runs.map((run) => ({ run, replay: replayRunBounded(run, fixture.identities, profile, options) }));
  return {
    divergences: runs.flatMap(({ replay }) => replay.divergences),
    timingBounded: runs.flatMap(({ run, replay }) => replay.timingBounded.map((a) => `${run.config.name}/${a}`)),
  };
}

/** Every run of a fixture under a profile: the divergences only. */
export function replayConformanceFixture(fixture: ConformanceFixture, profile: Profile, options: ReplayOptions = {}): DigestDivergence[] {
  return [...replayFixtureBounded(fixture, profile, options).divergences];
}

/** Parses a fixture file's text; a wrong format is an error naming the file. */
export function parseConformanceFixture(text: string, path: string): ConformanceFixture {
  const parsed = JSON.parse(text) as Partial<ConformanceFixture>;
  if (parsed.format !== conformanceFixtureFormat || !Array.isArray(parsed.runs)) throw new Error(`${path}: not a ${conformanceFixtureFormat} fixture`);
  return parsed as ConformanceFixture;
}
