// The browser Control UI tab in the step language: the page URL rules (host/control-ui-page.ts), the tab actions
// (browserTab), hand edits of Web Storage (browserStorage), the tab expectation (expectBrowserTab), the
// {{buildId}} placeholder, and the two release switches they read (flipping each flips an outcome).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, run } from "./spec-helpers.ts";
import { findProfile, host, parseRunSpec, resolveBuildId, runScenario, specScenario, type Profile, type RunSpec } from "../../src/index.ts";

const { controlUiPageAddress, emptyBrowserStorage, readUrlToken, storeControlUiToken } = host;

const root = join(import.meta.dirname, "..", "..");
const tokenKey = "openclaw.control.token.v1:ws://127.0.0.1:18789";



function fileSpec(name: string): RunSpec {
  const parsed = parseRunSpec(readFileSync(join(root, "scenarios", "files", name), "utf8"), name);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.spec;
}

function withClient(name: string, change: Partial<Profile["client"]>): Profile {
  const base = findProfile(name)!;
  return { ...base, name: `${name}~test`, client: { ...base.client, ...change } };
}

const messages = (r: { findings: readonly { message: string }[] }) => r.findings.map((f) => f.message);

describe("the Control UI page's URL (host)", () => {
  it("reads #token= first, ?token= as a fallback, and strips both (with password) from the address", () => {
    expect(readUrlToken("http://127.0.0.1:18789/chat?token=q&session=main#token=f&password=p", "fragment-first")).toEqual({
      token: "f",
      from: "fragment",
      url: "http://127.0.0.1:18789/chat?session=main",
    });
    expect(readUrlToken("http://127.0.0.1:18789/?token=%20q%20", "fragment-first")).toEqual({ token: "q", from: "query", url: "http://127.0.0.1:18789/" });
    expect(readUrlToken("http://127.0.0.1:18789/#token=", "fragment-first")).toEqual({ from: "fragment", url: "http://127.0.0.1:18789/" });
    expect(readUrlToken("http://127.0.0.1:18789/sessions", "fragment-first")).toEqual({ url: "http://127.0.0.1:18789/sessions" });
  });

  it("S-Feb reads ?token= only: a fragment stays in the address, unread", () => {
    expect(readUrlToken("http://127.0.0.1:18789/#token=f", "query")).toEqual({ url: "http://127.0.0.1:18789/#token=f" });
    expect(readUrlToken("http://127.0.0.1:18789/?token=q#token=f", "query")).toEqual({ token: "q", from: "query", url: "http://127.0.0.1:18789/#token=f" });
  });

  it("a secure context is https or a loopback host; the page dials its own host", () => {
    expect(controlUiPageAddress("http://192.0.2.10:18789/x")).toEqual({ url: "http://192.0.2.10:18789/x", origin: "http://192.0.2.10:18789", secureContext: false, gatewayUrl: "ws://192.0.2.10:18789" });
    expect(controlUiPageAddress("https://192.0.2.10/")?.gatewayUrl).toBe("wss://192.0.2.10");
    for (const url of ["http://localhost:18789/", "http://127.0.0.1:18789/", "http://[::1]:18789/", "http://ui.localhost/", "https://gw.example/"]) {
      expect(controlUiPageAddress(url)?.secureContext, url).toBe(true);
    }
    expect(controlUiPageAddress("file:///x")).toBeNull();
    expect(controlUiPageAddress("not a url")).toBeNull();
  });

  it("stores the token per tab (sessionStorage) or in the localStorage settings object, keeping other settings", () => {
    const perTab = storeControlUiToken(emptyBrowserStorage, { tabId: "t1", gatewayUrl: "ws://127.0.0.1:18789", perTab: true }, "tok");
    expect(perTab.sessionStorageByTab).toEqual({ t1: { [tokenKey]: "tok" } });
    expect(perTab.localStorage).toEqual({});
    const before = { ...emptyBrowserStorage, localStorage: { "openclaw.control.settings.v1": JSON.stringify({ theme: "dark", token: "old" }) } };
    const shared = storeControlUiToken(before, { tabId: "t1", gatewayUrl: "ws://127.0.0.1:18789", perTab: false }, "tok");
    expect(JSON.parse(shared.localStorage["openclaw.control.settings.v1"]!)).toEqual({ theme: "dark", token: "tok", gatewayUrl: "ws://127.0.0.1:18789" });
    expect(shared.sessionStorageByTab).toEqual({ t1: {} });
  });
});

