// Scale run: N clients against one gateway for a stretch of virtual time, in this process; prints one JSON line
// (events, wall time, µs/event, peak RSS, outcome). `npx tsx bench/scale.ts --clients 1000 --devices --virtual-ms 60000`
// Wall time and memory are read here only to report them.
import { crypto as clawCrypto, findProfile, World, type RunOutcome } from "../src/index.ts";
import type { ClientKind } from "../src/clients/index.ts";

export interface ScaleOptions {
  clients: number;
  devices: boolean;
  virtualMs: number;
  seed?: bigint;
  /** Stream the trace to this file past the in-memory threshold (NDJSON). */
  traceFile?: string;
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
  outcome: RunOutcome["kind"] | "crash";
  message?: string;
  traceHash: string;
}

const deviceKinds: readonly ClientKind[] = ["cli", "tui", "node", "backend"];

export function runScale(options: ScaleOptions): ScaleResult {
  const profile = findProfile("2026.9")!;
  const world = new World({ seed: options.seed ?? 1n, profile, budgets: { stepsMax: Number.MAX_SAFE_INTEGER, virtualTimeMsMax: options.virtualMs + 60_000 } });
  world.addHost({ name: "gw", kind: "lan" });
  world.addGateway({ name: "gateway", host: "gw", port: 18789, config: { auth: { mode: "token", token: "t" } } });
  for (let i = 0; i < options.clients; i++) {
    const kind = options.devices ? deviceKinds[i % deviceKinds.length]! : "backend";
    const identity = options.devices ? clawCrypto.identityFromSeed(seedBytes(i)) : null;
    world.addClient({ name: `c${i}`, host: "gw", user: `u${i}`, client: { kind, url: "ws://127.0.0.1:18789", identity, passiveToken: "t" } });
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
  } catch (error) {
    outcome = "crash";
    message = error instanceof Error ? error.message : String(error);
  }
  const wallMs = performance.now() - started;
  clearInterval(sample);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const events = world.trace.events.length;
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
    traceHash: world.trace.hash(),
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
  const result = runScale({ clients: Number(arg("--clients") ?? 100), devices: process.argv.includes("--devices"), virtualMs: Number(arg("--virtual-ms") ?? 60_000) });
  console.log(JSON.stringify(result));
}
