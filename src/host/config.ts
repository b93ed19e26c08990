// The OpenClaw config file (`~/.openclaw/openclaw.json`) as data: the typed `gateway.*` section, a file value
// that may be invalid or half-written, schema checks with clear errors, and `config get/set/unset` by dotted path.
// It is not the real JSON5/zod loader: the text is plain JSON, only the gateway keys this simulator needs are
// type-checked, and unknown keys are kept untouched (they stand for the rest of the operator's config).
import { assert } from "../kernel/index.ts";
import { getAtPath, isJsonObject, setAtPath, splitConfigPath, unsetAtPath, type JsonObject } from "./config-path.ts";

export const configPathDefault = "~/.openclaw/openclaw.json";
export const gatewayPortDefault = 18789;
/** The placeholder from the sample config; credential resolution treats it as unset (§9.1 rule 6). */
export const exampleGatewayToken = "change-me-to-a-long-random-token";

export const gatewayModes = ["local", "remote"] as const;
export const gatewayBinds = ["loopback", "lan", "tailnet", "auto", "custom"] as const;
export const gatewayAuthModes = ["none", "token", "password", "trusted-proxy"] as const;
export const tailscaleModes = ["off", "serve", "funnel"] as const;
export type GatewayMode = (typeof gatewayModes)[number];
export type GatewayBind = (typeof gatewayBinds)[number];
export type GatewayAuthMode = (typeof gatewayAuthModes)[number];
export type TailscaleMode = (typeof tailscaleModes)[number];

export interface GatewayRateLimitConfig {
  maxAttempts?: number;
  windowMs?: number;
  lockoutMs?: number;
  exemptLoopback?: boolean;
}
export interface GatewayTrustedProxyConfig {
  userHeader?: string;
  requiredHeaders?: readonly string[];
  allowUsers?: readonly string[];
  allowLoopback?: boolean;
}
export interface GatewayAuthConfig {
  mode?: GatewayAuthMode;
  token?: string;
  password?: string;
  rateLimit?: GatewayRateLimitConfig;
  trustedProxy?: GatewayTrustedProxyConfig;
  allowTailscale?: boolean;
}
export interface GatewayControlUiConfig {
  /** false: no Control UI is served (the start checks of a non-loopback bind then ask for no origins). */
  enabled?: boolean;
  allowInsecureAuth?: boolean;
  dangerouslyDisableDeviceAuth?: boolean;
  allowedOrigins?: readonly string[];
  dangerouslyAllowHostHeaderOriginFallback?: boolean;
}
export interface GatewayRemoteConfig {
  url?: string;
  token?: string;
  password?: string;
  tlsFingerprint?: string;
}
export interface GatewaySection {
  mode?: GatewayMode;
  port?: number;
  bind?: GatewayBind;
  /** The IPv4 address bind "custom" listens on. */
  customBindHost?: string;
  auth?: GatewayAuthConfig;
  controlUi?: GatewayControlUiConfig;
  trustedProxies?: readonly string[];
  allowRealIpFallback?: boolean;
  remote?: GatewayRemoteConfig;
  tailscale?: { mode?: TailscaleMode };
}
/** The whole config: a typed `gateway` section plus any other keys (agents, channels, …) kept verbatim. */
export interface GatewayConfig {
  readonly gateway?: GatewaySection;
  readonly [key: string]: unknown;
}

export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

/** A config file on disk. `config` is a best-effort read: `{}` when the text is not JSON at all. */
export interface ConfigFile {
  readonly path: string;
  readonly text: string;
  readonly valid: boolean;
  readonly config: GatewayConfig;
  readonly issues: readonly ConfigIssue[];
}

// ---- schema -------------------------------------------------------------------------------------------------

type Check = "string" | "boolean" | "port" | "count" | "string[]" | readonly string[] | Schema;
interface Schema {
  readonly [key: string]: Check;
}

