// The gateway-world draw (src/chaos/worlds-gateway.ts): on a stream of its own, so the rest of a plan is what it
// was without it; it reaches every twist (auth-mode episodes in both modes, setup codes of both kinds) and keeps
// other twists out of an episode's window; its steps translate to the step language. The two equivalence claims
// it added to mutants.ts are checked here against the gateway's own functions, so they can fail.
import { describe, expect, it } from "vitest";
import { equivalentMutants, findPreset, findProfile, generatePlan, planToRunSpec, singleSwitchMutants, type ChaosPlan, type TimedStep } from "../../src/index.ts";
import { authModeEpisodeMs, deviceRpcTwists, gatewayTwists, isPairingScopeTwistProbe, mergedRoleApprovalName, pairingScopeTwists, proxiedUiOrigin, rotateUnapprovedRoleName, secretFallbackResetName, customBindEpisodeName, autoBindEpisodeName, tokenlessEpisodeToken } from "../../src/chaos/worlds-gateway.ts";
import { runChaosPlan } from "../../sim/chaos-run.ts";
import { isKilled, killRate, mutantTargets } from "../../sim/chaos-kill-rate.ts";
import { buildSignaturePayload, identityFromSeed, signPayload } from "../../src/crypto/index.ts";
import { authorizeGatewayConnect } from "../../src/gateway/shared-auth.ts";
import { verifyDeviceProof } from "../../src/gateway/device-proof.ts";

const light = findPreset("light")!;
const parent = findProfile("2026.9")!;

function isGatewayStep(s: TimedStep, steps: readonly TimedStep[] = []): boolean {
  return s.step.kind === "config-edit" || s.step.kind === "cli-auth-loss" || s.step.kind === "setup-code" || (s.step.kind === "probe" && s.step.attempt.name.startsWith("gw-")) || isTokenlessEpisodeStep(s, steps);
}

/** The tokenless episode's timeline-kind steps: the new token at its end, and the approval round 3 s before it. */
function isTokenlessEpisodeStep(s: TimedStep, steps: readonly TimedStep[]): boolean {
  const endsAt = steps.flatMap((e) => (e.step.kind === "rotate-token" && e.step.token === tokenlessEpisodeToken ? [e.atMs] : []));
  if (s.step.kind === "rotate-token") return s.step.token === tokenlessEpisodeToken;
  return s.step.kind === "approve-pending" && endsAt.some((t) => s.atMs === t - 3_000);
}

function twistOf(s: TimedStep): string | undefined {
  if (s.step.kind === "setup-code") return "setup-code";
  if (s.step.kind !== "probe" || !s.step.attempt.name.startsWith("gw-")) return undefined;
  return gatewayTwists.find((t) => s.step.kind === "probe" && s.step.attempt.name.startsWith(`gw-${t}-`));
}

function withoutGatewayWorld(plan: ChaosPlan): ChaosPlan {
  const { trustedProxies, container, ...gateway } = plan.gateway;
  void trustedProxies;
  void container;
  return { ...plan, gateway, steps: plan.steps.filter((s) => !isGatewayStep(s, plan.steps)) };
}

