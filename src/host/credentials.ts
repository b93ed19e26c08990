// Which shared token/password a process on the host ends up with, and where it came from (§9.1, §9.2):
// clients (CLI, TUI, probes) via resolveGatewayCredentials, the gateway process itself via
// resolveServerGatewayAuth, and doctor's drift check via resolveDriftCheckCredentials. Pure functions of the
// config, an environment map and explicit flags. It does not decide what a client *sends* when it also holds a
// stored device token — that priority (seed 004) is the client's; this module hands it both halves
// (`explicitToken` from `--token`, passive `token` from config/env).
import { assertNever } from "../kernel/index.ts";
import type { ServiceSwitches } from "../profiles/types.ts";
import {
  exampleGatewayToken,
  gatewayAuthModes,
  gatewaySection,
  type GatewayAuthMode,
  type GatewayConfig,
} from "./config.ts";
import { envNames, envValue, emptyEnv, type EnvMap } from "./env.ts";

export type TokenSource =
  | "explicit"
  | "env:OPENCLAW_GATEWAY_TOKEN"
  | "config:gateway.auth.token"
  | "config:gateway.remote.token"
  /** The gateway made one at start (service switch tokenBootstrap "runtime": in the process only). */
  | "generated"
  | "none";
export type PasswordSource =
  | "explicit"
  | "env:OPENCLAW_GATEWAY_PASSWORD"
  | "config:gateway.auth.password"
  | "config:gateway.remote.password"
  | "none";

/** The §9.1 rule that decided the result. */
export type CredentialRule =
  | "explicit" // 1. --token/--password used alone
  | "cli-url-no-fallback" // 2. --url given: nothing else is consulted
  | "env-url-env-only" // 3. URL from OPENCLAW_GATEWAY_URL: env credentials only
  | "local-env-first" // 4. local mode, outside the gateway service
  | "local-config-first" // 4. local mode, OPENCLAW_SERVICE_KIND=gateway (or drift check)
  | "remote"; // 5. remote mode

export interface ResolvedGatewayCredentials {
  readonly token?: string;
  readonly password?: string;
  readonly tokenSource: TokenSource;
  readonly passwordSource: PasswordSource;
  readonly rule: CredentialRule;
  /** `--token` only (seed 004's explicitToken); undefined when no flag was given. */
  readonly explicitToken?: string;
  /** What config/env alone would give (seed 004's passive token), ignoring `--token`/`--password`. */
  readonly passiveToken?: string;
  readonly passiveTokenSource: TokenSource;
}

export interface ExplicitGatewayAuth {
  token?: string;
  password?: string;
  url?: string;
}

export interface ResolveGatewayCredentialsInput {
  config: GatewayConfig;
  env: EnvMap;
  explicit?: ExplicitGatewayAuth;
  /** Where `explicit.url` came from; anything but "env" means the CLI flag (no fallback). */
  urlSource?: "cli" | "env";
  /** Overrides env OPENCLAW_SERVICE_KIND (the gateway service sets it to "gateway"). */
  serviceKind?: string;
  modeOverride?: "local" | "remote";
  /** Status probes use remote-only: no env/local fallback for remote credentials. */
  remoteFallback?: "remote-env-local" | "remote-only";
  /** Force local token precedence (drift checks use config-first). */
  localTokenPrecedence?: "env-first" | "config-first";
}

type Candidate<S> = { value: string | undefined; source: S };
type Picked<S> = { value?: string; source: S | "none" };

function text(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : undefined;
}

/** A token value with the sample placeholder treated as unset. */
function tokenText(value: unknown): string | undefined {
  const t = text(value);
  return t === exampleGatewayToken ? undefined : t;
}

function first<S>(candidates: readonly Candidate<S>[]): Picked<S> {
  for (const c of candidates) if (c.value !== undefined) return { value: c.value, source: c.source };
  return { source: "none" };
}

interface Half {
  token: Picked<TokenSource>;
  password: Picked<PasswordSource>;
  rule: CredentialRule;
}

