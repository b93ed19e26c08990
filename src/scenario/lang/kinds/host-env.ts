// hostEnv: a hand edit of where a machine keeps an environment variable — the login shell's env (`export`),
// `~/.openclaw/.env` (the file is rewritten to hold just this line), or the installed service unit's
// Environment= (nothing changes when no unit is installed). Token drift is made of such edits.
// `{ hostEnv: { machine: gw, site: dotenv, name: OPENCLAW_GATEWAY_TOKEN, value: T3 } }`
import { envWith, withDotEnvText, withServiceUnit, withShellEnv, type Machine } from "../../../host/index.ts";
import { defineStepKind } from "../step-kind.ts";

export const hostEnvSites = ["shell-env", "dotenv", "unit"] as const;
export type HostEnvSite = (typeof hostEnvSites)[number];

export interface HostEnvStep {
  machine: string;
  site: HostEnvSite;
  name: string;
  /** Placeholders allowed. */
  value: string;
}

export function withEnvAt(machine: Machine, site: HostEnvSite, name: string, value: string): Machine {
  switch (site) {
    case "shell-env":
      return withShellEnv(machine, envWith(machine.shellEnv, name, value));
    case "dotenv":
      return withDotEnvText(machine, `${name}=${value}\n`);
    case "unit": {
      const unit = machine.serviceUnit;
      if (!unit) return machine;
      return withServiceUnit(machine, { ...unit, environment: [...unit.environment.filter((e) => e.key !== name), { key: name, value }] });
    }
  }
}

export const hostEnvKind = defineStepKind({
  kind: "hostEnv",
  schema: {
    type: "object",
    required: ["machine", "site", "name", "value"],
    properties: { machine: { type: "string" }, site: { enum: hostEnvSites }, name: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, value: { type: "string" } },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.machines.has(step.hostEnv.machine)) model.problem(`${at}/machine`, `no machine named '${step.hostEnv.machine}'`);
  },
  run(step, env) {
    const e = step.hostEnv;
    const value = env.resolve(e.value);
    env.world.updateMachine(e.machine, (m) => withEnvAt(m, e.site, e.name, value), `${e.name}=${value} in ${e.site}`);
  },
  print: (step) => `on ${step.hostEnv.machine}: ${step.hostEnv.name}=${step.hostEnv.value} in ${step.hostEnv.site}`,
});