describe("the gateway-world draw", () => {
  it("leaves the rest of every plan as it was without it", () => {
    let drawn = 0;
    for (let seed = 1n; seed <= 40n; seed++) {
      const plan = generatePlan(seed, light);
      if (plan.steps.some((s) => isGatewayStep(s, plan.steps)) || plan.gateway.trustedProxies || plan.gateway.container) drawn++;
      expect(withoutGatewayWorld(plan), `seed ${seed}`).toEqual(generatePlan(seed, light, { gatewayWorld: false }));
    }
    expect(drawn).toBeGreaterThan(20);
  });

  it("reaches every twist, both auth modes and both setup-code kinds, and keeps other twists out of an episode", () => {
    const twists = new Set<string>();
    const modes = new Set<string>();
    const setupKinds = new Set<string>();
    let worldProxies = 0;
    for (let seed = 1n; seed <= 200n; seed++) {
      const plan = generatePlan(seed, light);
      if (plan.gateway.trustedProxies) worldProxies++;
      for (const s of plan.steps) {
        const twist = twistOf(s);
        if (twist) twists.add(twist);
        if (s.step.kind === "setup-code") setupKinds.add(s.step.clientKind);
        if (s.step.kind === "config-edit" && s.step.path === "gateway.auth.mode" && s.step.value !== "token") modes.add(String(s.step.value));
      }
      const episodes = plan.steps.filter((s) => s.step.kind === "config-edit" && s.step.path === "gateway.auth.mode" && s.step.value !== "token");
      expect(episodes.length, `seed ${seed}`).toBeLessThanOrEqual(1);
      const episode = episodes[0];
      if (!episode) continue;
      const inside = plan.steps.filter((s) => isGatewayStep(s, plan.steps) && s.atMs >= episode.atMs - 3_000 && s.atMs <= episode.atMs + authModeEpisodeMs + 1_000);
      expect(inside.every((s) => twistOf(s) === "auth-mode-episode" || s.step.kind === "config-edit"), `seed ${seed}`).toBe(true);
    }
    // edit-* twists name their probe after the twist; edit-allowed-origins has no probe, only its edit.
    expect([...twists].sort()).toEqual(gatewayTwists.filter((t) => t !== "edit-allowed-origins").sort());
    expect([...modes].sort()).toEqual(["none", "trusted-proxy"]);
    expect([...setupKinds].sort()).toEqual(["backend", "node"]);
    expect(worldProxies).toBeGreaterThan(20);
  });

  it("writes config edits and setup codes in the step language", () => {
    const plans = Array.from({ length: 60 }, (_, i) => generatePlan(BigInt(i + 1), light));
    const plan = plans.find((p) => p.steps.some((s) => s.step.kind === "setup-code") && p.steps.some((s) => s.step.kind === "config-edit"))!;
    expect(plan).toBeDefined();
    const t = planToRunSpec(plan, light);
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    const kinds = t.spec.steps.map((s) => Object.keys(s).find((k) => k !== "when")!);
    expect(kinds).toContain("setupCode");
    expect(t.spec.steps.some((s) => "openclaw" in s && (s as { openclaw: { command: { kind: string } } }).openclaw.command.kind === "config-set")).toBe(true);
    const client = t.spec.steps.find((s) => "client" in s && (s as { client: { setupCode?: string } }).client.setupCode !== undefined);
    expect(client).toBeDefined();
  });
});

/**
 * A step of the pairing twists: a device RPC twist's probe, or the proxied UI with a device in an episode (and,
 * for a Control UI, the edit allowing the proxy's origin), or a custom- or auto-bind episode's edit or probe.
 */
function isPairingTwistStep(s: TimedStep, steps: readonly TimedStep[]): boolean {
  if (s.step.kind === "config-edit") {
    if (JSON.stringify(s.step.value).includes(proxiedUiOrigin) || s.step.path === "gateway.customBindHost" || s.step.path === "gateway.auth.token") return true;
    // The custom-bind episode's bind edits: with its customBindHost edit, and 10 s after it (an auth-none episode's
    // own bind edits are never there: the custom-bind episode keeps clear of other twists).
    const customBindAt = steps.flatMap((e) => (e.step.kind === "config-edit" && e.step.path === "gateway.customBindHost" ? [e.atMs] : []));
    // The auto-bind episode's: "auto", and "lan" 10 s later.
    const autoBindAt = steps.flatMap((e) => (e.step.kind === "config-edit" && e.step.path === "gateway.bind" && e.step.value === "auto" ? [e.atMs] : []));
    // The tokenless episode's: "loopback" with its token edit, and "lan" 10 s later.
    const tokenlessAt = steps.flatMap((e) => (e.step.kind === "config-edit" && e.step.path === "gateway.auth.token" ? [e.atMs] : []));
    const episodeAt = [...customBindAt, ...autoBindAt, ...tokenlessAt];
    return s.step.path === "gateway.bind" && episodeAt.some((t) => s.atMs === t || s.atMs === t + authModeEpisodeMs);
  }
  if (isTokenlessEpisodeStep(s, steps) || s.step.kind === "cli-auth-loss") return true;
  if (s.step.kind !== "probe") return false;
  const name = s.step.attempt.name;
  return name.endsWith("-ui-device") || deviceRpcTwists.some((t) => name.startsWith(`gw-${t}-`)) || name.startsWith(rotateUnapprovedRoleName) || name.startsWith(mergedRoleApprovalName) || name.startsWith(secretFallbackResetName) || name.startsWith(customBindEpisodeName) || name.startsWith(autoBindEpisodeName) || isPairingScopeTwistProbe(name);
}

