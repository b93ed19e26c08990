// The chaos step vocabulary: what an operator, a host, the network or an adversary does at one instant of a
// generated timeline. Steps are plain serialisable data with a printable form; running them is timeline.ts.
// Step kinds are named so swarm options can switch whole kinds on and off (swarm.ts).
import { assertNever } from "../kernel/index.ts";
import type { ProbeAttempt, ProbeFrom } from "./probes.ts";
import { clientWorldKinds, describeClientWorldStep, type ClientWorldStep } from "./client-world-steps.ts";

/** Where a rotated shared token is written: the config file, the operator's shell, `~/.openclaw/.env`, the unit. */
export type TokenSite = "config" | "shell-env" | "dotenv" | "unit";
export const tokenSites: readonly TokenSite[] = ["config", "shell-env", "dotenv", "unit"];

export type NetFault =
  | { readonly kind: "drop" }
  | { readonly kind: "duplicate" }
  | { readonly kind: "partition"; readonly client: string }
  | { readonly kind: "reset-all" }
  | { readonly kind: "gateway-crash"; readonly downMs: number }
  | { readonly kind: "process-restart"; readonly downMs: number }
  | { readonly kind: "clock-jump"; readonly client: string; readonly deltaMs: number };

export type Attack =
  /** Re-sends a connect frame captured from a client's session on a fresh socket. */
  | { readonly kind: "replay-connect"; readonly client: string }
  /** Signs over the nonce of another live socket's challenge. */
  | { readonly kind: "reflect-nonce"; readonly client: string }
  /** A client's signature under another device id (the attacker's own key). */
  | { readonly kind: "splice-signature"; readonly client: string }
  /** A v2 signature where the gateway asks for v3. */
  | { readonly kind: "downgrade-v2"; readonly client: string }
  /** A device id that is not derived from the public key. */
  | { readonly kind: "forge-device-id"; readonly client: string }
  /** A device token the operator revoked or rotated away. */
  | { readonly kind: "stale-device-token"; readonly client: string }
  /** Many unauthenticated sockets from one address. */
  | { readonly kind: "preauth-flood"; readonly sockets: number }
  /** An oversized or malformed first frame. */
  | { readonly kind: "bad-frame"; readonly shape: "oversized" | "not-json" | "wrong-first-method" };

export type ChaosStep =
  | { readonly kind: "rotate-token"; readonly site: TokenSite; readonly token: string }
  | { readonly kind: "gateway-restart" }
  | { readonly kind: "gateway-install"; readonly force: boolean }
  | { readonly kind: "doctor-fix"; readonly racesRotationTo?: string }
  | { readonly kind: "device-rotate"; readonly client: string; readonly scopes?: readonly string[] }
  | { readonly kind: "device-revoke"; readonly client: string }
  | { readonly kind: "device-remove"; readonly client: string }
  | { readonly kind: "approve-pending" }
  | { readonly kind: "reject-pending" }
  | { readonly kind: "relaunch"; readonly client: string }
  | { readonly kind: "identity-loss"; readonly client: string }
  | { readonly kind: "fault"; readonly fault: NetFault; readonly durationMs: number }
  | { readonly kind: "adversary"; readonly attack: Attack }
  /** A one-shot connect attempt from the gateway host or a LAN host (probes.ts). */
  | { readonly kind: "probe"; readonly from: ProbeFrom; readonly attempt: ProbeAttempt; readonly copies?: number }
  | ClientWorldStep
  /** `openclaw config set PATH VALUE` on the gateway machine while the gateway runs (worlds-gateway.ts). */
  | { readonly kind: "config-edit"; readonly path: string; readonly value: unknown }
  /** The gateway machine operator's ~/.openclaw/identity/device-auth.json removed (worlds-gateway.ts). */
  | { readonly kind: "cli-auth-loss" }
  /** `openclaw qr --setup-code-only`, then a new LAN client onboarding with the code (worlds-gateway.ts). */
  | { readonly kind: "setup-code"; readonly name: string; readonly clientKind: "node" | "backend"; readonly identity: string; readonly commands?: readonly string[]; readonly scopes?: readonly string[] };

