// A simulated machine (src/host's Machine: config file, shell env, `.env`, service unit, client files) bound to
// a host of the world, and the gateway process it runs. Starting the gateway reads the environment the process
// really gets (the unit's, or the login shell's), resolves the gateway's own secret with the release's
// precedence (env-first vs config-first in the service, §9.2), refuses to start on an invalid config or a
// missing secret (a `host` trace event), and otherwise (re)starts the world's GatewayNode with that config.
// Config writes reach a running gateway through its config watcher: after a 300 ms debounce it restarts in
// process (same environment) or, where the release hot-reloads credentials, swaps the shared secret live.
// It does not run operator commands (operator-node.ts) nor decide auth (the gateway reducer does).
import { assertNever, type TimerId } from "../kernel/index.ts";
import type { DeviceIdentity } from "../crypto/index.ts";
import {
  approvalTokenOptions,
  approveDevicePairing,
  clonePairingStore,
  credentialConfigPaths,
  emptyBootstrapStore,
  planConfigReload,
  requestDevicePairing,
  seededControlUiOrigins,
  type BootstrapStore,
  type ConfigReloadMode,
  type GatewayRuntimeConfig,
} from "../gateway/index.ts";
export type { ConfigReloadMode } from "../gateway/index.ts";
import { isIpv4Address, isLoopbackAddress, type Bind } from "../net/index.ts";
import type { Profile } from "../profiles/index.ts";
import {
  checkServerAuthStartup,
  configIssuesFor,
  configSet,
  configuredGatewayPort,
  envNames,
  envValue,
  formatConfigIssues,
  gatewayServiceEnv,
  gatewaySection,
  resolveServerGatewayAuth,
  shellProcessEnv,
  type EnvMap,
  type GatewayBind,
  type GatewayConfig,
  type Machine,
  type ServerGatewayAuth,
  type ServiceUnit,
} from "../host/index.ts";
import type { MachineClientSpec } from "./machine-clients.ts";
import type { World } from "./world.ts";

/** The real config watcher's debounce (`gateway.reload.debounceMs` default). */
export const configReloadDebounceMs = 300;

export type GatewayStartVia = "service" | "foreground";

export type GatewayStartRefusal =
  | "not-installed"
  | "missing-environment-file"
  | "config-invalid"
  | "token-missing"
  | "password-missing"
  | "trusted-proxy-user-header-missing"
  | "custom-bind-host"
  | "non-loopback-without-auth"
  | "non-loopback-control-ui-origins";

export type GatewayProcessStart =
  | { readonly kind: "started"; readonly via: GatewayStartVia; readonly port: number; readonly auth: ServerGatewayAuth; readonly listen: string }
  | { readonly kind: "refused"; readonly via: GatewayStartVia; readonly reason: GatewayStartRefusal; readonly detail: string };

/** What the running gateway process was started with (an in-process restart keeps the environment). */
export interface GatewayProcess {
  readonly via: GatewayStartVia;
  readonly env: EnvMap;
  /** The config the process loaded last (start, restart or hot reload). */
  config: GatewayConfig;
  readonly port: number;
  /** The process found itself in a container at start (the releases detect it once per process). */
  readonly inContainer: boolean;
  /** The token it made at start (tokenBootstrap "runtime"): kept across config reloads, gone with the process. */
  readonly generatedToken?: string;
}


export interface MachineNodeOptions {
  readonly name: string;
  readonly host: string;
  readonly machine: Machine;
  /** The world's name for this machine's gateway node; default "gateway". */
  readonly gatewayName?: string;
  /** The OS user running `openclaw` operator commands (their CLI's device-auth file); default "operator". */
  readonly operatorUser?: string;
  /** The operator CLI's device identity (`~/.openclaw/identity/device.json`); null = device-less CLI. */
  readonly cliIdentity?: DeviceIdentity | null;
  /** What `tailscale whois` answers on this host: tailnet client IP → login (for gateway.auth.allowTailscale). */
  readonly tailscaleWhois?: Readonly<Record<string, string>>;
}

