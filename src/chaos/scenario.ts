// A chaos plan as a Scenario: build the generated world (pairing round included), run the timeline's steps in
// the safety phase, then heal — the operator applies the documented fix and faults stop — and every
// long-lived client must have a session again within the bound, with the standard invariants watching.
import {
  defaultInvariants,
  revokedTokenRefused,
  signedOverOwnChallenge,
  type Invariant,
} from "../invariants/index.ts";
import type { TraceEvent } from "../kernel/index.ts";
import type { Profile } from "../profiles/index.ts";
import type { Scenario, ScenarioContext } from "../scenario/index.ts";
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

export function chaosInvariants(plan: ChaosPlan, profile: Profile): Invariant[] {
  return [
    ...defaultInvariants({
      converges: { convergeWithinMs: plan.convergeWithinMs, clients: convergingClients(plan), isMarker: isChaosConvergeNote },
      scopesWithinApproval: { exemptLocalBackend: profile.gateway.localBackendPairingSkip === "also-shared-secret" },
      signedOverOwnChallenge: false,
      revokedTokenRefused: false,
    }),
    signedOverOwnChallenge({ allowMissingNonceWhenLocal: profile.gateway.nonceRequired === "remote-only" }),
    revokedTokenRefused({ closeLiveSessions: profile.gateway.revokeClosesSessions }),
    adversaryRefused(),
  ];
}

export function chaosScenario(plan: ChaosPlan, selection: PlanSelection, preset: FaultPreset): Scenario {
  return {
    name: `chaos-${plan.preset}`,
    description: `chaos run (${plan.preset}): ${plan.clients.length} clients, ${plan.steps.length} steps, then heal; replay path ${formatReplayPath(selection)}`,
    expectDefault: "pass",
    budgets: { virtualTimeMsMax: pairingRoundMs + plan.safetyMs + plan.convergeWithinMs + healMsMax * 2 },
    invariants: (profile) => chaosInvariants(plan, profile),
    run: (ctx) => runPlan(plan, preset, ctx),
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
