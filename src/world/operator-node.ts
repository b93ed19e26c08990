// The operator at a machine's shell: runs one `openclaw …` command (src/host's runOperatorCommand) and carries
// its effects into the world — files written (a running gateway notices config changes through its watcher,
// machine-node.ts), the service unit replaced, the gateway service restarted, and `devices …` commands sent as
// real RPCs by a one-shot CLI client over the simulated network with the credentials the CLI resolved, so the
// gateway's scope checks (operator.pairing / operator.admin) apply. `devices list/approve` on local loopback
// without `--url` fall back to the pairing files when the CLI's own connect needs pairing, as the real CLI does.
// Every command is a trace event of kind `operator` whose data.command is its command line.
// Not here: what a command changes on the machine (src/host) or how the gateway answers (src/gateway).
import type { DeviceIdentity } from "../crypto/index.ts";
import { approvalTokenOptions, approveDevicePairing, clonePairingStore, issueBootstrapToken, setupBootstrapProfile, type PairingStore } from "../gateway/index.ts";
import {
  configuredGatewayPort,
  encodeSetupCode,
  formatOperatorCommand,
  op,
  readEmbeddedGatewayToken,
  resolveServerGatewayAuth,
  runOperatorCommand,
  shellProcessEnv,
  type ConfigFile,
  type OperatorCommand,
  type OperatorContext,
  type OperatorEffect,
  type OperatorOutcome,
  type UnitInstallOptions,
} from "../host/index.ts";
import type { TraceEvent } from "../kernel/index.ts";
import { machineChanged, randomHexToken, startGatewayProcess, type GatewayProcessStart, type MachineNode } from "./machine-node.ts";
import type { World } from "./world.ts";

/** How long `world.operator` lets the world run for a `devices …` RPC (the CLI's own timeout is 10 s). */
export const operatorRpcWaitMsMax = 15_000;

export interface OperatorOptions {
  /** The CLI's device identity for `devices …` commands; default the machine's `cliIdentity`. */
  readonly identity?: DeviceIdentity | null;
  /** OS user whose device-auth file the CLI uses; default the machine's operator user. */
  readonly user?: string;
  /** doctor: the config as doctor read it at its start (pitfall (a)); default the current file. */
  readonly doctorSnapshot?: ConfigFile;
  /** doctor: another fix is pending, so doctor ends with a config write. */
  readonly otherDoctorFixesPending?: boolean;
  readonly unitOptions?: UnitInstallOptions;
  /** Run the world until a `devices …` RPC settles (default true). */
  readonly wait?: boolean;
  readonly waitMsMax?: number;
}

export type OperatorRpcResult =
  | { readonly ok: true; readonly payload: unknown; readonly via: "gateway" | "local-pairing-fallback" }
  /** via "cli": the CLI refused before it opened a socket. */
  | { readonly ok: false; readonly error: { readonly code: string | null; readonly message: string; readonly details?: unknown }; readonly via: "gateway" | "local-pairing-fallback" | "cli" };

export interface OperatorRun {
  readonly command: OperatorCommand;
  /** The command line, e.g. `openclaw devices rotate --device <id> --role operator`. */
  readonly line: string;
  readonly outcome: OperatorOutcome;
  readonly effects: readonly OperatorEffect[];
  /** What the command printed (config get values). */
  readonly output: readonly string[];
  /** Gateway (re)starts this command caused, in order. */
  readonly gatewayStarts: readonly GatewayProcessStart[];
  /** The one-shot CLI client that carried a `devices …` RPC. */
  readonly rpcClient?: string;
  /** The RPC's answer, once it settled. */
  rpc?: OperatorRpcResult;
  /** `openclaw qr`: the setup code and what it carries. */
  setupCode?: IssuedSetupCode;
}

/** A setup code as `openclaw qr` printed it, and what it carries (a bootstrap token, or the gateway's secret). */
export interface IssuedSetupCode {
  readonly code: string;
  readonly url: string;
  readonly bootstrapToken?: string;
  readonly expiresAtMs?: number;
  readonly token?: string;
  readonly password?: string;
}

