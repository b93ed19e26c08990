// connect: one raw connect attempt (the Attempt format of src/world/attempt, shared with the real-gateway
// oracle) from a standard peer (`from`) or a named host (`host` + `url`), then field-by-field expectations on
// what the gateway answered. The device signs with the release's signature version unless the step says
// otherwise; "{{protocol}}" as a whole value is the release's protocol number, "{{buildId}}" the gateway's build
// where the release has client.buildId (the key is left out where it does not).
// `{ connect: { name: a, from: lan, connect: { params: {…} }, device: { identity: laptop } }, expect: { ok: true } }`
import type { Profile } from "../../../profiles/index.ts";
import type { Attempt, Outcome } from "../../../world/index.ts";
import { requireWithinBudget } from "../../runner.ts";
import type { ScenarioContext } from "../../scenario.ts";
import { gatewayBuildId, resolveBuildId, resolveNumbers } from "../placeholders.ts";
import type { CaseExpect, ConnectPayload } from "../spec.ts";
import { defineStepKind, type StepEnv } from "../step-kind.ts";
import { identitySeedFor, standardOrigin, standardPort } from "../standard-world.ts";

export const attemptWaitMs = 30_000;
const fromSchema = { enum: ["local", "lan", "tailnet", "remote"] };

const attemptSchema = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", minLength: 1 },
    probe: { type: "string" },
    from: fromSchema,
    host: { type: "string" },
    url: { type: "string" },
    background: { type: "boolean", description: "start the attempt and go on; expectations are checked when it ends" },
    token: { type: "string", description: "the shared token {{gatewayToken}} stands for in this attempt (placeholders allowed, e.g. {{configToken:gw}}); default: the run's" },
    headers: { type: "object", additionalProperties: { type: "string" } },
    preFrames: { type: "array", items: { type: "string" } },
    sendBeforeChallenge: { type: "boolean" },
    connect: { type: "object" },
    device: {
      type: "object",
      required: ["identity"],
      properties: {
        identity: { type: "string" },
        payloadVersion: { enum: ["v1", "v2", "v3", "{{signatureVersion}}"] },
        signedAtOffsetMs: { type: "integer" },
        nonce: { type: "string" },
        signNonce: { type: "string" },
        signToken: { type: "string" },
        signScopes: { type: "array", items: { type: "string" } },
        otherKey: { type: "string" },
        idOverride: { type: "string" },
        publicKeyFormat: { enum: ["base64url", "pem", "garbage"] },
        signatureFormat: { enum: ["base64url", "base64"] },
        omitFields: { type: "array", items: { type: "string" } },
        extraFields: { type: "object" },
      },
      additionalProperties: false,
    },
    afterHello: { type: "array", items: { type: "object", required: ["method"], properties: { method: { type: "string" }, params: {} }, additionalProperties: false } },
    waitMsMax: { type: "integer", minimum: 1 },
  },
  additionalProperties: false,
};

const expectSchema = {
  type: "object",
  properties: {
    ok: { type: "boolean" },
    code: { type: "string" },
    message: { type: "string" },
    messageContains: { type: "string" },
    messageNotContains: { type: "string" },
    detailCode: { type: "string" },
    reason: { type: "string" },
    authReason: { type: "string" },
    canRetryWithDeviceToken: { type: "boolean" },
    recommendedNextStep: { type: "string" },
    close: { type: "object", properties: { code: { type: "integer" }, reason: { type: "string" }, reasonContains: { type: "string" } }, additionalProperties: false },
    upgradeStatus: { type: "integer" },
    challenge: { type: "boolean" },
    rpc: { type: "array", items: { type: "object", required: ["method", "ok"], properties: { method: { type: "string" }, ok: { type: "boolean" }, messageContains: { type: "string" } }, additionalProperties: false } },
    helloAuthScopesInclude: { type: "array", items: { type: "string" } },
    deviceTokenIssued: { type: "boolean" },
    requestIdUnchanged: { type: "boolean", description: "details.requestId is (not) the previous pairing answer's ({{lastRequestId}} when the step starts); simulated runs only" },
    rule: { type: "string", description: "the finding's invariant name when an expectation fails" },
  },
  additionalProperties: false,
};

