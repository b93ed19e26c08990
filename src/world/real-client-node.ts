// The real OpenClaw client (`GatewayClient` of @openclaw/gateway-client, loaded by sim/real-client) running on a
// simulated host: its sockets on the simulated network (real-client-ws.ts), its timers, Date, Math.random and
// request ids on the kernel (FakeTimerBinding), its signing and device-auth file through hostDeps from the
// host's seeded identity and files. It records the same `client` trace events as the simulated ClientNode
// (connect-attempt, hello, connect-error, paused, reconnect-scheduled, closed, …), read from the wire and the
// client's callbacks, so invariants and reports work for both. Every call into it is a kernel event, so it only
// runs under the async loop (world.runForAsync). Not the loader, and it never copies the package's logic.
import { assert, type FakeTimerBinding, type Scheduler } from "../kernel/index.ts";
import type { Network, SimWebSocketClass } from "../net/index.ts";
import { kindDefaults, type ClientKind, type StoredDeviceTokens } from "../clients/index.ts";
import { identityFromPrng, signPayload, type DeviceIdentity } from "../crypto/index.ts";
import type { GatewayClientId, GatewayClientMode } from "../protocol/index.ts";
import type { DeviceAuthFile } from "./client-node.ts";
import { connectAttemptData, connectErrorData, helloData, pausedData, readRequestFrame, refusalOf } from "./real-client-observe.ts";
import type { RealConnectError, RealGatewayClient, RealGatewayClientHostDeps, RealGatewayClientModule, RealGatewayClientOptions } from "./real-client-types.ts";
import { bindDeviceAuthFile, deviceAuthChanges, deviceAuthFileText, deviceIdentityFileText, type DeviceAuthChange, type DeviceAuthFileAccess } from "./real-client-fs.ts";
import { bindNextWebSocket, createRealClientWsClass } from "./real-client-ws.ts";

/** The release's break-glass switch for plaintext ws:// to private hosts. */
const insecurePrivateWsVar = "OPENCLAW_ALLOW_INSECURE_PRIVATE_WS";

/** Log lines kept per real client (its logDebug/logError), newest last. */
export const realClientLogLinesMax = 200;

export interface RealClientSpec {
  readonly name: string;
  readonly host: string;
  /** Whose device-auth file it shares on the host (default "user"). */
  readonly user?: string;
  readonly url: string;
  /** The loaded package (sim/real-client/load.ts). */
  readonly module: RealGatewayClientModule;
  /** Sets the defaults (client id, mode, role, scopes, platform, version) as the simulated client does. */
  readonly kind?: Exclude<ClientKind, "control-ui">;
  /** null = device-less. */
  readonly identity: DeviceIdentity | null;
  /** CLI --token; becomes the real client's `token` (explicit wins over passive). */
  readonly explicitToken?: string;
  /** Token from config/env; becomes `token` when there is no explicit one. */
  readonly passiveToken?: string;
  readonly password?: string;
  readonly deviceToken?: string;
  readonly bootstrapToken?: string;
  /** Written into the host's device-auth file for this identity before the client starts. */
  readonly storedTokens?: StoredDeviceTokens;
  readonly clientId?: GatewayClientId;
  readonly mode?: GatewayClientMode;
  readonly role?: string;
  readonly scopes?: readonly string[];
  readonly platform?: string;
  readonly clientVersion?: string;
  /** OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1 on the client's host (default true, as for the simulated client).
   *  Releases before the client package read it from process.env, set around their `start`. */
  readonly allowInsecurePrivateWs?: boolean;
  /** The client's environment (default empty: nothing from this process leaks in). */
  readonly env?: Readonly<Record<string, string>>;
  /** Any other GatewayClient option, passed as is (timeouts, protocol bounds, tlsFingerprint, …). */
  readonly options?: Partial<RealGatewayClientOptions>;
  /** Start at once (as a kernel event at the current instant). Default true. */
  readonly start?: boolean;
}

export interface RealClientDeps {
  readonly scheduler: Scheduler;
  readonly network: Network<string>;
  readonly binding: FakeTimerBinding;
  readonly file: DeviceAuthFile;
}