export class MachineNode {
  readonly name: string;
  readonly host: string;
  readonly gatewayName: string;
  readonly operatorUser: string;
  cliIdentity: DeviceIdentity | null;
  /** The machine as it is now; replaced (never mutated) by operator commands and hand edits. */
  machine: Machine;
  process: GatewayProcess | null = null;
  lastStart: GatewayProcessStart | null = null;
  /** Clients started from this machine, by client name, so they can re-read changed credentials. */
  readonly clients = new Map<string, MachineClientSpec>();
  reloadTimer: TimerId | undefined;
  /** The service manager's next try after a start that failed (see respawnAfterRefusal). */
  respawnTimer: TimerId | undefined;
  /** The port the world's gateway node for this machine listens on (a different port needs a new node). */
  gatewayPort: number | undefined;
  /** The address set the gateway listens on (from gateway.bind). */
  gatewayBind: Bind | undefined;
  operatorRuns = 0;
  /** `tailscale whois` answers (tailnet client IP → login); edit with World.setTailscaleWhois. */
  tailscaleWhois: Record<string, string>;
  /** `~/.openclaw/devices/bootstrap.json` (setup-code bootstrap tokens): on disk, so any gateway process of this
   *  machine reads the same file (src/gateway/bootstrap-tokens.ts). */
  readonly bootstrapFile: BootstrapStore = emptyBootstrapStore();

  constructor(options: MachineNodeOptions) {
    this.tailscaleWhois = { ...options.tailscaleWhois };
    this.name = options.name;
    this.host = options.host;
    this.machine = options.machine;
    this.gatewayName = options.gatewayName ?? "gateway";
    this.operatorUser = options.operatorUser ?? "operator";
    this.cliIdentity = options.cliIdentity ?? null;
  }
}

/** The port the service listens on: `--port` in the unit's command line, else OPENCLAW_GATEWAY_PORT, else config. */
export function servicePort(unit: ServiceUnit | null, env: EnvMap, config: GatewayConfig): number {
  const args = unit?.programArguments ?? [];
  const at = args.indexOf("--port");
  const fromArgs = at >= 0 ? Number(args[at + 1]) : NaN;
  if (Number.isInteger(fromArgs) && fromArgs > 0) return fromArgs;
  const fromEnv = Number(envValue(env, envNames.gatewayPort));
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return configuredGatewayPort(config);
}

/** The gateway reducer's runtime config from the file it loaded and the secret it resolved. */
export function gatewayRuntimeConfigFor(input: {
  config: GatewayConfig;
  auth: ServerGatewayAuth;
  version: string;
  configPath: string;
  tailscaleWhois?: Readonly<Record<string, string>>;
  handshakeTimeoutMs?: number;
}): GatewayRuntimeConfig {
  const gw = gatewaySection(input.config);
  const ui = gw.controlUi ?? {};
  const userHeader = gw.auth?.trustedProxy?.userHeader;
  const tp = gw.auth?.trustedProxy;
  const autoApproveRaw = (gw as { nodes?: { pairing?: { autoApproveLocal?: unknown } } }).nodes?.pairing?.autoApproveLocal;
  const autoApproveLocal = typeof autoApproveRaw === "boolean" ? autoApproveRaw : undefined;
  return {
    auth: {
      mode: input.auth.mode,
      ...(input.auth.token !== undefined ? { token: input.auth.token } : {}),
      ...(input.auth.password !== undefined ? { password: input.auth.password } : {}),
      allowTailscale: input.auth.allowTailscale,
      ...(gw.auth?.rateLimit !== undefined ? { rateLimit: { ...gw.auth.rateLimit } } : {}),
      ...(userHeader !== undefined
        ? {
            trustedProxy: {
              userHeader,
              ...(tp?.requiredHeaders ? { requiredHeaders: [...tp.requiredHeaders] } : {}),
              ...(tp?.allowUsers ? { allowUsers: [...tp.allowUsers] } : {}),
              ...(tp?.allowLoopback !== undefined ? { allowLoopback: tp.allowLoopback } : {}),
            },
          }
        : {}),
    },
    controlUi: {
      allowInsecureAuth: ui.allowInsecureAuth === true,
      dangerouslyDisableDeviceAuth: ui.dangerouslyDisableDeviceAuth === true,
      allowedOrigins: [...(ui.allowedOrigins ?? [])],
      dangerouslyAllowHostHeaderOriginFallback: ui.dangerouslyAllowHostHeaderOriginFallback === true,
    },
    trustedProxies: [...(gw.trustedProxies ?? [])],
    allowRealIpFallback: gw.allowRealIpFallback === true,
    tailscaleWhois: { ...input.tailscaleWhois },
    version: input.version,
    configPath: input.configPath,
    stateDir: "~/.openclaw",
    ...(autoApproveLocal !== undefined ? { nodes: { pairing: { autoApproveLocal } } } : {}),
    ...(input.handshakeTimeoutMs !== undefined ? { handshakeTimeoutMs: input.handshakeTimeoutMs } : {}),
  };
}

