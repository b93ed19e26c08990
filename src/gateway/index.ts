// The simulated OpenClaw gateway: a pure auth reducer plus its pairing store. Public surface of src/gateway.
export { createGatewayState, gatewayStep } from "./gateway.ts";
export * from "./types.ts";
export * from "./pairing-store.ts";
export { rateLimitDefaults, type LimiterScope } from "./rate-limit.ts";
export { resolveLocality, isLoopbackAddress } from "./locality.ts";
export { gatewayMethods, gatewayEvents } from "./methods.ts";
export { maxPayloadBytes } from "./hello.ts";
export * from "./reload-plan.ts";
export { listPresence, presenceTtlMs, presenceEntriesMax, type PresenceEntry } from "./presence.ts";
export { configRedactedSentinel, redactedGatewayConfig } from "./read-methods.ts";
export { servedMethods } from "./methods.ts";
export { handshakeTimeoutMs } from "./gateway.ts";
export { seededControlUiOrigins, type GatewayBindMode } from "./origin-seed.ts";
export {
  bootstrapTokenTtlMs,
  emptyBootstrapStore,
  issueBootstrapToken,
  setupBootstrapProfile,
  type BootstrapProfile,
  type BootstrapRecord,
  type BootstrapStore,
} from "./bootstrap-tokens.ts";
export {
  emptyNodePairingStore,
  listNodePairing,
  nodePendingTtlMs,
  type NodePairingRequest,
  type NodePairingStore,
  type PairedNode,
} from "./node-pairing.ts";
