// The gateway's service definition as data: a systemd unit or a launchd job with its environment, how
// `openclaw gateway install` built it per profile (legacy units embed OPENCLAW_GATEWAY_TOKEN, fixed ones are
// tokenless, §9.2), and the environment the service process starts with. Text rendering/parsing is in
// unit-text.ts. It does not run or supervise anything: starting the process is the world's job.
import { assert } from "../kernel/index.ts";
import type { ServiceSwitches } from "../profiles/types.ts";
import { gatewayPortDefault, gatewaySection, type GatewayConfig } from "./config.ts";
import { envNames, envValue, mergeEnvLayers, emptyEnv, type EnvMap } from "./env.ts";

export type ServiceManager = "systemd" | "launchd";

export interface ServiceEnvEntry {
  readonly key: string;
  readonly value: string;
}
/** `EnvironmentFile=[-]path`; the `-` prefix makes a missing file non-fatal. */
export interface EnvironmentFileRef {
  readonly path: string;
  readonly optional: boolean;
}

export interface ServiceUnit {
  readonly manager: ServiceManager;
  /** systemd file name (`openclaw-gateway.service`) or launchd Label (`ai.openclaw.gateway`). */
  readonly name: string;
  readonly description: string;
  readonly programArguments: readonly string[];
  /** Inline `Environment=` lines (systemd) or `EnvironmentVariables` (launchd), in order. */
  readonly environment: readonly ServiceEnvEntry[];
  /** systemd only; always empty for launchd. */
  readonly environmentFiles: readonly EnvironmentFileRef[];
}

export const gatewayServiceKind = "gateway";
export const gatewayServiceMarker = "openclaw";
export const gatewaySystemdServiceName = "openclaw-gateway";
export const gatewayLaunchAgentLabel = "ai.openclaw.gateway";

export interface UnitInstallOptions {
  manager?: ServiceManager;
  home?: string;
  /** OPENCLAW_PROFILE (the CLI `--profile`, not a clawsim release profile). */
  profile?: string;
  stateDir?: string;
  configPath?: string;
  nodePath?: string;
  entryPath?: string;
  /** Explicit `--token` given to `gateway install`. */
  token?: string;
  /** The installing shell's environment; a legacy install fell back to its OPENCLAW_GATEWAY_TOKEN. */
  installEnv?: EnvMap;
  environmentFiles?: readonly EnvironmentFileRef[];
}

export interface InstallServiceUnitInput extends UnitInstallOptions {
  config: GatewayConfig;
  switches: ServiceSwitches;
  version: string;
}

function normalizedProfile(profile: string | undefined): string | undefined {
  const trimmed = profile?.trim();
  return trimmed && trimmed.toLowerCase() !== "default" ? trimmed : undefined;
}

export function gatewayServiceName(manager: ServiceManager, profile?: string): string {
  const p = normalizedProfile(profile);
  if (manager === "launchd") return p ? `ai.openclaw.${p}` : gatewayLaunchAgentLabel;
  return `${gatewaySystemdServiceName}${p ? `-${p}` : ""}.service`;
}

function serviceDescription(profile: string | undefined, version: string): string {
  const parts = [normalizedProfile(profile) ? `profile: ${normalizedProfile(profile)}` : "", version ? `v${version}` : ""];
  const inner = parts.filter((p) => p.length > 0).join(", ");
  return inner ? `OpenClaw Gateway (${inner})` : "OpenClaw Gateway";
}

/** The port the gateway listens on per config (a malformed value falls back to the default). */
export function configuredGatewayPort(config: GatewayConfig): number {
  const port = gatewaySection(config).port;
  return typeof port === "number" && Number.isInteger(port) ? port : gatewayPortDefault;
}

/** The token a legacy `gateway install` baked into the unit: `--token`, else config, else the shell's env. */
export function legacyInstallToken(input: Pick<InstallServiceUnitInput, "config" | "token" | "installEnv">): string | undefined {
  const explicit = input.token?.trim();
  if (explicit) return explicit;
  const configured = gatewaySection(input.config).auth?.token;
  if (typeof configured === "string" && configured.trim()) return configured.trim();
  return envValue(input.installEnv ?? emptyEnv, envNames.gatewayToken);
}

