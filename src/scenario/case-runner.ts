// Turns a parsed case file into a Scenario: builds the gateway with pre-seeded pairing state, runs each step
// (connect attempt, operator action, wait, pairing expectation) in virtual time, and checks expectations.
import { createHash } from "node:crypto";
import { identityFromSeed } from "../crypto/index.ts";
import { randomToken } from "../kernel/index.ts";
import { normalizeDeviceAuthScopes } from "../protocol/index.ts";
import {
  approveDevicePairing,
  emptyPairingStore,
  rejectDevicePairing,
  removePairedDevice,
  revokeDeviceToken,
  rotateDeviceToken,
  type PairingStore,
} from "../gateway/index.ts";
import type { Attempt, ObservedRpc, Outcome, World } from "../world/index.ts";
import type { CaseExpect, CaseFile, CaseFrom, CaseStep, OperatorAction, PairingExpect } from "./case-file.ts";
import { requireWithinBudget } from "./runner.ts";
import { applyFault, caseInvariants, checkClient, gatewayHostName, startClient, type StepEnv } from "./case-steps.ts";
import type { Scenario, ScenarioContext } from "./scenario.ts";

export const casePort = 18789;
const attemptWaitMs = 30_000;

export function identitySeedFor(name: string): string {
  return createHash("sha256").update(`clawsim-identity:${name}`).digest("hex");
}

function identitySeeds(file: CaseFile): Record<string, string> {
  if (Array.isArray(file.identities)) return Object.fromEntries(file.identities.map((n) => [n, identitySeedFor(n)]));
  return { ...(file.identities ?? {}) };
}

export function caseScenario(file: CaseFile): Scenario {
  const { default: verdictDefault, ...verdicts } = file.verdicts ?? {};
  return {
    name: file.name,
    description: file.description ?? file.name,
    expect: verdicts,
    expectDefault: verdictDefault ?? "pass",
    invariants: () => caseInvariants(file),
    run: (ctx) => runCase(file, ctx),
  };
}

function deviceIdOf(seeds: Record<string, string>, name: string): string {
  const seed = seeds[name];
  if (!seed) throw new Error(`unknown identity '${name}'`);
  return identityFromSeed(Uint8Array.from(Buffer.from(seed, "hex"))).deviceId;
}

function seededStore(file: CaseFile, seeds: Record<string, string>, world: World): PairingStore {
  const store = emptyPairingStore();
  const prng = world.scheduler.stream("case:pairing");
  for (const entry of file.pairing?.paired ?? []) {
    const seed = seeds[entry.identity];
    if (!seed) throw new Error(`pairing names unknown identity '${entry.identity}'`);
    const id = identityFromSeed(Uint8Array.from(Buffer.from(seed, "hex")));
    const role = entry.role ?? "operator";
    const scopes = normalizeDeviceAuthScopes(entry.scopes ?? ["operator.admin"]);
    store.paired[id.deviceId] = {
      deviceId: id.deviceId,
      publicKey: id.publicKeyBase64Url,
      role,
      roles: [role],
      scopes,
      approvedScopes: scopes,
      tokens: { [role]: { token: randomToken(prng), role, scopes, createdAtMs: 0 } },
      createdAtMs: 0,
      approvedAtMs: 0,
    };
  }
  return store;
}