type StartEnv = { kind: "ok"; env: EnvMap } | { kind: "refused"; reason: GatewayStartRefusal; detail: string };

function startEnv(machine: Machine, via: GatewayStartVia): StartEnv {
  if (via === "foreground") return { kind: "ok", env: shellProcessEnv(machine) };
  const started = gatewayServiceEnv(machine);
  switch (started.kind) {
    case "ok":
      return started;
    case "no-service":
      return { kind: "refused", reason: "not-installed", detail: "gateway service not installed" };
    case "missing-environment-file":
      return { kind: "refused", reason: "missing-environment-file", detail: `EnvironmentFile ${started.path} not found` };
    default:
      return assertNever(started, "gateway service env");
  }
}

/**
 * Start (or restart) the machine's gateway process. A running process is stopped first (clients see 1012);
 * a refused start leaves the gateway down. `keepEnv` is an in-process restart: same environment as before.
 */
export function startGatewayProcess(world: World, node: MachineNode, via: GatewayStartVia, keepEnv?: EnvMap): GatewayProcessStart {
  const machine = node.machine;
  const profile: Profile = world.profile;
  stopGatewayProcess(world, node, "service restart");
  const env: StartEnv = keepEnv !== undefined ? { kind: "ok", env: keepEnv } : startEnv(machine, via);
  const configIssues = configIssuesFor(machine.config, profile.service.configSchemaGaps);
  let result: GatewayProcessStart;
  if (env.kind === "refused") {
    result = { kind: "refused", via, reason: env.reason, detail: env.detail };
  } else if (configIssues.length > 0) {
    // Invalid JSON or values, or a key the release's strict schema does not know: "Invalid config …", no start.
    result = { kind: "refused", via, reason: "config-invalid", detail: `Config invalid: ${formatConfigIssues(configIssues)}` };
  } else {
    let config = machine.config.config;
    let auth = resolveServerGatewayAuth({ config, env: env.env, switches: profile.service });
    const bootstrap = tokenlessStart(profile, auth);
    if (bootstrap === "persist") {
      config = persistGeneratedToken(world, node, config);
      auth = resolveServerGatewayAuth({ config, env: env.env, switches: profile.service });
    }
    const startup = bootstrap === "runtime" ? ({ kind: "ok" } as const) : checkServerAuthStartup(auth, config);
    if (startup.kind === "refuse-start") {
      result = { kind: "refused", via, reason: startup.reason, detail: `gateway auth: ${startup.reason}` };
    } else {
      const port = servicePort(via === "service" ? machine.serviceUnit : null, env.env, config);
      const inContainer = containerDetected(profile, machine, env.env);
      config = seedOriginsIntoFile(world, node, config, inContainer);
      const runtimeFileConfig = withRuntimeOrigins(world, node.name, config, port, inContainer);
      const listen = resolveListen(world, node, runtimeFileConfig, auth, port, inContainer);
      if (listen.kind === "refused") {
        result = { kind: "refused", via, reason: listen.reason, detail: listen.detail };
      } else {
        // A runtime token is made only once the start checks passed with the configured secrets (none).
        const generatedToken = bootstrap === "runtime" ? generateGatewayToken(world, node, false) : undefined;
        if (generatedToken !== undefined) auth = { ...auth, token: generatedToken, tokenSource: "generated" };
        const handshakeTimeoutMs = Number(envValue(env.env, "OPENCLAW_HANDSHAKE_TIMEOUT_MS"));
        const runtime = gatewayRuntimeConfigFor({
          config: runtimeFileConfig,
          auth,
          version: profile.name,
          configPath: machine.config.path,
          tailscaleWhois: node.tailscaleWhois,
          ...(Number.isInteger(handshakeTimeoutMs) && handshakeTimeoutMs > 0 ? { handshakeTimeoutMs } : {}),
        });
        launch(world, node, port, runtime, listen.bind);
        node.process = { via, env: env.env, config, port, inContainer, ...(generatedToken !== undefined ? { generatedToken } : {}) };
        if (generatedToken !== undefined && profile.service.tokenBootstrap === "runtime-cli-pairing" && listen.bind === "loopback") pairLocalCli(world, node);
        result = { kind: "started", via, port, auth, listen: listenAddress(listen.bind) };
      }
    }
  }
  node.lastStart = result;
  world.scheduler.record(node.name, "host", startRecord(result));
  if (result.kind === "refused") respawnAfterRefusal(world, node, result);
  return result;
}

