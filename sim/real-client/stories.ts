// Seed-story setups run once with clawsim's simulated client and once with the real OpenClaw client against
// the same simulated gateway: each builds the world up to the moment the client under test starts (the same
// seed, the same steps, so both runs start from identical state), then runs it for a fixed virtual time.
// A run's verdict is what a user would notice: sockets opened, hellos, paused or not, connected at the end,
// the reconnect delays, whether the device token is still on disk. Not the table: compare.ts formats it.
import { DeviceAuthFile, World, type Profile, type RealGatewayClientModule, type Seed } from "../../src/index.ts";
import { identityFromPrng, type DeviceIdentity } from "../../src/crypto/index.ts";

export const gatewayPort = 18789;
export const tokenCurrent = "gateway-token-current";
export const tokenStale = "gateway-token-stale";
export const bogusDeviceToken = "device-token-the-gateway-never-issued";
const gatewayHost = "gateway-host";
const loopbackUrl = `ws://127.0.0.1:${gatewayPort}`;
/** The name of the client under test in every story's trace. */
export const clientUnderTest = "client";

/** Who the client under test is and what it holds (the device-auth file is prepared in the world). */
export interface StoryClientSpec {
  readonly host: string;
  readonly url: string;
  readonly kind: "cli" | "backend";
  readonly identity: DeviceIdentity | null;
  readonly explicitToken?: string;
  readonly passiveToken?: string;
}

export interface Story {
  readonly name: string;
  readonly description: string;
  /** Virtual time the client under test runs for. */
  readonly runMs: number;
  /** Builds the world (synchronously: simulated parts only) and says who the client under test is. */
  prepare(world: World): StoryClientSpec;
}

export type ClientChoice = { readonly kind: "sim" } | { readonly kind: "real"; readonly module: RealGatewayClientModule };

export interface StoryVerdict {
  readonly attempts: number;
  readonly hellos: number;
  /** Virtual ms from the client's start to its first hello-ok; null when it never connected. */
  readonly helloAfterMs: number | null;
  readonly connected: boolean;
  readonly paused: boolean;
  readonly pausedDetailCode: string | null;
  /** Detail codes of the connect errors, in order (null for errors without one). */
  readonly errorDetailCodes: readonly (string | null)[];
  readonly reconnectDelaysMs: readonly number[];
  /** The device-auth file still holds an operator token for the client's identity. */
  readonly storedToken: boolean;
}

export interface StoryRun {
  readonly story: string;
  readonly client: ClientChoice["kind"];
  readonly verdict: StoryVerdict;
  readonly traceHash: string;
  readonly steps: number;
}

function worldWithGateway(world: World, options: { start?: boolean } = {}): void {
  world.addHost({ name: gatewayHost, kind: "lan" });
  world.addGateway({ name: "gateway", host: gatewayHost, port: gatewayPort, config: { auth: { mode: "token", token: tokenCurrent } }, start: options.start });
}

function waitUntilReady(world: World): void {
  world.runFor((world.profile.gateway.startupUnavailableMs ?? 0) + 1);
}

function identity(world: World): DeviceIdentity {
  return identityFromPrng(world.scheduler.stream("story:identity"));
}

/** Puts a device token in the gateway host's device-auth file, as a client that once paired would have. */
function writeStoredToken(world: World, device: DeviceIdentity, token: string): void {
  const key = `${gatewayHost}:user`;
  let file = world.deviceAuthFiles.get(key);
  if (!file) {
    file = new DeviceAuthFile();
    world.deviceAuthFiles.set(key, file);
  }
  file.deviceId = device.deviceId;
  file.tokens = { ...file.tokens, operator: { token, scopes: ["operator.read"] } };
}

