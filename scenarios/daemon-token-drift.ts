// Seed 002 (PR #28428 "Fix gateway daemon token drift after token rotation"): the service unit embeds the old
// token. The operator runs `openclaw doctor --fix` while rotating gateway.auth.token to T2 — doctor read the
// config before the rotation landed (the PR review's pitfall (a)) — and hands T2 to a laptop backend and a
// TUI. The naive repair of the releases before the fix writes its stale copy back (T1) and the gateway keeps
// T1: the T2 clients never get in (converges) and the S-Feb ones retry for ever (retries-bounded). The safe
// repair reloads the config first, keeps T2 and leaves a tokenless, config-first service.
import { host } from "../src/index.ts";
const { op } = host;
import type { Scenario } from "../src/index.ts";
import { convergeOnNotes, libraryInvariants, markConverge } from "./invariants.ts";
import { addGatewayMachine, identity, remoteUrl, runFor, tokenConfig, tuiIdentityFields, warmUpMs, withLegacyUnit } from "./support.ts";

const unrelated = { agents: { main: { model: "anthropic/claude" } } };
const laptop = "laptop";
const watchMs = 300_000;

export const daemonTokenDrift: Scenario = {
  name: "daemon-token-drift",
  description: "seed 002: doctor --fix racing a token rotation must not undo it; clients holding the rotated token converge after the repair",
  expectDefault: "pass",
  expect: { "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.3": "pass", "2026.4": "pass", "2026.9": "pass" },
  invariants: (p) => libraryInvariants(p, { converges: convergeOnNotes({ clients: ["laptop-backend", "tui"] }) }),
  run(ctx) {
    const { world } = ctx;
    addGatewayMachine(world, { config: tokenConfig("T1", unrelated), machine: withLegacyUnit(tokenConfig("T1"), world.profile) });
    world.addHost({ name: laptop, kind: "lan" });
    world.startGatewayService("gw");
    runFor(world, warmUpMs(world.profile));
    // doctor --fix reads the config, the operator rotates the token, doctor writes its repair.
    const snapshot = world.machine("gw").machine.config;
    world.operator("gw", op.rotateSharedToken("T2"));
    world.operator("gw", op.doctor({ fix: true }), { doctorSnapshot: snapshot, otherDoctorFixesPending: true });
    const kept = world.machine("gw").machine.config.config.gateway?.auth?.token;
    ctx.check(kept === "T2", "rotation-survives-repair", `doctor --fix left gateway.auth.token = ${kept ?? "(unset)"}; the operator had rotated it to T2`);
    runFor(world, warmUpMs(world.profile));
    markConverge(ctx, "doctor --fix finished; the operator hands the rotated token T2 to the laptop and the TUI");
    world.addClient({ name: "laptop-backend", host: laptop, client: { kind: "backend", url: remoteUrl, identity: null, passiveToken: "T2" } });
    world.addMachineClient("gw", { name: "tui", user: "tui", spec: { kind: "tui", identity: identity(1), flags: { token: "T2" }, ...tuiIdentityFields(world.profile) } });
    runFor(world, watchMs);
  },
};
