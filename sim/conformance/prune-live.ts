// A live check of the silent-pairing prune (switch silentPairingPrune) on a real release: cat pairs silently as a
// local `cli`, a wall-clock pause, ann pairs silently as `cli` too, then cat connects with its device token alone and
// an operator lists the paired devices. 8.2 and 9.6 remove cat when the pause is 60 s or more (cat's token is then
// refused, one device left); earlier releases never do. Needs the npm registry (or the cache) and Node 24, like
// `pnpm sim conformance`; not part of the test command.
// `npx tsx sim/conformance/prune-live.ts <release> <pause-ms>`, e.g. `2026.9.6 61000` and `2026.9.6 45000`.
import { randomBytes } from "node:crypto";
import type { ConformanceConfig } from "./configs.ts";
import { readyProbeFor, realGatewayConfig } from "./configs.ts";
import { startReleaseGateway } from "./run.ts";
import { withProtocol } from "./adapt.ts";
import { OracleDriver } from "../oracle/driver.ts";
import { READY_PROBE } from "../oracle/real-gateway.ts";
import type { Attempt, Outcome } from "../../src/index.ts";

const usage = "usage: npx tsx sim/conformance/prune-live.ts <release, e.g. 2026.9.6> <pause in ms, 0-600000>";

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main(): Promise<void> {
  const [release, pauseText, ...rest] = process.argv.slice(2);
  if (release === undefined || pauseText === undefined || rest.length > 0) fail(usage);
  if (!/^2026\.\d{1,2}\.\d{1,2}$/.test(release)) fail(`prune-live: '${release}' is not a release like 2026.9.6`);
  if (!/^(0|[1-9]\d{0,5})$/.test(pauseText) || Number(pauseText) > 600_000) fail(`prune-live: pause '${pauseText}' is not a whole number of ms from 0 to 600000`);
  const pauseMs = Number(pauseText);
  // Releases from 2026.5 speak protocol 4 (their profiles' protocolVersion); earlier ones 3.
  const protocol = Number(release.split(".")[1]) >= 5 ? 4 : 3;
  const config: ConformanceConfig = { name: "k1-token", mode: "token" };
  const secret = randomBytes(24).toString("base64url");
  const started = await startReleaseGateway(release, { config: realGatewayConfig(config, secret), secret, readyProbe: withProtocol(readyProbeFor(config, READY_PROBE), protocol), configName: config.name, log: () => {} });
  if ("reason" in started) {
    console.error(`prune-live: ${started.reason}`);
    process.exit(3);
  }
  const gateway = started.gateway;
  const identities = { cat: "42".repeat(32), ann: "61".repeat(32) };
  const driver = new OracleDriver({ port: gateway.port, gatewayToken: gateway.token, identities });
  const client = { id: "cli", version: release, platform: "linux", mode: "cli" };
  const params = (auth: Record<string, string>) => ({ minProtocol: protocol, maxProtocol: protocol, client, role: "operator", scopes: ["operator.admin"], auth });
  const line = (name: string, o: Outcome) => console.log(`${name.padEnd(10)} ${o.response?.ok === true ? "accepted" : `refused ${String((o.response?.error?.details as { code?: string } | undefined)?.code ?? o.response?.error?.code ?? o.close?.reason ?? "")}`}`);
  const paired = (name: string, seed: string, auth: Record<string, string>): Attempt => ({ name, connect: { params: params(auth) }, device: { identitySeed: seed, payloadVersion: "v3" } });
  try {
    line("cat", await driver.run(paired("cat", identities.cat, { token: "{{gatewayToken}}" })));
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    line("ann", await driver.run(paired("ann", identities.ann, { token: "{{gatewayToken}}" })));
    line("cat-token", await driver.run(paired("cat-token", identities.cat, { deviceToken: "{{deviceToken:cat}}" })));
    const list = await driver.run({ name: "list", connect: { params: params({ token: "{{gatewayToken}}" }) }, afterHello: [{ method: "device.pair.list", params: {} }] });
    console.log(`paired     ${JSON.stringify(list.rpc?.[0]?.summary ?? null)}`);
  } finally {
    await gateway.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`prune-live: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(3);
});