describe("the pairing twists of the gateway-world draw", () => {
  it("leave the rest of every plan as it was without them", () => {
    let drawn = 0;
    for (let seed = 1n; seed <= 60n; seed++) {
      const plan = generatePlan(seed, light);
      if (plan.steps.some((s) => isPairingTwistStep(s, plan.steps))) drawn++;
      const without = { ...plan, steps: plan.steps.filter((s) => !isPairingTwistStep(s, plan.steps)) };
      expect(without, `seed ${seed}`).toEqual(generatePlan(seed, light, { pairingTwists: false }));
    }
    expect(drawn).toBeGreaterThan(20);
  });

  it("reach both device RPC twists, both caller scope sets and both proxied UIs, each UI probe in a trusted-proxy episode", () => {
    const twists = new Set<string>();
    const callerScopes = new Set<string>();
    const uis = new Set<string>();
    for (let seed = 1n; seed <= 200n; seed++) {
      const plan = generatePlan(seed, light);
      for (const s of plan.steps.filter((x) => isPairingTwistStep(x, plan.steps))) {
        if (s.step.kind !== "probe") continue;
        const { name, connect, afterHello } = s.step.attempt;
        const params = (connect as { params: { client: { id: string }; scopes: string[] } }).params;
        const twist = deviceRpcTwists.find((t) => name.startsWith(`gw-${t}-`));
        if (twist) twists.add(twist);
        if (twist && afterHello?.[0]?.method === "device.token.rotate") callerScopes.add(params.scopes.join(" "));
        if (!name.endsWith("-ui-device")) continue;
        uis.add(params.client.id);
        // A Control UI comes from the proxy's origin, which an edit in the same episode allows (keeping a LAN tab's).
        const origin = s.step.attempt.headers?.["origin"];
        expect(origin, `seed ${seed}`).toBe(params.client.id === "openclaw-control-ui" ? proxiedUiOrigin : undefined);
        if (origin !== undefined) {
          const edits = plan.steps.filter((e) => e.step.kind === "config-edit" && e.step.path === "gateway.controlUi.allowedOrigins" && e.atMs <= s.atMs);
          const edit = edits.at(-1);
          expect(s.atMs - edit!.atMs, `seed ${seed}`).toBeLessThan(authModeEpisodeMs);
          expect(edit?.step, `seed ${seed}`).toMatchObject({ value: [...(plan.gateway.allowedOrigins ?? []), proxiedUiOrigin] });
        }
        const modes = plan.steps.filter((e) => e.step.kind === "config-edit" && e.step.path === "gateway.auth.mode" && e.atMs <= s.atMs);
        expect(modes.at(-1)?.step, `seed ${seed}`).toMatchObject({ value: "trusted-proxy" });
      }
    }
    expect([...twists].sort()).toEqual([...deviceRpcTwists].sort());
    expect([...callerScopes].sort()).toEqual(["operator.pairing", "operator.pairing operator.read"]);
    expect([...uis].sort()).toEqual(["openclaw-control-ui", "openclaw-tui"]);
  });

  /** The answers a seed's pairing-twist probes got: connect verdicts and RPC answers, in order. */
  async function answers(seed: bigint, profile: typeof parent, prefix: string): Promise<string[]> {
    const result = await runChaosPlan(seed, light, profile);
    const out: string[] = [];
    for (const e of result.events) {
      const d = e.data as { what?: string; attempt?: string; ok?: boolean | null; text?: string; dir?: string };
      if (e.kind === "check" && d.what === "attempt.outcome" && String(d.attempt).startsWith(prefix)) out.push(`${d.attempt} ${d.ok}`);
      if (e.kind === "frame.deliver" && d.dir === "s2c" && d.text?.includes('"id":"rpc-')) {
        const res = JSON.parse(d.text) as { ok: boolean; error?: { message: string } };
        out.push(res.ok ? "rpc ok" : `rpc ${res.error!.message}`);
      }
    }
    return out;
  }

  it("show each switch they aim at on the wire of one seed (2026.9 against its mutant)", { timeout: 120_000 }, async () => {
    const mutant = (key: string) => singleSwitchMutants(parent).find((m) => `${m.group}.${m.switchName}` === key)!.profile;
    // Seed 424248: a pairing-only caller asks for an admin token for another device.
    const rotate = [await answers(424248n, parent, "gw-rotate"), await answers(424248n, mutant("gateway.rotateBoundedByCaller"), "gw-rotate")];
    expect(rotate[0]).toContain("rpc device token rotation denied");
    expect(rotate[1]).not.toContain("rpc device token rotation denied");
    // Seed 424246: the device's waiting request goes with it (2026.9) or is approved after the removal.
    const remove = [await answers(424246n, parent, "gw-remove"), await answers(424246n, mutant("gateway.removeDropsPending"), "gw-remove")];
    expect(remove[0]).toContain("rpc unknown requestId");
    expect(remove[1]).not.toContain("rpc unknown requestId");
    // Seed 424263: a TUI or Control UI with a device behind the trusted proxy is paired (refused until approved).
    const ui = [await answers(424263n, parent, "gw-auth-mode-episode-0-ui"), await answers(424263n, mutant("gateway.trustedProxyUiSkipsPairing"), "gw-auth-mode-episode-0-ui")];
    expect(ui.map((a) => a.filter((x) => x.startsWith("gw-")))).toEqual([["gw-auth-mode-episode-0-ui-device false"], ["gw-auth-mode-episode-0-ui-device true"]]);
  });
});

