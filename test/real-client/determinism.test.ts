// Same seed, same trace: the real client inside the world is as reproducible as the simulated one — twice in
// one process, and in a fresh process (the compare CLI under tsx) — and a different seed changes the trace.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { realAvailable, runReal } from "./harness.ts";

const root = join(import.meta.dirname, "..", "..");
const tsxCli = join(root, "node_modules", "tsx", "dist", "cli.mjs");

function hashInFreshProcess(story: string, seed: bigint): string {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")));
  const out = execFileSync(process.execPath, [tsxCli, "sim/real-client/compare.ts", "--json", "--story", story, "--seed", seed.toString()], { cwd: root, env, encoding: "utf8", timeout: 120_000 });
  const parsed = JSON.parse(out) as { stories: { real: { traceHash: string } }[] };
  return parsed.stories[0]!.real.traceHash;
}

describe.skipIf(!realAvailable)("real-client determinism", () => {
  it("the same seed gives the same trace hash twice in one process (reconnects, pause, token writes included)", async () => {
    for (const story of ["wrong-token-bogus-stored", "gateway-down", "gateway-starting"]) {
      const a = await runReal(story, 7n);
      const b = await runReal(story, 7n);
      expect(a.run.steps).toBeGreaterThan(5);
      expect(b.run.traceHash).toBe(a.run.traceHash);
      expect(b.world.trace.canonical()).toBe(a.world.trace.canonical());
    }
  });

  it("a different seed gives a different trace (nonces, request ids, tie-breaks come from the seed)", async () => {
    const a = await runReal("seed-004-stale-token-paired", 7n);
    const b = await runReal("seed-004-stale-token-paired", 8n);
    expect(b.run.traceHash).not.toBe(a.run.traceHash);
    const { helloAfterMs: aAfter, ...aVerdict } = a.run.verdict;
    const { helloAfterMs: bAfter, ...bVerdict } = b.run.verdict;
    expect(bVerdict).toEqual(aVerdict);
    expect(Math.abs((bAfter ?? 0) - (aAfter ?? 0))).toBeLessThan(50);
  });

  it("request ids are drawn from the seed, not from crypto.randomUUID", async () => {
    const ids = async (seed: bigint) => {
      const { world } = await runReal("happy-path", seed);
      return world.trace.events
        .filter((e) => e.kind === "frame.send" && typeof e.data["text"] === "string" && (e.data["text"] as string).includes('"method":"connect"'))
        .map((e) => (JSON.parse(e.data["text"] as string) as { id: string }).id);
    };
    const first = await ids(11n);
    expect(first).toHaveLength(1);
    expect(await ids(11n)).toEqual(first);
  });

  it("the same seed gives the same hash in a fresh process", async () => {
    const here = await runReal("seed-004-stale-token-paired", 99n);
    expect(hashInFreshProcess("seed-004-stale-token-paired", 99n)).toBe(here.run.traceHash);
  });
});
