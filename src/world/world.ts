// The simulated world: one scheduler (clock, PRNG streams, trace), one network, the gateways and peers on it.
// A builder-style facade (turmoil's shape): add hosts and nodes, script faults, run for virtual time.
import { NodeClock, Trace, ScenarioInputError, type Budgets, type NodeClockOptions, type RunOutcome, type Seed, Scheduler, type TraceSpill } from "../kernel/index.ts";
import { isSimulatedLanAddress, Network, type Bind, type HostSpec, type RuleHandle } from "../net/index.ts";
import { isLoopbackAddress, seededControlUiOrigins, type BootstrapStore, type GatewayRuntimeConfig, type PairingStore } from "../gateway/index.ts";
import type { Profile } from "../profiles/index.ts";
import { GatewayNode } from "./gateway-node.ts";
import { ClientNode, DeviceAuthFile } from "./client-node.ts";
import { withReconnectPolicy, type ClientOptions, type ReconnectPolicy } from "../clients/index.ts";
import { runAttempt } from "./attempt/attempt-runner.ts";
import type { Attempt, Outcome } from "./attempt/attempt.ts";
import { RealClients } from "./real-client-runtime.ts";
import type { RealClientNode, RealClientSpec } from "./real-client-node.ts";
import type { RealGatewayClientModule } from "./real-client-types.ts";
import type { Machine } from "../host/index.ts";
import { MachineNode, machineChanged, startGatewayProcess, type GatewayProcessStart, type MachineNodeOptions } from "./machine-node.ts";
import { credentialFields, planMachineClient, type MachineClientPlan, type MachineClientSpec } from "./machine-clients.ts";
import { runOperator, type OperatorOptions, type OperatorRun } from "./operator-node.ts";
import { editGatewayConfig, type GatewayConfigEdit } from "./gateway-config-edit.ts";
import type { ConfigReloadMode } from "../gateway/index.ts";
import type { OperatorCommand } from "../host/index.ts";

export interface WorldOptions {
  seed: Seed;
  profile: Profile;
  budgets?: Partial<Budgets>;
  /** When set, addAnyClient runs the real OpenClaw client for the kinds it covers (not the Control UI). */
  realClientModule?: RealGatewayClientModule;
  /** Stream the trace out of memory past a threshold (long runs); the trace hash is the same either way. */
  traceSpill?: TraceSpill;
  /** When the network sweeps its table for inert connections (default connectionsSweepMin; tests lower it). */
  connectionsSweepMin?: number;
}

/** What a scenario can ask of any client, simulated or real. */
export interface ClientStatus {
  readonly implementation: "sim" | "real";
  readonly connected: boolean;
  readonly paused: boolean;
  readonly attempts: number;
}

export type GatewayConfigInput = Partial<Omit<GatewayRuntimeConfig, "auth" | "controlUi">> & {
  auth?: Partial<GatewayRuntimeConfig["auth"]>;
  controlUi?: Partial<GatewayRuntimeConfig["controlUi"]>;
};

export function gatewayRuntimeConfig(input: GatewayConfigInput = {}): GatewayRuntimeConfig {
  return {
    auth: { mode: "token", allowTailscale: false, ...input.auth },
    controlUi: {
      allowInsecureAuth: false,
      dangerouslyDisableDeviceAuth: false,
      allowedOrigins: [],
      dangerouslyAllowHostHeaderOriginFallback: false,
      ...input.controlUi,
    },
    trustedProxies: input.trustedProxies ?? [],
    allowRealIpFallback: input.allowRealIpFallback ?? false,
    tailscaleWhois: input.tailscaleWhois ?? {},
    version: input.version ?? "clawsim-gateway",
    configPath: input.configPath ?? "/home/user/.openclaw/openclaw.json",
    stateDir: input.stateDir ?? "/home/user/.openclaw",
    ...(input.hostName !== undefined ? { hostName: input.hostName } : {}),
    ...(input.handshakeTimeoutMs !== undefined ? { handshakeTimeoutMs: input.handshakeTimeoutMs } : {}),
    ...(input.nodes !== undefined ? { nodes: structuredClone(input.nodes) } : {}),
  };
}

export interface AttemptHandle {
  readonly attempt: Attempt;
  outcome: Outcome | undefined;
}