const gatewaySchema: Schema = {
  mode: gatewayModes,
  port: "port",
  bind: gatewayBinds,
  customBindHost: "string",
  auth: {
    mode: gatewayAuthModes,
    token: "string",
    password: "string",
    allowTailscale: "boolean",
    rateLimit: { maxAttempts: "count", windowMs: "count", lockoutMs: "count", exemptLoopback: "boolean" },
    trustedProxy: { userHeader: "string", requiredHeaders: "string[]", allowUsers: "string[]", allowLoopback: "boolean" },
  },
  controlUi: {
    enabled: "boolean",
    allowInsecureAuth: "boolean",
    dangerouslyDisableDeviceAuth: "boolean",
    allowedOrigins: "string[]",
    dangerouslyAllowHostHeaderOriginFallback: "boolean",
  },
  trustedProxies: "string[]",
  allowRealIpFallback: "boolean",
  remote: { url: "string", token: "string", password: "string", tlsFingerprint: "string" },
  tailscale: { mode: tailscaleModes },
};

function checkValue(check: Check, value: unknown, path: string, issues: ConfigIssue[]): void {
  const fail = (message: string) => issues.push({ path, message });
  if (check === "string") {
    if (typeof value !== "string") fail("expected a string");
  } else if (check === "boolean") {
    if (typeof value !== "boolean") fail("expected a boolean");
  } else if (check === "port") {
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 65535) fail("expected a port 1-65535");
  } else if (check === "count") {
    if (!Number.isInteger(value) || (value as number) < 0) fail("expected a non-negative integer");
  } else if (check === "string[]") {
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) fail("expected an array of strings");
  } else if (Array.isArray(check)) {
    if (typeof value !== "string" || !check.includes(value)) fail(`expected one of ${check.join("|")}`);
  } else {
    checkObject(check as Schema, value, path, issues);
  }
}

function checkObject(schema: Schema, value: unknown, path: string, issues: ConfigIssue[]): void {
  if (!isJsonObject(value)) {
    issues.push({ path, message: "expected an object" });
    return;
  }
  for (const [key, check] of Object.entries(schema)) {
    if (value[key] === undefined) continue;
    checkValue(check, value[key], `${path}.${key}`, issues);
  }
}

/** Schema issues of a parsed config; empty means valid. Unknown keys are not issues here (a release's gaps are: releaseConfigIssues). */
export function validateConfig(raw: unknown): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!isJsonObject(raw)) return [{ path: "(root)", message: "config must be a JSON object" }];
  if (raw.gateway !== undefined) checkObject(gatewaySchema, raw.gateway, "gateway", issues);
  return issues;
}

/**
 * What a release's strict schema refuses in a config that passes `validateConfig` (profile switch
 * `configSchemaGaps`: dotted paths it does not know, or "path=value" enum values it does not take). Issues name
 * the object holding an unknown key, as zod does ("Unrecognized key").
 */
export function releaseConfigIssues(config: unknown, gaps: readonly string[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const gap of gaps) {
    const { segments, value } = parseGap(gap);
    const got = getAtPath(config, segments);
    if (!got.found || got.value === undefined) continue;
    if (value === undefined) issues.push({ path: segments.slice(0, -1).join("."), message: `Unrecognized key: ${JSON.stringify(segments.at(-1))}` });
    else if (got.value === value) issues.push({ path: segments.join("."), message: `${JSON.stringify(got.value)} is not an option this release knows` });
  }
  return issues;
}

/** A `configSchemaGaps` entry: the path's segments, and the enum value for a "path=value" entry. */
function parseGap(gap: string): { segments: string[]; value: string | undefined } {
  const eq = gap.indexOf("=");
  return eq < 0 ? { segments: gap.split("."), value: undefined } : { segments: gap.slice(0, eq).split("."), value: gap.slice(eq + 1) };
}

/**
 * `openclaw doctor --fix` on a file the release refuses for keys it does not know (every release's doctor strips
 * them): the file without those keys, and the keys removed. Value gaps ("path=value") are not keys; they stay.
 */
export function withoutUnknownKeys(file: ConfigFile, gaps: readonly string[]): { readonly file: ConfigFile; readonly removed: readonly string[] } {
  if (!file.valid) return { file, removed: [] };
  let root: unknown = file.config;
  const removed: string[] = [];
  for (const gap of gaps) {
    const { segments, value } = parseGap(gap);
    if (value !== undefined) continue;
    const got = getAtPath(root, segments);
    if (!got.found || got.value === undefined) continue;
    const written = unsetAtPath(root, segments);
    if (written.kind !== "ok") continue;
    root = written.value;
    removed.push(gap);
  }
  return removed.length === 0 ? { file, removed } : { file: configFileFromConfig(root as GatewayConfig, file.path), removed };
}