export const stories: readonly Story[] = [
  {
    name: "happy-path",
    description: "cli on the gateway host, right token, new device: hello-ok",
    runMs: 10_000,
    prepare(world) {
      worldWithGateway(world);
      waitUntilReady(world);
      return { host: gatewayHost, url: loopbackUrl, kind: "cli", identity: identity(world), explicitToken: tokenCurrent };
    },
  },
  {
    name: "backend-deviceless",
    description: "gateway-client/backend with the token and no device identity",
    runMs: 10_000,
    prepare(world) {
      worldWithGateway(world);
      waitUntilReady(world);
      return { host: gatewayHost, url: loopbackUrl, kind: "backend", identity: null, explicitToken: tokenCurrent };
    },
  },
  {
    name: "seed-004-stale-token-paired",
    description: "device paired with the old token, token rotated, client keeps the old one in config: retry with the stored device token",
    runMs: 30_000,
    prepare(world) {
      worldWithGateway(world);
      waitUntilReady(world);
      const device = identity(world);
      const pairer = world.addClient({ name: "pairer", host: gatewayHost, client: { kind: "cli", url: loopbackUrl, identity: device, passiveToken: tokenCurrent } });
      world.runUntil(() => pairer.state.hellos > 0, 10_000);
      pairer.stop();
      world.runFor(1_000);
      world.gateway("gateway").sharedSecretChanged("gateway-token-rotated", undefined);
      return { host: gatewayHost, url: loopbackUrl, kind: "cli", identity: device, passiveToken: tokenCurrent };
    },
  },
  {
    name: "wrong-token-new-device",
    description: "wrong shared token, nothing stored: AUTH_TOKEN_MISMATCH with no device token to retry with",
    runMs: 60_000,
    prepare(world) {
      worldWithGateway(world);
      waitUntilReady(world);
      return { host: gatewayHost, url: loopbackUrl, kind: "cli", identity: identity(world), explicitToken: tokenStale };
    },
  },
  {
    name: "wrong-token-bogus-stored",
    description: "wrong shared token and a stored device token the gateway never issued: one 250 ms retry, then?",
    runMs: 60_000,
    prepare(world) {
      worldWithGateway(world);
      waitUntilReady(world);
      const device = identity(world);
      writeStoredToken(world, device, bogusDeviceToken);
      return { host: gatewayHost, url: loopbackUrl, kind: "cli", identity: device, explicitToken: tokenStale };
    },
  },
  {
    name: "device-token-mismatch",
    description: "no shared token, only a stored device token the gateway refuses: AUTH_DEVICE_TOKEN_MISMATCH",
    runMs: 60_000,
    prepare(world) {
      worldWithGateway(world);
      waitUntilReady(world);
      const device = identity(world);
      writeStoredToken(world, device, bogusDeviceToken);
      return { host: gatewayHost, url: loopbackUrl, kind: "cli", identity: device };
    },
  },
  {
    name: "gateway-down",
    description: "nothing listens on the port: refused connections back off",
    runMs: 40_000,
    prepare(world) {
      worldWithGateway(world, { start: false });
      return { host: gatewayHost, url: loopbackUrl, kind: "cli", identity: identity(world), explicitToken: tokenCurrent };
    },
  },
  {
    name: "gateway-starting",
    description: "client starts with the gateway, which answers UNAVAILABLE (startup-sidecars, retryAfterMs) at first",
    runMs: 20_000,
    prepare(world) {
      worldWithGateway(world);
      return { host: gatewayHost, url: loopbackUrl, kind: "cli", identity: identity(world), explicitToken: tokenCurrent };
    },
  },
  {
    name: "challenge-lost",
    description: "the first socket's connect.challenge never arrives: the client's challenge watchdog gives up on it and reconnects",
    runMs: 30_000,
    prepare(world) {
      worldWithGateway(world);
      waitUntilReady(world);
      world.network.hold({ connId: "c1", direction: "s2c", kinds: ["frame"] });
      return { host: gatewayHost, url: loopbackUrl, kind: "cli", identity: identity(world), explicitToken: tokenCurrent };
    },
  },
  {
    name: "remote-plaintext",
    description: "ws:// to a public address: the transport guard refuses before any socket",
    runMs: 10_000,
    prepare(world) {
      worldWithGateway(world);
      waitUntilReady(world);
      return { host: gatewayHost, url: `ws://203.0.113.10:${gatewayPort}`, kind: "cli", identity: identity(world), explicitToken: tokenCurrent };
    },
  },
];

export function findStory(name: string): Story | undefined {
  return stories.find((s) => s.name === name);
}

/** Builds the story's world, starts the chosen client as `client`, runs it, and reads the verdict. */
export async function runStory(story: Story, options: { seed: Seed; profile: Profile; client: ClientChoice }): Promise<{ world: World; run: StoryRun }> {
  const world = new World({ seed: options.seed, profile: options.profile });
  const spec = story.prepare(world);
  const startedAtMs = world.scheduler.nowMs();
  const credentials = { ...(spec.explicitToken ? { explicitToken: spec.explicitToken } : {}), ...(spec.passiveToken ? { passiveToken: spec.passiveToken } : {}) };
  if (options.client.kind === "real") {
    world.addRealClient({ name: clientUnderTest, host: spec.host, url: spec.url, kind: spec.kind, identity: spec.identity, module: options.client.module, ...credentials });
  } else {
    world.addClient({ name: clientUnderTest, host: spec.host, client: { kind: spec.kind, url: spec.url, identity: spec.identity, ...credentials } });
  }
  const outcome = await world.runForAsync(story.runMs);
  const verdict = verdictOf(world, spec, startedAtMs);
  return { world, run: { story: story.name, client: options.client.kind, verdict, traceHash: world.trace.hash(), steps: outcome.steps } };
}

function verdictOf(world: World, spec: StoryClientSpec, startedAtMs: number): StoryVerdict {
  const traced = world.trace.events.filter((e) => e.actor === clientUnderTest && e.kind === "client");
  const events = traced.map((e) => e.data as Record<string, unknown>);
  const firstHello = traced.find((e) => e.data["event"] === "hello");
  const named = (name: string) => events.filter((e) => e["event"] === name);
  let connected = false;
  let paused = false;
  let pausedDetailCode: string | null = null;
  for (const e of events) {
    if (e["event"] === "hello") [connected, paused] = [true, false];
    else if (e["event"] === "closed") connected = false;
    else if (e["event"] === "paused") [paused, pausedDetailCode] = [true, (e["detailCode"] as string | null) ?? null];
    else if (e["event"] === "resumed") paused = false;
  }
  const file = world.deviceAuthFiles.get(`${spec.host}:user`);
  const real = world.realClients.nodes.get(clientUnderTest);
  return {
    attempts: real ? real.attempts : world.client(clientUnderTest).state.attempts,
    hellos: named("hello").length,
    helloAfterMs: firstHello ? firstHello.atMs - startedAtMs : null,
    connected,
    paused,
    pausedDetailCode,
    errorDetailCodes: named("connect-error").map((e) => (e["detailCode"] as string | null) ?? null),
    reconnectDelaysMs: named("reconnect-scheduled").map((e) => e["delayMs"] as number),
    storedToken: Boolean(spec.identity && file?.deviceId === spec.identity.deviceId && file.tokens["operator"]),
  };
}
