// A browser tab running the Control UI, bound into the world: open a tab at a URL (the page reads a token in its
// URL, stores it where the release keeps it, cleans the address bar, and connects), reload it (a new page: the
// client reducer starts over from the browser's storage, sessionStorage survives, in-memory state is gone),
// navigate inside the app (pushState or a fragment change: no new document, the socket stays, the URL is not
// read again), duplicate it (the new tab gets a copy of sessionStorage, as browsers do) and close it (the socket
// goes, the tab's sessionStorage is dropped). The page has the browser profile's device identity only in a
// secure context unless the release makes one anyway (controlUiInsecureContextIdentity). One tab runs one
// Control UI client, named like any client. Not the storage rules (src/host/browser-storage.ts) nor what the
// page does with its URL (src/host/control-ui-page.ts).
import { assert } from "../kernel/index.ts";
import type { DeviceIdentity } from "../crypto/index.ts";
import type { GatewayClientId } from "../protocol/index.ts";
import {
  browser as browserOf,
  closeTab,
  controlUiPageAddress,
  duplicateTab,
  openTab,
  readUrlToken,
  storeControlUiToken,
  withBrowser,
} from "../host/index.ts";
import type { ClientNode } from "./client-node.ts";
import type { MachineClientSpec } from "./machine-clients.ts";
import type { World } from "./world.ts";

export interface ControlUiTabOptions {
  readonly machine: string;
  readonly browser: string;
  readonly tabId: string;
  /** The client name the page runs under. */
  readonly client: string;
  /** What the user opened: an absolute http(s) URL, possibly with `#token=` or `?token=`. */
  readonly pageUrl: string;
  /** The browser profile's device identity (the page uses it only where it can sign). */
  readonly identity: DeviceIdentity | null;
  readonly clientId?: GatewayClientId;
  readonly displayName?: string;
  readonly scopes?: readonly string[];
}

/** One open tab: where it is, what its address bar says now, and the profile's identity. */
export interface ControlUiTab {
  readonly options: ControlUiTabOptions;
  pageUrl: string;
  closed: boolean;
}

const tabsByWorld = new WeakMap<World, Map<string, ControlUiTab>>();

function tabsOf(world: World): Map<string, ControlUiTab> {
  let tabs = tabsByWorld.get(world);
  if (!tabs) {
    tabs = new Map();
    tabsByWorld.set(world, tabs);
  }
  return tabs;
}

/** The tab a Control UI client runs in, when it was opened by URL. */
export function controlUiTabOf(world: World, client: string): ControlUiTab | undefined {
  return tabsOf(world).get(client);
}

function openTabOf(world: World, client: string): ControlUiTab {
  const tab = tabsOf(world).get(client);
  assert(tab !== undefined && !tab.closed, `client ${client} is not an open browser tab`);
  return tab;
}

/** Opens a tab at a URL and loads the Control UI in it. */
export function openControlUiTab(world: World, options: ControlUiTabOptions): ClientNode {
  assert(!tabsOf(world).get(options.client) || tabsOf(world).get(options.client)!.closed, `client ${options.client} already has a tab`);
  const tab: ControlUiTab = { options, pageUrl: options.pageUrl, closed: false };
  tabsOf(world).set(options.client, tab);
  world.scheduler.record(options.client, "client", { event: "tab.open", browser: options.browser, tab: options.tabId });
  return loadPage(world, tab);
}

/** The user reloads the page: the old page's socket closes, a new page loads from the same address. */
export function reloadControlUiTab(world: World, client: string): ClientNode {
  const tab = openTabOf(world, client);
  quitPage(world, client);
  world.scheduler.record(client, "client", { event: "tab.reload" });
  return loadPage(world, tab);
}

