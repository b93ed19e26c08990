// adversary-refused: no adversary attempt that impersonates a device (replayed or reflected signatures, a
// spliced or forged device id, a downgraded replay, a device token without its key) ever gets hello-ok, and no
// malformed or oversized first frame gets one either. Reads `attempt.outcome` check events of attempts named
// `adversary:<attack>[:<target>]` only; floods are judged by whether legitimate clients still converge.
import type { TraceEvent } from "../../kernel/index.ts";
import type { Invariant, InvariantFinding } from "../invariant.ts";

export const adversaryRefusedName = "adversary-refused";
/** Attempts whose name starts with this are the adversary's. */
export const adversaryAttemptPrefix = "adversary:";
/** Findings kept (the first ones are what a maintainer reads). */
const findingsMax = 20;

export const impersonationAttacks = ["replay-connect", "reflect-nonce", "splice-signature", "downgrade-v2", "forge-device-id", "stale-device-token"] as const;
const impersonations = new Set<string>(impersonationAttacks);

export function adversaryRefused(): Invariant {
  const findings: InvariantFinding[] = [];
  const add = (event: TraceEvent, message: string) => {
    if (findings.length < findingsMax) findings.push({ kind: "correctness", invariant: adversaryRefusedName, message, firstEventIndex: event.i, atMs: event.atMs, actor: event.actor });
  };
  return {
    name: adversaryRefusedName,
    onEvent(event) {
      if (event.kind !== "check" || event.data["what"] !== "attempt.outcome") return;
      const name = String(event.data["attempt"] ?? "");
      if (!name.startsWith(adversaryAttemptPrefix)) return;
      const attack = name.slice(adversaryAttemptPrefix.length).split(":")[0] ?? "";
      if (impersonations.has(attack) && event.data["ok"] === true) add(event, `${name}: the gateway opened a session for an attacker without the device's key`);
      if (attack === "bad-frame" && event.data["ok"] === true) add(event, `${name}: a malformed or oversized first frame got hello-ok`);
    },
    finish: () => [...findings],
  };
}
