// A chaos plan in the one step language: the generated world, the pairing round, the timeline's steps at their
// times (waitUntil after a time mark, since operator RPCs take time of their own), the heal and the invariants
// chaos holds every release to, as a RunSpec that `pnpm sim run` runs through the normal interpreter. Identity
// seeds are the ones the chaos world draws for this seed, so the same seed replays the same run. The gateway
// machine's config is passed through as the plan draws it (planGatewayConfig). A chaos step kind without a
// translation is refused with its name, never dropped.
import { Prng } from "../kernel/index.ts";
import { envNames, op } from "../host/index.ts";
import type { ConnectPayload, InvariantRef, RunSpec, Step } from "../scenario/index.ts";
import {
  browserProfile,
  gatewayHostAddress,
  gatewayMachine,
  localUrl,
  planGatewayConfig,
  remoteUrl,
  tabId,
  warmUpMarginMs,
} from "./chaos-world.ts";
import { adversaryHost } from "./adversary.ts";
import { probeHost, probeIdentities, type ProbeAttempt, type ProbeFrom } from "./probes.ts";
import { gatewayIdentitiesNamed, gatewayIdentitySeed, isGatewayIdentity } from "./worlds-gateway.ts";
import { firstToken, type ChaosClient, type ChaosPlan } from "./plan.ts";
import type { FaultPreset } from "./preset.ts";
import { convergingClients, healMsMax, pairingRoundMs } from "./scenario.ts";
import { healApproveAfter } from "./heal.ts";
import type { Attack, ChaosStep, NetFault } from "./steps.ts";
import { clientWorldSteps } from "./worlds-client.ts";
import { formatReplayPath, type PlanSelection } from "./plan.ts";

export type ToLangResult = { readonly ok: true; readonly spec: RunSpec } | { readonly ok: false; readonly message: string };

/** The time mark the timeline's step times count from. */
export const timelineMark = "timeline";
const configToken = `{{configToken:${gatewayMachine}}}`;
const operatorIdentity = "operator-cli";

/** What the translation tracks per client while it walks the timeline (chaos-world's ChaosClientState, statically). */
interface ClientTrack {
  readonly spec: ChaosClient;
  identity: string | null;
  user: string;
  generation: number;
  token: string;
}

interface Walk {
  readonly plan: ChaosPlan;
  readonly preset: FaultPreset;
  readonly steps: Step[];
  readonly identities: Record<string, string>;
  readonly clients: Map<string, ClientTrack>;
  /** Clock jumps not yet undone, by host (first jump first), as the heal undoes them. */
  readonly clockJumps: Map<string, number>;
  snapshots: number;
  /** The probe host has been added (before the first probe from the LAN). */
  probeHostAdded: boolean;
  /** Hosts and machines the client-world steps declared (worlds-client.ts). */
  readonly clientWorldAdded: Set<string>;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("hex");
}

/** The seed chaos-world draws for an identity: `identityFromPrng(world.scheduler.stream(name))` of the run's seed. */
function identitySeed(walk: Walk, stream: string): string {
  return hex(new Prng(walk.plan.seed, stream).bytes(32));
}

function identityName(client: string, generation: number): string {
  return generation === 0 ? client : `${client}~${generation}`;
}

function newIdentity(walk: Walk, client: string, generation: number): string {
  const name = identityName(client, generation);
  walk.identities[name] = identitySeed(walk, `chaos:identity:${client}:${generation}`);
  return name;
}

/** The step that starts (or relaunches) a client with its current identity, user and own token. */
function startStep(track: ClientTrack, relaunch: boolean): Step {
  const c = track.spec;
  const again = relaunch ? { relaunch: true } : {};
  if (c.on === "gateway-host") {
    const common = { machine: gatewayMachine, name: c.name, user: track.user, kind: c.kind, identity: track.identity, ...again };
    if (c.kind === "control-ui") return { machineClient: { ...common, browser: browserProfile, tabId: tabId(c.name) } };
    const flags = c.credential === "explicit" ? { flags: { token: track.token } } : {};
    const env = c.credential === "own-env" ? { env: { [envNames.gatewayToken]: track.token } } : {};
    return { machineClient: { ...common, ...flags, ...env } };
  }
  const credential = c.credential === "explicit" ? { explicitToken: track.token } : { passiveToken: track.token };
  const identity = track.identity !== null ? { identity: track.identity } : {};
  return { client: { name: c.name, kind: c.kind, host: `${c.name}-host`, url: remoteUrl, user: track.user, ...identity, ...credential, ...again } };
}