export class RealClientNode {
  readonly name: string;
  readonly client: RealGatewayClient;
  /** Sockets opened (connect attempts, as the simulated client counts them). */
  attempts = 0;
  /** Reconnects scheduled since the last hello. */
  reconnects = 0;
  hellos = 0;
  connected = false;
  paused = false;
  readonly logs: string[] = [];
  private readonly wsClass: SimWebSocketClass;
  private readonly role: string;
  private lastStoredToken: string | undefined;
  private closing = 0;
  private readonly requestIds = new Map<string, string>();
  /** Releases before hostDeps: their device-auth file through node:fs (undefined for the client package). */
  private readonly fileAccess: DeviceAuthFileAccess | undefined;
  /** A device-less spec's identity file for releases that always load one (identityFileText). */
  private fileIdentity: DeviceIdentity | undefined;
  /** A close handler of this client set a timeout (its reconnect). */
  private reconnectScheduledInClose = false;
  private stopped = false;
  /** The detail code of the last connect error since the socket opened. */
  private lastDetailCode: string | null = null;
  private identityFileRead = false;

  constructor(
    private readonly deps: RealClientDeps,
    readonly spec: RealClientSpec,
  ) {
    this.name = spec.name;
    const defaults = kindDefaults[spec.kind ?? "cli"];
    this.role = spec.role ?? defaults.role;
    this.wsClass = createRealClientWsClass(
      { network: deps.network, fromHost: spec.host },
      {
        opened: () => this.onSocketOpened(),
        sent: (text) => this.onSent(text),
        beforeEvent: (event, args) => this.beforeSocketEvent(event, args),
        afterEvent: (event, args) => {
          if (event === "close") this.afterClose(args);
        },
      },
    );
    deps.binding.onTimerSet((set) => {
      if (this.closing > 0 && set.kind === "timeout") {
        this.reconnectScheduledInClose = true;
        this.record("reconnect-scheduled", { delayMs: set.delayMs, attempt: ++this.reconnects });
      }
    });
    if (spec.identity && spec.storedTokens) this.seedFile(spec.identity, spec.storedTokens);
    const options = this.clientOptions(defaults);
    this.fileAccess = spec.module.hostAccess === "node-fs" ? this.nodeFsAccess() : undefined;
    this.bindFile();
    this.client = deps.binding.during(() => new spec.module.GatewayClient(options));
    if (this.fileAccess) this.bindBeforeEachStart();
    if (spec.start !== false) this.start();
  }

  start(): void {
    this.inEvent("start", () => this.client.start());
  }

  stop(): void {
    this.inEvent("stop", () => {
      this.stopped = true;
      this.client.stop();
      this.record("stopped", { reason: "stop" });
    });
  }

  /** One request after hello; its answer is recorded as `rpc-result`. */
  call(method: string, params?: unknown): void {
    this.inEvent(`call ${method}`, () => {
      this.client.request(method, params).then(
        (payload) => this.record("rpc-result", { id: this.requestIds.get(method) ?? "", method, ok: true, payload }),
        (error: RealConnectError) => {
          const { code, message, details } = connectErrorData(error);
          this.record("rpc-result", { id: this.requestIds.get(method) ?? "", method, ok: false, error: { code, message, details } });
        },
      );
    });
  }

  /** The operator's view: the device-auth file this client reads and writes. */
  get file(): DeviceAuthFile {
    return this.deps.file;
  }

  private inEvent(label: string, run: () => void): void {
    this.deps.scheduler.schedule(0, { actor: this.name, label, traced: true }, () => {
      assert(this.deps.binding.entered, `real client ${this.name}: ${label} ran outside an async run (use world.runForAsync)`);
      this.deps.binding.syncNow();
      this.bindFile();
      run();
    });
  }

  private record(event: string, data: Record<string, unknown>): void {
    this.deps.scheduler.record(this.name, "client", { event, ...data });
  }

