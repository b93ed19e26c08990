// clock: a host's wall clock jumps (NTP drift, a laptop's wrong time); negative deltas go back.
// `{ clock: { host: laptop, deltaMs: 660000 } }`
import { defineStepKind } from "../step-kind.ts";

export const clockKind = defineStepKind({
  kind: "clock",
  schema: { type: "object", required: ["host", "deltaMs"], properties: { host: { type: "string" }, deltaMs: { type: "integer" } }, additionalProperties: false },
  check(step, model, at) {
    if (!model.hosts.has(step.clock.host)) model.problem(`${at}/host`, `no host named '${step.clock.host}'`);
    else if (model.standard && step.clock.host === "gateway-host") model.problem(`${at}/host`, "the gateway host's clock is everyone's there: skew a peer");
  },
  run: (step, env) => env.world.skewClock(step.clock.host, step.clock.deltaMs),
  print: (step) => `clock of ${step.clock.host} jumps ${step.clock.deltaMs} ms`,
});
