// Public surface of the real-gateway oracle: describe connect attempts as data, run them against the npm
// release of the OpenClaw gateway over real loopback sockets, and record redacted outcomes as fixtures for the
// simulated gateway model. Uses real time, sockets and child processes (allowed under sim/, never under src/).

export type {
  Attempt,
  AttemptRecord,
  AttemptSuite,
  ConnectSpec,
  DeviceNonceMode,
  DevicePayloadVersion,
  DeviceSpec,
  ObservedChallenge,
  ObservedError,
  ObservedHelloOk,
  ObservedRpc,
  Outcome,
  RpcCall,
} from "./attempt.ts";
export { buildDevice, buildFrames, deviceTokenKey, resolveDeep, resolveText, type BuiltFrames, type FrameContext } from "./connect-frame.ts";
export {
  buildSignaturePayload,
  identityFromSeed,
  normalizeDeviceMetadata,
  seedForName,
  signPayload,
  type OracleIdentity,
  type SignaturePayloadFields,
} from "./device-proof.ts";
export { OracleDriver, runAttempts, type DriverOptions } from "./driver.ts";
export { ALL_RUNS, IDENTITIES, INSECURE_AUTH_RUN, MANUAL_PAIRING_RUN, RATE_LIMIT_RUN, TOKEN_RUN, type CuratedRun, type CuratedStep } from "./curated.ts";
export { measurePreauthBudget, type PreauthBudgetObservation } from "./preauth-budget.ts";
export {
  freePort,
  GatewayStartError,
  READY_PROBE,
  resolveInstall,
  startRealGateway,
  type RealGateway,
  type RealGatewayOptions,
  type StartupObservation,
} from "./real-gateway.ts";
export { formatFixtureJson, type OracleFixture, type RecordedRun } from "./record.ts";
export { Redactor } from "./redact.ts";
