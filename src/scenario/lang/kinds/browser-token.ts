// browserToken: the user pastes a gateway token into the Control UI's settings in a browser profile — kept per
// tab (sessionStorage) or shared (localStorage) as the release does, unless the step says which.
// `{ browserToken: { machine: gw, browser: chrome, tabId: tab-1, token: T1 } }`
import { browser, controlUiTokenKey, openTab, storageSet, withBrowser } from "../../../host/index.ts";
import { defineStepKind } from "../step-kind.ts";
import { standardPort } from "../standard-world.ts";

export const browserTokenKind = defineStepKind({
  kind: "browserToken",
  schema: {
    type: "object",
    required: ["machine", "browser", "tabId", "token"],
    properties: {
      machine: { type: "string" },
      browser: { type: "string" },
      tabId: { type: "string" },
      token: { type: "string" },
      url: { type: "string" },
      perTab: { type: "boolean" },
      what: { type: "string" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.machines.has(step.browserToken.machine)) model.problem(`${at}/machine`, `no machine named '${step.browserToken.machine}'`);
  },
  run(step, env) {
    const b = step.browserToken;
    const key = controlUiTokenKey(b.url ?? `ws://127.0.0.1:${standardPort}`);
    const perTab = b.perTab ?? env.profile.client.controlUiTokenPerTab;
    const token = env.resolve(b.token);
    env.world.updateMachine(b.machine, (m) => {
      let storage = browser(m, b.browser);
      if (!(b.tabId in storage.sessionStorageByTab)) storage = openTab(storage, b.tabId);
      const area = perTab ? ({ area: "session", tabId: b.tabId } as const) : ({ area: "local" } as const);
      return withBrowser(m, b.browser, storageSet(storage, area, key, token));
    }, b.what ?? "paste the gateway token in Control UI settings");
  },
  print: (step) => `paste ${step.browserToken.token} into Control UI ${step.browserToken.browser}/${step.browserToken.tabId} on ${step.browserToken.machine}`,
});
