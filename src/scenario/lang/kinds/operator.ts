// operator: what the operator does on the gateway host, as the real CLI does it — `openclaw devices list /
// approve / reject / remove / rotate / revoke` and `openclaw nodes approve / reject` through world.operator (a one-shot CLI with the credentials it
// resolves from the machine's config sends the gateway RPC, so scope checks, session closes, broadcasts and
// invariants see exactly what the product does); a shared-token rotation (`openclaw config set` on the gateway
// host, picked up by the release's config watcher, or written while the restart is deferred); a gateway restart. `{ operator: { action: revoke-device-token, identity: laptop, role: operator } }`
import { op, type OperatorCommand } from "../../../host/index.ts";
import type { OperatorRun } from "../../../world/index.ts";
import { requireWithinBudget } from "../../runner.ts";
import type { OperatorAction } from "../spec.ts";
import { defineStepKind, type StepEnv } from "../step-kind.ts";
import { gatewayMachineName, standardGatewayName } from "../standard-world.ts";
import { editGatewaySection } from "./gateway-config.ts";

const actions = ["approve-pending", "reject-pending", "approve-node", "reject-node", "remove-device", "clear-devices", "revoke-device-token", "rotate-device-token", "rotate-shared-token", "restart-gateway"] as const;

export const operatorKind = defineStepKind({
  kind: "operator",
  schema: {
    type: "object",
    required: ["action"],
    properties: {
      action: { enum: actions },
      identity: { type: "string" },
      requestId: { type: "string" },
      role: { type: "string" },
      scopes: { type: "array", items: { type: "string" } },
      token: { type: "string" },
      restart: { enum: ["watcher", "deferred"] },
      pending: { type: "boolean" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    const a = step.operator as Record<string, unknown> & OperatorAction;
    if (!model.standard) model.problem(at, "operator actions act on the standard world (in a bare world use openclaw steps)");
    const identity = a["identity"] as string | undefined;
    if (identity !== undefined && !model.identities.has(identity)) model.problem(`${at}/identity`, `unknown identity '${identity}'`);
    const needsIdentity = a.action === "remove-device" || a.action === "revoke-device-token" || a.action === "rotate-device-token";
    if (needsIdentity && identity === undefined) model.problem(at, `${a.action} needs identity`);
    const pending = a.action === "approve-pending" || a.action === "reject-pending" || a.action === "approve-node" || a.action === "reject-node";
    if (pending && identity === undefined && a["requestId"] === undefined) model.problem(at, `${a.action} needs identity or requestId`);
    if (a.action === "rotate-shared-token" && typeof a["token"] !== "string") model.problem(at, "rotate-shared-token needs token");
    for (const key of ["identity", "requestId", "role", "scopes", "token", "restart", "pending"]) {
      if (a[key] !== undefined && !allowed(a.action).includes(key)) model.problem(`${at}/${key}`, `${a.action} has no ${key}`);
    }
  },
  run: (step, env) => operatorAction(step.operator, env),
  print: (step) => `operator ${step.operator.action}${"identity" in step.operator && step.operator.identity ? ` ${step.operator.identity}` : ""}`,
});

function allowed(action: OperatorAction["action"]): string[] {
  switch (action) {
    case "approve-pending":
    case "reject-pending":
    case "approve-node":
    case "reject-node":
      return ["identity", "requestId"];
    case "remove-device":
      return ["identity"];
    case "clear-devices":
      return ["pending"];
    case "revoke-device-token":
      return ["identity", "role"];
    case "rotate-device-token":
      return ["identity", "role", "scopes"];
    case "rotate-shared-token":
      return ["token", "restart"];
    case "restart-gateway":
      return [];
  }
}

async function operatorAction(action: OperatorAction, env: StepEnv): Promise<void> {
  const { world } = env;
  const gateway = world.gateway(standardGatewayName);
  const run = (command: OperatorCommand): OperatorRun => world.operator(gatewayMachineName, command);
  const failed = (r: OperatorRun) => (r.rpc?.ok === false ? r.rpc.error.message : r.rpc ? "" : "no answer");
  const expectOk = (r: OperatorRun) => env.ctx.check(r.rpc?.ok === true, "case-operator", `${r.line}: ${failed(r)}`);
  switch (action.action) {
    case "approve-pending":
    case "reject-pending": {
      const requestId = action.requestId !== undefined ? env.resolve(action.requestId) : pendingRequestOf(run, env, action.identity!, "device");
      if (requestId === undefined) return;
      world.rememberRequestId(requestId);
      expectOk(run(action.action === "approve-pending" ? op.devicesApprove(requestId) : op.devicesReject(requestId)));
      return;
    }
    case "approve-node":
    case "reject-node": {
      const requestId = action.requestId !== undefined ? env.resolve(action.requestId) : pendingRequestOf(run, env, action.identity!, "node");
      if (requestId === undefined) return;
      expectOk(run(action.action === "approve-node" ? op.nodesApprove(requestId) : op.nodesReject(requestId)));
      return;
    }
    case "remove-device":
      expectOk(run(op.devicesRemove(env.deviceIdOf(action.identity))));
      return;
    case "clear-devices":
      expectOk(run(op.devicesClear({ yes: true, pending: action.pending ?? false })));
      return;
    case "revoke-device-token":
      expectOk(run(op.devicesRevoke({ deviceId: env.deviceIdOf(action.identity), role: action.role ?? "operator" })));
      return;
    case "rotate-device-token": {
      const deviceId = env.deviceIdOf(action.identity);
      const role = action.role ?? "operator";
      const r = run(op.devicesRotate({ deviceId, role, ...(action.scopes ? { scopes: action.scopes } : {}) }));
      // The new token is what the device's owner would receive; files name it as {{deviceToken:NAME}}.
      const entry = gateway.state.store.paired[deviceId]?.tokens[role];
      if (expectOk(r) && entry) world.rememberDeviceToken(deviceId, role, entry.token);
      return;
    }
    case "rotate-shared-token": {
      // The CLI writes the gateway host's config file (so later `openclaw` commands resolve the new token).
      const token = env.resolve(action.token);
      run(op.rotateSharedToken(token));
      env.token = token;
      if (action.restart === "deferred") {
        world.scheduler.record("operator", "operator", { note: "the gateway's restart is deferred: it keeps the old secret until it restarts" });
        gateway.sharedSecretChangedRestartDeferred(token, gateway.state.config.auth.password);
      } else {
        editGatewaySection(env, standardGatewayName, { auth: { token } });
      }
      return;
    }
    case "restart-gateway":
      world.scheduler.record("operator", "operator", { command: "openclaw gateway restart" });
      gateway.restart();
      requireWithinBudget(await world.advance(world.profile.gateway.startupUnavailableMs ?? 0));
      return;
  }
}

/**
 * `openclaw devices list` (device pairing) or `openclaw nodes pending` (node pairing, whose node id is the device
 * id), then the pending request of the named identity; a `case-operator` finding if there is none.
 */
function pendingRequestOf(run: (c: OperatorCommand) => OperatorRun, env: StepEnv, identity: string, of: "device" | "node"): string | undefined {
  const id = env.deviceIdOf(identity);
  const list = run(of === "device" ? op.devicesList() : op.nodesPending());
  const pending = list.rpc?.ok ? ((list.rpc.payload as { pending?: Record<string, string>[] }).pending ?? []) : [];
  const request = pending.find((p) => p[of === "device" ? "deviceId" : "nodeId"] === id);
  const why = list.rpc?.ok === false ? ` (${list.rpc.error.message})` : "";
  env.ctx.check(request !== undefined, "case-operator", `${list.line} shows no pending request for ${identity}${why}`);
  return request?.["requestId"];
}
