// Per-kind defaults (spec §8): client id, mode, role, requested scopes, caps, commands, platform, version, and
// whether the kind is a browser (Origin header, no insecure-ws guard, close code 4008). Data only.
import {
  CLI_DEFAULT_OPERATOR_SCOPES,
  GATEWAY_CLIENT_DEFAULT_SCOPES,
  type GatewayClientId,
  type GatewayClientMode,
} from "../protocol/index.ts";
import type { ClientKind } from "./types.ts";

export interface KindDefaults {
  readonly clientId: GatewayClientId;
  readonly mode: GatewayClientMode;
  readonly role: "operator" | "node";
  readonly scopes: readonly string[];
  readonly caps: readonly string[];
  /** Node kind only; others send no `commands`. */
  readonly commands: readonly string[] | undefined;
  readonly platform: string;
  readonly clientVersion: string;
  readonly browser: boolean;
}

/** The Control UI's scopes when no profile is at hand; a client's profile replaces them (controlUiScopes). */
const CONTROL_UI_SCOPES: readonly string[] = [...CLI_DEFAULT_OPERATOR_SCOPES];
/** What a node host declares by default. */
const NODE_COMMANDS_DEFAULT: readonly string[] = ["system.run"];

export const kindDefaults: Readonly<Record<ClientKind, KindDefaults>> = {
  cli: {
    clientId: "cli",
    mode: "cli",
    role: "operator",
    scopes: CLI_DEFAULT_OPERATOR_SCOPES,
    caps: [],
    commands: undefined,
    platform: "linux",
    clientVersion: "dev",
    browser: false,
  },
  tui: {
    clientId: "openclaw-tui",
    mode: "ui",
    role: "operator",
    scopes: GATEWAY_CLIENT_DEFAULT_SCOPES,
    caps: ["tool-events"],
    commands: undefined,
    platform: "linux",
    clientVersion: "dev",
    browser: false,
  },
  "control-ui": {
    clientId: "openclaw-control-ui",
    mode: "webchat",
    role: "operator",
    scopes: CONTROL_UI_SCOPES,
    caps: ["tool-events"],
    commands: undefined,
    platform: "web",
    clientVersion: "control-ui",
    browser: true,
  },
  node: {
    clientId: "node-host",
    mode: "node",
    role: "node",
    scopes: [],
    caps: [],
    commands: NODE_COMMANDS_DEFAULT,
    platform: "linux",
    clientVersion: "dev",
    browser: false,
  },
  backend: {
    clientId: "gateway-client",
    mode: "backend",
    role: "operator",
    scopes: GATEWAY_CLIENT_DEFAULT_SCOPES,
    caps: [],
    commands: undefined,
    platform: "linux",
    clientVersion: "dev",
    browser: false,
  },
};