function envToken(env: EnvMap): Candidate<TokenSource> {
  return { value: tokenText(env[envNames.gatewayToken]), source: "env:OPENCLAW_GATEWAY_TOKEN" };
}
function envPassword(env: EnvMap): Candidate<PasswordSource> {
  return { value: text(env[envNames.gatewayPassword]), source: "env:OPENCLAW_GATEWAY_PASSWORD" };
}

/** Rules 2–5: everything except explicit credentials. */
function resolvePassive(input: ResolveGatewayCredentialsInput): Half {
  const url = text(input.explicit?.url);
  if (url !== undefined && input.urlSource !== "env") {
    return { token: { source: "none" }, password: { source: "none" }, rule: "cli-url-no-fallback" };
  }
  if (url !== undefined) {
    return { token: first([envToken(input.env)]), password: first([envPassword(input.env)]), rule: "env-url-env-only" };
  }
  const gw = gatewaySection(input.config);
  const mode = input.modeOverride ?? (gw.mode === "remote" ? "remote" : "local");
  const localToken: Candidate<TokenSource> = { value: tokenText(gw.auth?.token), source: "config:gateway.auth.token" };
  const remoteToken: Candidate<TokenSource> = { value: tokenText(gw.remote?.token), source: "config:gateway.remote.token" };
  const localPassword: Candidate<PasswordSource> = { value: text(gw.auth?.password), source: "config:gateway.auth.password" };
  const remotePassword: Candidate<PasswordSource> = {
    value: text(gw.remote?.password),
    source: "config:gateway.remote.password",
  };
  if (mode === "remote") {
    const remoteOnly = input.remoteFallback === "remote-only";
    return {
      token: first(remoteOnly ? [remoteToken] : [remoteToken, envToken(input.env), localToken]),
      password: first(remoteOnly ? [remotePassword] : [envPassword(input.env), remotePassword, localPassword]),
      rule: "remote",
    };
  }
  // Local: the config slot is gateway.auth.* when that key is set at all (even to the placeholder),
  // otherwise gateway.remote.*.
  const configToken = text(gw.auth?.token) !== undefined ? localToken : remoteToken;
  const configPassword = text(gw.auth?.password) !== undefined ? localPassword : remotePassword;
  const serviceKind = input.serviceKind ?? input.env[envNames.serviceKind];
  const precedence = input.localTokenPrecedence ?? (serviceKind === "gateway" ? "config-first" : "env-first");
  return {
    token: first(precedence === "config-first" ? [configToken, envToken(input.env)] : [envToken(input.env), configToken]),
    password: first([envPassword(input.env), configPassword]),
    rule: precedence === "config-first" ? "local-config-first" : "local-env-first",
  };
}

/** §9.1 `resolveGatewayCredentialsFromConfig`, with every value's source named. */
export function resolveGatewayCredentials(input: ResolveGatewayCredentialsInput): ResolvedGatewayCredentials {
  const explicitToken = text(input.explicit?.token);
  const explicitPassword = text(input.explicit?.password);
  const passive = resolvePassive(input);
  const passiveHalf = { passiveToken: passive.token.value, passiveTokenSource: passive.token.source };
  if (explicitToken !== undefined || explicitPassword !== undefined) {
    return {
      token: explicitToken,
      password: explicitPassword,
      tokenSource: explicitToken !== undefined ? "explicit" : "none",
      passwordSource: explicitPassword !== undefined ? "explicit" : "none",
      rule: "explicit",
      explicitToken,
      ...passiveHalf,
    };
  }
  return {
    token: passive.token.value,
    password: passive.password.value,
    tokenSource: passive.token.source,
    passwordSource: passive.password.source,
    rule: passive.rule,
    ...passiveHalf,
  };
}

/** §9.1 rule 7: what doctor/restart compare a unit's token against — local, config-first, empty environment. */
export function resolveDriftCheckCredentials(config: GatewayConfig): ResolvedGatewayCredentials {
  return resolveGatewayCredentials({
    config,
    env: emptyEnv,
    modeOverride: "local",
    localTokenPrecedence: "config-first",
  });
}

