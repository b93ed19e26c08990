// credentials: the user fixes a running client's credentials (null removes one). `{ credentials: { client, passiveToken } }`
import { defineStepKind } from "../step-kind.ts";

const nullableString = { type: ["string", "null"] };

export const credentialsKind = defineStepKind({
  kind: "credentials",
  schema: {
    type: "object",
    required: ["client"],
    properties: { client: { type: "string" }, explicitToken: nullableString, passiveToken: nullableString, password: nullableString },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.clients.has(step.credentials.client)) model.problem(`${at}/client`, `no client named '${step.credentials.client}' was started before`);
  },
  run(step, env) {
    const { client, ...change } = step.credentials;
    const resolved = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, typeof v === "string" ? env.resolve(v) : v]));
    env.world.client(client).credentialsChanged(resolved);
  },
  print: (step) => `credentials of ${step.credentials.client}: ${Object.keys(step.credentials).filter((k) => k !== "client").join(", ")} changed`,
});
