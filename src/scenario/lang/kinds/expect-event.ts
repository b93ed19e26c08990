// expectEvent: the trace so far has (or has not) an event of a kind whose data matches the given fields.
// `{ expectEvent: { kind: gateway, match: { event: connect.unauthorized, reason: rate_limited }, rule: limiter-engaged, message: "…" } }`
import { defineStepKind } from "../step-kind.ts";

export const expectEventKind = defineStepKind({
  kind: "expectEvent",
  schema: {
    type: "object",
    required: ["kind", "match", "rule", "message"],
    properties: {
      kind: { enum: ["gateway", "client", "host", "operator"] },
      match: { type: "object", minProperties: 1 },
      present: { type: "boolean" },
      rule: { type: "string" },
      message: { type: "string" },
    },
    additionalProperties: false,
  },
  check() {},
  run(step, env) {
    const e = step.expectEvent;
    const found = env.world.trace.events.some((ev) => ev.kind === e.kind && Object.entries(e.match).every(([k, v]) => JSON.stringify(ev.data[k]) === JSON.stringify(v)));
    env.ctx.check(found === (e.present ?? true), e.rule, e.message);
  },
  print: (step) => `expect ${step.expectEvent.present === false ? "no " : ""}${step.expectEvent.kind} event ${JSON.stringify(step.expectEvent.match)}`,
});
