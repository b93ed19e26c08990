// trace.json carries the scenario: `pnpm sim replay trace.json` reproduces the hash from a folder that holds
// nothing else, and an edited embedded scenario is bad input (exit 2), not a finding.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findProfile, renderTraceJson, runScenario, specScenario, type RunSpec } from "../../src/index.ts";

const root = join(import.meta.dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");
const dir = mkdtempSync(join(tmpdir(), "clawsim-replay-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec: RunSpec = {
  name: "replay-anywhere",
  gateway: { auth: { mode: "token", token: "t" } },
  identities: ["laptop"],
  steps: [
    { client: { name: "svc", kind: "backend", from: "tailnet", identity: "laptop", passiveToken: "{{gatewayToken}}" } },
    { wait: 5_000 },
    { expectClient: { name: "svc", connected: true } },
  ],
};

describe("replay from trace.json alone", () => {
  it("reproduces the hash in an empty folder (file source path does not exist there)", async () => {
    const result = await runScenario(specScenario(spec), { seed: 11n, profile: findProfile("2026.9")!, source: { kind: "file", path: "/nowhere/replay-anywhere.yaml" } });
    expect(result.runSpec?.content).toEqual(spec);
    writeFileSync(join(dir, "trace.json"), renderTraceJson(result));
    const out = execFileSync(tsx, [join(root, "sim", "main.ts"), "replay", "trace.json"], { cwd: dir, encoding: "utf8" });
    expect(out).toContain("REPRODUCED");
    expect(out).toContain(`replayed ${result.traceHash}`);
  }, 60_000);

  it("an edited embedded scenario is bad input: one line, exit 2", async () => {
    const result = await runScenario(specScenario(spec), { seed: 11n, profile: findProfile("2026.3")! });
    const text = renderTraceJson(result).replace('"wait": 5000', '"wait": 6000');
    writeFileSync(join(dir, "edited.json"), text);
    const run = spawnSync(tsx, [join(root, "sim", "main.ts"), "replay", "edited.json"], { cwd: dir, encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/embedded scenario does not match its hash/);
  }, 60_000);
});
