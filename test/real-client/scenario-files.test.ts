// The real OpenClaw client playing the clients of the scenario files (where it applies): same verdict as the
// simulated client under 2026.9, the real client really ran, and the trace hash is stable across two runs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseScenario, parseCaseFile, runScenario, type CaseFile } from "../../src/index.ts";
import { realClientRefusal } from "../../sim/real-client/applicable.ts";
import { loaded, profile2026_9, realAvailable } from "./harness.ts";

const dir = join(import.meta.dirname, "..", "..", "scenarios", "files");
const all = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
// The files the real client can play, as `pnpm sim gate --client real` picks them.
const files = all.filter((f) => realClientRefusal(load(f)) === undefined);

function load(name: string): CaseFile {
  const parsed = parseCaseFile(readFileSync(join(dir, name), "utf8"), name);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.file;
}

describe("which scenario files the real client plays", () => {
  it("plays the client files and refuses the simulated-only ones with a reason", () => {
    expect(files).toContain("token-priority-regression.yaml");
    expect(realClientRefusal(load("client-upgrade.yaml"))).toMatch(/clientLife/);
    expect(realClientRefusal(load("connect-before-challenge.yaml"))).toMatch(/no client/);
    expect(realClientRefusal(load("chaos-episodes.yaml"))).toMatch(/relaunches/);
    expect(files.length).toBeGreaterThan(3);
  });
});

describe.skipIf(!realAvailable)("scenario files with the real client (2026.9)", () => {
  const module = loaded.kind === "loaded" ? loaded.module : undefined;
  it.each(files)("%s: same verdict as the simulated client, stable trace", async (name) => {
    const file = load(name);
    const scenario = caseScenario(file);
    const sim = await runScenario(scenario, { seed: 7n, profile: profile2026_9 });
    const real = await runScenario(scenario, { seed: 7n, profile: profile2026_9, realClientModule: module });
    const again = await runScenario(scenario, { seed: 7n, profile: profile2026_9, realClientModule: module });
    expect(real.verdict).toBe(sim.verdict);
    expect(again.traceHash).toBe(real.traceHash);
    // The real client did run: its nodes record device-auth and connect events under the same names.
    expect(real.traceHash).not.toBe(sim.traceHash);
  });
});
