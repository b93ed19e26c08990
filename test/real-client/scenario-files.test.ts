// The real OpenClaw client playing the clients of the scenario files and the bug corpus (where it applies): same
// verdict as the simulated client under 2026.9, the real client really ran, and the trace hash is stable across
// two runs. A LAN client among them dials the gateway by its .local name (world.ts realClientUrl): the real
// client refuses plaintext ws:// to the simulation's documentation-range LAN addresses.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseScenario, parseCaseFile, runScenario, type CaseFile } from "../../src/index.ts";
import { realClientRefusal } from "../../sim/real-client/applicable.ts";
import { loaded, profile2026_9, realAvailable } from "./harness.ts";

const scenariosDir = join(import.meta.dirname, "..", "..", "scenarios");
const all = ["files", "bugs"].flatMap((d) => readdirSync(join(scenariosDir, d)).filter((f) => f.endsWith(".yaml")).map((f) => `${d}/${f}`));
// The files the real client can play, as `pnpm sim gate --client real` picks them.
const files = all.filter((f) => realClientRefusal(load(f)) === undefined);

function load(name: string): CaseFile {
  const parsed = parseCaseFile(readFileSync(join(scenariosDir, name), "utf8"), name);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.file;
}

describe("which scenario files the real client plays", () => {
  it("plays the client files and refuses the simulated-only ones with a reason", () => {
    expect(files).toContain("files/token-priority-regression.yaml");
    expect(files).toContain("bugs/revoke-keeps-session-55952.yaml");
    expect(realClientRefusal(load("files/client-upgrade.yaml"))).toMatch(/clientLife/);
    expect(realClientRefusal(load("files/connect-before-challenge.yaml"))).toMatch(/no client/);
    expect(realClientRefusal(load("files/chaos-episodes.yaml"))).toMatch(/relaunches/);
    expect(realClientRefusal(load("bugs/docker-published-port-61779.yaml"))).toMatch(/after an approval/);
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

describe.skipIf(!realAvailable)("the real client on the LAN", () => {
  const module = loaded.kind === "loaded" ? loaded.module : undefined;
  it("reaches the gateway at the RFC1918 stand-in of its LAN address (the simulated client keeps the address)", async () => {
    const scenario = caseScenario(load("bugs/revoke-keeps-session-55952.yaml"));
    const fixed = await runScenario(scenario, { seed: 7n, profile: profile2026_9, realClientModule: module });
    expect(fixed.verdict).toBe("pass");
    expect(JSON.stringify(fixed.events)).toContain("ws://192.168.2.10:18789");
    const sim = await runScenario(scenario, { seed: 7n, profile: profile2026_9 });
    expect(JSON.stringify(sim.events)).not.toContain("192.168.2.10");
    expect(JSON.stringify(sim.events)).toContain("192.0.2.10:18789");
  });
});
