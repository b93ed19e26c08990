// Shared set-up for the scenario library: the gateway machine on a LAN host, deterministic device identities,
// warm-up after a (re)start, legacy service units, client processes and Control UI tabs on a machine, the
// operator's pairing round, and readers over the trace. It holds no scenario logic and judges nothing beyond
// `setup` findings (the invariant wiring is invariants.ts).
import { crypto } from "../src/index.ts";
const { identityFromSeed } = crypto;
type DeviceIdentity = crypto.DeviceIdentity;
import { host } from "../src/index.ts";
const { browser, controlUiTokenKey, createMachine, installServiceUnit, op, openTab, storageSet, withBrowser, withServiceUnit } = host;
type EnvMap = host.EnvMap;
type GatewayConfig = host.GatewayConfig;
type Machine = host.Machine;
import {
  requireWithinBudget,
  type ClientNode,
  type MachineClientSpec,
  type Profile,
  type ScenarioBuilder,
  type ScenarioContext,
  type TraceEvent,
  type World,
} from "../src/index.ts";

export const gatewayPort = 18789;
/** What clients on the gateway host dial. */
export const localUrl = `ws://127.0.0.1:${gatewayPort}`;
/** The gateway host's LAN address (TEST-NET-1: private enough for the client's insecure-ws guard). */
export const gatewayHostAddress = "192.0.2.50";
/** What clients on other LAN hosts dial. */
export const remoteUrl = `ws://${gatewayHostAddress}:${gatewayPort}`;
/**
 * What a LAN client dials under a profile: plaintext ws://, or wss:// where the release's client refuses plaintext
 * ws:// beyond loopback whatever the environment (2026.2.22: no break-glass variable), as its LAN users had to.
 */
export function lanUrlFor(p: Profile): string {
  return p.client.insecureWsGuard && p.client.insecureWsAllows === "loopback" ? `wss://${gatewayHostAddress}:${gatewayPort}` : remoteUrl;
}
/** Margin after a gateway's start-up window before clients are expected to get in. */
export const warmUpMarginMs = 1_000;
/** The operator CLI's device on the gateway host is identity(operatorCliIdentity). */
export const operatorCliIdentity = 200;

// ---- identities and the gateway machine ---------------------------------------------------------------------

/** Declares the library's identities by name (identity(n)) plus the operator CLI's, identity(200). */
export function libraryIdentities(builder: ScenarioBuilder, ids: Record<string, number>): ScenarioBuilder {
  builder.identity("operator-cli", operatorCliIdentity);
  for (const [name, n] of Object.entries(ids)) builder.identity(name, n);
  return builder;
}

/** A deterministic device identity (seed = 32 bytes of n); distinct n, distinct device. */
export function identity(n: number): DeviceIdentity {
  return identityFromSeed(new Uint8Array(32).fill(n));
}

/** The hex seed of identity(n), for raw attempts (`device.identitySeed`). */
export function identitySeedHex(n: number): string {
  return Buffer.from(new Uint8Array(32).fill(n)).toString("hex");
}

/** A local-mode token config on the default port, merged with `extra`. */
export function tokenConfig(token: string, extra: GatewayConfig = {}): GatewayConfig {
  return { ...extra, gateway: { mode: "local", port: gatewayPort, bind: "lan", auth: { mode: "token", token }, ...(extra.gateway ?? {}) } };
}

/** The gateway host "gw" (LAN 192.0.2.50) with machine "gw" holding this config; the operator CLI is identity(200). */
export function addGatewayMachine(
  world: World,
  options: { config: GatewayConfig; shellEnv?: EnvMap; cliIdentity?: DeviceIdentity | null; machine?: (m: Machine) => Machine },
): void {
  world.addHost({ name: "gw", kind: "lan", address: gatewayHostAddress });
  let machine = createMachine({ name: "gw", config: options.config, ...(options.shellEnv ? { shellEnv: options.shellEnv } : {}), dotEnvText: null });
  if (options.machine) machine = options.machine(machine);
  const cliIdentity = options.cliIdentity === undefined ? identity(operatorCliIdentity) : options.cliIdentity;
  world.addMachine({ name: "gw", host: "gw", machine, cliIdentity });
}

/**
 * A machine upgraded from a release that baked OPENCLAW_GATEWAY_TOKEN into the service unit, without
 * `gateway install --force` since: its unit embeds the token of `config`, whatever this profile's installer does.
 */
export function withLegacyUnit(config: GatewayConfig, profile: Profile): (m: Machine) => Machine {
  const unit = installServiceUnit({ config, switches: { ...profile.service, unitEmbedsToken: true }, version: "2026.2.14" });
  return (m) => withServiceUnit(m, unit);
}

// ---- running -------------------------------------------------------------------------------------------------

/** How long after a start the gateway is surely answering connects (2026.9 answers UNAVAILABLE at first). */
export function warmUpMs(profile: Profile): number {
  return (profile.gateway.startupUnavailableMs ?? 0) + warmUpMarginMs;
}

/** Runs the world for `ms` of virtual time; a blown budget ends the run as a liveness finding. */
export function runFor(world: World, ms: number): void {
  requireWithinBudget(world.runFor(ms));
}

