// The §10 cases of the real test suite, as declarative scenario files: each must pass under 2026.3,
// and each file's expectations must be able to fail (a flipped expectation produces a finding).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseScenario, findProfile, parseCaseFile, runScenario } from "../../src/index.ts";

const dir = join(import.meta.dirname, "..", "..", "scenarios", "cases");
const files = readdirSync(dir).filter((f) => f.startsWith("s10-"));

describe("§10 cases as scenario files (2026.3)", () => {
  it("covers the §10 table", () => {
    const text = files.map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
    for (const n of [2, 4, 5, 7, 8, 9, 10, 12, 13, 14, 15, 17, 19, 20, 26, 30, 31, 33, 36, 39]) expect(text, `case #${n}`).toMatch(new RegExp(`["\\s]${n}[a-e]?-`));
  });

  it.each(files)("%s passes", async (file) => {
    const parsed = parseCaseFile(readFileSync(join(dir, file), "utf8"), file);
    if (!parsed.ok) throw new Error(parsed.message);
    const result = await runScenario(caseScenario(parsed.file), { seed: 424242n, profile: findProfile(parsed.file.profile ?? "2026.3")! });
    expect(result.findings).toEqual([]);
    expect(result.verdict).toBe("pass");
  });

  it("reports a finding when an expectation does not hold", async () => {
    const text = readFileSync(join(dir, "s10-device-proof.yaml"), "utf8").replace("DEVICE_AUTH_NONCE_MISMATCH", "DEVICE_AUTH_SIGNATURE_INVALID");
    const parsed = parseCaseFile(text, "flipped.yaml");
    if (!parsed.ok) throw new Error(parsed.message);
    const result = await runScenario(caseScenario(parsed.file), { seed: 1n, profile: findProfile("2026.3")! });
    expect(result.verdict).toBe("fail");
    expect(result.findings[0]?.message).toMatch(/error\.details\.code is "DEVICE_AUTH_NONCE_MISMATCH", expected "DEVICE_AUTH_SIGNATURE_INVALID"/);
  });

  it.each([
    ['{"steps":[]}', /at \(top level\): must have required property 'name'/],
    ['{"name":"x","steps":[{"wait":-1}]}', /at \/steps\/0\/wait: must be >= 0/],
    ['{"name":"x","gateway":{"auth":{"mode":"magic"}},"steps":[{"wait":1}]}', /at \/gateway\/auth\/mode: must be equal to one of the allowed values \(none, token, password, trusted-proxy\)/],
    ['{"name":"x","steps":[{"wait":1,"operator":{"action":"restart-gateway"}}]}', /at \/steps\/0: a step has exactly one of/],
    ["{not json", /not valid JSON/],
  ])("names the field of a malformed file: %s", (text, message) => {
    const parsed = parseCaseFile(text, "bad.json");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
