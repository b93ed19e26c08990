// timeMark / waitUntil: a named instant and waiting until some time after it — for timelines whose steps are
// placed at fixed offsets from a start (what chaos generates) while steps in between take time of their own
// (an operator's RPC waits for its answer). waitUntil does nothing when the instant has passed.
// `{ timeMark: timeline }`, `{ waitUntil: { mark: timeline, ms: 20000 } }`
import { requireWithinBudget } from "../../runner.ts";
import { defineStepKind } from "../step-kind.ts";

export interface WaitUntilStep {
  mark: string;
  ms: number;
}

export const timeMarkKind = defineStepKind({
  kind: "timeMark",
  schema: { type: "string", minLength: 1, description: "the name of this instant" },
  check(step, model, at) {
    if (model.marks.has(step.timeMark)) model.problem(at, `a time mark named '${step.timeMark}' was set before`);
    model.marks.add(step.timeMark);
  },
  run(step, env) {
    env.marks.set(step.timeMark, env.world.scheduler.nowMs());
  },
  print: (step) => `time mark ${step.timeMark}`,
});

export const waitUntilKind = defineStepKind({
  kind: "waitUntil",
  schema: {
    type: "object",
    required: ["mark", "ms"],
    properties: { mark: { type: "string" }, ms: { type: "integer", minimum: 0 } },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.marks.has(step.waitUntil.mark)) model.problem(`${at}/mark`, `no time mark named '${step.waitUntil.mark}' was set before`);
  },
  async run(step, env) {
    const due = env.marks.get(step.waitUntil.mark)! + step.waitUntil.ms;
    const waitMs = due - env.world.scheduler.nowMs();
    if (waitMs > 0) requireWithinBudget(await env.world.advance(waitMs));
  },
  print: (step) => `wait until ${step.waitUntil.ms} ms after ${step.waitUntil.mark}`,
});
