// A chaos plan as a Scenario: safety phase (fault episodes on a live world), then the world heals and every
// long-lived client must be connected again within the bound (liveness), with the standard invariants watching.
import { identityFromPrng, type DeviceIdentity } from "../crypto/index.ts";
import { drop, duplicate, type RuleHandle } from "../net/index.ts";
import { emptyPairingStore, type PairingStore } from "../gateway/index.ts";
import { defaultInvariants } from "../invariants/index.ts";
import { requireWithinBudget, type Scenario, type ScenarioContext } from "../scenario/index.ts";
import type { World } from "../world/index.ts";
import type { FaultPreset } from "./preset.ts";
import { formatReplayPath, type ChaosClient, type ChaosEpisode, type ChaosPlan, type PlanSelection } from "./plan.ts";

const port = 18789;
const token = "chaos-shared-token";
const gatewayHost = "gateway-host";

export function chaosScenario(plan: ChaosPlan, selection: PlanSelection, preset: FaultPreset): Scenario {
  return {
    name: `chaos-${plan.preset}`,
    description: `chaos run (${plan.preset}): ${plan.clients.length} clients, ${plan.episodes.length} fault episodes, then heal; replay path ${formatReplayPath(selection)}`,
    expectDefault: "pass",
    budgets: { virtualTimeMsMax: plan.safetyMs + plan.convergeWithinMs + 60_000 },
    invariants: () => defaultInvariants({ converges: { convergeWithinMs: plan.convergeWithinMs } }),
    run: (ctx) => runPlan(plan, preset, ctx),
  };
}

function identities(world: World, plan: ChaosPlan): Map<string, DeviceIdentity> {
  const out = new Map<string, DeviceIdentity>();
  for (const c of plan.clients) if (c.withDevice) out.set(c.name, identityFromPrng(world.scheduler.stream(`chaos:identity:${c.name}`)));
  return out;
}

/** Devices are paired beforehand: chaos is about faults, not about approvals. */
function pairedStore(plan: ChaosPlan, ids: Map<string, DeviceIdentity>, ctx: ScenarioContext): PairingStore {
  const store = emptyPairingStore();
  for (const c of plan.clients) {
    const id = ids.get(c.name);
    if (!id) continue;
    const role = c.kind === "node" ? "node" : "operator";
    const scopes = role === "node" ? [] : ["operator.admin", "operator.read", "operator.write"];
    store.paired[id.deviceId] = { deviceId: id.deviceId, publicKey: id.publicKeyBase64Url, role, roles: [role], scopes, approvedScopes: scopes, tokens: {}, createdAtMs: 0, approvedAtMs: 0 };
    ctx.note(`paired ${c.name} beforehand`, { what: "pairing.seeded", deviceId: id.deviceId, scopes, roles: [role] });
  }
  return store;
}

function runPlan(plan: ChaosPlan, preset: FaultPreset, ctx: ScenarioContext): void {
  const { world } = ctx;
  world.addHost({ name: gatewayHost, kind: "lan" });
  const ids = identities(world, plan);
  world.addGateway({ name: "gateway", host: gatewayHost, port, config: { auth: { mode: "token", token } }, store: pairedStore(plan, ids, ctx) });
  const lanAddress = world.network.hosts.get(gatewayHost).address;
  for (const c of plan.clients) startClient(world, c, ids.get(c.name) ?? null, lanAddress);
  const rules: RuleHandle[] = [];
  for (const episode of plan.episodes) scheduleEpisode(world, episode, rules, preset);
  requireWithinBudget(world.runFor(plan.safetyMs));
  for (const rule of rules.splice(0)) rule.remove();
  const gateway = world.gateway("gateway");
  if (!gateway.running) gateway.start();
  ctx.note("world healed: every client must reconnect", { converge: true });
  requireWithinBudget(world.runFor(plan.convergeWithinMs + 10_000));
}

function startClient(world: World, c: ChaosClient, identity: DeviceIdentity | null, lanAddress: string): void {
  let host = gatewayHost;
  let url = `ws://127.0.0.1:${port}`;
  if (c.on === "lan") {
    host = `${c.name}-host`;
    world.addHost({ name: host, kind: "lan" });
    url = `ws://${lanAddress}:${port}`;
  }
  world.addClient({ name: c.name, host, user: c.name, client: { kind: c.kind, url, identity, passiveToken: token } });
}

function scheduleEpisode(world: World, episode: ChaosEpisode, rules: RuleHandle[], preset: FaultPreset): void {
  const s = world.scheduler;
  const actor = "chaos";
  s.scheduleAt(episode.atMs, { actor, label: `fault ${episode.fault.kind}`, traced: true }, () => {
    const end = startFault(world, episode, preset);
    if (end.rule) rules.push(end.rule);
    s.schedule(episode.durationMs, { actor, label: `end ${episode.fault.kind}`, traced: true }, () => {
      if (end.rule) {
        end.rule.remove();
        rules.splice(rules.indexOf(end.rule), 1);
      }
      end.undo?.();
    });
  });
}

function startFault(world: World, episode: ChaosEpisode, preset: FaultPreset): { rule?: RuleHandle; undo?: () => void } {
  const f = episode.fault;
  const gateway = world.gateway("gateway");
  switch (f.kind) {
    case "drop":
      return { rule: world.network.addRule(drop({ ratio: preset.dropRatio })) };
    case "duplicate":
      return { rule: world.network.addRule(duplicate({ ratio: preset.duplicateRatio })) };
    case "partition":
      return { rule: world.partition(gatewayHost, `${f.client}-host`) };
    case "reset-all":
      for (const conn of world.network.connections()) world.network.reset(conn.id);
      return {};
    case "gateway-restart":
      gateway.restart(undefined, f.downMs);
      return {};
    case "gateway-crash":
      gateway.crash();
      world.scheduler.schedule(f.downMs, { actor: "chaos", label: "gateway back", traced: true }, () => gateway.start());
      return {};
    case "clock-skew":
      world.skewClock(`${f.client}-host`, f.deltaMs);
      return { undo: () => world.skewClock(`${f.client}-host`, -f.deltaMs) };
  }
}
