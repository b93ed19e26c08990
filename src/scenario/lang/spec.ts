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
import type { SetupCodeStep } from "./kinds/setup-code.ts";
import type { BrowserTabStep } from "./kinds/browser-tab.ts";
import type { BrowserStorageStep } from "./kinds/browser-storage.ts";
import type { ExpectBrowserTabStep } from "./kinds/expect-browser-tab.ts";
import type { NetFaultStep } from "./kinds/net-fault.ts";
import type { AttackStep } from "./kinds/attack.ts";
import type { HostEnvStep } from "./kinds/host-env.ts";
import type { SettlePendingStep } from "./kinds/settle-pending.ts";
import type { AlignTokenStep } from "./kinds/align-token.ts";
import type { WaitUntilStep } from "./kinds/time-mark.ts";

/** Where a standard-world peer sits relative to the gateway host. */
export type CaseFrom = "local" | "lan" | "tailnet" | "remote";

/** An invariant by name, or `{ name, when?, ...options }` (invariants.ts lists the names; `when` as for steps). */
export type InvariantRef = string | ({ readonly name: string; readonly when?: StepWhen } & Readonly<Record<string, unknown>>);

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
  budgets?: { stepsMax?: number; virtualTimeMsMax?: number; connectionsMax?: number };
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
  /** The answer carries details.requestId and it is (true) or is not (false) the requestId of the pairing answer
   *  before it ({{lastRequestId}} when the step starts): a re-request that keeps or churns the pending request's id.
   *  Simulated runs only (outcomes redact request ids; the real-gateway bisect does not check it). */
  requestIdUnchanged?: boolean;
  /** The finding's invariant name when an expectation fails (default `case-expect`). */
  rule?: string;
}

/** A raw connect attempt (the Attempt format shared with the real-gateway oracle) from a standard peer or a host. */
export type ConnectPayload = Attempt & {
  from?: CaseFrom;
  /** A host of a bare world (instead of `from`); `url` then says what it dials. */
  host?: string;
  url?: string;
  /** Start the attempt and go on; its expectations are checked when its outcome arrives. */
  background?: boolean;
  /** The shared token `{{gatewayToken}}` stands for (placeholders allowed); default: the run's. */
  token?: string;
};

export type OperatorAction =
  | { action: "approve-pending"; identity?: string; requestId?: string }
  | { action: "reject-pending"; identity?: string; requestId?: string }
  | { action: "approve-node"; identity?: string; requestId?: string }
  | { action: "reject-node"; identity?: string; requestId?: string }
  | { action: "remove-device"; identity: string }
  /** `openclaw devices clear --yes [--pending]`: every paired device removed (each a `device.pair.remove`). */
  | { action: "clear-devices"; pending?: boolean }
  | { action: "revoke-device-token"; identity: string; role?: string }
  | { action: "rotate-device-token"; identity: string; role?: string; scopes?: string[] }
  /** `openclaw config set gateway.auth.token`: the release's config watcher applies it (hot or restart); with
   *  `restart: deferred` the restart waits (agent runs in flight, PR #60387's case): new handshakes keep the old
   *  secret, releases that close shared-secret sessions on a change still do. */
  | { action: "rotate-shared-token"; token: string; restart?: "watcher" | "deferred" }
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
  /** The client's device-auth file holds this token for its role: node for a node host, else operator
   *  (placeholders allowed). */
  storedToken?: string;
  /** A bootstrap token option (`opts.bootstrapToken`; placeholders allowed, e.g. {{bootstrapToken:phone}}). */
  bootstrapToken?: string;
  /** Configured from a `setupCode` step's code as its consumer would be: the bootstrap token it carries, or
   *  (before 2026.3.12) the gateway token/password it embeds, used as an explicit credential. */
  setupCode?: string;
  scopes?: string[];
  /** A node host's declared commands (default: the kind's, `system.run`). */
  commands?: string[];
  oneShot?: { method: string; params?: Record<string, unknown> };
  /** The client host's clock offset (needs its own host). */
  clockOffsetMs?: number;
  clientId?: string;
  displayName?: string;
  origin?: string;
  /** OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1 in the client's environment (default true). */
  allowInsecurePrivateWs?: boolean;
  /** Run on the same host (same IP, same device-auth files by user) as an earlier client, dialling its URL. */
  sameHostAs?: string;
  /** The client's own reconnect cadence over its release's defaults. */
  reconnect?: ReconnectPolicy;
  /** Stop the running client of this name first and start this one in its place (same host: give host + url). */
  relaunch?: boolean;
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
  /** The finding's invariant name (default `case-expect`). */
  rule?: string;
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

