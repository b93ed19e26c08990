// Runs a client reducer on a simulated host: its socket on the network, its timers on the scheduler, its
// device-auth file in the host's files (shared by the clients of one user on one host).
import type { NodeClock, Prng, Scheduler } from "../kernel/index.ts";
import type { Network, SocketEnd } from "../net/index.ts";
import { clientStep, createClientState, type ClientInput, type ClientOptions, type ClientOutput, type ClientState, type StoredDeviceTokens } from "../clients/index.ts";
import { KeyedTimers } from "./timers.ts";

/** A user's device-auth file (`~/.openclaw/identity/device-auth.json`): role → token, shared on one host. */
export class DeviceAuthFile {
  tokens: Record<string, { token: string; scopes: readonly string[] }> = {};
  deviceId: string | undefined;
  readonly readers = new Set<ClientNode>();
  /** Unparseable on disk: a reader sees no store (loadDeviceAuthStore → null); the next write replaces it. */
  corrupt = false;
  /** The scenario's pre-seeded tokens (ClientOptions.storedTokens) no longer stand for the file's content:
   *  it was written, deleted or corrupted since. */
  seedDropped = false;
  /** Token writes per role (a reissued token is a second write). */
  readonly writes = new Map<string, number>();

  /** What a reader gets: nothing when the file is corrupt. */
  readable(): Record<string, { token: string; scopes: readonly string[] }> {
    return this.corrupt ? {} : this.tokens;
  }

  /** Writes the role's token; a file of another device (or a corrupt one) starts over. */
  store(deviceId: string, role: string, token: string, scopes: readonly string[]): void {
    if (this.deviceId !== deviceId || this.corrupt) this.tokens = {};
    this.corrupt = false;
    this.seedDropped = true;
    this.deviceId = deviceId;
    this.tokens = { ...this.tokens, [role]: { token, scopes } };
    this.writes.set(role, (this.writes.get(role) ?? 0) + 1);
  }
}

export class ClientNode {
  readonly name: string;
  readonly state: ClientState;
  private readonly prng: Prng;
  private readonly timers: KeyedTimers;
  private socket: SocketEnd<string> | undefined;
  private generation = 0;
  /** Force-stopped (SIGKILL): no further input is processed; a relaunch builds a new node. */
  killed = false;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly network: Network<string>,
    readonly options: { name: string; host: string; clock: NodeClock; client: ClientOptions; file: DeviceAuthFile },
  ) {
    this.name = options.name;
    this.prng = scheduler.stream(`client:${options.name}`);
    this.timers = new KeyedTimers(scheduler, this.name, (key) => this.input({ kind: "timer", key }));
    const file = options.file;
    const identityId = options.client.identity?.deviceId;
    const stored = file.deviceId === undefined || file.deviceId === identityId ? (file.readable() as StoredDeviceTokens) : {};
    this.state = createClientState({ ...options.client, storedTokens: { ...stored, ...(options.client.storedTokens ?? {}) }, storedTokensDeviceId: identityId });
    file.readers.add(this);
  }

  start(): void {
    this.input({ kind: "start" });
  }

  stop(): void {
    this.input({ kind: "stop" });
  }

  call(method: string, params?: unknown): void {
    this.input({ kind: "call", method, params });
  }

  credentialsChanged(change: { explicitToken?: string | null; passiveToken?: string | null; password?: string | null }): void {
    this.scheduler.record(this.name, "client", { event: "credentials-changed", fields: Object.keys(change) });
    this.input({ kind: "credentials-changed", ...change } as ClientInput);
  }

  /** SIGKILL: the socket is reset (the gateway sees 1006), timers vanish, nothing else runs. */
  kill(): void {
    if (this.killed) return;
    this.killed = true;
    this.generation++;
    this.socket?.terminate();
    this.socket = undefined;
    this.timers.cancelAll();
    this.options.file.readers.delete(this);
  }

  input(input: ClientInput): void {
    if (this.killed) return;
    const outputs = clientStep(this.state, input, { nowMs: this.options.clock.nowMs(), prng: this.prng });
    this.apply(outputs);
  }

  private connect(url: string, headers: Record<string, string>): void {
    const generation = ++this.generation;
    const live = () => generation === this.generation;
    this.socket = this.network.connect({
      fromHost: this.options.host,
      url,
      headers,
      callbacks: {
        onOpen: () => live() && this.input({ kind: "ws-open" }),
        onMessage: (text) => live() && this.input({ kind: "ws-message", text }),
        onUnexpectedResponse: (status, body) => live() && this.input({ kind: "ws-unexpected-response", status, body }),
        onError: (error) => live() && this.input({ kind: "ws-error", message: `${error.code}: ${error.message}` }),
        onClose: (code, reason) => {
          if (!live()) return;
          this.socket = undefined;
          this.input({ kind: "ws-close", code, reason });
        },
      },
    });
  }

  private apply(outputs: readonly ClientOutput[]): void {
    for (const out of outputs) {
      switch (out.kind) {
        case "ws-connect":
          this.connect(out.url, out.headers);
          break;
        case "ws-send":
          this.socket?.send(out.text);
          break;
        case "ws-close":
          if (this.socket) this.socket.close(out.code, out.reason);
          else this.scheduler.schedule(0, { actor: this.name, label: "closed-already" }, () => this.input({ kind: "ws-close", code: out.code, reason: out.reason }));
          break;
        case "ws-terminate":
          this.socket?.terminate();
          break;
        case "timer-set":
          this.timers.set(out.key, out.delayMs);
          break;
        case "timer-cancel":
          this.timers.cancel(out.key);
          break;
        case "store-device-token":
        case "clear-device-token":
          this.updateFile(out);
          break;
        case "event":
          // The event name wins over a payload field of the same name (gateway-event payloads carry their own `event`).
          this.scheduler.record(this.name, "client", { ...(out.data as Record<string, unknown>), event: out.name });
          break;
      }
    }
  }

  private updateFile(out: Extract<ClientOutput, { kind: "store-device-token" | "clear-device-token" }>): void {
    const file = this.options.file;
    if (out.kind === "store-device-token") {
      file.store(out.deviceId, out.role, out.token, out.scopes);
    } else if (file.deviceId === out.deviceId) {
      const { [out.role]: _gone, ...rest } = file.tokens;
      file.tokens = rest;
    }
    this.scheduler.record(this.name, "host", { event: `device-auth.${out.kind === "store-device-token" ? "store" : "clear"}`, role: out.role });
    for (const reader of file.readers) {
      if (reader !== this) reader.input({ kind: "device-auth-changed", storedTokens: file.readable() } as ClientInput);
    }
  }
}
