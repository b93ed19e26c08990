// The simulated world: one scheduler (clock, PRNG streams, trace), one network, the gateways and peers on it.
// A builder-style facade (turmoil's shape): add hosts and nodes, script faults, run for virtual time.
import { NodeClock, type Budgets, type NodeClockOptions, type RunOutcome, type Seed, Scheduler } from "../kernel/index.ts";
import { Network, type HostSpec, type RuleHandle } from "../net/index.ts";
import type { GatewayRuntimeConfig, PairingStore } from "../gateway/index.ts";
import type { Profile } from "../profiles/index.ts";
import { GatewayNode } from "./gateway-node.ts";
import { ClientNode, DeviceAuthFile } from "./client-node.ts";
import type { ClientOptions } from "../clients/index.ts";
import { runAttempt } from "./attempt/attempt-runner.ts";
import type { Attempt, Outcome } from "./attempt/attempt.ts";

export interface WorldOptions {
  seed: Seed;
  profile: Profile;
  budgets?: Partial<Budgets>;
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
  private readonly clocks = new Map<string, NodeClock>();
  private readonly attemptState = { deviceTokens: new Map<string, string>(), lastNonce: { value: null as string | null } };

  constructor(options: WorldOptions) {
    this.scheduler = new Scheduler(options.seed, { budgets: options.budgets });
    this.network = new Network<string>({ scheduler: this.scheduler });
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

  addGateway(options: { name: string; host: string; port: number; config?: GatewayConfigInput; store?: PairingStore; start?: boolean }): GatewayNode {
    const node = new GatewayNode(this.scheduler, this.network, {
      name: options.name,
      host: options.host,
      port: options.port,
      switches: this.profile.gateway,
      config: gatewayRuntimeConfig(options.config),
      clockOf: () => this.clockOf(options.host),
      store: options.store,
    });
    this.gateways.set(options.name, node);
    if (options.start !== false) node.start();
    return node;
  }

  /** Adds a client on `host`; clients of the same user on a host share its device-auth file. */
  addClient(options: { name: string; host: string; user?: string; client: Omit<ClientOptions, "switches"> & { switches?: ClientOptions["switches"] }; start?: boolean }): ClientNode {
    const key = `${options.host}:${options.user ?? "user"}`;
    let file = this.deviceAuthFiles.get(key);
    if (!file) {
      file = new DeviceAuthFile();
      this.deviceAuthFiles.set(key, file);
    }
    const node = new ClientNode(this.scheduler, this.network, {
      name: options.name,
      host: options.host,
      clock: this.clockOf(options.host),
      client: { ...options.client, switches: options.client.switches ?? this.profile.client },
      file,
    });
    this.clients.set(options.name, node);
    if (options.start !== false) node.start();
    return node;
  }

  client(name: string): ClientNode {
    const node = this.clients.get(name);
    if (!node) throw new Error(`no client named ${name}`);
    return node;
  }

  gateway(name: string): GatewayNode {
    const node = this.gateways.get(name);
    if (!node) throw new Error(`no gateway named ${name}`);
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

  /** Makes a device token usable as {{deviceToken:NAME}} in later attempts (pre-seeded or rotated tokens). */
  rememberDeviceToken(deviceId: string, role: string, token: string): void {
    this.attemptState.deviceTokens.set(`${deviceId}/${role}`, token);
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
}
