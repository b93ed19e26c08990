import { describe, expect, it } from "vitest";
import type { ServiceSwitches } from "../../src/profiles/types.ts";
import {
  auditService,
  configFileFromConfig,
  configFileFromText,
  configGet,
  configSet,
  installServiceUnit,
  readEmbeddedGatewayToken,
  repairService,
  truncateConfigFile,
  type ConfigFile,
  type GatewayConfig,
} from "../../src/host/index.ts";

const allCodes = ["gateway-token-embedded", "gateway-token-mismatch", "gateway-token-drift"] as const;
const legacy: ServiceSwitches = { unitEmbedsToken: true, serviceTokenResolution: "env-first", auditCodes: allCodes, doctorRepair: "naive", customBindFallback: "all", containerDetection: "none", tokenBootstrap: "refuse", configSchemaGaps: [] };
const proposed: ServiceSwitches = { unitEmbedsToken: false, serviceTokenResolution: "config-first-in-service", auditCodes: allCodes, doctorRepair: "naive", customBindFallback: "all", containerDetection: "none", tokenBootstrap: "refuse", configSchemaGaps: [] };
const landed: ServiceSwitches = { ...proposed, doctorRepair: "safe" };

const operatorConfig: GatewayConfig = {
  gateway: { mode: "local", port: 19001, bind: "loopback", auth: { mode: "token", token: "old-token" } },
  agents: { defaults: { model: "anthropic/claude" } },
  channels: { telegram: { enabled: true } },
};
const legacyUnit = installServiceUnit({ config: operatorConfig, switches: legacy, version: "2026.2.13" });

function tokenOf(file: ConfigFile): unknown {
  const got = configGet(file, "gateway.auth.token");
  return got.kind === "value" ? got.value : undefined;
}

function rotated(file: ConfigFile, token: string): ConfigFile {
  const set = configSet(file, "gateway.auth.token", token);
  if (set.kind !== "ok") throw new Error(set.kind);
  return set.file;
}

describe("service token audit", () => {
  it("a legacy unit after rotation is embedded + mismatch + drift, remedy gateway install --force", () => {
    expect(readEmbeddedGatewayToken(legacyUnit)).toBe("old-token");
    const after = rotated(configFileFromConfig(operatorConfig), "new-token");
    const findings = auditService({ unit: legacyUnit, config: after.config, switches: legacy });
    expect(findings.map((f) => f.code)).toEqual(["gateway-token-embedded", "gateway-token-mismatch", "gateway-token-drift"]);
    expect(findings.every((f) => f.level === "recommended")).toBe(true);
    expect(findings[1]?.detail).toBe("service token is stale");
    expect(findings.map((f) => String(f.remedy))).toEqual(Array(3).fill("openclaw gateway install --force"));
  });

  it("a legacy unit that still matches only reports that it embeds a token", () => {
    const findings = auditService({ unit: legacyUnit, config: operatorConfig, switches: legacy });
    expect(findings.map((f) => f.code)).toEqual(["gateway-token-embedded"]);
  });

  it("a tokenless unit is canonical: no findings, even after rotation", () => {
    const unit = installServiceUnit({ config: operatorConfig, switches: landed, version: "2026.3.1" });
    expect(readEmbeddedGatewayToken(unit)).toBeUndefined();
    const after = rotated(configFileFromConfig(operatorConfig), "new-token");
    expect(auditService({ unit, config: after.config, switches: landed })).toEqual([]);
  });

  it("reports only the codes the era knows; the earliest variant flags a missing service token", () => {
    const early = { auditCodes: ["gateway-token-mismatch"] as const };
    const tokenless = installServiceUnit({ config: operatorConfig, switches: landed, version: "x" });
    const missing = auditService({ unit: tokenless, config: operatorConfig, switches: early });
    expect(missing.map((f) => [f.code, f.detail])).toEqual([["gateway-token-mismatch", "service token is missing"]]);
    const after = rotated(configFileFromConfig(operatorConfig), "new-token");
    expect(auditService({ unit: legacyUnit, config: after.config, switches: early }).map((f) => f.code)).toEqual([
      "gateway-token-mismatch",
    ]);
  });

  it("an OPENCLAW_GATEWAY_TOKEN that only comes from an EnvironmentFile is not embedded", () => {
    const unit = installServiceUnit({
      config: operatorConfig,
      switches: landed,
      version: "x",
      environmentFiles: [{ path: "/etc/openclaw.env", optional: false }],
    });
    expect(auditService({ unit, config: operatorConfig, switches: landed })).toEqual([]);
  });
});