  private clientOptions(defaults: (typeof kindDefaults)[ClientKind]): RealGatewayClientOptions {
    const spec = this.spec;
    return {
      url: spec.url,
      token: spec.explicitToken ?? spec.passiveToken,
      password: spec.password,
      deviceToken: spec.deviceToken,
      bootstrapToken: spec.bootstrapToken,
      clientName: spec.clientId ?? defaults.clientId,
      mode: spec.mode ?? defaults.mode,
      clientVersion: spec.clientVersion ?? defaults.clientVersion,
      platform: spec.platform ?? defaults.platform,
      role: this.role,
      scopes: [...(spec.scopes ?? defaults.scopes)],
      caps: [...defaults.caps],
      ...(defaults.commands ? { commands: [...defaults.commands] } : {}),
      env: { ...spec.env },
      deviceIdentity: spec.identity ? { deviceId: spec.identity.deviceId, privateKeyPem: spec.identity.privateKeyPem, publicKeyPem: spec.identity.publicKeyPem } : null,
      hostDeps: this.hostDeps(),
      onHelloOk: (hello) => {
        this.hellos++;
        this.reconnects = 0;
        this.connected = true;
        this.paused = false;
        this.record("hello", helloData(hello, this.role));
      },
      onConnectError: (error) => {
        const data = connectErrorData(error);
        this.lastDetailCode = (data["detailCode"] as string | null) ?? null;
        this.record("connect-error", data);
        const refusal = refusalOf(error);
        if (refusal) this.record("refused", refusal);
      },
      onReconnectPaused: (info) => {
        this.paused = true;
        this.record("paused", pausedData(info));
      },
      onEvent: (event) => {
        if (event.event !== "tick") this.record("gateway-event", { event: event.event, payload: event.payload });
      },
      onGap: (gap) => this.record("gap", { expected: gap.expected, received: gap.received }),
      ...spec.options,
    };
  }

  private hostDeps(): RealGatewayClientHostDeps {
    const identity = this.spec.identity;
    const ownKey = (pem: string, which: "privateKeyPem" | "publicKeyPem") => {
      assert(identity !== null && pem === identity[which], `real client ${this.name}: asked to use a key that is not its identity's`);
      return identity;
    };
    return {
      loadOrCreateDeviceIdentity: () => undefined,
      signDevicePayload: (privateKeyPem, payload) => signPayload(ownKey(privateKeyPem, "privateKeyPem"), payload),
      publicKeyRawBase64UrlFromPem: (publicKeyPem) => ownKey(publicKeyPem, "publicKeyPem").publicKeyBase64Url,
      loadDeviceAuthToken: ({ deviceId, role }) => {
        const entry = this.deps.file.deviceId === deviceId ? this.deps.file.tokens[role] : undefined;
        this.lastStoredToken = entry?.token;
        return entry ? { token: entry.token, scopes: [...entry.scopes] } : null;
      },
      storeDeviceAuthToken: ({ deviceId, role, token, scopes }) => this.writeFile({ kind: "store", deviceId, role, token, scopes }),
      clearDeviceAuthToken: ({ deviceId, role }) => this.writeFile({ kind: "clear", deviceId, role }),
      beforeConnect: () => bindNextWebSocket(this.wsClass),
      logDebug: (message) => this.log(`debug ${message}`),
      logError: (message) => this.log(`error ${message}`),
    };
  }

  /**
   * A release without hostDeps opens its socket with no beforeConnect: every `start` (the first and each
   * reconnect, which calls `this.start()`) binds this client's socket class and device-auth file first.
   */
  private bindBeforeEachStart(): void {
    const client = this.client as RealGatewayClient & { start: () => void };
    const start = client.start.bind(client);
    client.start = () => {
      bindNextWebSocket(this.wsClass);
      this.bindFile();
      // These releases read the break-glass variable from process.env when they start a socket; the simulated
      // host's environment sets it as the simulated client assumes (ClientOptions.allowInsecurePrivateWs).
      const saved = process.env[insecurePrivateWsVar];
      if (this.spec.allowInsecurePrivateWs !== false) process.env[insecurePrivateWsVar] = "1";
      else delete process.env[insecurePrivateWsVar];
      try {
        start();
      } finally {
        if (saved === undefined) delete process.env[insecurePrivateWsVar];
        else process.env[insecurePrivateWsVar] = saved;
      }
    };
  }

  private bindFile(): void {
    if (this.fileAccess) bindDeviceAuthFile(this.fileAccess);
  }

  /**
   * The identity file a 2026.2.x client loads when it is given no identity (it has no device-less mode: a null
   * identity means "load or create the key pair on disk"): the given identity, or for a device-less spec one drawn
   * from the seed (the release would generate a random one). Recorded once as `identity-file`.
   */
  private identityFileText(): string {
    let identity = this.spec.identity;
    if (identity === null) {
      this.fileIdentity ??= identityFromPrng(this.deps.scheduler.stream(`real-client:${this.name}:identity-file`));
      identity = this.fileIdentity;
    }
    if (!this.identityFileRead) {
      this.identityFileRead = true;
      this.record("identity-file", { deviceId: identity.deviceId, drawn: this.spec.identity === null });
    }
    return deviceIdentityFileText(identity);
  }

