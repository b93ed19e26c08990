// Profiling target: device-signed handshakes in one world (`node --cpu-prof --import tsx bench/profile/handshakes.ts N`).
import { findProfile, World, type Attempt } from "../../src/index.ts";

const count = Number(process.argv[2] ?? 1500);
const profile = findProfile("2026.9")!;
const world = new World({ seed: 7n, profile });
world.addHost({ name: "gw", kind: "lan" });
world.addGateway({ name: "gateway", host: "gw", port: 18789, config: { auth: { mode: "token", token: "t" } } });
world.runFor(profile.gateway.startupUnavailableMs ?? 0);
const start = performance.now();
for (let i = 0; i < count; i++) {
  const seed = (i + 1).toString(16).padStart(64, "0");
  const attempt: Attempt = {
    name: `h${i}`,
    connect: {
      params: {
        minProtocol: 4, maxProtocol: 4,
        client: { id: "cli", version: "1", platform: "linux", mode: "cli" },
        role: "operator", scopes: ["operator.read"], auth: { token: "{{gatewayToken}}" },
      },
    },
    device: { identitySeed: seed, payloadVersion: "v3" as const },
  };
  const h = world.attempt({ fromHost: "gw", url: "ws://127.0.0.1:18789", port: 18789, gatewayToken: "t", identities: {}, attempt });
  world.runUntil(() => h.outcome !== undefined, 60_000);
}
const wallMs = performance.now() - start;
console.log(`${count} device-signed handshakes: ${(count / (wallMs / 1000)).toFixed(0)}/s, trace ${world.trace.hash().slice(0, 12)}`);
