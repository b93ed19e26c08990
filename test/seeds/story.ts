// Shared set-up for the seed stories and the world tests: a world on one profile, a gateway machine on a LAN
// host, deterministic device identities, and readers over the trace (client events per client, operator lines).
import { identityFromSeed, type DeviceIdentity } from "../../src/crypto/index.ts";
import { browser, controlUiTokenKey, createMachine, openTab, storageSet, withBrowser, type EnvMap, type GatewayConfig, type Machine } from "../../src/host/index.ts";
import type { TraceEvent } from "../../src/kernel/index.ts";
import { findProfile, type Profile } from "../../src/profiles/index.ts";
import { World } from "../../src/world/index.ts";

export const gatewayPort = 18789;
export const localUrl = `ws://127.0.0.1:${gatewayPort}`;
export const gatewayHostAddress = "192.0.2.50";

export function profile(name: string): Profile {
  const p = findProfile(name);
  if (!p) throw new Error(`no profile ${name}`);
  return p;
}

export function identity(n: number): DeviceIdentity {
  return identityFromSeed(new Uint8Array(32).fill(n));
}

export function newWorld(p: Profile | string, seed = 7n): World {
  return new World({ seed, profile: typeof p === "string" ? profile(p) : p });
}

/** The gateway host "gw" (LAN 192.0.2.50) with machine "gw" holding this config. */
export function addGatewayMachine(
  world: World,
  options: { config: GatewayConfig; shellEnv?: EnvMap; dotEnvText?: string | null; cliIdentity?: DeviceIdentity | null; machine?: (m: Machine) => Machine },
): void {
  world.addHost({ name: "gw", kind: "lan", address: gatewayHostAddress });
  let machine = createMachine({ name: "gw", config: options.config, ...(options.shellEnv ? { shellEnv: options.shellEnv } : {}), dotEnvText: options.dotEnvText ?? null });
  if (options.machine) machine = options.machine(machine);
  world.addMachine({ name: "gw", host: "gw", machine, cliIdentity: options.cliIdentity === undefined ? identity(200) : options.cliIdentity });
}

export function tokenConfig(token: string, extra: GatewayConfig = {}): GatewayConfig {
  return { ...extra, gateway: { mode: "local", port: gatewayPort, bind: "lan", auth: { mode: "token", token }, ...(extra.gateway ?? {}) } };
}

/** A client's own events (`connect-attempt`, `connect-error`, `hello`, `paused`, …) in order. */
export function clientEvents(world: World, client: string, event?: string): TraceEvent[] {
  return world.trace.events.filter((e) => e.actor === client && e.kind === "client" && (event === undefined || e.data["event"] === event));
}

export function count(world: World, client: string, event: string): number {
  return clientEvents(world, client, event).length;
}

export function lastError(world: World, client: string): { message: string; detailCode: string | null; details: Record<string, unknown> | undefined } | undefined {
  const e = clientEvents(world, client, "connect-error").at(-1);
  if (!e) return undefined;
  return { message: String(e.data["message"]), detailCode: (e.data["detailCode"] as string | null) ?? null, details: e.data["details"] as Record<string, unknown> | undefined };
}

export function operatorLines(world: World): string[] {
  return world.trace.events.filter((e) => e.kind === "operator").map((e) => String(e.data["command"]));
}

export function hostEvents(world: World, machine: string, event: string): TraceEvent[] {
  return world.trace.events.filter((e) => e.actor === machine && e.kind === "host" && e.data["event"] === event);
}

export function rpcResults(world: World, client: string): { method: string; ok: boolean; error?: { code: string | null; message: string; details?: unknown } }[] {
  return clientEvents(world, client, "rpc-result").map((e) => e.data as unknown as { method: string; ok: boolean; error?: { code: string | null; message: string } });
}

/** A browser profile whose Control UI has `token` pasted for the local gateway: per tab (sessionStorage) when
 *  the release keeps it per tab, else in localStorage. */
export function withControlUiToken(machine: Machine, options: { browser: string; tabId: string; token: string; perTab: boolean; url?: string }): Machine {
  const key = controlUiTokenKey(options.url ?? localUrl);
  let storage = browser(machine, options.browser);
  if (!(options.tabId in storage.sessionStorageByTab)) storage = openTab(storage, options.tabId);
  storage = options.perTab ? storageSet(storage, { area: "session", tabId: options.tabId }, key, options.token) : storageSet(storage, { area: "local" }, key, options.token);
  return withBrowser(machine, options.browser, storage);
}

/** The TUI's connect identity per era: before PR #55730 it connected as gateway-client/ui (display name openclaw-tui). */
export function tuiIdentityFields(p: Profile): { clientId?: "gateway-client"; displayName?: string } {
  return p.gateway.connectSchema === "feb" ? { clientId: "gateway-client", displayName: "openclaw-tui" } : {};
}
