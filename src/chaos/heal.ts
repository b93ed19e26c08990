// The heal phase: faults stop (rules removed, clocks set back, the gateway started if it is down) and the
// operator applies the documented fix for token drift — one token everywhere (the config's; shell and `.env`
// copies updated), `openclaw gateway install --force`, `openclaw doctor --fix`, the current token handed to
// every client, every client relaunched, and pending device requests approved (the recovery checklist's re-pair
// step). Where a failed-auth limiter is configured the operator waits out its lockout before approving and
// restarting paused clients. From the heal note on, every long-lived client must converge (converges).
import { envNames, envValue, op, withDotEnvText, withShellEnv, envWith, withServiceUnit } from "../host/index.ts";
import type { ScenarioContext } from "../scenario/index.ts";
import { gatewayMachine, runFor, warmUpMs, withControlUiToken, type ChaosWorld } from "./chaos-world.ts";
import type { ChaosPlan } from "./plan.ts";
import { configToken, relaunch, settlePending, type FaultLedger } from "./timeline.ts";

/** Time the relaunched clients get before the operator approves their pairing requests. */
export const healApproveAfterMs = 10_000;

/**
 * How long the operator waits after relaunching the clients before approving and restarting the paused ones:
 * where the world configures a failed-auth limiter, long enough for a lockout earned during the safety phase to
 * run out (a client refused AUTH_RATE_LIMITED pauses, as the release's client does, and is restarted after it).
 */
export function healApproveAfter(plan: ChaosPlan): number {
  const limiter = plan.gateway.rateLimit;
  return limiter ? Math.max(healApproveAfterMs, limiter.lockoutMs + 1_000) : healApproveAfterMs;
}

function stopFaults(cw: ChaosWorld, ledger: FaultLedger): void {
  for (const rule of ledger.rules) rule.remove();
  ledger.rules.clear();
  for (const [host, deltaMs] of ledger.clockJumps) if (deltaMs !== 0) cw.world.skewClock(host, -deltaMs);
  ledger.clockJumps.clear();
}

function oneTokenEverywhere(cw: ChaosWorld, token: string): void {
  cw.world.updateMachine(gatewayMachine, (m) => {
    let out = m;
    if (envValue(m.shellEnv, envNames.gatewayToken) !== undefined) out = withShellEnv(out, envWith(out.shellEnv, envNames.gatewayToken, token));
    if (m.dotEnvText !== null && m.dotEnvText.includes(envNames.gatewayToken)) out = withDotEnvText(out, `${envNames.gatewayToken}=${token}\n`);
    // A hand-edited unit token is dropped; `gateway install --force` below writes what this release writes.
    const unit = out.serviceUnit;
    if (unit) out = withServiceUnit(out, { ...unit, environment: unit.environment.filter((e) => e.key !== envNames.gatewayToken) });
    for (const c of cw.clients.values()) {
      if (c.spec.kind === "control-ui" && c.spec.on === "gateway-host") out = withControlUiToken(out, c.spec.name, token, cw.world.profile.client.controlUiTokenPerTab);
    }
    return out;
  }, "heal: one gateway token in shell, .env and browser");
}

/** The operator hands every client the current token (where the client keeps its own) and relaunches it. */
function handToken(cw: ChaosWorld, token: string): void {
  for (const [name, state] of cw.clients) {
    state.token = token;
    relaunch(cw, name);
  }
}

export function heal(cw: ChaosWorld, ledger: FaultLedger, ctx: ScenarioContext): void {
  const { world } = cw;
  stopFaults(cw, ledger);
  ctx.note("heal: faults stop; the operator applies the token-drift recovery checklist", { converge: true });
  const token = configToken(cw);
  oneTokenEverywhere(cw, token);
  world.operator(gatewayMachine, op.gatewayInstall({ force: true }));
  world.operator(gatewayMachine, op.doctor({ fix: true }));
  if (!world.gateway("gateway").running) world.startGatewayService(gatewayMachine);
  runFor(world, warmUpMs(world));
  handToken(cw, token);
  runFor(world, healApproveAfter(cw.plan));
  settlePending(cw, "approve");
  for (const name of cw.clients.keys()) if (world.client(name).state.lifecycle === "paused") world.client(name).start();
}
