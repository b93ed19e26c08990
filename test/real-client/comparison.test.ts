// The real OpenClaw client and clawsim's simulated client under the same profile (2026.9 client switches) in the
// same seed stories: where their verdicts agree, and the differences we know of, each pinned so that a change
// on either side fails here. The table form is `tsx sim/real-client/compare.ts`.
import { describe, expect, it } from "vitest";
import { compareClients, type StoryComparison } from "../../sim/real-client/compare.ts";
import { stories, type StoryVerdict } from "../../sim/real-client/stories.ts";
import { profile2026_9, realAvailable } from "./harness.ts";

/** Verdict fields where the real 2026.9.1 client and the simulated 2026.9 client are known to differ. */
const knownDifferences: Readonly<Record<string, readonly (keyof StoryVerdict)[]>> = {
  // Real: AUTH_TOKEN_MISMATCH with no retry pending pauses at once. Simulated: pauses only after the retry was spent.
  "wrong-token-new-device": ["attempts", "paused", "pausedDetailCode", "reconnectDelaysMs", "errorDetailCodes"],
  // Real: UNAVAILABLE startup-sidecars uses the gateway's retryAfterMs (500 ms) and reports no error.
  // Simulated: an ordinary backoff (1, 2, 4 s) with a detail-less connect error each time.
  "gateway-starting": ["attempts", "helloAfterMs", "reconnectDelaysMs", "errorDetailCodes"],
  // Real: the connect-challenge watchdog defaults to the 15 s pre-auth budget (the gateway's own handshake
  // timeout closes the socket at the same instant). Simulated: the 2026.9 client switch says 2 s.
  "challenge-lost": ["helloAfterMs", "errorDetailCodes"],
  // Real: the transport guard's refusal also reaches onConnectError. Simulated: only a `refused` event.
  "remote-plaintext": ["errorDetailCodes"],
};

async function compare(name: string): Promise<StoryComparison> {
  const result = await compareClients({ seed: 424242n, profile: profile2026_9, stories: stories.filter((s) => s.name === name) });
  if (result.kind !== "compared") throw new Error(result.reason);
  return result.stories[0]!;
}

describe.skipIf(!realAvailable)("real client vs simulated client, profile 2026.9", () => {
  for (const story of stories) {
    const known = knownDifferences[story.name] ?? [];
    it(`${story.name}: ${known.length === 0 ? "same verdict" : `differs only in ${known.join(", ")}`}`, async () => {
      const c = await compare(story.name);
      expect(c.differences.map((d) => d.field)).toEqual(known);
    });
  }

  it("AUTH_TOKEN_MISMATCH without a stored token: the real client pauses on the first refusal, the simulated one keeps backing off", async () => {
    const c = await compare("wrong-token-new-device");
    expect(c.real.verdict).toMatchObject({ attempts: 1, paused: true, pausedDetailCode: "AUTH_TOKEN_MISMATCH" });
    expect(c.sim.verdict).toMatchObject({ paused: false, reconnectDelaysMs: [1_000, 2_000, 4_000, 8_000, 16_000, 30_000] });
  });

  it("a lost connect.challenge: the real client waits the 15 s pre-auth budget, the simulated one gives up after 2 s", async () => {
    const c = await compare("challenge-lost");
    expect(c.real.verdict.helloAfterMs).toBeGreaterThanOrEqual(15_000 + 1_000);
    expect(c.sim.verdict.helloAfterMs).toBeLessThan(profile2026_9.client.challengeTimeoutMs + 1_000 + 100);
    expect(c.real.verdict.attempts).toBe(2);
    expect(c.sim.verdict.attempts).toBe(2);
  });

  it("startup UNAVAILABLE: both connect once the gateway is ready, the real client by 500 ms retries", async () => {
    const c = await compare("gateway-starting");
    expect(c.real.verdict.connected && c.sim.verdict.connected).toBe(true);
    expect(new Set(c.real.verdict.reconnectDelaysMs)).toEqual(new Set([500]));
    expect(c.sim.verdict.reconnectDelaysMs).toEqual([1_000, 2_000, 4_000].slice(0, c.sim.verdict.reconnectDelaysMs.length));
  });
});
