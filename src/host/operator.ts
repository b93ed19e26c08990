// Running an operator command against a machine: `runOperatorCommand(machine, command, context)` returns the next
// machine, the effects for the world (files written, gateway restart, an RPC to send with the credentials the
// CLI resolved) and an outcome value. Also the seed-000 token-drift recovery checklist. Whether the running
// gateway notices a config change is not decided here: that depends on restarts and its environment (world).
import { assertNever } from "../kernel/index.ts";
import type { GatewaySwitches, ServiceSwitches } from "../profiles/types.ts";
import { planSetupCode, type SetupCodePlan } from "./setup-code.ts";
import { configGet, configSet, configUnset, formatConfigIssues, withoutUnknownKeys, gatewaySection, type ConfigFile, type ConfigWriteResult } from "./config.ts";
import { resolveDriftCheckCredentials, resolveGatewayCredentials, resolveServerGatewayAuth, type ResolvedGatewayCredentials } from "./credentials.ts";
import { auditService, checkTokenDrift, repairService, unknownKeysFinding, type DoctorFinding, type RepairOutcome } from "./doctor.ts";
import { envNames, envValue } from "./env.ts";
import { shellProcessEnv, withConfigFile, withServiceUnit, type Machine } from "./machine.ts";
import {
  devicesRpc,
  isDevicesCommand,
  op,
  type CliConnection,
  type DevicesCommand,
  type DevicesRpc,
  type OperatorCommand,
} from "./operator-command.ts";
import {
  configuredGatewayPort,
  installServiceUnit,
  legacyInstallToken,
  readEmbeddedGatewayToken,
  type ServiceUnit,
  type UnitInstallOptions,
} from "./service-unit.ts";

export type OperatorEffect =
  | { readonly type: "config-written"; readonly file: ConfigFile; readonly reason: string }
  | { readonly type: "service-unit-written"; readonly unit: ServiceUnit }
  | { readonly type: "gateway-restart" }
  | {
      readonly type: "gateway-rpc";
      readonly rpc: DevicesRpc;
      readonly url: string;
      readonly credentials: ResolvedGatewayCredentials;
      /** Loopback list/approve without `--url` may use the local pairing fallback when the scope is missing. */
      readonly localPairingFallback: boolean;
    }
  | { readonly type: "output"; readonly text: string }
  /** `openclaw devices clear --yes`: the world lists, then removes/rejects one RPC at a time. */
  | { readonly type: "devices-clear"; readonly pending: boolean; readonly connection?: CliConnection }
  /** `openclaw qr`: the world builds the setup code (and issues a bootstrap token into the host's file). */
  | { readonly type: "setup-code"; readonly plan: Exclude<SetupCodePlan, { kind: "refused" }> };

export type OperatorOutcome =
  | { readonly kind: "ok" }
  | { readonly kind: "config-value"; readonly value: unknown }
  | { readonly kind: "config-missing"; readonly path: string }
  | { readonly kind: "config-error"; readonly message: string }
  | { readonly kind: "already-installed" }
  | { readonly kind: "not-installed" }
  | { readonly kind: "restarted"; readonly warnings: readonly DoctorFinding[] }
  | { readonly kind: "doctor"; readonly findings: readonly DoctorFinding[]; readonly repair?: RepairOutcome }
  | { readonly kind: "rpc-sent"; readonly rpc: DevicesRpc }
  | { readonly kind: "missing-explicit-credentials"; readonly message: string }
  | { readonly kind: "setup-code"; readonly credential: "gateway-secret" | "bootstrap-token" }
  /** The CLI refused before connecting (e.g. `devices clear` without `--yes`); exit 1. */
  | { readonly kind: "refused"; readonly message: string };

export interface OperatorContext {
  readonly switches: ServiceSwitches;
  /** The OpenClaw version installing units (OPENCLAW_SERVICE_VERSION). */
  readonly version: string;
  readonly unitOptions?: UnitInstallOptions;
  /** doctor: the config as doctor read it at its start; defaults to the machine's current file. */
  readonly doctorSnapshot?: ConfigFile;
  /** doctor: another fix is pending, so doctor ends with a config write. */
  readonly otherDoctorFixesPending?: boolean;
  /** What this release's `openclaw qr` puts in a setup code (default: the gateway secret, as before 2026.3.12). */
  readonly setupCodeCredential?: GatewaySwitches["setupCodeCredential"];
  /** A fresh random token (`gateway install` makes one when token auth has none anywhere); none: it makes none. */
  readonly newToken?: () => string;
}