export function runOperator(world: World, node: MachineNode, command: OperatorCommand, options: OperatorOptions = {}): OperatorRun {
  const context: OperatorContext = {
    switches: world.profile.service,
    version: world.profile.name,
    setupCodeCredential: world.profile.gateway.setupCodeCredential,
    newToken: () => randomHexToken(world, `operator:${node.name}:install-token`),
    ...(options.unitOptions !== undefined ? { unitOptions: options.unitOptions } : {}),
    ...(options.doctorSnapshot !== undefined ? { doctorSnapshot: options.doctorSnapshot } : {}),
    ...(options.otherDoctorFixesPending !== undefined ? { otherDoctorFixesPending: options.otherDoctorFixesPending } : {}),
  };
  const result = runOperatorCommand(node.machine, command, context);
  const line = formatOperatorCommand(command);
  world.scheduler.record("operator", "operator", { command: line, machine: node.name, ...outcomeRecord(result.outcome) });
  machineChanged(world, node, result.machine);
  const output: string[] = [];
  const gatewayStarts: GatewayProcessStart[] = [];
  let run: OperatorRun = { command, line, outcome: result.outcome, effects: result.effects, output, gatewayStarts };
  for (const effect of result.effects) {
    switch (effect.type) {
      case "config-written":
        world.scheduler.record(node.name, "host", { event: "config.written", reason: effect.reason, valid: effect.file.valid });
        break;
      case "service-unit-written":
        world.scheduler.record(node.name, "host", { event: "service-unit.written", unit: effect.unit.name, embedsToken: readEmbeddedGatewayToken(effect.unit) !== undefined });
        break;
      case "gateway-restart":
        gatewayStarts.push(startGatewayProcess(world, node, "service"));
        break;
      case "gateway-rpc":
        run = sendDevicesRpc(world, node, run, effect, options);
        break;
      case "devices-clear":
        run = clearDevices(world, node, run, effect, options);
        break;
      case "output":
        output.push(effect.text);
        break;
      case "setup-code":
        run = { ...run, setupCode: issueSetupCode(world, node, effect.plan) };
        output.push(run.setupCode!.code);
        break;
    }
  }
  return run;
}

/**
 * `openclaw qr` writes a bootstrap token into the host's bootstrap file (2026.3.12+) or embeds the gateway secret
 * it resolved; the payload is `{url, bootstrapToken}` or `{url, token, password}`, base64url-encoded.
 */
function issueSetupCode(world: World, node: MachineNode, plan: Extract<OperatorEffect, { type: "setup-code" }>["plan"]): IssuedSetupCode {
  const gateway = world.gateways.get(node.gatewayName);
  const lan = world.network.hosts.get(node.host).interfaces.find((i) => i.kind === "lan")?.address ?? "127.0.0.1";
  const url = `ws://${lan}:${node.gatewayPort ?? configuredGatewayPort(node.machine.config.config)}`;
  if (plan.kind === "gateway-secret") {
    world.scheduler.record(node.name, "host", { event: "setup-code.issued", carries: plan.authLabel });
    const secret = { ...(plan.token !== undefined ? { token: plan.token } : {}), ...(plan.password !== undefined ? { password: plan.password } : {}) };
    return { code: encodeSetupCode({ url, ...secret }), url, ...secret };
  }
  const file = gateway?.bootstrapFile ?? node.bootstrapFile;
  const profile = setupBootstrapProfile(world.profile.gateway.bootstrapHandoffScopes);
  const prng = world.scheduler.stream(`operator:${node.name}:bootstrap`);
  const issued = issueBootstrapToken(file, { profile, nowMs: world.clockOf(node.host).nowMs(), prng });
  world.scheduler.record(node.name, "host", { event: "setup-code.issued", carries: "bootstrap-token", roles: [...profile.roles], scopes: [...profile.scopes], expiresAtMs: issued.expiresAtMs });
  return { code: encodeSetupCode({ url, bootstrapToken: issued.token }), url, bootstrapToken: issued.token, expiresAtMs: issued.expiresAtMs };
}

