// expectBrowserTab: what a Control UI tab holds now — the shared token where the release keeps it (this tab's
// sessionStorage, or localStorage: what the page would read if it loaded now), the address bar (e.g. that the
// page cleaned a `#token=` away), and any one key of the tab's sessionStorage or the profile's localStorage.
// `{ expectBrowserTab: { client: ui, tokenStored: true, urlNotContains: "token=" } }`
import { browser as browserOf, storageGet } from "../../../host/index.ts";
import { controlUiTabOf } from "../../../world/index.ts";
import { defineStepKind } from "../step-kind.ts";

export interface ExpectBrowserTabStep {
  client: string;
  /** The Control UI's shared token is stored where this release reads it. */
  tokenStored?: boolean;
  /** …and equals this (placeholders allowed). */
  token?: string;
  url?: string;
  urlContains?: string;
  urlNotContains?: string;
  storage?: { area: "session" | "local"; key: string; present?: boolean; equals?: string };
  /** The finding's invariant name (default `case-expect`). */
  rule?: string;
}

export const expectBrowserTabKind = defineStepKind({
  kind: "expectBrowserTab",
  schema: {
    type: "object",
    required: ["client"],
    properties: {
      client: { type: "string" },
      tokenStored: { type: "boolean" },
      token: { type: "string" },
      url: { type: "string" },
      urlContains: { type: "string" },
      urlNotContains: { type: "string" },
      storage: {
        type: "object",
        required: ["area", "key"],
        properties: { area: { enum: ["session", "local"] }, key: { type: "string", minLength: 1 }, present: { type: "boolean" }, equals: { type: "string" } },
        additionalProperties: false,
      },
      rule: { type: "string" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.browserTabs.has(step.expectBrowserTab.client)) {
      model.problem(`${at}/client`, `no browser tab runs a client named '${step.expectBrowserTab.client}' (open one first)`);
    }
  },
  run(step, env) {
    const e = step.expectBrowserTab;
    const at = `step ${env.stepIndex} (tab of ${e.client})`;
    const check = (ok: boolean, message: string) => env.ctx.check(ok, e.rule ?? "case-expect", `${at}: ${message}`);
    const tab = controlUiTabOf(env.world, e.client);
    if (!tab) return void check(false, "not a browser tab of this world");
    const spec = env.world.machine(tab.options.machine).clients.get(e.client);
    if (spec?.kind !== "control-ui") return void check(false, "not a Control UI client");
    const origin = env.world.planMachineClient(tab.options.machine, spec).origin;
    const stored = origin.kind === "browser-storage" ? origin.token : undefined;
    const where = origin.kind === "browser-storage" ? origin.area : "storage";
    if (e.tokenStored !== undefined) check((stored !== undefined) === e.tokenStored, `token ${stored !== undefined ? "present" : "absent"} in ${where}, expected ${e.tokenStored ? "present" : "absent"}`);
    if (e.token !== undefined) {
      const want = env.resolve(e.token);
      check(stored === want, `token in ${where} is ${stored === undefined ? "absent" : JSON.stringify(stored)}, expected ${JSON.stringify(want)}`);
    }
    const url = tab.pageUrl;
    if (e.url !== undefined) check(url === env.resolve(e.url), `address is ${url}, expected ${env.resolve(e.url)}`);
    if (e.urlContains !== undefined) check(url.includes(env.resolve(e.urlContains)), `address ${url} lacks ${JSON.stringify(e.urlContains)}`);
    if (e.urlNotContains !== undefined) check(!url.includes(env.resolve(e.urlNotContains)), `address ${url} still has ${JSON.stringify(e.urlNotContains)}`);
    if (e.storage) {
      const s = e.storage;
      const storage = browserOf(env.world.machine(tab.options.machine).machine, tab.options.browser);
      const value = storageGet(storage, s.area === "session" ? { area: "session", tabId: tab.options.tabId } : { area: "local" }, s.key);
      const name = `${s.area}Storage ${s.key}`;
      if (s.present !== undefined) check((value !== null) === s.present, `${name} ${value !== null ? "present" : "absent"}, expected ${s.present ? "present" : "absent"}`);
      if (s.equals !== undefined) check(value === env.resolve(s.equals), `${name} is ${JSON.stringify(value)}, expected ${JSON.stringify(env.resolve(s.equals))}`);
    }
  },
  print: (step) => `expect the tab of ${step.expectBrowserTab.client} ${JSON.stringify({ ...step.expectBrowserTab, client: undefined, rule: undefined })}`,
});