function worldSteps(walk: Walk): void {
  const { plan, steps } = walk;
  const g = plan.gateway;
  const config = planGatewayConfig(plan) as Record<string, unknown>;
  steps.push({ host: { name: gatewayMachine, kind: "lan", address: gatewayHostAddress } });
  walk.identities[operatorIdentity] = identitySeed(walk, "chaos:identity:operator-cli");
  steps.push({
    machine: {
      name: gatewayMachine,
      host: gatewayMachine,
      config,
      ...(g.shellToken ? { shellEnv: { [envNames.gatewayToken]: firstToken } } : {}),
      dotEnv: g.dotEnvToken ? `${envNames.gatewayToken}=${firstToken}\n` : null,
      cliIdentity: operatorIdentity,
      ...(g.legacyUnit ? { legacyUnit: { config: structuredClone(config) } } : {}),
      ...(g.container ? { container: true } : {}),
      // The operator of an older release never wrote keys it does not know (the drawn limiter under 2.12 …).
      releaseKeysOnly: true,
    },
  });
  for (const c of plan.clients) {
    if (c.kind !== "control-ui" || c.on !== "gateway-host") continue;
    steps.push({ browserToken: { machine: gatewayMachine, browser: browserProfile, tabId: tabId(c.name), token: firstToken, url: localUrl } });
  }
  steps.push(g.legacyUnit ? { gatewayStart: { machine: gatewayMachine, via: "service" } } : { openclaw: { machine: gatewayMachine, command: { ...op.gatewayInstall() } } });
  steps.push({ warmUp: { plusMs: warmUpMarginMs } });
  for (const c of plan.clients) {
    if (c.on === "lan") steps.push({ host: { name: `${c.name}-host`, kind: "lan" } });
    const identity = c.withDevice ? newIdentity(walk, c.name, 0) : null;
    const track: ClientTrack = { spec: c, identity, user: c.name, generation: 0, token: firstToken };
    walk.clients.set(c.name, track);
    steps.push(startStep(track, false));
  }
  const all = plan.clients.map((c) => c.name);
  steps.push({ wait: pairingRoundMs / 2 });
  steps.push({ settlePending: { machine: gatewayMachine, verdict: "approve", restart: all } });
  steps.push({ wait: pairingRoundMs / 2 });
  steps.push({ note: "pairing round done; the timeline starts" });
  steps.push({ timeMark: timelineMark });
}

function ratioText(r: { numerator: number; denominator: number }): string {
  return `${r.numerator}/${r.denominator}`;
}

function faultStep(walk: Walk, fault: NetFault, forMs: number): Step {
  switch (fault.kind) {
    case "drop":
      return { netFault: { drop: ratioText(walk.preset.dropRatio), forMs } };
    case "duplicate":
      return { netFault: { duplicate: ratioText(walk.preset.duplicateRatio), forMs } };
    case "partition":
      return { netFault: { partition: [gatewayMachine, `${fault.client}-host`], forMs } };
    case "reset-all":
      return { netFault: { resetAll: true, forMs } };
    case "process-restart":
      return { netFault: { processRestart: { downMs: fault.downMs }, forMs } };
    case "gateway-crash":
      return { netFault: { gatewayCrash: { downMs: fault.downMs }, forMs } };
    case "clock-jump": {
      const host = `${fault.client}-host`;
      walk.clockJumps.set(host, (walk.clockJumps.get(host) ?? 0) + fault.deltaMs);
      return { netFault: { clockJump: { host, deltaMs: fault.deltaMs }, forMs } };
    }
  }
}

function attackStep(walk: Walk, attack: Attack): Step {
  const base = { kind: attack.kind, host: adversaryHost, url: remoteUrl, token: configToken };
  if (attack.kind === "preauth-flood") return { attack: { ...base, sockets: attack.sockets } };
  if (attack.kind === "bad-frame") return { attack: { ...base, shape: attack.shape } };
  const track = walk.clients.get(attack.client)!;
  const role = track.spec.kind === "node" ? "node" : "operator";
  if (attack.kind === "forge-device-id") return { attack: { ...base, target: attack.client } };
  return { attack: { ...base, victim: track.identity!, target: attack.client, ...(attack.kind === "stale-device-token" ? { role } : {}) } };
}

