// Same scenario + seed + profile → byte-identical trace; different seeds change interleavings.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { canonicalJson, findProfile, runScenario } from "../../src/index.ts";
import { findScenario } from "../../scenarios/index.ts";

const root = join(import.meta.dirname, "..", "..");
const scenario = findScenario("cli-connect")!;
const profile = findProfile("2026.3")!;

function simHash(args: string[]): string {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(root, "sim", "main.ts"), ...args, "--trace-hash"], { cwd: root, encoding: "utf8" });
  return out.trim().split("\n").at(-1)!;
}

describe("determinism", () => {
  it("gives the same trace hash twice in one process", async () => {
    const a = await runScenario(scenario, { seed: 99n, profile });
    const b = await runScenario(scenario, { seed: 99n, profile });
    expect(a.verdict).toBe("pass");
    expect(a.traceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.events.map((e) => canonicalJson(e))).toEqual(a.events.map((e) => canonicalJson(e)));
  });

  it("gives the same trace hash across two processes, matching the in-process run", async () => {
    const first = simHash(["cli-connect", "--seed", "424242", "--profile", "2026.3"]);
    const second = simHash(["cli-connect", "--seed", "424242", "--profile", "2026.3"]);
    const inProcess = await runScenario(scenario, { seed: 424242n, profile });
    expect(second).toBe(first);
    expect(first).toBe(inProcess.traceHash);
  });

  it("changes the interleaving of concurrent clients with the seed", async () => {
    const orders = new Set<string>();
    for (let seed = 1n; seed <= 12n; seed++) {
      const r = await runScenario(scenario, { seed, profile });
      expect(r.verdict).toBe("pass");
      const order = r.events.filter((e) => e.kind === "frame.deliver" && String(e.data["text"] ?? "").includes('"method":"connect"')).map((e) => String(e.data["connId"]));
      orders.add(order.join(","));
    }
    expect(orders.size).toBeGreaterThan(1);
  });
});
