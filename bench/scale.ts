// Scale run: N clients against one gateway for a stretch of virtual time, in this process; prints one JSON line
// (events, wall time, µs/event, peak RSS, outcome). `npx tsx bench/scale.ts --clients 1000 --devices --virtual-ms 60000`
// Wall time and memory are read here only to report them.
import { openSync, writeSync, closeSync } from "node:fs";
import { crypto as clawCrypto, findProfile, Prng, World, type RunOutcome } from "../src/index.ts";
import { LimitReached } from "../src/kernel/index.ts";
import { kindDefaults, type ClientKind, type StoredDeviceTokens } from "../src/clients/index.ts";
import { approveDevicePairing, emptyPairingStore, requestDevicePairing, type PairingStore } from "../src/gateway/index.ts";
import { approveNodePairing, requestNodePairing } from "../src/gateway/node-pairing.ts";
import type { DeviceIdentity } from "../src/crypto/index.ts";

export interface ScaleOptions {
  clients: number;
  devices: boolean;
  virtualMs: number;
  seed?: bigint;
  /** Stream the trace to this file past the in-memory threshold (NDJSON). */
  traceFile?: string;
  /** Pair node-kind devices as nodes too (default true; false = the first connect of each node files a request). */
  pairNodes?: boolean;
  /** The run's connection budget (Budgets.connectionsMax; the library's default when absent). */
  connectionsMax?: number;
  /** Events kept in memory before streaming (with traceFile; default keepEventsDefault). */
  keepEventsMax?: number;
}

export interface ScaleResult {
  clients: number;
  devices: boolean;
  virtualMs: number;
  events: number;
  wallMs: number;
  eventsPerSecond: number;
  usPerEvent: number;
  rssPeakMiB: number;
  connected: number;
  /** "budget-exceeded" also when a budget is reached inside a step (the connection budget): `message` says which. */
  outcome: RunOutcome["kind"] | "crash";
  message?: string;
  traceHash: string;
}

/**
 * Events kept in memory before streaming: few, so an event dies young instead of being promoted to V8's old
 * generation and left there as garbage once streamed (measured in bench/README.md "Scale runs").
 */
export const keepEventsDefault = 8_192;

const deviceKinds: readonly ClientKind[] = ["cli", "tui", "node", "backend"];
/** The start ramp: every client has started within this much virtual time. */
const startRampMsMax = 30_000;

function clientsStartedPerMs(clients: number): number {
  return Math.max(1, Math.ceil(clients / startRampMsMax));
}

/** The devices, already paired (as after a first pairing on an earlier day), with their stored device tokens. */
function pairedDevices(count: number): { store: PairingStore; devices: { kind: ClientKind; identity: DeviceIdentity; tokens: StoredDeviceTokens }[] } {
  const store = emptyPairingStore();
  const prng = new Prng(99n, "bench:pairing");
  const devices = [];
  for (let i = 0; i < count; i++) {
    const kind = deviceKinds[i % deviceKinds.length]!;
    const d = kindDefaults[kind];
    const identity = clawCrypto.identityFromSeed(seedBytes(i));
    const request = { deviceId: identity.deviceId, publicKey: identity.publicKeyBase64Url, clientId: d.clientId, clientMode: d.mode, role: d.role, roles: [d.role], scopes: [...d.scopes], platform: d.platform };
    const pending = requestDevicePairing({ store, request, policy: "merge", nowMs: 0, prng }).request;
    const paired = approveDevicePairing(store, pending.requestId, 0, prng)!;
    const token = paired.tokens[d.role]!;
    devices.push({ kind, identity, tokens: { [d.role]: { token: token.token, scopes: token.scopes } } });
  }
  return { store, devices };
}

