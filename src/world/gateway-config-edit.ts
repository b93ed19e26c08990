// A running world-level gateway's config edited (a scenario's "edit the config file" without a simulated
// machine): the new runtime config is diffed in OpenClaw's key words, the release's reload plan decides, and
// after the watcher's 300 ms debounce the gateway applies hot keys live or restarts in process (clients see
// 1012). Machines (machine-node.ts) do the same from their config file; this is for bare gateways.
import {
  authModeKept,
  changedRuntimeConfigPaths,
  credentialConfigPaths,
  planConfigReload,
  type ConfigReloadMode,
  type GatewayRuntimeConfig,
  type ReloadPlan,
} from "../gateway/index.ts";
import type { GatewayNode } from "./gateway-node.ts";
import type { Scheduler } from "../kernel/index.ts";
import type { Profile } from "../profiles/index.ts";

/** The config watcher's debounce (`gateway.reload.debounceMs` default). */
export const gatewayConfigDebounceMs = 300;

export interface GatewayConfigEdit {
  readonly plan: ReloadPlan;
  readonly paths: readonly string[];
}

/** Plans and (after the debounce) applies `next` to a running gateway; a stopped one just starts with it later. */
export function editGatewayConfig(options: {
  scheduler: Scheduler;
  profile: Profile;
  gateway: GatewayNode;
  next: GatewayRuntimeConfig;
  mode?: ConfigReloadMode;
}): GatewayConfigEdit {
  const { scheduler, gateway, next } = options;
  const before = gateway.state.config;
  const paths = changedRuntimeConfigPaths(before, next);
  const plan = planConfigReload({ switches: options.profile.gateway, paths, mode: options.mode ?? "hybrid", authModeKept: authModeKept(before, next) });
  scheduler.record(gateway.name, "gateway", { event: "config.edit", paths, action: plan.action });
  // Not config keys (tailscale whois answers, the host name) or a stopped gateway: take effect at once.
  if (!gateway.running || plan.action === "none") {
    gateway.state.config = next;
    return { plan, paths };
  }
  scheduler.schedule(gatewayConfigDebounceMs, { actor: gateway.name, label: "config-reload", traced: true }, () => apply(gateway, plan, next));
  return { plan, paths };
}

function apply(gateway: GatewayNode, plan: ReloadPlan, next: GatewayRuntimeConfig): void {
  switch (plan.action) {
    case "none":
    case "ignored":
      return;
    case "restart":
      gateway.restart(next, 0);
      return;
    case "hot": {
      const keys = plan.paths.filter((p) => !credentialConfigPaths.includes(p));
      if (keys.length > 0) gateway.reloadConfig(next, keys);
      if (keys.length < plan.paths.length) gateway.sharedSecretChanged(next.auth.token, next.auth.password);
      return;
    }
  }
}
