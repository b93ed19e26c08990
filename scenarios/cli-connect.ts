// The walking skeleton end to end: CLI peers on the gateway's host open a socket, get connect.challenge,
// send connect with the shared token and a signed device identity, receive hello-ok, call health, close.
// Three peers start at the same instant, so the seed chooses how their frames interleave.
import { requireWithinBudget, type Scenario, type AttemptHandle } from "../src/index.ts";

const port = 18789;
const token = "shared-secret-token";

export const cliConnect: Scenario = {
  name: "cli-connect",
  description: "three CLI clients on the gateway host connect with the shared token, get hello-ok and call health",
  expectDefault: "pass",
  expect: { "2026.2.13": "pass", "2026.2.14": "pass", "2026.2.22": "pass", "2026.3": "pass", "2026.4": "pass", "2026.9": "pass" },
  run({ world, check, profile }) {
    world.addHost({ name: "gateway-host", kind: "lan" });
    world.addGateway({ name: "gateway", host: "gateway-host", port, config: { auth: { mode: "token", token } } });
    requireWithinBudget(world.runFor(5_000));
    const protocol = profile.client.protocolVersion;
    const handles: AttemptHandle[] = [];
    for (const n of [1, 2, 3]) {
      const seed = n.toString(16).padStart(2, "0").repeat(32);
      handles.push(
        world.attempt({
          fromHost: "gateway-host",
          url: `ws://127.0.0.1:${port}`,
          port,
          gatewayToken: token,
          identities: { [`cli-${n}`]: seed },
          attempt: {
            name: `cli-${n}`,
            probe: "connect with the shared token and call health",
            headers: { host: `127.0.0.1:${port}` },
            connect: {
              params: {
                minProtocol: protocol,
                maxProtocol: protocol,
                client: { id: "cli", version: "2026.3.1", platform: "linux", mode: "cli" },
                role: "operator",
                scopes: ["operator.read"],
                auth: { token: "{{gatewayToken}}" },
              },
            },
            device: { identitySeed: seed, payloadVersion: profile.client.signatureVersion },
            afterHello: [{ method: "health" }],
          },
        }),
      );
    }
    requireWithinBudget(world.runUntil(() => handles.every((h) => h.outcome !== undefined), 30_000));
    for (const h of handles) {
      const o = h.outcome;
      check(o !== undefined, "cli-connect", `${h.attempt.name} did not finish within 30 s`, { kind: "liveness" });
      if (!o) continue;
      check(o.challenge?.hasNonce === true, "challenge-has-nonce", `${h.attempt.name} got no connect.challenge nonce`);
      check(o.response?.ok === true, "hello-ok", `${h.attempt.name} was refused: ${o.response?.error?.message ?? "no response"}`);
      check(o.rpc?.[0]?.ok === true, "health-ok", `${h.attempt.name}: health failed`);
    }
  },
};