describe("gateway-side mutants of 2026.9", () => {
  it("die by a wire difference on the first seeds (the full measurement is in the README's kill table)", { timeout: 120_000 }, async () => {
    const names = ["gateway.controlUiBuildCheck=false", "gateway.nonceRequired=remote-only", "gateway.setupCodeCredential=gateway-secret"];
    const targets = mutantTargets().filter((t) => names.includes(t.name));
    expect(targets).toHaveLength(names.length);
    const rows = await killRate({ targets, seedStart: 424242n, seedsMax: 2, preset: "light", workers: 1, shrink: false });
    for (const row of rows) expect(isKilled(row), row.target.name).toBe(true);
  });

  it("the pairing twists' three targets die by a wire difference within 25 seeds", { timeout: 120_000 }, async () => {
    const names = ["gateway.rotateBoundedByCaller=false", "gateway.removeDropsPending=false", "gateway.trustedProxyUiSkipsPairing=true"];
    const targets = mutantTargets().filter((t) => names.includes(t.name));
    expect(targets).toHaveLength(names.length);
    const rows = await killRate({ targets, seedStart: 424242n, seedsMax: 25, preset: "light", workers: 1, shrink: false });
    for (const row of rows) expect(isKilled(row), row.target.name).toBe(true);
  });

  it("rotate-unapproved-role: a node token rotated for an operator-only device is refused by 2026.9 and minted by the role-blind mutant", { timeout: 120_000 }, async () => {
    const light = findPreset("light")!;
    const drawn = Array.from({ length: 40 }, (_, i) => generatePlan(BigInt(i + 1), light).steps).filter((steps) => JSON.stringify(steps).includes(rotateUnapprovedRoleName));
    expect(drawn.length).toBeGreaterThan(3);
    expect(drawn.length).toBeLessThan(20);
    const targets = mutantTargets().filter((t) => t.name === "gateway.deviceTokenNeedsApprovedRole=false");
    expect(targets).toHaveLength(1);
    const rows = await killRate({ targets, seedStart: 424242n, seedsMax: 3, preset: "light", workers: 1, shrink: false });
    expect(rows[0]!.outcome?.firstDiffSeed).toBe("424242");
  });
});

describe("the custom-bind episode", () => {
  const customBindHosts = (seed: bigint) =>
    generatePlan(seed, findPreset("light")!).steps.flatMap((s) => (s.step.kind === "config-edit" && s.step.path === "gateway.customBindHost" ? [s.step.value] : []));

  it("is drawn in some seeds, with the host's LAN address or a stray one, and kept clear of every other gateway twist", () => {
    const hosts = new Set<unknown>();
    let drawn = 0;
    for (let seed = 1n; seed <= 200n; seed++) {
      const found = customBindHosts(seed);
      if (found.length > 0) drawn++;
      for (const h of found) hosts.add(h);
      const plan = generatePlan(seed, findPreset("light")!);
      const edit = plan.steps.find((s) => s.step.kind === "config-edit" && s.step.path === "gateway.customBindHost");
      if (!edit) continue;
      // Other gateway twists' probes (the client world's own probes and faults may fall in it, as any fault may).
      const others = plan.steps.filter((s) => s.step.kind === "probe" && s.step.attempt.name.startsWith("gw-") && !s.step.attempt.name.startsWith(customBindEpisodeName));
      expect(others.filter((s) => s.atMs >= edit.atMs - 3_000 && s.atMs <= edit.atMs + authModeEpisodeMs + 1_000).map((s) => s.atMs), `seed ${seed}`).toEqual([]);
    }
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(60);
    expect([...hosts].sort()).toEqual(["192.0.2.50", "198.51.100.23"]);
  });

  it("a stray customBindHost: 2026.9 refuses to start until the bind is back, the all-interfaces mutant listens and differs on the wire", { timeout: 120_000 }, async () => {
    const seed = 424264n;
    expect(customBindHosts(seed)).toEqual(["198.51.100.23"]);
    const result = await runChaosPlan(seed, findPreset("light")!, parent);
    const refusals = result.events.filter((e) => e.kind === "host" && e.data["event"] === "gateway.refuse-start");
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((e) => e.data["reason"] === "custom-bind-host")).toBe(true);
    const lastRefusal = refusals.at(-1)!.atMs;
    expect(result.events.some((e) => e.kind === "host" && e.data["event"] === "gateway.start" && e.atMs > lastRefusal)).toBe(true);
    const targets = mutantTargets().filter((t) => t.name === "service.customBindFallback=all");
    const rows = await killRate({ targets, seedStart: seed, seedsMax: 1, preset: "light", workers: 1, shrink: false });
    expect(rows[0]!.outcome?.firstDiffSeed).toBe("424264");
  });
});