// ---- payloads of the machine world (hosts, machines, the operator's shell, client processes) ----------------

export interface HostStep {
  name: string;
  kind?: "lan" | "tailnet" | "remote";
  /** A fixed address (e.g. the gateway host's 192.0.2.50); default: the network assigns one. */
  address?: string;
}

/** A simulated machine (config file, shell env, `.env`, service unit, client files) bound to a host. */
export interface MachineStep {
  name: string;
  host: string;
  /** ~/.openclaw/openclaw.json as a value. */
  config: Record<string, unknown>;
  shellEnv?: Record<string, string>;
  /** ~/.openclaw/.env text; null = no file. */
  dotEnv?: string | null;
  /** The operator CLI's device identity name; null = device-less CLI; default: none. */
  cliIdentity?: string | null;
  /** A service unit left by an older installer that embedded OPENCLAW_GATEWAY_TOKEN for this config. */
  legacyUnit?: { config: Record<string, unknown>; version?: string };
  /** A container (Docker, Podman, Kubernetes): releases from 2026.4.14 then treat an unset gateway.bind as auto. */
  container?: boolean;
  /** Keys the run's release does not know are left out of `config` (its operator would not write them). */
  releaseKeysOnly?: boolean;
}

/** A file of the machine operator's OpenClaw home changes: `device-auth` deleted (its CLI's device token gone). */
export interface MachineFileStep {
  machine: string;
  file: "device-auth";
  action: "delete";
}

/** Docker's `-p port:containerPort`: a TCP port forward on host `on` into a (container) machine's host. */
export interface PublishPortStep {
  machine: string;
  on: string;
  port: number;
  /** The port inside the container; default the same as `port`. */
  containerPort?: number;
  /** "loopback": only on the host's 127.0.0.1 (`-p 127.0.0.1:…`); default every interface. */
  bind?: "all" | "loopback";
}

export interface GatewayStartStep {
  machine: string;
  via: "service" | "foreground";
  /** Only when the machine's gateway is not running (the operator checks first). */
  onlyIfStopped?: boolean;
}

/** One `openclaw …` command at a machine's shell (src/host's OperatorCommand as data; strings may hold placeholders). */
export interface OpenclawStep {
  machine: string;
  command: Record<string, unknown> & { kind: string };
  /** doctor: the config as doctor read it at its start (a snapshot step's name). */
  doctorSnapshot?: string;
  otherDoctorFixesPending?: boolean;
  /** A `devices …` RPC must succeed, else a finding with this invariant name. */
  expectOk?: string;
}

/** A client process started on a machine: it resolves its URL and credentials there like the real one. */
export interface MachineClientStep {
  machine: string;
  name: string;
  user?: string;
  kind: "cli" | "tui" | "control-ui" | "node" | "backend";
  identity?: string | null;
  clientId?: string;
  displayName?: string;
  scopes?: string[];
  /** CLI: `--url`/`--token`/`--password`. */
  flags?: { url?: string; token?: string; password?: string };
  /** CLI: the one-shot call. */
  call?: { method: string; params?: Record<string, unknown> };
  /** Control UI: browser profile and tab. */
  browser?: string;
  tabId?: string;
  /** Control UI: the page's origin (default: the gateway URL's own origin). */
  pageOrigin?: string;
  /** TUI, backend, node: the process's own environment (its unit or container; `.env` still fills unset keys). */
  env?: Record<string, string>;
  /** Stop the running process of this name first and start this one in its place. */
  relaunch?: boolean;
}