export const connectKind = defineStepKind({
  kind: "connect",
  schema: attemptSchema,
  extras: { expect: expectSchema },
  check(step, model, at) {
    const c = step.connect;
    const identity = (c.device as { identity?: string } | undefined)?.identity;
    if (identity !== undefined && !model.identities.has(identity)) model.problem(`${at}/device/identity`, `unknown identity '${identity}'`);
    if (c.host !== undefined) {
      if (c.from !== undefined) model.problem(`${at}/host`, "give either from (a standard peer) or host, not both");
      if (!model.hosts.has(c.host)) model.problem(`${at}/host`, `no host named '${c.host}' was added before`);
      if (c.url === undefined) model.problem(`${at}/url`, "a connect from a named host needs the url it dials");
    } else if (!model.standard) {
      model.problem(at, "in a bare world a connect names its host and url");
    }
  },
  async run(step, env) {
    const { from, host, url, background, token, ...attemptIn } = step.connect;
    const resolved = resolveBuildId(resolveNumbers(attemptIn, env.profile), { profile: env.profile, buildId: gatewayBuildId(env.world) });
    const attempt = toAttempt(resolved as ConnectPayload, env);
    const where = host !== undefined ? { host, url: url! } : standardOrigin(from ?? "local");
    const label = `step ${env.stepIndex} (${attempt.name})`;
    const stepIndex = env.stepIndex;
    const requestIdBefore = env.world.lastRequestId;
    const handle = env.world.attempt({ fromHost: where.host, url: where.url, port: standardPort, gatewayToken: token !== undefined ? env.resolve(token) : env.token, identities: env.seeds, attempt });
    if (background) {
      // Checked before each later step and at the end of the run, once the outcome is there.
      env.pending.push((final) => {
        if (handle.outcome === undefined) {
          if (final) env.ctx.check(false, "case-step", `${label}: no outcome by the end of the run`, { kind: "liveness" });
          return final;
        }
        env.world.scheduler.record("case", "check", { step: stepIndex, attempt: attempt.name, outcome: handle.outcome as unknown as Record<string, unknown> });
        if (step.expect) checkExpect(step.expect, handle.outcome, label, env.ctx, { before: requestIdBefore, after: env.world.lastRequestId });
        return true;
      });
      return;
    }
    requireWithinBudget(await env.world.advanceUntil(() => handle.outcome !== undefined, attemptWaitMs));
    const outcome = handle.outcome;
    if (!env.ctx.check(outcome !== undefined, "case-step", `${label}: no outcome within ${attemptWaitMs} ms`, { kind: "liveness" })) return;
    env.world.scheduler.record("case", "check", { step: env.stepIndex, attempt: attempt.name, outcome: outcome as unknown as Record<string, unknown> });
    if (step.expect) checkExpect(step.expect, outcome!, label, env.ctx, { before: requestIdBefore, after: env.world.lastRequestId });
  },
  print: (step) => `connect ${step.connect.name} from ${step.connect.host ?? step.connect.from ?? "local"}${step.expect ? ` expecting ${JSON.stringify(step.expect)}` : ""}`,
});

/** {{bootstrapToken:NAME}} / {{setupCode:NAME}} come from the run's setup codes, not from the attempt's socket. */
function withSetupCodes(value: unknown, env: StepEnv): unknown {
  if (typeof value === "string") return value.replace(/\{\{(?:bootstrapToken|setupCode):[^}]+\}\}/g, (whole) => env.resolve(whole));
  if (Array.isArray(value)) return value.map((v) => withSetupCodes(v, env));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSetupCodes(v, env)]));
  return value;
}

function toAttempt(input: ConnectPayload, env: StepEnv): Attempt {
  const raw = env.setupCodes.size > 0 ? (withSetupCodes(input, env) as ConnectPayload) : input;
  return signingAttempt(raw, { seeds: env.seeds, profile: env.profile });
}

/** The attempt with its `device.identity` name turned into the seed it signs with (and `otherKey` likewise);
 *  the device signs with the release's signature version unless it says otherwise. Pure. */
export function signingAttempt(raw: Attempt, options: { readonly seeds: Readonly<Record<string, string>>; readonly profile: Profile }): Attempt {
  if (!raw.device) return raw;
  const { identity, otherKey, ...device } = raw.device as unknown as Record<string, unknown> & { identity: string; otherKey?: string };
  const other = otherKey ? (options.seeds[otherKey] ?? identitySeedFor(otherKey)) : undefined;
  const payloadVersion = options.profile.client.signatureVersion;
  return { ...raw, device: { payloadVersion, ...device, identitySeed: options.seeds[identity]!, ...(other ? { otherKeySeed: other } : {}) } as Attempt["device"] };
}

