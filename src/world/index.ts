// The world: adapters that run the gateway and client reducers over the simulated network and clock.
export * from "./world.ts";
export { GatewayNode } from "./gateway-node.ts";
export type { Attempt, AttemptSuite, Outcome, DeviceSpec, ObservedError, ObservedRpc } from "./attempt/attempt.ts";
export { buildFrames, type FrameContext } from "./attempt/connect-frame.ts";
export { ClientNode, DeviceAuthFile } from "./client-node.ts";
export {
  MachineNode,
  configReloadDebounceMs,
  gatewayRuntimeConfigFor,
  changedGatewayPaths,
  configReloadMode,
  hotReloadsCredentials,
  servicePort,
  type GatewayProcessStart,
  type GatewayProcess,
  type GatewayStartVia,
  type GatewayStartRefusal,
  type ConfigReloadMode,
  type MachineNodeOptions,
} from "./machine-node.ts";
export { planMachineClient, clientProcessEnv, type MachineClientSpec, type MachineClientPlan, type ClientProcessEnv, type ClientCredentialOrigin } from "./machine-clients.ts";
export { operatorRpcWaitMsMax, type IssuedSetupCode, type OperatorOptions, type OperatorRun, type OperatorRpcResult } from "./operator-node.ts";
export { RealClientNode, realClientLogLinesMax, type RealClientSpec, type RealClientDeps } from "./real-client-node.ts";
export { RealClients } from "./real-client-runtime.ts";
export type * from "./real-client-types.ts";
export { editGatewayConfig, gatewayConfigDebounceMs, type GatewayConfigEdit } from "./gateway-config-edit.ts";
export {
  forceStopClient,
  relaunchClient,
  deleteDeviceAuthFile,
  corruptDeviceAuthFile,
  regenerateIdentity,
  storedTokenPresent,
  storedTokenWrites,
  deviceAuthFileOf,
  type RelaunchChange,
} from "./client-lifecycle.ts";
export { nodePairingView, openSessionsByDevice, pairingView, type NodePairingView, type PairingView } from "./gateway-observe.ts";
export {
  openControlUiTab,
  reloadControlUiTab,
  navigateControlUiTab,
  duplicateControlUiTab,
  closeControlUiTab,
  controlUiTabOf,
  type ControlUiTab,
  type ControlUiTabOptions,
} from "./browser-tabs.ts";