describe("browserTab", () => {
  const open = (url: string, extra: object = {}) => ({ browserTab: { action: "open", machine: "gateway-host", browser: "chrome", tab: "t1", client: "ui", url, ...extra } });
  const base = (steps: object[]) => ({ name: "tab", gateway: { auth: { mode: "token", token: "tok" } }, steps });

  it("#token= is stored in this tab's sessionStorage and cleaned from the address; the page connects (2026.3)", async () => {
    const r = await run(
      base([
        open("http://127.0.0.1:18789/#token={{gatewayToken}}"),
        { wait: 5000 },
        { expectBrowserTab: { client: "ui", tokenStored: true, token: "tok", url: "http://127.0.0.1:18789/", storage: { area: "session", key: tokenKey, equals: "tok" } } },
        { expectBrowserTab: { client: "ui", storage: { area: "local", key: tokenKey, present: false } } },
        { expectClient: { name: "ui", connected: true } },
      ]),
      "2026.3",
    );
    expect(messages(r)).toEqual([]);
    const load = r.events.find((e) => e.kind === "client" && (e.data as { event?: string }).event === "page.load");
    expect(load?.data).toMatchObject({ url: "http://127.0.0.1:18789/", tokenFrom: "fragment", secureContext: true, deviceIdentity: true });
  });

  it("a wrong tab expectation is a finding naming what was found", async () => {
    const r = await run(base([open("http://127.0.0.1:18789/#token={{gatewayToken}}"), { expectBrowserTab: { client: "ui", tokenStored: false, urlContains: "#token=", rule: "tab-rule" } }]), "2026.3");
    expect(messages(r)).toEqual([
      "step 1 (tab of ui): token present in sessionStorage, expected absent",
      'step 1 (tab of ui): address http://127.0.0.1:18789/ lacks "#token="',
    ]);
    expect(r.findings.every((f) => f.invariant === "tab-rule")).toBe(true);
  });

  it("client.controlUiUrlToken flips the outcome: a Feb page ignores #token= and is refused for a missing token", async () => {
    const steps = [open("http://127.0.0.1:18789/#token={{gatewayToken}}"), { wait: 5000 }];
    const feb = await run(base([...steps, { expectBrowserTab: { client: "ui", tokenStored: false, url: "http://127.0.0.1:18789/#token=tok" } }, { expectClient: { name: "ui", connected: false } }]), "2026.2.22");
    expect(messages(feb)).toEqual([]);
    const flipped = withClient("2026.2.22", { controlUiUrlToken: "fragment-first" });
    expect(messages(await run(base([...steps, { expectClient: { name: "ui", connected: true } }]), flipped))).toEqual([]);
  });

  it("reload: a new page from the storage (sessionStorage survives), a new socket, a fresh reducer", async () => {
    const r = await run(
      base([
        open("http://127.0.0.1:18789/#token={{gatewayToken}}"),
        { wait: 5000 },
        { browserTab: { action: "reload", client: "ui" } },
        { wait: 5000 },
        { expectClient: { name: "ui", connected: true, attemptsMax: 1 } },
        { expectBrowserTab: { client: "ui", tokenStored: true, url: "http://127.0.0.1:18789/" } },
      ]),
      "2026.9",
    );
    expect(messages(r)).toEqual([]);
    const dials = r.events.filter((e) => e.kind === "client" && (e.data as { event?: string }).event === "machine-client");
    expect(dials).toHaveLength(2);
  });

  it("navigate keeps the socket and does not read the URL; the next reload does", async () => {
    const r = await run(
      base([
        open("http://127.0.0.1:18789/"),
        { wait: 5000 },
        { expectClient: { name: "ui", connected: false } },
        { browserTab: { action: "navigate", client: "ui", to: "#token={{gatewayToken}}" } },
        { wait: 5000 },
        { expectBrowserTab: { client: "ui", tokenStored: false, url: "http://127.0.0.1:18789/#token=tok" } },
        { expectClient: { name: "ui", connected: false } },
        { browserTab: { action: "reload", client: "ui" } },
        { wait: 5000 },
        { expectBrowserTab: { client: "ui", tokenStored: true, url: "http://127.0.0.1:18789/" } },
        { expectClient: { name: "ui", connected: true } },
        { browserTab: { action: "navigate", client: "ui", to: "/sessions" } },
        { wait: 5000 },
        { expectClient: { name: "ui", connected: true, attemptsMax: 1 } },
      ]),
      "2026.4",
    );
    expect(messages(r)).toEqual([]);
  });

  it("duplicate copies sessionStorage; close drops it and the socket; a storage edit shows at the next load", async () => {
    // A device-less page on loopback gets in with allowInsecureAuth (≤ 2026.4), so the shared token decides.
    const r = await run(
      ({ ...base([
        open("http://127.0.0.1:18789/#token={{gatewayToken}}", { identity: null }),
        { wait: 5000 },
        { browserTab: { action: "duplicate", client: "ui", as: "ui2", tab: "t2" } },
        { wait: 5000 },
        { expectBrowserTab: { client: "ui2", tokenStored: true, storage: { area: "session", key: tokenKey, equals: "tok" } } },
        { browserTab: { action: "close", client: "ui" } },
        { wait: 1000 },
        { expectClient: { name: "ui", connected: false } },
        { expectBrowserTab: { client: "ui", tokenStored: false } },
        { browserStorage: { machine: "gateway-host", browser: "chrome", area: "session", tab: "t2", key: tokenKey, value: "wrong" } },
        { expectClient: { name: "ui2", connected: true } },
        { browserTab: { action: "reload", client: "ui2" } },
        { wait: 5000 },
        { expectBrowserTab: { client: "ui2", token: "wrong" } },
        { expectClient: { name: "ui2", connected: false } },
        { browserStorage: { machine: "gateway-host", browser: "chrome", clearSiteData: true } },
        { expectBrowserTab: { client: "ui2", tokenStored: false } },
      ]), gateway: { auth: { mode: "token", token: "tok" }, controlUi: { allowInsecureAuth: true } } }),
      "2026.3",
    );
    expect(messages(r)).toEqual([]);
  });

  it("client.controlUiInsecureContextIdentity flips a plain-http LAN page from the device-identity refusal to pairing", async () => {
    const spec = {
      name: "lan",
      gateway: { auth: { mode: "token", token: "tok" }, controlUi: { allowedOrigins: ["http://192.0.2.10:18789"] } },
      identities: ["fx"],
      steps: [
        { machine: { name: "laptop", host: "lan-peer", config: {} } },
        { browserTab: { action: "open", machine: "laptop", browser: "firefox", tab: "t1", client: "ui", identity: "fx", url: "http://192.0.2.10:18789/#token={{gatewayToken}}" } },
        { wait: 5000 },
      ],
    };
    const without = await run({ ...spec, steps: [...spec.steps, { expectClientAuth: { client: "ui", lastError: { detailCode: "CONTROL_UI_DEVICE_IDENTITY_REQUIRED" } } }, { expectPairing: { identity: "fx", pending: 0 } }] }, "2026.4");
    expect(messages(without)).toEqual([]);
    const withIdentity = await run({ ...spec, steps: [...spec.steps, { expectPairing: { identity: "fx", pending: 1, paired: false } }] }, withClient("2026.4", { controlUiInsecureContextIdentity: true }));
    expect(messages(withIdentity)).toEqual([]);
    expect(findProfile("2026.9")!.client.controlUiInsecureContextIdentity).toBe(true);
  });

  it("input mistakes are problems: unknown tab client, a closed tab, a field of another action, a bad URL, a tab opened twice", () => {
    const spec = {
      name: "bad",
      steps: [
        { browserTab: { action: "reload", client: "nobody" } },
        open("ftp://x/"),
        { browserTab: { action: "open", machine: "gateway-host", browser: "chrome", tab: "t1", client: "ui2" } },
        { browserTab: { action: "close", client: "ui", to: "/x" } },
        { browserTab: { action: "navigate", client: "ui", to: "/x" } },
        { browserStorage: { machine: "gateway-host", browser: "chrome", area: "session", key: "k", value: "v" } },
        { expectBrowserTab: { client: "ghost" } },
      ],
    };
    const parsed = parse(spec);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    for (const part of [
      "at /steps/0/browserTab/client: no browser tab runs a client named 'nobody' (open one first)",
      "at /steps/1/browserTab/url: not an absolute http(s) URL: 'ftp://x/'",
      "at /steps/2/browserTab/tab: tab t1 of chrome on gateway-host is already open (client 'ui')",
      "at /steps/3/browserTab/to: to does not belong to a close action",
      "at /steps/4/browserTab/client: the tab of 'ui' was closed",
      "at /steps/5/browserStorage/tab: sessionStorage belongs to a tab: give tab",
      "at /steps/6/expectBrowserTab/client: no browser tab runs a client named 'ghost' (open one first)",
    ]) {
      expect(parsed.message).toContain(part);
    }
  });

  it("the example files hold under every profile", async () => {
    for (const file of ["control-ui-tab.yaml", "control-ui-insecure-context.yaml"]) {
      for (const profile of ["2026.2.13", "2026.2.22", "2026.3", "2026.4", "2026.9"]) {
        const r = await runScenario(specScenario(fileSpec(file)), { seed: 7n, profile: findProfile(profile)! });
        expect(messages(r), `${file} under ${profile}`).toEqual([]);
      }
    }
  });
});