export class World {
  readonly scheduler: Scheduler;
  readonly network: Network<string>;
  readonly profile: Profile;
  readonly gateways = new Map<string, GatewayNode>();
  readonly clients = new Map<string, ClientNode>();
  /** Device-auth files by "<host>:<user>". */
  readonly deviceAuthFiles = new Map<string, DeviceAuthFile>();
  /** Simulated machines (config, env, service unit, client files) by name. */
  readonly machines = new Map<string, MachineNode>();
  private readonly clocks = new Map<string, NodeClock>();
  /** Bare gateways (not a machine's) whose Control UI origins the release seeds: name → the port it listens on. */
  private readonly originSeeded = new Map<string, number>();
  private readonly attemptState = { deviceTokens: new Map<string, string>(), lastNonce: { value: null as string | null }, lastRequestId: { value: null as string | null } };

  readonly realClientModule: RealGatewayClientModule | undefined;
  private realClientHost: string | undefined;

  constructor(options: WorldOptions) {
    this.realClientModule = options.realClientModule;
    this.scheduler = new Scheduler(options.seed, { budgets: options.budgets, trace: new Trace(options.traceSpill) });
    this.network = new Network<string>({ scheduler: this.scheduler, ...(options.connectionsSweepMin !== undefined ? { connectionsSweepMin: options.connectionsSweepMin } : {}) });
    this.profile = options.profile;
    this.scheduler.record("world", "run.start", { seed: options.seed.toString(), profile: options.profile.name });
  }

  get trace() {
    return this.scheduler.trace;
  }

  addHost(spec: HostSpec): void {
    this.network.addHost(spec);
  }

  /** A host's wall clock (created on first use); skew it to make nodes disagree about "now". */
  clockOf(host: string, options?: NodeClockOptions): NodeClock {
    let clock = this.clocks.get(host);
    if (!clock) {
      clock = new NodeClock(this.scheduler.clock, options);
      this.clocks.set(host, clock);
    }
    return clock;
  }

  skewClock(host: string, deltaMs: number): void {
    this.clockOf(host).jump(deltaMs);
    this.scheduler.record(host, "fault", { what: "clock.jump", deltaMs });
  }