/**
 * What a start does about token auth with no token anywhere (service switch tokenBootstrap): nothing to do, refuse
 * (checkServerAuthStartup's token-missing), write a generated token into the config, or make one for the process.
 */
function tokenlessStart(profile: Profile, auth: ServerGatewayAuth): "none" | "refuse" | "persist" | "runtime" {
  if (auth.mode !== "token" || (auth.token?.trim() ?? "") !== "") return "none";
  switch (profile.service.tokenBootstrap) {
    case "refuse":
      return "refuse";
    case "persist":
      return "persist";
    case "runtime":
    case "runtime-cli-pairing":
      return "runtime";
    default:
      return assertNever(profile.service.tokenBootstrap, "tokenBootstrap");
  }
}

/** A token as the releases make one (24 random bytes as 48 hex digits), from a world stream. */
export function randomHexToken(world: World, stream: string): string {
  const prng = world.scheduler.stream(stream);
  let token = "";
  for (let i = 0; i < 6; i++) token += prng.nextU32().toString(16).padStart(8, "0");
  return token;
}

/** The gateway's own token at a tokenless start, recorded without the value. */
function generateGatewayToken(world: World, node: MachineNode, persisted: boolean): string {
  const token = randomHexToken(world, `gateway-token:${node.name}`);
  world.scheduler.record(node.name, "host", { event: "gateway.auth-token-generated", persisted });
  return token;
}

/** 2026.2.22 … 2026.4.22: the generated token goes into the config file (gateway.auth.mode token too). */
function persistGeneratedToken(world: World, node: MachineNode, config: GatewayConfig): GatewayConfig {
  const token = generateGatewayToken(world, node, true);
  let file = node.machine.config;
  for (const [path, value] of [["gateway.auth.mode", "token"], ["gateway.auth.token", token]] as const) {
    const written = configSet(file, path, value);
    if (written.kind !== "ok") return config;
    file = written.file;
  }
  node.machine = { ...node.machine, config: file };
  return file.config;
}

/**
 * 2026.8.2, 2026.9.6 with a runtime token on loopback: the machine's own CLI device is paired for operator.admin
 * before the gateway is ready (silently, as from 127.0.0.1) and its operator token stored where that CLI reads it,
 * since no CLI can read the runtime token. A device already paired keeps its record and its token is stored again.
 */
