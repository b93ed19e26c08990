// The real OpenClaw gateway on this machine, in the same bench run: installs (or reuses) the release under
// ~/.cache/clawsim, starts it on loopback, pairs P devices, then times device-signed and device-less handshakes
// over real WebSockets with the same attempts the simulated gateway gets. Prints one JSON line.
// `npx tsx bench/real.ts openclaw@2026.9.6 [handshakes] [paired]`
import { ensureOpenclaw, parseAgainst } from "../sim/conformance/install.ts";
import { OracleDriver } from "../sim/oracle/driver.ts";
import { startRealGateway } from "../sim/oracle/real-gateway.ts";
import type { Attempt } from "../src/index.ts";
import { seedHexOf } from "./handshake.ts";

function attempt(name: string, seedHex: string | null): Attempt {
  return {
    name,
    connect: {
      params: {
        minProtocol: 4, maxProtocol: 4,
        client: { id: "cli", version: "1", platform: "linux", mode: "cli" },
        role: "operator", scopes: ["operator.read"], auth: { token: "{{gatewayToken}}" },
      },
    },
    ...(seedHex ? { device: { identitySeed: seedHex, payloadVersion: "v3" as const } } : {}),
  };
}

async function main(): Promise<void> {
  const parsed = parseAgainst(process.argv[2]);
  if (!parsed.ok) return void console.log(JSON.stringify({ error: parsed.message }));
  const handshakes = Number(process.argv[3] ?? 200);
  const paired = Number(process.argv[4] ?? 20);
  const install = ensureOpenclaw(parsed.version, { log: (line) => console.error(line) });
  if (install.kind === "unavailable") return void console.log(JSON.stringify({ error: `cannot install openclaw@${parsed.version}: ${install.reason}` }));
  const gateway = await startRealGateway({ installDir: install.dir, label: "bench" });
  try {
    const names = Array.from({ length: paired }, (_, i) => `d${i}`);
    const identities = Object.fromEntries(names.map((n, i) => [n, seedHexOf(i)]));
    const driver = new OracleDriver({ port: gateway.port, gatewayToken: gateway.token, identities });
    const rate = async (withDevice: boolean) => {
      let ok = 0;
      const started = performance.now();
      for (let i = 0; i < handshakes; i++) {
        const name = names[i % paired]!;
        const outcome = await driver.run(attempt(name, withDevice ? identities[name]! : null));
        if (outcome.response?.ok === true) ok++;
      }
      return { perSecond: Math.round(handshakes / ((performance.now() - started) / 1000)), ok };
    };
    for (const name of names) await driver.run(attempt(name, identities[name]!));
    const deviceSigned = await rate(true);
    const deviceLess = await rate(false);
    console.log(JSON.stringify({ version: parsed.version, handshakes, paired, deviceSignedPerSecond: deviceSigned.perSecond, deviceSignedOk: deviceSigned.ok, deviceLessPerSecond: deviceLess.perSecond, deviceLessOk: deviceLess.ok, readyMs: Math.round(gateway.startup.readyMs) }));
  } finally {
    await gateway.stop();
  }
}

void main();
