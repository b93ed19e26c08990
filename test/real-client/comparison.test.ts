// The real OpenClaw client and clawsim's simulated client under the same profile (2026.9 client switches) in the
// same seed stories: where their verdicts agree, and the differences we know of, each pinned so that a change
// on either side fails here. The table form is `tsx sim/real-client/compare.ts`.
import { describe, expect, it } from "vitest";
import { compareClients, type StoryComparison } from "../../sim/real-client/compare.ts";
import { stories, type StoryVerdict } from "../../sim/real-client/stories.ts";
import { profile2026_9, realAvailable } from "./harness.ts";

/**
 * Verdict fields where the real 2026.9.1 client and the simulated 2026.9 client differ: none since the 2026.9
 * client switches were set from this comparison (tokenMismatchPause, honourRetryAfter, challengeTimeoutMs 15 s,
 * the transport-guard refusal reported as a connect error). A new difference fails here.
 */
const knownDifferences: Readonly<Record<string, readonly (keyof StoryVerdict)[]>> = {};

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

  it("AUTH_TOKEN_MISMATCH without a stored token: both pause on the first refusal", async () => {
    const c = await compare("wrong-token-new-device");
    for (const side of [c.real, c.sim]) expect(side.verdict).toMatchObject({ attempts: 1, paused: true, pausedDetailCode: "AUTH_TOKEN_MISMATCH" });
  });

  it("a lost connect.challenge: both wait the 15 s pre-auth budget", async () => {
    const c = await compare("challenge-lost");
    for (const side of [c.real, c.sim]) {
      expect(side.verdict.helloAfterMs).toBeGreaterThanOrEqual(15_000 + 1_000);
      expect(side.verdict.attempts).toBe(2);
    }
  });

  it("startup UNAVAILABLE: both retry after the gateway's retryAfterMs (500 ms) until it is ready", async () => {
    const c = await compare("gateway-starting");
    for (const side of [c.real, c.sim]) {
      expect(side.verdict.connected).toBe(true);
      expect(new Set(side.verdict.reconnectDelaysMs)).toEqual(new Set([500]));
    }
  });
});