  /**
   * `machineStarted`: a machine's gateway process (machine-node.ts seeds its Control UI origins from the config
   * file). A bare gateway listening beyond loopback is one whose gateway.bind is lan: the release's start-up seeding
   * of Control UI origins (profile switch controlUiOriginSeed) applies to its config.
   */
  addGateway(options: { name: string; host: string; port: number; config?: GatewayConfigInput; store?: PairingStore; bootstrap?: BootstrapStore; start?: boolean; bind?: Bind; machineStarted?: boolean }): GatewayNode {
    const bind = options.bind ?? "all";
    const seeds = options.machineStarted !== true && this.profile.gateway.controlUiOriginSeed !== "off" && bind !== "loopback" && !isLoopbackAddress(bind);
    if (seeds) this.originSeeded.set(options.name, options.port);
    else this.originSeeded.delete(options.name);
    const node = new GatewayNode(this.scheduler, this.network, {
      name: options.name,
      host: options.host,
      port: options.port,
      switches: this.profile.gateway,
      config: this.withSeededOrigins(options.name, gatewayRuntimeConfig(options.config), false),
      clockOf: () => this.clockOf(options.host),
      store: options.store,
      ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}),
      bind: options.bind,
    });
    this.gateways.set(options.name, node);
    if (options.start !== false) node.start();
    return node;
  }

  /** Adds a client on `host`; clients of the same user on a host share its device-auth file. */
  addClient(options: {
    name: string;
    host: string;
    user?: string;
    client: Omit<ClientOptions, "switches"> & { switches?: ClientOptions["switches"] };
    start?: boolean;
    /** The client's own reconnect cadence over its release's defaults. */
    reconnect?: ReconnectPolicy;
  }): ClientNode {
    const file = this.deviceAuthFile(options.host, options.user ?? "user");
    const node = new ClientNode(this.scheduler, this.network, {
      name: options.name,
      host: options.host,
      clock: this.clockOf(options.host),
      // A Control UI runs the bundle its gateway served: same build id unless the scenario says otherwise.
      client: { buildId: this.gateways.values().next().value?.state.config.version, ...options.client, switches: withReconnectPolicy(options.client.switches ?? this.profile.client, options.reconnect) },
      file,
    });
    this.clients.set(options.name, node);
    if (options.start !== false) node.start();
    return node;
  }

  /**
   * Adds a client of any kind: the real OpenClaw client when the world has one and it covers the kind (not the
   * Control UI, not a one-shot call), else the simulated client. Scenario files use this.
   */
  addAnyClient(options: Parameters<World["addClient"]>[0]): "sim" | "real" {
    const c = options.client;
    // Real clients share one host (the process has one Date); clients elsewhere stay simulated.
    this.realClientHost ??= this.realClientModule ? options.host : undefined;
    if (this.realClientModule && c.kind !== "control-ui" && !c.oneShot && options.host === this.realClientHost) {
      this.addRealClient({
        name: options.name,
        host: options.host,
        user: options.user,
        url: this.realClientUrl(c.url),
        module: this.realClientModule,
        kind: c.kind,
        identity: c.identity,
        explicitToken: c.explicitToken,
        passiveToken: c.passiveToken,
        password: c.password,
        ...(c.bootstrapToken !== undefined ? { bootstrapToken: c.bootstrapToken } : {}),
        storedTokens: c.storedTokens,
        scopes: c.scopes,
        ...(c.allowInsecurePrivateWs !== undefined ? { allowInsecurePrivateWs: c.allowInsecurePrivateWs } : {}),
        // The TUI's client id per release, as the simulated client takes it (before PR #55730 the TUI
        // connected as gateway-client with the display name openclaw-tui).
        ...(c.kind === "tui" ? { clientId: this.profile.client.tuiClientId } : {}),
        ...(c.kind === "tui" && this.profile.client.tuiClientId === "gateway-client" ? { options: { clientDisplayName: "openclaw-tui" } } : {}),
      });
      return "real";
    }
    this.addClient(options);
    return "sim";
  }

  /**
   * The URL the real client dials. The simulation's LAN is documentation address space (192.0.2.0/24,
   * 198.51.100.0/24), which the real client rightly counts as public and refuses over plaintext ws://; a real LAN
   * client reaches its gateway at an RFC1918 address, which every release's rule reads as private (2026.3.2 trusts
   * only private address literals, not names). So a LAN address literal becomes its RFC1918 stand-in
   * (192.0.2.N → 192.168.2.N, 198.51.100.N → 192.168.100.N), an alias that reaches the same host; should a host
   * already hold that address, the host's mDNS name `<host>.local` instead. The simulated client keeps the literal;
   * only runs with the real client change.
   */
  private realClientUrl(url: string): string {
    if (!URL.canParse(url)) return url;
    const parsed = new URL(url);
    const address = parsed.hostname;
    if (!isSimulatedLanAddress(address)) return url;
    const hosts = this.network.hosts;
    const host = hosts.hostAt(address);
    if (!host) return url;
    const [, , third, fourth] = address.split(".");
    const standIn = `192.168.${third === "2" ? 2 : 100}.${fourth}`;
    if (!hosts.addressTaken(standIn)) this.network.addAddressAlias(standIn, address);
    // Taken by an earlier translation of the same address is fine; by another host's address it is not.
    if (hosts.aliasTarget(standIn) === address) {
      parsed.hostname = standIn;
      return parsed.href;
    }
    const name = `${host.name}.local`;
    if (hosts.resolve(host, name).kind === "not-found") this.network.addDnsName(name, address);
    parsed.hostname = name;
    return parsed.href;
  }

  clientStatus(name: string): ClientStatus {
    const sim = this.clients.get(name);
    if (sim) {
      const st = sim.state;
      return { implementation: "sim", connected: st.lifecycle === "running" && st.socket === "open" && st.handshake === "connected", paused: st.lifecycle === "paused", attempts: st.attempts };
    }
    const real = this.realClient(name);
    return { implementation: "real", connected: real.connected, paused: real.paused, attempts: real.attempts };
  }

  /** Whether anything in the world settles work in promise callbacks (then time must advance asynchronously). */
  get hasAsyncParticipants(): boolean {
    return this.realClientsRuntime !== undefined;
  }

  /** runFor, in the async loop when real clients are present. */
  advance(ms: number): Promise<RunOutcome> {
    return this.hasAsyncParticipants ? this.runForAsync(ms) : Promise.resolve(this.runFor(ms));
  }

  advanceUntil(done: () => boolean, timeoutMs: number): Promise<RunOutcome> {
    return this.hasAsyncParticipants ? this.runUntilAsync(done, timeoutMs) : Promise.resolve(this.runUntil(done, timeoutMs));
  }

  client(name: string): ClientNode {
    const node = this.clients.get(name);
    if (!node) throw new Error(`no client named ${name}`);
    return node;
  }

  gateway(name: string): GatewayNode {
    const node = this.gateways.get(name);
    if (!node) throw new ScenarioInputError(this.gateways.size === 0 ? `no gateway is running yet (a bare world starts one with gatewayStart)` : `no gateway named '${name}'`);
    return node;
  }

  /** Runs one raw connect attempt from `fromHost` against `url`; the handle's outcome fills in when it ends. */
  attempt(options: { fromHost: string; url: string; port: number; gatewayToken: string; identities?: Record<string, string>; attempt: Attempt }): AttemptHandle {
    const handle: AttemptHandle = { attempt: options.attempt, outcome: undefined };
    runAttempt(
      {
        scheduler: this.scheduler,
        network: this.network,
        fromHost: options.fromHost,
        url: options.url,
        port: options.port,
        gatewayToken: options.gatewayToken,
        identities: options.identities ?? {},
        deviceTokens: this.attemptState.deviceTokens,
        lastNonce: this.attemptState.lastNonce,
        lastRequestId: this.attemptState.lastRequestId,
        clock: this.clockOf(options.fromHost),
      },
      options.attempt,
      (outcome) => {
        handle.outcome = outcome;
        this.scheduler.record(options.fromHost, "check", { what: "attempt.outcome", attempt: options.attempt.name, ok: outcome.response?.ok ?? null, close: outcome.close });
      },
    );
    return handle;
  }

  /** The latest device token seen for (deviceId, role), as {{deviceToken:NAME}} resolves it. */
  deviceTokenFor(deviceId: string, role: string): string | undefined {
    return this.attemptState.deviceTokens.get(`${deviceId}/${role}`);
  }

  /** Makes a device token usable as {{deviceToken:NAME}} in later attempts (pre-seeded or rotated tokens). */
  rememberDeviceToken(deviceId: string, role: string, token: string): void {
    this.attemptState.deviceTokens.set(`${deviceId}/${role}`, token);
  }

  /**
   * Edit a bare gateway's config while it runs: `update` gets the current input-shaped config and returns the
   * new one; the release's reload plan applies it live or restarts the gateway (300 ms later).
   */
  editGatewayConfig(name: string, update: (current: GatewayRuntimeConfig) => GatewayConfigInput, mode?: ConfigReloadMode): GatewayConfigEdit {
    const gateway = this.gateway(name);
    const next = this.withSeededOrigins(name, gatewayRuntimeConfig(update(structuredClone(gateway.state.config))), true);
    return editGatewayConfig({ scheduler: this.scheduler, profile: this.profile, gateway, next, ...(mode ? { mode } : {}) });
  }

  /** A bare gateway's config with the Control UI origins its release seeds at start (none configured, no fallback). */
  private withSeededOrigins(name: string, config: GatewayRuntimeConfig, quiet: boolean): GatewayRuntimeConfig {
    const port = this.originSeeded.get(name);
    if (port === undefined) return config;
    const ui = config.controlUi;
    const origins = seededControlUiOrigins({ mode: this.profile.gateway.controlUiOriginSeed, bind: "lan", port, allowedOrigins: ui.allowedOrigins, hostHeaderFallback: ui.dangerouslyAllowHostHeaderOriginFallback });
    if (!origins) return config;
    if (!quiet) this.scheduler.record(name, "gateway", { event: "control-ui.origins-seeded", origins });
    return { ...config, controlUi: { ...ui, allowedOrigins: origins } };
  }

  /** What `tailscale whois` answers on a machine (tailnet IP → login); a running gateway sees it at once. */
  setTailscaleWhois(machineName: string, whois: Readonly<Record<string, string>>): void {
    const node = this.machine(machineName);
    node.tailscaleWhois = { ...whois };
    const gateway = this.gateways.get(node.gatewayName);
    if (gateway) gateway.state.config = { ...gateway.state.config, tailscaleWhois: { ...whois } };
    this.scheduler.record(machineName, "host", { event: "tailscale.whois", ips: Object.keys(whois).sort() });
  }

  /** The request id {{lastRequestId}} resolves to (latest pairing-required answer, or an operator's pick). */
  get lastRequestId(): string | undefined {
    return this.attemptState.lastRequestId.value ?? undefined;
  }

  rememberRequestId(requestId: string): void {
    this.attemptState.lastRequestId.value = requestId;
  }

  partition(hostA: string, hostB: string): RuleHandle {
    return this.network.partition(hostA, hostB);
  }

  runFor(ms: number): RunOutcome {
    return this.scheduler.runUntil(this.scheduler.nowMs() + ms);
  }

  /** Runs until `done` holds or `timeoutMs` of virtual time pass (reported as reached vs. not). */
  runUntil(done: () => boolean, timeoutMs: number): RunOutcome {
    return this.scheduler.runUntil(this.scheduler.nowMs() + timeoutMs, done);
  }

  // ---- real OpenClaw clients (the npm package run in this world): real-client-*.ts ----

  private realClientsRuntime: RealClients | undefined;

  /** The world's real clients (created on first use). */
  get realClients(): RealClients {
    this.realClientsRuntime ??= new RealClients({
      scheduler: this.scheduler,
      network: this.network,
      clockOf: (host) => this.clockOf(host),
      deviceAuthFile: (host, user) => this.deviceAuthFile(host, user),
    });
    return this.realClientsRuntime;
  }

  /** Runs the real `GatewayClient` on `host` (needs runForAsync / runUntilAsync to make progress). */
  addRealClient(spec: RealClientSpec): RealClientNode {
    return this.realClients.add(spec);
  }

  realClient(name: string): RealClientNode {
    return this.realClients.get(name);
  }

  /** runFor in the async loop: promise callbacks settle between events (required with real clients). */
  runForAsync(ms: number): Promise<RunOutcome> {
    return this.realClients.run(() => this.scheduler.runUntilAsync(this.scheduler.nowMs() + ms));
  }

  /** runUntil in the async loop. */
  runUntilAsync(done: () => boolean, timeoutMs: number): Promise<RunOutcome> {
    return this.realClients.run(() => this.scheduler.runUntilAsync(this.scheduler.nowMs() + timeoutMs, done));
  }

  // ---- machines (src/host bound into the world): machine-node.ts, machine-clients.ts, operator-node.ts ----

  /** Binds a simulated machine to a host of this world (the host must exist). */
  /**
   * Docker's `-p <port>:<containerPort>`: a TCP port forward on host `on` (every interface, or only its loopback
   * with `bind: "loopback"`, as `-p 127.0.0.1:…`) into the machine's host. The gateway sees the forward's own
   * address as its peer and the client's Host header untouched; with nothing listening in the container the
   * accepted connection is reset (socket hang up).
   */
  publishPort(options: { machine: string; on: string; port: number; containerPort?: number; bind?: "all" | "loopback" }): void {
    const target = this.machine(options.machine).host;
    const result = this.network.addProxy({ proxyHost: options.on, port: options.port, bind: options.bind ?? "all", forTarget: { host: target, port: options.containerPort ?? options.port }, tcp: true });
    if (result.kind !== "listening") throw new Error(`cannot publish port ${options.port} on ${options.on}: ${result.kind}`);
  }

  /** `rm ~/.openclaw/identity/device-auth.json` for the machine's operator: its next command reads no device token. */
  deleteOperatorDeviceAuth(machine: string): void {
    const node = this.machine(machine);
    const file = this.deviceAuthFile(node.host, node.operatorUser);
    file.tokens = {};
    file.deviceId = undefined;
    file.corrupt = false;
    file.seedDropped = true;
    this.scheduler.record(node.name, "host", { event: "device-auth.delete", user: node.operatorUser });
  }

  /** A device token written into the machine operator's device-auth file (what its `openclaw …` commands read). */
  storeOperatorDeviceToken(node: MachineNode, deviceId: string, token: string, scopes: readonly string[]): void {
    this.deviceAuthFile(node.host, node.operatorUser).store(deviceId, "operator", token, [...scopes]);
  }

  /** The device-auth file of a user on a host (created empty on first use). */
  private deviceAuthFile(host: string, user: string): DeviceAuthFile {
    const key = `${host}:${user}`;
    let file = this.deviceAuthFiles.get(key);
    if (!file) {
      file = new DeviceAuthFile();
      this.deviceAuthFiles.set(key, file);
    }
    return file;
  }

  addMachine(options: MachineNodeOptions): MachineNode {
    if (this.machines.has(options.name)) throw new Error(`machine ${options.name} already exists`);
    const node = new MachineNode(options);
    this.machines.set(options.name, node);
    this.scheduler.record(options.name, "host", { event: "machine.add", host: options.host, serviceInstalled: options.machine.serviceUnit !== null, ...(options.machine.container ? { container: true } : {}) });
    return node;
  }

  machine(name: string): MachineNode {
    const node = this.machines.get(name);
    if (!node) throw new Error(`no machine named ${name}`);
    return node;
  }

  /** A hand edit of the machine (an editor, `export`, a restored backup); a running gateway's watcher sees config changes. */
  updateMachine(name: string, update: (machine: Machine) => Machine, what = "edit"): Machine {
    const node = this.machine(name);
    this.scheduler.record(name, "host", { event: "machine.edit", what });
    machineChanged(this, node, update(node.machine));
    return node.machine;
  }

  /** Starts (or restarts) the machine's gateway service from its unit's environment. */
  startGatewayService(machineName: string): GatewayProcessStart {
    return startGatewayProcess(this, this.machine(machineName), "service");
  }

  /** Starts (or restarts) the gateway in the foreground from the operator's shell (`openclaw gateway`). */
  startGatewayForeground(machineName: string): GatewayProcessStart {
    return startGatewayProcess(this, this.machine(machineName), "foreground");
  }

  /** How a client of this kind on the machine would resolve its URL and credentials (no side effects). */
  planMachineClient(machineName: string, spec: MachineClientSpec): MachineClientPlan {
    return planMachineClient(this.machine(machineName).machine, spec, this.profile.client.controlUiTokenPerTab);
  }

  /**
   * Starts a client process on the machine with the credentials its kind resolves there. `user` picks the
   * device-auth file (default "user"; a Control UI uses "browser:<profile>"): clients sharing a user share one
   * device identity in reality, so give clients with different identities different users.
   */
  addMachineClient(machineName: string, options: { name: string; user?: string; spec: MachineClientSpec; start?: boolean; switches?: ClientOptions["switches"] }): ClientNode {
    const node = this.machine(machineName);
    const plan = this.planMachineClient(machineName, options.spec);
    const user = options.user ?? (options.spec.kind === "control-ui" ? `browser:${options.spec.browser}` : "user");
    node.clients.set(options.name, options.spec);
    this.scheduler.record(options.name, "client", { event: "machine-client", machine: machineName, kind: options.spec.kind, url: plan.options.url, urlSource: plan.urlSource, credential: credentialOriginRecord(plan) });
    return this.addClient({
      name: options.name,
      host: node.host,
      user,
      client: { ...plan.options, ...(options.switches ? { switches: options.switches } : {}) },
      ...(options.start !== undefined ? { start: options.start } : {}),
    });
  }

  /** The client re-reads its machine (config, env, browser storage) and is told if its credentials changed. */
  refreshClientCredentials(clientName: string): boolean {
    for (const [machineName, node] of this.machines) {
      const spec = node.clients.get(clientName);
      if (!spec) continue;
      const fresh = credentialFields(this.planMachineClient(machineName, spec).options);
      const current = this.client(clientName).state.credentials;
      const change: { explicitToken?: string | null; passiveToken?: string | null; password?: string | null } = {};
      for (const field of ["explicitToken", "passiveToken", "password"] as const) {
        if (fresh[field] !== current[field]) change[field] = fresh[field] ?? null;
      }
      if (Object.keys(change).length === 0) return false;
      this.client(clientName).credentialsChanged(change);
      return true;
    }
    throw new Error(`client ${clientName} was not started from a machine`);
  }

  /** The operator runs one `openclaw …` command on the machine; `devices …` RPCs go over the network. */
  operator(machineName: string, command: OperatorCommand, options?: OperatorOptions): OperatorRun {
    return runOperator(this, this.machine(machineName), command, options);
  }
}

function credentialOriginRecord(plan: MachineClientPlan): Record<string, unknown> {
  const o = plan.origin;
  if (o.kind === "browser-storage") return { from: o.area, key: o.key, present: o.token !== undefined };
  return { rule: o.resolved.rule, tokenSource: o.resolved.tokenSource, passiveTokenSource: o.resolved.passiveTokenSource, passwordSource: o.resolved.passwordSource };
}