function pairLocalCli(world: World, node: MachineNode): void {
  const identity = node.cliIdentity;
  const gateway = world.gateways.get(node.gatewayName);
  if (!identity || !gateway) return;
  const store = gateway.state.store;
  const nowMs = world.clockOf(node.host).nowMs();
  const prng = world.scheduler.stream(`gateway-token:${node.name}:cli-pairing`);
  let paired = store.paired[identity.deviceId];
  let outcome: "created" | "reused" | "unavailable" = "reused";
  if (!paired) {
    const request = { deviceId: identity.deviceId, publicKey: identity.publicKeyBase64Url, displayName: "OpenClaw CLI", clientId: "cli", clientMode: "cli", role: "operator", roles: ["operator"], scopes: ["operator.admin"], remoteIp: "127.0.0.1", silent: true };
    const pending = requestDevicePairing({ store, request, policy: "replace", nowMs, prng });
    // Approved as "silent" (ensureStartupLocalCliPairing in the 8.2 and 9.6 dists), with no prune after it.
    paired = approveDevicePairing(store, pending.request.requestId, nowMs, prng, approvalTokenOptions(gateway.state.switches, "silent")) ?? undefined;
    outcome = paired ? "created" : "unavailable";
  }
  const token = paired?.tokens["operator"];
  if (!token || token.revokedAtMs !== undefined || !token.scopes.includes("operator.admin")) outcome = "unavailable";
  else world.storeOperatorDeviceToken(node, identity.deviceId, token.token, token.scopes);
  gateway.persisted = clonePairingStore(store);
  world.scheduler.record(node.name, "host", { event: "gateway.local-cli-paired", deviceId: identity.deviceId, outcome });
}

/** How long each service manager waits before it starts a failed gateway again (the units the releases write). */
const respawnDelayMs = { systemd: 5_000, launchd: 10_000 } as const;

/**
 * A service-managed gateway whose start failed exits, and its service manager starts it again (systemd's
 * Restart=always after RestartSec=5; launchd's KeepAlive after its 10 s throttle), reading the config afresh, so a
 * fixed config brings it back. A foreground process stays down; a unit that cannot load its environment file is
 * not retried (not read); any start in between (an operator's, a reload's) cancels the pending try.
 */
function respawnAfterRefusal(world: World, node: MachineNode, result: Extract<GatewayProcessStart, { kind: "refused" }>): void {
  const unit = node.machine.serviceUnit;
  if (result.via !== "service" || unit === null || result.reason === "not-installed" || result.reason === "missing-environment-file") return;
  const afterMs = respawnDelayMs[unit.manager];
  world.scheduler.record(node.name, "host", { event: "service.respawn-scheduled", manager: unit.manager, afterMs });
  node.respawnTimer = world.scheduler.schedule(afterMs, { actor: node.name, label: "service-respawn", traced: true }, () => {
    node.respawnTimer = undefined;
    startGatewayProcess(world, node, "service");
  });
}

/**
 * Releases with controlUiOriginSeed "persist"/"persist-auto" write the seeded Control UI origins into the config
 * file at start (port from the file, 18789 unset); the new file is what this process and every later one read.
 */
function seedOriginsIntoFile(world: World, node: MachineNode, config: GatewayConfig, inContainer: boolean): GatewayConfig {
  const mode = world.profile.gateway.controlUiOriginSeed;
  if (mode !== "persist" && mode !== "persist-auto") return config;
  const origins = originsFor(mode, config, configuredGatewayPort(config), inContainer);
  if (!origins) return config;
  const written = configSet(node.machine.config, "gateway.controlUi.allowedOrigins", origins);
  if (written.kind !== "ok") return config;
  node.machine = { ...node.machine, config: written.file };
  world.scheduler.record(node.name, "host", { event: "gateway.control-ui-origins-seeded", origins, written: true });
  return written.file.config;
}

/** Releases with controlUiOriginSeed "runtime" seed the origins into the running process only (the file stays). */
function withRuntimeOrigins(world: World, actor: string, config: GatewayConfig, port: number, inContainer: boolean, quiet = false): GatewayConfig {
  const mode = world.profile.gateway.controlUiOriginSeed;
  if (mode !== "runtime") return config;
  const origins = originsFor(mode, config, port, inContainer);
  if (!origins) return config;
  if (!quiet) world.scheduler.record(actor, "host", { event: "gateway.control-ui-origins-seeded", origins, written: false });
  const gw = gatewaySection(config);
  return { ...config, gateway: { ...gw, controlUi: { ...gw.controlUi, allowedOrigins: origins } } };
}

function originsFor(mode: Profile["gateway"]["controlUiOriginSeed"], config: GatewayConfig, port: number, inContainer: boolean): string[] | null {
  const gw = gatewaySection(config);
  return seededControlUiOrigins({ mode, bind: effectiveBindMode(config, inContainer), port, allowedOrigins: gw.controlUi?.allowedOrigins, hostHeaderFallback: gw.controlUi?.dangerouslyAllowHostHeaderOriginFallback === true, customBindHost: gw.customBindHost });
}