describe("the auto-bind episode", () => {
  const autoBindAt = (plan: ChaosPlan) => plan.steps.filter((s) => s.step.kind === "config-edit" && s.step.path === "gateway.bind" && s.step.value === "auto").map((s) => s.atMs);

  it("is drawn in some seeds, in container worlds and others, kept clear of every other gateway twist, and the bind goes back to lan", () => {
    let drawn = 0;
    const containers = new Set<boolean>();
    for (let seed = 1n; seed <= 200n; seed++) {
      const plan = generatePlan(seed, light);
      const at = autoBindAt(plan);
      if (at.length === 0) continue;
      drawn++;
      containers.add(plan.gateway.container === true);
      expect(at, `seed ${seed}`).toHaveLength(1);
      const back = plan.steps.filter((s) => s.step.kind === "config-edit" && s.step.path === "gateway.bind" && s.atMs === at[0]! + authModeEpisodeMs);
      expect(back.map((s) => (s.step as { value: unknown }).value), `seed ${seed}`).toEqual(["lan"]);
      const others = plan.steps.filter((s) => (s.step.kind === "probe" && s.step.attempt.name.startsWith("gw-") && !s.step.attempt.name.startsWith(autoBindEpisodeName)) || (s.step.kind === "config-edit" && s.atMs !== at[0] && s.atMs !== at[0]! + authModeEpisodeMs));
      expect(others.filter((s) => s.atMs >= at[0]! - 3_000 && s.atMs <= at[0]! + authModeEpisodeMs + 1_000).map((s) => s.atMs), `seed ${seed}`).toEqual([]);
    }
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(60);
    expect([...containers].sort()).toEqual([false, true]);
  });

  it("in a container world the LAN probe gets in from 2026.4.14 and not before; the mutant without container detection differs on the wire", { timeout: 120_000 }, async () => {
    const seed = 424246n;
    const plan = generatePlan(seed, light);
    expect(plan.gateway.container).toBe(true);
    expect(autoBindAt(plan)).toHaveLength(1);
    const episode = async (profile: string) => {
      const result = await runChaosPlan(seed, light, findProfile(profile)!);
      const outcome = (probe: string) => result.events.find((e) => e.kind === "check" && e.data["what"] === "attempt.outcome" && e.data["attempt"] === `${autoBindEpisodeName}-${probe}`)?.data["ok"];
      const listens = result.events.filter((e) => e.kind === "host" && e.data["event"] === "gateway.start").map((e) => e.data["listen"]);
      return { local: outcome("local"), lan: outcome("lan"), loopbackStarts: listens.filter((l) => l === "127.0.0.1").length };
    };
    expect(await episode("2026.9")).toEqual({ local: true, lan: true, loopbackStarts: 0 });
    expect(await episode("2026.4")).toEqual({ local: true, lan: true, loopbackStarts: 0 });
    expect(await episode("2026.3.31")).toEqual({ local: true, lan: null, loopbackStarts: 1 });
    const rows = await killRate({ targets: mutantTargets().filter((t) => t.name === "service.containerDetection=none"), seedStart: seed, seedsMax: 1, preset: "light", workers: 1, shrink: false });
    expect(rows[0]!.outcome?.firstDiffSeed).toBe("424246");
  });
});

