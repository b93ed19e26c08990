// `openclaw devices approve` falls back to writing the pairing files when its CLI cannot connect; the approval it
// writes must count for the approval invariants (until 2026-12-04 they saw only gateway answers, and this shrunk
// chaos world failed scopes-within-approval for a device the operator had approved).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseScenario, findProfile, parseCaseFile, runScenario } from "../../src/index.ts";

const file = join(import.meta.dirname, "..", "fixtures", "scenarios", "local-fallback-approval.yaml");

describe("an approval written through the CLI's local pairing fallback", () => {
  it("is seen by scopes-within-approval (the node and the CLI it approved connect without a finding)", async () => {
    const parsed = parseCaseFile(readFileSync(file, "utf8"), file);
    if (!parsed.ok) throw new Error(parsed.message);
    const result = await runScenario(caseScenario(parsed.file), { seed: 19n, profile: findProfile("2026.3.2")! });
    const fallbacks = result.events.filter((e) => e.kind === "host" && e.data["event"] === "devices.local-pairing-fallback" && e.data["approved"] === true);
    expect(fallbacks.length).toBeGreaterThan(0);
    expect(fallbacks[0]!.data["requestId"]).toEqual(expect.any(String));
    // The node's pairing was not silent (it is not local behind the trusted proxy): the approval was needed.
    const waited = result.events.find((e) => e.kind === "gateway" && e.data["event"] === "pairing.required" && e.data["silent"] === false);
    expect(waited?.data["requestId"]).toBe(fallbacks[0]!.data["requestId"]);
    expect(result.findings.map((f) => f.invariant)).toEqual([]);
    expect(result.verdict).toBe("pass");
  }, 60_000);
});
