// The Control UI page in a browser tab, as data (§8): what its address says — the page's origin, whether the
// browser counts it a secure context (WebCrypto only there), the gateway URL the page dials by default — and
// what the page does with a token in its own URL when it loads: the release reads `?token=` (S-Feb) or
// `#token=` first with `?token=` as a legacy fallback (ui app-settings.ts `applySettingsFromUrl`), stores it
// where the release keeps the token (this tab's sessionStorage, or the settings object in localStorage) and
// strips what it read from the address bar (history.replaceState), so a refresh or a copied URL no longer
// carries it. Pure functions; not the client reducer (src/clients) and not the world's tab actions (src/world).
import type { ClientSwitches } from "../profiles/index.ts";
import {
  controlUiStorageKeys,
  controlUiTokenKey,
  openTab,
  storageGet,
  storageSet,
  type BrowserStorage,
} from "./browser-storage.ts";

export interface ControlUiPageAddress {
  /** The page URL as given (with whatever query and fragment it has). */
  readonly url: string;
  /** `scheme://host[:port]`: the Origin header the page's WebSocket sends. */
  readonly origin: string;
  /** https, or a loopback host (localhost, *.localhost, 127.0.0.0/8, [::1]): the browser exposes WebCrypto. */
  readonly secureContext: boolean;
  /** ws(s)://host[:port] of the page: the gateway the Control UI dials unless its settings say otherwise. */
  readonly gatewayUrl: string;
}

/** Parses a page URL; null when it is not an absolute http(s) URL. */
export function controlUiPageAddress(url: string): ControlUiPageAddress | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  const https = parsed.protocol === "https:";
  return {
    url,
    origin: `${parsed.protocol}//${parsed.host}`,
    secureContext: https || isLoopbackPageHost(parsed.hostname),
    gatewayUrl: `${https ? "wss" : "ws"}://${parsed.host}`,
  };
}

/** Hosts a browser treats as potentially trustworthy over plain http. */
function isLoopbackPageHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost") || h === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Where the token the page read came from. */
export type UrlTokenSource = "fragment" | "query";

export interface UrlTokenRead {
  /** The trimmed token, when the URL carried a non-empty one the release reads. */
  readonly token?: string;
  readonly from?: UrlTokenSource;
  /** The address bar after the page cleaned it (equal to the input when nothing was read). */
  readonly url: string;
}

/**
 * What `applySettingsFromUrl` reads from the page URL at load. "query": `?token=` only, the fragment is left
 * alone; "fragment-first": `#token=` wins over `?token=`, and both are removed (with `password`, which the page
 * never reads from a URL but strips).
 */
export function readUrlToken(url: string, rule: ClientSwitches["controlUiUrlToken"]): UrlTokenRead {
  const parsed = new URL(url);
  const query = new URLSearchParams(parsed.search);
  const hash = new URLSearchParams(parsed.hash.startsWith("#") ? parsed.hash.slice(1) : parsed.hash);
  const fromQuery = query.get("token");
  const fromHash = rule === "fragment-first" ? hash.get("token") : null;
  const raw = fromHash ?? fromQuery;
  const from: UrlTokenSource | undefined = fromHash !== null ? "fragment" : fromQuery !== null ? "query" : undefined;
  if (from === undefined) return { url };
  query.delete("token");
  if (rule === "fragment-first") {
    hash.delete("token");
    for (const p of [query, hash]) p.delete("password");
  }
  parsed.search = query.toString();
  const nextHash = hash.toString();
  parsed.hash = nextHash ? `#${nextHash}` : "";
  const token = raw?.trim() ? raw.trim() : undefined;
  return { ...(token !== undefined ? { token } : {}), from, url: parsed.toString() };
}

/**
 * Stores a token the page read where the release keeps it: this tab's sessionStorage under the gateway-scoped key
 * (per tab), or the settings object in localStorage (S-Feb `saveSettings`, other settings kept).
 */
export function storeControlUiToken(
  storage: BrowserStorage,
  where: { readonly tabId: string; readonly gatewayUrl: string; readonly perTab: boolean },
  token: string,
): BrowserStorage {
  const opened = where.tabId in storage.sessionStorageByTab ? storage : openTab(storage, where.tabId);
  if (where.perTab) return storageSet(opened, { area: "session", tabId: where.tabId }, controlUiTokenKey(where.gatewayUrl), token);
  const settingsKey = controlUiStorageKeys.settings;
  const settings = { ...parseSettings(storageGet(opened, { area: "local" }, settingsKey)), gatewayUrl: where.gatewayUrl, token };
  return storageSet(opened, { area: "local" }, settingsKey, JSON.stringify(settings));
}

function parseSettings(text: string | null): Record<string, unknown> {
  if (text === null) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