export interface BrowserTokenStep {
  machine: string;
  browser: string;
  tabId: string;
  token: string;
  /** The gateway URL the token is stored for (default ws://127.0.0.1:18789). */
  url?: string;
  /** Per tab (sessionStorage) or shared (localStorage); default: what the release does. */
  perTab?: boolean;
  /** How a report names the edit (default: the user pastes the token in Control UI settings). */
  what?: string;
}

export interface ApprovePendingStep {
  machine: string;
  identities: string[];
  /** Paused clients the users start again after the approval. */
  restart?: string[];
  /** At least this many approvals, else a finding named `rule` (default "pairing-requests-listed"). */
  expectApproved?: number;
  rule?: string;
}

export interface ExpectConnectedStep {
  clients: string[];
  /** What was being set up (for the finding's message). */
  while: string;
  rule?: string;
}

export interface ExpectRpcStep {
  client: string;
  ok: boolean;
  rule: string;
  /** The finding's message (the answer's error is appended). */
  message: string;
}

export interface ExpectConfigStep {
  machine: string;
  path: string;
  equals: unknown;
  rule: string;
}

export interface ExpectEventStep {
  kind: "gateway" | "client" | "host" | "operator";
  /** Fields the event's data must have (equal values). */
  match: Record<string, unknown>;
  present?: boolean;
  rule: string;
  message: string;
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
  host: HostStep;
  machine: MachineStep;
  gatewayStart: GatewayStartStep;
  publishPort: PublishPortStep;
  machineFile: MachineFileStep;
  openclaw: OpenclawStep;
  snapshot: { machine: string; as: string };
  machineClient: MachineClientStep;
  browserToken: BrowserTokenStep;
  browserTab: BrowserTabStep;
  browserStorage: BrowserStorageStep;
  expectBrowserTab: ExpectBrowserTabStep;
  stop: string;
  start: string;
  refresh: string;
  call: { client: string; method: string; params?: Record<string, unknown> };
  clock: { host: string; deltaMs: number };
  approvePending: ApprovePendingStep;
  /** A convergence marker: the `converges` invariant's clock starts here. */
  converge: string;
  note: string;
  /** Waits out the release's start-up window plus `plusMs` (default 1000). */
  warmUp: { plusMs?: number };
  expectConnected: ExpectConnectedStep;
  expectRpc: ExpectRpcStep;
  expectConfig: ExpectConfigStep;
  expectEvent: ExpectEventStep;
  /** The named escape hatch: a TypeScript function registered under this name (scripts.ts). */
  script: { name: string; args?: Record<string, unknown> };
  /** `openclaw qr --setup-code-only` on the gateway's machine; the code is kept under its name. */
  setupCode: SetupCodeStep;
  /** A fault episode on named hosts that ends by itself (bare worlds; what chaos generates). */
  netFault: NetFaultStep;
  /** The adversary's raw connect attempt (or flood) against the gateway. */
  attack: AttackStep;
  /** A hand edit of an environment variable in the shell, `.env` or the service unit. */
  hostEnv: HostEnvStep;
  /** Approve (or reject) every pending pairing request. */
  settlePending: SettlePendingStep;
  /** The config's shared token copied to the shell, `.env` and Control UI tabs; the unit's copy removed. */
  alignToken: AlignTokenStep;
  /** Names this instant for later waitUntil steps. */
  timeMark: string;
  /** Waits until `ms` after a time mark (nothing when that is past). */
  waitUntil: WaitUntilStep;
}

/** Keys a kind allows besides its own (e.g. a connect step's `expect`). */
export interface StepExtras {
  connect: { expect?: CaseExpect };
}

export type StepKindName = keyof StepPayloads;

type ExtrasOf<K extends StepKindName> = K extends keyof StepExtras ? StepExtras[K] : unknown;

export type StepOf<K extends StepKindName> = { [P in K]: StepPayloads[K] } & ExtrasOf<K> & { when?: StepWhen };

export type Step = { [K in StepKindName]: StepOf<K> }[StepKindName];
