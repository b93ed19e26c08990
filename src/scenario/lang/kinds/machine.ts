// machine: a simulated machine on a host — ~/.openclaw/openclaw.json, the login shell's env, ~/.openclaw/.env,
// the operator CLI's device, and optionally a service unit left by an older installer that embedded the token.
// `{ machine: { name: gw, host: gw, config: { gateway: { auth: { mode: token, token: T1 } } }, cliIdentity: op } }`
import { identityFromSeed } from "../../../crypto/index.ts";
import { configFileFromConfig, createMachine, installServiceUnit, withoutUnknownKeys, withServiceUnit, type GatewayConfig } from "../../../host/index.ts";
import { defineStepKind } from "../step-kind.ts";

export const legacyInstallerVersion = "2026.2.14";

export const machineKind = defineStepKind({
  kind: "machine",
  schema: {
    type: "object",
    required: ["name", "host", "config"],
    properties: {
      name: { type: "string", minLength: 1 },
      host: { type: "string" },
      config: { type: "object" },
      shellEnv: { type: "object", additionalProperties: { type: "string" } },
      dotEnv: { type: ["string", "null"] },
      cliIdentity: { type: ["string", "null"] },
      legacyUnit: { type: "object", required: ["config"], properties: { config: { type: "object" }, version: { type: "string" } }, additionalProperties: false },
      container: { type: "boolean", description: "a container: releases from 2026.4.14 treat an unset gateway.bind as auto (every interface)" },
      releaseKeysOnly: {
        type: "boolean",
        description: "leave out of config (and legacyUnit.config) every key the run's release does not know, as that release's operator writes it (chaos sets it); default false: a key the release does not know makes the file invalid there",
      },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    const m = step.machine;
    if (model.machines.has(m.name)) model.problem(`${at}/name`, `a machine named '${m.name}' already exists`);
    model.machines.add(m.name);
    if (!model.hosts.has(m.host)) model.problem(`${at}/host`, `no host named '${m.host}' was added before`);
    if (typeof m.cliIdentity === "string" && !model.identities.has(m.cliIdentity)) model.problem(`${at}/cliIdentity`, `unknown identity '${m.cliIdentity}'`);
  },
  run(step, env) {
    const m = step.machine;
    const gaps = env.profile.service.configSchemaGaps;
    const asWritten = (config: Record<string, unknown>): GatewayConfig => (m.releaseKeysOnly === true ? withoutUnknownKeys(configFileFromConfig(config as GatewayConfig), gaps).file.config : (config as GatewayConfig));
    let machine = createMachine({ name: m.name, config: asWritten(m.config), ...(m.shellEnv ? { shellEnv: m.shellEnv } : {}), dotEnvText: m.dotEnv ?? null, container: m.container === true });
    if (m.legacyUnit) {
      const switches = { ...env.profile.service, unitEmbedsToken: true };
      const unit = installServiceUnit({ config: asWritten(m.legacyUnit.config), switches, version: m.legacyUnit.version ?? legacyInstallerVersion });
      machine = withServiceUnit(machine, unit);
    }
    const seed = typeof m.cliIdentity === "string" ? env.seeds[m.cliIdentity] : undefined;
    const cliIdentity = seed ? identityFromSeed(Uint8Array.from(Buffer.from(seed, "hex"))) : null;
    env.world.addMachine({ name: m.name, host: m.host, machine, cliIdentity });
  },
  print: (step) => `machine ${step.machine.name} on ${step.machine.host}${step.machine.container ? " (a container)" : ""}${step.machine.legacyUnit ? " (legacy service unit)" : ""}`,
});
