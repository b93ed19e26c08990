// browserTab: the user acts on a browser tab running the Control UI (src/world/browser-tabs.ts).
//   open       open a tab at a URL (default http://127.0.0.1:18789/); a `#token=`/`?token=` in it is read, stored
//              as the release does (this tab's sessionStorage or localStorage) and cleaned from the address bar;
//              over plain http from a non-loopback host the page has no device identity where the release
//              needs WebCrypto for one
//   reload     the page reloads: a new Control UI from the same address and the browser's storage
//   navigate   an in-app route (`/sessions`) or fragment (`#token=…`) change: no reload, the socket stays, the
//              URL is not read again
//   duplicate  "Duplicate tab": a new tab (`tab`) running client `as`, with a copy of this tab's sessionStorage
//   close      the tab closes: its socket and its sessionStorage go
// `{ browserTab: { action: open, machine: gateway-host, browser: chrome, tab: t1, client: ui, url: "http://127.0.0.1:18789/#token=T1" } }`
import { identityFromSeed } from "../../../crypto/index.ts";
import { controlUiPageAddress } from "../../../host/index.ts";
import {
  closeControlUiTab,
  duplicateControlUiTab,
  navigateControlUiTab,
  openControlUiTab,
  reloadControlUiTab,
} from "../../../world/index.ts";
import { defineStepKind, type StaticModel, type StepEnv } from "../step-kind.ts";
import { identitySeedFor, standardPort } from "../standard-world.ts";

export const browserTabActions = ["open", "reload", "navigate", "duplicate", "close"] as const;

export type BrowserTabStep =
  | {
      action: "open";
      machine: string;
      browser: string;
      tab: string;
      /** The client name the page runs under. */
      client: string;
      /** The page URL (placeholders allowed); default http://127.0.0.1:18789/. */
      url?: string;
      /** The browser profile's device identity; null = none; default: the profile's own key. */
      identity?: string | null;
      clientId?: string;
      displayName?: string;
      scopes?: string[];
    }
  | { action: "reload"; client: string }
  | { action: "navigate"; client: string; to: string }
  | { action: "duplicate"; client: string; as: string; tab: string }
  | { action: "close"; client: string };

export const defaultControlUiPageUrl = `http://127.0.0.1:${standardPort}/`;

/** Fields each action takes besides `action` and `client` (the rest are problems). */
const fieldsOf: Readonly<Record<BrowserTabStep["action"], readonly string[]>> = {
  open: ["machine", "browser", "tab", "url", "identity", "clientId", "displayName", "scopes"],
  reload: [],
  navigate: ["to"],
  duplicate: ["as", "tab"],
  close: [],
};

const requiredOf: Readonly<Record<BrowserTabStep["action"], readonly string[]>> = {
  open: ["machine", "browser", "tab"],
  reload: [],
  navigate: ["to"],
  duplicate: ["as", "tab"],
  close: [],
};

