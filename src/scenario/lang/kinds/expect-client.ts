// expectClient: a client's state now (connected, paused, connect attempts so far).
// `{ expectClient: { name: svc, connected: true, attemptsMax: 2 } }`
import { defineStepKind } from "../step-kind.ts";

export const expectClientKind = defineStepKind({
  kind: "expectClient",
  schema: {
    type: "object",
    required: ["name"],
    properties: {
      name: { type: "string" },
      rule: { type: "string" },
      connected: { type: "boolean" },
      paused: { type: "boolean" },
      attemptsMax: { type: "integer", minimum: 0 },
      attemptsMin: { type: "integer", minimum: 0 },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.clients.has(step.expectClient.name)) model.problem(`${at}/name`, `no client named '${step.expectClient.name}' was started before`);
  },
  run(step, env) {
    const expect = step.expectClient;
    const rule = expect.rule ?? "case-expect";
    const check = (ok: boolean, _rule: string, message: string) => env.ctx.check(ok, rule, message);
    const status = env.world.clientStatus(expect.name);
    const at = `step ${env.stepIndex} (client ${expect.name})`;
    if (expect.connected !== undefined) check(status.connected === expect.connected, "case-expect", `${at}: connected is ${status.connected}, expected ${expect.connected}`);
    if (expect.paused !== undefined) check(status.paused === expect.paused, "case-expect", `${at}: ${status.paused ? "paused" : "not paused"}, expected ${expect.paused ? "paused" : "not paused"}`);
    if (expect.attemptsMax !== undefined) check(status.attempts <= expect.attemptsMax, "case-expect", `${at}: ${status.attempts} connect attempts, expected at most ${expect.attemptsMax}`);
    if (expect.attemptsMin !== undefined) check(status.attempts >= expect.attemptsMin, "case-expect", `${at}: ${status.attempts} connect attempts, expected at least ${expect.attemptsMin}`);
  },
  print: (step) => `expect client ${step.expectClient.name} ${JSON.stringify({ ...step.expectClient, name: undefined, rule: undefined })}`,
});
