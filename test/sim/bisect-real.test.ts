// bisect --real without a network: which scenarios translate to a real gateway (and the one line saying why
// not), the plan per profile, the plan run against the model's World agreeing with the interpreter's verdict,
// the per-release rows (one start per release and plan, "could not run" rows) and the model-vs-real findings.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { caseScenario, findProfile, parseCaseFile, profiles, runScenario, type RunSpec } from "../../src/index.ts";
import { gatewayConfigInput } from "../../src/scenario/lang/gateway-section.ts";
import { ModelSide } from "../../sim/conformance/sides.ts";
import { executePlan } from "../../sim/bisect-real/execute.ts";
import { realPlan, runnableOnReal, type RealPlan } from "../../sim/bisect-real/plan.ts";
import { releaseRowFor, releaseRows } from "../../sim/bisect-real/releases.ts";
import { describeRealFlips, fidelityDifferences, realFlipPoints, realRows, type RealOutcome } from "../../sim/bisect-real/rows.ts";
import type { BisectRow } from "../../sim/bisect.ts";

const root = join(import.meta.dirname, "..", "..");
function specOf(file: string): RunSpec {
  const path = join(root, "scenarios/files", file);
  const parsed = parseCaseFile(readFileSync(path, "utf8"), path);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.file;
}
const profile = (name: string) => findProfile(name)!;
const connect = (extra: Record<string, unknown> = {}) => ({
  connect: { name: "a", connect: { params: { minProtocol: "{{protocol}}", maxProtocol: "{{protocol}}" } }, ...extra },
});
const base: RunSpec = { name: "t", gateway: { auth: { mode: "token", token: "t0k3n" } }, steps: [] };
const withSteps = (steps: unknown[], extra: Partial<RunSpec> = {}): RunSpec => ({ ...base, ...extra, steps: steps as RunSpec["steps"] });