export const browserTabKind = defineStepKind({
  kind: "browserTab",
  schema: {
    type: "object",
    required: ["action", "client"],
    properties: {
      action: { enum: browserTabActions },
      client: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._:#-]*$" },
      machine: { type: "string" },
      browser: { type: "string", minLength: 1 },
      tab: { type: "string", minLength: 1 },
      url: { type: "string" },
      identity: { type: ["string", "null"] },
      clientId: { type: "string" },
      displayName: { type: "string" },
      scopes: { type: "array", items: { type: "string" } },
      to: { type: "string", pattern: "^[/#?]" },
      as: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._:#-]*$" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    const s = step.browserTab;
    const given = s as unknown as Record<string, unknown>;
    for (const key of Object.keys(given)) {
      if (key !== "action" && key !== "client" && !fieldsOf[s.action].includes(key)) model.problem(`${at}/${key}`, `${key} does not belong to a ${s.action} action`);
    }
    for (const key of requiredOf[s.action]) if (given[key] === undefined) model.problem(`${at}/${key}`, `a ${s.action} action needs ${key}`);
    switch (s.action) {
      case "open":
        return checkOpen(s, model, at);
      case "duplicate": {
        requireOpenTab(model, at, s.client);
        const from = model.browserTabs.get(s.client);
        if (from) declareTab(model, at, s.as, { machine: from.machine, browser: from.browser, tab: s.tab }, "as");
        return;
      }
      case "close":
        requireOpenTab(model, at, s.client);
        if (model.browserTabs.get(s.client)) model.browserTabs.get(s.client)!.open = false;
        return;
      default:
        return requireOpenTab(model, at, s.client);
    }
  },
  run(step, env) {
    const s = step.browserTab;
    switch (s.action) {
      case "open":
        openControlUiTab(env.world, {
          machine: s.machine,
          browser: s.browser,
          tabId: s.tab,
          client: s.client,
          pageUrl: env.resolve(s.url ?? defaultControlUiPageUrl),
          identity: profileIdentity(s, env),
          ...(s.clientId !== undefined ? { clientId: s.clientId as never } : {}),
          ...(s.displayName !== undefined ? { displayName: s.displayName } : {}),
          ...(s.scopes !== undefined ? { scopes: s.scopes } : {}),
        });
        return;
      case "reload":
        reloadControlUiTab(env.world, s.client);
        return;
      case "navigate":
        navigateControlUiTab(env.world, s.client, env.resolve(s.to));
        return;
      case "duplicate":
        duplicateControlUiTab(env.world, s.client, { client: s.as, tabId: s.tab });
        return;
      case "close":
        closeControlUiTab(env.world, s.client);
        return;
    }
  },
  print: (step) => printTab(step.browserTab),
});

function checkOpen(s: Extract<BrowserTabStep, { action: "open" }>, model: StaticModel, at: string): void {
  if (s.machine !== undefined && !model.machines.has(s.machine)) model.problem(`${at}/machine`, `no machine named '${s.machine}'`);
  if (typeof s.identity === "string" && !model.identities.has(s.identity)) model.problem(`${at}/identity`, `unknown identity '${s.identity}'`);
  // Placeholders stand for tokens and ids: any value keeps the URL's shape.
  const url = (s.url ?? defaultControlUiPageUrl).replace(/\{\{[^}]*\}\}/g, "x");
  if (controlUiPageAddress(url) === null) model.problem(`${at}/url`, `not an absolute http(s) URL: '${s.url}'`);
  declareTab(model, at, s.client, { machine: s.machine, browser: s.browser, tab: s.tab }, "client");
}

type TabPlace = { readonly machine: string; readonly browser: string; readonly tab: string };

function declareTab(model: StaticModel, at: string, client: string, place: TabPlace, field: string): void {
  if (model.clients.has(client)) model.problem(`${at}/${field}`, `a client named '${client}' was already started`);
  for (const [other, t] of model.browserTabs) {
    if (t.open && t.machine === place.machine && t.browser === place.browser && t.tab === place.tab) {
      model.problem(`${at}/tab`, `tab ${place.tab} of ${place.browser} on ${place.machine} is already open (client '${other}')`);
    }
  }
  model.clients.add(client);
  model.browserTabs.set(client, { ...place, open: true });
}

function requireOpenTab(model: StaticModel, at: string, client: string): void {
  const tab = model.browserTabs.get(client);
  if (!tab) model.problem(`${at}/client`, `no browser tab runs a client named '${client}' (open one first)`);
  else if (!tab.open) model.problem(`${at}/client`, `the tab of '${client}' was closed`);
}

/** The browser profile's key: the named identity, none, or one seeded from the profile's own name. */
function profileIdentity(s: Extract<BrowserTabStep, { action: "open" }>, env: StepEnv) {
  if (s.identity === null) return null;
  const seed = s.identity !== undefined ? env.seeds[s.identity]! : identitySeedFor(`browser:${s.machine}/${s.browser}`);
  return identityFromSeed(Uint8Array.from(Buffer.from(seed, "hex")));
}

function printTab(s: BrowserTabStep): string {
  switch (s.action) {
    case "open":
      return `open ${s.url ?? defaultControlUiPageUrl} in ${s.browser} tab ${s.tab} on ${s.machine} (Control UI ${s.client})`;
    case "reload":
      return `reload the tab of ${s.client}`;
    case "navigate":
      return `${s.client} navigates in-app to ${s.to}`;
    case "duplicate":
      return `duplicate the tab of ${s.client} as ${s.as} (tab ${s.tab})`;
    case "close":
      return `close the tab of ${s.client}`;
  }
}