function startRecord(result: GatewayProcessStart): Record<string, unknown> {
  if (result.kind === "refused") return { event: "gateway.refuse-start", via: result.via, reason: result.reason, detail: result.detail };
  return { event: "gateway.start", via: result.via, port: result.port, listen: result.listen, authMode: result.auth.mode, tokenSource: result.auth.tokenSource };
}

function listenAddress(bind: Bind): string {
  return bind === "loopback" ? "127.0.0.1" : bind === "all" ? "0.0.0.0" : bind;
}

function launch(world: World, node: MachineNode, port: number, runtime: GatewayRuntimeConfig, bind: Bind): void {
  const existing = world.gateways.get(node.gatewayName);
  let gateway = existing;
  if (existing && node.gatewayPort === port && node.gatewayBind === bind) {
    existing.start(runtime);
  } else {
    node.gatewayPort = port;
    node.gatewayBind = bind;
    const bootstrap = existing?.bootstrapFile ?? node.bootstrapFile;
    gateway = world.addGateway({ name: node.gatewayName, host: node.host, port, bind, config: runtime, bootstrap, machineStarted: true, ...(existing?.persisted ? { store: existing.persisted } : {}) });
  }
  // A restart or a supervisor's respawn of this process starts it the way the machine does (file, checks, bootstrap).
  gateway!.relaunch = (inProcess) => {
    const last = node.process;
    const via = last?.via ?? "service";
    startGatewayProcess(world, node, via, inProcess || via === "foreground" ? last?.env : undefined);
  };
}

type Listen = { readonly kind: "ok"; readonly bind: Bind } | { readonly kind: "refused"; readonly reason: GatewayStartRefusal; readonly detail: string };

/**
 * gateway.bind as the listening address, as every release resolves it (the 2.12 … 9.6 dists): unset, "loopback" and
 * "auto" → 127.0.0.1, except in a detected container (`inContainer`, containerDetection), where unset is "auto" and
 * "auto" is all interfaces; "lan" → all interfaces; "tailnet" → the host's
 * tailnet address, else 127.0.0.1; "custom" → gateway.customBindHost when it is an IPv4 address of this host,
 * otherwise all interfaces up to 2026.2.17 and a refused start from 2026.2.22 (service switch customBindFallback).
 * Then the start checks every release makes on a non-loopback address: a shared secret (a token in token mode, a
 * password in password mode) or trusted-proxy auth; and, from the releases that seed Control UI origins, an
 * origin list (after the seeding) or the Host-header fallback unless gateway.controlUi.enabled is false.
 */
export function resolveListen(world: World, node: MachineNode, config: GatewayConfig, auth: ServerGatewayAuth, port: number, inContainer: boolean): Listen {
  const gw = gatewaySection(config);
  const host = world.network.hosts.get(node.host);
  let bind: Bind;
  const mode = effectiveBindMode(config, inContainer);
  switch (mode) {
    case undefined:
    case "loopback":
      bind = "loopback";
      break;
    case "auto":
      bind = inContainer ? "all" : "loopback";
      break;
    case "lan":
      bind = "all";
      break;
    case "tailnet":
      bind = host.interfaces.find((i) => i.kind === "tailnet")?.address ?? "loopback";
      break;
    case "custom": {
      const wanted = gw.customBindHost?.trim() ?? "";
      const bindable = isIpv4Address(wanted) && (isLoopbackAddress(wanted) || host.interfaces.some((i) => i.address === wanted));
      if (bindable) bind = isLoopbackAddress(wanted) ? "loopback" : wanted;
      else if (world.profile.service.customBindFallback === "all") bind = "all";
      else {
        const detail = wanted === "" ? "gateway.bind=custom needs gateway.customBindHost" : isIpv4Address(wanted) ? `gateway.bind=custom: ${wanted} is not an address of this host (no fallback)` : `gateway.bind=custom needs an IPv4 customBindHost (got ${wanted})`;
        return { kind: "refused", reason: "custom-bind-host", detail };
      }
      break;
    }
    default:
      return assertNever(mode, "gateway.bind");
  }
  if (bind === "loopback") return { kind: "ok", bind };
  const address = listenAddress(bind);
  const sharedSecret = (auth.mode === "token" && (auth.token?.trim() ?? "") !== "") || (auth.mode === "password" && (auth.password?.trim() ?? "") !== "");
  if (!sharedSecret && auth.mode !== "trusted-proxy") {
    const why = inContainer && gw.bind === undefined ? " (container detected: an unset bind is auto, 0.0.0.0)" : "";
    return { kind: "refused", reason: "non-loopback-without-auth", detail: `no shared secret for a gateway on ${address}:${port}${why}` };
  }
  const ui = gw.controlUi;
  const origins = (ui?.allowedOrigins ?? []).filter((o) => o.trim() !== "");
  if (world.profile.gateway.controlUiOriginSeed !== "off" && ui?.enabled !== false && origins.length === 0 && ui?.dangerouslyAllowHostHeaderOriginFallback !== true) {
    return { kind: "refused", reason: "non-loopback-control-ui-origins", detail: `Control UI on ${address}:${port} without gateway.controlUi.allowedOrigins` };
  }
  return { kind: "ok", bind };
}

