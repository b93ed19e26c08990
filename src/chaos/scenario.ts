// A chaos plan as a Scenario: build the generated world (pairing round included), run the timeline's steps in
// the safety phase, then heal — the operator applies the documented fix and faults stop — and every
// long-lived client must have a session again within the bound, with the standard invariants watching.
import {
  approvalWithinCaller,
  defaultInvariants,
  revokedTokenRefused,
  sharedSecretSessionsClosed,
  signedOverOwnChallenge,
  type Invariant,
} from "../invariants/index.ts";
import type { TraceEvent } from "../kernel/index.ts";
import { localBackendSkipsWithSharedSecret, type Profile } from "../profiles/index.ts";
import { specScenario, type Scenario, type ScenarioContext } from "../scenario/index.ts";
import { planToRunSpec } from "./to-lang.ts";
import { adversaryRefused } from "./adversary-refused.ts";
import { buildChaosWorld, runFor, type ChaosWorld } from "./chaos-world.ts";
import { heal } from "./heal.ts";
import { formatReplayPath, type ChaosPlan, type PlanSelection } from "./plan.ts";
import type { FaultPreset } from "./preset.ts";
import { describeStep } from "./steps.ts";
import { formatSwarm } from "./swarm.ts";
import { applyStep, emptyLedger, settlePending } from "./timeline.ts";

/** Time the clients get to pair before the timeline starts. */
export const pairingRoundMs = 8_000;
/** Virtual time the heal needs on top of the convergence bound (warm-up, approvals). */
export const healMsMax = 60_000;

export function isChaosConvergeNote(event: TraceEvent): boolean {
  return event.kind === "note" && event.data["converge"] === true;
}

/** Clients that must converge after the heal: all but a remote Control UI, which no fixed release lets in. */
export function convergingClients(plan: ChaosPlan): string[] {
  return plan.clients.filter((c) => !(c.kind === "control-ui" && c.on === "lan")).map((c) => c.name);
}

/**
 * The standard invariants, with convergence clocked by the heal note. Release-dependent options come from the
 * profile only where the difference is not a bug (a loopback client may omit the nonce where the release
 * allows it; a local backend the release never pairs holds no approval).
 */
export function chaosInvariants(plan: ChaosPlan, profile: Profile): Invariant[] {
  return [
    ...defaultInvariants({
      converges: { convergeWithinMs: plan.convergeWithinMs, clients: convergingClients(plan), isMarker: isChaosConvergeNote },
      // A local backend the release never pairs is exempt as an operator; as a node it needs an approved node role
      // (what 2026.9 does: no node session without a node token). Chaos holds every release to it.
      scopesWithinApproval: { exemptLocalBackend: localBackendSkipsWithSharedSecret(profile), localBackendNodeNeedsApproval: true, exemptSharedSecretOperators: profile.gateway.sharedAuthOperatorSkipsPairing },
      signedOverOwnChallenge: false,
      revokedTokenRefused: false,
    }),
    signedOverOwnChallenge({ allowMissingNonceWhenLocal: profile.gateway.nonceRequired === "remote-only" }),
    // What the fixed releases do (PR #55952, #57646, #60387 in scenarios/bugs/): a revoked or rotated device
    // token and a rotated shared secret end the live sessions that used them. Chaos holds every release to it.
    revokedTokenRefused({ closeLiveSessions: true }),
    sharedSecretSessionsClosed({ closeLiveSessions: true }),
    adversaryRefused(),
    // device.pair.approve is bounded by the caller's scopes (2026.9); chaos holds every release to it.
    approvalWithinCaller(),
  ];
}

/**
 * A chaos plan as a Scenario, run through the step language: the plan is translated to a RunSpec (to-lang.ts)
 * and the normal interpreter runs it. A plan holding a step kind the translation does not know yet runs on the
 * direct path below instead, with a note naming the step (never silently).
 */
export function chaosScenario(plan: ChaosPlan, selection: PlanSelection, preset: FaultPreset): Scenario {
  const translated = planToRunSpec(plan, preset, { selection });
  if (!translated.ok) return chaosScenarioDirect(plan, selection, preset, `direct path: ${translated.message}`);
  return specScenario(translated.spec);
}

/** The plan run by chaos's own interpreter (timeline.ts, heal.ts): the reference the step-language path is held to. */
export function chaosScenarioDirect(plan: ChaosPlan, selection: PlanSelection, preset: FaultPreset, why?: string): Scenario {
  return {
    name: `chaos-${plan.preset}`,
    description: `chaos run (${plan.preset}): ${plan.clients.length} clients, ${plan.steps.length} steps, then heal; replay path ${formatReplayPath(selection)}`,
    expectDefault: "pass",
    budgets: { virtualTimeMsMax: pairingRoundMs + plan.safetyMs + plan.convergeWithinMs + healMsMax * 2 },
    invariants: (profile) => chaosInvariants(plan, profile),
    run: (ctx) => {
      if (why !== undefined) ctx.note(why, { chaos: "direct" });
      return runPlan(plan, preset, ctx);
    },
  };
}

function pairingRound(cw: ChaosWorld, ctx: ScenarioContext): void {
  runFor(cw.world, pairingRoundMs / 2);
  settlePending(cw, "approve");
  for (const name of cw.clients.keys()) if (cw.world.client(name).state.lifecycle === "paused") cw.world.client(name).start();
  runFor(cw.world, pairingRoundMs / 2);
  ctx.note("pairing round done; the timeline starts", { chaos: "timeline" });
}

function runPlan(plan: ChaosPlan, preset: FaultPreset, ctx: ScenarioContext): void {
  ctx.note(`swarm: ${formatSwarm(plan.swarm)}; gateway ${JSON.stringify(plan.gateway)}`, { chaos: "plan" });
  const cw = buildChaosWorld(ctx.world, plan);
  pairingRound(cw, ctx);
  const ledger = emptyLedger();
  const startMs = ctx.world.scheduler.nowMs();
  for (const { atMs, step } of plan.steps) {
    const waitMs = startMs + atMs - ctx.world.scheduler.nowMs();
    if (waitMs > 0) runFor(ctx.world, waitMs);
    ctx.note(`step: ${describeStep(step)}`, { chaos: "step", step });
    applyStep(cw, step, preset, ledger);
  }
  const restMs = startMs + plan.safetyMs - ctx.world.scheduler.nowMs();
  if (restMs > 0) runFor(ctx.world, restMs);
  heal(cw, ledger, ctx);
  runFor(ctx.world, plan.convergeWithinMs + 10_000);
}
