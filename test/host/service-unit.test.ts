import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { ServiceSwitches } from "../../src/profiles/types.ts";
import {
  installServiceUnit,
  parseServiceUnit,
  readEmbeddedGatewayToken,
  renderServiceUnit,
  serviceProcessEnv,
  type ServiceUnit,
} from "../../src/host/index.ts";

const legacy: ServiceSwitches = {
  unitEmbedsToken: true,
  serviceTokenResolution: "env-first",
  auditCodes: ["gateway-token-mismatch"],
  doctorRepair: "naive",
  customBindFallback: "all", containerDetection: "none", tokenBootstrap: "refuse", configSchemaGaps: [],
};
const fixed: ServiceSwitches = { ...legacy, unitEmbedsToken: false, serviceTokenResolution: "config-first-in-service" };
const config = { gateway: { port: 19001, auth: { token: "cfg-token" } } };

describe("gateway install", () => {
  it("legacy embeds OPENCLAW_GATEWAY_TOKEN and the service markers; fixed is tokenless", () => {
    const unit = installServiceUnit({ config, switches: legacy, version: "2026.2.13" });
    const text = renderServiceUnit(unit);
    expect(text).toContain("Environment=OPENCLAW_GATEWAY_TOKEN=cfg-token");
    expect(text).toContain("Environment=OPENCLAW_SERVICE_KIND=gateway");
    expect(text).toContain("Environment=OPENCLAW_SERVICE_MARKER=openclaw");
    expect(text).toContain("Environment=OPENCLAW_SERVICE_VERSION=2026.2.13");
    expect(text).toContain("Environment=OPENCLAW_GATEWAY_PORT=19001");
    expect(text).toContain("ExecStart=/usr/bin/node /usr/lib/node_modules/openclaw/dist/index.js gateway --port 19001");
    const tokenless = installServiceUnit({ config, switches: fixed, version: "2026.3.1" });
    expect(renderServiceUnit(tokenless)).not.toContain("OPENCLAW_GATEWAY_TOKEN");
    expect(readEmbeddedGatewayToken(tokenless)).toBeUndefined();
  });

  it("legacy install token: --token, then config, then the installing shell", () => {
    expect(readEmbeddedGatewayToken(installServiceUnit({ config, switches: legacy, version: "v", token: "cli" }))).toBe("cli");
    const shell = installServiceUnit({ config: {}, switches: legacy, version: "v", installEnv: { OPENCLAW_GATEWAY_TOKEN: "shell" } });
    expect(readEmbeddedGatewayToken(shell)).toBe("shell");
  });

  it("names the unit per CLI profile and manager", () => {
    expect(installServiceUnit({ config, switches: fixed, version: "v", profile: "work" }).name).toBe("openclaw-gateway-work.service");
    const mac = installServiceUnit({ config, switches: legacy, version: "v", manager: "launchd" });
    expect(mac.name).toBe("ai.openclaw.gateway");
    expect(mac.environment.find((e) => e.key === "OPENCLAW_LAUNCHD_LABEL")?.value).toBe("ai.openclaw.gateway");
  });

  it("EnvironmentFile= values override Environment=; a missing required file stops the start", () => {
    const unit = installServiceUnit({
      config,
      switches: legacy,
      version: "v",
      environmentFiles: [{ path: "/etc/openclaw.env", optional: false }],
    });
    const started = serviceProcessEnv({ unit, environmentFiles: { "/etc/openclaw.env": { OPENCLAW_GATEWAY_TOKEN: "from-file" } } });
    expect(started.kind === "ok" && started.env.OPENCLAW_GATEWAY_TOKEN).toBe("from-file");
    expect(readEmbeddedGatewayToken(unit)).toBe("cfg-token");
    expect(serviceProcessEnv({ unit })).toEqual({ kind: "missing-environment-file", path: "/etc/openclaw.env" });
  });
});

const word = fc.string({ maxLength: 12 }).filter((s) => !/[\r\n\0]/.test(s));
const envKey = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,10}$/);
const description = word.map((s) => s.trim());

function unitArb(manager: "systemd" | "launchd"): fc.Arbitrary<ServiceUnit> {
  const environment =
    manager === "launchd"
      ? fc.uniqueArray(fc.record({ key: envKey, value: word }), { selector: (e) => e.key, maxLength: 6 })
      : fc.array(fc.record({ key: envKey, value: word }), { maxLength: 6 });
  const files =
    manager === "launchd"
      ? fc.constant([])
      : fc.array(fc.record({ path: fc.stringMatching(/^\/[a-z0-9._/]{1,12}$/), optional: fc.boolean() }), { maxLength: 2 });
  return fc.record({
    manager: fc.constant(manager),
    name: manager === "launchd" ? word : fc.constant("openclaw-gateway.service"),
    description,
    programArguments: fc.array(word, { minLength: 1, maxLength: 6 }),
    environment,
    environmentFiles: files,
  });
}

describe("unit text", () => {
  for (const manager of ["systemd", "launchd"] as const) {
    it(`${manager}: parse(render(unit)) is the unit`, () => {
      fc.assert(
        fc.property(unitArb(manager), (unit) => {
          const parsed = parseServiceUnit({ text: renderServiceUnit(unit), manager, name: unit.name });
          expect(parsed).toEqual({ kind: "ok", unit });
        }),
        { numRuns: 300 },
      );
    });
  }

  it("reads the several-assignments-per-line form systemd allows", () => {
    const parsed = parseServiceUnit({
      text: '[Service]\nExecStart=/bin/x "a b"\nEnvironment="A=1 2" B=3\nEnvironment=C=%%d\n',
      manager: "systemd",
    });
    expect(parsed.kind === "ok" && parsed.unit.environment).toEqual([
      { key: "A", value: "1 2" },
      { key: "B", value: "3" },
      { key: "C", value: "%d" },
    ]);
    expect(parsed.kind === "ok" && parsed.unit.programArguments).toEqual(["/bin/x", "a b"]);
  });
});
