// Runs a RealPlan's steps against one gateway side — the oracle driver over real loopback sockets in
// `bisect --real`, or any other AttemptOracle (the unit test drives the model's World) — and judges each
// connect's outcome with the same expectation check the interpreter uses. The operator is the gateway host's
// CLI device (`operator-cli`, as in the model's standard world) sending one pairing/token RPC per action.
// Reads wall time only for `wait` steps (a bounded sleep, injected so tests need not wait).
import { expectationFailures, type ExpectationFailure } from "../../src/scenario/index.ts";
import type { Attempt, Outcome, RpcCall } from "../oracle/attempt.ts";
import { identityFromSeed } from "../oracle/device-proof.ts";
import { operatorCliIdentityName } from "../../src/scenario/index.ts";
import type { RealPlan, RealStep } from "./plan.ts";

/** Runs one attempt; state (pairings, tokens) carries over between calls. */
export interface GatewaySide {
  run(attempt: Attempt): Promise<Outcome>;
  /** A device token handed out by an RPC (rotate), so later `{{deviceToken:NAME}}` resolve to it. */
  rememberDeviceToken?(deviceId: string, role: string, token: string): void;
}

export interface PlanResult {
  readonly verdict: "pass" | "fail";
  readonly failures: readonly ExpectationFailure[];
  /** Per step run: index and a one-line digest of what came back. */
  readonly log: readonly string[];
}