function outcomeRecord(outcome: OperatorOutcome): Record<string, unknown> {
  switch (outcome.kind) {
    case "doctor":
      return { outcome: outcome.kind, findings: outcome.findings.map((f) => f.code), repair: outcome.repair?.kind ?? null };
    case "restarted":
      return { outcome: outcome.kind, warnings: outcome.warnings.map((f) => f.code) };
    case "config-error":
    case "missing-explicit-credentials":
    case "refused":
      return { outcome: outcome.kind, message: outcome.message };
    case "rpc-sent":
      return { outcome: outcome.kind, method: outcome.rpc.method };
    case "setup-code":
      return { outcome: outcome.kind, credential: outcome.credential };
    default:
      return { outcome: outcome.kind };
  }
}

type RpcEffect = Extract<OperatorEffect, { type: "gateway-rpc" }>;

/**
 * `openclaw devices clear --yes [--pending]` as the CLI runs it: `device.pair.list`, then one `device.pair.remove`
 * per paired device (the CLI's own included) and, with `--pending`, one `device.pair.reject` per request, each its
 * own connection. The run's rpc is the list's failure, or `{ removedDevices, rejectedPending }`.
 */
function clearDevices(world: World, node: MachineNode, run: OperatorRun, effect: Extract<OperatorEffect, { type: "devices-clear" }>, options: OperatorOptions): OperatorRun {
  const list = runOperator(world, node, op.devicesList(effect.connection), options);
  if (!list.rpc?.ok) return { ...run, ...(list.rpc ? { rpc: list.rpc } : {}) };
  const payload = (list.rpc.payload ?? {}) as { paired?: unknown[]; pending?: unknown[] };
  const idOf = (entry: unknown, key: string) => (typeof entry === "string" ? entry : typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>)[key] : undefined);
  /** One command per listed id, in list order; stops at the first refusal (the CLI exits on it). */
  const forEachId = (entries: readonly unknown[], key: string, command: (id: string) => OperatorCommand): { done: string[]; refused?: OperatorRun } => {
    const done: string[] = [];
    for (const entry of entries) {
      const id = idOf(entry, key);
      if (typeof id !== "string" || !id.trim()) continue;
      const sent = runOperator(world, node, command(id), options);
      if (!sent.rpc?.ok) return { done, refused: { ...run, ...(sent.rpc ? { rpc: sent.rpc } : {}) } };
      done.push(id);
    }
    return { done };
  };
  const removed = forEachId(payload.paired ?? [], "deviceId", (deviceId) => op.devicesRemove(deviceId, effect.connection));
  if (removed.refused) return removed.refused;
  const rejected = effect.pending ? forEachId(payload.pending ?? [], "requestId", (requestId) => op.devicesReject(requestId, effect.connection)) : { done: [] };
  if (rejected.refused) return rejected.refused;
  return { ...run, rpc: { ok: true, payload: { removedDevices: removed.done, rejectedPending: rejected.done }, via: "gateway" } };
}

/**
 * From 2026.5.28 (with the runtime gateway token, service switch tokenBootstrap) the CLI refuses a call before it
 * opens a socket when the config's auth is token or password and it has no token, no password, no Tailscale
 * identity and no stored operator device token (read in the 5.28 … 9.6 dists, seen live on 7.1).
 */
function refusesWithoutCredentials(world: World, node: MachineNode, effect: RpcEffect, options: OperatorOptions): boolean {
  const tokenBootstrap = world.profile.service.tokenBootstrap;
  if (tokenBootstrap !== "runtime" && tokenBootstrap !== "runtime-cli-pairing") return false;
  const creds = effect.credentials;
  if (creds.token !== undefined || creds.password !== undefined || creds.explicitToken !== undefined || creds.passiveToken !== undefined) return false;
  const auth = resolveServerGatewayAuth({ config: node.machine.config.config, env: shellProcessEnv(node.machine), switches: world.profile.service });
  if ((auth.mode !== "token" && auth.mode !== "password") || auth.allowTailscale) return false;
  const identity = options.identity !== undefined ? options.identity : node.cliIdentity;
  const file = world.deviceAuthFiles.get(`${node.host}:${options.user ?? node.operatorUser}`);
  return !(identity && file && file.deviceId === identity.deviceId && file.readable()["operator"]?.token);
}