/** A file's issues as a release reads it: the schema's, then (for a file that passes it) the release's gaps. */
export function configIssuesFor(file: ConfigFile, gaps: readonly string[]): readonly ConfigIssue[] {
  return file.valid ? releaseConfigIssues(file.config, gaps) : file.issues;
}

// ---- files --------------------------------------------------------------------------------------------------

export function renderConfig(config: GatewayConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

export function configFileFromText(text: string, path: string = configPathDefault): ConfigFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { path, text, valid: false, config: {}, issues: [{ path: "(file)", message: `JSON parse failed: ${message}` }] };
  }
  const issues = validateConfig(raw);
  const config: GatewayConfig = isJsonObject(raw) ? (raw as GatewayConfig) : {};
  return { path, text, valid: issues.length === 0, config, issues };
}

export function configFileFromConfig(config: GatewayConfig, path: string = configPathDefault): ConfigFile {
  return configFileFromText(renderConfig(config), path);
}

/** Fault: the file was cut off mid-write (power loss, full disk, a crashed editor). */
export function truncateConfigFile(file: ConfigFile, keepChars: number): ConfigFile {
  assert(Number.isInteger(keepChars) && keepChars >= 0, "keepChars must be a non-negative integer");
  return configFileFromText(file.text.slice(0, keepChars), file.path);
}

export function gatewaySection(config: GatewayConfig): GatewaySection {
  return config.gateway ?? {};
}

// ---- config get / set / unset -------------------------------------------------------------------------------

export type ConfigGetResult =
  | { kind: "value"; value: unknown }
  | { kind: "missing"; path: string }
  | { kind: "invalid-path"; message: string }
  | { kind: "invalid-file"; issues: readonly ConfigIssue[] };

export type ConfigWriteResult =
  | { kind: "ok"; file: ConfigFile }
  | { kind: "invalid-path"; message: string }
  | { kind: "invalid-file"; issues: readonly ConfigIssue[] }
  | { kind: "invalid-result"; issues: readonly ConfigIssue[] };

export function configGet(file: ConfigFile, path: string, gaps: readonly string[] = []): ConfigGetResult {
  const split = splitConfigPath(path);
  if (split.kind !== "ok") return split;
  const fileIssues = configIssuesFor(file, gaps);
  if (fileIssues.length > 0) return { kind: "invalid-file", issues: fileIssues };
  const got = getAtPath(file.config, split.segments);
  return got.found ? { kind: "value", value: got.value } : { kind: "missing", path };
}

/**
 * `openclaw config set`: a new file with one key changed and every other key untouched. `gaps`: the release's
 * `configSchemaGaps` (a file holding one is refused, and so is a result that would).
 */
export function configSet(file: ConfigFile, path: string, value: unknown, gaps: readonly string[] = []): ConfigWriteResult {
  return rewrite(file, path, gaps, (root, segments) => setAtPath(root, segments, value));
}

export function configUnset(file: ConfigFile, path: string, gaps: readonly string[] = []): ConfigWriteResult {
  return rewrite(file, path, gaps, (root, segments) => unsetAtPath(root, segments));
}

function rewrite(
  file: ConfigFile,
  path: string,
  gaps: readonly string[],
  edit: (root: JsonObject, segments: readonly string[]) => ReturnType<typeof setAtPath>,
): ConfigWriteResult {
  const split = splitConfigPath(path);
  if (split.kind !== "ok") return split;
  const fileIssues = configIssuesFor(file, gaps);
  if (fileIssues.length > 0) return { kind: "invalid-file", issues: fileIssues };
  const written = edit(file.config, split.segments);
  if (written.kind !== "ok") return { kind: "invalid-path", message: `${written.at} is not an object` };
  const schemaIssues = validateConfig(written.value);
  const issues = schemaIssues.length > 0 ? schemaIssues : releaseConfigIssues(written.value, gaps);
  if (issues.length > 0) return { kind: "invalid-result", issues };
  return { kind: "ok", file: configFileFromConfig(written.value as GatewayConfig, file.path) };
}

export function formatConfigIssues(issues: readonly ConfigIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join("; ");
}
