// expectConfig: a machine's config file has a value at a path now (e.g. a repair did not undo a rotation).
// `{ expectConfig: { machine: gw, path: gateway.auth.token, equals: T2, rule: rotation-survives-repair } }`
import { getAtPath, splitConfigPath } from "../../../host/index.ts";
import { defineStepKind } from "../step-kind.ts";

export const expectConfigKind = defineStepKind({
  kind: "expectConfig",
  schema: {
    type: "object",
    required: ["machine", "path", "equals", "rule"],
    properties: { machine: { type: "string" }, path: { type: "string" }, equals: {}, rule: { type: "string" } },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.machines.has(step.expectConfig.machine)) model.problem(`${at}/machine`, `no machine named '${step.expectConfig.machine}'`);
  },
  run(step, env) {
    const e = step.expectConfig;
    const config = env.world.machine(e.machine).machine.config.config;
    const segments = splitConfigPath(e.path);
    const found = segments.kind === "ok" ? getAtPath(config, segments.segments) : { found: false, value: undefined };
    const actual = found.found ? found.value : undefined;
    const shown = actual === undefined ? "(unset)" : typeof actual === "string" ? actual : JSON.stringify(actual);
    env.ctx.check(JSON.stringify(actual) === JSON.stringify(e.equals), e.rule, `${e.path} is ${shown} on ${e.machine}, expected ${JSON.stringify(e.equals)}`);
  },
  print: (step) => `expect ${step.expectConfig.path} = ${JSON.stringify(step.expectConfig.equals)} on ${step.expectConfig.machine}`,
});