export interface OperatorResult {
  readonly machine: Machine;
  readonly effects: readonly OperatorEffect[];
  readonly outcome: OperatorOutcome;
}

export function runOperatorCommand(machine: Machine, command: OperatorCommand, context: OperatorContext): OperatorResult {
  if (isDevicesCommand(command)) return runDevices(machine, command);
  if (command.kind === "devices-clear") {
    if (!command.yes) return { machine, effects: [], outcome: { kind: "refused", message: "Refusing to clear pairing table without --yes" } };
    return { machine, effects: [{ type: "devices-clear", pending: command.pending, ...(command.connection ? { connection: command.connection } : {}) }], outcome: { kind: "ok" } };
  }
  // Every `openclaw config` command reads the file through the release's schema first.
  const gaps = context.switches.configSchemaGaps;
  switch (command.kind) {
    case "config-get":
      return runConfigGet(machine, command.path, gaps);
    case "config-set":
      return applyConfigWrite(machine, configSet(machine.config, command.path, command.value, gaps), `config set ${command.path}`);
    case "config-unset":
      return applyConfigWrite(machine, configUnset(machine.config, command.path, gaps), `config unset ${command.path}`);
    case "rotate-shared-token":
      return applyConfigWrite(machine, configSet(machine.config, "gateway.auth.token", command.newToken, gaps), "rotate shared token");
    case "gateway-install":
      return runGatewayInstall(machine, command, context);
    case "gateway-restart":
      return runGatewayRestart(machine, context);
    case "doctor":
      return command.fix ? runDoctorFix(machine, context) : runDoctorAudit(machine, context);
    case "qr": {
      const plan = planSetupCode(machine, context.setupCodeCredential ?? "gateway-secret");
      if (plan.kind === "refused") return { machine, effects: [], outcome: { kind: "config-error", message: plan.message } };
      return { machine, effects: [{ type: "setup-code", plan }], outcome: { kind: "setup-code", credential: plan.kind } };
    }
    default:
      return assertNever(command, "operator command");
  }
}

function runConfigGet(machine: Machine, path: string, gaps: readonly string[]): OperatorResult {
  const got = configGet(machine.config, path, gaps);
  switch (got.kind) {
    case "value": {
      const text = typeof got.value === "string" ? got.value : JSON.stringify(got.value, null, 2);
      return { machine, effects: [{ type: "output", text }], outcome: { kind: "config-value", value: got.value } };
    }
    case "missing":
      return { machine, effects: [], outcome: { kind: "config-missing", path } };
    case "invalid-path":
      return { machine, effects: [], outcome: { kind: "config-error", message: got.message } };
    case "invalid-file":
      return { machine, effects: [], outcome: { kind: "config-error", message: `Config invalid: ${formatConfigIssues(got.issues)}` } };
    default:
      return assertNever(got, "config get result");
  }
}

function configWriteError(result: Exclude<ConfigWriteResult, { kind: "ok" }>): string {
  switch (result.kind) {
    case "invalid-path":
      return result.message;
    case "invalid-file":
      return `Config invalid: ${formatConfigIssues(result.issues)}`;
    case "invalid-result":
      return `Config would be invalid: ${formatConfigIssues(result.issues)}`;
    default:
      return assertNever(result, "config write result");
  }
}

function applyConfigWrite(machine: Machine, result: ConfigWriteResult, reason: string): OperatorResult {
  if (result.kind !== "ok") return { machine, effects: [], outcome: { kind: "config-error", message: configWriteError(result) } };
  return {
    machine: withConfigFile(machine, result.file),
    effects: [{ type: "config-written", file: result.file, reason }],
    outcome: { kind: "ok" },
  };
}

// ---- gateway install / restart ------------------------------------------------------------------------------

