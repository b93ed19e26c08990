// expectConnected: each named client has reached hello at least once (a set-up step the story depends on did
// happen); otherwise a finding (rule "setup" by default). `{ expectConnected: { clients: [a, b], while: "pairing" } }`
import { defineStepKind } from "../step-kind.ts";

export const expectConnectedKind = defineStepKind({
  kind: "expectConnected",
  schema: {
    type: "object",
    required: ["clients", "while"],
    properties: { clients: { type: "array", items: { type: "string" }, minItems: 1 }, while: { type: "string" }, rule: { type: "string" } },
    additionalProperties: false,
  },
  check(step, model, at) {
    step.expectConnected.clients.forEach((name, i) => {
      if (!model.clients.has(name)) model.problem(`${at}/clients/${i}`, `no client named '${name}' was started before`);
    });
  },
  run(step, env) {
    const e = step.expectConnected;
    for (const client of e.clients) {
      const hellos = env.world.trace.events.filter((ev) => ev.actor === client && ev.kind === "client" && ev.data["event"] === "hello").length;
      env.ctx.check(hellos > 0, e.rule ?? "setup", `${client} never reached hello while ${e.while}`);
    }
  },
  print: (step) => `expect ${step.expectConnected.clients.join(", ")} connected (${step.expectConnected.while})`,
});