async function runCase(file: CaseFile, ctx: ScenarioContext): Promise<void> {
  const { world } = ctx;
  const seeds = identitySeeds(file);
  world.addHost({ name: gatewayHostName, kind: "lan", alsoOn: ["tailnet", "remote"] });
  world.addHost({ name: "tailnet-peer", kind: "tailnet" });
  world.addHost({ name: "lan-peer", kind: "lan" });
  world.addHost({ name: "remote-peer", kind: "remote" });
  const token = file.gateway?.auth?.token ?? "";
  const gateway = world.addGateway({
    name: "gateway",
    host: "gateway-host",
    port: casePort,
    config: {
      auth: { mode: file.gateway?.auth?.mode ?? "token", token: file.gateway?.auth?.token, password: file.gateway?.auth?.password, rateLimit: file.gateway?.auth?.rateLimit as never },
      controlUi: file.gateway?.controlUi,
      trustedProxies: file.gateway?.trustedProxies,
    },
    store: seededStore(file, seeds, world),
  });
  // Pre-seeded device tokens are reachable as {{deviceToken:NAME}} like ones issued during the run.
  for (const [name] of Object.entries(seeds)) {
    const deviceId = deviceIdOf(seeds, name);
    for (const t of Object.values(gateway.state.store.paired[deviceId]?.tokens ?? {})) world.rememberDeviceToken(deviceId, t.role, t.token);
  }
  requireWithinBudget(await world.advance(world.profile.gateway.startupUnavailableMs ?? 0));
  const env: CaseEnv = {
    file,
    ctx,
    seeds,
    token,
    port: casePort,
    rules: [],
    resolve: (text) => resolvePlaceholders(text, env),
  };
  for (const [i, step] of file.steps.entries()) await runStep(step, i, env);
}

interface CaseEnv extends StepEnv {
  file: CaseFile;
  token: string;
}

function resolvePlaceholders(text: string, env: CaseEnv): string {
  return text.replace(/\{\{(gatewayToken|deviceToken:([^}/]+)(?:\/([^}]+))?)\}\}/g, (whole, _all: string, name?: string, role?: string) => {
    if (!name) return env.token;
    if (!env.seeds[name]) return whole;
    return env.ctx.world.deviceTokenFor(deviceIdOf(env.seeds, name), role ?? "operator") ?? whole;
  });
}

async function runStep(step: CaseStep, i: number, env: CaseEnv): Promise<void> {
  const { world } = env.ctx;
  if ("wait" in step) {
    requireWithinBudget(await world.advance(step.wait));
    return;
  }
  if ("operator" in step) {
    await operatorAction(step.operator, env);
    return;
  }
  if ("expectPairing" in step) {
    checkPairing(step.expectPairing, i, env);
    return;
  }
  if ("client" in step) return startClient(step.client, env);
  if ("fault" in step) return applyFault(step.fault, env);
  if ("expectClient" in step) return checkClient(step.expectClient, i, env);
  if ("credentials" in step) {
    const { client, ...change } = step.credentials;
    const resolved = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, typeof v === "string" ? env.resolve(v) : v]));
    world.client(client).credentialsChanged(resolved);
    return;
  }
  const { from, ...attemptIn } = step.connect;
  const attempt = toAttempt(attemptIn as Attempt & { device?: { identity?: string; otherKey?: string } }, env.seeds);
  const where = origin(from ?? "local");
  const handle = world.attempt({ fromHost: where.host, url: where.url, port: casePort, gatewayToken: env.token, identities: env.seeds, attempt });
  requireWithinBudget(await world.advanceUntil(() => handle.outcome !== undefined, attemptWaitMs));
  const outcome = handle.outcome;
  if (!env.ctx.check(outcome !== undefined, "case-step", `step ${i} (${attempt.name}): no outcome within ${attemptWaitMs} ms`, { kind: "liveness" })) return;
  world.scheduler.record("case", "check", { step: i, attempt: attempt.name, outcome: outcome as unknown as Record<string, unknown> });
  if (step.expect) checkExpect(step.expect, outcome!, `step ${i} (${attempt.name})`, env.ctx);
}

function origin(from: CaseFrom): { host: string; url: string } {
  switch (from) {
    case "local":
      return { host: "gateway-host", url: `ws://127.0.0.1:${casePort}` };
    case "lan":
      return { host: "lan-peer", url: `ws://gateway-host:${casePort}` };
    case "tailnet":
      return { host: "tailnet-peer", url: `ws://gateway-host:${casePort}` };
    case "remote":
      return { host: "remote-peer", url: `ws://gateway-host:${casePort}` };
  }
}

