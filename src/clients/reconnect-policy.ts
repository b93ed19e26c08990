// A client's own reconnect cadence overriding its release's defaults (a wrapper script's backoff, a
// launcher's retry setting): only the timing switches, checked against each other. Pure data in, data out.
import { assert } from "../kernel/index.ts";
import type { ClientSwitches } from "../profiles/index.ts";

export type ReconnectPolicy = Partial<Pick<ClientSwitches, "backoffInitialMs" | "backoffMaxMs" | "fastRetryMs" | "challengeTimeoutMs">>;

/** The release's switches with the policy's timings; asserts 0 < initial ≤ max and a positive challenge wait. */
export function withReconnectPolicy(switches: ClientSwitches, policy: ReconnectPolicy | undefined): ClientSwitches {
  if (!policy) return switches;
  const merged = { ...switches, ...policy };
  assert(merged.backoffInitialMs > 0 && merged.backoffInitialMs <= merged.backoffMaxMs, "reconnect policy: need 0 < backoffInitialMs <= backoffMaxMs");
  assert(merged.fastRetryMs > 0 && merged.challengeTimeoutMs > 0, "reconnect policy: fastRetryMs and challengeTimeoutMs must be positive");
  return merged;
}
