// The client-side chaos steps (worlds-client.ts draws them): what users and operators do on the clients' side
// that the rest of the timeline never does — open Control UI tabs (with `#token=`, `?token=` or no token in the
// URL, on the gateway host or over plain http from a LAN laptop), start a client that dials the gateway by host
// name over plaintext ws://, slow the gateway's frames so a challenge arrives seconds late, and set the
// gateway service's OPENCLAW_HANDSHAKE_TIMEOUT_MS. Data and its printable form only; running is
// worlds-client.ts, translating is to-lang.ts.
import { assertNever } from "../kernel/index.ts";

/** Where a Control UI tab is opened: the gateway host's own browser (loopback), or a LAN laptop's (plain http). */
export type TabPlace = "gateway-host" | "lan";
/** What the tab's page URL carries: `#token=`, the legacy `?token=`, or nothing (the page uses what it stored). */
export type TabUrlToken = "fragment" | "query" | "none";

export type ClientWorldStep =
  /** The user opens a new Control UI tab (a new client named after the tab). */
  | { readonly kind: "ui-tab"; readonly tab: string; readonly on: TabPlace; readonly urlToken: TabUrlToken }
  /** A device-less backend on its own LAN host dials `ws://<gateway host name>:18789` (a name, not a private IP). */
  /** `mdns`: the gateway host's `.local` name instead of its plain name. */
  | { readonly kind: "named-ws-client"; readonly name: string; readonly mdns?: true }
  /** Every frame from the gateway waits `delayMs` more for `forMs`, and every connection is reset as it starts. */
  | { readonly kind: "slow-challenge"; readonly delayMs: number; readonly forMs: number }
  /** OPENCLAW_HANDSHAKE_TIMEOUT_MS in the service unit, `openclaw gateway restart`, then one silent socket. */
  | { readonly kind: "handshake-env"; readonly timeoutMs: number; readonly idle: string };

export type ClientWorldKind = ClientWorldStep["kind"];
export const clientWorldKinds: readonly ClientWorldKind[] = ["ui-tab", "named-ws-client", "slow-challenge", "handshake-env"];

export function describeClientWorldStep(step: ClientWorldStep): string {
  switch (step.kind) {
    case "ui-tab": {
      const url = step.urlToken === "fragment" ? " with #token=" : step.urlToken === "query" ? " with ?token=" : " without a token";
      return `open a Control UI tab ${step.tab}${url} ${step.on === "lan" ? "on a LAN laptop over plain http" : "on the gateway host"}`;
    }
    case "named-ws-client":
      return `start ${step.name}, a backend dialling the gateway host by ${step.mdns ? "its .local name" : "name"} over ws://, no break-glass variable`;
    case "slow-challenge":
      return `the gateway's frames wait ${step.delayMs} ms more for ${step.forMs} ms; every connection resets`;
    case "handshake-env":
      return `OPENCLAW_HANDSHAKE_TIMEOUT_MS=${step.timeoutMs} in the gateway unit, gateway restart, a silent socket ${step.idle}`;
    default:
      return assertNever(step, "client-world step");
  }
}