describe("doctor --fix", () => {
  // The operator relied on the unit's env token; the config file has no gateway.auth.token.
  const noTokenConfig: GatewayConfig = { ...operatorConfig, gateway: { ...operatorConfig.gateway, auth: { mode: "token" } } };
  const unit = installServiceUnit({ config: operatorConfig, switches: legacy, version: "2026.2.13" });

  it("safe: moves the unit's token into config, keeps unrelated config and writes a tokenless unit", () => {
    const file = configFileFromConfig(noTokenConfig);
    const out = repairService({ unit, snapshot: file, current: file, switches: landed, version: "2026.3.1", otherFixesPending: true });
    expect(out.kind).toBe("repaired");
    if (out.kind !== "repaired") return;
    expect(tokenOf(out.file)).toBe("old-token");
    expect(out.file.config.agents).toEqual(operatorConfig.agents);
    expect(out.file.config.channels).toEqual(operatorConfig.channels);
    expect(configGet(out.file, "gateway.port")).toEqual({ kind: "value", value: 19001 });
    expect(readEmbeddedGatewayToken(out.unit)).toBeUndefined();
    expect(out.unit.programArguments).toContain("19001");
  });

  it("naive pitfall (a): the stale snapshot written back undoes the persisted token", () => {
    const file = configFileFromConfig(noTokenConfig);
    const out = repairService({ unit, snapshot: file, current: file, switches: proposed, version: "2026.3.1", otherFixesPending: true });
    if (out.kind !== "repaired") throw new Error(out.kind);
    expect(out.writes.map((w) => w.reason)).toEqual(["persist-service-token", "doctor-config-write"]);
    expect(tokenOf(out.writes[0]!.file)).toBe("old-token");
    expect(tokenOf(out.file)).toBeUndefined(); // the repair is undone…
    expect(readEmbeddedGatewayToken(out.unit)).toBeUndefined(); // …and the unit is tokenless: no token anywhere
  });

  it("naive pitfall (a): a rotation made while doctor ran is lost; safe keeps it", () => {
    const atStart = configFileFromConfig(operatorConfig); // token old-token
    const rotatedMeanwhile = rotated(atStart, "new-token");
    const naive = repairService({ unit, snapshot: atStart, current: rotatedMeanwhile, switches: proposed, version: "v", otherFixesPending: true });
    if (naive.kind !== "repaired") throw new Error(naive.kind);
    expect(tokenOf(naive.file)).toBe("old-token");
    const safe = repairService({ unit, snapshot: atStart, current: rotatedMeanwhile, switches: landed, version: "v", otherFixesPending: true });
    if (safe.kind !== "repaired") throw new Error(safe.kind);
    expect(tokenOf(safe.file)).toBe("new-token");
    expect(safe.writes).toEqual([]);
  });

  it("naive pitfall (b): repairing from a half-written config replaces it with a token-only file", () => {
    const good = configFileFromConfig(noTokenConfig);
    const halfWritten = truncateConfigFile(good, 40);
    expect(halfWritten.valid).toBe(false);
    const out = repairService({ unit, snapshot: halfWritten, current: halfWritten, switches: proposed, version: "v" });
    if (out.kind !== "repaired") throw new Error(out.kind);
    expect(out.file.valid).toBe(true);
    expect(out.file.config).toEqual({ gateway: { auth: { token: "old-token" } } }); // agents, channels, port: gone
    expect(out.unit.programArguments).toContain("18789"); // unit reinstalled with the default port, not 19001
  });

  it("safe refuses to repair from an invalid config and changes nothing", () => {
    const halfWritten = truncateConfigFile(configFileFromConfig(noTokenConfig), 40);
    const out = repairService({ unit, snapshot: halfWritten, current: halfWritten, switches: landed, version: "v" });
    expect(out.kind).toBe("refused");
    if (out.kind !== "refused") return;
    expect(out.findings.map((f) => f.code)).toEqual(["config-invalid"]);
    expect(String(out.findings[0]!.remedy)).toBe("openclaw doctor --fix");
  });

  it("legacy doctor reinstalls from config: it re-embeds a rotated token, and drops it when config has none", () => {
    const file = configFileFromText(JSON.stringify(noTokenConfig));
    const dropped = repairService({ unit, snapshot: file, current: file, switches: legacy, version: "v" });
    if (dropped.kind !== "repaired") throw new Error(dropped.kind);
    expect(dropped.writes).toEqual([]);
    expect(readEmbeddedGatewayToken(dropped.unit)).toBeUndefined();
    const rot = rotated(file, "new-token");
    const fixed = repairService({ unit, snapshot: rot, current: rot, switches: legacy, version: "v" });
    if (fixed.kind !== "repaired") throw new Error(fixed.kind);
    expect(readEmbeddedGatewayToken(fixed.unit)).toBe("new-token");
  });
});
