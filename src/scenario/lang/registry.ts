// The step registry: every step kind by its key. Adding a kind = one module in kinds/, its payload type in
// spec.ts's StepPayloads, and one line here. The schema, the static check, the interpreter and the printer all
// read this table; nothing else knows the kinds.
import type { Step, StepKindName } from "./spec.ts";
import type { StepKind } from "./step-kind.ts";
import { clientKind } from "./kinds/client.ts";
import { connectKind } from "./kinds/connect.ts";
import { credentialsKind } from "./kinds/credentials.ts";
import { expectClientKind } from "./kinds/expect-client.ts";
import { expectPairingKind } from "./kinds/expect-pairing.ts";
import { faultKind } from "./kinds/fault.ts";
import { operatorKind } from "./kinds/operator.ts";
import { waitKind } from "./kinds/wait.ts";
import { gatewayConfigKind } from "./kinds/gateway-config.ts";
import { clientLifeKind } from "./kinds/client-life.ts";
import { expectGatewayKind } from "./kinds/expect-gateway.ts";
import { expectClientAuthKind } from "./kinds/expect-client-auth.ts";
import { gatewayProcessKind } from "./kinds/gateway-process.ts";
import { approvePendingKind } from "./kinds/approve-pending.ts";
import { browserTokenKind } from "./kinds/browser-token.ts";
import { browserTabKind } from "./kinds/browser-tab.ts";
import { browserStorageKind } from "./kinds/browser-storage.ts";
import { expectBrowserTabKind } from "./kinds/expect-browser-tab.ts";
import { clockKind } from "./kinds/clock.ts";
import { expectConfigKind } from "./kinds/expect-config.ts";
import { expectConnectedKind } from "./kinds/expect-connected.ts";
import { expectEventKind } from "./kinds/expect-event.ts";
import { expectRpcKind } from "./kinds/expect-rpc.ts";
import { gatewayStartKind } from "./kinds/gateway-start.ts";
import { publishPortKind } from "./kinds/publish-port.ts";
import { machineFileKind } from "./kinds/machine-file.ts";
import { hostKind } from "./kinds/host.ts";
import { callKind, refreshKind, startKind, stopKind } from "./kinds/lifecycle.ts";
import { machineClientKind } from "./kinds/machine-client.ts";
import { machineKind } from "./kinds/machine.ts";
import { convergeKind, noteKind, warmUpKind } from "./kinds/markers.ts";
import { openclawKind } from "./kinds/openclaw.ts";
import { scriptKind } from "./kinds/script.ts";
import { snapshotKind } from "./kinds/snapshot.ts";
import { setupCodeKind } from "./kinds/setup-code.ts";
import { netFaultKind } from "./kinds/net-fault.ts";
import { attackKind } from "./kinds/attack.ts";
import { hostEnvKind } from "./kinds/host-env.ts";
import { settlePendingKind } from "./kinds/settle-pending.ts";
import { alignTokenKind } from "./kinds/align-token.ts";
import { timeMarkKind, waitUntilKind } from "./kinds/time-mark.ts";

export const stepKinds: { readonly [K in StepKindName]: StepKind<K> } = {
  connect: connectKind,
  operator: operatorKind,
  wait: waitKind,
  expectPairing: expectPairingKind,
  client: clientKind,
  fault: faultKind,
  credentials: credentialsKind,
  expectClient: expectClientKind,
  gatewayConfig: gatewayConfigKind,
  clientLife: clientLifeKind,
  expectGateway: expectGatewayKind,
  expectClientAuth: expectClientAuthKind,
  gatewayProcess: gatewayProcessKind,
  host: hostKind,
  machine: machineKind,
  gatewayStart: gatewayStartKind,
  publishPort: publishPortKind,
  machineFile: machineFileKind,
  openclaw: openclawKind,
  snapshot: snapshotKind,
  machineClient: machineClientKind,
  browserToken: browserTokenKind,
  browserTab: browserTabKind,
  browserStorage: browserStorageKind,
  expectBrowserTab: expectBrowserTabKind,
  stop: stopKind,
  start: startKind,
  refresh: refreshKind,
  call: callKind,
  clock: clockKind,
  approvePending: approvePendingKind,
  converge: convergeKind,
  note: noteKind,
  warmUp: warmUpKind,
  expectConnected: expectConnectedKind,
  expectRpc: expectRpcKind,
  expectConfig: expectConfigKind,
  expectEvent: expectEventKind,
  script: scriptKind,
  setupCode: setupCodeKind,
  netFault: netFaultKind,
  attack: attackKind,
  hostEnv: hostEnvKind,
  settlePending: settlePendingKind,
  alignToken: alignTokenKind,
  timeMark: timeMarkKind,
  waitUntil: waitUntilKind,
};

export const stepKindNames = Object.keys(stepKinds) as StepKindName[];

/** Keys every step may carry whatever its kind. */
export const commonStepKeys = ["when"] as const;

/** The kind keys a step object holds (exactly one in a valid step). */
export function kindKeysOf(step: object): StepKindName[] {
  return stepKindNames.filter((k) => k in step);
}

/** The kind of a valid step. */
export function kindOf(step: Step): StepKindName {
  const kinds = kindKeysOf(step);
  if (kinds.length !== 1) throw new Error(`a step has exactly one of ${stepKindNames.join(", ")}`);
  return kinds[0]!;
}

/** The module of a valid step's kind, typed loosely for the interpreter. */
export function moduleOf(step: Step): StepKind {
  return stepKinds[kindOf(step)] as unknown as StepKind;
}

/** One line for a report: what the step does. */
export function printStep(step: Step): string {
  const line = (moduleOf(step).print as (s: Step) => string)(step);
  return step.when ? `${line} (when ${JSON.stringify(step.when)})` : line;
}
