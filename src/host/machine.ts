// A simulated machine: its OpenClaw config file, the operator's shell environment and `~/.openclaw/.env`, the
// installed gateway service and its environment files, and the client files per user/profile and browser.
// An immutable value with small `with…` updaters and the two environments processes actually start with.
// It does not run processes: the world starts the gateway/clients from what these functions return.
import { assert } from "../kernel/index.ts";
import type { BrowserStorage } from "./browser-storage.ts";
import { emptyBrowserStorage } from "./browser-storage.ts";
import { emptyClientFiles, type ClientFiles } from "./client-files.ts";
import { configFileFromConfig, type ConfigFile, type GatewayConfig } from "./config.ts";
import { emptyEnv, fillFromDotEnv, parseDotEnv, type EnvMap } from "./env.ts";
import { serviceProcessEnv, type ServiceUnit } from "./service-unit.ts";

export const dotEnvPathDefault = "~/.openclaw/.env";

export interface Machine {
  readonly name: string;
  readonly config: ConfigFile;
  /** The operator's login shell: what `openclaw …` commands and foreground processes inherit. */
  readonly shellEnv: EnvMap;
  /** `~/.openclaw/.env` text; `null` = no such file. Loaded by every OpenClaw process without overriding. */
  readonly dotEnvText: string | null;
  readonly serviceUnit: ServiceUnit | null;
  /** Contents of files named by the unit's `EnvironmentFile=` lines, by path. */
  readonly environmentFiles: Readonly<Record<string, EnvMap>>;
  /** The service manager's own environment (systemd user manager / launchd). */
  readonly managerEnv: EnvMap;
  /** Client files keyed by `clientFilesKey(user, profile)`. */
  readonly clients: Readonly<Record<string, ClientFiles>>;
  /** Browser profiles by name. */
  readonly browsers: Readonly<Record<string, BrowserStorage>>;
  /**
   * A container (Docker, Podman, Kubernetes): its filesystem has /.dockerenv or /run/.containerenv, or its
   * /proc/1/cgroup names a container runtime — what releases from 2026.4.14 look for (containerDetection).
   */
  readonly container: boolean;
}

export function createMachine(input: {
  name: string;
  config?: GatewayConfig | ConfigFile;
  shellEnv?: EnvMap;
  dotEnvText?: string | null;
  serviceUnit?: ServiceUnit | null;
  environmentFiles?: Readonly<Record<string, EnvMap>>;
  managerEnv?: EnvMap;
  container?: boolean;
}): Machine {
  assert(input.name.length > 0, "a machine needs a name");
  const config = input.config === undefined ? configFileFromConfig({}) : isConfigFile(input.config) ? input.config : configFileFromConfig(input.config);
  return {
    name: input.name,
    config,
    shellEnv: input.shellEnv ?? emptyEnv,
    dotEnvText: input.dotEnvText ?? null,
    serviceUnit: input.serviceUnit ?? null,
    environmentFiles: input.environmentFiles ?? {},
    managerEnv: input.managerEnv ?? emptyEnv,
    clients: {},
    browsers: {},
    container: input.container ?? false,
  };
}

function isConfigFile(value: GatewayConfig | ConfigFile): value is ConfigFile {
  return typeof value.text === "string" && typeof value.valid === "boolean" && typeof value.path === "string";
}

export function clientFilesKey(user: string, profile = "default"): string {
  return `${user}/${profile}`;
}

export function withConfigFile(machine: Machine, config: ConfigFile): Machine {
  return { ...machine, config };
}
export function withServiceUnit(machine: Machine, serviceUnit: ServiceUnit | null): Machine {
  return { ...machine, serviceUnit };
}
export function withShellEnv(machine: Machine, shellEnv: EnvMap): Machine {
  return { ...machine, shellEnv };
}
export function withDotEnvText(machine: Machine, dotEnvText: string | null): Machine {
  return { ...machine, dotEnvText };
}
export function withEnvironmentFile(machine: Machine, path: string, vars: EnvMap | undefined): Machine {
  const { [path]: _old, ...rest } = machine.environmentFiles;
  return { ...machine, environmentFiles: vars === undefined ? rest : { ...rest, [path]: vars } };
}
export function clientFiles(machine: Machine, key: string): ClientFiles {
  return machine.clients[key] ?? emptyClientFiles;
}
export function withClientFiles(machine: Machine, key: string, files: ClientFiles): Machine {
  return { ...machine, clients: { ...machine.clients, [key]: files } };
}
export function browser(machine: Machine, profile: string): BrowserStorage {
  return machine.browsers[profile] ?? emptyBrowserStorage;
}
export function withBrowser(machine: Machine, profile: string, storage: BrowserStorage): Machine {
  return { ...machine, browsers: { ...machine.browsers, [profile]: storage } };
}

export function dotEnvVars(machine: Machine): EnvMap {
  return machine.dotEnvText === null ? emptyEnv : parseDotEnv(machine.dotEnvText).vars;
}

/** The environment of an `openclaw …` command or foreground process the operator starts from the shell. */
export function shellProcessEnv(machine: Machine): EnvMap {
  return fillFromDotEnv(machine.shellEnv, [dotEnvVars(machine)]);
}

export type GatewayServiceEnv =
  | { kind: "ok"; env: EnvMap }
  | { kind: "no-service" }
  | { kind: "missing-environment-file"; path: string };

/** The environment the installed gateway service starts with (unit env, EnvironmentFile=, then `.env`). */
export function gatewayServiceEnv(machine: Machine): GatewayServiceEnv {
  if (!machine.serviceUnit) return { kind: "no-service" };
  const started = serviceProcessEnv({
    unit: machine.serviceUnit,
    environmentFiles: machine.environmentFiles,
    managerEnv: machine.managerEnv,
  });
  if (started.kind !== "ok") return started;
  return { kind: "ok", env: fillFromDotEnv(started.env, [dotEnvVars(machine)]) };
}
