// Runs one chaos step against the generated world: operator commands on the gateway machine, edits of the
// shell/.env/unit, client relaunches and identity loss, network faults with an end, and adversary attacks
// (adversary.ts). Faults are undone at their end or, at the latest, by the heal. Judging is the invariants' job.
import { assertNever } from "../kernel/index.ts";
import { drop, duplicate, type RuleHandle } from "../net/index.ts";
import { envNames, envWith, op, withDotEnvText, withServiceUnit, withShellEnv, type Machine } from "../host/index.ts";
import type { FaultPreset } from "./preset.ts";
import type { ChaosStep, NetFault, TokenSite } from "./steps.ts";
import { gatewayMachine, gatewayPort, localUrl, newIdentity, remoteUrl, startClient, type ChaosWorld } from "./chaos-world.ts";
import { runAttack } from "./adversary.ts";
import { runClientWorldStep } from "./worlds-client.ts";
import { identityFromSeed } from "../crypto/index.ts";
import { gatewayIdentitiesNamed, gatewayIdentitySeed } from "./worlds-gateway.ts";
import { probeHost, probeIdentities, probeWorldAttempt, type ProbeAttempt, type ProbeFrom } from "./probes.ts";

/** What must be undone when the world heals: live fault rules and clock jumps. */
export interface FaultLedger {
  readonly rules: Set<RuleHandle>;
  readonly clockJumps: Map<string, number>;
}

export function emptyLedger(): FaultLedger {
  return { rules: new Set(), clockJumps: new Map() };
}

/** The shared token the gateway machine's config holds now. */
export function configToken(cw: ChaosWorld): string {
  const token = cw.world.machine(gatewayMachine).machine.config.config.gateway?.auth?.token;
  return typeof token === "string" ? token : "";
}

function writeToken(machine: Machine, site: Exclude<TokenSite, "config">, token: string): Machine {
  switch (site) {
    case "shell-env":
      return withShellEnv(machine, envWith(machine.shellEnv, envNames.gatewayToken, token));
    case "dotenv":
      return withDotEnvText(machine, `${envNames.gatewayToken}=${token}\n`);
    case "unit": {
      const unit = machine.serviceUnit;
      if (!unit) return machine;
      const environment = [...unit.environment.filter((e) => e.key !== envNames.gatewayToken), { key: envNames.gatewayToken, value: token }];
      return withServiceUnit(machine, { ...unit, environment });
    }
    default:
      return assertNever(site, "token site");
  }
}

function rotate(cw: ChaosWorld, site: TokenSite, token: string): void {
  if (site === "config") cw.world.operator(gatewayMachine, op.rotateSharedToken(token));
  else cw.world.updateMachine(gatewayMachine, (m) => writeToken(m, site, token), `${envNames.gatewayToken}=${token} in ${site}`);
}

function deviceOf(cw: ChaosWorld, client: string): { deviceId: string; role: string } | undefined {
  const state = cw.clients.get(client);
  if (!state?.identity) return undefined;
  return { deviceId: state.identity.deviceId, role: state.spec.kind === "node" ? "node" : "operator" };
}

/** `openclaw devices list`, then approve (or reject) every pending request. */
export function settlePending(cw: ChaosWorld, verdict: "approve" | "reject"): number {
  const list = cw.world.operator(gatewayMachine, op.devicesList());
  const pending = list.rpc?.ok ? ((list.rpc.payload as { pending?: { requestId: string }[] }).pending ?? []) : [];
  let settled = 0;
  for (const request of pending) {
    const command = verdict === "approve" ? op.devicesApprove(request.requestId) : op.devicesReject(request.requestId);
    if (cw.world.operator(gatewayMachine, command).rpc?.ok) settled++;
  }
  return settled;
}

/** The user relaunches the client: the process stops and a new one starts, reading its machine afresh. */
export function relaunch(cw: ChaosWorld, client: string): void {
  cw.world.client(client).stop();
  startClient(cw, client);
}

function loseIdentity(cw: ChaosWorld, client: string): void {
  const state = cw.clients.get(client)!;
  cw.world.client(client).stop();
  state.generation++;
  state.identity = newIdentity(cw.world, client, state.generation);
  state.user = `${client}~${state.generation}`;
  startClient(cw, client);
}

function startFault(cw: ChaosWorld, fault: NetFault, preset: FaultPreset, ledger: FaultLedger): () => void {
  const { world } = cw;
  const gateway = world.gateway("gateway");
  const ruled = (rule: RuleHandle) => {
    ledger.rules.add(rule);
    return () => {
      if (ledger.rules.delete(rule)) rule.remove();
    };
  };
  switch (fault.kind) {
    case "drop":
      return ruled(world.network.addRule(drop({ ratio: preset.dropRatio })));
    case "duplicate":
      return ruled(world.network.addRule(duplicate({ ratio: preset.duplicateRatio })));
    case "partition":
      return ruled(world.partition(gatewayMachine, `${fault.client}-host`));
    case "reset-all":
      for (const id of world.network.connectionIds()) world.network.reset(id);
      return () => {};
    case "process-restart":
      gateway.restart(undefined, fault.downMs);
      return () => {};
    case "gateway-crash":
      gateway.crash();
      world.scheduler.schedule(fault.downMs, { actor: "chaos", label: "gateway back", traced: true }, () => gateway.start());
      return () => {};
    case "clock-jump": {
      const host = `${fault.client}-host`;
      world.skewClock(host, fault.deltaMs);
      ledger.clockJumps.set(host, (ledger.clockJumps.get(host) ?? 0) + fault.deltaMs);
      return () => {};
    }
    default:
      return assertNever(fault, "net fault");
  }
}

