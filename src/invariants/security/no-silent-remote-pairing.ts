// no-silent-remote-pairing: the gateway never approves a pairing silently (pairing.required with
// silent=true) for a connection that is not local. Locality is the gateway's own verdict in the log (its pairing
// verdict `localForPairing` where that differs from the request's, e.g. 2026.9 on a loopback socket), else
// the direct-loopback reading of the upgrade request; a pairing whose locality cannot be told is skipped.
import type { TraceEvent } from "../../kernel/index.ts";
import { FindingList, refOf, shortId } from "../findings.ts";
import type { Invariant, InvariantFinding } from "../invariant.ts";
import { TraceReader } from "../trace-reader.ts";

export const noSilentRemotePairingName = "no-silent-remote-pairing";

class NoSilentRemotePairing implements Invariant {
  readonly name = noSilentRemotePairingName;
  private readonly reader = new TraceReader();
  private readonly findings = new FindingList(noSilentRemotePairingName);

  onEvent(event: TraceEvent): void {
    for (const o of this.reader.read(event)) {
      if (o.kind !== "pairing-required" || !o.pairing.silent || o.pairing.isLocal !== false) continue;
      const p = o.pairing;
      const conn = p.conn ? ` on ${p.conn.connId}` : "";
      const from = p.conn?.openEvent ? ` from host ${String(p.conn.openEvent.data["from"] ?? "?")}` : "";
      this.findings.add(
        "correctness",
        `device ${shortId(p.deviceId)} was paired silently (${p.reason ?? "no reason given"}) over a non-local connection${conn}${from}; remote pairing needs an operator's approval`,
        refOf(event),
      );
    }
  }

  finish(): InvariantFinding[] {
    return this.findings.list();
  }
}

export function noSilentRemotePairing(): Invariant {
  return new NoSilentRemotePairing();
}
