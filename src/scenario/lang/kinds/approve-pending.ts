// approvePending: the operator's pairing round on a machine — `openclaw devices list`, `devices approve` for each
// pending request of the named identities (real RPCs, with the CLI's local pairing fallback), then the users
// start their paused clients again. `{ approvePending: { machine: gw, identities: [laptop], restart: [node] } }`
import { op } from "../../../host/index.ts";
import { defineStepKind } from "../step-kind.ts";

export const approvePendingKind = defineStepKind({
  kind: "approvePending",
  schema: {
    type: "object",
    required: ["machine", "identities"],
    properties: {
      machine: { type: "string" },
      identities: { type: "array", items: { type: "string" } },
      restart: { type: "array", items: { type: "string" } },
      expectApproved: { type: "integer", minimum: 0 },
      rule: { type: "string" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    const a = step.approvePending;
    if (!model.machines.has(a.machine)) model.problem(`${at}/machine`, `no machine named '${a.machine}'`);
    a.identities.forEach((name, i) => {
      if (!model.identities.has(name)) model.problem(`${at}/identities/${i}`, `unknown identity '${name}'`);
    });
    (a.restart ?? []).forEach((name, i) => {
      if (!model.clients.has(name)) model.problem(`${at}/restart/${i}`, `no client named '${name}' was started before`);
    });
  },
  run(step, env) {
    const a = step.approvePending;
    const { world } = env;
    const deviceIds = a.identities.map((name) => env.deviceIdOf(name));
    const list = world.operator(a.machine, op.devicesList());
    const pending = list.rpc?.ok ? ((list.rpc.payload as { pending?: { deviceId: string; requestId: string }[] }).pending ?? []) : [];
    const approved: string[] = [];
    for (const request of pending) {
      if (!deviceIds.includes(request.deviceId) || approved.includes(request.deviceId)) continue;
      if (world.operator(a.machine, op.devicesApprove(request.requestId)).rpc?.ok) approved.push(request.deviceId);
    }
    for (const name of a.restart ?? []) if (world.client(name).state.lifecycle === "paused") world.client(name).start();
    if (a.expectApproved !== undefined) {
      const n = a.identities.length;
      env.ctx.check(approved.length >= a.expectApproved, a.rule ?? "pairing-requests-listed", `devices list showed ${approved.length} of the ${n} requests`);
    }
  },
  print: (step) => `on ${step.approvePending.machine}: approve pending requests of ${step.approvePending.identities.join(", ")}`,
});
