// How much of a chaos seed is Ed25519 that no implementation can skip: the default preset's seeds are run in this
// process with the signing backend counted (every device proof a client signs, every proof the gateway verifies,
// every key derived), then node:crypto's sign and verify over prebuilt key objects are timed with tinybench in the
// same process. The crypto floor of a seed is its counts at those rates; 60,000 / that is the seeds per minute one
// core could not exceed even if everything else a seed does cost nothing. The counts are a property of the seeds
// (deterministic); the times are this machine's.
// `npx tsx bench/chaos-crypto.ts [seeds]` prints one JSON line.
import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import { Bench } from "tinybench";
import { nodeBackend, type Ed25519Backend } from "../src/crypto/ed25519.ts";
import { findPreset, findProfile } from "../src/index.ts";
import { runChaosPlan } from "../sim/chaos-run.ts";

export interface ChaosCrypto {
  readonly preset: string;
  readonly profile: string;
  readonly seeds: number;
  readonly signsPerSeed: number;
  readonly verifiesPerSeed: number;
  readonly keyDerivationsPerSeed: number;
  /** Wall ms per seed of the counted run, and of it inside the counted calls (cold, between the harness's work). */
  readonly msPerSeedInProcess: number;
  readonly cryptoInRunMsPerSeed: number;
  /** node:crypto, prebuilt key objects, tinybench median latency. */
  readonly signUs: number;
  readonly verifyUs: number;
  readonly cryptoFloorMsPerSeed: number;
  /** 60,000 / cryptoFloorMsPerSeed: one core spending a seed's crypto only. */
  readonly cryptoOnlySeedsPerMinute: number;
}

const pkcs8Prefix = Buffer.from("302e020100300506032b657004220420", "hex");

async function countSeeds(seeds: number, presetName: string, profileName: string): Promise<{ signs: number; verifies: number; keys: number; wallMs: number; inCallsMs: number }> {
  const preset = findPreset(presetName)!;
  const profile = findProfile(profileName)!;
  const backend = nodeBackend as { -readonly [K in keyof Ed25519Backend]: Ed25519Backend[K] };
  const original = { sign: backend.sign, verify: backend.verify, publicKeyFromSeed: backend.publicKeyFromSeed };
  const counts = { signs: 0, verifies: 0, keys: 0, wallMs: 0, inCallsMs: 0 };
  const timed = <T>(call: () => T): T => {
    const started = performance.now();
    try {
      return call();
    } finally {
      counts.inCallsMs += performance.now() - started;
    }
  };
  backend.sign = (seed, message) => (counts.signs++, timed(() => original.sign.call(backend, seed, message)));
  backend.verify = (publicKey, message, signature) => (counts.verifies++, timed(() => original.verify.call(backend, publicKey, message, signature)));
  backend.publicKeyFromSeed = (seed) => (counts.keys++, timed(() => original.publicKeyFromSeed.call(backend, seed)));
  const started = performance.now();
  try {
    // The default sweep's seeds (`pnpm sim chaos` starts at 424242).
    for (let i = 0; i < seeds; i++) await runChaosPlan(424_242n + BigInt(i), preset, profile);
  } finally {
    Object.assign(backend, original);
  }
  counts.wallMs = performance.now() - started;
  return counts;
}

function timeCrypto(): { signUs: number; verifyUs: number } {
  const priv = createPrivateKey({ key: Buffer.concat([pkcs8Prefix, Buffer.alloc(32, 7)]), format: "der", type: "pkcs8" });
  const pub = createPublicKey(priv);
  const message = Buffer.from(`v3|${"ab".repeat(32)}|cli|cli|operator|operator.read|1767225600000|bench-token|${"cd".repeat(18)}|linux|`);
  const signature = sign(null, message, priv);
  const bench = new Bench({ time: 500, warmupTime: 100 });
  bench.add("sign", () => sign(null, message, priv));
  bench.add("verify", () => verify(null, message, pub, signature));
  bench.runSync();
  const us = (name: string) => {
    const result = bench.getTask(name)?.result;
    if (!result || !("latency" in result)) throw new Error(`bench task ${name} did not complete`);
    return result.latency.p50 * 1000;
  };
  return { signUs: us("sign"), verifyUs: us("verify") };
}

export async function measureChaosCrypto(seeds: number, preset = "light", profile = "2026.9"): Promise<ChaosCrypto> {
  const counts = await countSeeds(seeds, preset, profile);
  const { signUs, verifyUs } = timeCrypto();
  const perSeed = (n: number) => Number((n / seeds).toFixed(1));
  const floorMs = (counts.signs * signUs + counts.verifies * verifyUs) / seeds / 1000;
  return {
    preset,
    profile,
    seeds,
    signsPerSeed: perSeed(counts.signs),
    verifiesPerSeed: perSeed(counts.verifies),
    keyDerivationsPerSeed: perSeed(counts.keys),
    msPerSeedInProcess: Number((counts.wallMs / seeds).toFixed(1)),
    cryptoInRunMsPerSeed: Number((counts.inCallsMs / seeds).toFixed(2)),
    signUs: Number(signUs.toFixed(1)),
    verifyUs: Number(verifyUs.toFixed(1)),
    cryptoFloorMsPerSeed: Number(floorMs.toFixed(2)),
    cryptoOnlySeedsPerMinute: Math.round(60_000 / floorMs),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measureChaosCrypto(Number(process.argv[2] ?? 200))));