function sendDevicesRpc(world: World, node: MachineNode, run: OperatorRun, effect: RpcEffect, options: OperatorOptions): OperatorRun {
  if (refusesWithoutCredentials(world, node, effect, options)) {
    const message = `gateway ${effect.rpc.method} requires credentials before opening a websocket`;
    world.scheduler.record("operator", "operator", { event: "cli.credentials-required", method: effect.rpc.method, machine: node.name });
    return { ...run, rpc: { ok: false, error: { code: null, message }, via: "cli" } };
  }
  const name = `${node.name}:cli#${++node.operatorRuns}`;
  const creds = effect.credentials;
  const withClient: OperatorRun = { ...run, rpcClient: name };
  const unsubscribe = world.trace.subscribe((event: TraceEvent) => {
    if (event.actor !== name || event.kind !== "client" || event.data["event"] !== "rpc-result" || withClient.rpc) return;
    unsubscribe();
    withClient.rpc = settle(world, node, effect, event.data);
  });
  world.addClient({
    name,
    host: node.host,
    user: options.user ?? node.operatorUser,
    client: {
      kind: "cli",
      url: effect.url,
      identity: options.identity !== undefined ? options.identity : node.cliIdentity,
      ...(creds.explicitToken !== undefined ? { explicitToken: creds.explicitToken } : {}),
      ...(creds.rule !== "explicit" && creds.passiveToken !== undefined ? { passiveToken: creds.passiveToken } : {}),
      ...(creds.password !== undefined ? { password: creds.password } : {}),
      oneShot: { method: effect.rpc.method, params: effect.rpc.params },
    },
  });
  if (options.wait ?? true) world.runUntil(() => withClient.rpc !== undefined, options.waitMsMax ?? operatorRpcWaitMsMax);
  return withClient;
}

function settle(world: World, node: MachineNode, effect: RpcEffect, data: Readonly<Record<string, unknown>>): OperatorRpcResult {
  if (data["ok"] === true) return { ok: true, payload: data["payload"], via: "gateway" };
  const raw = (data["error"] ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  const error = {
    code: typeof raw.code === "string" ? raw.code : null,
    message: typeof raw.message === "string" ? raw.message : "unknown error",
    ...(raw.details !== undefined ? { details: raw.details } : {}),
  };
  if (effect.localPairingFallback && error.message.toLowerCase().includes("pairing required")) {
    const fallback = localPairingFallback(world, node, effect);
    if (fallback) return fallback;
  }
  return { ok: false, error, via: "gateway" };
}

/** `devices list/approve` read and write the pairing files directly (the gateway on this host owns them). */
function localPairingFallback(world: World, node: MachineNode, effect: RpcEffect): OperatorRpcResult | null {
  const gateway = world.gateways.get(node.gatewayName);
  if (!gateway) return null;
  const store: PairingStore = gateway.state.store;
  if (effect.rpc.method === "device.pair.list") {
    world.scheduler.record(node.name, "host", { event: "devices.local-pairing-fallback", method: effect.rpc.method });
    return { ok: true, payload: { pending: Object.values(store.pending), paired: Object.keys(store.paired) }, via: "local-pairing-fallback" };
  }
  const requestId = effect.rpc.params["requestId"];
  const prng = world.scheduler.stream(`operator:${node.name}:pairing`);
  const device = typeof requestId === "string" ? approveDevicePairing(store, requestId, world.clockOf(node.host).nowMs(), prng, approvalTokenOptions(gateway.state.switches)) : null;
  // The request and the outcome are in the event, so invariants that track approvals see this one too (an approval
  // written straight into the files is an approval all the same).
  world.scheduler.record(node.name, "host", { event: "devices.local-pairing-fallback", method: effect.rpc.method, ...(typeof requestId === "string" ? { requestId } : {}), ...(device ? { deviceId: device.deviceId, approved: true } : { approved: false }) });
  if (!device) return { ok: false, error: { code: null, message: "unknown requestId" }, via: "local-pairing-fallback" };
  gateway.persisted = clonePairingStore(store);
  return { ok: true, payload: { requestId, deviceId: device.deviceId }, via: "local-pairing-fallback" };
}