export type StepKind = ChaosStep["kind"];
/** Kinds only the gateway-world draw makes (worlds-gateway.ts, its own stream): no swarm weight. */
export const gatewayStepKinds = ["config-edit", "cli-auth-loss", "setup-code"] as const satisfies readonly StepKind[];
/** The kinds the swarm weighs (swarm.ts), in the order drawn; the client-world and gateway-world kinds come from
 *  streams of their own (worlds-client.ts, worlds-gateway.ts). */
export type SwarmKind = Exclude<StepKind, ClientWorldStep["kind"] | (typeof gatewayStepKinds)[number]>;
export const swarmKinds: readonly SwarmKind[] = [
  "rotate-token",
  "gateway-restart",
  "gateway-install",
  "doctor-fix",
  "device-rotate",
  "device-revoke",
  "device-remove",
  "approve-pending",
  "reject-pending",
  "relaunch",
  "identity-loss",
  "fault",
  "adversary",
  "probe",
];
export const stepKinds: readonly StepKind[] = [...swarmKinds, ...gatewayStepKinds, ...clientWorldKinds];
/** The kinds the timeline draws one by one (swarm.ts); probes come in a batch of their own (plan.ts). */
export const timelineKinds: readonly SwarmKind[] = swarmKinds.filter((k) => k !== "probe");

export interface TimedStep {
  readonly atMs: number;
  readonly step: ChaosStep;
}

/** The client a step is about, if any (shrinking drops steps whose client was dropped). */
export function stepClient(step: ChaosStep): string | undefined {
  if ("client" in step) return step.client;
  if (step.kind === "fault" && "client" in step.fault) return step.fault.client;
  if (step.kind === "adversary" && "client" in step.attack) return step.attack.client;
  return undefined;
}

function describeFault(f: NetFault): string {
  switch (f.kind) {
    case "drop":
    case "duplicate":
    case "reset-all":
      return f.kind;
    case "partition":
      return `partition ${f.client}`;
    case "gateway-crash":
      return `gateway crash (down ${f.downMs} ms)`;
    case "process-restart":
      return `gateway process restart in place (down ${f.downMs} ms)`;
    case "clock-jump":
      return `clock of ${f.client}'s host jumps ${f.deltaMs} ms`;
    default:
      return assertNever(f, "net fault");
  }
}

/** One line for reports: what the step does, in the operator's words where there are any. */
export function describeStep(step: ChaosStep): string {
  switch (step.kind) {
    case "rotate-token":
      return `rotate the shared token to ${step.token} in ${step.site}`;
    case "gateway-restart":
      return "openclaw gateway restart";
    case "gateway-install":
      return `openclaw gateway install${step.force ? " --force" : ""}`;
    case "doctor-fix":
      return step.racesRotationTo ? `openclaw doctor --fix racing a rotation to ${step.racesRotationTo}` : "openclaw doctor --fix";
    case "device-rotate":
    case "device-revoke":
    case "device-remove":
      return `openclaw devices ${step.kind.slice("device-".length)} (${step.client}'s device)${step.kind === "device-rotate" && step.scopes ? ` --scope ${step.scopes.join(" ")}` : ""}`;
    case "approve-pending":
      return "openclaw devices approve (every pending request)";
    case "reject-pending":
      return "openclaw devices reject (every pending request)";
    case "relaunch":
      return `relaunch ${step.client}`;
    case "identity-loss":
      return `${step.client} loses its identity files and relaunches`;
    case "fault":
      return `${describeFault(step.fault)} for ${step.durationMs} ms`;
    case "adversary":
      return `adversary: ${step.attack.kind}${"client" in step.attack ? ` (${step.attack.client})` : ""}`;
    case "ui-tab":
    case "named-ws-client":
    case "slow-challenge":
    case "handshake-env":
      return describeClientWorldStep(step);
    case "config-edit":
      return `openclaw config set ${step.path} ${JSON.stringify(step.value)}`;
    case "cli-auth-loss":
      return "the operator's device-auth file on the gateway machine is deleted (its CLI's device token gone)";
    case "setup-code":
      return `openclaw qr --setup-code-only; ${step.name} (${step.clientKind}) onboards from the LAN with the code`;
    case "probe":
      return `probe ${step.attempt.name}${step.copies !== undefined ? ` ×${step.copies}` : ""} from ${step.from === "gateway-host" ? "the gateway host" : "the LAN"}`;
    default:
      return assertNever(step, "chaos step");
  }
}