describe("the tokenless episode", () => {
  const tokenEdits = (plan: ChaosPlan) => plan.steps.filter((s) => s.step.kind === "config-edit" && s.step.path === "gateway.auth.token");

  it("is drawn in some seeds: (half the time the CLI's device-auth file deleted,) a blank token with the bind on loopback, an approval round, then a new token in the config and the bind back to lan", () => {
    let drawn = 0;
    let lost = 0;
    for (let seed = 1n; seed <= 200n; seed++) {
      const plan = generatePlan(seed, light);
      const edits = tokenEdits(plan);
      if (edits.length === 0) continue;
      drawn++;
      const at = edits[0]!.atMs;
      const around = plan.steps.filter((s) => isPairingTwistStep(s, plan.steps) && s.atMs >= at && s.atMs <= at + authModeEpisodeMs);
      const loss = around[0]?.step.kind === "cli-auth-loss";
      if (loss) lost++;
      expect(around.map((s) => [s.atMs - at, s.step.kind, "path" in s.step ? s.step.path : "", "value" in s.step ? s.step.value : "token" in s.step ? s.step.token : ""]), `seed ${seed}`).toEqual([
        ...(loss ? [[0, "cli-auth-loss", "", ""]] : []),
        [0, "config-edit", "gateway.bind", "loopback"],
        [0, "config-edit", "gateway.auth.token", ""],
        [7_000, "approve-pending", "", ""],
        [10_000, "rotate-token", "", tokenlessEpisodeToken],
        [10_000, "config-edit", "gateway.bind", "lan"],
      ]);
    }
    expect(drawn).toBeGreaterThan(8);
    expect(drawn).toBeLessThan(50);
    expect(lost).toBeGreaterThan(0);
    expect(lost).toBeLessThan(drawn);
  });

  it("2026.9 starts on a runtime token (its CLI paired again after its device-auth file went); 2026.3 writes one into the config; the runtime mutant differs on the wire", { timeout: 120_000 }, async () => {
    const seed = 424298n;
    expect(tokenEdits(generatePlan(seed, light))).toHaveLength(1);
    // This seed's episode first deletes the operator CLI's device-auth file: only the 8.2 pairing lets the CLI in.
    expect(generatePlan(seed, light).steps.some((s) => s.step.kind === "cli-auth-loss")).toBe(true);
    const generated = async (profile: string) => {
      const result = await runChaosPlan(seed, light, findProfile(profile)!);
      return result.events.filter((e) => e.kind === "host" && (e.data["event"] === "gateway.auth-token-generated" || e.data["event"] === "gateway.local-cli-paired")).map((e) => e.data["persisted"] ?? e.data["outcome"]);
    };
    expect(await generated("2026.9")).toEqual([false, "reused"]);
    expect(await generated("2026.3")).toEqual([true]);
    const rows = await killRate({ targets: mutantTargets().filter((t) => t.name === "service.tokenBootstrap=runtime"), seedStart: seed, seedsMax: 1, preset: "light", workers: 1, shrink: false });
    expect(rows[0]!.outcome?.firstDiffSeed).toBe("424298");
  });
});

describe("equivalence claims of the gateway-side mutants", () => {
  const mutantOf = (key: string) => singleSwitchMutants(parent).find((m) => `${m.group}.${m.switchName}` === key)!;

  it("passwordCountsAsTokenMismatch: a password without a token gets the same verdict either way in token mode", () => {
    expect(equivalentMutants["gateway.passwordCountsAsTokenMismatch"]).toBeDefined();
    const mutant = mutantOf("gateway.passwordCountsAsTokenMismatch").profile.gateway;
    const verdict = (sw: typeof mutant, password: string) =>
      authorizeGatewayConnect({
        conn: { isLocal: false, remoteAddress: "192.0.2.9", headers: {} } as never,
        config: { auth: { mode: "token", token: "T1", allowTailscale: false }, trustedProxies: [] } as never,
        auth: { password },
        limiter: undefined,
        charge: false,
        limiterKey: "192.0.2.9",
        allowTailscale: false,
        trustedProxyLoopback: mutant.trustedProxyLoopback,
        tokenMissingCharged: sw.tokenMissingCharged,
        passwordCountsAsTokenMismatch: sw.passwordCountsAsTokenMismatch,
        connectSecretEitherField: sw.connectSecretEitherField,
        nowMs: 0,
      });
    for (const password of ["T1", "wrong"]) expect(verdict(mutant, password)).toEqual(verdict(parent.gateway, password));
    // The premise: with the other field read, the switch would matter.
    const narrow = { ...parent.gateway, connectSecretEitherField: false };
    expect(verdict({ ...narrow, passwordCountsAsTokenMismatch: true }, "wrong")).not.toEqual(verdict({ ...narrow, passwordCountsAsTokenMismatch: false }, "wrong"));
  });

  it("signatureVersions with v1: a valid v1 signature is refused either way while nonces are always required", () => {
    expect(equivalentMutants["gateway.signatureVersions"]).toBeDefined();
    const mutant = mutantOf("gateway.signatureVersions").profile.gateway;
    expect(mutant.signatureVersions).toContain("v1");
    const identity = identityFromSeed(new Uint8Array(32).fill(7));
    const signedAt = 1_000;
    const client = { id: "cli", version: "2026.9.6", platform: "linux", mode: "cli" };
    const fields = { deviceId: identity.deviceId, clientId: "cli", clientMode: "cli", role: "operator", scopes: [], signedAtMs: signedAt, token: "T1", nonce: "", platform: "linux", deviceFamily: undefined };
    const signature = signPayload(identity, buildSignaturePayload("v1", fields));
    const params = { minProtocol: 4, maxProtocol: 4, client, role: "operator", scopes: [], auth: { token: "T1" }, device: { id: identity.deviceId, publicKey: identity.publicKeyBase64Url, signature, signedAt } };
    const proof = (sw: typeof mutant, isLocal: boolean) => verifyDeviceProof({ switches: sw, params: params as never, role: "operator", scopes: [], connectNonce: "n", isLocal, nowMs: signedAt });
    for (const isLocal of [true, false]) expect(proof(mutant, isLocal)).toEqual(proof(parent.gateway, isLocal));
    // The premise: where a loopback peer may omit the nonce, the same v1 signature passes with v1 accepted.
    expect(proof({ ...mutant, nonceRequired: "remote-only" }, true).ok).toBe(true);
  });
});