describe("{{buildId}}", () => {
  const params = { client: { id: "openclaw-control-ui", buildId: "{{buildId}}" }, note: "build {{buildId}}" };

  it("as a whole value: the gateway's build where ConnectParams has client.buildId, the key left out where it is rejected", () => {
    expect(resolveBuildId(params, { profile: findProfile("2026.9")!, buildId: "b1" })).toEqual({ client: { id: "openclaw-control-ui", buildId: "b1" }, note: "build {{buildId}}" });
    // 2026.4.14's schema has no client.buildId (read in its dist): the key is left out there too.
    for (const name of ["2026.2.13", "2026.3", "2026.4"]) {
      expect(resolveBuildId(params, { profile: findProfile(name)!, buildId: "b1" }), name).toEqual({ client: { id: "openclaw-control-ui" }, note: "build {{buildId}}" });
    }
  });

  it("one raw Control UI connect passes under every release; a literal build id does not", async () => {
    const connect = (buildId: string) => ({
      name: "ui",
      gateway: { auth: { mode: "token", token: "tok" }, controlUi: { allowedOrigins: ["http://gateway-host:18789"], dangerouslyDisableDeviceAuth: true } },
      steps: [
        {
          connect: {
            name: "ui",
            from: "lan",
            headers: { origin: "http://gateway-host:18789" },
            connect: { params: { minProtocol: "{{protocol}}", maxProtocol: "{{protocol}}", client: { id: "openclaw-control-ui", version: "1", platform: "web", mode: "webchat", buildId }, role: "operator", scopes: ["operator.read"], auth: { token: "{{gatewayToken}}" } } },
          },
          expect: { ok: true },
        },
      ],
    });
    for (const profile of ["2026.2.13", "2026.3", "2026.4", "2026.9"]) expect(messages(await run(connect("{{buildId}}"), profile)), profile).toEqual([]);
    expect(messages(await run(connect("clawsim-gateway"), "2026.3"))[0]).toContain("invalid connect params");
    expect(messages(await run(connect("old"), "2026.9"))[0]).toContain("Control UI updated; reload this page");
  });
});
