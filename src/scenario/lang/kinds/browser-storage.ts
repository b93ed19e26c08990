// browserStorage: edit a browser profile's Web Storage by hand (DevTools, an extension, a script) — set or remove
// one key of a tab's sessionStorage or of localStorage, or "clear site data" (both emptied, tabs stay open). A
// running page does not notice; it reads its storage when it loads (`browserTab: reload`) or when told to
// re-read (`refresh`). Keys are OpenClaw's own, e.g. `openclaw.control.token.v1:ws://127.0.0.1:18789`.
// `{ browserStorage: { machine: gateway-host, browser: chrome, area: session, tab: t1, key: "openclaw.control.token.v1:ws://127.0.0.1:18789", value: T2 } }`
import {
  browser as browserOf,
  clearSiteData,
  openTab,
  storageRemove,
  storageSet,
  withBrowser,
  type StorageArea,
} from "../../../host/index.ts";
import { defineStepKind } from "../step-kind.ts";

export interface BrowserStorageStep {
  machine: string;
  browser: string;
  /** session (one tab's, needs `tab`) or local (the profile's). */
  area?: "session" | "local";
  tab?: string;
  key?: string;
  /** The new value (placeholders allowed); null removes the key. */
  value?: string | null;
  /** Empty both areas of the profile (tabs stay open). */
  clearSiteData?: boolean;
}

export const browserStorageKind = defineStepKind({
  kind: "browserStorage",
  schema: {
    type: "object",
    required: ["machine", "browser"],
    properties: {
      machine: { type: "string" },
      browser: { type: "string", minLength: 1 },
      area: { enum: ["session", "local"] },
      tab: { type: "string", minLength: 1 },
      key: { type: "string", minLength: 1 },
      value: { type: ["string", "null"] },
      clearSiteData: { const: true },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    const s = step.browserStorage;
    if (!model.machines.has(s.machine)) model.problem(`${at}/machine`, `no machine named '${s.machine}'`);
    if (s.clearSiteData) {
      for (const k of ["area", "tab", "key", "value"] as const) if (s[k] !== undefined) model.problem(`${at}/${k}`, `clearSiteData empties everything; ${k} does not belong`);
      return;
    }
    for (const k of ["area", "key", "value"] as const) if (s[k] === undefined) model.problem(`${at}/${k}`, `a storage edit needs ${k} (or clearSiteData: true)`);
    if (s.area === "session" && s.tab === undefined) model.problem(`${at}/tab`, "sessionStorage belongs to a tab: give tab");
    if (s.area === "local" && s.tab !== undefined) model.problem(`${at}/tab`, "localStorage is the profile's, not a tab's");
  },
  run(step, env) {
    const s = step.browserStorage;
    env.world.updateMachine(
      s.machine,
      (m) => {
        let storage = browserOf(m, s.browser);
        if (s.clearSiteData) return withBrowser(m, s.browser, clearSiteData(storage));
        const area: StorageArea = s.area === "session" ? { area: "session", tabId: s.tab! } : { area: "local" };
        if (area.area === "session" && !(area.tabId in storage.sessionStorageByTab)) storage = openTab(storage, area.tabId);
        const next = s.value === null ? storageRemove(storage, area, s.key!) : storageSet(storage, area, s.key!, env.resolve(s.value!));
        return withBrowser(m, s.browser, next);
      },
      `edit the browser storage: ${describe(s)}`,
    );
  },
  print: (step) => `edit ${step.browserStorage.browser}'s storage on ${step.browserStorage.machine}: ${describe(step.browserStorage)}`,
});

function describe(s: BrowserStorageStep): string {
  if (s.clearSiteData) return "clear site data";
  const where = s.area === "session" ? `sessionStorage of tab ${s.tab}` : "localStorage";
  return s.value === null ? `remove ${s.key} from ${where}` : `set ${s.key} in ${where}`;
}
