// How each client kind started on a simulated machine finds its gateway URL and credentials (spec §8, §9.1;
// seed 004), as a pure function of the machine: the CLI and TUI from `--url`/`--token` flags, then env/config;
// backend and node processes from their environment and the config; the Control UI from the browser's Web
// Storage. The result is the ClientOptions split the client reducer needs — `explicitToken` (a flag) versus
// `passiveToken` (config/env/browser) — plus where every value came from. It does not start anything (the
// world does) and does not decide what the client finally sends (that is the client's token priority).
import { assertNever } from "../kernel/index.ts";
import type { DeviceIdentity } from "../crypto/index.ts";
import type { ClientOptions, OneShotCall } from "../clients/index.ts";
import type { GatewayClientId, GatewayClientMode } from "../protocol/index.ts";
import {
  controlUiStorageKeys,
  controlUiTokenKey,
  browser as browserOf,
  defaultGatewayUrl,
  envNames,
  envValue,
  gatewayServiceEnv,
  resolveGatewayCredentials,
  shellProcessEnv,
  storageGet,
  type CliConnection,
  type EnvMap,
  type Machine,
  type ResolvedGatewayCredentials,
} from "../host/index.ts";

/** Which environment a non-browser client process starts with. */
export type ClientProcessEnv =
  /** Started by the operator from the login shell (shell env, then `~/.openclaw/.env`). */
  | { readonly from: "shell" }
  /** Spawned inside the installed gateway service (its unit env, OPENCLAW_SERVICE_KIND=gateway). */
  | { readonly from: "gateway-service" }
  /** Its own service unit or container: exactly this environment (`.env` still fills unset keys). */
  | { readonly from: "env"; readonly env: EnvMap };

interface CommonSpec {
  /** null = device-less (a backend using only the gateway token, a Control UI without a secure context). */
  readonly identity: DeviceIdentity | null;
  readonly clientId?: GatewayClientId;
  readonly mode?: GatewayClientMode;
  readonly role?: string;
  readonly scopes?: readonly string[];
  readonly displayName?: string;
}

export type MachineClientSpec =
  | (CommonSpec & {
      readonly kind: "cli";
      /** `--url` / `--token` / `--password` flags. */
      readonly flags?: CliConnection;
      readonly call: OneShotCall;
      readonly env?: ClientProcessEnv;
    })
  | (CommonSpec & {
      readonly kind: "tui" | "backend" | "node";
      /** `openclaw tui --url/--token`; backends/nodes given explicit options by their caller. */
      readonly flags?: CliConnection;
      readonly env?: ClientProcessEnv;
    })
  | (CommonSpec & {
      readonly kind: "control-ui";
      /** Browser profile on this machine whose storage holds the pasted token. */
      readonly browser: string;
      /** The tab (sessionStorage) when the release keeps the token per tab. */
      readonly tabId?: string;
      /** The gateway URL the page talks to; defaults to the local gateway. */
      readonly url?: string;
      /** The page's origin (its WebSocket's Origin header); default: the gateway URL's own http(s) origin. */
      readonly pageOrigin?: string;
      /** The tab's address bar (a tab opened by URL; browser-tabs.ts), after the page cleaned it. */
      readonly pageUrl?: string;
    });

/** Where the shared credential handed to the client came from. */
export type ClientCredentialOrigin =
  | { readonly kind: "config-env"; readonly resolved: ResolvedGatewayCredentials; readonly env: EnvMap }
  | { readonly kind: "browser-storage"; readonly area: "sessionStorage" | "localStorage"; readonly key: string; readonly token?: string };

export interface MachineClientPlan {
  readonly options: Omit<ClientOptions, "switches">;
  readonly origin: ClientCredentialOrigin;
  readonly urlSource: "cli --url" | "env OPENCLAW_GATEWAY_URL" | "config" | "browser";
}

/** The environment the client process starts with. */
export function clientProcessEnv(machine: Machine, env: ClientProcessEnv | undefined): EnvMap {
  const choice = env ?? { from: "shell" };
  switch (choice.from) {
    case "shell":
      return shellProcessEnv(machine);
    case "gateway-service": {
      const started = gatewayServiceEnv(machine);
      return started.kind === "ok" ? started.env : shellProcessEnv(machine);
    }
    case "env":
      return shellProcessEnv({ ...machine, shellEnv: choice.env });
    default:
      return assertNever(choice, "client process env");
  }
}