function runGatewayInstall(
  machine: Machine,
  command: Extract<OperatorCommand, { kind: "gateway-install" }>,
  context: OperatorContext,
): OperatorResult {
  if (machine.serviceUnit && !command.force) return { machine, effects: [], outcome: { kind: "already-installed" } };
  if (!machine.config.valid) {
    return { machine, effects: [], outcome: { kind: "config-error", message: `Config invalid: ${formatConfigIssues(machine.config.issues)}` } };
  }
  const installEnv = shellProcessEnv(machine);
  const effects: OperatorEffect[] = [];
  let next = machine;
  // Tokenless era: the token the install would have baked in goes to gateway.auth.token instead (if unset).
  const mode: unknown = gatewaySection(machine.config.config).auth?.mode;
  let token = legacyInstallToken({ config: machine.config.config, token: command.token, installEnv });
  // Every release (read in the 2.12 and 9.6 dists): token auth with no token from the flag, the config or the
  // shell, and no Tailscale identity, gets a generated one saved to the config (mode token if unset) first.
  if (!token && (mode === undefined || mode === "token") && !resolveServerGatewayAuth({ config: machine.config.config, env: installEnv, switches: context.switches }).allowTailscale && context.newToken) {
    const generated = context.newToken();
    const written = configSet(machine.config, "gateway.auth", { ...gatewaySection(machine.config.config).auth, mode: "token", token: generated });
    if (written.kind === "ok") {
      token = generated;
      next = withConfigFile(next, written.file);
      effects.push({ type: "config-written", file: written.file, reason: "persist generated install token" });
    }
  }
  if (!context.switches.unitEmbedsToken && token && (mode === undefined || mode === "token")) {
    if (!resolveDriftCheckCredentials(next.config.config).token) {
      const set = configSet(next.config, "gateway.auth.token", token);
      if (set.kind === "ok") {
        next = withConfigFile(next, set.file);
        effects.push({ type: "config-written", file: set.file, reason: "persist install token" });
      }
    }
  }
  const unit = installServiceUnit({
    ...context.unitOptions,
    config: next.config.config,
    switches: context.switches,
    version: context.version,
    ...(command.token !== undefined ? { token: command.token } : {}),
    installEnv,
  });
  effects.push({ type: "service-unit-written", unit }, { type: "gateway-restart" });
  return { machine: withServiceUnit(next, unit), effects, outcome: { kind: "ok" } };
}

function runGatewayRestart(machine: Machine, context: OperatorContext): OperatorResult {
  if (!machine.serviceUnit) return { machine, effects: [], outcome: { kind: "not-installed" } };
  const warnings: DoctorFinding[] = [];
  if (context.switches.auditCodes.includes("gateway-token-drift")) {
    const drift = checkTokenDrift({
      serviceToken: readEmbeddedGatewayToken(machine.serviceUnit),
      configToken: resolveDriftCheckCredentials(machine.config.config).token,
    });
    if (drift) warnings.push(drift);
  }
  return { machine, effects: [{ type: "gateway-restart" }], outcome: { kind: "restarted", warnings } };
}

// ---- doctor -------------------------------------------------------------------------------------------------

function runDoctorAudit(machine: Machine, context: OperatorContext): OperatorResult {
  const unknown = unknownKeysFinding(withoutUnknownKeys(machine.config, context.switches.configSchemaGaps).removed);
  const findings = [...(unknown ? [unknown] : []), ...auditService({ unit: machine.serviceUnit, config: machine.config.config, switches: context.switches })];
  return { machine, effects: [], outcome: { kind: "doctor", findings } };
}

function runDoctorFix(machine: Machine, context: OperatorContext): OperatorResult {
  // Every release's doctor first strips keys its schema does not know (stripUnknownConfigKeys) and writes the file.
  const stripped = withoutUnknownKeys(machine.config, context.switches.configSchemaGaps);
  const unknown = unknownKeysFinding(stripped.removed);
  if (unknown) {
    const next = withConfigFile(machine, stripped.file);
    const rest = runDoctorRepair(next, { ...context, ...(context.doctorSnapshot ? { doctorSnapshot: withoutUnknownKeys(context.doctorSnapshot, context.switches.configSchemaGaps).file } : {}) });
    const outcome = rest.outcome.kind === "doctor" ? { ...rest.outcome, findings: [unknown, ...rest.outcome.findings] } : rest.outcome;
    return { machine: rest.machine, effects: [{ type: "config-written", file: stripped.file, reason: "doctor: remove unknown keys" }, ...rest.effects], outcome };
  }
  return runDoctorRepair(machine, context);
}

