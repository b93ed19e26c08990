// Runs the gateway reducer on a simulated host: network events in, outputs carried to sockets and timers.
// Crash and restart rebuild the reducer from the persisted pairing store, as a real process restart would.
import type { NodeClock, Prng, Scheduler } from "../kernel/index.ts";
import { assert, Dict } from "../kernel/index.ts";
import type { Bind, ListenHandle, Network, ServerSocket, UpgradeVerdict } from "../net/index.ts";
import {
  createGatewayState,
  emptyBootstrapStore,
  emptyNodePairingStore,
  gatewayStep,
  type BootstrapStore,
  type GatewayInput,
  type GatewayOutput,
  type GatewayRuntimeConfig,
  type GatewayState,
  type NodePairingStore,
  type PairingStore,
} from "../gateway/index.ts";
import type { GatewaySwitches } from "../profiles/index.ts";
import { KeyedTimers } from "./timers.ts";

export interface GatewayNodeOptions {
  name: string;
  host: string;
  port: number;
  switches: GatewaySwitches;
  config: GatewayRuntimeConfig;
  /** Which addresses it listens on: "all" (default), "loopback", or one address of the host. */
  bind?: Bind;
  /** The host's wall clock (shared by everything on that host). */
  clockOf: () => NodeClock;
  store?: PairingStore;
  /** The host's bootstrap-token file (shared with the machine that issues setup codes). */
  bootstrap?: BootstrapStore;
}