/**
 * Whether the gateway process finds itself in a container (profile switch containerDetection): the machine's
 * container marks, or from 2026.5.28 Fly.io's FLY_MACHINE_ID and FLY_APP_NAME in the process environment.
 */
export function containerDetected(profile: Profile, machine: Machine, env: EnvMap): boolean {
  switch (profile.service.containerDetection) {
    case "none":
      return false;
    case "sentinel":
      return machine.container;
    case "sentinel-or-fly":
      return machine.container || (nonBlankEnv(env, "FLY_MACHINE_ID") && nonBlankEnv(env, "FLY_APP_NAME"));
    default:
      return assertNever(profile.service.containerDetection, "containerDetection");
  }
}

function nonBlankEnv(env: EnvMap, name: string): boolean {
  return (envValue(env, name)?.trim() ?? "") !== "";
}

/**
 * gateway.bind as the process uses it: the file's value, else "auto" in a container (loopback when Tailscale
 * serve or funnel needs it), else unset (loopback).
 */
function effectiveBindMode(config: GatewayConfig, inContainer: boolean): GatewayBind | undefined {
  const gw = gatewaySection(config);
  if (gw.bind !== undefined || !inContainer) return gw.bind;
  const tailscale = gw.tailscale?.mode;
  return tailscale === "serve" || tailscale === "funnel" ? undefined : "auto";
}

export function stopGatewayProcess(world: World, node: MachineNode, reason: string): void {
  if (node.reloadTimer !== undefined) world.scheduler.cancel(node.reloadTimer);
  node.reloadTimer = undefined;
  if (node.respawnTimer !== undefined) world.scheduler.cancel(node.respawnTimer);
  node.respawnTimer = undefined;
  const gateway = world.gateways.get(node.gatewayName);
  if (node.process && gateway?.running) gateway.stop(reason);
  node.process = null;
}

/** Replace the machine value; a changed config file is noticed by a running gateway's watcher. */
export function machineChanged(world: World, node: MachineNode, next: Machine): void {
  const configChanged = next.config !== node.machine.config;
  node.machine = next;
  if (!configChanged || !node.process) return;
  if (node.reloadTimer !== undefined) world.scheduler.cancel(node.reloadTimer);
  node.reloadTimer = world.scheduler.schedule(configReloadDebounceMs, { actor: node.name, label: "config-reload", traced: true }, () => {
    node.reloadTimer = undefined;
    runConfigReload(world, node);
  });
}