/** `openclaw gateway install` on machine "gw" (starts the service), then waits out the start-up window. */
export function installGateway(world: World): void {
  world.operator("gw", op.gatewayInstall());
  runFor(world, warmUpMs(world.profile));
}

/** A set-up step the story depends on (a pairing, a first connect) did happen; otherwise a `setup` finding. */
export function checkConnected(ctx: ScenarioContext, clients: readonly string[], what: string): void {
  for (const client of clients) ctx.check(countEvents(ctx.world, client, "hello") > 0, "setup", `${client} never reached hello while ${what}`);
}

// ---- clients on a machine ------------------------------------------------------------------------------------

/** The TUI's connect identity per era: before PR #55730 it connected as gateway-client/ui (display name openclaw-tui). */
/**
 * A node host's client fields for a story where it connects with its stored device token alone: where the release
 * issues a scope-less node pairing no device token (2026.3 = openclaw@2026.3.13, switch emptyApprovalNoBaseline) it
 * has none, so it keeps the shared token instead.
 */
export function nodeKeepsSharedToken(profile: Profile, sharedToken = "T1"): { passiveToken?: string } {
  return profile.gateway.deviceTokenWithinApproval && profile.gateway.emptyApprovalNoBaseline ? { passiveToken: sharedToken } : {};
}

export function tuiIdentityFields(profile: Profile): { clientId?: "gateway-client"; displayName?: string } {
  return profile.gateway.connectSchema === "feb" ? { clientId: "gateway-client", displayName: "openclaw-tui" } : {};
}

/** A browser profile whose Control UI has `token` pasted for `url`: per tab when the release keeps it per tab, else in localStorage. */
export function withControlUiToken(machine: Machine, options: { browser: string; tabId: string; token: string; perTab: boolean; url?: string }): Machine {
  const key = controlUiTokenKey(options.url ?? localUrl);
  let storage = browser(machine, options.browser);
  if (!(options.tabId in storage.sessionStorageByTab)) storage = openTab(storage, options.tabId);
  const area = options.perTab ? ({ area: "session", tabId: options.tabId } as const) : ({ area: "local" } as const);
  return withBrowser(machine, options.browser, storageSet(storage, area, key, options.token));
}

/** Where the Control UI page is served from in the library (see addControlUi). */
export const controlUiPageOrigin = `http://localhost:${gatewayPort}`;

/**
 * Starts a Control UI tab on a machine, like world.addMachineClient, with the page served from
 * http://localhost:<port> while it dials ws://127.0.0.1:<port>. Workaround: the simulated Control UI sends no
 * `client.buildId`, so a 2026.9 gateway refuses a UI whose Origin equals its Host (PROTOCOL_MISMATCH, "Control
 * UI updated") for ever; with Origin ≠ Host that build check does not apply, and a loopback Origin passes the
 * origin rule of every release. Drop this once the client sends the gateway's build id.
 */
export function addControlUi(world: World, machineName: string, options: { name: string; user?: string; spec: Extract<MachineClientSpec, { kind: "control-ui" }> }): ClientNode {
  const node = world.machine(machineName);
  const plan = world.planMachineClient(machineName, options.spec);
  node.clients.set(options.name, options.spec);
  const user = options.user ?? `browser:${options.spec.browser}`;
  return world.addClient({ name: options.name, host: node.host, user, client: { ...plan.options, origin: controlUiPageOrigin } });
}

/** Starts any kind of client process on machine "gw" (a Control UI through addControlUi). */
export function startOnGatewayHost(world: World, name: string, user: string, spec: MachineClientSpec): ClientNode {
  if (spec.kind === "control-ui") return addControlUi(world, "gw", { name, user, spec });
  return world.addMachineClient("gw", { name, user, spec });
}

// ---- the operator --------------------------------------------------------------------------------------------

/**
 * The operator pairs waiting devices: `openclaw devices list` on the gateway host, `devices approve` for each
 * pending request of `deviceIds`, then the users start their paused `clients` again. Returns the approved ids.
 */
export function approvePending(world: World, deviceIds: readonly string[], clients: readonly string[]): string[] {
  const list = world.operator("gw", op.devicesList());
  const pending = list.rpc?.ok ? ((list.rpc.payload as { pending?: { deviceId: string; requestId: string }[] }).pending ?? []) : [];
  const approved: string[] = [];
  for (const request of pending) {
    if (!deviceIds.includes(request.deviceId) || approved.includes(request.deviceId)) continue;
    if (world.operator("gw", op.devicesApprove(request.requestId)).rpc?.ok) approved.push(request.deviceId);
  }
  for (const name of clients) if (world.client(name).state.lifecycle === "paused") world.client(name).start();
  return approved;
}

// ---- reading the trace ---------------------------------------------------------------------------------------

/** A client's own events (`connect-attempt`, `connect-error`, `hello`, `paused`, …) in order. */
export function clientEvents(world: World, client: string, event?: string): TraceEvent[] {
  return world.trace.events.filter((e) => e.actor === client && e.kind === "client" && (event === undefined || e.data["event"] === event));
}

export function countEvents(world: World, client: string, event: string): number {
  return clientEvents(world, client, event).length;
}