function toAttempt(raw: Attempt & { device?: { identity?: string; otherKey?: string } }, seeds: Record<string, string>): Attempt {
  if (!raw.device) return raw;
  const { identity, otherKey, ...device } = raw.device as unknown as Record<string, unknown> & { identity?: string; otherKey?: string };
  const seed = identity ? seeds[identity] : undefined;
  if (!seed) throw new Error(`attempt ${raw.name}: unknown identity '${identity}'`);
  const other = otherKey ? (seeds[otherKey] ?? identitySeedFor(otherKey)) : undefined;
  return { ...raw, device: { payloadVersion: "v3", ...device, identitySeed: seed, ...(other ? { otherKeySeed: other } : {}) } as Attempt["device"] };
}

async function operatorAction(action: OperatorAction, env: CaseEnv): Promise<void> {
  const { world } = env.ctx;
  const gateway = world.gateway("gateway");
  const store = gateway.state.store;
  const nowMs = gateway.clock.nowMs();
  const prng = world.scheduler.stream("case:operator");
  world.scheduler.record("operator", "operator", { command: action.action, ...action });
  switch (action.action) {
    case "approve-pending":
    case "reject-pending": {
      const deviceId = deviceIdOf(env.seeds, action.identity);
      const pending = Object.values(store.pending).find((p) => p.deviceId === deviceId);
      env.ctx.check(pending !== undefined, "case-operator", `${action.action}: no pending request for ${action.identity}`);
      if (!pending) return;
      if (action.action === "approve-pending") approveDevicePairing(store, pending.requestId, nowMs, prng);
      else rejectDevicePairing(store, pending.requestId);
      break;
    }
    case "remove-device":
      removePairedDevice(store, deviceIdOf(env.seeds, action.identity));
      break;
    case "revoke-device-token":
      revokeDeviceToken(store, { deviceId: deviceIdOf(env.seeds, action.identity), role: action.role ?? "operator", nowMs, removeRole: world.profile.gateway.revokeRemovesRole });
      break;
    case "rotate-device-token": {
      const deviceId = deviceIdOf(env.seeds, action.identity);
      const entry = rotateDeviceToken(store, { deviceId, role: action.role ?? "operator", scopes: action.scopes, nowMs, prng });
      if (entry) world.rememberDeviceToken(deviceId, entry.role, entry.token);
      break;
    }
    case "rotate-shared-token":
      env.token = action.token;
      gateway.sharedSecretChanged(action.token, undefined);
      break;
    case "restart-gateway":
      gateway.restart();
      requireWithinBudget(await world.advance(world.profile.gateway.startupUnavailableMs ?? 0));
      break;
  }
  gateway.persisted = structuredClone(store);
}

function checkPairing(expect: PairingExpect, i: number, env: CaseEnv): void {
  const store = env.ctx.world.gateway("gateway").state.store;
  const deviceId = deviceIdOf(env.seeds, expect.identity);
  const pending = Object.values(store.pending).filter((p) => p.deviceId === deviceId);
  const at = `step ${i} (pairing of ${expect.identity})`;
  const { check } = env.ctx;
  if (expect.pending !== undefined) check(pending.length === expect.pending, "case-expect", `${at}: pending requests ${pending.length}, expected ${expect.pending}`);
  if (expect.paired !== undefined) check((store.paired[deviceId] !== undefined) === expect.paired, "case-expect", `${at}: paired is ${store.paired[deviceId] !== undefined}, expected ${expect.paired}`);
  if (expect.pendingRole !== undefined) check(pending[0]?.role === expect.pendingRole, "case-expect", `${at}: pending role ${pending[0]?.role}, expected ${expect.pendingRole}`);
  for (const scope of expect.pendingScopesInclude ?? []) check(pending[0]?.scopes?.includes(scope) === true, "case-expect", `${at}: pending scopes ${JSON.stringify(pending[0]?.scopes)} lack ${scope}`);
}

