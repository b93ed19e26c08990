// The operator's `openclaw …` commands as a discriminated union, their CLI form for reports, and for the
// `devices` family the gateway RPC each one sends (§6.4). Data only: running a command against a machine is
// operator.ts; sending the RPC is the world's job.
import { assert, assertNever } from "../kernel/index.ts";

/** Connection flags the `devices` commands accept (`--url` needs explicit credentials, §9.1 rule 2). */
export interface CliConnection {
  readonly url?: string;
  readonly token?: string;
  readonly password?: string;
}

export type OperatorCommand =
  | { readonly kind: "config-get"; readonly path: string }
  | { readonly kind: "config-set"; readonly path: string; readonly value: unknown }
  | { readonly kind: "config-unset"; readonly path: string }
  | { readonly kind: "rotate-shared-token"; readonly newToken: string }
  | { readonly kind: "gateway-install"; readonly force: boolean; readonly token?: string }
  | { readonly kind: "gateway-restart" }
  | { readonly kind: "doctor"; readonly fix: boolean }
  /** `openclaw qr --setup-code-only`: a setup code for a mobile app or `openclaw node run --pair`. */
  | { readonly kind: "qr" }
  | { readonly kind: "devices-list"; readonly connection?: CliConnection }
  | { readonly kind: "devices-approve"; readonly requestId: string; readonly connection?: CliConnection }
  | { readonly kind: "devices-reject"; readonly requestId: string; readonly connection?: CliConnection }
  | { readonly kind: "devices-remove"; readonly deviceId: string; readonly connection?: CliConnection }
  | {
      readonly kind: "devices-rotate";
      readonly deviceId: string;
      readonly role: string;
      readonly scopes?: readonly string[];
      readonly connection?: CliConnection;
    }
  | { readonly kind: "devices-revoke"; readonly deviceId: string; readonly role: string; readonly connection?: CliConnection }
  /** `openclaw devices clear --yes [--pending]`: list, then remove every paired device (and reject every pending
   *  request), one RPC each, as the CLI does; without `--yes` it refuses and sends nothing. */
  | { readonly kind: "devices-clear"; readonly yes: boolean; readonly pending: boolean; readonly connection?: CliConnection }
  /** `openclaw nodes pending|approve|reject`: node pairing requests (the commands a node host may offer). */
  | { readonly kind: "nodes-pending"; readonly connection?: CliConnection }
  | { readonly kind: "nodes-approve"; readonly requestId: string; readonly connection?: CliConnection }
  | { readonly kind: "nodes-reject"; readonly requestId: string; readonly connection?: CliConnection };

/** The commands that connect to the gateway and send one RPC (`devices …`, `nodes …`; not `devices clear`). */
export type DevicesCommand = Exclude<Extract<OperatorCommand, { kind: `devices-${string}` | `nodes-${string}` }>, { kind: "devices-clear" }>;