export function runScale(options: ScaleOptions): ScaleResult {
  const profile = findProfile("2026.9")!;
  const fd = options.traceFile ? openSync(options.traceFile, "w") : undefined;
  const traceSpill = fd === undefined ? undefined : { keepEventsMax: options.keepEventsMax ?? keepEventsDefault, write: (lines: string) => void writeSync(fd, lines) };
  const world = new World({ seed: options.seed ?? 1n, profile, traceSpill, budgets: { stepsMax: Number.MAX_SAFE_INTEGER, virtualTimeMsMax: options.virtualMs + 60_000, ...(options.connectionsMax ? { connectionsMax: options.connectionsMax } : {}) } });
  world.addHost({ name: "gw", kind: "lan" });
  const paired = options.devices ? pairedDevices(options.clients) : undefined;
  const gateway = world.addGateway({ name: "gateway", host: "gw", port: 18789, config: { auth: { mode: "token", token: "t" } }, ...(paired ? { store: paired.store } : {}) });
  // Node-kind devices are paired as nodes too (same day-two assumption). Unpaired, each node's first connect files a
  // node pairing request broadcast to every operator with pairing scope: 2,500 nodes x 7,500 operators at N = 10,000
  // is ~19 M frames before the first virtual minute ends, which is the protocol, not the simulator.
  if (paired && options.pairNodes !== false) {
    let n = 0;
    for (const device of paired.devices) {
      const d = kindDefaults[device.kind];
      if (d.commands === undefined) continue;
      const { request } = requestNodePairing(gateway.nodesFile, { nodeId: device.identity.deviceId, commands: [...d.commands], platform: d.platform }, 0, () => `bench-node-${n++}`);
      approveNodePairing(gateway.nodesFile, request.requestId, 0);
    }
  }
  for (let i = 0; i < options.clients; i++) {
    const device = paired?.devices[i];
    const client = device
      ? { kind: device.kind, url: "ws://127.0.0.1:18789", identity: device.identity, passiveToken: "t", storedTokens: device.tokens, storedTokensDeviceId: device.identity.deviceId }
      : { kind: "backend" as const, url: "ws://127.0.0.1:18789", identity: null, passiveToken: "t" };
    const node = world.addClient({ name: `c${i}`, host: "gw", user: `u${i}`, client, start: false });
    // A fleet does not start in one millisecond: the gateway admits 32 unauthenticated sockets per address.
    world.scheduler.schedule(Math.floor(i / clientsStartedPerMs(options.clients)), { actor: `c${i}`, label: "bench.start" }, () => node.start());
  }
  let rssPeak = process.memoryUsage().rss;
  const sample = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  let outcome: ScaleResult["outcome"];
  let message: string | undefined;
  try {
    const sliceMs = 1_000;
    let last: RunOutcome = { kind: "quiescent", steps: 0, atMs: 0 };
    for (let t = 0; t < options.virtualMs && last.kind !== "budget-exceeded"; t += sliceMs) {
      last = world.runFor(Math.min(sliceMs, options.virtualMs - t));
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    }
    outcome = last.kind;
    if (last.kind === "budget-exceeded") message = `${last.budget} budget reached at virtual ${last.atMs} ms`;
  } catch (error) {
    if (error instanceof LimitReached) {
      // As the scenario runner reports it: a liveness finding of the run, not a crash of the simulator.
      outcome = "budget-exceeded";
      message = `${error.budget} budget reached at virtual ${error.atMs} ms (connections held at once: live, or closed with something pending)`;
    } else {
      outcome = "crash";
      message = error instanceof Error ? error.message : String(error);
    }
  }
  const wallMs = performance.now() - started;
  clearInterval(sample);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const events = world.trace.length;
  const traceHash = world.trace.hash();
  world.trace.flush();
  if (fd !== undefined) closeSync(fd);
  let connected = 0;
  for (const name of world.clients.keys()) if (world.clientStatus(name).connected) connected++;
  return {
    clients: options.clients,
    devices: options.devices,
    virtualMs: options.virtualMs,
    events,
    wallMs: Math.round(wallMs),
    eventsPerSecond: Math.round(events / (wallMs / 1000)),
    usPerEvent: Number(((wallMs * 1000) / events).toFixed(2)),
    rssPeakMiB: Math.round(rssPeak / 1024 / 1024),
    connected,
    outcome,
    ...(message ? { message } : {}),
    traceHash,
  };
}

function seedBytes(i: number): Uint8Array {
  const bytes = new Uint8Array(32);
  new DataView(bytes.buffer).setUint32(0, i + 1);
  bytes[31] = 0x5a;
  return bytes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const traceFile = arg("--trace-file");
  const result = runScale({ clients: Number(arg("--clients") ?? 100), devices: process.argv.includes("--devices"), virtualMs: Number(arg("--virtual-ms") ?? 60_000), pairNodes: !process.argv.includes("--unpaired-nodes"), ...(arg("--connections-max") ? { connectionsMax: Number(arg("--connections-max")) } : {}), ...(arg("--keep-events") ? { keepEventsMax: Number(arg("--keep-events")) } : {}), ...(traceFile ? { traceFile } : {}) });
  console.log(JSON.stringify(result));
}
