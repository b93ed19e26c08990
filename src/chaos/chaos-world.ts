// The generated world of a chaos plan, built in a World: the gateway machine "gw" (config with the first
// token, optional shell/.env token, optional legacy unit), the gateway service, and every client started from
// where its credential comes from. It also keeps what the timeline needs to act on clients later (their
// current identity and device-auth user). It judges nothing.
import { identityFromPrng, type DeviceIdentity } from "../crypto/index.ts";
import {
  browser,
  configFileFromConfig,
  controlUiTokenKey,
  createMachine,
  envNames,
  installServiceUnit,
  op,
  openTab,
  storageSet,
  withBrowser,
  withoutUnknownKeys,
  withServiceUnit,
  type GatewayConfig,
  type Machine,
} from "../host/index.ts";
import { requireWithinBudget } from "../scenario/index.ts";
import { tuiIdUnknown } from "../scenario/lang/kinds/tui-identity.ts";
import type { MachineClientSpec, World } from "../world/index.ts";
import { firstToken, type ChaosClient, type ChaosPlan } from "./plan.ts";

export const gatewayMachine = "gw";
export const gatewayPort = 18789;
/** The gateway host's LAN address (TEST-NET-1: private, so the client's insecure-ws guard lets ws:// through). */
export const gatewayHostAddress = "192.0.2.50";
export const localUrl = `ws://127.0.0.1:${gatewayPort}`;
export const remoteUrl = `ws://${gatewayHostAddress}:${gatewayPort}`;
export const browserProfile = "chrome";
/** Margin after a gateway's start-up window before clients are expected to get in. */
export const warmUpMarginMs = 1_000;

/** What the timeline tracks per client: its current identity and its device-auth user (changes on identity loss). */
export interface ChaosClientState {
  readonly spec: ChaosClient;
  identity: DeviceIdentity | null;
  user: string;
  generation: number;
  /** The token this client holds in its own source (flag, own env, handed); shell and browser read the machine. */
  token: string;
}

export interface ChaosWorld {
  readonly world: World;
  readonly plan: ChaosPlan;
  readonly clients: Map<string, ChaosClientState>;
}

export function warmUpMs(world: World): number {
  return (world.profile.gateway.startupUnavailableMs ?? 0) + warmUpMarginMs;
}

export function runFor(world: World, ms: number): void {
  requireWithinBudget(world.runFor(ms));
}

export function gatewayConfig(token: string, allowInsecureAuth: boolean): GatewayConfig {
  return {
    gateway: {
      mode: "local",
      port: gatewayPort,
      bind: "lan",
      auth: { mode: "token", token },
      ...(allowInsecureAuth ? { controlUi: { allowInsecureAuth: true } } : {}),
    },
  };
}

export function tabId(client: string): string {
  return `tab-${client}`;
}

/** The browser on the gateway host holds `token` for this Control UI (per tab where the release keeps it so). */
export function withControlUiToken(machine: Machine, client: string, token: string, perTab: boolean): Machine {
  let storage = browser(machine, browserProfile);
  if (!(tabId(client) in storage.sessionStorageByTab)) storage = openTab(storage, tabId(client));
  const area = perTab ? ({ area: "session", tabId: tabId(client) } as const) : ({ area: "local" } as const);
  return withBrowser(machine, browserProfile, storageSet(storage, area, controlUiTokenKey(localUrl), token));
}

/** The gateway machine's config file as the plan draws it (to-lang.ts passes it through as it is). */
export function planGatewayConfig(plan: ChaosPlan): GatewayConfig {
  const config = gatewayConfig(firstToken, plan.gateway.allowInsecureAuth);
  const { rateLimit, allowedOrigins, trustedProxies } = plan.gateway;
  const gateway = { ...config.gateway };
  if (rateLimit) gateway.auth = { ...gateway.auth, rateLimit: { ...rateLimit } };
  if (allowedOrigins) gateway.controlUi = { ...gateway.controlUi, allowedOrigins: [...allowedOrigins] };
  if (trustedProxies) gateway.trustedProxies = [...trustedProxies];
  return { ...config, gateway };
}

