// A laptop on the LAN has a mistyped gateway token: two backend services and a health-check script that
// runs `openclaw health` every 5 s all fail with token_mismatch from the same address, until the gateway's
// limiter (default 10 failures a minute, 5-minute lockout) locks that address out. Nobody may keep
// hammering (retries-bounded: the S-Feb backends reconnect for ever, the later ones stop at the first
// mismatch on an untrusted endpoint). Once the lockout has run out, the operator fixes the laptop's token
// and everything gets in (converges).
import type { Scenario } from "../src/index.ts";
import { convergeOnNotes, libraryInvariants, markConverge } from "./invariants.ts";
import { addGatewayMachine, clientEvents, installGateway, remoteUrl, runFor, tokenConfig } from "./support.ts";

const laptop = "laptop";
const backends = ["laptop-backend-1", "laptop-backend-2"];
const scriptRuns = 10;
const scriptEveryMs = 5_000;
/** The limiter's default lockout (auth-rate-limit.ts), plus a margin. */
const lockoutOverAfterMs = 5 * 60_000 + 10_000;

export const rateLimitLockout: Scenario = {
  name: "rate-limit-lockout",
  description: "a LAN address with a wrong token is locked out by the limiter; its clients stop retrying; the right token works after the lockout",
  expectDefault: "pass",
  expect: { "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.3": "pass", "2026.4": "pass", "2026.9": "pass" },
  invariants: (p) => libraryInvariants(p, { converges: convergeOnNotes({ clients: backends }) }),
  run(ctx) {
    const { world } = ctx;
    addGatewayMachine(world, { config: tokenConfig("T1") });
    world.addHost({ name: laptop, kind: "lan" });
    installGateway(world);
    for (const name of backends) world.addClient({ name, host: laptop, client: { kind: "backend", url: remoteUrl, identity: null, passiveToken: "T1-typo" } });
    const cli = (n: number, token: string) =>
      world.addClient({ name: `laptop-health-${n}`, host: laptop, client: { kind: "cli", url: remoteUrl, identity: null, explicitToken: token, oneShot: { method: "health" } } });
    for (let n = 1; n <= scriptRuns; n++) {
      cli(n, "T1-typo");
      runFor(world, scriptEveryMs);
    }
    const lockedOut = world.trace.events.some((e) => e.kind === "gateway" && e.data["event"] === "connect.unauthorized" && e.data["reason"] === "rate_limited");
    ctx.check(lockedOut, "limiter-engaged", `${scriptRuns + backends.length}+ failures from ${laptop} did not trip the limiter`);
    runFor(world, lockoutOverAfterMs);
    for (const name of backends) world.client(name).credentialsChanged({ passiveToken: "T1" });
    cli(scriptRuns + 1, "T1");
    markConverge(ctx, "the lockout ran out and the operator fixed the laptop's token");
    runFor(world, 60_000);
    const health = clientEvents(world, `laptop-health-${scriptRuns + 1}`, "rpc-result").at(-1)?.data;
    ctx.check(health?.["ok"] === true, "right-token-after-lockout", `health with the right token after the lockout failed: ${JSON.stringify(health?.["error"] ?? "no answer")}`);
  },
};
