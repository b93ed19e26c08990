// `pnpm bench`: speed and memory of the simulator, reported as medians and ratios measured in one run.
// Wall time is read here only to report how long things took; nothing is asserted on it.
import { findProfile, runScenario, World, type Attempt } from "../src/index.ts";
import { findScenario } from "../scenarios/index.ts";

const rounds = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function handshakes(count: number, withDevice: boolean): { wallMs: number; virtualMs: number } {
  const profile = findProfile("2026.9")!;
  const world = new World({ seed: 7n, profile });
  world.addHost({ name: "gw", kind: "lan" });
  world.addGateway({ name: "gateway", host: "gw", port: 18789, config: { auth: { mode: "token", token: "t" } } });
  world.runFor(profile.gateway.startupUnavailableMs ?? 0);
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const seed = (i + 1).toString(16).padStart(64, "0");
    const attempt: Attempt = {
      name: `h${i}`,
      connect: { params: { minProtocol: 4, maxProtocol: 4, client: { id: "cli", version: "1", platform: "linux", mode: "cli" }, role: "operator", scopes: ["operator.read"], auth: { token: "{{gatewayToken}}" } } },
      ...(withDevice ? { device: { identitySeed: seed, payloadVersion: "v3" as const } } : {}),
    };
    const h = world.attempt({ fromHost: "gw", url: "ws://127.0.0.1:18789", port: 18789, gatewayToken: "t", identities: {}, attempt });
    world.runUntil(() => h.outcome !== undefined, 60_000);
  }
  return { wallMs: performance.now() - start, virtualMs: world.scheduler.nowMs() };
}

async function main(): Promise<void> {
  console.log(`clawsim bench: ${rounds} rounds each, medians; node ${process.version}`);
  const scenario = findScenario("cli-connect")!;
  const profile = findProfile("2026.3")!;
  const scenarioMs: number[] = [];
  const events: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    const result = await runScenario(scenario, { seed: BigInt(r + 1), profile });
    scenarioMs.push(performance.now() - t);
    events.push(result.events.length);
  }
  console.log(`cli-connect scenario: median ${median(scenarioMs).toFixed(1)} ms wall, ${median(events)} trace events`);
  for (const withDevice of [false, true]) {
    const perSecond: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const { wallMs } = handshakes(200, withDevice);
      perSecond.push(200 / (wallMs / 1000));
    }
    const real = withDevice ? 27.5 : 240; // spec §13: real gateway on this machine (device-signed 8–47/s, device-less ≈ 240/s)
    const m = median(perSecond);
    console.log(`${withDevice ? "device-signed" : "device-less  "} handshakes: median ${m.toFixed(0)}/s wall; real openclaw@2026.9.6 ≈ ${real}/s → ratio ${(m / real).toFixed(1)}×`);
  }
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const world = new World({ seed: 1n, profile: findProfile("2026.3")! });
  world.addHost({ name: "gw", kind: "lan" });
  world.addGateway({ name: "gateway", host: "gw", port: 18789, config: { auth: { mode: "token", token: "t" } } });
  for (let i = 0; i < 500; i++) world.addClient({ name: `c${i}`, host: "gw", client: { kind: "backend", url: "ws://127.0.0.1:18789", identity: null, passiveToken: "t" } });
  world.runFor(60_000);
  const after = process.memoryUsage().heapUsed;
  console.log(`500 connected device-less clients for 60 virtual s: ${((after - before) / 1024 / 1024).toFixed(1)} MiB heap, ${world.trace.events.length} trace events (${((after - before) / world.trace.events.length).toFixed(0)} B/event)`);
}

void main();