/** Build the unit the way `openclaw gateway install` did under these service switches. */
export function installServiceUnit(input: InstallServiceUnitInput): ServiceUnit {
  const manager = input.manager ?? "systemd";
  const home = input.home ?? "/home/operator";
  const port = configuredGatewayPort(input.config);
  const name = gatewayServiceName(manager, input.profile);
  const token = input.switches.unitEmbedsToken ? legacyInstallToken(input) : undefined;
  const candidates: [string, string | undefined][] = [
    ["HOME", home],
    ["PATH", `${home}/.local/bin:${home}/.npm-global/bin:/usr/local/bin:/usr/bin:/bin`],
    [envNames.profile, normalizedProfile(input.profile)],
    [envNames.stateDir, input.stateDir],
    [envNames.configPath, input.configPath],
    [envNames.gatewayPort, String(port)],
    [envNames.gatewayToken, token],
    [envNames.launchdLabel, manager === "launchd" ? name : undefined],
    [envNames.systemdUnit, manager === "systemd" ? name : undefined],
    [envNames.serviceMarker, gatewayServiceMarker],
    [envNames.serviceKind, gatewayServiceKind],
    [envNames.serviceVersion, input.version],
  ];
  const environment = candidates.flatMap(([key, value]) => (value === undefined ? [] : [{ key, value }]));
  const environmentFiles = manager === "systemd" ? (input.environmentFiles ?? []) : [];
  assert(manager === "systemd" || (input.environmentFiles ?? []).length === 0, "launchd has no EnvironmentFile");
  return {
    manager,
    name,
    description: serviceDescription(input.profile, input.version),
    programArguments: [
      input.nodePath ?? "/usr/bin/node",
      input.entryPath ?? "/usr/lib/node_modules/openclaw/dist/index.js",
      "gateway",
      "--port",
      String(port),
    ],
    environment,
    environmentFiles,
  };
}

/** Inline environment as a map (a repeated key: the later line wins, as in systemd). */
export function unitInlineEnvironment(unit: ServiceUnit): EnvMap {
  return mergeEnvLayers(unit.environment.map((e) => ({ [e.key]: e.value })));
}

/** The inline OPENCLAW_GATEWAY_TOKEN; a value that only comes from an EnvironmentFile does not count. */
export function readEmbeddedGatewayToken(unit: ServiceUnit | null): string | undefined {
  if (!unit) return undefined;
  return envValue(unitInlineEnvironment(unit), envNames.gatewayToken);
}

/** Hand edit of one inline variable (`systemctl edit`, a copied unit); `undefined` removes every line for it. */
export function unitWithEnvironment(unit: ServiceUnit, key: string, value: string | undefined): ServiceUnit {
  const kept = unit.environment.filter((e) => e.key !== key);
  return { ...unit, environment: value === undefined ? kept : [...kept, { key, value }] };
}

export type ServiceProcessEnv =
  | { kind: "ok"; env: EnvMap }
  | { kind: "missing-environment-file"; path: string };

/**
 * The environment the service manager starts the gateway with: the manager's own environment, then the inline
 * variables, then `EnvironmentFile=` files in order (systemd lets file values override `Environment=`). A missing
 * non-optional file stops the unit from starting.
 */
export function serviceProcessEnv(input: {
  unit: ServiceUnit;
  environmentFiles?: Readonly<Record<string, EnvMap>>;
  managerEnv?: EnvMap;
}): ServiceProcessEnv {
  const layers: EnvMap[] = [input.managerEnv ?? emptyEnv, unitInlineEnvironment(input.unit)];
  for (const ref of input.unit.environmentFiles) {
    const file = input.environmentFiles?.[ref.path];
    if (file === undefined) {
      if (!ref.optional) return { kind: "missing-environment-file", path: ref.path };
      continue;
    }
    layers.push(file);
  }
  return { kind: "ok", env: mergeEnvLayers(layers) };
}
