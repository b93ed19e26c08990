// Every switch of every profile says how it is known; the table has no entry for a switch that does not exist.
import { describe, expect, it } from "vitest";

import { explainProfile, explainSwitches, profileProvenance, profiles } from "../../src/index.ts";
import { findProfile } from "../../src/profiles/index.ts";

const releasePattern = /^(?:@openclaw\/gateway-client@)?\d{4}\.\d+\.\d+$/;

describe("profile provenance", () => {
  for (const profile of profiles) {
    it(`${profile.name}: every switch has provenance`, () => {
      const missing = explainSwitches(profile).filter((row) => row.provenance === undefined).map((r) => `${r.group}.${r.name}`);
      expect(missing).toEqual([]);
    });
    it(`${profile.name}: provenance names only existing switches and well-formed releases`, () => {
      const table = profileProvenance[profile.name]!;
      for (const group of ["gateway", "client", "service"] as const) {
        const switches = Object.keys(profile[group]);
        const stale = Object.keys(table[group]).filter((name) => !switches.includes(name));
        expect(stale, `${group} entries without a switch`).toEqual([]);
        for (const p of Object.values(table[group])) if (p?.kind === "recorded") expect(p.release).toMatch(releasePattern);
      }
    });
  }

  it("every profile has a provenance table and no table is orphaned", () => {
    expect(Object.keys(profileProvenance).sort()).toEqual(profiles.map((p) => p.name).sort());
  });

  it("explain lists every switch once with a count line that adds up", () => {
    const profile = findProfile("2026.9")!;
    const lines = explainProfile(profile);
    const total = Object.keys(profile.gateway).length + Object.keys(profile.client).length + Object.keys(profile.service).length;
    expect(lines[1]).toMatch(new RegExp(`^${total} switches: \\d+ recorded, \\d+ read, \\d+ assumed, 0 missing$`));
    expect(lines.filter((l) => l.startsWith("  gateway.protocolVersion = 4"))).toHaveLength(1);
  });

  it("a switch with no provenance is reported as missing (the check can fail)", () => {
    const profile = findProfile("2026.9")!;
    const extra = { ...profile, gateway: { ...profile.gateway, madeUpSwitch: true } };
    const rows = explainSwitches(extra as typeof profile).filter((r) => r.provenance === undefined);
    expect(rows.map((r) => r.name)).toEqual(["madeUpSwitch"]);
  });
});