export class GatewayNode {
  readonly name: string;
  readonly clock: NodeClock;
  state: GatewayState;
  /** What is on disk: survives crash/restart. */
  persisted: PairingStore | undefined;
  /** `devices/bootstrap.json` on this host: every process reads it afresh, so crash/restart keep it. */
  readonly bootstrapFile: BootstrapStore;
  /** `nodes/` pairing files on this host (in 2026.9 the device rows' node surfaces): crash/restart keep them. */
  readonly nodesFile: NodePairingStore = emptyNodePairingStore();
  running = false;
  /** A config written for the next start that the running process has not read (a deferred restart). */
  private onDisk: GatewayRuntimeConfig | undefined;
  private readonly prng: Prng;
  private readonly sockets = new Dict<ServerSocket<string>>();
  private readonly preOpen = new Dict<GatewayOutput[]>();
  private readonly timers: KeyedTimers;
  private listenHandle: ListenHandle | undefined;
  /** Stopped but its port still bound until every peer acked the close (or the drain timeout). */
  draining = false;
  /** A supervisor (systemd Restart=always) restarts the process this long after it dies on its own. */
  private supervisor: { restartSecMs: number; respawnsLeft: number } | undefined;
  /**
   * Set when a machine launched this process (world/machine-node.ts): starting it again goes through the machine,
   * which reads the config file afresh and runs the release's start checks and token bootstrap, as a real start
   * does. `inProcess` keeps the process environment (a SIGUSR1-style restart); a supervisor's respawn is a new process.
   */
  relaunch: ((inProcess: boolean) => void) | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly network: Network<string>,
    private readonly options: GatewayNodeOptions,
  ) {
    this.name = options.name;
    this.clock = options.clockOf();
    this.prng = scheduler.stream(`gateway:${options.name}`);
    this.persisted = options.store;
    this.bootstrapFile = options.bootstrap ?? emptyBootstrapStore();
    this.timers = new KeyedTimers(scheduler, this.name, (key) => this.input({ kind: "timer", key }));
    this.state = this.freshState(options.config);
  }

  private freshState(config: GatewayRuntimeConfig): GatewayState {
    return createGatewayState({ switches: this.options.switches, config, store: this.persisted, bootstrap: this.bootstrapFile, nodes: this.nodesFile, startedAtMs: this.clock.nowMs() });
  }

  start(config?: GatewayRuntimeConfig): void {
    if (this.running) return;
    this.state = this.freshState(config ?? this.onDisk ?? this.state.config);
    this.onDisk = undefined;
    this.running = true;
    const listening = this.network.listen({
      host: this.options.host,
      port: this.options.port,
      bind: this.options.bind ?? "all",
      listener: {
        onUpgrade: (req) => this.onUpgrade(req.connId, req.remoteAddress, req.headers),
        onOpen: (socket) => this.onOpen(socket),
        onMessage: (socket, text) => this.input({ kind: "frame", connId: socket.connId, text }),
        onClose: (socket, code, reason) => {
          this.sockets.delete(socket.connId);
          if (this.draining && this.sockets.size === 0) return this.finishDrain("drained");
          this.input({ kind: "closed", connId: socket.connId, code, reason });
        },
      },
    });
    if (listening.kind !== "listening") {
      // EADDRINUSE: the process exits at once (a supervisor may try again later).
      this.running = false;
      this.scheduler.record(this.name, "gateway", { event: "process.start-failed", port: this.options.port, reason: "EADDRINUSE" });
      this.respawnLater("start-failed");
      return;
    }
    this.listenHandle = listening.handle;
    this.scheduler.record(this.name, "gateway", { event: "process.start", port: this.options.port });
    this.input({ kind: "start" });
  }

  /** systemd's Restart=always: after a crash or a failed start, start again `restartSecMs` later. */
  supervise(options: { restartSecMs: number; respawnCountMax: number }): void {
    assert(options.restartSecMs >= 0 && options.respawnCountMax >= 0, "bad supervisor options");
    this.supervisor = { restartSecMs: options.restartSecMs, respawnsLeft: options.respawnCountMax };
  }

  private respawnLater(why: string): void {
    const sup = this.supervisor;
    if (!sup || sup.respawnsLeft <= 0) return;
    sup.respawnsLeft--;
    this.scheduler.record(this.name, "gateway", { event: "supervisor.respawn-scheduled", why, afterMs: sup.restartSecMs });
    this.scheduler.schedule(sup.restartSecMs, { actor: this.name, label: "respawn", traced: true }, () => this.startAgain(false));
  }

  /** Killed by a fault (not stopped): a supervisor brings it back. */
  crashSupervised(): void {
    if (!this.running) return;
    this.crash();
    this.respawnLater("crash");
  }

  /**
   * Graceful stop whose port stays bound until every peer acked the 1012 close (a peer that never does holds it
   * for `drainMsMax`, then its socket is destroyed); a start meanwhile fails with EADDRINUSE.
   */
  stopDraining(reason: string, drainMsMax: number): void {
    if (!this.running) return;
    this.input({ kind: "shutdown", reason });
    this.running = false;
    this.timers.cancelAll();
    this.draining = true;
    this.scheduler.record(this.name, "gateway", { event: "process.draining", sockets: this.sockets.size, drainMsMax });
    if (this.sockets.size === 0) return this.finishDrain("drained");
    this.scheduler.schedule(drainMsMax, { actor: this.name, label: "drain-timeout", traced: true }, () => this.finishDrain("timeout"));
  }

  private finishDrain(how: "drained" | "timeout"): void {
    if (!this.draining) return;
    this.draining = false;
    this.scheduler.record(this.name, "gateway", { event: "process.exit", how, sockets: this.sockets.size });
    if (this.listenHandle !== undefined) this.network.unlisten(this.listenHandle);
    this.listenHandle = undefined;
    for (const socket of this.sockets.values()) socket.terminate();
    this.sockets.clear();
    this.preOpen.clear();
  }

  /** SIGKILL: sockets reset (peers see 1006), timers gone, memory lost; the pairing store on disk stays. */
  crash(): void {
    if (!this.running) return;
    this.running = false;
    this.timers.cancelAll();
    if (this.listenHandle !== undefined) this.network.unlisten(this.listenHandle);
    this.listenHandle = undefined;
    for (const socket of this.sockets.values()) socket.terminate();
    this.sockets.clear();
    this.preOpen.clear();
    this.scheduler.record(this.name, "gateway", { event: "process.crash" });
  }

  /** Graceful stop (systemd restart): shutdown event, close 1012, then the process exits. */
  stop(reason = "service restart", restartExpectedMs?: number): void {
    if (!this.running) return;
    this.input({ kind: "shutdown", reason, restartExpectedMs });
    this.crash();
  }

  restart(config?: GatewayRuntimeConfig, downMs = 0): void {
    this.stop("service restart", downMs);
    this.scheduler.schedule(downMs, { actor: this.name, label: "restart", traced: true }, () => (config === undefined ? this.startAgain(true) : this.start(config)));
  }

  /** Start the process again with what it would read at a real start (through its machine when it has one). */
  startAgain(inProcess: boolean): void {
    if (this.relaunch) this.relaunch(inProcess);
    else this.start();
  }

  /** The config file changed under a running gateway (hot reload of the shared secret). */
  sharedSecretChanged(token: string | undefined, password: string | undefined): void {
    if (this.running) this.input({ kind: "shared-secret-changed", token, password });
  }

  /**
   * The shared secret written (a `config.set`) while the restart that would read it is deferred (agent runs in
   * flight): the running process keeps its auth snapshot for new handshakes, the next start reads the new one.
   */
  sharedSecretChangedRestartDeferred(token: string | undefined, password: string | undefined): void {
    this.onDisk = { ...(this.onDisk ?? this.state.config), auth: { ...(this.onDisk ?? this.state.config).auth, token, password } };
    if (this.running) this.input({ kind: "shared-secret-changed", token, password, restartDeferred: true });
  }

  /** The config watcher's hot path: non-secret keys take effect without a restart. */
  reloadConfig(config: GatewayRuntimeConfig, paths: readonly string[]): void {
    if (this.running) this.input({ kind: "config-reloaded", config, paths });
  }

  private onUpgrade(netConnId: string, remoteAddress: string, headers: Readonly<Record<string, string>>): UpgradeVerdict {
    // A draining server no longer upgrades (its WebSocket server is closed while the port is still bound).
    if (!this.running) return { kind: "refuse", status: 503, body: "" };
    const connId = netConnId;
    const outputs = this.step({ kind: "upgrade", connId, request: { remoteAddress, headers: { ...headers } } });
    const refuse = outputs.find((o) => o.kind === "upgrade-refuse");
    if (refuse && refuse.kind === "upgrade-refuse") return { kind: "refuse", status: refuse.status, body: refuse.body };
    this.preOpen.set(netConnId, outputs.filter((o) => o.kind !== "upgrade-accept"));
    return { kind: "accept" };
  }

  private onOpen(socket: ServerSocket<string>): void {
    this.sockets.set(socket.connId, socket);
    const pending = this.preOpen.get(socket.connId) ?? [];
    this.preOpen.delete(socket.connId);
    this.apply(pending);
  }

  private input(input: GatewayInput): void {
    if (!this.running) return;
    this.apply(this.step(input));
  }

  private step(input: GatewayInput): GatewayOutput[] {
    return gatewayStep(this.state, input, { nowMs: this.clock.nowMs(), prng: this.prng });
  }

  private apply(outputs: readonly GatewayOutput[]): void {
    for (const out of outputs) {
      switch (out.kind) {
        case "upgrade-accept":
        case "upgrade-refuse":
          break;
        case "send":
          this.sockets.get(out.connId)?.send(out.text);
          break;
        case "close":
          this.sockets.get(out.connId)?.close(out.code, out.reason);
          break;
        case "set-max-payload":
          this.sockets.get(out.connId)?.setMaxPayload(out.bytes);
          break;
        case "timer-set":
          this.timers.set(out.key, out.delayMs);
          break;
        case "timer-cancel":
          this.timers.cancel(out.key);
          break;
        case "persist":
          this.persisted = out.store;
          break;
        case "log":
          this.scheduler.record(this.name, "gateway", { event: out.event, ...out.data });
          break;
      }
    }
  }
}
