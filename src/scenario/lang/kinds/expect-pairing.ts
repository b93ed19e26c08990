// expectPairing: the gateway's pairing records of an identity now (pending requests, paired, requested role/scopes).
// `{ expectPairing: { identity: laptop, pending: 1, paired: false } }`
import { defineStepKind } from "../step-kind.ts";
import { standardGatewayName } from "../standard-world.ts";

export const expectPairingKind = defineStepKind({
  kind: "expectPairing",
  schema: {
    type: "object",
    required: ["identity"],
    properties: {
      identity: { type: "string" },
      pending: { type: "integer", minimum: 0 },
      paired: { type: "boolean" },
      pendingRole: { type: "string" },
      pendingScopesInclude: { type: "array", items: { type: "string" } },
      gateway: { type: "string" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.identities.has(step.expectPairing.identity)) model.problem(`${at}/identity`, `unknown identity '${step.expectPairing.identity}'`);
  },
  run(step, env) {
    const expect = step.expectPairing;
    const store = env.world.gateway(expect.gateway ?? standardGatewayName).state.store;
    const deviceId = env.deviceIdOf(expect.identity);
    const pending = Object.values(store.pending).filter((p) => p.deviceId === deviceId);
    const at = `step ${env.stepIndex} (pairing of ${expect.identity})`;
    const { check } = env.ctx;
    if (expect.pending !== undefined) check(pending.length === expect.pending, "case-expect", `${at}: pending requests ${pending.length}, expected ${expect.pending}`);
    if (expect.paired !== undefined) check((store.paired[deviceId] !== undefined) === expect.paired, "case-expect", `${at}: paired is ${store.paired[deviceId] !== undefined}, expected ${expect.paired}`);
    if (expect.pendingRole !== undefined) check(pending[0]?.role === expect.pendingRole, "case-expect", `${at}: pending role ${pending[0]?.role}, expected ${expect.pendingRole}`);
    for (const scope of expect.pendingScopesInclude ?? []) check(pending[0]?.scopes?.includes(scope) === true, "case-expect", `${at}: pending scopes ${JSON.stringify(pending[0]?.scopes)} lack ${scope}`);
  },
  print: (step) => `expect pairing of ${step.expectPairing.identity} ${JSON.stringify({ ...step.expectPairing, identity: undefined })}`,
});