function checkExpect(e: CaseExpect, o: Outcome, at: string, ctx: ScenarioContext): void {
  const err = o.response?.error;
  const details = (err?.details ?? {}) as Record<string, unknown>;
  const eq = (field: string, actual: unknown, expected: unknown) =>
    ctx.check(JSON.stringify(actual) === JSON.stringify(expected), "case-expect", `${at}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  if (e.ok !== undefined) eq("ok", o.response?.ok ?? null, e.ok);
  if (e.code !== undefined) eq("error.code", err?.code, e.code);
  if (e.message !== undefined) eq("error.message", err?.message, e.message);
  if (e.messageContains !== undefined) ctx.check((err?.message ?? "").includes(e.messageContains), "case-expect", `${at}: error.message ${JSON.stringify(err?.message)} does not contain ${JSON.stringify(e.messageContains)}`);
  if (e.messageNotContains !== undefined) ctx.check(!(err?.message ?? "").includes(e.messageNotContains), "case-expect", `${at}: error.message ${JSON.stringify(err?.message)} contains ${JSON.stringify(e.messageNotContains)}`);
  if (e.detailCode !== undefined) eq("error.details.code", details["code"], e.detailCode);
  if (e.reason !== undefined) eq("error.details.reason", details["reason"], e.reason);
  if (e.authReason !== undefined) eq("error.details.authReason", details["authReason"], e.authReason);
  if (e.canRetryWithDeviceToken !== undefined) eq("error.details.canRetryWithDeviceToken", details["canRetryWithDeviceToken"], e.canRetryWithDeviceToken);
  if (e.recommendedNextStep !== undefined) eq("error.details.recommendedNextStep", details["recommendedNextStep"], e.recommendedNextStep);
  if (e.close?.code !== undefined) eq("close.code", o.close?.code, e.close.code);
  if (e.close?.reason !== undefined) eq("close.reason", o.close?.reason, e.close.reason);
  if (e.close?.reasonContains !== undefined) ctx.check((o.close?.reason ?? "").includes(e.close.reasonContains), "case-expect", `${at}: close.reason ${JSON.stringify(o.close?.reason)} does not contain ${JSON.stringify(e.close.reasonContains)}`);
  if (e.upgradeStatus !== undefined) eq("upgrade status", o.upgradeRefused?.status, e.upgradeStatus);
  if (e.challenge !== undefined) eq("challenge nonce", o.challenge?.hasNonce ?? false, e.challenge);
  const auth = (o.response?.helloOk?.auth ?? {}) as Record<string, unknown>;
  if (e.deviceTokenIssued !== undefined) eq("hello-ok.auth.deviceToken issued", auth["deviceToken"] !== undefined, e.deviceTokenIssued);
  for (const scope of e.helloAuthScopesInclude ?? []) ctx.check(Array.isArray(auth["scopes"]) && (auth["scopes"] as string[]).includes(scope), "case-expect", `${at}: hello-ok.auth.scopes ${JSON.stringify(auth["scopes"])} lack ${scope}`);
  (e.rpc ?? []).forEach((r, k) => {
    const got = o.rpc?.[k];
    ctx.check(got?.method === r.method && got.ok === r.ok, "case-expect", `${at}: rpc ${k} ${r.method} ok=${got?.ok}, expected ok=${r.ok}${rpcAnswerReason(got)}`);
    if (r.messageContains !== undefined) ctx.check((got?.error?.message ?? "").includes(r.messageContains), "case-expect", `${at}: rpc ${r.method} error ${JSON.stringify(got?.error?.message)} lacks ${JSON.stringify(r.messageContains)}`);
  });
}

/** Why an RPC answered as it did, for a failed expectation: the error's code, message and detail code. */
function rpcAnswerReason(got: ObservedRpc | undefined): string {
  if (!got) return " (no answer)";
  if (got.ok || !got.error) return "";
  const detail = (got.error.details as { code?: unknown } | undefined)?.code;
  return ` (answer: ${got.error.code} ${JSON.stringify(got.error.message)}${typeof detail === "string" ? ` ${detail}` : ""})`;
}
