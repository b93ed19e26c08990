// wait: lets virtual time pass (ms). `{ wait: 30000 }`
import { requireWithinBudget } from "../../runner.ts";
import { defineStepKind } from "../step-kind.ts";

export const waitKind = defineStepKind({
  kind: "wait",
  schema: { type: "integer", minimum: 0, description: "virtual milliseconds to run the world" },
  check() {},
  async run(step, env) {
    requireWithinBudget(await env.world.advance(step.wait));
  },
  print: (step) => `wait ${step.wait} ms`,
});
