// Handshake workloads for `pnpm bench`: a world with one gateway and P devices already paired, and one
// device-signed (or device-less) handshake as the unit of work — connect, challenge, sign, verify, hello, close.
import { findProfile, World, type Attempt, type AttemptHandle } from "../src/index.ts";

export interface HandshakeWorld {
  /** Runs one handshake to its outcome; throws if it does not end in hello-ok. */
  handshake(): void;
  readonly paired: number;
}

const gatewayToken = "bench-token";

function attemptFor(name: string, seedHex: string | null): Attempt {
  return {
    name,
    connect: {
      params: {
        minProtocol: 4,
        maxProtocol: 4,
        client: { id: "cli", version: "1", platform: "linux", mode: "cli" },
        role: "operator",
        scopes: ["operator.read"],
        auth: { token: "{{gatewayToken}}" },
      },
    },
    ...(seedHex ? { device: { identitySeed: seedHex, payloadVersion: "v3" as const } } : {}),
  };
}

export function seedHexOf(i: number): string {
  return (i + 1).toString(16).padStart(64, "0");
}

/** A world with `paired` devices paired (silently, from loopback); handshakes cycle through them. */
export function handshakeWorld(options: { paired: number; withDevice: boolean }): HandshakeWorld {
  const profile = findProfile("2026.9")!;
  const world = new World({ seed: 7n, profile, budgets: { stepsMax: Number.MAX_SAFE_INTEGER } });
  world.addHost({ name: "gw", kind: "lan" });
  world.addGateway({ name: "gateway", host: "gw", port: 18789, config: { auth: { mode: "token", token: gatewayToken } } });
  world.runFor(profile.gateway.startupUnavailableMs ?? 0);
  const devices = Math.max(1, options.paired);
  const attempts = Array.from({ length: devices }, (_, i) => attemptFor(`h${i}`, options.withDevice ? seedHexOf(i) : null));
  let next = 0;
  const run = () => {
    const attempt = attempts[next % devices]!;
    next++;
    const h: AttemptHandle = world.attempt({ fromHost: "gw", url: "ws://127.0.0.1:18789", port: 18789, gatewayToken, identities: {}, attempt });
    world.runUntil(() => h.outcome !== undefined, 60_000);
    const response = h.outcome?.response;
    if (response?.ok !== true) throw new Error(`bench handshake ${attempt.name} did not reach hello-ok`);
  };
  for (let i = 0; i < devices; i++) run();
  return { handshake: run, paired: options.withDevice ? devices : 0 };
}
