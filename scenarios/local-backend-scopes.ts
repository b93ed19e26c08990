// Seed 003 (issue #63344): a backend service and a CLI on the gateway's own host authenticate with the gateway
// token and no device identity (gateway.controlUi.allowInsecureAuth=false). They connect in every release, but
// where device-less sessions lose their scopes the backend's write (chat.send) is refused with a missing
// scope; 2026.9 keeps the requested scopes for the gateway-client/backend and cli/cli classes.
import type { Scenario } from "../src/index.ts";
import { convergeOnNotes, libraryInvariants, markConverge } from "./invariants.ts";
import { addGatewayMachine, clientEvents, installGateway, runFor, tokenConfig } from "./support.ts";

const wanted = ["operator.write", "operator.read"];
const write = { method: "chat.send", params: { sessionKey: "main", message: "hello from a local service" } };

export const localBackendScopes: Scenario = {
  name: "local-backend-scopes",
  description: "seed 003: a device-less backend and CLI on the gateway host, authenticated by the gateway token, keep their operator scopes and can write",
  expectDefault: "pass",
  expect: { "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.3": "pass", "2026.4": "fail", "2026.9": "pass" },
  invariants: (p) => libraryInvariants(p, { converges: convergeOnNotes({ clients: ["backend"] }) }),
  run(ctx) {
    const { world } = ctx;
    // The operator's CLI on that host is device-less too (the chicken-and-egg).
    addGatewayMachine(world, { config: tokenConfig("T1", { gateway: { controlUi: { allowInsecureAuth: false } } }), cliIdentity: null });
    installGateway(world);
    markConverge(ctx, "the local backend service starts");
    world.addMachineClient("gw", { name: "backend", spec: { kind: "backend", identity: null, scopes: wanted } });
    world.addMachineClient("gw", { name: "cli", spec: { kind: "cli", identity: null, scopes: wanted, call: write } });
    runFor(world, 3_000);
    world.client("backend").call(write.method, write.params);
    runFor(world, 1_000);
    for (const client of ["backend", "cli"]) {
      const result = clientEvents(world, client, "rpc-result").at(-1)?.data;
      const error = result?.["error"] as { message?: string } | undefined;
      ctx.check(result?.["ok"] === true, "device-less-scopes-kept", `${client} (no device, gateway token) could not write: ${error?.message ?? "no answer"}`);
    }
  },
};
