// openclaw: one `openclaw …` command at a machine's shell — config get/set/unset, gateway install [--force] /
// restart, doctor [--fix], devices list/approve/reject/remove/rotate/revoke/clear, nodes pending/approve/reject — run
// by world.operator, so config writes reach a running gateway through its watcher and `devices …` / `nodes …`
// commands are real RPCs.
// `{ openclaw: { machine: gw, command: { kind: devices-revoke, deviceId: "{{deviceId:laptop}}", role: node } } }`
import { formatOperatorCommand, type ConfigFile, type OperatorCommand } from "../../../host/index.ts";
import { defineStepKind, type StepEnv } from "../step-kind.ts";

export const openclawCommandKinds = [
  "config-get",
  "config-set",
  "config-unset",
  "rotate-shared-token",
  "gateway-install",
  "gateway-restart",
  "doctor",
  "devices-list",
  "devices-approve",
  "devices-reject",
  "devices-remove",
  "devices-rotate",
  "devices-revoke",
  "devices-clear",
  "nodes-pending",
  "nodes-approve",
  "nodes-reject",
] as const;

/** The fields each command needs (a file missing one is an input error, not a failed run). */
const requiredFields: Partial<Record<(typeof openclawCommandKinds)[number], readonly string[]>> = {
  "config-get": ["path"],
  "config-set": ["path", "value"],
  "config-unset": ["path"],
  "rotate-shared-token": ["newToken"],
  "devices-approve": ["requestId"],
  "devices-reject": ["requestId"],
  "devices-remove": ["deviceId"],
  "devices-rotate": ["deviceId", "role"],
  "devices-revoke": ["deviceId", "role"],
  "nodes-approve": ["requestId"],
  "nodes-reject": ["requestId"],
};

const connection = { type: "object", properties: { url: { type: "string" }, token: { type: "string" }, password: { type: "string" } }, additionalProperties: false };

export const openclawKind = defineStepKind({
  kind: "openclaw",
  schema: {
    type: "object",
    required: ["machine", "command"],
    properties: {
      machine: { type: "string" },
      command: {
        type: "object",
        required: ["kind"],
        properties: {
          kind: { enum: openclawCommandKinds },
          path: { type: "string" },
          value: {},
          newToken: { type: "string" },
          force: { type: "boolean" },
          token: { type: "string" },
          fix: { type: "boolean" },
          yes: { type: "boolean" },
          pending: { type: "boolean" },
          requestId: { type: "string" },
          deviceId: { type: "string" },
          role: { type: "string" },
          scopes: { type: "array", items: { type: "string" } },
          connection,
        },
        additionalProperties: false,
      },
      doctorSnapshot: { type: "string" },
      otherDoctorFixesPending: { type: "boolean" },
      expectOk: { type: "string" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.machines.has(step.openclaw.machine)) model.problem(`${at}/machine`, `no machine named '${step.openclaw.machine}'`);
    const command = step.openclaw.command as Record<string, unknown> & { kind: (typeof openclawCommandKinds)[number] };
    for (const field of requiredFields[command.kind] ?? []) {
      if (command[field] === undefined) model.problem(`${at}/command`, `${command.kind} needs ${field}`);
    }
    for (const ref of JSON.stringify(step.openclaw.command).matchAll(/\{\{device(?:Id|Token):([^}:/]+)/g)) {
      if (!model.identities.has(ref[1]!)) model.problem(`${at}/command`, `unknown identity '${ref[1]}'`);
    }
  },
  run(step, env) {
    const o = step.openclaw;
    const command = resolveDeep(o.command, env) as OperatorCommand;
    const snapshot = o.doctorSnapshot !== undefined ? (env.snapshots.get(o.doctorSnapshot) as ConfigFile | undefined) : undefined;
    const run = env.world.operator(o.machine, command, {
      ...(snapshot !== undefined ? { doctorSnapshot: snapshot } : {}),
      ...(o.otherDoctorFixesPending !== undefined ? { otherDoctorFixesPending: o.otherDoctorFixesPending } : {}),
    });
    if (o.expectOk !== undefined) {
      const why = run.rpc && !run.rpc.ok ? run.rpc.error.message : "no answer";
      env.ctx.check(run.rpc?.ok === true, o.expectOk, `${run.line} failed: ${why}`);
    }
  },
  print: (step) => `on ${step.openclaw.machine}: ${formatOperatorCommand(step.openclaw.command as unknown as OperatorCommand)}`,
});

function resolveDeep(value: unknown, env: StepEnv): unknown {
  if (typeof value === "string") return env.resolve(value);
  if (Array.isArray(value)) return value.map((v) => resolveDeep(v, env));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v, env)]));
  return value;
}
