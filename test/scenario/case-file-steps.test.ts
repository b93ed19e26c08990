// Scenario files with clients, faults, credential fixes, invariants and per-profile verdicts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseScenario, findProfile, parseCaseFile, runScenario, type CaseFile } from "../../src/index.ts";

const root = join(import.meta.dirname, "..", "..");

async function run(file: CaseFile, profile: string) {
  return runScenario(caseScenario(file), { seed: 1n, profile: findProfile(profile)! });
}

function parse(text: string): CaseFile {
  const parsed = parseCaseFile(text, "t.json");
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.file;
}

describe("scenario files: clients, faults, invariants, verdicts", () => {
  it("the seed-004 file fails under 2026.2.14 with retries-bounded and passes under the fix", async () => {
    const text = readFileSync(join(root, "scenarios", "files", "token-priority-regression.yaml"), "utf8");
    const parsed = parseCaseFile(text, "token-priority-regression.yaml");
    if (!parsed.ok) throw new Error(parsed.message);
    const buggy = await run(parsed.file, "2026.2.14");
    expect(buggy.verdict).toBe("fail");
    expect(buggy.expected).toBe("fail");
    expect(buggy.findings.map((f) => f.invariant)).toContain("retries-bounded");
    const fixed = await run(parsed.file, "2026.3");
    expect([fixed.verdict, fixed.expected]).toEqual(["pass", "pass"]);
  });

  it("a client stays paused after a wrong token and converges after its credentials are fixed", async () => {
    const file = parse(JSON.stringify({
      name: "fix-credentials",
      gateway: { auth: { mode: "token", token: "right" } },
      steps: [
        { client: { name: "svc", kind: "backend", passiveToken: "wrong" } },
        { wait: 30_000 },
        { expectClient: { name: "svc", connected: false, paused: true, attemptsMax: 1 } },
        { credentials: { client: "svc", passiveToken: "{{gatewayToken}}" } },
        { wait: 5_000 },
        { expectClient: { name: "svc", connected: true, attemptsMax: 2 } },
      ],
    }));
    const r = await run(file, "2026.9");
    expect(r.findings).toEqual([]);
  });

  it("faults: a partition keeps a LAN client out until healed; a gateway restart is survived", async () => {
    const file = parse(JSON.stringify({
      name: "faults",
      gateway: { auth: { mode: "token", token: "t" } },
      steps: [
        { fault: { partition: ["local", "lan"] } },
        { client: { name: "tui", kind: "tui", from: "lan", passiveToken: "{{gatewayToken}}" } },
        { wait: 20_000 },
        { expectClient: { name: "tui", connected: false } },
        { fault: { heal: true } },
        // The upgrade lost in the partition fails only at the 127 s connect timeout; then the client retries.
        { wait: 150_000 },
        { expectClient: { name: "tui", connected: true } },
        { fault: { restartGateway: { downMs: 2_000 } } },
        { wait: 30_000 },
        { expectClient: { name: "tui", connected: true } },
      ],
    }));
    expect((await run(file, "2026.3")).findings).toEqual([]);
  });

  it("reports a failed client expectation as a finding", async () => {
    const file = parse(JSON.stringify({
      name: "wrong-expectation",
      gateway: { auth: { mode: "token", token: "t" } },
      steps: [{ client: { name: "c", kind: "backend", passiveToken: "{{gatewayToken}}" } }, { wait: 3_000 }, { expectClient: { name: "c", connected: false } }],
    }));
    const r = await run(file, "2026.3");
    expect(r.findings.map((f) => f.message)).toEqual(["step 2 (client c): connected is true, expected false"]);
  });

  it.each([
    ['{"name":"x","invariants":["no-such"],"steps":[{"wait":1}]}', /at \/invariants\/0: unknown invariant 'no-such'/],
    ['{"name":"x","steps":[{"client":{"name":"c","kind":"robot"}}]}', /at \/steps\/0\/client\/kind: must be equal to one of the allowed values \(cli, tui, control-ui, node, backend\)/],
    ['{"name":"x","steps":[{"fault":{"drop":"often"}}]}', /at \/steps\/0\/fault\/drop: must match pattern/],
    ['{"name":"x","verdicts":{"2026.3":"maybe"},"steps":[{"wait":1}]}', /at \/verdicts\/2026.3: must be equal to one of the allowed values \(pass, fail\)/],
  ])("names the field of a malformed file: %s", (text, message) => {
    const parsed = parseCaseFile(text, "bad.json");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