/** Changed dotted paths under `gateway` (remote/reload changes never touch the running gateway). */
export function changedGatewayPaths(before: GatewayConfig, after: GatewayConfig): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    const isObj = (v: unknown) => v !== null && typeof v === "object" && !Array.isArray(v);
    // A section added or removed is diffed key by key against nothing (the release's refinement prefixes).
    if ((isObj(a) || a === undefined) && (isObj(b) || b === undefined)) {
      const keys = new Set([...Object.keys((a ?? {}) as object), ...Object.keys((b ?? {}) as object)]);
      for (const k of [...keys].sort()) walk((a as Record<string, unknown> | undefined)?.[k], (b as Record<string, unknown> | undefined)?.[k], `${path}.${k}`);
      return;
    }
    out.push(path);
  };
  walk(before.gateway ?? {}, after.gateway ?? {}, "gateway");
  return out.filter((p) => !p.startsWith("gateway.remote") && !p.startsWith("gateway.reload"));
}

export function configReloadMode(config: GatewayConfig): ConfigReloadMode {
  // gateway.reload.mode as the file says it (default "hybrid").
  const raw = (gatewaySection(config) as { reload?: { mode?: unknown } }).reload?.mode;
  return raw === "off" || raw === "restart" || raw === "hot" || raw === "hybrid" ? raw : "hybrid";
}

/** Whether a credential-only change is applied without a restart (profile switch credentialReload). */
export function hotReloadsCredentials(profile: Profile): boolean {
  return profile.gateway.credentialReload === "hot";
}

function runConfigReload(world: World, node: MachineNode): void {
  const process = node.process;
  if (!process) return;
  const file = node.machine.config;
  const record = (data: Record<string, unknown>) => world.scheduler.record(node.name, "host", { event: "config.reload", ...data });
  const issues = configIssuesFor(file, world.profile.service.configSchemaGaps);
  if (issues.length > 0) return record({ action: "skipped-invalid", detail: formatConfigIssues(issues) });
  const paths = changedGatewayPaths(process.config, file.config);
  const mode = configReloadMode(file.config);
  if (paths.length === 0) {
    process.config = file.config;
    return;
  }
  const switches = world.profile.gateway;
  // A runtime token stays the process's token through reloads while the file names none (the releases pass it on
  // as an override).
  const withGenerated = (a: ServerGatewayAuth): ServerGatewayAuth =>
    process.generatedToken !== undefined && a.mode === "token" && (a.token?.trim() ?? "") === "" ? { ...a, token: process.generatedToken, tokenSource: "generated" } : a;
  const before = withGenerated(resolveServerGatewayAuth({ config: process.config, env: process.env, switches: world.profile.service }));
  const auth = withGenerated(resolveServerGatewayAuth({ config: file.config, env: process.env, switches: world.profile.service }));
  const kept = (before.mode === "token" || before.mode === "password") && before.mode === auth.mode;
  const plan = planConfigReload({ switches, paths, mode, authModeKept: kept });
  switch (plan.action) {
    case "none":
      process.config = file.config;
      return;
    case "ignored":
      return record({ action: "ignored", mode, paths });
    case "hot":
      return hotReload(world, node, file.config, auth, plan.paths, (data) => record({ action: "hot", mode, paths, ...data }));
    case "restart":
      record({ action: "restart", mode, paths });
      startGatewayProcess(world, node, process.via, process.env);
      return;
    default:
      return assertNever(plan, "reload plan");
  }
}

/** Apply a hot plan: non-secret keys through `config-reloaded`, a rotated shared secret through its own input. */
function hotReload(world: World, node: MachineNode, config: GatewayConfig, auth: ServerGatewayAuth, paths: readonly string[], record: (data: Record<string, unknown>) => void): void {
  const process = node.process!;
  const gateway = world.gateways.get(node.gatewayName);
  process.config = config;
  const keys = paths.filter((p) => !credentialConfigPaths.includes(p));
  if (keys.length > 0 && gateway) {
    // The process keeps the origins it seeded at start (a "runtime" release never wrote them to the file).
    const runtime = gatewayRuntimeConfigFor({ config: withRuntimeOrigins(world, node.name, config, process.port, process.inContainer, true), auth, version: world.profile.name, configPath: node.machine.config.path, tailscaleWhois: node.tailscaleWhois });
    gateway.reloadConfig(runtime, keys);
  }
  if (keys.length < paths.length) {
    gateway?.sharedSecretChanged(auth.token, auth.password);
    return record({ tokenSource: auth.tokenSource });
  }
  record({});
}
