// gatewayStart: the machine's gateway starts — as the installed service (the unit's environment) or in the
// foreground from the operator's shell (`openclaw gateway`); with `onlyIfStopped` only when it is not running.
// `{ gatewayStart: { machine: gw, via: foreground } }`
import { defineStepKind } from "../step-kind.ts";

export const gatewayStartKind = defineStepKind({
  kind: "gatewayStart",
  schema: {
    type: "object",
    required: ["machine", "via"],
    properties: { machine: { type: "string" }, via: { enum: ["service", "foreground"] }, onlyIfStopped: { type: "boolean" } },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.machines.has(step.gatewayStart.machine)) model.problem(`${at}/machine`, `no machine named '${step.gatewayStart.machine}'`);
  },
  run(step, env) {
    const { machine, via, onlyIfStopped } = step.gatewayStart;
    if (onlyIfStopped === true && env.world.gateways.get(env.world.machine(machine).gatewayName)?.running === true) return;
    if (via === "service") env.world.startGatewayService(machine);
    else env.world.startGatewayForeground(machine);
  },
  print: (step) => `gateway on ${step.gatewayStart.machine} starts (${step.gatewayStart.via})`,
});
