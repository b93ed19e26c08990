// Open bugs (src/profiles/open-bugs.ts): each one's scenario fails under every profile that carries it, for the
// bug's reason, and passes once its fix is applied — the same test a fixed release would get in
// scenarios/bugs/, with the fix as switch values because no release has it yet.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findFixedVariant, findProfile, openBugs, openBugsOf, profiles, parseRunSpec, runScenario, specScenario, withOpenBugsFixed, type Profile } from "../../src/index.ts";

const root = join(import.meta.dirname, "..", "..");

describe.each(openBugs.map((b) => ({ ...b, label: b.name })))("open bug $label", (bug) => {
  const parsed = parseRunSpec(readFileSync(join(root, bug.file), "utf8"), bug.file);
  if (!parsed.ok) throw new Error(parsed.message);
  const spec = parsed.spec;
  const run = (profile: Profile) => runScenario(specScenario(spec), { seed: spec.seed !== undefined ? BigInt(spec.seed) : 424242n, profile });

  for (const name of bug.profiles) {
    it(`fails under ${name} on retries-bounded, and passes with the fix`, async () => {
      const profile = findProfile(name)!;
      expect(openBugsOf(profile).map((b) => b.name)).toContain(bug.name);
      const buggy = await run(profile);
      expect(buggy.verdict).toBe("fail");
      expect([...new Set(buggy.findings.map((f) => f.invariant))]).toEqual(["retries-bounded"]);
      const fixed = await run(withOpenBugsFixed(profile));
      expect(fixed.findings).toEqual([]);
      expect(fixed.verdict).toBe("pass");
    });
  }

  it("is a profile's only difference from its fixed form", () => {
    const p = findProfile(bug.profiles[0]!)!;
    const fixed = withOpenBugsFixed(p);
    const changed = (a: object, b: object) => Object.keys(a).filter((k) => JSON.stringify((a as Record<string, unknown>)[k]) !== JSON.stringify((b as Record<string, unknown>)[k]));
    expect([...changed(p.client, fixed.client), ...changed(p.gateway, fixed.gateway)].sort()).toEqual(
      [...Object.keys(bug.fix.client ?? {}), ...Object.keys(bug.fix.gateway ?? {})].sort(),
    );
    expect(fixed.name).toBe(p.name);
  });
});

describe("open bugs and profiles", () => {
  it("'<profile>+fixed' names the profile with its open bugs fixed; nothing else resolves", () => {
    const fixed = findFixedVariant("2026.9+fixed", profiles)!;
    expect(fixed.name).toBe("2026.9+fixed");
    expect(fixed.client).toEqual(withOpenBugsFixed(findProfile("2026.9")!).client);
    expect(findFixedVariant("2026.9", profiles)).toBeUndefined();
    expect(findFixedVariant("2099.1+fixed", profiles)).toBeUndefined();
  });

  it("a profile without open bugs is left as it is", () => {
    const p = findProfile("2026.4")!;
    expect(openBugsOf(p)).toEqual([]);
    expect(withOpenBugsFixed(p)).toBe(p);
  });
});
