// converge / note / warmUp: a convergence marker (the converges invariant's clock starts here: every watched
// client must reach hello from now on), a free note in the trace, and waiting out the release's start-up window.
// `{ converge: "the operator approved both laptops" }`, `{ note: "…" }`, `{ warmUp: {} }`
import { requireWithinBudget } from "../../runner.ts";
import { defineStepKind } from "../step-kind.ts";

export const warmUpMarginMs = 1_000;

export const convergeKind = defineStepKind({
  kind: "converge",
  schema: { type: "string", minLength: 1, description: "what just happened that clients must now recover from" },
  check() {},
  run: (step, env) => env.ctx.note(step.converge, { converge: true }),
  print: (step) => `converge: ${step.converge}`,
});

export const noteKind = defineStepKind({
  kind: "note",
  schema: { type: "string" },
  check() {},
  run: (step, env) => env.ctx.note(step.note),
  print: (step) => `note: ${step.note}`,
});

export const warmUpKind = defineStepKind({
  kind: "warmUp",
  schema: { type: "object", properties: { plusMs: { type: "integer", minimum: 0 } }, additionalProperties: false },
  check() {},
  async run(step, env) {
    const ms = (env.profile.gateway.startupUnavailableMs ?? 0) + (step.warmUp.plusMs ?? warmUpMarginMs);
    requireWithinBudget(await env.world.advance(ms));
  },
  print: (step) => `wait out the gateway's start-up window${step.warmUp.plusMs !== undefined ? ` + ${step.warmUp.plusMs} ms` : ""}`,
});