/** An in-app route change or a fragment-only change: same document, the socket stays, the URL is not re-read. */
export function navigateControlUiTab(world: World, client: string, to: string): string {
  const tab = openTabOf(world, client);
  const next = new URL(to, tab.pageUrl);
  assert(next.origin === new URL(tab.pageUrl).origin, `in-app navigation stays on the page's origin: ${to}`);
  tab.pageUrl = next.toString();
  world.scheduler.record(client, "client", { event: "tab.navigate", url: tab.pageUrl });
  return tab.pageUrl;
}

/** "Duplicate tab": a new tab with the same address and a copy of this tab's sessionStorage. */
export function duplicateControlUiTab(world: World, client: string, copy: { readonly client: string; readonly tabId: string }): ClientNode {
  const source = openTabOf(world, client);
  const o = source.options;
  world.updateMachine(o.machine, (m) => withBrowser(m, o.browser, duplicateTab(browserOf(m, o.browser), o.tabId, copy.tabId)), `duplicate browser tab ${o.tabId}`);
  const options: ControlUiTabOptions = { ...o, client: copy.client, tabId: copy.tabId, pageUrl: source.pageUrl };
  const tab: ControlUiTab = { options, pageUrl: source.pageUrl, closed: false };
  tabsOf(world).set(copy.client, tab);
  world.scheduler.record(copy.client, "client", { event: "tab.duplicate", from: client, browser: o.browser, tab: copy.tabId });
  return loadPage(world, tab);
}

/** The user closes the tab: the page's socket closes and the tab's sessionStorage is gone. */
export function closeControlUiTab(world: World, client: string): void {
  const tab = openTabOf(world, client);
  quitPage(world, client);
  tab.closed = true;
  const o = tab.options;
  world.updateMachine(o.machine, (m) => withBrowser(m, o.browser, closeTab(browserOf(m, o.browser), o.tabId)), `close browser tab ${o.tabId}`);
  world.scheduler.record(client, "client", { event: "tab.close" });
}

function quitPage(world: World, client: string): void {
  const node = world.client(client);
  if (node.killed) return;
  node.stop();
  node.kill();
}

/** A page load: read the URL, store its token, clean the address bar, start the Control UI client. */
function loadPage(world: World, tab: ControlUiTab): ClientNode {
  const o = tab.options;
  const switches = world.profile.client;
  const address = controlUiPageAddress(tab.pageUrl);
  assert(address !== null, `a Control UI page URL is absolute http(s): ${tab.pageUrl}`);
  const read = readUrlToken(tab.pageUrl, switches.controlUiUrlToken);
  const token = read.token;
  world.updateMachine(
    o.machine,
    (m) => {
      let storage = browserOf(m, o.browser);
      if (!(o.tabId in storage.sessionStorageByTab)) storage = openTab(storage, o.tabId);
      if (token !== undefined) storage = storeControlUiToken(storage, { tabId: o.tabId, gatewayUrl: address.gatewayUrl, perTab: switches.controlUiTokenPerTab }, token);
      return withBrowser(m, o.browser, storage);
    },
    token !== undefined ? `the Control UI stores the token from its URL (${read.from})` : `load the Control UI in tab ${o.tabId}`,
  );
  tab.pageUrl = read.url;
  const identity = address.secureContext || switches.controlUiInsecureContextIdentity ? o.identity : null;
  world.scheduler.record(o.client, "client", {
    event: "page.load",
    url: read.url,
    tokenFrom: read.from ?? null,
    secureContext: address.secureContext,
    deviceIdentity: identity !== null,
  });
  const spec: MachineClientSpec = {
    kind: "control-ui",
    identity,
    browser: o.browser,
    tabId: o.tabId,
    url: address.gatewayUrl,
    pageOrigin: address.origin,
    pageUrl: read.url,
    ...(o.clientId !== undefined ? { clientId: o.clientId } : {}),
    ...(o.displayName !== undefined ? { displayName: o.displayName } : {}),
    ...(o.scopes !== undefined ? { scopes: o.scopes } : {}),
  };
  return world.addMachineClient(o.machine, { name: o.client, spec });
}