function runDoctorRepair(machine: Machine, context: OperatorContext): OperatorResult {
  const repair = repairService({
    unit: machine.serviceUnit,
    snapshot: context.doctorSnapshot ?? machine.config,
    current: machine.config,
    switches: context.switches,
    version: context.version,
    ...(context.unitOptions !== undefined ? { unitOptions: context.unitOptions } : {}),
    ...(context.otherDoctorFixesPending !== undefined ? { otherFixesPending: context.otherDoctorFixesPending } : {}),
  });
  if (repair.kind === "refused") {
    return { machine, effects: [], outcome: { kind: "doctor", findings: repair.findings, repair } };
  }
  const effects: OperatorEffect[] = repair.writes.map((w) => ({ type: "config-written", file: w.file, reason: `doctor: ${w.reason}` }));
  let next = withConfigFile(machine, repair.file);
  if (repair.kind === "repaired") {
    next = withServiceUnit(next, repair.unit);
    effects.push({ type: "service-unit-written", unit: repair.unit }, { type: "gateway-restart" });
  }
  return { machine: next, effects, outcome: { kind: "doctor", findings: repair.findings, repair } };
}

// ---- devices ------------------------------------------------------------------------------------------------

function runDevices(machine: Machine, command: DevicesCommand): OperatorResult {
  const env = shellProcessEnv(machine);
  const connection = command.connection;
  const envUrl = envValue(env, envNames.gatewayUrl);
  const url = connection?.url ?? envUrl;
  const urlSource = connection?.url !== undefined ? "cli" : envUrl !== undefined ? "env" : undefined;
  const credentials = resolveGatewayCredentials({
    config: machine.config.config,
    env,
    explicit: { token: connection?.token, password: connection?.password, url },
    ...(urlSource !== undefined ? { urlSource } : {}),
  });
  if (urlSource === "cli" && credentials.token === undefined && credentials.password === undefined) {
    const message = "gateway url override requires explicit credentials (pass --token or --password)";
    return { machine, effects: [], outcome: { kind: "missing-explicit-credentials", message } };
  }
  const rpc = devicesRpc(command);
  const target = url ?? defaultGatewayUrl(machine);
  const loopback = /^wss?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(target);
  const localPairingFallback =
    url === undefined && loopback && (command.kind === "devices-list" || command.kind === "devices-approve");
  return {
    machine,
    effects: [{ type: "gateway-rpc", rpc, url: target, credentials, localPairingFallback }],
    outcome: { kind: "rpc-sent", rpc },
  };
}

/** Where the CLI connects without `--url`: gateway.remote.url in remote mode, else local loopback. */
export function defaultGatewayUrl(machine: Machine): string {
  const gw = gatewaySection(machine.config.config);
  const remoteUrl = gw.remote?.url;
  if (gw.mode === "remote" && typeof remoteUrl === "string" && remoteUrl.trim()) return remoteUrl.trim();
  return `ws://127.0.0.1:${configuredGatewayPort(machine.config.config)}`;
}

// ---- seed 000: token drift recovery checklist ---------------------------------------------------------------

export interface RecoveryStep {
  readonly step: number;
  readonly condition: "always" | "if-rotation-not-enough";
  readonly purpose: string;
  /** Empty for the last step, which is a client action (reconnect), not a command. */
  readonly commands: readonly OperatorCommand[];
}

/**
 * The documented recovery for clients stuck on AUTH_TOKEN_MISMATCH / AUTH_DEVICE_TOKEN_MISMATCH, for one device.
 * `requestId` is the pending request the client creates when it reconnects after removal; unknown in advance,
 * so it defaults to the literal placeholder.
 */
export function tokenDriftRecoveryChecklist(input: { deviceId: string; requestId?: string; role?: string }): RecoveryStep[] {
  const role = input.role ?? "operator";
  return [
    { step: 1, condition: "always", purpose: "confirm the current gateway token source", commands: [op.configGet("gateway.auth.token")] },
    { step: 2, condition: "always", purpose: "list paired devices and find the affected device id", commands: [op.devicesList()] },
    {
      step: 3,
      condition: "always",
      purpose: "rotate the device's operator token",
      commands: [op.devicesRotate({ deviceId: input.deviceId, role })],
    },
    {
      step: 4,
      condition: "if-rotation-not-enough",
      purpose: "remove the stale pairing and approve the device again",
      commands: [op.devicesRemove(input.deviceId), op.devicesList(), op.devicesApprove(input.requestId ?? "<requestId>")],
    },
    { step: 5, condition: "always", purpose: "retry the client connection with the current shared token/password", commands: [] },
  ];
}

/** The checklist's commands in order (optionally without the conditional re-pair step). */
export function recoveryCommands(steps: readonly RecoveryStep[], options: { includeConditional?: boolean } = {}): OperatorCommand[] {
  const include = options.includeConditional ?? true;
  return steps.filter((s) => include || s.condition === "always").flatMap((s) => s.commands);
}
