// The browser-copilot client class (openclaw-browser-copilot, 2026.9): right after the role check the gateway
// admits it only in ui mode with the run-tool-bindings and session-scoped-events caps and from a canonical
// Chrome extension origin; anything else is INVALID_REQUEST and close 1008. Not the origin check of other clients.
import { ConnectErrorDetailCodes, ErrorCodes } from "../protocol/index.ts";
import { refuse } from "./responses.ts";
import type { GatewayOutput } from "./types.ts";

export const browserCopilotClientId = "openclaw-browser-copilot";
const requiredCaps = ["run-tool-bindings", "session-scoped-events"] as const;
const chromeExtensionOrigin = /^chrome-extension:\/\/[a-p]{32}$/u;

export function isBrowserCopilot(clientId: string): boolean {
  return clientId === browserCopilotClientId;
}

/** The refusal for a browser-copilot connect that lacks its mode, caps or extension origin; null when admitted. */
export function browserCopilotRefusal(
  connId: string,
  requestId: string,
  client: { readonly id: string; readonly mode: string },
  caps: readonly string[] | undefined,
  origin: string | undefined,
): GatewayOutput[] | null {
  if (!isBrowserCopilot(client.id)) return null;
  if (client.mode !== "ui" || !requiredCaps.every((cap) => caps?.includes(cap))) {
    const message = "browser copilot requires ui mode with run-tool-bindings and session-scoped-events capabilities";
    return refuse(connId, requestId, { code: ErrorCodes.INVALID_REQUEST, message });
  }
  if (origin === undefined || !chromeExtensionOrigin.test(origin.trim().toLowerCase())) {
    const message = "browser copilot requires a canonical Chrome extension origin";
    const details = { code: ConnectErrorDetailCodes.CONTROL_UI_ORIGIN_NOT_ALLOWED, reason: "invalid browser copilot origin" };
    return refuse(connId, requestId, { code: ErrorCodes.INVALID_REQUEST, message, details });
  }
  return null;
}
