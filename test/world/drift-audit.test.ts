// The service drift audit on a legacy unit (spec §9.2), run as `openclaw doctor` through the operator node:
// which codes each release reports for an embedded / stale / missing service token, that a token only coming
// from an EnvironmentFile does not count as embedded, and that `gateway restart` warns about drift where the
// release knows the check. Every command shows up in the trace as an `operator` event with its command line.
import { describe, expect, it } from "vitest";
import { installServiceUnit, op, withEnvironmentFile, withServiceUnit, type Machine } from "../../src/host/index.ts";
import type { OperatorRun, World } from "../../src/world/index.ts";
import { addGatewayMachine, newWorld, profile, tokenConfig } from "../seeds/story.ts";

type UnitKind = "embedded-current" | "embedded-stale" | "tokenless" | "environment-file";

function unitFor(kind: UnitKind): (m: Machine) => Machine {
  const legacy = profile("2026.2.14").service;
  const fixed = profile("2026.3").service;
  switch (kind) {
    case "embedded-current":
      return (m) => withServiceUnit(m, installServiceUnit({ config: tokenConfig("T2"), switches: legacy, version: "2026.2.14" }));
    case "embedded-stale":
      return (m) => withServiceUnit(m, installServiceUnit({ config: tokenConfig("T1"), switches: legacy, version: "2026.2.14" }));
    case "tokenless":
      return (m) => withServiceUnit(m, installServiceUnit({ config: tokenConfig("T2"), switches: fixed, version: "2026.3" }));
    case "environment-file": {
      const path = "/home/operator/.config/openclaw/gateway.env";
      const unit = installServiceUnit({ config: tokenConfig("T2"), switches: fixed, version: "2026.3", environmentFiles: [{ path, optional: false }] });
      return (m) => withEnvironmentFile(withServiceUnit(m, unit), path, { OPENCLAW_GATEWAY_TOKEN: "T1" });
    }
  }
}

function doctor(profileName: string, unit: UnitKind): { world: World; run: OperatorRun; codes: string[] } {
  const world = newWorld(profileName);
  addGatewayMachine(world, { config: tokenConfig("T2"), machine: unitFor(unit) });
  const run = world.operator("gw", op.doctor());
  const codes = run.outcome.kind === "doctor" ? run.outcome.findings.map((f) => f.code) : [];
  return { world, run, codes };
}

describe("service drift audit on a legacy unit", () => {
  const table: [string, UnitKind, string[]][] = [
    ["2026.2.14", "embedded-stale", ["gateway-token-mismatch"]],
    ["2026.2.14", "embedded-current", []],
    // The earliest audit expected the unit to carry the token: a tokenless unit is "service token is missing".
    ["2026.2.14", "tokenless", ["gateway-token-mismatch"]],
    ["2026.3", "embedded-stale", ["gateway-token-embedded", "gateway-token-mismatch", "gateway-token-drift"]],
    ["2026.3", "embedded-current", ["gateway-token-embedded"]],
    ["2026.3", "tokenless", []],
    ["2026.3", "environment-file", []],
  ];
  for (const [profileName, unit, expected] of table) {
    it(`${profileName}, ${unit} unit: doctor reports [${expected.join(", ")}]`, () => {
      const { codes, run } = doctor(profileName, unit);
      expect(codes).toEqual(expected);
      expect(run.line).toBe("openclaw doctor");
    });
  }

  it("the stale/missing details say which", () => {
    expect(doctor("2026.2.14", "embedded-stale").run.outcome).toMatchObject({ findings: [{ detail: "service token is stale" }] });
    expect(doctor("2026.2.14", "tokenless").run.outcome).toMatchObject({ findings: [{ detail: "service token is missing" }] });
  });

  it("a token from an EnvironmentFile is not embedded, but it is what the service starts with (env-first under 2026.2.14)", () => {
    const { world } = doctor("2026.2.14", "environment-file");
    expect(world.startGatewayService("gw")).toMatchObject({ kind: "started", auth: { token: "T1", tokenSource: "env:OPENCLAW_GATEWAY_TOKEN" } });
    const fixed = doctor("2026.3", "environment-file").world;
    expect(fixed.startGatewayService("gw")).toMatchObject({ kind: "started", auth: { token: "T2", tokenSource: "config:gateway.auth.token" } });
  });

  it("`gateway restart` warns about drift only where the release has the check", () => {
    const warnings = (profileName: string) => {
      const { world } = doctor(profileName, "embedded-stale");
      const restart = world.operator("gw", op.gatewayRestart());
      return restart.outcome.kind === "restarted" ? restart.outcome.warnings.map((w) => w.code) : null;
    };
    expect(warnings("2026.3")).toEqual(["gateway-token-drift"]);
    expect(warnings("2026.2.14")).toEqual([]);
  });

  it("each command is an `operator` trace event carrying its command line and findings", () => {
    const { world } = doctor("2026.3", "embedded-stale");
    world.operator("gw", op.doctor({ fix: true }));
    const events = world.trace.events.filter((e) => e.kind === "operator");
    expect(events.map((e) => e.data["command"])).toEqual(["openclaw doctor", "openclaw doctor --fix"]);
    expect(events[0]?.data).toMatchObject({ machine: "gw", outcome: "doctor", findings: ["gateway-token-embedded", "gateway-token-mismatch", "gateway-token-drift"], repair: null });
    expect(events[1]?.data).toMatchObject({ repair: "repaired" });
    expect(doctor("2026.3", "embedded-stale").world.operator("gw", op.doctor({ fix: true })).gatewayStarts).toMatchObject([{ kind: "started", auth: { token: "T2" } }]);
  });
});