describe("the pairing-scope twists", () => {
  const prefixOf = (name: string) => pairingScopeTwists.find((t) => name.startsWith(`gw-${t}-`));

  it("are drawn in about half the seeds, one per seed, each of the three within 40 seeds", () => {
    const bySeed = Array.from({ length: 40 }, (_, i) => {
      const plan = generatePlan(BigInt(424242 + i), light);
      return new Set(plan.steps.flatMap((s) => (s.step.kind === "probe" ? [prefixOf(s.step.attempt.name)] : [])).filter((t) => t !== undefined));
    });
    for (const twists of bySeed) expect(twists.size).toBeLessThanOrEqual(1);
    const drawn = bySeed.filter((t) => t.size > 0).length;
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThan(30);
    expect(new Set(bySeed.flatMap((t) => [...t])).size).toBe(pairingScopeTwists.length);
  });

  it("kill the three mutants they aim at by an invariant, not only by a wire difference", { timeout: 180_000 }, async () => {
    // First seeds measured when the twists were added: 424243, 424253 and 424247 (kill-rate table in the README).
    const names = ["gateway.nodeRequiresDeviceToken=false", "gateway.approvalChecksHeldTokenScopes=false", "gateway.roleScopePrefix=false"];
    const targets = mutantTargets().filter((t) => names.includes(t.name));
    expect(targets).toHaveLength(names.length);
    const rows = await killRate({ targets, seedStart: 424242n, seedsMax: 12, preset: "light", workers: 1, shrink: false });
    for (const row of rows) expect(row.outcome?.firstFailSeed, row.target.name).toBeDefined();
  });
});

describe("the merged-role-approval twist", () => {
  const drawnIn = (seed: bigint) => generatePlan(seed, light).steps.some((s) => s.step.kind === "probe" && s.step.attempt.name.startsWith(mergedRoleApprovalName));

  it("is drawn in a quarter of the seeds or fewer (its stream; episodes may drop it), with its four probes", () => {
    const seeds = Array.from({ length: 60 }, (_, i) => BigInt(424242 + i));
    const drawn = seeds.filter(drawnIn);
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(25);
    const probes = generatePlan(drawn[0]!, light).steps.flatMap((s) => (s.step.kind === "probe" && s.step.attempt.name.startsWith(mergedRoleApprovalName) ? [s.step.attempt.name] : []));
    expect(probes).toEqual(["node", "operator", "approve", "node-again"].map((p) => `${mergedRoleApprovalName}-${p}`));
  });

  it("kills gateway.approvalTokenPerRequestedRole=false by a wire difference within 12 seeds: the approved node role gets no token", { timeout: 180_000 }, async () => {
    const targets = mutantTargets().filter((t) => t.name === "gateway.approvalTokenPerRequestedRole=false");
    expect(targets).toHaveLength(1);
    const rows = await killRate({ targets, seedStart: 424242n, seedsMax: 12, preset: "light", workers: 1, shrink: false });
    const first = rows[0]!.outcome?.firstDiffSeed;
    expect(first).toBeDefined();
    expect(drawnIn(BigInt(first!))).toBe(true);
  });

  const twistOutcomes = async (seed: bigint, profile: typeof parent) => {
    const result = await runChaosPlan(seed, light, profile);
    return result.events
      .filter((e) => e.kind === "check" && (e.data as { what?: string }).what === "attempt.outcome" && String((e.data as { attempt?: string }).attempt).startsWith(mergedRoleApprovalName))
      .map((e) => `${(e.data as { attempt: string }).attempt} ${(e.data as { ok: boolean | null }).ok}`);
  };
  const firstDrawn = () => Array.from({ length: 60 }, (_, i) => BigInt(424242 + i)).find(drawnIn)!;
  const n = mergedRoleApprovalName;
  const withGateway = (gateway: Partial<typeof parent.gateway>) => ({ ...parent, gateway: { ...parent.gateway, ...gateway } });

  it("shows the difference in the device's token listing: the node token holds its role's share (none), not the approved operator scope", { timeout: 120_000 }, async () => {
    const seed = firstDrawn();
    // As killRate runs a mutant: under its parent's name (the name is on the wire as the server version).
    const mutant = { ...singleSwitchMutants(parent).find((m) => m.name === "gateway.approvalTokenPerRequestedRole=false")!.profile, name: parent.name };
    const paired = [`${n}-node false`, `${n}-operator false`, `${n}-approve true`, `${n}-node-again true`];
    expect(await twistOutcomes(seed, parent)).toEqual(paired);
    expect(await twistOutcomes(seed, mutant)).toEqual(paired);
    const nodeTokenScopes = async (profile: typeof parent) => {
      const { events } = await runChaosPlan(seed, light, profile);
      const texts = events.flatMap((e) => (e.kind === "frame.send" && typeof e.data["text"] === "string" ? [e.data["text"]] : []));
      return [...texts.join("\n").matchAll(/\{"role":"node","scopes":(\[[^\]]*\])/g)].map((m) => m[1]);
    };
    const [released, mutated] = [await nodeTokenScopes(parent), await nodeTokenScopes(mutant)];
    expect(new Set(released)).toEqual(new Set(["[]"]));
    expect(mutated).toContain('["operator.read"]');
  });

  it("backs the equivalence of gateway.connectRolesFromTokens=true: with a token per requested role both counts agree; with one token they differ", { timeout: 120_000 }, async () => {
    const m = singleSwitchMutants(parent).find((x) => x.name === "gateway.connectRolesFromTokens=true")!;
    expect(m.equivalent).toContain("approvalTokenPerRequestedRole");
    expect([parent.gateway.approvalTokenPerRequestedRole, parent.gateway.revokeRemovesRole]).toEqual([true, true]);
    const seed = firstDrawn();
    expect(await twistOutcomes(seed, m.profile)).toEqual(await twistOutcomes(seed, parent));
    const oneTokenApprovedRoles = await twistOutcomes(seed, withGateway({ approvalTokenPerRequestedRole: false }));
    const oneTokenTokenRoles = await twistOutcomes(seed, withGateway({ approvalTokenPerRequestedRole: false, connectRolesFromTokens: true }));
    expect([oneTokenApprovedRoles.at(-1), oneTokenTokenRoles.at(-1)]).toEqual([`${n}-node-again true`, `${n}-node-again false`]);
  });
});

