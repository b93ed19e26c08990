// A failed RPC expectation in a scenario file says why the gateway answered as it did.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseScenario, findProfile, parseCaseFile, runScenario } from "../../src/index.ts";

const root = join(import.meta.dirname, "..", "..");

function load(name: string) {
  const parsed = parseCaseFile(readFileSync(join(root, "scenarios", "files", name), "utf8"), name);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.file;
}

describe("RPC expectations", () => {
  it("read-methods-after-hello fails under 2026.2.13 naming the refusal, passes under 2026.2.22", async () => {
    const file = load("read-methods-after-hello.yaml");
    const buggy = await runScenario(caseScenario(file), { seed: 1n, profile: findProfile("2026.2.13")! });
    expect(buggy.verdict).toBe("fail");
    expect(buggy.findings.map((f) => f.message)).toContain(
      'step 0 (dashboard): rpc 2 config.get ok=false, expected ok=true (missing scope: operator.admin)',
    );
    const fixed = await runScenario(caseScenario(file), { seed: 1n, profile: findProfile("2026.2.22")! });
    expect(fixed.findings).toEqual([]);
  });
});
