// The world: adapters that run the gateway and client reducers over the simulated network and clock.
export * from "./world.ts";
export { GatewayNode } from "./gateway-node.ts";
export type { Attempt, AttemptSuite, Outcome, DeviceSpec, ObservedError } from "./attempt/attempt.ts";
export { buildFrames, type FrameContext } from "./attempt/connect-frame.ts";
export { ClientNode, DeviceAuthFile } from "./client-node.ts";
