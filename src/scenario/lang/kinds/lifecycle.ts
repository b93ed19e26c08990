// stop / start / refresh / call: a running client's life — the user stops it, starts it again (a paused client
// resumes), it re-reads its machine (config, env, browser storage) and learns changed credentials, or it makes
// an RPC call on its session. `{ stop: tui }`, `{ start: tui }`, `{ refresh: tui }`, `{ call: { client: b, method: health } }`
import { defineStepKind } from "../step-kind.ts";
import type { StaticModel } from "../step-kind.ts";

function known(model: StaticModel, at: string, name: string): void {
  if (!model.clients.has(name)) model.problem(at, `no client named '${name}' was started before`);
}

export const stopKind = defineStepKind({
  kind: "stop",
  schema: { type: "string", description: "the client the user stops" },
  check: (step, model, at) => known(model, at, step.stop),
  run: (step, env) => env.world.client(step.stop).stop(),
  print: (step) => `stop ${step.stop}`,
});

export const startKind = defineStepKind({
  kind: "start",
  schema: { type: "string", description: "the stopped or paused client the user starts again" },
  check: (step, model, at) => known(model, at, step.start),
  run: (step, env) => env.world.client(step.start).start(),
  print: (step) => `start ${step.start} again`,
});

export const refreshKind = defineStepKind({
  kind: "refresh",
  schema: { type: "string", description: "a machine client that re-reads its credentials" },
  check: (step, model, at) => known(model, at, step.refresh),
  run: (step, env) => void env.world.refreshClientCredentials(step.refresh),
  print: (step) => `${step.refresh} re-reads its credentials`,
});

export const callKind = defineStepKind({
  kind: "call",
  schema: {
    type: "object",
    required: ["client", "method"],
    properties: { client: { type: "string" }, method: { type: "string" }, params: { type: "object" } },
    additionalProperties: false,
  },
  check: (step, model, at) => known(model, `${at}/client`, step.call.client),
  run: (step, env) => env.world.client(step.call.client).call(step.call.method, step.call.params ?? {}),
  print: (step) => `${step.call.client} calls ${step.call.method}`,
});