function checkExpect(e: CaseExpect, o: Outcome, at: string, ctx: ScenarioContext, requestIds: { before: string | undefined; after: string | undefined }): void {
  for (const failure of expectationFailures(e, o, at)) ctx.check(false, failure.rule, failure.message);
  if (e.requestIdUnchanged !== undefined) {
    // Outcomes redact request ids; the world keeps the latest pairing answer's ({{lastRequestId}}).
    const carried = typeof ((o.response?.error?.details ?? {}) as Record<string, unknown>)["requestId"] === "string";
    const unchanged = carried && requestIds.before !== undefined && requestIds.after === requestIds.before;
    ctx.check(carried && unchanged === e.requestIdUnchanged, e.rule ?? "case-expect", `${at}: ${carried ? `details.requestId ${unchanged ? "is" : "is not"} the previous pairing answer's` : "the answer carries no details.requestId"}, expected it ${e.requestIdUnchanged ? "unchanged" : "changed"}`);
  }
}

export interface ExpectationFailure {
  /** The finding's invariant name (`case-expect` unless the expectation names a rule). */
  readonly rule: string;
  readonly message: string;
}

/** What in the outcome breaks the step's expectations, in the order they are written (none: it held). Pure; the
 *  real-gateway bisect (sim/bisect-real) judges a real outcome with the same function. */
export function expectationFailures(e: CaseExpect, o: Outcome, at: string): ExpectationFailure[] {
  const failures: ExpectationFailure[] = [];
  const check = (ok: boolean, rule: string, message: string): void => {
    if (!ok) failures.push({ rule, message });
  };
  const rule = e.rule ?? "case-expect";
  const err = o.response?.error;
  const details = (err?.details ?? {}) as Record<string, unknown>;
  const eq = (field: string, actual: unknown, expected: unknown) =>
    check(JSON.stringify(actual) === JSON.stringify(expected), rule, `${at}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}${field === "ok" && err ? ` (${err.message})` : ""}`);
  const has = (field: string, actual: string | undefined, part: string, want: boolean) =>
    check((actual ?? "").includes(part) === want, rule, `${at}: ${field} ${JSON.stringify(actual)} ${want ? "does not contain" : "contains"} ${JSON.stringify(part)}`);
  if (e.ok !== undefined) eq("ok", o.response?.ok ?? null, e.ok);
  if (e.code !== undefined) eq("error.code", err?.code, e.code);
  if (e.message !== undefined) eq("error.message", err?.message, e.message);
  if (e.messageContains !== undefined) has("error.message", err?.message, e.messageContains, true);
  if (e.messageNotContains !== undefined) has("error.message", err?.message, e.messageNotContains, false);
  if (e.detailCode !== undefined) eq("error.details.code", details["code"], e.detailCode);
  if (e.reason !== undefined) eq("error.details.reason", details["reason"], e.reason);
  if (e.authReason !== undefined) eq("error.details.authReason", details["authReason"], e.authReason);
  if (e.canRetryWithDeviceToken !== undefined) eq("error.details.canRetryWithDeviceToken", details["canRetryWithDeviceToken"], e.canRetryWithDeviceToken);
  if (e.recommendedNextStep !== undefined) eq("error.details.recommendedNextStep", details["recommendedNextStep"], e.recommendedNextStep);
  if (e.close?.code !== undefined) eq("close.code", o.close?.code, e.close.code);
  if (e.close?.reason !== undefined) eq("close.reason", o.close?.reason, e.close.reason);
  if (e.close?.reasonContains !== undefined) has("close.reason", o.close?.reason, e.close.reasonContains, true);
  if (e.upgradeStatus !== undefined) eq("upgrade status", o.upgradeRefused?.status, e.upgradeStatus);
  if (e.challenge !== undefined) eq("challenge nonce", o.challenge?.hasNonce ?? false, e.challenge);
  const auth = (o.response?.helloOk?.auth ?? {}) as Record<string, unknown>;
  if (e.deviceTokenIssued !== undefined) eq("hello-ok.auth.deviceToken issued", auth["deviceToken"] !== undefined, e.deviceTokenIssued);
  for (const scope of e.helloAuthScopesInclude ?? []) {
    check(Array.isArray(auth["scopes"]) && (auth["scopes"] as string[]).includes(scope), rule, `${at}: hello-ok.auth.scopes ${JSON.stringify(auth["scopes"])} lack ${scope}`);
  }
  (e.rpc ?? []).forEach((r, k) => {
    const got = o.rpc?.[k];
    const why = got?.error?.message ? ` (${got.error.message})` : "";
    check(got?.method === r.method && got.ok === r.ok, rule, `${at}: rpc ${k} ${r.method} ok=${got?.ok}, expected ok=${r.ok}${why}`);
    if (r.messageContains !== undefined) has(`rpc ${r.method} error`, got?.error?.message, r.messageContains, true);
  });
  return failures;
}
