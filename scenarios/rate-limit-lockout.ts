// A laptop on the LAN has a mistyped gateway token: two backend services and a health-check script that
// runs `openclaw health` every 5 s all fail with token_mismatch from the same address, until the gateway's
// limiter (default 10 failures a minute, 5-minute lockout) locks that address out. Nobody may keep
// hammering (retries-bounded: the S-Feb backends reconnect for ever, the later ones stop at the first
// mismatch on an untrusted endpoint). Once the lockout has run out, the operator fixes the laptop's token
// and everything gets in (converges).
import { scenario, specScenario, type Scenario, type Step } from "../src/index.ts";
import { remoteUrl, tokenConfig } from "./support.ts";

const laptop = "laptop";
const backends = ["laptop-backend-1", "laptop-backend-2"];
const scriptRuns = 10;
const scriptEveryMs = 5_000;
/** The limiter's default lockout (auth-rate-limit.ts), plus a margin. */
const lockoutOverAfterMs = 5 * 60_000 + 10_000;

function healthCli(n: number, token: string): Step {
  return { client: { name: `laptop-health-${n}`, host: laptop, kind: "cli", url: remoteUrl, explicitToken: token, oneShot: { method: "health" } } };
}

export const rateLimitLockoutSpec = scenario(
  "rate-limit-lockout",
  "a LAN address with a wrong token is locked out by the limiter; its clients stop retrying; the right token works after the lockout",
)
  .identity("operator-cli", 200)
  // 2026.2.22, 2026.3.2, 2026.3 (3.13), 2026.3.31, 2026.4 and 2026.4.22 create the per-address limiter only when
  // gateway.auth.rateLimit is set (read in the 2.22 server start and the 3.2, 3.13, 3.31, 4.14 and 4.22
  // createGatewayAuthRateLimiters; switch limiterNeedsConfig), so the laptop is never locked out here
  // (limiter-engaged; 2.22 failed already on retries-bounded); 2026.3.2's client also drops a failed connect's details, so it
  // never pauses (retries-bounded).
  .verdicts({ default: "pass", "2026.2.12": "fail", "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.2.17": "fail", "2026.3.2": "fail", "2026.3": "fail", "2026.3.31": "fail", "2026.4": "fail", "2026.4.22": "fail" })
  .invariants({ name: "standard", converges: { clients: backends } })
  .bare()
  .gatewayMachine({ config: tokenConfig("T1"), cliIdentity: "operator-cli" })
  .host(laptop)
  .install()
  .step(...backends.map((name): Step => ({ client: { name, host: laptop, kind: "backend", url: remoteUrl, passiveToken: "T1-typo" } })))
  .step(...Array.from({ length: scriptRuns }, (_, i): Step[] => [healthCli(i + 1, "T1-typo"), { wait: scriptEveryMs }]).flat())
  .step({
    expectEvent: {
      kind: "gateway",
      match: { event: "connect.unauthorized", reason: "rate_limited" },
      rule: "limiter-engaged",
      message: `${scriptRuns + backends.length}+ failures from ${laptop} did not trip the limiter`,
    },
  })
  .wait(lockoutOverAfterMs)
  .step(...backends.map((client): Step => ({ credentials: { client, passiveToken: "T1" } })))
  .step(healthCli(scriptRuns + 1, "T1"))
  .converge("the lockout ran out and the operator fixed the laptop's token")
  .wait(60_000)
  .step({
    expectRpc: { client: `laptop-health-${scriptRuns + 1}`, ok: true, rule: "right-token-after-lockout", message: "health with the right token after the lockout failed" },
  })
  .build();

export const rateLimitLockout: Scenario = specScenario(rateLimitLockoutSpec);