/**
 * Resolve a client's URL and credentials the way its kind does (§9.1). `controlUiTokenPerTab` is the
 * release's ClientSwitches.controlUiTokenPerTab (sessionStorage per tab vs localStorage).
 */
export function planMachineClient(machine: Machine, spec: MachineClientSpec, controlUiTokenPerTab: boolean): MachineClientPlan {
  if (spec.kind === "control-ui") return planControlUi(machine, spec, controlUiTokenPerTab);
  const env = clientProcessEnv(machine, spec.env);
  const flags = spec.flags ?? {};
  const envUrl = envValue(env, envNames.gatewayUrl);
  const url = flags.url ?? envUrl;
  const urlSource = flags.url !== undefined ? "cli --url" : envUrl !== undefined ? "env OPENCLAW_GATEWAY_URL" : "config";
  const resolved = resolveGatewayCredentials({
    config: machine.config.config,
    env,
    explicit: { token: flags.token, password: flags.password, url },
    ...(url !== undefined ? { urlSource: flags.url !== undefined ? ("cli" as const) : ("env" as const) } : {}),
  });
  const options: Omit<ClientOptions, "switches"> = {
    ...common(spec),
    kind: spec.kind,
    url: url ?? defaultGatewayUrl(machine),
    ...defined("explicitToken", resolved.explicitToken),
    // §9.1 rule 1: explicit credentials are used alone.
    ...defined("passiveToken", resolved.rule === "explicit" ? undefined : resolved.passiveToken),
    ...defined("password", resolved.password),
    ...(spec.kind === "cli" ? { oneShot: spec.call } : {}),
  };
  return { options, origin: { kind: "config-env", resolved, env }, urlSource };
}

function planControlUi(machine: Machine, spec: Extract<MachineClientSpec, { kind: "control-ui" }>, perTab: boolean): MachineClientPlan {
  const url = spec.url ?? defaultGatewayUrl(machine);
  const storage = browserOf(machine, spec.browser);
  const key = controlUiTokenKey(url);
  let token: string | undefined;
  let area: "sessionStorage" | "localStorage";
  if (perTab && spec.tabId !== undefined) {
    area = "sessionStorage";
    token = storageGet(storage, { area: "session", tabId: spec.tabId }, key) ?? undefined;
  } else {
    area = "localStorage";
    token = storageGet(storage, { area: "local" }, key) ?? settingsToken(storageGet(storage, { area: "local" }, controlUiStorageKeys.settings));
  }
  const trimmed = token?.trim() ? token.trim() : undefined;
  const options: Omit<ClientOptions, "switches"> = {
    ...common(spec),
    kind: "control-ui",
    url,
    ...defined("passiveToken", trimmed),
    ...defined("origin", spec.pageOrigin),
  };
  return { options, origin: { kind: "browser-storage", area, key, ...defined("token", trimmed) }, urlSource: "browser" };
}

/** The older Control UI kept the token inside its settings object in localStorage. */
function settingsToken(settingsJson: string | null): string | undefined {
  if (settingsJson === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(settingsJson);
    const token = parsed !== null && typeof parsed === "object" ? (parsed as { token?: unknown }).token : undefined;
    return typeof token === "string" ? token : undefined;
  } catch {
    return undefined;
  }
}

function common(spec: CommonSpec): Omit<ClientOptions, "switches" | "kind" | "url"> {
  return {
    identity: spec.identity,
    ...defined("clientId", spec.clientId),
    ...defined("mode", spec.mode),
    ...defined("role", spec.role),
    ...defined("scopes", spec.scopes),
    ...defined("displayName", spec.displayName),
  };
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The credential fields a running client is told about when its machine changes. */
export function credentialFields(options: Omit<ClientOptions, "switches">): { explicitToken?: string; passiveToken?: string; password?: string } {
  return {
    ...defined("explicitToken", options.explicitToken),
    ...defined("passiveToken", options.passiveToken),
    ...defined("password", options.password),
  };
}

