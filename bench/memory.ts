// Heap after a run, measured with `--expose-gc` (a full collection before each reading), so the figure is the
// live data and not garbage waiting to be collected. Prints one JSON line.
import { findProfile, World } from "../src/index.ts";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  console.log(JSON.stringify({ error: "run with --expose-gc" }));
  process.exit(0);
}
const clients = Number(process.argv[2] ?? 500);
gc();
const before = process.memoryUsage().heapUsed;
const world = new World({ seed: 1n, profile: findProfile("2026.3")! });
world.addHost({ name: "gw", kind: "lan" });
world.addGateway({ name: "gateway", host: "gw", port: 18789, config: { auth: { mode: "token", token: "t" } } });
for (let i = 0; i < clients; i++) {
  world.addClient({ name: `c${i}`, host: "gw", client: { kind: "backend", url: "ws://127.0.0.1:18789", identity: null, passiveToken: "t" } });
}
world.runFor(60_000);
gc();
const after = process.memoryUsage().heapUsed;
const events = world.trace.events.length;
console.log(JSON.stringify({ clients, virtualMs: 60_000, events, heapMiB: Number(((after - before) / 1024 / 1024).toFixed(1)), bytesPerEvent: Math.round((after - before) / events), rssMiB: Math.round(process.memoryUsage().rss / 1024 / 1024) }));
