// An equivalence claim of src/chaos/mutants.ts, shown on the wire: a device-only client (no shared token, a stored
// device token) whose token the operator rotates reconnects with the stale token and is refused
// AUTH_DEVICE_TOKEN_MISMATCH. Under 2026.9 the client clears the token and pauses on that answer, so turning the
// §7.4 stale-token self-heal off changes no frame; with the 2026.9 pause also off, the self-heal is what stops the
// client resending the stale token (the claim rests on the pause, not on a dead switch).
import { describe, expect, it } from "vitest";
import { wireDigest } from "../../sim/chaos-run.ts";
import { equivalentMutants, findProfile, parseRunSpec, runScenario, specScenario, type Profile } from "../../src/index.ts";

const yaml = `
name: stale-device-only-client
gateway: { auth: { mode: token, token: t0k3n } }
identities: [laptop]
steps:
  - client: { name: svc, kind: backend, from: lan, identity: laptop, passiveToken: "{{gatewayToken}}" }
  - wait: 3000
  - operator: { action: approve-pending, identity: laptop }
  - start: svc
  - wait: 5000
  - credentials: { client: svc, passiveToken: null }
  - wait: 1000
  - operator: { action: rotate-device-token, identity: laptop }
  - wait: 30000
`;

const parent = findProfile("2026.9")!;

async function digest(client: Partial<Profile["client"]>): Promise<{ wire: string; staleAttempts: number }> {
  const profile: Profile = { ...parent, client: { ...parent.client, ...client } };
  const spec = parseRunSpec(yaml, "x.yaml", profile);
  if (!spec.ok) throw new Error(spec.message);
  const result = await runScenario(specScenario(spec.spec), { seed: 1n, profile });
  const staleAttempts = result.events.filter((e) => e.actor === "svc" && e.kind === "client" && e.data["detailCode"] === "AUTH_DEVICE_TOKEN_MISMATCH" && e.data["code"] === "INVALID_REQUEST").length;
  return { wire: wireDigest(result.events), staleAttempts };
}

describe("client.staleTokenSelfHeal under 2026.9", () => {
  it("changes no frame, because the pause on AUTH_DEVICE_TOKEN_MISMATCH clears the token first", async () => {
    expect(equivalentMutants["client.staleTokenSelfHeal"]).toContain("pauseOnDeviceTokenMismatch");
    const released = await digest({});
    const mutant = await digest({ staleTokenSelfHeal: false });
    expect(released.staleAttempts).toBe(1);
    expect(mutant).toEqual(released);
  });

  it("is what stops the stale token being resent once that pause is off", async () => {
    const selfHeal = await digest({ pauseOnDeviceTokenMismatch: false });
    const neither = await digest({ pauseOnDeviceTokenMismatch: false, staleTokenSelfHeal: false });
    expect(selfHeal.staleAttempts).toBe(1);
    expect(neither.staleAttempts).toBeGreaterThan(2);
    expect(neither.wire).not.toBe(selfHeal.wire);
  });
});
