// Single-switch mutants: one per switch of every group, each differing from its parent in exactly that switch,
// every equivalence claim naming a real switch; mutants resolve by name for replay commands.
import { describe, expect, it } from "vitest";
import { equivalentMutants, findMutant, findProfile, profiles, singleSwitchMutants, withOpenBugsFixed } from "../../src/index.ts";

const parent = findProfile("2026.9")!;

describe("single-switch mutants", () => {
  const mutants = singleSwitchMutants(parent);

  it("flip every switch of every group once", () => {
    const expected = (["gateway", "client", "service"] as const).flatMap((g) => Object.keys(parent[g]).map((k) => `${g}.${k}`)).sort();
    expect(mutants.map((m) => `${m.group}.${m.switchName}`).sort()).toEqual(expected);
  });

  it("differ from the parent in exactly their own switch", () => {
    for (const m of mutants) {
      for (const group of ["gateway", "client", "service"] as const) {
        for (const [key, value] of Object.entries(parent[group])) {
          const mutated = (m.profile[group] as unknown as Record<string, unknown>)[key];
          const own = m.group === group && m.switchName === key;
          if (own) expect(mutated, m.name).not.toEqual(value);
          else expect(mutated, `${m.name}: ${group}.${key}`).toEqual(value);
        }
      }
    }
  });

  it("claims equivalence only for real switches, with a reason", () => {
    const names = new Set(mutants.map((m) => `${m.group}.${m.switchName}`));
    for (const [key, reason] of Object.entries(equivalentMutants)) {
      expect(names.has(key), key).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it("resolve by profile name, made from the parent with its open bugs fixed (as the kill-rate gate makes them)", () => {
    const judged = singleSwitchMutants(withOpenBugsFixed(parent));
    const m = judged[3]!;
    expect(findMutant(m.profile.name, profiles)).toEqual(m.profile);
    // The mutant that flips the open bug's fix back is 2026.9 as released.
    const bugBack = judged.find((x) => x.name === "client.pendingRetryDroppedWithoutStoredToken=false")!;
    expect(findMutant(bugBack.profile.name, profiles)).toEqual({ ...parent, name: bugBack.profile.name });
    expect(findMutant("2026.9~gateway.nope", profiles)).toBeUndefined();
    expect(findMutant("2026.9", profiles)).toBeUndefined();
  });
});