/** The steps of one chaos step, or a message saying why it has no translation. */
function chaosStepSteps(walk: Walk, step: ChaosStep): Step[] | string {
  const openclaw = (command: object, extra: object = {}): Step => ({ openclaw: { machine: gatewayMachine, command: { ...command } as never, ...extra } });
  switch (step.kind) {
    case "rotate-token":
      if (step.site === "config") return [openclaw(op.rotateSharedToken(step.token))];
      return [{ hostEnv: { machine: gatewayMachine, site: step.site, name: envNames.gatewayToken, value: step.token } }];
    case "gateway-restart":
      return [openclaw(op.gatewayRestart())];
    case "gateway-install":
      return [openclaw(op.gatewayInstall({ force: step.force }))];
    case "doctor-fix": {
      if (step.racesRotationTo === undefined) return [openclaw(op.doctor({ fix: true }))];
      // doctor read the config before the rotation landed (seed 002's race).
      const as = `doctor-read-${++walk.snapshots}`;
      return [
        { snapshot: { machine: gatewayMachine, as } },
        openclaw(op.rotateSharedToken(step.racesRotationTo)),
        openclaw(op.doctor({ fix: true }), { doctorSnapshot: as, otherDoctorFixesPending: true }),
      ];
    }
    case "device-rotate":
    case "device-revoke":
    case "device-remove": {
      const track = walk.clients.get(step.client)!;
      if (track.identity === null) return [];
      const deviceId = `{{deviceId:${track.identity}}}`;
      const role = track.spec.kind === "node" ? "node" : "operator";
      if (step.kind === "device-rotate") return [openclaw(op.devicesRotate({ deviceId, role, ...(step.scopes ? { scopes: step.scopes } : {}) }))];
      if (step.kind === "device-revoke") return [openclaw(op.devicesRevoke({ deviceId, role }))];
      return [openclaw(op.devicesRemove(deviceId))];
    }
    case "approve-pending":
    case "reject-pending":
      return [{ settlePending: { machine: gatewayMachine, verdict: step.kind === "approve-pending" ? "approve" : "reject" } }];
    case "relaunch":
      return [startStep(walk.clients.get(step.client)!, true)];
    case "identity-loss": {
      const track = walk.clients.get(step.client)!;
      track.generation++;
      track.identity = newIdentity(walk, step.client, track.generation);
      track.user = `${step.client}~${track.generation}`;
      return [startStep(track, true)];
    }
    case "fault":
      return [faultStep(walk, step.fault, step.durationMs)];
    case "adversary":
      return [attackStep(walk, step.attack)];
    case "probe":
      return probeSteps(walk, step.from, step.attempt, step.copies ?? 1);
    case "ui-tab":
    case "named-ws-client":
    case "slow-challenge":
    case "handshake-env":
      return clientWorldSteps(step, configToken, walk.clientWorldAdded);
    case "config-edit":
      return [openclaw(op.configSet(step.path, step.value))];
    case "cli-auth-loss":
      return [{ machineFile: { machine: gatewayMachine, file: "device-auth", action: "delete" } }];
    case "setup-code": {
      walk.identities[step.identity] ??= gatewayIdentitySeed(step.identity);
      const host = `${step.name}-host`;
      const extra = { ...(step.scopes !== undefined ? { scopes: [...step.scopes] } : {}), ...(step.commands !== undefined ? { commands: [...step.commands] } : {}) };
      return [
        { host: { name: host, kind: "lan" } },
        { setupCode: { name: step.name, machine: gatewayMachine } },
        { client: { name: step.name, kind: step.clientKind, host, url: remoteUrl, user: step.name, identity: step.identity, setupCode: step.name, ...extra } },
      ];
    }
    default:
      return `chaos step kind '${(step as { kind: string }).kind}' has no translation to the step language yet (src/chaos/to-lang.ts)`;
  }
}

/** A probe as a background `connect` (its outcome is not judged; the world's invariants are). */
function probeSteps(walk: Walk, from: ProbeFrom, attempt: ProbeAttempt, copies: number): Step[] {
  for (const [name, seed] of Object.entries(probeIdentities)) walk.identities[name] ??= seed;
  const device = attempt.device?.identity;
  if (device !== undefined && isGatewayIdentity(device)) walk.identities[device] ??= gatewayIdentitySeed(device);
  for (const [name, seed] of Object.entries(gatewayIdentitiesNamed(attempt))) walk.identities[name] ??= seed;
  const steps: Step[] = [];
  if (from === "lan" && !walk.probeHostAdded) {
    walk.probeHostAdded = true;
    steps.push({ host: { name: probeHost, kind: "lan" } });
  }
  const where = from === "lan" ? { host: probeHost, url: remoteUrl } : { host: gatewayMachine, url: localUrl };
  for (let i = 0; i < copies; i++) steps.push({ connect: { ...(attempt as unknown as ConnectPayload), ...where, background: true, token: configToken } });
  return steps;
}

function healSteps(walk: Walk): void {
  const { steps, plan } = walk;
  steps.push({ fault: { heal: true } });
  for (const [host, deltaMs] of walk.clockJumps) if (deltaMs !== 0) steps.push({ clock: { host, deltaMs: -deltaMs } });
  steps.push({ converge: "heal: faults stop; the operator applies the token-drift recovery checklist" });
  const tabs = plan.clients.filter((c) => c.kind === "control-ui" && c.on === "gateway-host").map((c) => ({ browser: browserProfile, tabId: tabId(c.name) }));
  steps.push({ alignToken: { machine: gatewayMachine, controlUi: tabs, url: localUrl } });
  steps.push({ openclaw: { machine: gatewayMachine, command: { ...op.gatewayInstall({ force: true }) } } });
  steps.push({ openclaw: { machine: gatewayMachine, command: { ...op.doctor({ fix: true }) } } });
  steps.push({ gatewayStart: { machine: gatewayMachine, via: "service", onlyIfStopped: true } });
  steps.push({ warmUp: { plusMs: warmUpMarginMs } });
  for (const track of walk.clients.values()) {
    track.token = configToken;
    steps.push(startStep(track, true));
  }
  steps.push({ wait: healApproveAfter(plan) });
  steps.push({ settlePending: { machine: gatewayMachine, verdict: "approve", restart: [...walk.clients.keys()] } });
  steps.push({ wait: plan.convergeWithinMs + 10_000 });
}

