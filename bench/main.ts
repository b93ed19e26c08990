// `pnpm bench [--json] [--quick] [--real openclaw@<version>]`: speed, scale and memory of the simulator, as
// medians and ratios measured in one run on this machine. Rates come from tinybench; scale, chaos, memory and
// start-up pieces run in fresh child processes so each one's memory is its own. Wall time is read here only to
// report it; nothing is asserted on it. Absolute figures move with the machine's load: compare the ratios.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { runChild } from "./child.ts";
import { measureRates, mergeRates, roundsDefault, type RateSummary } from "./rates.ts";
import type { ChaosCrypto } from "./chaos-crypto.ts";
import { measureChaosLayers, type ChaosLayers } from "./chaos-layers.ts";
import type { KeyImport } from "./key-import.ts";
import type { ScaleResult } from "./scale.ts";

interface Args {
  json: boolean;
  quick: boolean;
  real: string | undefined;
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { json: false, quick: false, real: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") args.json = true;
    else if (a === "--quick") args.quick = true;
    else if (a === "--real") {
      const v = argv[++i];
      if (!v || !/^openclaw@\S+$/.test(v)) return "--real needs openclaw@<version>";
      args.real = v;
    } else return `unknown option '${a}' (pnpm bench [--json] [--quick] [--real openclaw@<version>])`;
  }
  return args;
}

type Failed = { error: string };
const failed = (v: unknown): v is Failed => typeof v === "object" && v !== null && "error" in v;

/** From this many clients a row streams its trace to a scratch NDJSON file and runs on Node's default heap, so its
 *  RSS is what a user's long run would take (the trace hash is the same streamed or not). */
const streamedFromClients = 10_000;