function shellWord(word: string): string {
  if (word.length > 0 && /^[A-Za-z0-9_./:@%+=,<>-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** How `openclaw config set` prints a value: strings bare, everything else as JSON. */
function cliValue(value: unknown): string {
  return typeof value === "string" ? shellWord(value) : shellWord(JSON.stringify(value) ?? "null");
}

function connectionFlags(connection: CliConnection | undefined): string {
  if (!connection) return "";
  const flags: string[] = [];
  if (connection.url !== undefined) flags.push("--url", shellWord(connection.url));
  if (connection.token !== undefined) flags.push("--token", shellWord(connection.token));
  if (connection.password !== undefined) flags.push("--password", shellWord(connection.password));
  return flags.length > 0 ? ` ${flags.join(" ")}` : "";
}

/** The command line an operator would type, e.g. `openclaw devices rotate --device <id> --role operator`. */
export function formatOperatorCommand(command: OperatorCommand): string {
  switch (command.kind) {
    case "config-get":
      return `openclaw config get ${shellWord(command.path)}`;
    case "config-set":
      return `openclaw config set ${shellWord(command.path)} ${cliValue(command.value)}`;
    case "config-unset":
      return `openclaw config unset ${shellWord(command.path)}`;
    case "rotate-shared-token":
      return `openclaw config set gateway.auth.token ${shellWord(command.newToken)}`;
    case "gateway-install":
      return `openclaw gateway install${command.force ? " --force" : ""}${
        command.token !== undefined ? ` --token ${shellWord(command.token)}` : ""
      }`;
    case "gateway-restart":
      return "openclaw gateway restart";
    case "doctor":
      return command.fix ? "openclaw doctor --fix" : "openclaw doctor";
    case "qr":
      return "openclaw qr --setup-code-only";
    case "devices-list":
      return `openclaw devices list${connectionFlags(command.connection)}`;
    case "devices-approve":
      return `openclaw devices approve ${shellWord(command.requestId)}${connectionFlags(command.connection)}`;
    case "devices-reject":
      return `openclaw devices reject ${shellWord(command.requestId)}${connectionFlags(command.connection)}`;
    case "devices-remove":
      return `openclaw devices remove ${shellWord(command.deviceId)}${connectionFlags(command.connection)}`;
    case "devices-rotate": {
      const scopes = (command.scopes ?? []).map((s) => ` --scope ${shellWord(s)}`).join("");
      return `openclaw devices rotate --device ${shellWord(command.deviceId)} --role ${shellWord(command.role)}${scopes}${connectionFlags(command.connection)}`;
    }
    case "devices-revoke":
      return `openclaw devices revoke --device ${shellWord(command.deviceId)} --role ${shellWord(command.role)}${connectionFlags(command.connection)}`;
    case "devices-clear":
      return `openclaw devices clear${command.yes ? " --yes" : ""}${command.pending ? " --pending" : ""}${connectionFlags(command.connection)}`;
    case "nodes-pending":
      return `openclaw nodes pending${connectionFlags(command.connection)}`;
    case "nodes-approve":
      return `openclaw nodes approve ${shellWord(command.requestId)}${connectionFlags(command.connection)}`;
    case "nodes-reject":
      return `openclaw nodes reject ${shellWord(command.requestId)}${connectionFlags(command.connection)}`;
    default:
      return assertNever(command, "operator command");
  }
}

/** Freeze a command and give it a non-enumerable `toString()` returning its CLI form (equality stays structural). */
function make<C extends OperatorCommand>(command: C): C {
  Object.defineProperty(command, "toString", { value: () => formatOperatorCommand(command), enumerable: false });
  return Object.freeze(command);
}

/** Constructors for commands whose `String(command)` is the command line. */
export const op = {
  configGet: (path: string) => make({ kind: "config-get", path }),
  configSet: (path: string, value: unknown) => make({ kind: "config-set", path, value }),
  configUnset: (path: string) => make({ kind: "config-unset", path }),
  rotateSharedToken: (newToken: string) => {
    assert(newToken.trim().length > 0, "a rotated shared token must not be blank");
    return make({ kind: "rotate-shared-token", newToken });
  },
  gatewayInstall: (options: { force?: boolean; token?: string } = {}) =>
    make({ kind: "gateway-install", force: options.force ?? false, ...(options.token !== undefined ? { token: options.token } : {}) }),
  gatewayRestart: () => make({ kind: "gateway-restart" }),
  doctor: (options: { fix?: boolean } = {}) => make({ kind: "doctor", fix: options.fix ?? false }),
  qr: () => make({ kind: "qr" }),
  devicesList: (connection?: CliConnection) => make({ kind: "devices-list", ...withConnection(connection) }),
  devicesApprove: (requestId: string, connection?: CliConnection) =>
    make({ kind: "devices-approve", requestId, ...withConnection(connection) }),
  devicesReject: (requestId: string, connection?: CliConnection) =>
    make({ kind: "devices-reject", requestId, ...withConnection(connection) }),
  devicesRemove: (deviceId: string, connection?: CliConnection) =>
    make({ kind: "devices-remove", deviceId, ...withConnection(connection) }),
  devicesRotate: (args: { deviceId: string; role: string; scopes?: readonly string[]; connection?: CliConnection }) =>
    make({
      kind: "devices-rotate",
      deviceId: args.deviceId,
      role: args.role,
      ...(args.scopes !== undefined ? { scopes: args.scopes } : {}),
      ...withConnection(args.connection),
    }),
  devicesRevoke: (args: { deviceId: string; role: string; connection?: CliConnection }) =>
    make({ kind: "devices-revoke", deviceId: args.deviceId, role: args.role, ...withConnection(args.connection) }),
  devicesClear: (options: { yes?: boolean; pending?: boolean; connection?: CliConnection } = {}) =>
    make({ kind: "devices-clear", yes: options.yes ?? false, pending: options.pending ?? false, ...withConnection(options.connection) }),
  nodesPending: (connection?: CliConnection) => make({ kind: "nodes-pending", ...withConnection(connection) }),
  nodesApprove: (requestId: string, connection?: CliConnection) => make({ kind: "nodes-approve", requestId, ...withConnection(connection) }),
  nodesReject: (requestId: string, connection?: CliConnection) => make({ kind: "nodes-reject", requestId, ...withConnection(connection) }),
} as const;

function withConnection(connection: CliConnection | undefined): { connection?: CliConnection } {
  return connection !== undefined ? { connection } : {};
}

// ---- devices → gateway RPC ------------------------------------------------------------------------------------

export type DevicesRpcMethod =
  | "device.pair.list"
  | "device.pair.approve"
  | "device.pair.reject"
  | "device.pair.remove"
  | "device.token.rotate"
  | "device.token.revoke"
  | "node.pair.list"
  | "node.pair.approve"
  | "node.pair.reject";

export interface DevicesRpc {
  readonly method: DevicesRpcMethod;
  readonly params: Readonly<Record<string, unknown>>;
  /** Any one of these scopes suffices. */
  readonly requiredScopes: readonly ["operator.pairing", "operator.admin"];
  readonly note: string;
}

const pairingScopes = ["operator.pairing", "operator.admin"] as const;
const pairingNote = "devices and nodes commands require operator.pairing (or operator.admin) scope";

export function isDevicesCommand(command: OperatorCommand): command is DevicesCommand {
  return (command.kind.startsWith("devices-") && command.kind !== "devices-clear") || command.kind.startsWith("nodes-");
}

/** The RPC a `devices` command sends once connected. */
export function devicesRpc(command: DevicesCommand): DevicesRpc {
  const rpc = (method: DevicesRpcMethod, params: Record<string, unknown>): DevicesRpc => ({
    method,
    params,
    requiredScopes: pairingScopes,
    note: pairingNote,
  });
  switch (command.kind) {
    case "devices-list":
      return rpc("device.pair.list", {});
    case "devices-approve":
      return rpc("device.pair.approve", { requestId: command.requestId });
    case "devices-reject":
      return rpc("device.pair.reject", { requestId: command.requestId });
    case "devices-remove":
      return rpc("device.pair.remove", { deviceId: command.deviceId });
    case "devices-rotate":
      return rpc("device.token.rotate", {
        deviceId: command.deviceId,
        role: command.role,
        ...(command.scopes !== undefined ? { scopes: [...command.scopes] } : {}),
      });
    case "devices-revoke":
      return rpc("device.token.revoke", { deviceId: command.deviceId, role: command.role });
    case "nodes-pending":
      return rpc("node.pair.list", {});
    case "nodes-approve":
      return rpc("node.pair.approve", { requestId: command.requestId });
    case "nodes-reject":
      return rpc("node.pair.reject", { requestId: command.requestId });
    default:
      return assertNever(command, "devices command");
  }
}