describe("the secret-fallback-reset twist", () => {
  const probesOf = (seed: bigint) => generatePlan(seed, light).steps.flatMap((s) => (s.step.kind === "probe" && s.step.attempt.name.startsWith(secretFallbackResetName) ? [{ name: s.step.attempt.name, copies: s.step.copies }] : []));
  const n = secretFallbackResetName;

  it("is drawn in a quarter of the seeds or fewer, one wrong token short of the drawn limiter's lockout", () => {
    const seeds = Array.from({ length: 60 }, (_, i) => BigInt(424242 + i));
    const drawn = seeds.filter((seed) => probesOf(seed).length > 0);
    expect(drawn.length).toBeGreaterThan(5);
    expect(drawn.length).toBeLessThan(25);
    for (const seed of drawn) {
      const plan = generatePlan(seed, light);
      expect(probesOf(seed).map((p) => p.name)).toEqual(["pair", "wrong", "fallback", "wrong-again", "right"].map((p) => `${n}-${p}`));
      expect(probesOf(seed)[1]!.copies).toBe((plan.gateway.rateLimit?.maxAttempts ?? 10) - 1);
    }
  });

  it("kills gateway.sharedLimiterOnSecretOnly=true by a wire difference: the device-token success clears the address's failures", { timeout: 180_000 }, async () => {
    const targets = mutantTargets().filter((t) => t.name === "gateway.sharedLimiterOnSecretOnly=true");
    expect(targets).toHaveLength(1);
    const rows = await killRate({ targets, seedStart: 424242n, seedsMax: 12, preset: "light", workers: 1, shrink: false });
    const first = rows[0]!.outcome?.firstDiffSeed;
    expect(first).toBeDefined();
    expect(probesOf(BigInt(first!)).length).toBeGreaterThan(0);
    const outcomes = async (profile: typeof parent) =>
      (await runChaosPlan(BigInt(first!), light, profile)).events
        .filter((e) => e.kind === "check" && (e.data as { what?: string }).what === "attempt.outcome" && String((e.data as { attempt?: string }).attempt) === `${n}-right`)
        .map((e) => String((e.data as { close?: { reason?: string } }).close?.reason));
    const mutant = { ...singleSwitchMutants(parent).find((m) => m.name === "gateway.sharedLimiterOnSecretOnly=true")!.profile, name: parent.name };
    const [released, mutated] = [await outcomes(parent), await outcomes(mutant)];
    expect(released).toHaveLength(1);
    expect(released[0]).toContain("too many failed authentication attempts");
    expect(mutated[0]).toContain("pairing required");
  });
});
