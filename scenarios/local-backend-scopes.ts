// Seed 003 (issue #63344): a backend service and a CLI on the gateway's own host authenticate with the gateway
// token and no device identity (gateway.controlUi.allowInsecureAuth=false). They connect in every release, but
// where device-less sessions lose their scopes the backend's write (chat.send) is refused with a missing
// scope; 2026.9 keeps the requested scopes for the gateway-client/backend and cli/cli classes. 2026.5 and 2026.6
// keep them for the backend only (no cli keeper in the 5.28 and 6.11 dists), so the CLI's write fails there.
import { scenario, specScenario, type Scenario } from "../src/index.ts";
import { tokenConfig } from "./support.ts";

const wanted = ["operator.write", "operator.read"];
const write = { method: "chat.send", params: { sessionKey: "main", message: "hello from a local service", idempotencyKey: "local-backend-1" } };

export const localBackendScopesSpec = scenario(
  "local-backend-scopes",
  "seed 003: a device-less backend and CLI on the gateway host, authenticated by the gateway token, keep their operator scopes and can write",
)
  // 2026.3 fails since it follows openclaw@2026.3.13 (issue 11): its connect handler clears the scopes of every
  // device-less client but an admitted Control UI (recorded: a device-less gateway-client/backend's status and a
  // cli's device.* calls answered INVALID_REQUEST, 3.13 seed-5 fixture c0092, c0082).
  // 2026.4.22 as 2026.4: its profile keeps every 2026.4.14 switch these runs exercise (assumed where not read).
  .verdicts({ default: "pass", "2026.2.13": "fail", "2026.2.14": "fail", "2026.2.22": "fail", "2026.3": "fail", "2026.4": "fail", "2026.4.22": "fail", "2026.2.17": "fail", "2026.3.31": "fail", "2026.5": "fail", "2026.6": "fail" })
  .invariants({ name: "standard", converges: { clients: ["backend"] } })
  .bare()
  .gatewayMachine({ config: tokenConfig("T1", { gateway: { controlUi: { allowInsecureAuth: false } } }), cliIdentity: null })
  .install()
  .converge("the local backend service starts")
  .machineClient({ name: "backend", kind: "backend", identity: null, scopes: wanted })
  .machineClient({ name: "cli", kind: "cli", identity: null, scopes: wanted, call: write })
  .wait(3_000)
  .step({ call: { client: "backend", ...write } })
  .wait(1_000)
  .step(
    ...["backend", "cli"].map((client) => ({
      expectRpc: { client, ok: true, rule: "device-less-scopes-kept", message: `${client} (no device, gateway token) could not write` },
    })),
  )
  .build();

export const localBackendScopes: Scenario = specScenario(localBackendScopesSpec);
