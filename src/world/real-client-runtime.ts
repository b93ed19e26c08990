// A world's real clients and the one fake-timer binding they share: created on the first addRealClient, bound
// to that client's host clock (the process has one Date, so every real client of a world lives on one host),
// entered for the length of each async run. The world delegates here; see world.ts (addRealClient,
// runForAsync). Not the client itself: real-client-node.ts.
import { assert, FakeTimerBinding, type NodeClock, type RunOutcome, type Scheduler } from "../kernel/index.ts";
import type { Network } from "../net/index.ts";
import type { DeviceAuthFile } from "./client-node.ts";
import { RealClientNode, type RealClientSpec } from "./real-client-node.ts";
import { sqliteRefusalCount, sqliteRefusalsSince } from "./real-client-sqlite.ts";

export interface RealClientsDeps {
  readonly scheduler: Scheduler;
  readonly network: Network<string>;
  readonly clockOf: (host: string) => NodeClock;
  readonly deviceAuthFile: (host: string, user: string) => DeviceAuthFile;
}

/** Console lines kept per world (newest last). */
export const realClientConsoleLinesMax = 500;
const consoleMethods = ["log", "info", "warn", "error", "debug"] as const;

export class RealClients {
  readonly nodes = new Map<string, RealClientNode>();
  /**
   * What the real clients printed to the console during runs: releases before the client package log a failed
   * connect through their CLI runtime (console.error) besides their log file. Kept here, not printed.
   */
  readonly consoleLines: string[] = [];
  private binding: FakeTimerBinding | undefined;
  private host: string | undefined;

  constructor(private readonly deps: RealClientsDeps) {}

  add(spec: RealClientSpec): RealClientNode {
    assert(!this.nodes.has(spec.name), `a real client named ${spec.name} exists already`);
    assert(this.host === undefined || this.host === spec.host, `real clients of one world share one host (${this.host}), not ${spec.host}: the process has one Date`);
    this.host = spec.host;
    const clock = this.deps.clockOf(spec.host);
    this.binding ??= new FakeTimerBinding({
      scheduler: this.deps.scheduler,
      wallClock: clock,
      actor: `real-clients@${spec.host}`,
      random: this.deps.scheduler.stream("real-clients:math-random"),
      uuid: this.deps.scheduler.stream("real-clients:random-uuid"),
    });
    const node = new RealClientNode(
      { scheduler: this.deps.scheduler, network: this.deps.network, binding: this.binding, file: this.deps.deviceAuthFile(spec.host, spec.user ?? "user") },
      spec,
    );
    this.nodes.set(spec.name, node);
    return node;
  }

  get(name: string): RealClientNode {
    const node = this.nodes.get(name);
    if (!node) throw new Error(`no real client named ${name}`);
    return node;
  }

  /** Runs the scheduler's async loop with the real clients' fake globals installed, restored after. */
  async run(loop: () => Promise<RunOutcome>): Promise<RunOutcome> {
    const binding = this.binding;
    if (!binding) return loop();
    binding.enter();
    const sqliteRefusalsBefore = sqliteRefusalCount();
    const saved = consoleMethods.map((m) => console[m]);
    for (const m of consoleMethods) {
      console[m] = (...args: unknown[]) => {
        this.consoleLines.push(`${m} ${args.map(String).join(" ")}`);
        if (this.consoleLines.length > realClientConsoleLinesMax) this.consoleLines.shift();
      };
    }
    let outcome: RunOutcome;
    try {
      outcome = await loop();
    } finally {
      consoleMethods.forEach((m, i) => (console[m] = saved[i]!));
      binding.exit();
    }
    const refused = sqliteRefusalsSince(sqliteRefusalsBefore);
    assert(refused.length === 0, `a real client reached the fake node:sqlite with something it does not support: ${refused[0]}`);
    return outcome;
  }

  /** Fake timers the real clients still have pending (0 once they are stopped and settled). */
  pendingTimers(): number {
    return this.binding?.pendingTimers() ?? 0;
  }
}
