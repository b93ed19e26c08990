// alignToken: the token-drift recovery checklist's first item — the operator makes the config's shared token the
// only one: the shell's and `.env`'s copies (where they set one) are overwritten with it, a token in the service
// unit's Environment= is removed (a later `gateway install --force` writes what the release writes), and it is
// pasted into the named Control UI tabs. The token is read from the config when the step runs.
// `{ alignToken: { machine: gw, controlUi: [{ browser: chrome, tabId: tab-1 }] } }`
import { browser, controlUiTokenKey, envNames, envValue, envWith, openTab, storageSet, withBrowser, withDotEnvText, withServiceUnit, withShellEnv, type Machine } from "../../../host/index.ts";
import { defineStepKind } from "../step-kind.ts";
import { standardPort } from "../standard-world.ts";

export interface AlignTokenStep {
  machine: string;
  controlUi?: { browser: string; tabId: string }[];
  /** The gateway URL the Control UI keeps the token for (default ws://127.0.0.1:18789). */
  url?: string;
}

/** The shared token a machine's config holds ("" when none). */
export function configTokenOf(machine: Machine): string {
  const token = machine.config.config.gateway?.auth?.token;
  return typeof token === "string" ? token : "";
}

export const alignTokenKind = defineStepKind({
  kind: "alignToken",
  schema: {
    type: "object",
    required: ["machine"],
    properties: {
      machine: { type: "string" },
      controlUi: { type: "array", items: { type: "object", required: ["browser", "tabId"], properties: { browser: { type: "string" }, tabId: { type: "string" } }, additionalProperties: false } },
      url: { type: "string" },
    },
    additionalProperties: false,
  },
  check(step, model, at) {
    if (!model.machines.has(step.alignToken.machine)) model.problem(`${at}/machine`, `no machine named '${step.alignToken.machine}'`);
  },
  run(step, env) {
    const a = step.alignToken;
    const perTab = env.profile.client.controlUiTokenPerTab;
    const key = controlUiTokenKey(a.url ?? `ws://127.0.0.1:${standardPort}`);
    const name = envNames.gatewayToken;
    env.world.updateMachine(a.machine, (m) => {
      const token = configTokenOf(m);
      let out = m;
      if (envValue(m.shellEnv, name) !== undefined) out = withShellEnv(out, envWith(out.shellEnv, name, token));
      if (m.dotEnvText !== null && m.dotEnvText.includes(name)) out = withDotEnvText(out, `${name}=${token}\n`);
      const unit = out.serviceUnit;
      if (unit) out = withServiceUnit(out, { ...unit, environment: unit.environment.filter((e) => e.key !== name) });
      for (const tab of a.controlUi ?? []) {
        let storage = browser(out, tab.browser);
        if (!(tab.tabId in storage.sessionStorageByTab)) storage = openTab(storage, tab.tabId);
        const area = perTab ? ({ area: "session", tabId: tab.tabId } as const) : ({ area: "local" } as const);
        out = withBrowser(out, tab.browser, storageSet(storage, area, key, token));
      }
      return out;
    }, "heal: one gateway token in shell, .env and browser");
  },
  print: (step) => `on ${step.alignToken.machine}: the config's token everywhere (shell, .env, unit${step.alignToken.controlUi?.length ? ", Control UI" : ""})`,
});