export interface ServerGatewayAuth {
  readonly mode: GatewayAuthMode;
  readonly modeSource: "config" | "password-present" | "default";
  readonly token?: string;
  readonly tokenSource: TokenSource;
  readonly password?: string;
  readonly passwordSource: PasswordSource;
  readonly allowTailscale: boolean;
}

/**
 * How the gateway process picks its own shared secret from the config it loaded and the environment it was
 * started with. `serviceTokenResolution: "env-first"` is the drift-prone order (an OPENCLAW_GATEWAY_TOKEN baked
 * into the unit beats a rotated gateway.auth.token); "config-first-in-service" reads config first when
 * OPENCLAW_SERVICE_KIND=gateway (#28428). The password is config first in both.
 */
export function resolveServerGatewayAuth(input: {
  config: GatewayConfig;
  env: EnvMap;
  switches: Pick<ServiceSwitches, "serviceTokenResolution">;
}): ServerGatewayAuth {
  const gw = gatewaySection(input.config);
  const configToken: Candidate<TokenSource> = { value: text(gw.auth?.token), source: "config:gateway.auth.token" };
  const env: Candidate<TokenSource> = { value: envValue(input.env, envNames.gatewayToken), source: "env:OPENCLAW_GATEWAY_TOKEN" };
  const inService = input.env[envNames.serviceKind] === "gateway";
  const configFirst = input.switches.serviceTokenResolution === "config-first-in-service" && inService;
  const token = first(configFirst ? [configToken, env] : [env, configToken]);
  const password = first<PasswordSource>([
    { value: text(gw.auth?.password), source: "config:gateway.auth.password" },
    { value: envValue(input.env, envNames.gatewayPassword), source: "env:OPENCLAW_GATEWAY_PASSWORD" },
  ]);
  const rawMode: unknown = gw.auth?.mode;
  const configuredMode = gatewayAuthModes.find((m) => m === rawMode);
  const mode: GatewayAuthMode = configuredMode ?? (password.value !== undefined ? "password" : "token");
  const modeSource = configuredMode ? "config" : password.value !== undefined ? "password-present" : "default";
  const allowTailscale =
    gw.auth?.allowTailscale ?? (gw.tailscale?.mode === "serve" && mode !== "password" && mode !== "trusted-proxy");
  return {
    mode,
    modeSource,
    token: token.value,
    tokenSource: token.source,
    password: password.value,
    passwordSource: password.source,
    allowTailscale,
  };
}

/** Alias named after the brief: the gateway process's token pick. */
export function resolveServerGatewayToken(input: Parameters<typeof resolveServerGatewayAuth>[0]): {
  token?: string;
  tokenSource: TokenSource;
} {
  const auth = resolveServerGatewayAuth(input);
  return { token: auth.token, tokenSource: auth.tokenSource };
}

export type ServerAuthStartup =
  | { kind: "ok" }
  | { kind: "refuse-start"; reason: "token-missing" | "password-missing" | "trusted-proxy-user-header-missing" };

/** Startup check (§4.3.1): token mode needs a token unless Tailscale may authenticate; password mode needs one. */
export function checkServerAuthStartup(auth: ServerGatewayAuth, config: GatewayConfig): ServerAuthStartup {
  switch (auth.mode) {
    case "token":
      return auth.token !== undefined || auth.allowTailscale ? { kind: "ok" } : { kind: "refuse-start", reason: "token-missing" };
    case "password":
      return auth.password !== undefined ? { kind: "ok" } : { kind: "refuse-start", reason: "password-missing" };
    case "trusted-proxy":
      return text(gatewaySection(config).auth?.trustedProxy?.userHeader) !== undefined
        ? { kind: "ok" }
        : { kind: "refuse-start", reason: "trusted-proxy-user-header-missing" };
    case "none":
      return { kind: "ok" };
    default:
      return assertNever(auth.mode, "auth mode");
  }
}
