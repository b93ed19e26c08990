// host: a machine's network presence (LAN, tailnet or remote), optionally with a fixed address.
// `{ host: { name: laptop, kind: lan } }`
import { defineStepKind } from "../step-kind.ts";

export const hostKind = defineStepKind({
  kind: "host",
  schema: {
    type: "object",
    required: ["name"],
    properties: { name: { type: "string", minLength: 1 }, kind: { enum: ["lan", "tailnet", "remote"] }, address: { type: "string" } },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (model.hosts.has(step.host.name)) model.problem(`${at}/name`, `a host named '${step.host.name}' already exists`);
    model.hosts.add(step.host.name);
  },
  run(step, env) {
    const h = step.host;
    env.world.addHost({ name: h.name, kind: h.kind ?? "lan", ...(h.address !== undefined ? { address: h.address } : {}) });
  },
  print: (step) => `host ${step.host.name} (${step.host.kind ?? "lan"}${step.host.address ? ` ${step.host.address}` : ""})`,
});
