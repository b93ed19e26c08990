// The simulated OpenClaw clients (cli, tui, control-ui, node, backend) as pure reducers. Public surface of
// src/clients.
export { clientStep } from "./client.ts";
export { createClientState } from "./state.ts";
export { selectCredentials, type CredentialInputs, type CredentialSelection } from "./credentials.ts";
export { pauseDecision, nextBackoff, backoffShape, type BackoffShape, shouldRetryWithStoredDeviceToken, PAUSE_DETAIL_CODES, type PauseDecision } from "./retry-policy.ts";
export { kindDefaults, type KindDefaults } from "./kinds.ts";
export { isTrustedRetryEndpoint } from "./endpoint.ts";
export { TimerKeys } from "./effects.ts";
export * from "./types.ts";
export { withReconnectPolicy, type ReconnectPolicy } from "./reconnect-policy.ts";