  /** The host's device-auth file as node:fs text, for releases that read and write it themselves. */
  private nodeFsAccess(): DeviceAuthFileAccess {
    const file = this.deps.file;
    return {
      identityFile: {
        read: () => this.identityFileText(),
        write: (text) => assert(text === this.identityFileText(), `real client ${this.name} rewrote its identity file`),
        remove: () => assert(false, `real client ${this.name} removed its identity file`),
      },
      read: () => {
        const text = deviceAuthFileText(file);
        const entry = file.deviceId === (this.spec.identity ?? this.fileIdentity)?.deviceId ? file.readable()[this.role] : undefined;
        this.lastStoredToken = entry?.token;
        return text;
      },
      write: (text) => {
        const changes = deviceAuthChanges(file, text);
        assert(changes !== undefined, `real client ${this.name} wrote a device-auth file clawsim cannot read`);
        for (const change of changes) this.writeFile(change);
      },
      remove: () => {
        const deviceId = file.deviceId;
        if (deviceId !== undefined) for (const role of Object.keys(file.tokens)) this.writeFile({ kind: "clear", deviceId, role });
      },
    };
  }

  private log(line: string): void {
    this.logs.push(line);
    if (this.logs.length > realClientLogLinesMax) this.logs.shift();
  }

  private seedFile(identity: DeviceIdentity, tokens: StoredDeviceTokens): void {
    const file = this.deps.file;
    if (file.deviceId !== identity.deviceId) file.tokens = {};
    file.deviceId = identity.deviceId;
    file.tokens = { ...file.tokens, ...tokens };
  }

  private writeFile(change: DeviceAuthChange): void {
    const file = this.deps.file;
    if (change.kind === "store") {
      if (file.deviceId !== change.deviceId) file.tokens = {};
      file.deviceId = change.deviceId;
      file.tokens = { ...file.tokens, [change.role]: { token: change.token, scopes: [...change.scopes] } };
    } else if (file.deviceId === change.deviceId) {
      const { [change.role]: _gone, ...rest } = file.tokens;
      file.tokens = rest;
    }
    this.deps.scheduler.record(this.name, "host", { event: `device-auth.${change.kind}`, role: change.role });
    for (const reader of file.readers) reader.input({ kind: "device-auth-changed", storedTokens: file.tokens });
  }

  private onSocketOpened(): void {
    this.lastDetailCode = null;
    this.attempts++;
    this.connected = false;
  }

  private onSent(text: string): void {
    const frame = readRequestFrame(text);
    if (!frame) return;
    if (frame.method !== "connect") {
      this.requestIds.set(frame.method, frame.id);
      return;
    }
    const given = {
      explicitToken: this.spec.explicitToken,
      passiveToken: this.spec.passiveToken,
      deviceTokenOption: this.spec.deviceToken,
      storedToken: this.lastStoredToken,
    };
    this.record("connect-attempt", connectAttemptData(frame.params, this.attempts, given));
  }

  /**
   * After a close: a release without onReconnectPaused that scheduled no reconnect (and was not stopped) has
   * paused; record it as the 2026.9 client's callback would, marked inferred.
   */
  private afterClose(args: readonly unknown[]): void {
    this.closing--;
    if (this.spec.module.reportsPause !== false || this.stopped || this.paused || this.reconnectScheduledInClose) return;
    const [code, reason] = args;
    const closeCode = typeof code === "number" ? code : 1006;
    const reasonText = Buffer.isBuffer(reason) ? reason.toString("utf8") : String(reason ?? "");
    this.paused = true;
    this.record("paused", { ...pausedData({ code: closeCode, reason: reasonText, detailCode: this.lastDetailCode }), inferred: true });
  }

  private beforeSocketEvent(event: string, args: readonly unknown[]): void {
    this.deps.binding.syncNow();
    this.bindFile();
    if (event !== "close") return;
    const [code, reason] = args;
    this.connected = false;
    this.closing++;
    this.reconnectScheduledInClose = false;
    this.record("closed", { code: typeof code === "number" ? code : 1006, reason: Buffer.isBuffer(reason) ? reason.toString("utf8") : String(reason ?? "") });
  }
}
