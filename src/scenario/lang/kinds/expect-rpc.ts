// expectRpc: the last RPC answer a client got was ok (or refused); otherwise a finding named `rule` whose message
// carries the answer's reason. `{ expectRpc: { client: cli, ok: true, rule: cli-after-storm, message: "health failed" } }`
import { defineStepKind } from "../step-kind.ts";

export const expectRpcKind = defineStepKind({
  kind: "expectRpc",
  schema: {
    type: "object",
    required: ["client", "ok", "rule", "message"],
    properties: { client: { type: "string" }, ok: { type: "boolean" }, rule: { type: "string" }, message: { type: "string" } },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.clients.has(step.expectRpc.client)) model.problem(`${at}/client`, `no client named '${step.expectRpc.client}' was started before`);
  },
  run(step, env) {
    const e = step.expectRpc;
    const results = env.world.trace.events.filter((ev) => ev.actor === e.client && ev.kind === "client" && ev.data["event"] === "rpc-result");
    const last = results.at(-1)?.data;
    const error = last?.["error"] as { message?: string } | undefined;
    const answer = last === undefined ? "no answer" : last["ok"] === true ? "ok" : (error?.message ?? JSON.stringify(last["error"] ?? null));
    env.ctx.check(last !== undefined && (last["ok"] === true) === e.ok, e.rule, `${e.message} (${answer})`);
  },
  print: (step) => `expect ${step.expectRpc.client}'s last call ${step.expectRpc.ok ? "ok" : "refused"}`,
});