function scaleTable(args: Args): { deviceLess: (ScaleResult | Failed)[]; deviceSigned: (ScaleResult | Failed)[] } {
  const deviceLessCounts = args.quick ? [10, 100, 1_000] : [10, 100, 1_000, 10_000, 100_000];
  const deviceSignedCounts = args.quick ? [10, 100, 1_000] : [10, 100, 1_000, 10_000];
  // Issue 12's targets: 10,000 device-signed clients for a virtual hour, everything else for a virtual minute.
  const virtualMs = (n: number, devices: boolean) => (devices && n >= 10_000 ? "3600000" : "60000");
  const scratch = mkdtempSync(join(tmpdir(), "clawsim-bench-"));
  const run = (n: number, devices: boolean) => {
    const streamed = n >= streamedFromClients;
    const traceFile = join(scratch, `scale-${n}-${devices ? "devices" : "deviceless"}.ndjson`);
    try {
      return runChild<ScaleResult>("scale.ts", ["--clients", String(n), "--virtual-ms", virtualMs(n, devices), ...(devices ? ["--devices"] : []), ...(streamed ? ["--trace-file", traceFile] : [])], streamed ? [] : ["--max-old-space-size=4096"]);
    } finally {
      rmSync(traceFile, { force: true });
    }
  };
  try {
    return { deviceLess: deviceLessCounts.map((n) => run(n, false)), deviceSigned: deviceSignedCounts.map((n) => run(n, true)) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface ChaosRate {
  preset: string;
  profile: string;
  via: string;
  seeds: number;
  failing: number;
  rounds: number;
  seedsPerMinute: { workers1: number; workers2: number; twoProcesses: number };
  ratio: { workers2: number; twoProcesses: number };
  twoProcessCeiling: { alu: number; alloc: number };
  perRound: { workers1: number; workers2: number; twoProcesses: number; aluCeiling: number; allocCeiling: number }[];
}
interface Startup {
  tsxStartMs: number;
  simCliConnectMs: number;
  afterTsxStartMs: number;
  tsxShare: number;
  compiledCliConnectMs: number | null;
  cpuMs: { nodeStart: number; tsxStart: number; simCliConnect: number; compiledCliConnect: number | null };
}
interface Memory { clients: number; heapMiB: number; bytesPerEvent: number; events: number }
interface Real { version: string; deviceSignedPerSecond: number; deviceLessPerSecond: number; handshakes: number; paired: number }

function render(report: Report): string {
  const r = report.rates;
  const lines = [
    `clawsim bench — node ${report.node}, ${report.cpus} CPU(s) (${report.cpuModel}); ${r.rounds} rounds, medians; ratios are within one round`,
    "",
    `crypto-bound (node:crypto sign+verify, prebuilt keys): ${r.cryptoBoundPerSecond}/s`,
    ...Object.entries(r.deviceSignedPerSecond).map(([p, v]) => `device-signed handshakes, ${p} paired device(s): ${v}/s (×${r.deviceSignedVsCryptoBoundByPaired[p]} of crypto-bound)`),
    `device-less handshakes: ${r.deviceLessPerSecond}/s`,
    `deviceSignedVsCryptoBound: ${r.deviceSignedVsCryptoBound} (target ≥ 0.5; each paired count in a process of its own)`,
    `  with every world in one process: ${report.ratesOneProcess.deviceSignedVsCryptoBound} (${Object.entries(report.ratesOneProcess.deviceSignedVsCryptoBoundByPaired).map(([p, v]) => `${p} paired ×${v}`).join(", ")})`,
    failed(report.keyImport)
      ? `key import: failed: ${report.keyImport.error}`
      : `Ed25519 key import (µs, median): private DER ${report.keyImport.privateDerUs} vs JWK ${report.keyImport.privateJwkUs} (×${report.keyImport.privateDerVsJwk}), public DER ${report.keyImport.publicDerUs} vs JWK ${report.keyImport.publicJwkUs} (×${report.keyImport.publicDerVsJwk})`,
    "",
    `scale (one process each; a virtual minute, 10,000 device-signed clients a virtual hour; from ${streamedFromClients.toLocaleString("en-US")} clients the trace streams to disk on Node's default heap):`,
    "  clients  devices  virtual  events      events/s   µs/event  RSS MiB  connected  outcome",
    ...[...report.scale.deviceLess, ...report.scale.deviceSigned].map((s) =>
      failed(s)
        ? `  failed: ${s.error}`
        : `  ${String(s.clients).padStart(7)}  ${(s.devices ? "yes" : "no").padEnd(7)}  ${`${s.virtualMs / 1000} s`.padEnd(7)}  ${String(s.events).padEnd(10)}  ${String(s.eventsPerSecond).padEnd(9)}  ${String(s.usPerEvent).padEnd(8)}  ${String(s.rssPeakMiB).padEnd(7)}  ${String(s.connected).padEnd(9)}  ${s.outcome}${s.message ? ` (${s.message})` : ""}`,
    ),
    "",
    failed(report.chaos)
      ? `chaos: failed: ${report.chaos.error}`
      : `chaos, preset ${report.chaos.preset} under ${report.chaos.profile}, ${report.chaos.seeds} seeds (${report.chaos.failing} failing), medians of ${report.chaos.rounds} round(s): 1 worker ${report.chaos.seedsPerMinute.workers1} seeds/min, 2 workers ${report.chaos.seedsPerMinute.workers2} (×${report.chaos.ratio.workers2}), two 1-worker processes side by side ${report.chaos.seedsPerMinute.twoProcesses} (×${report.chaos.ratio.twoProcesses}); two copies of a control loop side by side: registers only ×${report.chaos.twoProcessCeiling.alu}, allocating ×${report.chaos.twoProcessCeiling.alloc}`,
    failed(report.chaosCrypto)
      ? `chaos crypto: failed: ${report.chaosCrypto.error}`
      : `chaos crypto, ${report.chaosCrypto.seeds} ${report.chaosCrypto.preset} seeds in one process: ${report.chaosCrypto.signsPerSeed} signs + ${report.chaosCrypto.verifiesPerSeed} verifies a seed; at node:crypto's ${report.chaosCrypto.signUs} µs + ${report.chaosCrypto.verifyUs} µs that is ${report.chaosCrypto.cryptoFloorMsPerSeed} ms a seed, at most ${report.chaosCrypto.cryptoOnlySeedsPerMinute} seeds/min a core if the rest cost nothing (in the run: ${report.chaosCrypto.cryptoInRunMsPerSeed} of ${report.chaosCrypto.msPerSeedInProcess} ms a seed)`,
    failed(report.chaosLayers)
      ? `chaos layers: failed: ${report.chaosLayers.error}`
      : `chaos layers, CPU ms a seed (all threads), ${report.chaosLayers.seeds} seeds, medians of ${report.chaosLayers.rounds} round(s): as run ${report.chaosLayers.cpuMsPerSeed.full}, without the trace hash ${report.chaosLayers.cpuMsPerSeed["no-hash"]}, also without invariants ${report.chaosLayers.cpuMsPerSeed["no-checks"]}, the simulation alone ${report.chaosLayers.cpuMsPerSeed.protocol}; 5,000 seeds/min on 2 cores allows ${report.chaosLayers.cpuBudgetMsPerSeed} (two full cores give at most ${report.chaosLayers.twoCoreSeedsPerMinuteAtMost.full} seeds/min as run, ${report.chaosLayers.twoCoreSeedsPerMinuteAtMost.protocol} for the simulation alone)`,
    failed(report.startup)
      ? `start-up: failed: ${report.startup.error}`
      : `start-up, sim cli-connect: through tsx ${report.startup.simCliConnectMs} ms wall (tsx start ${report.startup.tsxStartMs} ms + ${report.startup.afterTsxStartMs} ms), ${report.startup.cpuMs.simCliConnect} ms CPU; compiled bundle ${report.startup.compiledCliConnectMs ?? "not built"} ms wall, ${report.startup.cpuMs.compiledCliConnect ?? "-"} ms CPU; bare node ${report.startup.cpuMs.nodeStart} ms CPU`,
    failed(report.memory) ? `memory: failed: ${report.memory.error}` : `memory (--expose-gc): ${report.memory.clients} device-less clients for 60 virtual s: ${report.memory.heapMiB} MiB live heap, ${report.memory.bytesPerEvent} B/event over ${report.memory.events} events`,
  ];
  if (report.real) {
    lines.push(
      failed(report.real)
        ? `real gateway: failed: ${report.real.error}`
        : `real openclaw@${report.real.version}: device-signed ${report.real.deviceSignedPerSecond}/s, device-less ${report.real.deviceLessPerSecond}/s → simulated/real ×${report.realRatio?.deviceSigned} device-signed, ×${report.realRatio?.deviceLess} device-less`,
    );
  }
  return lines.join("\n");
}

interface Report {
  node: string;
  cpus: number;
  cpuModel: string;
  rates: RateSummary;
  /** The same tasks with every world in the bench's own process (the design before 2026-12-04 late). */
  ratesOneProcess: Pick<RateSummary, "deviceSignedVsCryptoBound" | "deviceSignedVsCryptoBoundByPaired" | "cryptoBoundPerSecond" | "deviceSignedPerSecond">;
  keyImport: KeyImport | Failed;
  scale: ReturnType<typeof scaleTable>;
  /** 1 worker, 2 workers and two independent processes, in paired rounds. */
  chaos: ChaosRate | Failed;
  chaosCrypto: ChaosCrypto | Failed;
  /** CPU per default seed with the trace hash, the invariants and the kept trace switched off in turn. */
  chaosLayers: ChaosLayers | Failed;
  startup: Startup | Failed;
  memory: Memory | Failed;
  real?: Real | Failed;
  realRatio?: { deviceSigned: number; deviceLess: number };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === "string") {
    console.error(`clawsim bench: ${args}`);
    return 2;
  }
  const progress = (what: string) => {
    if (!args.json) process.stderr.write(`… ${what}\n`);
  };
  progress("handshake rates against the crypto floor");
  // Each paired count in a process of its own (its floor measured around it there), as a user's run has one world;
  // then all of them in this one process, where every world's heap and trace share one collector (reported beside).
  const pairedCounts = args.quick ? [10, 500] : [10, 1_000, 4_000];
  const parts = pairedCounts.map((p, i) => runChild<RateSummary>("rates-child.ts", [String(roundsDefault), i === 0 ? "1" : "0", String(p)]));
  const failedPart = parts.find(failed);
  if (failedPart) throw new Error(`bench rates: ${failedPart.error}`);
  const rates = mergeRates(parts as RateSummary[]);
  progress("handshake rates, every world in one process");
  const shared = measureRates({ rounds: roundsDefault, pairedDevices: pairedCounts });
  const ratesOneProcess = { deviceSignedVsCryptoBound: shared.deviceSignedVsCryptoBound, deviceSignedVsCryptoBoundByPaired: shared.deviceSignedVsCryptoBoundByPaired, cryptoBoundPerSecond: shared.cryptoBoundPerSecond, deviceSignedPerSecond: shared.deviceSignedPerSecond };
  progress("key import");
  const keyImport = runChild<KeyImport>("key-import.ts", []);
  const real = args.real ? (progress(`real ${args.real}`), runChild<Real>("real.ts", [args.real, "200", "10"])) : undefined;
  progress("scale runs");
  const scale = scaleTable(args);
  progress("chaos");
  // Enough seeds that the CLI and worker start-up (≈ 0.3–0.6 s) and the JIT's warm-up do not decide the rate.
  const chaos = runChild<ChaosRate>("chaos-rate.ts", ["light", args.quick ? "120" : "600", args.quick ? "1" : "3"]);
  progress("chaos crypto");
  const chaosCrypto = runChild<ChaosCrypto>("chaos-crypto.ts", [args.quick ? "60" : "200"]);
  progress("chaos layers");
  const chaosLayers = measureChaosLayers(args.quick ? 80 : 300, args.quick ? 1 : 3);
  progress("start-up");
  const startup = runChild<Startup>("startup.ts", [args.quick ? "3" : "5"]);
  progress("memory");
  const memory = runChild<Memory>("memory.ts", ["500"], ["--expose-gc"]);
  const report: Report = {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    rates,
    ratesOneProcess,
    keyImport,
    scale,
    chaos,
    chaosCrypto,
    chaosLayers,
    startup,
    memory,
    ...(real ? { real } : {}),
    ...(real && !failed(real)
      ? { realRatio: { deviceSigned: Number((rates.deviceSignedPerSecond[String(rates.pairedDevices[0])]! / real.deviceSignedPerSecond).toFixed(1)), deviceLess: Number((rates.deviceLessPerSecond / real.deviceLessPerSecond).toFixed(1)) } }
      : {}),
  };
  console.log(args.json ? JSON.stringify(report, null, 2) : render(report));
  return 0;
}

main().then((code) => (process.exitCode = code));