export interface ExecuteOptions {
  /** Waits this long (wall ms); default a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The operator CLI's connect with one RPC after hello: its own device, the shared secret, operator.admin. */
export function operatorAttempt(plan: RealPlan, name: string, call: RpcCall): Attempt {
  const auth = plan.authMode === "token" ? { token: plan.secret } : plan.authMode === "password" ? { password: plan.secret } : undefined;
  return {
    name,
    probe: `operator ${call.method}`,
    device: { identitySeed: plan.identities[operatorCliIdentityName]!, payloadVersion: plan.signatureVersion as "v2" | "v3" },
    connect: {
      params: {
        minProtocol: plan.protocol,
        maxProtocol: plan.protocol,
        client: { id: "cli", version: "clawsim", platform: "linux", mode: "cli" },
        role: "operator",
        scopes: ["operator.admin"],
        ...(auth !== undefined ? { auth } : {}),
      },
    },
    afterHello: [call],
  };
}

function digest(outcome: Outcome): string {
  if (outcome.upgradeRefused) return `upgrade refused ${outcome.upgradeRefused.status}`;
  const r = outcome.response;
  if (r === null) return `no response${outcome.close ? ` (closed ${outcome.close.code})` : ""}`;
  if (r.ok) return `hello-ok${(outcome.rpc ?? []).map((c) => ` ${c.method}=${c.ok ? "ok" : (c.error?.message ?? "error")}`).join("")}`;
  return `${r.error?.code}: ${r.error?.message}`;
}

type Step<K extends RealStep["kind"]> = Extract<RealStep, { kind: K }>;

interface Run {
  readonly plan: RealPlan;
  readonly side: GatewaySide;
  readonly failures: ExpectationFailure[];
  readonly log: string[];
  /** The identity seed of the device last answered with a pairing request (its id is `{{lastRequestId}}`). */
  lastPairingSeed?: string;
}

async function rpc(run: Run, step: Step<"operator">, call: RpcCall): Promise<Outcome["rpc"]> {
  const outcome = await run.side.run(operatorAttempt(run.plan, `step-${step.index}-operator`, call));
  const answer = outcome.rpc?.[0];
  run.log.push(`step ${step.index} (operator ${call.method}): ${digest(outcome)}`);
  const why = outcome.response?.ok === false ? `the operator's connect failed (${outcome.response.error?.message})` : answer?.ok === false ? answer.error?.message : "no answer";
  if (answer?.ok !== true) run.failures.push({ rule: "case-operator", message: `step ${step.index} (operator ${step.action.action}): ${call.method} failed: ${why}` });
  return answer?.ok === true ? outcome.rpc : undefined;
}

/** `openclaw devices list`, then the identity's pending request. A side whose list answer carries no pending
 *  entries (the model's attempt path redacts them) falls back to `{{lastRequestId}}` when that identity's device
 *  was the last one asked to pair. */
async function pendingRequestId(run: Run, step: Step<"operator">, identity: string): Promise<string | undefined> {
  const listed = await rpc(run, step, { method: "device.pair.list" });
  if (listed === undefined) return undefined;
  const seed = run.plan.identities[identity]!;
  const deviceId = identityFromSeed(seed).deviceId;
  const summary = listed[0]?.summary as { pending?: { requestId?: string; deviceId?: string }[] } | undefined;
  if (summary?.pending === undefined && run.lastPairingSeed === seed) return "{{lastRequestId}}";
  const requestId = (summary?.pending ?? []).find((p) => p.deviceId === deviceId)?.requestId;
  if (requestId === undefined) run.failures.push({ rule: "case-operator", message: `step ${step.index}: device.pair.list shows no pending request for ${identity}` });
  return requestId;
}

async function operatorStep(run: Run, step: Step<"operator">): Promise<void> {
  const a = step.action;
  const deviceIdOf = (name: string) => identityFromSeed(run.plan.identities[name]!).deviceId;
  switch (a.action) {
    case "approve-pending":
    case "reject-pending": {
      const requestId = a.requestId ?? (a.identity !== undefined ? await pendingRequestId(run, step, a.identity) : undefined);
      if (requestId === undefined) return;
      await rpc(run, step, { method: a.action === "approve-pending" ? "device.pair.approve" : "device.pair.reject", params: { requestId } });
      return;
    }
    case "remove-device":
      await rpc(run, step, { method: "device.pair.remove", params: { deviceId: deviceIdOf(a.identity) } });
      return;
    case "revoke-device-token":
      await rpc(run, step, { method: "device.token.revoke", params: { deviceId: deviceIdOf(a.identity), role: a.role ?? "operator" } });
      return;
    case "rotate-device-token": {
      const deviceId = deviceIdOf(a.identity);
      const role = a.role ?? "operator";
      const answer = await rpc(run, step, { method: "device.token.rotate", params: { deviceId, role, ...(a.scopes ? { scopes: a.scopes } : {}) } });
      const token = (answer?.[0]?.summary as { token?: unknown } | undefined)?.token;
      if (typeof token === "string") run.side.rememberDeviceToken?.(deviceId, role, token);
      return;
    }
  }
}

/** Runs every step in order; the verdict is fail when any expectation or operator action failed. */
export async function executePlan(plan: RealPlan, side: GatewaySide, options: ExecuteOptions = {}): Promise<PlanResult> {
  const run: Run = { plan, side, failures: [], log: [] };
  for (const step of plan.steps) {
    switch (step.kind) {
      case "connect": {
        const outcome = await side.run(step.attempt);
        run.log.push(`step ${step.index} (${step.attempt.name}): ${digest(outcome)}`);
        const details = outcome.response?.error?.details as { requestId?: unknown } | undefined;
        if (details?.requestId !== undefined && step.attempt.device !== undefined) run.lastPairingSeed = step.attempt.device.identitySeed;
        if (step.expect) run.failures.push(...expectationFailures(step.expect, outcome, `step ${step.index} (${step.attempt.name})`));
        break;
      }
      case "operator":
        await operatorStep(run, step);
        break;
      case "wait":
        await (options.sleep ?? realSleep)(step.ms);
        run.log.push(`step ${step.index} (wait): ${step.ms} ms`);
        break;
    }
  }
  return { verdict: run.failures.length === 0 ? "pass" : "fail", failures: run.failures, log: run.log };
}
