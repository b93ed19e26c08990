// The walking skeleton end to end: CLI peers on the gateway's host open a socket, get connect.challenge,
// send connect with the shared token and a signed device identity, receive hello-ok, call health, close.
// Three peers start at the same instant, so the seed chooses how their frames interleave.
import { scenario, specScenario, type Scenario, type Step } from "../src/index.ts";

const token = "shared-secret-token";
const port = 18789;

function cli(n: number): Step {
  return {
    connect: {
      name: `cli-${n}`,
      probe: "connect with the shared token and call health",
      from: "local",
      background: true,
      headers: { host: `127.0.0.1:${port}` },
      connect: {
        params: {
          minProtocol: "{{protocol}}",
          maxProtocol: "{{protocol}}",
          client: { id: "cli", version: "2026.3.1", platform: "linux", mode: "cli" },
          role: "operator",
          scopes: ["operator.read"],
          auth: { token: "{{gatewayToken}}" },
        },
      },
      device: { identity: `cli-${n}` },
      afterHello: [{ method: "health" }],
    } as never,
    expect: { challenge: true, ok: true, rpc: [{ method: "health", ok: true }], rule: "hello-ok" },
  };
}

export const cliConnectSpec = scenario("cli-connect", "three CLI clients on the gateway host connect with the shared token, get hello-ok and call health")
  .identity("cli-1", "01".repeat(32))
  .identity("cli-2", "02".repeat(32))
  .identity("cli-3", "03".repeat(32))
  .verdicts({ default: "pass" })
  .gateway({ auth: { mode: "token", token } })
  .wait(5_000)
  .step(cli(1), cli(2), cli(3))
  .wait(30_000)
  .build();

export const cliConnect: Scenario = specScenario(cliConnectSpec);
