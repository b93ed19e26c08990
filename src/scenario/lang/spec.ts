// The step language's data: a RunSpec (what a scenario file holds, what builders return, what chaos generates,
// what shrinkers cut and what reports print) and its Step union, one key per step kind. Plain serialisable
// values only; validation is schema.ts + check.ts, running is interpret.ts.
import type { Attempt } from "../../world/index.ts";
import type { Verdict } from "../result.ts";
import type { ReconnectPolicy } from "../../clients/index.ts";
import type { GatewayConfigStep } from "./kinds/gateway-config.ts";
import type { ClientLifeStep } from "./kinds/client-life.ts";
import type { ExpectGatewayStep } from "./kinds/expect-gateway.ts";
import type { ExpectClientAuthStep } from "./kinds/expect-client-auth.ts";
import type { GatewayProcessStep } from "./kinds/gateway-process.ts";

/** Where a standard-world peer sits relative to the gateway host. */
export type CaseFrom = "local" | "lan" | "tailnet" | "remote";

/** An invariant by name, or `{ name, ...options }` (invariants.ts lists the names). */
export type InvariantRef = string | ({ readonly name: string } & Readonly<Record<string, unknown>>);

/** A step runs only under these profiles, or only where a profile switch has a value. */
export interface StepWhen {
  readonly profiles?: readonly string[];
  readonly notProfiles?: readonly string[];
  /** A switch path such as `gateway.revokeClosesSessions`; with `equals` (default true). */
  readonly switch?: string;
  readonly equals?: unknown;
}

export type { GatewaySection } from "./gateway-section.ts";
import type { GatewaySection } from "./gateway-section.ts";

export interface RunSpec {
  name: string;
  description?: string;
  /** Default seed (the CLI's --seed wins). */
  seed?: number;
  /** Default profile (the CLI's --profile wins). */
  profile?: string;
  /**
   * "standard" (default): gateway-host (LAN, also on the tailnet and remote), lan-peer, tailnet-peer, remote-peer,
   * the gateway from `gateway`/`pairing` on port 18789 and the gateway host's machine for operator commands.
   * "bare": nothing; the steps build hosts, machines and gateways.
   */
  world?: "standard" | "bare";
  gateway?: GatewaySection;
  /** Names (seed derived from the name) or name → 64-hex seed. */
  identities?: Record<string, string> | string[];
  /** paired.json before the gateway starts (the standard world only). */
  pairing?: { paired?: { identity: string; role?: string; scopes?: string[] }[] };
  /** Declared verdict per profile; `default` covers the rest (default "pass"). */
  verdicts?: Record<string, Verdict>;
  invariants?: InvariantRef[];
  budgets?: { stepsMax?: number; virtualTimeMsMax?: number };
  steps: Step[];
}

// ---- payloads of today's step kinds -------------------------------------------------------------------------

export interface CaseExpect {
  ok?: boolean;
  code?: string;
  message?: string;
  messageContains?: string;
  messageNotContains?: string;
  detailCode?: string;
  reason?: string;
  authReason?: string;
  canRetryWithDeviceToken?: boolean;
  recommendedNextStep?: string;
  close?: { code?: number; reason?: string; reasonContains?: string };
  upgradeStatus?: number;
  challenge?: boolean;
  rpc?: { method: string; ok: boolean; messageContains?: string }[];
  helloAuthScopesInclude?: string[];
  deviceTokenIssued?: boolean;
  /** The finding's invariant name when an expectation fails (default `case-expect`). */
  rule?: string;
}

/** A raw connect attempt (the Attempt format shared with the real-gateway oracle) from a standard peer or a host. */
export type ConnectPayload = Attempt & {
  from?: CaseFrom;
  /** A host of a bare world (instead of `from`); `url` then says what it dials. */
  host?: string;
  url?: string;
};

export type OperatorAction =
  | { action: "approve-pending"; identity?: string; requestId?: string }
  | { action: "reject-pending"; identity?: string; requestId?: string }
  | { action: "remove-device"; identity: string }
  | { action: "revoke-device-token"; identity: string; role?: string }
  | { action: "rotate-device-token"; identity: string; role?: string; scopes?: string[] }
  | { action: "rotate-shared-token"; token: string }
  | { action: "restart-gateway" };

export interface PairingExpect {
  identity: string;
  pending?: number;
  paired?: boolean;
  pendingRole?: string;
  pendingScopesInclude?: string[];
  /** The world's gateway node (default "gateway"). */
  gateway?: string;
}

/** A simulated client (src/clients): on a standard peer (`from`) or on a named host (`host` + `url`). */
export interface ClientStep {
  name: string;
  kind: "cli" | "tui" | "control-ui" | "node" | "backend";
  from?: CaseFrom;
  host?: string;
  url?: string;
  /** OS user whose device-auth file the client uses (default: the client's name). */
  user?: string;
  /** Identity name; omitted = device-less. */
  identity?: string;
  explicitToken?: string;
  passiveToken?: string;
  password?: string;
  /** The client's device-auth file holds this token for role operator (placeholders allowed). */
  storedToken?: string;
  scopes?: string[];
  oneShot?: { method: string; params?: Record<string, unknown> };
  /** The client host's clock offset (needs its own host). */
  clockOffsetMs?: number;
  clientId?: string;
  displayName?: string;
  origin?: string;
  /** Run on the same host (same IP, same device-auth files by user) as an earlier client, dialling its URL. */
  sameHostAs?: string;
  /** The client's own reconnect cadence over its release's defaults. */
  reconnect?: ReconnectPolicy;
}

export type FaultStep =
  | { partition: [CaseFrom, CaseFrom] }
  | { heal: true }
  | { drop: string; from?: CaseFrom }
  | { restartGateway: { downMs?: number } }
  | { crashGateway: true }
  | { startGateway: true }
  | { skewClock: { host: CaseFrom; deltaMs: number } };

export interface ClientExpect {
  name: string;
  connected?: boolean;
  paused?: boolean;
  attemptsMax?: number;
  attemptsMin?: number;
}

export interface CredentialsChange {
  client: string;
  explicitToken?: string | null;
  passiveToken?: string | null;
  password?: string | null;
}

/**
 * Every step kind's payload, by its key. A step is `{ <kind>: payload }` plus the kind's extra keys (StepExtras)
 * and an optional `when`. To add a kind: one module in kinds/, one line here, one line in registry.ts.
 */
export interface StepPayloads {
  connect: ConnectPayload;
  operator: OperatorAction;
  wait: number;
  expectPairing: PairingExpect;
  client: ClientStep;
  fault: FaultStep;
  credentials: CredentialsChange;
  expectClient: ClientExpect;
  gatewayConfig: GatewayConfigStep;
  clientLife: ClientLifeStep;
  expectGateway: ExpectGatewayStep;
  expectClientAuth: ExpectClientAuthStep;
  gatewayProcess: GatewayProcessStep;
}

/** Keys a kind allows besides its own (e.g. a connect step's `expect`). */
export interface StepExtras {
  connect: { expect?: CaseExpect };
}

export type StepKindName = keyof StepPayloads;

type ExtrasOf<K extends StepKindName> = K extends keyof StepExtras ? StepExtras[K] : unknown;

export type StepOf<K extends StepKindName> = { [P in K]: StepPayloads[K] } & ExtrasOf<K> & { when?: StepWhen };

export type Step = { [K in StepKindName]: StepOf<K> }[StepKindName];
