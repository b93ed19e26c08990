// Which scenario files the real OpenClaw client can play: files with at least one client step of a kind it
// implements (any but the Control UI, no one-shot call), and none of the steps that reach into a simulated
// client's internals (process lifecycle and file edits, stored-token and last-error expectations, reconnect
// policy overrides, relaunches, peers told never to ack a close). Other files are simulated-client only.
import type { RunSpec } from "../../src/index.ts";

/** Step kinds that act on or read a simulated client's internals. */
const simulatedOnlyKinds = ["clientLife", "expectClientAuth"] as const;

/** Why the real client cannot play this file, or undefined when it can. */
export function realClientRefusal(spec: RunSpec): string | undefined {
  const steps = spec.steps as readonly Record<string, unknown>[];
  const clients = steps.flatMap((st) => ("client" in st ? [st["client"] as Record<string, unknown>] : []));
  const playable = clients.some((c) => c["kind"] !== "control-ui" && c["oneShot"] === undefined);
  if (!playable) return "no client the real client plays (only Control UI, one-shot calls or raw attempts)";
  const kind = simulatedOnlyKinds.find((k) => steps.some((st) => k in st));
  if (kind) return `uses ${kind}, which acts on a simulated client only`;
  if (clients.some((c) => c["reconnect"] !== undefined)) return "overrides a client's reconnect policy (simulated only)";
  if (clients.some((c) => c["relaunch"] === true)) return "relaunches a client process (simulated clients only)";
  const restarts = steps.some((st) => ["settlePending", "approvePending"].some((k) => k in st && ((st[k] as { restart?: unknown[] }).restart ?? []).length > 0));
  if (restarts) return "starts a paused client again after an approval (simulated clients only)";
  const process = steps.find((st) => "gatewayProcess" in st && (st["gatewayProcess"] as Record<string, unknown>)["peersNeverAck"]);
  if (process) return "names peers that never ack a close (simulated clients only)";
  return undefined;
}
