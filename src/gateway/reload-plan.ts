// The config watcher's decision for a running gateway (buildGatewayReloadPlan in the release): which changed
// `gateway.*` paths apply live ("hot"), which restart the process in place, which are no-ops. Pure: the
// world carries the plan out (hot → a `config-reloaded` input, restart → stop with 1012 and start again).
// `gateway.reload.mode` selects off / restart / hot / hybrid as the release does.
import type { GatewaySwitches } from "../profiles/index.ts";
import type { GatewayRuntimeConfig } from "./types.ts";

/** `gateway.reload.mode`. */
export type ConfigReloadMode = "off" | "restart" | "hot" | "hybrid";

export type ReloadPlan =
  | { readonly action: "none" }
  | { readonly action: "ignored"; readonly mode: ConfigReloadMode; readonly paths: readonly string[] }
  | { readonly action: "hot"; readonly paths: readonly string[]; readonly credentials: boolean }
  | { readonly action: "restart"; readonly paths: readonly string[]; readonly restartPaths: readonly string[] };

/** AUTH_CREDENTIAL_PATHS: restart unless the release hot-reloads credentials with the auth mode unchanged. */
export const credentialConfigPaths: readonly string[] = ["gateway.auth.token", "gateway.auth.password"];
/** Never restart or reload anything (`gateway.remote`, `gateway.reload`). */
export const noopConfigPrefixes: readonly string[] = ["gateway.remote", "gateway.reload"];

function matchesPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`);
}

function pathKind(switches: GatewaySwitches, path: string, credentialHot: boolean): "none" | "hot" | "restart" {
  if (noopConfigPrefixes.some((p) => matchesPrefix(path, p))) return "none";
  if (credentialConfigPaths.includes(path)) return credentialHot ? "hot" : "restart";
  return switches.hotReloadPrefixes.some((p) => matchesPrefix(path, p)) ? "hot" : "restart";
}

/**
 * The plan for `paths` changed under `gateway`. `authModeKept`: the auth mode is token or password before and
 * after (canHotReloadGatewayAuthCredentials); only then can a credential change be hot.
 */
export function planConfigReload(options: {
  switches: GatewaySwitches;
  paths: readonly string[];
  mode: ConfigReloadMode;
  authModeKept: boolean;
}): ReloadPlan {
  const { switches, mode } = options;
  const credentialHot = switches.credentialReload === "hot" && options.authModeKept;
  const live = options.paths.filter((p) => pathKind(switches, p, credentialHot) !== "none");
  if (live.length === 0) return { action: "none" };
  const restartPaths = live.filter((p) => pathKind(switches, p, credentialHot) === "restart");
  if (mode === "off") return { action: "ignored", mode, paths: live };
  if (mode === "restart") return { action: "restart", paths: live, restartPaths: live };
  if (restartPaths.length === 0) return { action: "hot", paths: live, credentials: live.some((p) => credentialConfigPaths.includes(p)) };
  if (mode === "hot") return { action: "ignored", mode, paths: live };
  return { action: "restart", paths: live, restartPaths };
}

/** The config keys (OpenClaw's dotted paths) whose values differ between two runtime configs. */
export function changedRuntimeConfigPaths(before: GatewayRuntimeConfig, after: GatewayRuntimeConfig): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const fields: [string, unknown, unknown][] = [
    ["gateway.auth.mode", before.auth.mode, after.auth.mode],
    ["gateway.auth.token", before.auth.token, after.auth.token],
    ["gateway.auth.password", before.auth.password, after.auth.password],
    ["gateway.auth.allowTailscale", before.auth.allowTailscale, after.auth.allowTailscale],
    ["gateway.auth.rateLimit", before.auth.rateLimit, after.auth.rateLimit],
    ["gateway.auth.trustedProxy", before.auth.trustedProxy, after.auth.trustedProxy],
    ["gateway.trustedProxies", before.trustedProxies, after.trustedProxies],
    ["gateway.allowRealIpFallback", before.allowRealIpFallback, after.allowRealIpFallback],
    ["gateway.nodes.pairing", before.nodes?.pairing, after.nodes?.pairing],
  ];
  for (const key of Object.keys({ ...before.controlUi, ...after.controlUi }).sort()) {
    fields.push([`gateway.controlUi.${key}`, (before.controlUi as Record<string, unknown>)[key], (after.controlUi as Record<string, unknown>)[key]]);
  }
  for (const [path, a, b] of fields) if (!same(a, b)) out.push(path);
  return out;
}

/** Both configs use a shared secret of the same kind (the only case a credential change can be hot). */
export function authModeKept(before: GatewayRuntimeConfig, after: GatewayRuntimeConfig): boolean {
  return (before.auth.mode === "token" || before.auth.mode === "password") && before.auth.mode === after.auth.mode;
}
