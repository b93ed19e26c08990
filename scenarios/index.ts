// The scenario library: every named scenario `pnpm sim` knows, in listing order — the walking skeleton, the
// five seed stories (000–004), then the operator's day: rotation, drift, clock skew, revocation, pairing,
// lockout, and a restart under load.
import type { Scenario } from "../src/index.ts";
import { cliConnect } from "./cli-connect.ts";
import { daemonTokenDrift } from "./daemon-token-drift.ts";
import { deviceAuthMigration } from "./device-auth-migration.ts";
import { gatewayRestartStorm } from "./gateway-restart-storm.ts";
import { localBackendScopes } from "./local-backend-scopes.ts";
import { pairingApproval } from "./pairing-approval.ts";
import { rateLimitLockout } from "./rate-limit-lockout.ts";
import { retryHints } from "./retry-hints.ts";
import { revokedDevice } from "./revoked-device.ts";
import { signatureSkew } from "./signature-skew.ts";
import { staleSystemdEnv } from "./stale-systemd-env.ts";
import { tokenPriorityRegression } from "./token-priority-regression.ts";
import { tokenRotation } from "./token-rotation.ts";

export const scenarios: readonly Scenario[] = [
  cliConnect,
  retryHints,
  deviceAuthMigration,
  daemonTokenDrift,
  localBackendScopes,
  tokenPriorityRegression,
  tokenRotation,
  staleSystemdEnv,
  signatureSkew,
  revokedDevice,
  pairingApproval,
  rateLimitLockout,
  gatewayRestartStorm,
];

export function findScenario(name: string): Scenario | undefined {
  return scenarios.find((s) => s.name === name);
}