export function applyStep(cw: ChaosWorld, step: ChaosStep, preset: FaultPreset, ledger: FaultLedger): void {
  const { world } = cw;
  switch (step.kind) {
    case "rotate-token":
      return rotate(cw, step.site, step.token);
    case "gateway-restart":
      world.operator(gatewayMachine, op.gatewayRestart());
      return;
    case "gateway-install":
      world.operator(gatewayMachine, op.gatewayInstall({ force: step.force }));
      return;
    case "doctor-fix": {
      if (step.racesRotationTo === undefined) {
        world.operator(gatewayMachine, op.doctor({ fix: true }));
        return;
      }
      // doctor read the config before the rotation landed (seed 002's race).
      const snapshot = world.machine(gatewayMachine).machine.config;
      world.operator(gatewayMachine, op.rotateSharedToken(step.racesRotationTo));
      world.operator(gatewayMachine, op.doctor({ fix: true }), { doctorSnapshot: snapshot, otherDoctorFixesPending: true });
      return;
    }
    case "device-rotate":
    case "device-revoke":
    case "device-remove": {
      const device = deviceOf(cw, step.client);
      if (!device) return;
      if (step.kind === "device-rotate") world.operator(gatewayMachine, op.devicesRotate({ ...device, ...(step.scopes ? { scopes: step.scopes } : {}) }));
      else if (step.kind === "device-revoke") world.operator(gatewayMachine, op.devicesRevoke(device));
      else world.operator(gatewayMachine, op.devicesRemove(device.deviceId));
      return;
    }
    case "approve-pending":
    case "reject-pending":
      settlePending(cw, step.kind === "approve-pending" ? "approve" : "reject");
      return;
    case "relaunch":
      return relaunch(cw, step.client);
    case "identity-loss":
      return loseIdentity(cw, step.client);
    case "fault": {
      const end = startFault(cw, step.fault, preset, ledger);
      world.scheduler.schedule(step.durationMs, { actor: "chaos", label: `end ${step.fault.kind}`, traced: true }, end);
      return;
    }
    case "adversary":
      return runAttack(cw, step.attack);
    case "probe":
      return runProbe(cw, step.from, step.attempt, step.copies ?? 1);
    case "ui-tab":
    case "named-ws-client":
    case "slow-challenge":
    case "handshake-env":
      return runClientWorldStep(cw, step, configToken(cw), ledger.rules);
    case "config-edit":
      world.operator(gatewayMachine, op.configSet(step.path, step.value));
      return;
    case "cli-auth-loss":
      world.deleteOperatorDeviceAuth(gatewayMachine);
      return;
    case "setup-code":
      return onboardWithSetupCode(cw, step);
    default:
      return assertNever(step, "chaos step");
  }
}

/** `openclaw qr`, then a LAN client started with what the code carries (as the step language's `client` does). */
function onboardWithSetupCode(cw: ChaosWorld, step: Extract<ChaosStep, { kind: "setup-code" }>): void {
  const { world } = cw;
  const host = `${step.name}-host`;
  world.addHost({ name: host, kind: "lan" });
  const code = world.operator(gatewayMachine, op.qr()).setupCode;
  world.addAnyClient({
    name: step.name,
    host,
    user: step.name,
    client: {
      kind: step.clientKind,
      url: remoteUrl,
      identity: identityFromSeed(Uint8Array.from(Buffer.from(gatewayIdentitySeed(step.identity), "hex"))),
      explicitToken: code?.token,
      passiveToken: undefined,
      password: code?.password,
      bootstrapToken: code?.bootstrapToken,
      storedTokens: undefined,
      scopes: step.scopes,
      ...(step.commands !== undefined ? { commands: step.commands } : {}),
      oneShot: undefined,
    },
  });
}

function runProbe(cw: ChaosWorld, from: ProbeFrom, probe: ProbeAttempt, copies: number): void {
  const { world } = cw;
  if (from === "lan" && !world.network.hosts.has(probeHost)) world.addHost({ name: probeHost, kind: "lan" });
  const where = from === "lan" ? { fromHost: probeHost, url: remoteUrl } : { fromHost: gatewayMachine, url: localUrl };
  const attempt = probeWorldAttempt(probe, world.profile.gateway.protocolVersion);
  const identities = { ...probeIdentities, ...gatewayIdentitiesNamed(probe) };
  const gatewayToken = configToken(cw);
  for (let i = 0; i < copies; i++) world.attempt({ ...where, port: gatewayPort, gatewayToken, identities, attempt });
}
