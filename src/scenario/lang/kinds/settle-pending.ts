// settlePending: the operator settles every pending pairing request on a machine — `openclaw devices list`, then
// `devices approve` (or `reject`) for each request it shows, whoever asked — and the users start the named
// clients again if they paused. approvePending is the targeted form (named identities, an expected count).
// `{ settlePending: { machine: gw, verdict: approve, restart: [tui-0, node-1] } }`
import { op } from "../../../host/index.ts";
import { defineStepKind } from "../step-kind.ts";

export interface SettlePendingStep {
  machine: string;
  verdict: "approve" | "reject";
  /** Clients the users start again if they are paused after the round. */
  restart?: string[];
}

export const settlePendingKind = defineStepKind({
  kind: "settlePending",
  schema: {
    type: "object",
    required: ["machine", "verdict"],
    properties: { machine: { type: "string" }, verdict: { enum: ["approve", "reject"] }, restart: { type: "array", items: { type: "string" } } },
    additionalProperties: false,
  },
  check(step, model, at) {
    const s = step.settlePending;
    if (!model.machines.has(s.machine)) model.problem(`${at}/machine`, `no machine named '${s.machine}'`);
    (s.restart ?? []).forEach((name, i) => {
      if (!model.clients.has(name)) model.problem(`${at}/restart/${i}`, `no client named '${name}' was started before`);
    });
  },
  run(step, env) {
    const s = step.settlePending;
    const { world } = env;
    const list = world.operator(s.machine, op.devicesList());
    const pending = list.rpc?.ok ? ((list.rpc.payload as { pending?: { requestId: string }[] }).pending ?? []) : [];
    for (const request of pending) world.operator(s.machine, s.verdict === "approve" ? op.devicesApprove(request.requestId) : op.devicesReject(request.requestId));
    for (const name of s.restart ?? []) if (world.client(name).state.lifecycle === "paused") world.client(name).start();
  },
  print: (step) => `on ${step.settlePending.machine}: ${step.settlePending.verdict} every pending pairing request`,
});