/** The invariants chaos checks (chaosInvariants), by name. */
export function chaosInvariantRefs(plan: ChaosPlan): InvariantRef[] {
  return [
    {
      name: "standard",
      converges: { convergeWithinMs: plan.convergeWithinMs, clients: convergingClients(plan) },
      revokedTokenRefused: { closeLiveSessions: true },
      scopesWithinApproval: { localBackendNodeNeedsApproval: true },
    },
    { name: "shared-secret-sessions-closed", closeLiveSessions: true },
    "adversary-refused",
    "approval-within-caller",
  ];
}

/** Fields of the drawn world this translation knows; a field added to the generator without a translation is refused. */
const knownGatewayFields = ["legacyUnit", "allowInsecureAuth", "shellToken", "dotEnvToken", "rateLimit", "allowedOrigins", "trustedProxies", "container"];
const knownClientFields = ["name", "kind", "on", "withDevice", "credential"];
const knownCredentials = ["explicit", "own-env", "shell", "browser", "handed"];
const knownPlacements = ["gateway-host", "lan"];

/** Why the drawn world cannot be said yet (a field or value this file does not translate), else undefined. */
function worldRefusal(plan: ChaosPlan): string | undefined {
  const gatewayExtra = Object.keys(plan.gateway).filter((k) => !knownGatewayFields.includes(k));
  if (gatewayExtra.length > 0) return `the gateway draw's field(s) ${gatewayExtra.map((k) => `'${k}'`).join(", ")} have no translation yet (src/chaos/to-lang.ts)`;
  for (const c of plan.clients) {
    const extra = Object.keys(c).filter((k) => !knownClientFields.includes(k));
    if (extra.length > 0) return `client ${c.name}: field(s) ${extra.map((k) => `'${k}'`).join(", ")} have no translation yet (src/chaos/to-lang.ts)`;
    if (!knownCredentials.includes(c.credential)) return `client ${c.name}: credential source '${c.credential}' has no translation yet (src/chaos/to-lang.ts)`;
    if (!knownPlacements.includes(c.on)) return `client ${c.name}: placement '${c.on}' has no translation yet (src/chaos/to-lang.ts)`;
  }
  return undefined;
}

/** Translates a (selected) chaos plan into a RunSpec; refuses a plan holding a step or a world field it cannot say. */
export function planToRunSpec(plan: ChaosPlan, preset: FaultPreset, options: { selection?: PlanSelection; profile?: string } = {}): ToLangResult {
  const refusal = worldRefusal(plan);
  if (refusal !== undefined) return { ok: false, message: refusal };
  const walk: Walk = { plan, preset, steps: [], identities: {}, clients: new Map(), clockJumps: new Map(), snapshots: 0, probeHostAdded: false, clientWorldAdded: new Set() };
  worldSteps(walk);
  for (const [i, { atMs, step }] of plan.steps.entries()) {
    const translated = chaosStepSteps(walk, step);
    if (typeof translated === "string") return { ok: false, message: `step ${i} (at ${atMs} ms): ${translated}` };
    walk.steps.push({ waitUntil: { mark: timelineMark, ms: atMs } }, ...translated);
  }
  walk.steps.push({ waitUntil: { mark: timelineMark, ms: plan.safetyMs } });
  healSteps(walk);
  const path = options.selection ? `; replay path ${formatReplayPath(options.selection)}` : "";
  const seed = Number(plan.seed);
  const spec: RunSpec = {
    // The chaos run's own name, so a trace's embedded RunSpec replays as the same scenario.
    name: `chaos-${plan.preset}`,
    description: `chaos run (${plan.preset}) seed ${plan.seed} in the step language: ${plan.clients.length} clients, ${plan.steps.length} steps, then heal${path}`,
    ...(Number.isSafeInteger(seed) ? { seed } : {}),
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    world: "bare",
    identities: walk.identities,
    invariants: chaosInvariantRefs(plan),
    budgets: { virtualTimeMsMax: pairingRoundMs + plan.safetyMs + plan.convergeWithinMs + healMsMax * 2 },
    steps: walk.steps,
  };
  return { ok: true, spec };
}
