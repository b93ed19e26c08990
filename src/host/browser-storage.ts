// A browser profile's Web Storage as data, for the Control UI (§8): one `localStorage` per profile (origin) and
// one `sessionStorage` per tab. Closing a tab drops its sessionStorage; duplicating a tab copies it, as browsers
// do. Values are strings. Not a DOM shim: the Control UI client reads and writes through these functions.
import { assert } from "../kernel/index.ts";

/** Storage keys the Control UI uses, verbatim. */
export const controlUiStorageKeys = {
  settings: "openclaw.control.settings.v1",
  /** Per-tab shared token, suffixed with `:<gateway url>` (sessionStorage). */
  tokenPrefix: "openclaw.control.token.v1",
  deviceIdentity: "openclaw-device-identity-v1",
  deviceAuth: "openclaw.device.auth.v1",
} as const;

export function controlUiTokenKey(gatewayUrl: string): string {
  return `${controlUiStorageKeys.tokenPrefix}:${gatewayUrl}`;
}

export type StorageMap = Readonly<Record<string, string>>;

export interface BrowserStorage {
  readonly localStorage: StorageMap;
  readonly sessionStorageByTab: Readonly<Record<string, StorageMap>>;
}

export type StorageArea = { area: "local" } | { area: "session"; tabId: string };

/** Tabs one browser profile may have open at once; more is a runaway scenario. */
export const browserTabsMax = 64;

export const emptyBrowserStorage: BrowserStorage = Object.freeze({ localStorage: {}, sessionStorageByTab: {} });

function areaMap(storage: BrowserStorage, where: StorageArea): StorageMap | undefined {
  return where.area === "local" ? storage.localStorage : storage.sessionStorageByTab[where.tabId];
}

function withArea(storage: BrowserStorage, where: StorageArea, map: StorageMap): BrowserStorage {
  if (where.area === "local") return { ...storage, localStorage: map };
  return { ...storage, sessionStorageByTab: { ...storage.sessionStorageByTab, [where.tabId]: map } };
}

export function storageGet(storage: BrowserStorage, where: StorageArea, key: string): string | null {
  return areaMap(storage, where)?.[key] ?? null;
}

export function storageSet(storage: BrowserStorage, where: StorageArea, key: string, value: string): BrowserStorage {
  const map = areaMap(storage, where);
  assert(map !== undefined, `sessionStorage of an unopened tab: ${JSON.stringify(where)}`);
  return withArea(storage, where, { ...map, [key]: value });
}

export function storageRemove(storage: BrowserStorage, where: StorageArea, key: string): BrowserStorage {
  const map = areaMap(storage, where);
  if (!map || !(key in map)) return storage;
  const { [key]: _removed, ...rest } = map;
  return withArea(storage, where, rest);
}

export function openTab(storage: BrowserStorage, tabId: string): BrowserStorage {
  assert(!(tabId in storage.sessionStorageByTab), `tab ${tabId} is already open`);
  assert(Object.keys(storage.sessionStorageByTab).length < browserTabsMax, "too many tabs");
  return { ...storage, sessionStorageByTab: { ...storage.sessionStorageByTab, [tabId]: {} } };
}

/** "Duplicate tab" copies the tab's sessionStorage into the new tab. */
export function duplicateTab(storage: BrowserStorage, fromTabId: string, tabId: string): BrowserStorage {
  const source = storage.sessionStorageByTab[fromTabId];
  assert(source !== undefined, `tab ${fromTabId} is not open`);
  const opened = openTab(storage, tabId);
  return { ...opened, sessionStorageByTab: { ...opened.sessionStorageByTab, [tabId]: { ...source } } };
}

export function closeTab(storage: BrowserStorage, tabId: string): BrowserStorage {
  if (!(tabId in storage.sessionStorageByTab)) return storage;
  const { [tabId]: _closed, ...rest } = storage.sessionStorageByTab;
  return { ...storage, sessionStorageByTab: rest };
}

/** "Clear site data": both areas emptied, tabs stay open. */
export function clearSiteData(storage: BrowserStorage): BrowserStorage {
  const tabs = Object.fromEntries(Object.keys(storage.sessionStorageByTab).map((id) => [id, {}]));
  return { localStorage: {}, sessionStorageByTab: tabs };
}
