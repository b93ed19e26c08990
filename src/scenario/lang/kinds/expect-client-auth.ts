// expectClientAuth: what a simulated client holds and last heard — its device-auth file's token for a role
// (present; reissued = written at least twice), and its latest connect error (authReason, detail code). "A
// correct credential refused with rate_limited" is `lastError: { authReason: rate_limited }` on a client
// whose token is right.
// `{ expectClientAuth: { client: good, storedToken: false, lastError: { authReason: rate_limited } } }`
import { storedTokenPresent, storedTokenWrites } from "../../../world/index.ts";
import { defineStepKind } from "../step-kind.ts";

export interface ExpectClientAuthStep {
  client: string;
  role?: string;
  storedToken?: boolean;
  reissued?: boolean;
  lastError?: { authReason?: string; detailCode?: string; messageContains?: string } | null;
}

export const expectClientAuthKind = defineStepKind({
  kind: "expectClientAuth",
  schema: {
    type: "object",
    required: ["client"],
    properties: {
      client: { type: "string" },
      role: { type: "string" },
      storedToken: { type: "boolean" },
      reissued: { type: "boolean" },
      lastError: {
        anyOf: [
          { type: "null" },
          {
            type: "object",
            properties: { authReason: { type: "string" }, detailCode: { type: "string" }, messageContains: { type: "string" } },
            additionalProperties: false,
          },
        ],
      },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.clients.has(step.expectClientAuth.client)) model.problem(`${at}/client`, `no client named '${step.expectClientAuth.client}' was started before`);
  },
  run(step, env) {
    const e = step.expectClientAuth;
    const at = `step ${env.stepIndex} (client ${e.client})`;
    const check = (ok: boolean, message: string) => env.ctx.check(ok, "case-expect", `${at}: ${message}`);
    if (!env.world.clients.has(e.client)) return void check(false, "not a simulated client");
    const role = e.role ?? "operator";
    if (e.storedToken !== undefined) {
      const present = storedTokenPresent(env.world, e.client, role);
      check(present === e.storedToken, `stored ${role} token ${present ? "present" : "absent"}, expected ${e.storedToken ? "present" : "absent"}`);
    }
    if (e.reissued !== undefined) {
      const writes = storedTokenWrites(env.world, e.client, role);
      check(writes >= 2 === e.reissued, `${role} token written ${writes} time(s), expected ${e.reissued ? "reissued (2+)" : "not reissued"}`);
    }
    if (e.lastError !== undefined) checkLastError(env.world.trace.events, e.client, e.lastError, check);
  },
  print: (step) => `expect client ${step.expectClientAuth.client} auth ${JSON.stringify({ ...step.expectClientAuth, client: undefined })}`,
});

function checkLastError(
  events: readonly { actor: string; kind: string; data: Record<string, unknown> }[],
  client: string,
  want: ExpectClientAuthStep["lastError"],
  check: (ok: boolean, message: string) => void,
): void {
  const last = [...events].reverse().find((ev) => ev.actor === client && ev.kind === "client" && ev.data["event"] === "connect-error");
  if (want === null) return check(last === undefined, `had a connect error (${String(last?.data["message"])}), expected none`);
  if (!want) return;
  if (!last) return check(false, "no connect error, expected one");
  const details = (last.data["details"] ?? {}) as Record<string, unknown>;
  if (want.authReason !== undefined) check(details["authReason"] === want.authReason, `last connect error authReason ${String(details["authReason"])}, expected ${want.authReason}`);
  if (want.detailCode !== undefined) check(last.data["detailCode"] === want.detailCode, `last connect error detail ${String(last.data["detailCode"])}, expected ${want.detailCode}`);
  if (want.messageContains !== undefined) check(String(last.data["message"]).includes(want.messageContains), `last connect error ${JSON.stringify(last.data["message"])} lacks ${JSON.stringify(want.messageContains)}`);
}