describe("which scenarios run on a real gateway", () => {
  it.each([
    ["connect-before-challenge.yaml", "step 0 (connect): sendBeforeChallenge: the real driver sends connect after the challenge"],
    ["wrong-token-stops.yaml", "step 0 (client): no real-gateway counterpart"],
    ["read-methods-after-hello.yaml", "pairing (a paired.json written before the gateway starts)"],
    ["shared-ip-rate-limited.yaml", "step 0 (client)"],
    ["node-pairing.yaml", "step"],
  ])("%s is refused: %s", (file, reason) => {
    const r = runnableOnReal(specOf(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
  it.each([
    ["from lan", withSteps([{ connect: { name: "a", from: "lan", connect: { params: {} } } }]), "step 0 (connect): from lan"],
    ["a background attempt", withSteps([connect({ background: true })]), "step 0 (connect): background"],
    ["{{buildId}}", withSteps([{ connect: { name: "a", connect: { params: { client: { buildId: "{{buildId}}" } } } } }]), "{{buildId}}"],
    ["a gateway restart", withSteps([connect(), { operator: { action: "restart-gateway" } }]), "step 1 (operator): restart-gateway"],
    ["a shared-token rotation", withSteps([{ operator: { action: "rotate-shared-token", token: "x" } }]), "step 0 (operator): rotate-shared-token"],
    ["a fault", withSteps([{ fault: { heal: true } }]), "step 0 (fault)"],
    ["a clock jump", withSteps([{ clock: { host: "gateway-host", deltaMs: 1000 } }]), "step 0 (clock)"],
    ["a long wait", withSteps([{ wait: 600_000 }]), "step 0 (wait): 600000 ms"],
    ["waits adding up", withSteps([{ wait: 120_000 }, { wait: 120_000 }, { wait: 120_000 }]), "step 2 (wait): waits add up"],
    ["a bare world", withSteps([], { world: "bare" }), "world: bare"],
    ["invariants", withSteps([connect()], { invariants: ["retries-bounded", { name: "converges" }] }), "invariants (retries-bounded, converges) observe the model's trace"],
    ["trusted-proxy auth", withSteps([], { gateway: { auth: { mode: "trusted-proxy", trustedProxy: { userHeader: "x-u" } } } }), "trusted-proxy"],
    ["token mode without a token", withSteps([], { gateway: { auth: { mode: "token" } } }), "gateway.auth.token missing"],
    ["a LAN bind", withSteps([], { gateway: { bind: "lan", auth: { token: "t" } } }), "gateway.bind lan"],
  ])("refuses %s", (_what, spec, reason) => {
    const r = runnableOnReal(spec);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
  it("accepts connects, RPC operator actions, short waits and notes", () => {
    const spec = withSteps([
      connect(),
      { operator: { action: "approve-pending", identity: "x" } },
      { operator: { action: "rotate-device-token", identity: "x" } },
      { wait: 5000 },
      { note: "n" },
    ]);
    expect(runnableOnReal(spec)).toEqual({ ok: true });
    expect(runnableOnReal(specOf("signed-at-skew.yaml"))).toEqual({ ok: true });
    expect(runnableOnReal(specOf("scope-upgrade-approval.yaml"))).toEqual({ ok: true });
  });
});

describe("the plan per profile", () => {
  it("takes the release's protocol and signature version, the file's token and config", () => {
    const spec = specOf("signed-at-skew.yaml");
    const late = realPlan(spec, profile("2026.9"));
    const early = realPlan(spec, profile("2026.2.17"));
    expect(late.config).toEqual({ gateway: { auth: { mode: "token", token: "skew-test-token" } } });
    expect([late.protocol, late.signatureVersion, early.protocol, early.signatureVersion]).toEqual([4, "v3", 3, "v2"]);
    const step = early.steps[1]!;
    expect(step.kind).toBe("connect");
    if (step.kind !== "connect") return;
    expect(step.attempt.device).toMatchObject({ payloadVersion: "v2", signedAtOffsetMs: -300_000, identitySeed: early.identities["laggard"] });
    expect((step.attempt.connect as { params: Record<string, unknown> }).params["minProtocol"]).toBe(3);
    expect(step.expect).toEqual({ ok: true, rule: "signature-skew-window" });
  });
  it("leaves out steps whose `when` excludes the profile and spells device-token placeholders for the driver", () => {
    const spec = withSteps([
      { wait: 10, when: { profiles: ["2026.9"] } },
      { connect: { name: "a", connect: { params: { auth: { deviceToken: "{{deviceToken:laptop:node}}" } } } } },
    ]);
    expect(realPlan(spec, profile("2026.4")).steps.map((s) => s.kind)).toEqual(["connect"]);
    const plan = realPlan(spec, profile("2026.9"));
    expect(plan.steps.map((s) => s.kind)).toEqual(["wait", "connect"]);
    expect(JSON.stringify(plan.steps[1])).toContain("{{deviceToken:laptop/node}}");
  });
});

/** The plan run on the model's own attempt path (a World behind ModelSide), judged like the real run. */
async function planOnModel(spec: RunSpec, name: string) {
  const plan: RealPlan = realPlan(spec, profile(name));
  const side = new ModelSide({ profile: profile(name), identities: plan.identities, config: gatewayConfigInput(spec.gateway), token: plan.gatewayToken });
  return await executePlan(plan, side, { sleep: async () => {} });
}

describe("the translation agrees with the interpreter (the plan run against the model's World)", () => {
  for (const file of ["signed-at-skew.yaml", "scope-upgrade-approval.yaml"]) {
    it(`${file}: same verdict under every profile`, async () => {
      const spec = specOf(file);
      for (const p of profiles) {
        const interpreted = await runScenario(caseScenario(spec), { seed: 424242n, profile: p });
        const planned = await planOnModel(spec, p.name);
        expect(`${p.name} ${planned.verdict}`, planned.failures.map((f) => f.message).join("; ")).toBe(`${p.name} ${interpreted.verdict}`);
      }
    }, 60_000);
  }
});

describe("rows over the releases", () => {
  const ran = (verdict: "pass" | "fail"): RealOutcome => ({ kind: "ran", verdict, failures: verdict === "fail" ? [{ rule: "r", message: "step 1 (x): broke" }] : [], log: [] });
  it("starts each release once per plan, says which could not run, and words the flips like bisect", async () => {
    const started: string[] = [];
    const verdictOf: Record<string, RealOutcome> = {
      "2026.2.12": { kind: "could-not-run", why: "did not listen" },
      "2026.2.17": ran("pass"),
      "2026.2.22": ran("fail"),
      "2026.3.2": ran("fail"),
      "2026.3.13": ran("fail"),
      "2026.3.31": ran("fail"),
      "2026.4.14": ran("fail"),
      "2026.4.22": ran("fail"),
      "2026.5.28": ran("fail"),
      "2026.6.11": ran("fail"),
      "2026.7.1": ran("fail"),
      "2026.8.2": ran("fail"),
      "2026.9.6": ran("fail"),
    };
    const rows = await realRows(specOf("signed-at-skew.yaml"), profiles, async (row) => {
      started.push(row.release!);
      return verdictOf[row.release!]!;
    });
    expect(started).toEqual(["2026.2.12", "2026.2.17", "2026.2.22", "2026.3.2", "2026.3.13", "2026.3.31", "2026.4.14", "2026.4.22", "2026.5.28", "2026.6.11", "2026.7.1", "2026.8.2", "2026.9.6"]);
    expect(rows[0]!.profile).toBe("2026.2.12");
    expect(rows[1]!.sameRunAs).toBe("2026.2.12");
    expect(describeRealFlips(rows)).toBe("passes up to 2026.2.17, fails from 2026.2.22 (could not run: 2026.2.12, 2026.2.13, 2026.2.14)");
    expect(realFlipPoints(rows)).toEqual(["2026.2.22"]);
    const model: BisectRow[] = profiles.map((p) => ({ profile: p.name, verdict: p.name === "2026.3" || p.name.startsWith("2026.2.1") ? "pass" : "fail", findings: 0, traceHash: "" }));
    expect(fidelityDifferences(rows, model)).toEqual([{ profile: "2026.3", release: "2026.3.13", model: "pass", real: "fail", detail: "step 1 (x): broke" }]);
  });
  it("a profile without a release row could not run; the table maps every catalog profile", async () => {
    expect(releaseRowFor("2099.1").release).toBeNull();
    expect(profiles.map((p) => releaseRowFor(p.name).release)).not.toContain(null);
    expect(new Set(releaseRows.map((r) => r.profile)).size).toBe(releaseRows.length);
    const rows = await realRows(specOf("signed-at-skew.yaml"), [profile("2026.9")], async () => ran("pass"), [{ profile: "2026.4", release: "2026.4.14" }]);
    expect(rows[0]!.outcome).toMatchObject({ kind: "could-not-run" });
    expect(describeRealFlips(rows)).toBe("no release could run");
  });
});

describe("pnpm sim bisect --real on bad input", () => {
  it("a scenario with simulated clients: one line, exit 2, no gateway started", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "sim", "main.ts"), "bisect", "scenarios/files/wrong-token-stops.yaml", "--real"], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/wrong-token-stops\.yaml: not runnable on a real gateway: step 0 \(client\)/);
  }, 120_000);
});
