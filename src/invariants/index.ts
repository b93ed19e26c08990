// Invariants: observers over the trace, one module per property family. Each keeps its own shadow model
// built from trace events only, never reads gateway or client state, and never mutates the world.
export type { Invariant, InvariantFinding } from "./invariant.ts";
export { retriesBounded, retriesBoundedName, retriesAttemptsMaxDefault, retriesWindowMsDefault, type RetriesBoundedOptions } from "./retries-bounded.ts";
export { reconnectLoopStops, reconnectLoopStopsName, type ReconnectLoopStopsOptions } from "./reconnect-loop-stops.ts";
export { converges, convergesName, convergeWithinMsDefault, defaultConvergeMarker, type ConvergesOptions } from "./converges.ts";
export { nonceSingleUse, nonceSingleUseName } from "./security/nonce-single-use.ts";
export { signedOverOwnChallenge, signedOverOwnChallengeName, type SignedOverOwnChallengeOptions } from "./security/signed-over-own-challenge.ts";
export { scopesWithinApproval, scopesWithinApprovalName, type ScopesWithinApprovalOptions } from "./security/scopes-within-approval.ts";
export type { SeededApproval } from "./security/approvals.ts";
export { revokedTokenRefused, revokedTokenRefusedName, closeWithinMsDefault, type RevokedTokenRefusedOptions } from "./security/revoked-token-refused.ts";
export { noSilentRemotePairing, noSilentRemotePairingName } from "./security/no-silent-remote-pairing.ts";
export { cve202632034, cve202632034Name, type Cve202632034Options } from "./security/cve-2026-32034.ts";
export { defaultInvariants, type DefaultInvariantsOptions } from "./defaults.ts";
export { withSharedTraceReaders } from "./trace-reader.ts";
export { OPERATOR_ACTION_CODES, PAUSE_DETAIL_CODES, connectErrorCode } from "./failure-code.ts";
export { findingsPerInvariantMax } from "./findings.ts";
export { sharedSecretSessionsClosed, sharedSecretSessionsClosedName, sharedSecretCloseWithinMsDefault, type SharedSecretSessionsClosedOptions } from "./shared-secret-sessions-closed.ts";
export { approvalWithinCaller, approvalWithinCallerName } from "./security/approval-within-caller.ts";
export { adversaryRefused, adversaryRefusedName, adversaryAttemptPrefix, impersonationAttacks } from "./security/adversary-refused.ts";