function buildMachine(plan: ChaosPlan, world: World): Machine {
  const g = plan.gateway;
  // As the release's operator writes it: no key it does not know (to-lang.ts: the machine's releaseKeysOnly).
  const config = withoutUnknownKeys(configFileFromConfig(planGatewayConfig(plan)), world.profile.service.configSchemaGaps).file.config;
  let machine = createMachine({
    name: gatewayMachine,
    config,
    shellEnv: g.shellToken ? { [envNames.gatewayToken]: firstToken } : {},
    dotEnvText: g.dotEnvToken ? `${envNames.gatewayToken}=${firstToken}\n` : null,
    container: g.container === true,
  });
  if (g.legacyUnit) {
    const unit = installServiceUnit({ config, switches: { ...world.profile.service, unitEmbedsToken: true }, version: "2026.2.14" });
    machine = withServiceUnit(machine, unit);
  }
  for (const c of plan.clients) {
    if (c.kind === "control-ui" && c.on === "gateway-host") machine = withControlUiToken(machine, c.name, firstToken, world.profile.client.controlUiTokenPerTab);
  }
  return machine;
}

/** The machine-client spec of a client on the gateway host holding `token` where its source keeps it. */
export function machineSpec(world: World, state: ChaosClientState, token: string): MachineClientSpec {
  const c = state.spec;
  const identity = state.identity;
  if (c.kind === "control-ui") return { kind: "control-ui", identity, browser: browserProfile, tabId: tabId(c.name) };
  const tui = c.kind === "tui" && tuiIdUnknown(world.profile) ? { clientId: "gateway-client" as const, displayName: "openclaw-tui" } : {};
  const flags = c.credential === "explicit" ? { flags: { token } } : {};
  const env = c.credential === "own-env" ? { env: { from: "env" as const, env: { [envNames.gatewayToken]: token } } } : {};
  return { kind: c.kind, identity, ...tui, ...flags, ...env };
}

/** Starts a client process (or a new process under the same name) with its current credentials. */
export function startClient(cw: ChaosWorld, name: string): void {
  const { world } = cw;
  const state = cw.clients.get(name)!;
  const token = state.token;
  const c = state.spec;
  if (c.on === "gateway-host") {
    world.addMachineClient(gatewayMachine, { name, user: state.user, spec: machineSpec(world, state, token) });
    return;
  }
  const credential = c.credential === "explicit" ? { explicitToken: token } : { passiveToken: token };
  world.addClient({ name, host: `${name}-host`, user: state.user, client: { kind: c.kind, url: remoteUrl, identity: state.identity, ...credential } });
}

export function newIdentity(world: World, name: string, generation: number): DeviceIdentity {
  return identityFromPrng(world.scheduler.stream(`chaos:identity:${name}:${generation}`));
}

/** Builds the machine, starts the gateway service and every client with the first token. */
export function buildChaosWorld(world: World, plan: ChaosPlan): ChaosWorld {
  world.addHost({ name: gatewayMachine, kind: "lan", address: gatewayHostAddress });
  const operatorCli = identityFromPrng(world.scheduler.stream("chaos:identity:operator-cli"));
  world.addMachine({ name: gatewayMachine, host: gatewayMachine, machine: buildMachine(plan, world), cliIdentity: operatorCli });
  if (plan.gateway.legacyUnit) world.startGatewayService(gatewayMachine);
  else world.operator(gatewayMachine, op.gatewayInstall());
  runFor(world, warmUpMs(world));
  const cw: ChaosWorld = { world, plan, clients: new Map() };
  for (const c of plan.clients) {
    if (c.on === "lan") world.addHost({ name: `${c.name}-host`, kind: "lan" });
    const identity = c.withDevice ? newIdentity(world, c.name, 0) : null;
    cw.clients.set(c.name, { spec: c, identity, user: c.name, generation: 0, token: firstToken });
    startClient(cw, c.name);
  }
  return cw;
}
