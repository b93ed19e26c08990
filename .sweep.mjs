// src/kernel/assert.ts
var AssertionFailure = class extends Error {
  name = "AssertionFailure";
};
function assert(condition, message) {
  if (!condition) throw new AssertionFailure(message);
}
function assertionFailed(message) {
  throw new AssertionFailure(message);
}
function assertNever(value, what = "value") {
  throw new AssertionFailure(`unexpected ${what}: ${JSON.stringify(value)}`);
}
var ScenarioInputError = class extends Error {
  name = "ScenarioInputError";
};

// src/kernel/clock.ts
var epochMsDefault = Date.UTC(2026, 2, 1);
var VirtualClock = class {
  constructor(epochMs = epochMsDefault) {
    this.epochMs = epochMs;
  }
  epochMs;
  current = 0;
  /** Virtual milliseconds since the run started. */
  nowMs() {
    return this.current;
  }
  /** Only the scheduler calls this. Time never goes backwards. */
  advanceTo(atMs) {
    if (!Number.isInteger(atMs)) assertionFailed(`virtual time must be an integer, got ${atMs}`);
    if (atMs < this.current) assertionFailed(`time cannot go back (${atMs} < ${this.current})`);
    this.current = atMs;
  }
};
var NodeClock = class {
  constructor(clock, options = {}) {
    this.clock = clock;
    this.offsetMs = options.offsetMs ?? 0;
    this.driftPpm = options.driftPpm ?? 0;
    this.driftSinceMs = clock.nowMs();
    assert(Number.isInteger(this.offsetMs), "clock offset must be an integer");
  }
  clock;
  offsetMs;
  driftPpm;
  driftSinceMs;
  driftAccumulatedMs = 0;
  /** The node's wall-clock reading in epoch milliseconds (what its Date.now() would say). */
  nowMs() {
    return this.clock.epochMs + this.clock.nowMs() + this.offsetMs + this.driftMs();
  }
  /** Step the clock by deltaMs (NTP step, VM resume, operator mistake). */
  jump(deltaMs) {
    assert(Number.isInteger(deltaMs), "clock jump must be an integer");
    this.offsetMs += deltaMs;
  }
  setDrift(driftPpm) {
    this.driftAccumulatedMs = this.driftMs();
    this.driftSinceMs = this.clock.nowMs();
    this.driftPpm = driftPpm;
  }
  /** Offset from true wall time right now (offset + drift so far). */
  skewMs() {
    return this.offsetMs + this.driftMs();
  }
  driftMs() {
    const elapsed = this.clock.nowMs() - this.driftSinceMs;
    return this.driftAccumulatedMs + Math.trunc(elapsed * this.driftPpm / 1e6);
  }
};

// src/kernel/dict.ts
var Dict = class {
  entries = /* @__PURE__ */ Object.create(null);
  count = 0;
  get size() {
    return this.count;
  }
  get(key) {
    return this.entries[key];
  }
  has(key) {
    return this.entries[key] !== void 0;
  }
  /**
   * Adds or replaces; `value` must not be undefined. A key must not start with a digit: an object lists
   * array-index keys first, and iteration here must be in insertion order, as a Map's is.
   */
  set(key, value) {
    const code = key.charCodeAt(0);
    assert(!(code >= 48 && code <= 57) && value !== void 0, "a dict key starts with a non-digit and its value is defined");
    if (this.entries[key] === void 0) this.count++;
    this.entries[key] = value;
  }
  delete(key) {
    if (this.entries[key] === void 0) return false;
    delete this.entries[key];
    this.count--;
    return true;
  }
  clear() {
    this.entries = /* @__PURE__ */ Object.create(null);
    this.count = 0;
  }
  /** In insertion order (a key deleted and set again counts as new), as a Map's forEach. Deleting while iterating is allowed. */
  forEach(visit) {
    for (const key in this.entries) {
      const value = this.entries[key];
      if (value !== void 0) visit(value, key);
    }
  }
  /** The values in insertion order, as an array (a snapshot). */
  values() {
    const out = [];
    for (const key in this.entries) out.push(this.entries[key]);
    return out;
  }
};

// src/kernel/fake-timers.ts
import FakeTimers from "@sinonjs/fake-timers";
import nodeCrypto from "node:crypto";
import { syncBuiltinESMExports } from "node:module";

// src/kernel/ids.ts
var hexByte = Array.from({ length: 256 }, (_, x) => x.toString(16).padStart(2, "0"));
function uuidV4(prng) {
  const w0 = prng.nextU32();
  const w1 = prng.nextU32();
  const w2 = prng.nextU32();
  const w3 = prng.nextU32();
  const h = (word, j) => hexByte[word >>> 8 * j & 255];
  const version = hexByte[w1 >>> 16 & 15 | 64];
  const variant = hexByte[w2 & 63 | 128];
  return [h(w0, 0) + h(w0, 1) + h(w0, 2) + h(w0, 3), h(w1, 0) + h(w1, 1), version + h(w1, 3), variant + h(w2, 1), h(w2, 2) + h(w2, 3) + h(w3, 0) + h(w3, 1) + h(w3, 2) + h(w3, 3)].join("-");
}
function base64Url(bytes) {
  return Buffer.from(bytes).toString("base64url");
}
function randomToken(prng, byteLength = 32) {
  return base64Url(prng.bytes(byteLength));
}

// src/kernel/fake-timers.ts
var fakeTimerLoopLimit = 1e4;
var u32Range = 4294967296;
var fakeTimers = FakeTimers.withGlobal(globalThis);
var active;
var FakeTimerBinding = class {
  constructor(options) {
    this.options = options;
    this.clock = fakeTimers.createClock(options.wallClock.nowMs(), fakeTimerLoopLimit);
    this.lastVirtualMs = options.scheduler.nowMs();
    this.randomUuid = () => uuidV4(options.uuid);
    this.mathRandom = () => options.random.nextU32() / u32Range;
    const fakeDate = this.clock.Date;
    const fakeNow = fakeDate.now.bind(fakeDate);
    fakeDate.now = () => {
      this.syncNow();
      return fakeNow();
    };
    this.fakes = {
      setTimeout: (callback, delay, ...args) => this.set("timeout", callback, delay, args),
      setInterval: (callback, delay, ...args) => this.set("interval", callback, delay, args),
      clearTimeout: (id) => this.clear("timeout", id),
      clearInterval: (id) => this.clear("interval", id)
    };
  }
  options;
  clock;
  fakes;
  observers = [];
  randomUuid;
  mathRandom;
  lastVirtualMs;
  depth = 0;
  saved;
  armed;
  firing = false;
  /** Installs the fake globals (re-entrant). Asserts no other binding is installed. */
  enter() {
    assert(active === void 0 || active === this, "another fake-timer binding is entered: one real-client world at a time");
    if (this.depth++ > 0) return;
    active = this;
    this.syncNow();
    const g = globalThis;
    this.saved = {
      setTimeout: g["setTimeout"],
      clearTimeout: g["clearTimeout"],
      setInterval: g["setInterval"],
      clearInterval: g["clearInterval"],
      Date: globalThis.Date,
      random: Math.random,
      randomUUID: nodeCrypto.randomUUID
    };
    Object.assign(g, this.fakes);
    g["Date"] = this.clock.Date;
    Math.random = this.mathRandom;
    nodeCrypto.randomUUID = this.randomUuid;
    syncBuiltinESMExports();
  }
  /** Restores the real globals when the outermost enter is left. */
  exit() {
    assert(this.depth > 0 && active === this, "fake-timer binding exited more often than entered");
    if (--this.depth > 0) return;
    const saved = this.saved;
    const g = globalThis;
    g["setTimeout"] = saved.setTimeout;
    g["clearTimeout"] = saved.clearTimeout;
    g["setInterval"] = saved.setInterval;
    g["clearInterval"] = saved.clearInterval;
    g["Date"] = saved.Date;
    Math.random = saved.random;
    nodeCrypto.randomUUID = saved.randomUUID;
    syncBuiltinESMExports();
    this.saved = void 0;
    active = void 0;
  }
  /** Runs `fn` entered (for synchronous calls into the code, e.g. constructing it). */
  during(fn) {
    this.enter();
    try {
      return fn();
    } finally {
      this.exit();
    }
  }
  get entered() {
    return this.depth > 0;
  }
  /** The fake clock's reading (the code's Date.now()), synced to virtual time. */
  nowMs() {
    this.syncNow();
    return this.clock.now;
  }
  /** Fake timers still pending. */
  pendingTimers() {
    return this.timerMap().size;
  }
  /** Learns of every fake setTimeout/setInterval call (after the timer exists). */
  onTimerSet(observer) {
    this.observers.push(observer);
    return () => {
      const at = this.observers.indexOf(observer);
      if (at >= 0) this.observers.splice(at, 1);
    };
  }
  /**
   * Brings the fake clock to the present: virtual time that passed moves "now" without firing anything (each
   * due timer has its own kernel event), then a wall-clock jump or drift moves Date without moving timers.
   */
  syncNow() {
    const virtualMs = this.options.scheduler.nowMs();
    if (virtualMs > this.lastVirtualMs) {
      this.clock.now += virtualMs - this.lastVirtualMs;
      this.lastVirtualMs = virtualMs;
    }
    const wallMs2 = this.options.wallClock.nowMs();
    if (wallMs2 !== this.clock.now) this.clock.setSystemTime(wallMs2);
    const next = this.nextCallAt();
    assert(next === void 0 || next >= this.clock.now, "a fake timer is overdue: virtual time passed it without firing it");
  }
  /** Drops every pending fake timer and its kernel event (the code's process is gone). */
  dispose() {
    for (const [id, timer2] of [...this.timerMap()]) {
      if (timer2.type === "Interval") this.clock.clearInterval(id);
      else this.clock.clearTimeout(id);
    }
    this.disarm();
  }
  set(kind, callback, delay, args) {
    this.syncNow();
    const delayMs = typeof delay === "number" && Number.isFinite(delay) ? delay : 0;
    const id = kind === "timeout" ? this.clock.setTimeout(callback, delayMs, ...args) : this.clock.setInterval(callback, delayMs, ...args);
    for (const observer of this.observers.slice()) observer({ kind, delayMs });
    this.arm();
    return id;
  }
  clear(kind, id) {
    if (id === void 0 || id === null) return;
    if (kind === "timeout") this.clock.clearTimeout(id);
    else this.clock.clearInterval(id);
    this.arm();
  }
  timerMap() {
    const timers = this.clock.timers;
    if (timers === void 0) return /* @__PURE__ */ new Map();
    assert(timers instanceof Map, "@sinonjs/fake-timers changed its timer store (expected a Map of timers)");
    return timers;
  }
  nextCallAt() {
    let next;
    for (const timer2 of this.timerMap().values()) if (next === void 0 || timer2.callAt < next) next = timer2.callAt;
    return next;
  }
  /** Keeps exactly one kernel event, at the virtual time of the earliest fake timer. */
  arm() {
    if (this.firing) return;
    const next = this.nextCallAt();
    if (next === void 0) return this.disarm();
    const scheduler = this.options.scheduler;
    const atMs = scheduler.nowMs() + (next - this.clock.now);
    if (this.armed?.atMs === atMs && scheduler.isPending(this.armed.id)) return;
    this.disarm();
    const id = scheduler.scheduleAt(atMs, { actor: this.options.actor, label: "fake-timers", traced: true }, () => this.fire());
    this.armed = { atMs, id };
  }
  disarm() {
    if (this.armed) this.options.scheduler.cancel(this.armed.id);
    this.armed = void 0;
  }
  /** Synchronous up to the tick, so firing outside an entered async run fails where it happens. */
  fire() {
    this.armed = void 0;
    assert(this.entered, "a fake timer came due outside an async run: use runUntilAsync/runForAsync");
    this.syncNow();
    return this.tick();
  }
  async tick() {
    this.firing = true;
    try {
      await this.clock.tickAsync(0);
    } finally {
      this.firing = false;
    }
    this.arm();
  }
};

// src/kernel/id-table.ts
var capacityInitial = 64;
var IdTable = class {
  /** 0 marks an empty slot (ids are ≥ 1). */
  keys = new Float64Array(capacityInitial);
  vals = new Array(capacityInitial).fill(void 0);
  shift = 32 - Math.log2(capacityInitial);
  count = 0;
  get size() {
    return this.count;
  }
  /** Fibonacci hashing: the top bits of id × 2^32/φ (ids are consecutive integers, so the low bits alone would cluster). */
  home(id) {
    return Math.imul(id, 2654435761) >>> this.shift;
  }
  get(id) {
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = this.home(id); ; i = i + 1 & mask) {
      const k = keys[i];
      if (k === id) return this.vals[i];
      if (k === 0) return void 0;
    }
  }
  has(id) {
    return this.get(id) !== void 0;
  }
  /** Adds or replaces; `value` must not be undefined. */
  set(id, value) {
    assert(Number.isSafeInteger(id) && id >= 1 && value !== void 0, "an id table holds positive integer ids and defined values");
    if (2 * (this.count + 1) > this.keys.length) this.grow();
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let i = this.home(id); ; i = i + 1 & mask) {
      const k = keys[i];
      if (k === id) {
        this.vals[i] = value;
        return;
      }
      if (k === 0) {
        keys[i] = id;
        this.vals[i] = value;
        this.count++;
        return;
      }
    }
  }
  /** Removes `id`; true if it was there. Later entries of its probe run shift back (no tombstones). */
  delete(id) {
    if (id < 1) return false;
    const keys = this.keys;
    const vals = this.vals;
    const mask = keys.length - 1;
    let i = this.home(id);
    for (; ; i = i + 1 & mask) {
      const k = keys[i];
      if (k === id) break;
      if (k === 0) return false;
    }
    for (let j = i + 1 & mask; ; j = j + 1 & mask) {
      const k = keys[j];
      if (k === 0) break;
      const h = this.home(k);
      const stays = i <= j ? i < h && h <= j : i < h || h <= j;
      if (stays) continue;
      keys[i] = k;
      vals[i] = vals[j];
      i = j;
    }
    keys[i] = 0;
    vals[i] = void 0;
    this.count--;
    return true;
  }
  /** A snapshot of the values, in slot order (fixed by the ids present, not by insertion). */
  values() {
    const out = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) out.push(this.vals[i]);
    return out;
  }
  grow() {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const capacity = oldKeys.length * 2;
    this.keys = new Float64Array(capacity);
    this.vals = new Array(capacity).fill(void 0);
    this.shift--;
    this.count = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== 0) this.set(oldKeys[i], oldVals[i]);
  }
};

// src/kernel/json.ts
function parseJsonObject(text5) {
  let parsed;
  try {
    parsed = JSON.parse(text5);
  } catch {
    return void 0;
  }
  return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : void 0;
}

// src/kernel/limits.ts
var stepsMaxDefault = 2e5;
var virtualTimeMsMaxDefault = 60 * 60 * 1e3;
var connectionsMaxDefault = 1e5;
var settleRoundsMax = 64;
var traceEventsMax = 2e6;
var queueLengthMax = 1e6;
var queueLengthHardMax = 4 * queueLengthMax;
assert(stepsMaxDefault > 0 && virtualTimeMsMaxDefault > 0, "budgets must be positive");
assert(traceEventsMax >= stepsMaxDefault, "the trace must hold at least one event per step");

// src/kernel/prng.ts
import { createHash } from "node:crypto";
var Prng = class _Prng {
  constructor(seed, name) {
    this.seed = seed;
    this.name = name;
    const digest2 = createHash("sha256").update(`clawsim:${seed.toString()}:${name}`).digest();
    this.s0 = digest2.readUInt32LE(0);
    this.s1 = digest2.readUInt32LE(4);
    this.s2 = digest2.readUInt32LE(8);
    this.s3 = digest2.readUInt32LE(12);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }
  seed;
  name;
  s0;
  s1;
  s2;
  s3;
  /** How many 32-bit words this stream has produced (for diagnostics). */
  draws = 0;
  /** A child stream named `<this>/<name>`; independent of this stream's position. */
  fork(name) {
    return new _Prng(this.seed, `${this.name}/${name}`);
  }
  nextU32() {
    this.draws++;
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }
  /** Uniform integer in [min, max] (inclusive), without modulo bias. */
  int(min, max) {
    if (!(Number.isSafeInteger(min) && Number.isSafeInteger(max) && min <= max)) assertionFailed(`bad range ${min}..${max}`);
    const span = max - min + 1;
    assert(span <= 4294967296, "range wider than 2^32");
    if (span === 4294967296) return min + this.nextU32();
    const limit = 4294967296 - 4294967296 % span;
    for (; ; ) {
      const x = this.nextU32();
      if (x < limit) return min + x % span;
    }
  }
  /** True with probability ratio. */
  chance(r) {
    if (r.numerator === 0) return false;
    if (r.numerator === r.denominator) return true;
    return this.int(0, r.denominator - 1) < r.numerator;
  }
  pick(items) {
    return pickBy((min, max) => this.int(min, max), items);
  }
  /** Picks an item with probability weight / total (one draw); undefined when every weight is 0. */
  pickWeighted(entries) {
    return pickWeightedBy((min, max) => this.int(min, max), entries);
  }
  bytes(length) {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 4) {
      const word = this.nextU32();
      for (let j = 0; j < 4 && i + j < length; j++) out[i + j] = word >>> 8 * j & 255;
    }
    return out;
  }
  shuffle(items) {
    return shuffleBy((min, max) => this.int(min, max), items);
  }
};
function pickBy(int, items) {
  assert(items.length > 0, "pick from an empty list");
  return items[int(0, items.length - 1)];
}
function pickWeightedBy(int, entries) {
  const total = entries.reduce((sum, [, w2]) => sum + w2, 0);
  if (total === 0) return void 0;
  let at = int(0, total - 1);
  for (const [item, weight] of entries) {
    if (at < weight) return item;
    at -= weight;
  }
  return void 0;
}
function shuffleBy(int, items) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(0, i);
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}
function rotl(x, k) {
  return (x << k | x >>> 32 - k) >>> 0;
}
var PrngStreams = class {
  constructor(seed) {
    this.seed = seed;
  }
  seed;
  streams = /* @__PURE__ */ new Map();
  stream(name) {
    let s = this.streams.get(name);
    if (!s) {
      s = new Prng(this.seed, name);
      this.streams.set(name, s);
    }
    return s;
  }
};

// src/kernel/queue.ts
function before(a, b) {
  if (a.atMs !== b.atMs) return a.atMs < b.atMs;
  if (a.tieBreak !== b.tieBreak) return a.tieBreak < b.tieBreak;
  return a.seq < b.seq;
}
var IndexedQueue = class {
  heap = [];
  get length() {
    return this.heap.length;
  }
  push(event3) {
    assert(this.heap.length < queueLengthHardMax, "event queue overflow");
    this.heap.push(event3);
    this.up(this.heap.length - 1, event3);
  }
  peek() {
    return this.heap[0];
  }
  pop() {
    const heap = this.heap;
    if (heap.length === 0) return void 0;
    const top = heap[0];
    this.removeAt(0);
    return top;
  }
  /** Takes `event` out of the heap (it must be in it). */
  remove(event3) {
    assert(this.heap[event3.heapIndex] === event3, "removing an event that is not queued");
    this.removeAt(event3.heapIndex);
  }
  removeAt(at) {
    const heap = this.heap;
    const gone = heap[at];
    gone.heapIndex = -1;
    const last = heap.pop();
    if (at === heap.length) return;
    if (at > 0 && before(last, heap[at - 1 >> 1])) this.up(at, last);
    else this.down(at, last);
  }
  up(from, event3) {
    const heap = this.heap;
    let i = from;
    while (i > 0) {
      const parent = i - 1 >> 1;
      const p = heap[parent];
      if (!before(event3, p)) break;
      heap[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    heap[i] = event3;
    event3.heapIndex = i;
  }
  down(from, event3) {
    const heap = this.heap;
    const n = heap.length;
    let i = from;
    for (; ; ) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && before(heap[r], heap[l]) ? r : l;
      const child = heap[m];
      if (!before(child, event3)) break;
      heap[i] = child;
      child.heapIndex = i;
      i = m;
    }
    heap[i] = event3;
    event3.heapIndex = i;
  }
};
var KeyHeap = class {
  at = new Float64Array(1024);
  tie = new Uint32Array(1024);
  seq = new Float64Array(1024);
  n = 0;
  get length() {
    return this.n;
  }
  push(key) {
    if (this.n === this.at.length) this.grow();
    const { at, tie, seq } = this;
    const a = key.atMs;
    const t = key.tieBreak;
    const s = key.seq;
    let i = this.n++;
    while (i > 0) {
      const parent = i - 1 >> 1;
      const pa = at[parent];
      const pt = tie[parent];
      if (pa !== a ? pa < a : pt !== t ? pt < t : seq[parent] < s) break;
      at[i] = pa;
      tie[i] = pt;
      seq[i] = seq[parent];
      i = parent;
    }
    at[i] = a;
    tie[i] = t;
    seq[i] = s;
  }
  /** Drops every key before `bound`, or all of them when there is no bound. */
  dropBefore(bound) {
    while (this.n > 0 && (bound === void 0 || this.topBefore(bound))) this.popTop();
  }
  topBefore(b) {
    const a = this.at[0];
    if (a !== b.atMs) return a < b.atMs;
    const t = this.tie[0];
    if (t !== b.tieBreak) return t < b.tieBreak;
    return this.seq[0] < b.seq;
  }
  before(i, j) {
    const { at, tie, seq } = this;
    if (at[i] !== at[j]) return at[i] < at[j];
    if (tie[i] !== tie[j]) return tie[i] < tie[j];
    return seq[i] < seq[j];
  }
  popTop() {
    const { at, tie, seq } = this;
    const n = --this.n;
    if (n === 0) return;
    at[0] = at[n];
    tie[0] = tie[n];
    seq[0] = seq[n];
    let i = 0;
    for (; ; ) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const m = r < n && this.before(r, l) ? r : l;
      if (!this.before(m, i)) break;
      const ta = at[i];
      const tt = tie[i];
      const ts = seq[i];
      at[i] = at[m];
      tie[i] = tie[m];
      seq[i] = seq[m];
      at[m] = ta;
      tie[m] = tt;
      seq[m] = ts;
      i = m;
    }
  }
  grow() {
    const size = this.at.length * 2;
    const at = new Float64Array(size);
    const tie = new Uint32Array(size);
    const seq = new Float64Array(size);
    at.set(this.at);
    tie.set(this.tie);
    seq.set(this.seq);
    this.at = at;
    this.tie = tie;
    this.seq = seq;
  }
};

// src/kernel/ratio.ts
function ratio(numerator, denominator) {
  assert(Number.isInteger(numerator) && Number.isInteger(denominator), "ratio parts must be integers");
  assert(denominator > 0 && numerator >= 0 && numerator <= denominator, `bad ratio ${numerator}/${denominator}`);
  return { numerator, denominator };
}
function formatRatio(r) {
  return `${r.numerator}/${r.denominator}`;
}
function parseRatio(text5) {
  const m = /^(\d+)\/(\d+)$/.exec(text5.trim());
  if (!m) return void 0;
  const n = Number(m[1]);
  const d = Number(m[2]);
  if (d === 0 || n > d) return void 0;
  return { numerator: n, denominator: d };
}

// src/kernel/trace.ts
import { createHash as createHash2 } from "node:crypto";
var traceSpillBatchEvents = 4096;
var Trace = class {
  constructor(spill) {
    this.spill = spill;
    assert(!spill || spill.keepEventsMax >= traceSpillBatchEvents, `a trace spill keeps at least ${traceSpillBatchEvents} events`);
  }
  spill;
  /** The events in memory: all of them, or (with a spill) the ones not yet streamed out. */
  events = [];
  listeners = [];
  /** SHA-256 over the canonical lines already streamed out. */
  streamedHash = createHash2("sha256");
  streamedCount = 0;
  /** Events recorded so far, streamed or not. */
  get length() {
    return this.streamedCount + this.events.length;
  }
  /** Events already streamed out of memory (0 without a spill). */
  get streamed() {
    return this.streamedCount;
  }
  record(atMs, actor, kind, data = {}) {
    assert(this.events.length < traceEventsMax, "trace overflow: events without progress");
    const event3 = { i: this.length, atMs, actor, kind, data };
    this.events.push(event3);
    for (const listener of this.listeners) listener(event3);
    if (this.spill && this.events.length >= this.spill.keepEventsMax + traceSpillBatchEvents) this.streamOut(traceSpillBatchEvents);
    return event3;
  }
  /** Observers (invariants, console) see each event as it is recorded. They must not mutate the world. */
  subscribe(listener) {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }
  /** Canonical text of the events in memory (all of them unless streamed). */
  canonical() {
    return this.events.map(canonicalEvent).join("\n");
  }
  /** SHA-256 of every event's canonical line, streamed or in memory: the same either way. */
  hash() {
    const h = this.streamedHash.copy();
    let chunk = "";
    const shared = new SharedData();
    for (const event3 of this.events) {
      chunk += `${recordedLine(event3, shared)}
`;
      if (chunk.length >= hashChunkChars) {
        h.update(chunk);
        chunk = "";
      }
    }
    if (chunk.length > 0) h.update(chunk);
    return h.digest("hex");
  }
  /** Streams out every event still in memory (the end of a run), so the file holds the whole trace. */
  flush() {
    if (this.spill && this.events.length > 0) this.streamOut(this.events.length);
  }
  streamOut(count) {
    const out = this.events.splice(0, count);
    let lines = "";
    const shared = new SharedData();
    for (const event3 of out) lines += `${recordedLine(event3, shared)}
`;
    this.streamedHash.update(lines);
    this.streamedCount += out.length;
    this.spill.write(lines);
  }
};
function canonicalEvent(event3) {
  return canonicalJson(event3);
}
function recordedLine(event3, shared) {
  const data = shared ? shared.written(event3) : write(event3.data);
  if (data === void 0 || typeof event3.actor !== "string" || typeof event3.kind !== "string") return canonicalEvent(event3);
  return `{"actor":${JSON.stringify(event3.actor)},"atMs":${write(event3.atMs)},"data":${data},"i":${write(event3.i)},"kind":${JSON.stringify(event3.kind)}}`;
}
var sharedDataMax = 1024;
var SharedData = class {
  bySend = /* @__PURE__ */ new Map();
  written(event3) {
    if (event3.kind === "frame.send") {
      const text5 = write(event3.data);
      if (text5 !== void 0) {
        if (this.bySend.size >= sharedDataMax) this.bySend.clear();
        this.bySend.set(event3.data, text5);
      }
      return text5;
    }
    if (event3.kind === "frame.deliver") {
      const known2 = this.bySend.get(event3.data);
      if (known2 !== void 0) {
        this.bySend.delete(event3.data);
        return known2;
      }
    }
    return write(event3.data);
  }
};
function canonicalJson(value) {
  return write(value);
}
function write(value) {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) ? JSON.stringify(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (value === null) return "null";
      if (Array.isArray(value)) return writeArray(value);
      if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString("base64url"));
      return writeObject(value);
    case "bigint":
      return JSON.stringify(value);
    // throws, as the sorted copy would
    default:
      return void 0;
  }
}
function writeArray(values) {
  let out = "[";
  for (let i = 0; i < values.length; i++) out += (i === 0 ? "" : ",") + (write(values[i]) ?? "null");
  return `${out}]`;
}
var hashChunkChars = 1 << 16;
var quotedKeys = /* @__PURE__ */ new Map();
var quotedKeysMax = 4096;
function quotedKey(key) {
  let quoted = quotedKeys.get(key);
  if (quoted === void 0) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < quotedKeysMax) quotedKeys.set(key, quoted);
  }
  return quoted;
}
function writeObject(value) {
  let out = "{";
  let first2 = true;
  for (const key of sortedKeys(value)) {
    const v = value[key];
    if (v === void 0) continue;
    const text5 = write(v);
    if (text5 === void 0) continue;
    out += `${first2 ? "" : ","}${quotedKey(key)}:${text5}`;
    first2 = false;
  }
  return `${out}}`;
}
var arrayIndexMax = 2 ** 32 - 2;
function isArrayIndex(key) {
  if (!/^(?:0|[1-9][0-9]*)$/.test(key)) return false;
  return Number(key) <= arrayIndexMax;
}
var keyOrders = /* @__PURE__ */ new Map();
var keyOrdersMax = 4096;
var keyOrdersPerFirstKey = 8;
function sameKeys(a, b) {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
function sortedKeys(value) {
  const keys = Object.keys(value);
  let mayHaveIndex = false;
  let hasProto = false;
  let sorted = true;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const first2 = key.charCodeAt(0);
    if (first2 >= 48 && first2 <= 57) mayHaveIndex = true;
    else if (first2 === 95 && key === "__proto__") hasProto = true;
    if (k > 0 && keys[k - 1] > key) sorted = false;
  }
  if (sorted && !mayHaveIndex && !hasProto) return keys;
  const firstKey = keys[0];
  const known2 = keyOrders.get(firstKey);
  if (known2) {
    for (const entry of known2) if (sameKeys(entry.keys, keys)) return entry.order;
  }
  const order = orderOf([...keys], sorted, hasProto, mayHaveIndex);
  if (known2) {
    if (known2.length < keyOrdersPerFirstKey) known2.push({ keys, order });
  } else if (keyOrders.size < keyOrdersMax) keyOrders.set(firstKey, [{ keys, order }]);
  return order;
}
function orderOf(keys, sorted, hasProto, mayHaveIndex) {
  if (!sorted) keys.sort();
  const kept = hasProto ? keys.filter((k) => k !== "__proto__") : keys;
  if (!mayHaveIndex || !kept.some(isArrayIndex)) return kept;
  const indices = kept.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...kept.filter((k) => !isArrayIndex(k))];
}

// src/kernel/scheduler.ts
var LimitReached = class extends Error {
  constructor(budget, atMs, steps) {
    super(`limit reached: ${budget}`);
    this.budget = budget;
    this.atMs = atMs;
    this.steps = steps;
  }
  budget;
  atMs;
  steps;
};
var cancelledRun = () => {
};
var Scheduler = class {
  constructor(seed, options = {}) {
    this.seed = seed;
    this.clock = new VirtualClock(options.epochMs);
    this.streams = new PrngStreams(seed);
    this.trace = options.trace ?? new Trace();
    this.budgets = {
      stepsMax: options.budgets?.stepsMax ?? stepsMaxDefault,
      virtualTimeMsMax: options.budgets?.virtualTimeMsMax ?? virtualTimeMsMaxDefault,
      connectionsMax: options.budgets?.connectionsMax ?? connectionsMaxDefault
    };
    assert(this.budgets.stepsMax > 0 && this.budgets.virtualTimeMsMax > 0, "budgets must be positive");
    this.tieBreaks = this.streams.stream("scheduler");
  }
  seed;
  clock;
  streams;
  trace;
  budgets;
  /** Live events only: a cancelled event leaves at once (it held its closure and options until its time). */
  queue = new IndexedQueue();
  /**
   * The keys of cancelled events a queue keeping them would still hold: one is dropped when nothing live is before
   * it, as such a queue drops a cancelled head. The queue-length budget counts both.
   */
  cancelledKeys = new KeyHeap();
  /** Not a Map: see id-table.ts (a Map churned by every timer kept each handshake's objects alive a while). */
  live = new IdTable();
  tieBreaks;
  nextId = 1;
  seq = 0;
  steps = 0;
  nowMs() {
    return this.clock.nowMs();
  }
  stream(name) {
    return this.streams.stream(name);
  }
  record(actor, kind, data = {}) {
    this.trace.record(this.clock.nowMs(), actor, kind, data);
  }
  /** Runs `run` after `delayMs` of virtual time. */
  schedule(delayMs, options, run2) {
    if (!(Number.isInteger(delayMs) && delayMs >= 0)) assertionFailed(`delay must be a non-negative integer, got ${delayMs}`);
    return this.scheduleAt(this.clock.nowMs() + delayMs, options, run2);
  }
  scheduleAt(atMs, options, run2) {
    assert(atMs >= this.clock.nowMs(), "cannot schedule in the past");
    const entry = { atMs, tieBreak: this.tieBreaks.nextU32(), seq: this.seq++, heapIndex: -1, id: this.nextId++, options, run: run2, cancelled: false };
    this.live.set(entry.id, entry);
    assert(this.queue.length + this.cancelledKeys.length < queueLengthHardMax, "event queue overflow");
    this.queue.push(entry);
    return entry.id;
  }
  cancel(id) {
    const entry = this.live.get(id);
    if (!entry) return;
    entry.cancelled = true;
    entry.run = cancelledRun;
    this.live.delete(id);
    this.queue.remove(entry);
    this.cancelledKeys.push(entry);
  }
  isPending(id) {
    return this.live.has(id);
  }
  /** Time of the next live event, if any. */
  nextAtMs() {
    this.dropCancelledHead();
    return this.queue.peek()?.atMs;
  }
  /** Runs every event due up to `untilMs` (or until `stop` says so), then leaves the clock at `untilMs`. */
  runUntil(untilMs, stop) {
    for (; ; ) {
      if (stop?.()) return { kind: "reached", steps: this.steps, atMs: this.nowMs() };
      const verdict = this.prepareNext(untilMs);
      if (verdict !== "go") return this.finish(verdict, untilMs);
      const result = this.fireNext();
      assert(!(result instanceof Promise), "an async event ran in the synchronous loop; use runUntilAsync");
    }
  }
  /** Like runUntil, but lets promise callbacks settle after every event (for code that works in microtasks). */
  async runUntilAsync(untilMs, stop) {
    await settle();
    for (; ; ) {
      if (stop?.()) return { kind: "reached", steps: this.steps, atMs: this.nowMs() };
      const verdict = this.prepareNext(untilMs);
      if (verdict !== "go") return this.finish(verdict, untilMs);
      await this.fireNext();
      await settle();
    }
  }
  /** Runs until nothing is queued, a stop condition holds, or a budget is exhausted. */
  run(stop) {
    return this.runUntil(Number.POSITIVE_INFINITY, stop);
  }
  runAsync(stop) {
    return this.runUntilAsync(Number.POSITIVE_INFINITY, stop);
  }
  prepareNext(untilMs) {
    this.dropCancelledHead();
    const next = this.queue.peek();
    if (!next) return "empty";
    if (next.atMs > untilMs) return "until";
    if (next.atMs > this.budgets.virtualTimeMsMax) return "virtual-time";
    if (this.steps >= this.budgets.stepsMax) return "steps";
    if (this.queue.length + this.cancelledKeys.length > queueLengthMax) return "queue-length";
    return "go";
  }
  finish(verdict, untilMs) {
    switch (verdict) {
      case "empty":
      case "until": {
        if (Number.isFinite(untilMs)) {
          if (untilMs > this.budgets.virtualTimeMsMax) {
            this.clock.advanceTo(Math.max(this.nowMs(), this.budgets.virtualTimeMsMax));
            return { kind: "budget-exceeded", budget: "virtual-time", steps: this.steps, atMs: this.nowMs() };
          }
          this.clock.advanceTo(Math.max(this.nowMs(), untilMs));
          return { kind: "reached", steps: this.steps, atMs: this.nowMs() };
        }
        return { kind: "quiescent", steps: this.steps, atMs: this.nowMs() };
      }
      case "steps":
      case "virtual-time":
      case "queue-length":
      case "connections":
        return { kind: "budget-exceeded", budget: verdict, steps: this.steps, atMs: this.nowMs() };
    }
  }
  fireNext() {
    const entry = this.queue.pop();
    this.live.delete(entry.id);
    this.clock.advanceTo(entry.atMs);
    this.steps++;
    if (entry.options.traced) {
      this.record(entry.options.actor, "timer.fire", { label: entry.options.label, tieBreak: entry.tieBreak });
    }
    return entry.run();
  }
  dropCancelledHead() {
    this.cancelledKeys.dropBefore(this.queue.peek());
  }
};
var realSetImmediate = globalThis.setImmediate;
async function settle() {
  for (let round = 0; round < 2 && round < settleRoundsMax; round++) {
    await new Promise((resolve) => realSetImmediate(resolve));
  }
}

// src/profiles/catalog.ts
var febGateway = {
  protocolVersion: 3,
  connectSchema: "feb",
  probeProtocolFloor: null,
  controlUiBuildCheck: false,
  passwordCountsAsTokenMismatch: false,
  protocolMismatchDetails: "expected-only",
  handshakeTimeoutMs: 1e4,
  tickIntervalMs: 3e4,
  preauthPayloadBytesMax: null,
  preauthOversizeReason: "preauth payload too large",
  untrustedProxyHeaders: "not-local",
  // As the model was before the switch; 2026.3.2 sets what its dist does (the other dists read agree with it).
  proxyPeerWithoutClientIp: "peer-address",
  // No start-up seeding of Control UI origins before 2026.2.26 (absent from the 2.12, 2.17 and 2.22 dists).
  controlUiOriginSeed: "off",
  rateLimitedRetryAfter: false,
  unattributedProxyLimiterKey: false,
  challengeCapabilities: false,
  detailCodes: false,
  recoveryHints: false,
  signatureSkewMs: 10 * 6e4,
  nonceRequired: "remote-only",
  signatureVersions: ["v2", "v1"],
  signatureTokenSource: "token-only",
  controlUiClassifier: "control-ui-only",
  originRule: "feb",
  deviceTokenFallbackReason: "always-device-token-mismatch",
  originCheckApplies: "ui-only",
  allowInsecureAuthRetired: false,
  allowInsecureAuthRemoteBypass: true,
  trustedProxySkipsDeviceForAnyClient: true,
  scopeClearing: "clear-without-device",
  deviceLessScopeKeepers: [],
  tokenMissingCharged: true,
  silentPairing: "feb",
  localClientRule: "is-local",
  pairingAnswer: "plain",
  uiPairingWaitHint: false,
  revokeRemovesRole: false,
  revokedRoleStaysApproved: false,
  localBackendPairingSkip: "never",
  workerClaimsClosed: false,
  chatSendNeedsSessionKey: false,
  pendingRequestPolicy: "keep-existing",
  metadataPinning: false,
  revokeClosesSessions: false,
  rotateClosesSessions: false,
  sharedSecretRotationClosesSessions: false,
  rotateBoundedByCaller: false,
  deviceOwnershipRule: false,
  startupUnavailableMs: null,
  preauthSocketsPerIpMax: null,
  failedAuthDelay: null,
  helloAuthAlways: false,
  helloAuthMethod: false,
  helloAuthTokenScopes: false,
  pairingChecksInSequence: false,
  inlineApprovalCallerScopes: "requested-and-approved",
  browserOriginLimiter: false,
  browserLimiterLoopbackKey: "shared",
  sharedLimiterOnSecretOnly: false,
  sharedChargeDeferred: false,
  limiterNeedsConfig: false,
  unauthorizedFloodMax: null,
  credentialReload: "restart-in-process",
  // openclaw@2026.2.12's authorizeGatewayMethod: config.get is not in READ_METHODS, so the "config." prefix
  // makes it admin; 2026.2.22 lists it among the read methods.
  configGetScope: "operator.admin",
  healthNeedsReadScope: true,
  deviceNonceSchemaOptional: true,
  handshakeTimeoutEnv: false,
  autoApproveLocalSetting: false,
  // 2026.2.12 … 2026.4.12 BASE_RELOAD_RULES: only gateway.remote / gateway.reload (no-op) and health-monitor
  // keys the model does not read; every auth-relevant gateway.* change restarts the gateway.
  hotReloadPrefixes: [],
  missingScopeAnswer: "invalid-request",
  authMessageStyle: "mid",
  browserCopilotClass: false,
  connectSecretEitherField: false,
  sharedAuthIncludesTrustedProxy: false,
  localBackendSkipsDeviceIdentity: false,
  deviceLessSharedAuthAnyRole: true,
  unattributableProxyRefused: false,
  nodeHostMetadataNormalization: false,
  // 2026.2.22 qr-cli (read in its dist): the setup code is {url, token, password} from env/config.
  setupCodeCredential: "gateway-secret",
  bootstrapHandoffScopes: [],
  bootstrapLimiter: false,
  bootstrapSilentPairing: "node-first-pairing",
  nodePairingOnConnect: "none",
  nodePairingLimiter: false,
  nodeRequiresDeviceToken: false,
  nodePairingNeedsPairedDevice: false,
  approvalScopeChecks: false,
  deviceTokenWithinApproval: false,
  // Read by ensureDeviceToken only when deviceTokenWithinApproval is on, by device.token.rotate always; 2026.3.13 sets
  // both back (its own profile entry); 2026.2.12, 2.17, 2.22 and 3.2 rotate any role of a paired device.
  deviceTokenNeedsApprovedRole: true,
  emptyApprovalNoBaseline: false,
  // Only read with approvalScopeChecks (off here); as the model did before the switch existed.
  approvalChecksHeldTokenScopes: true,
  // Read in the 2026.2.17, 2.22 and 3.13 dists: approveDevicePairing checks no caller scopes (2026.3.31 does).
  approvalCallerScopesUnderPendingRole: false,
  // Read in the 2026.3.13 dist: the connect compares the paired record's roles (2026.3.31 counts token roles).
  connectRolesFromTokens: false,
  // Read in the 2026.2.17 (scopesAllow), 2.22, 3.13 and 3.31 dists (roleScopesAllow): a non-operator role's scopes
  // are compared by set membership alone, no `<role>.` prefix (the prefix is in the 4.14 dist and later).
  roleScopePrefix: false,
  // Read in the 2026.2.17, 2.22, 3.2 and 3.13 dists: normalizeDeviceAuthScopes only trims, dedupes and sorts.
  impliedTokenScopes: false,
  // On as before the switch existed (the S-Feb bug profiles' verdicts rest on it); the published 2.12 and 2.17
  // compare scopes exactly (profile 2026.2.17).
  operatorScopeImplications: true,
  // The 2026.2.12 and 2026.2.17 dists both send the early text, so the releases between them did too.
  controlUiInsecureMessage: "https-or-localhost",
  // As before the switch existed; the 2026.2.12 and 2026.2.17 dists keep a scope-less request's empty scopes.
  approvalTokenScopes: "requested-else-approved",
  approvalTokenKeepsHeldScopes: false,
  // Read in the 2026.2.12, 2.22, 3.2, 3.13 and 3.31 dists: approveDevicePairing mints the pending role's token alone.
  approvalTokenPerRequestedRole: false,
  detailCodeSet: "full",
  sharedAuthOperatorSkipsPairing: false,
  deviceTokenScopeMismatchReason: false,
  deviceTokenIssuer: false,
  connectRecordsClient: true,
  controlUiAuthNoneSkipsPairing: false,
  removeDropsPending: false,
  devicePairRemove: true,
  scopeKeepersNeedSharedSecret: false,
  trustedProxyUiSkipsPairing: true
};
var febClient = {
  tokenPriority: "stored-first-self-heal",
  deviceTokenRetry: false,
  staleTokenSelfHeal: true,
  staleTokenSelfHealWithShared: false,
  pauseOnDetailCodes: false,
  connectErrorDetails: false,
  pauseOnDeviceTokenMismatch: false,
  pendingRetryDroppedWithoutStoredToken: false,
  tokenMismatchPause: "after-retry-or-untrusted",
  honourRetryAfter: false,
  backoffInitialMs: 1e3,
  backoffMaxMs: 3e4,
  fastRetryMs: 250,
  backoffJitter: null,
  // 2026.2.12 and 2.17 dists (queueConnect): 750 ms after the socket opens with no challenge, connect anyway.
  challengeTimeoutMs: 750,
  challengeTimeoutAction: "connect-without-nonce",
  signedAtSource: "client-clock",
  signatureVersion: "v2",
  protocolVersion: 3,
  insecureWsGuard: false,
  insecureWsAllows: "loopback",
  tuiClientId: "gateway-client",
  controlUiSendsBuildId: false,
  controlUiTokenPerTab: false,
  controlUiUrlToken: "query",
  controlUiInsecureContextIdentity: false,
  // The Control UI's own reconnect backoff, the same in every control-ui bundle read (2026.2.12 … 2026.9.6):
  // 0.8 s, ×1.7 per attempt, at most 15 s, no jitter, and its device-token retry (from 2026.3.13) waits the next
  // ordinary step (provenance.ts names the file of each release).
  controlUiBackoffInitialMs: 800,
  controlUiBackoffFactorPercent: 170,
  controlUiBackoffMaxMs: 15e3,
  controlUiBackoffJitter: null,
  controlUiFastRetryMs: null,
  controlUiPasswordCopiesToken: false,
  controlUiScopes: ["operator.admin", "operator.approvals", "operator.pairing"]
};
var legacyService = {
  unitEmbedsToken: true,
  serviceTokenResolution: "env-first",
  auditCodes: ["gateway-token-mismatch"],
  doctorRepair: "naive",
  customBindFallback: "all",
  containerDetection: "none",
  tokenBootstrap: "refuse"
};
var fixedService = {
  unitEmbedsToken: false,
  serviceTokenResolution: "config-first-in-service",
  auditCodes: ["gateway-token-embedded", "gateway-token-mismatch", "gateway-token-drift"],
  doctorRepair: "safe",
  customBindFallback: "refuse",
  containerDetection: "none",
  tokenBootstrap: "persist"
};
var aprService = { ...fixedService, containerDetection: "sentinel" };
var lateService = { ...fixedService, containerDetection: "sentinel-or-fly", tokenBootstrap: "runtime" };
var cliPairingService = { ...lateService, tokenBootstrap: "runtime-cli-pairing" };
var marGateway = {
  ...febGateway,
  // Read in the 2026.3.2, 3.13 and 3.31 dists (maybeSeedControlUiAllowedOriginsAtStartup writes the config file).
  controlUiOriginSeed: "persist",
  controlUiInsecureMessage: "device-identity",
  // Read in the 2026.3.13 dist: the requested scopes are kept (implied scopes come with 2026.3.31, its own profile).
  impliedTokenScopes: false,
  // openclaw@2026.3.13 dist ensureDeviceToken (2026.3.2 had no such check): approved roles and scope baseline.
  deviceTokenWithinApproval: true,
  deviceLessSharedAuthAnyRole: false,
  healthNeedsReadScope: false,
  deviceNonceSchemaOptional: false,
  configGetScope: "operator.read",
  connectSchema: "mar",
  preauthPayloadBytesMax: 64 * 1024,
  detailCodes: true,
  recoveryHints: true,
  // Not pinned for S-Mar (§3.3, §11.4); we keep the S-Feb 10 min window.
  signatureSkewMs: 10 * 6e4,
  // The S-Mar suite signs v3 (connectReq) and v2 (createSignedDevice) and both pass, so both verify here.
  signatureVersions: ["v3", "v2", "v1"],
  // §10 #30(b) signs over the device token with no auth.token and passes, so the device token counts.
  signatureTokenSource: "token-device-bootstrap",
  // §11.3: S-Mar handler passes isLocalClient to the origin check.
  originRule: "late",
  allowInsecureAuthRemoteBypass: false,
  trustedProxySkipsDeviceForAnyClient: false,
  deviceTokenFallbackReason: "explicit-only",
  scopeClearing: "preserve-allowed",
  silentPairing: "mar-release",
  pendingRequestPolicy: "merge"
};
var lateClient = {
  ...febClient,
  // From 2026.2.22 a missing challenge closes the socket after connectDelayMs (default 2 s, clamped 250 … 10 000).
  challengeTimeoutMs: 2e3,
  challengeTimeoutAction: "close",
  tokenPriority: "resolved-late",
  deviceTokenRetry: true,
  staleTokenSelfHeal: true,
  pauseOnDetailCodes: true,
  connectErrorDetails: true,
  signatureVersion: "v3",
  insecureWsGuard: true,
  insecureWsAllows: "env-private-or-name",
  tuiClientId: "openclaw-tui",
  controlUiTokenPerTab: true,
  controlUiUrlToken: "fragment-first",
  // The 2026.3.31 … 2026.7.1 bundles (2026.3 sets the 3.13 list back in its profile).
  controlUiScopes: ["operator.admin", "operator.read", "operator.write", "operator.approvals", "operator.pairing"]
};
var lateGateway = {
  ...marGateway,
  // Read in the 2026.4.14 and 4.22 dists: as 2026.3, and bind auto counts as non-loopback.
  controlUiOriginSeed: "persist-auto",
  // Read in the 2026.4.14 … 2026.9.6 dists: approveDevicePairing mints a token for every requested role.
  approvalTokenPerRequestedRole: true,
  // Read in the 2026.4.14 and 2026.9.6 dists (normalizeDeviceAuthScopes adds the implied scopes).
  impliedTokenScopes: true,
  // Read in the 2026.4.14, 5.28, 6.11, 7.1 and 8.2 dists: roleScopesAllow counts a non-operator role's scope only
  // under its own `<role>.` prefix.
  roleScopePrefix: true,
  // 2026.9.6 answers a device token short of scopes with scope_mismatch; 2026.4 sets it back (not in 4.14).
  deviceTokenScopeMismatchReason: true,
  connectSchema: "late",
  protocolMismatchDetails: "coded",
  signatureSkewMs: 2 * 6e4,
  nonceRequired: "always",
  signatureVersions: ["v3", "v2"],
  controlUiClassifier: "operator-ui",
  originCheckApplies: "any-origin",
  scopeClearing: "late",
  tokenMissingCharged: false,
  silentPairing: "late",
  localBackendPairingSkip: "device-token-or-none",
  pendingRequestPolicy: "replace",
  metadataPinning: true,
  revokeClosesSessions: true,
  rotateClosesSessions: true,
  sharedSecretRotationClosesSessions: true,
  credentialReload: "hot",
  // 2026.4.12 reads OPENCLAW_HANDSHAKE_TIMEOUT_MS (resolvePreauthHandshakeTimeoutMs).
  handshakeTimeoutEnv: true,
  rotateBoundedByCaller: true,
  deviceOwnershipRule: true,
  browserOriginLimiter: true,
  browserLimiterLoopbackKey: "url-origin",
  unauthorizedFloodMax: 10,
  missingScopeAnswer: "forbidden",
  // Was implied by silentPairing "late" before it was a switch; same value, so 2026.4 is unchanged.
  sharedAuthIncludesTrustedProxy: true,
  // Was implied by silentPairing "late" too (2026.4 unchanged); 2026.9 keeps it although its silentPairing differs.
  controlUiAuthNoneSkipsPairing: true,
  // openclaw@2026.4.14 dist (device-bootstrap, qr-cli, message-handler): qr issues a 10 min bootstrap token with
  // PAIRING_SETUP_BOOTSTRAP_PROFILE; no bootstrap limiter scope yet; a first node pairing by it is silent.
  setupCodeCredential: "bootstrap-token",
  bootstrapHandoffScopes: ["operator.approvals", "operator.read", "operator.talk.secrets", "operator.write"],
  bootstrapLimiter: false,
  bootstrapSilentPairing: "node-first-pairing",
  // openclaw@2026.4.14 dist, reconcileNodePairingOnConnect: an unpaired node keeps its declared commands.
  nodePairingOnConnect: "pending-keeps-declared"
};
var gateway96 = {
  ...lateGateway,
  // Read in the 2026.5.28, 6.11, 7.1, 8.2 and 9.6 dists: seeded for the running process only (no config write),
  // from the bind and port it runs with.
  controlUiOriginSeed: "runtime",
  // Read in the 2026.9.6 dist (and the same in 8.2, 7.1, 6.11, 5.28; 4.14 not): resolveApprovedTokenScopes adds the
  // approval's new scopes to the role's held token.
  approvalTokenKeepsHeldScopes: true,
  // Read in the 2026.9.6 dist, as in 8.2 (resolveConnectAuthState deferRateLimitFailure, pendingSharedAuthFailure).
  sharedChargeDeferred: true,
  protocolVersion: 4,
  probeProtocolFloor: 3,
  controlUiBuildCheck: true,
  passwordCountsAsTokenMismatch: true,
  handshakeTimeoutMs: 15e3,
  // Recorded hello-ok.policy.tickIntervalMs is 30000 (the late docs' example says 15000).
  tickIntervalMs: 3e4,
  challengeCapabilities: true,
  preauthOversizeReason: "",
  untrustedProxyHeaders: "refuse-403",
  rateLimitedRetryAfter: true,
  allowInsecureAuthRetired: true,
  // Recorded: cli/cli and gateway-client/backend keep requested scopes without a device; test/test and probes are cleared.
  deviceLessScopeKeepers: ["cli/cli", "gateway-client/backend"],
  // Recorded: loopback scope upgrades are silent, role upgrades never; a loopback socket with a foreign Host still pairs silently.
  silentPairing: "all-but-node-role-upgrade",
  // Read in the 2026.9.6 dist (hasForwardedRequestHeaders: any X-Forwarded-* header), the same in 8.2, 7.1, 6.11,
  // 5.28; 7.1 seed-23 configs4 c0031 (a proxied TUI with X-Forwarded-User only: not local, its loopback Origin refused).
  localClientRule: "loopback-peer-any-forwarded",
  localBackendPairingSkip: "also-shared-secret",
  workerClaimsClosed: true,
  chatSendNeedsSessionKey: true,
  pairingAnswer: "late",
  uiPairingWaitHint: true,
  pendingRequestPolicy: "replace-on-growth",
  revokeRemovesRole: true,
  // Read in the 2026.9.6 dist (resolveDeviceTokenUpdateContext: listApprovedPairedDeviceRoles; the connect counts
  // listEffectivePairedDeviceRoles), the same in 8.2, 7.1, 6.11, 5.28; seed-29 configs c0240, seed-17 configs4.
  revokedRoleStaysApproved: true,
  // Recorded: ready 4.4–6.4 s after the port opens.
  startupUnavailableMs: 5e3,
  preauthSocketsPerIpMax: 32,
  failedAuthDelay: { baseMs: 250, capMs: 5e3, historyMax: 6, windowMs: 6e4 },
  helloAuthAlways: true,
  helloAuthMethod: true,
  authMessageStyle: "2026.9",
  browserCopilotClass: true,
  connectSecretEitherField: true,
  localBackendSkipsDeviceIdentity: true,
  unattributableProxyRefused: true,
  // Read in the 2026.9.6 dist; on since the pairing fixes of 2026-12-04 (seed-2026 fixture 194 → 1).
  nodeHostMetadataNormalization: true,
  // openclaw@2026.9.6 dist: the limited setup profile adds operator.questions (qr downgrades to it for a
  // plaintext LAN URL); limiter scope bootstrap-token; silent setup pairing only for a matching client class.
  bootstrapHandoffScopes: ["operator.approvals", "operator.questions", "operator.read", "operator.talk.secrets", "operator.write"],
  bootstrapLimiter: true,
  bootstrapSilentPairing: "matching-profile",
  nodePairingOnConnect: "pending-withholds",
  nodePairingLimiter: true,
  nodeRequiresDeviceToken: true,
  // Read in the 2026.9.6 and 2026.8.2 dists (requestNodePairing: no paired device record throws; the connect
  // handler's catch closes the socket without answering); seed-29 configs fixture c0183.
  nodePairingNeedsPairedDevice: true,
  // Read in the 2026.9.6 dist (approveDevicePairingInWorker, resolveScopeOutsideRequestedRoles).
  approvalScopeChecks: true,
  // Read in the 2026.9.6 dist (issueGatewayConnectDeviceTokens, verifyDeviceTokenInWorker, ensureDeviceTokenInWorker
  // and the connect's clientAccessMetadata); seed-21 fixture 25 → 0, seed-99 41 → 0.
  deviceTokenIssuer: true,
  connectRecordsClient: false,
  // Read in the 2026.9.6 dist (removePairedDeviceInWorker); seed-23 configs fixture c0070.
  removeDropsPending: true,
  // Read in the 2026.9.6 dist (isSharedSecretAuthMethod in the keeper rules); seed-23 configs fixture, trusted-proxy.
  scopeKeepersNeedSharedSecret: true,
  // Read in the 2026.9.6 dist (shouldSkipControlUiPairing: tailscale-device and auth-none only); seed-23 configs.
  trustedProxyUiSkipsPairing: false,
  autoApproveLocalSetting: true,
  // openclaw@2026.9.6 CORE_RELOAD_POLICIES "hot" entries the model reads (config-reload-plan in its dist).
  hotReloadPrefixes: [
    "gateway.controlUi.allowedOrigins",
    "gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback",
    "gateway.nodes.pairing",
    "gateway.auth.rateLimit",
    "gateway.trustedProxies",
    "gateway.allowRealIpFallback",
    "gateway.auth.allowTailscale",
    "gateway.auth.trustedProxy"
  ]
};
var gateway82 = {
  ...gateway96,
  helloAuthMethod: false,
  connectSecretEitherField: false,
  passwordCountsAsTokenMismatch: false,
  uiPairingWaitHint: false,
  // Read in the 2026.8.2 dist (resolveConnectAuthState deferRateLimitFailure, resolveConnectAuthDecision finish,
  // message-handler settleRejectedSharedAuthFailure): with a device identity and a device-token candidate a wrong
  // shared secret is charged only once the connect is refused; seed-37 configs4 fixture 6 → 2 (k4-token-rl2-strict
  // c0085, c0185, c0207, c0248). The 9.6 dist has the same (gateway96).
  sharedChargeDeferred: true
};
var gateway71 = {
  ...gateway82,
  // Read in the 2026.7.1 dist (schema ConnectParamsSchema: Type.Enum ids and modes, no buildId or transports).
  connectSchema: "jul",
  // Read in the 2026.7.1 dist (message-handler hello-ok: deviceToken ? deviceToken.scopes : scopes).
  helloAuthTokenScopes: true,
  // Read in the 2026.7.1 dist: no worker admission in the connect handler.
  workerClaimsClosed: false,
  // Read in the 2026.7.1 dist (formatGatewayAuthFailureMessage: the mid hints, no local-CLI variant).
  authMessageStyle: "mid",
  // Read in the 2026.7.1 dist (server-methods: INVALID_REQUEST "missing scope: …").
  missingScopeAnswer: "invalid-request",
  // Read in the 2026.7.1 dist (requirePairing): a scope upgrade is never silent, else as 2026.9.6.
  silentPairing: "all-but-node-role-or-scope-upgrade",
  // Read in the 2026.7.1 dist: no gateway.nodes.pairing.autoApproveLocal anywhere in it.
  autoApproveLocalSetting: false,
  // Read in the 2026.7.1 dist: no normalizeNodeHostCompatibilityMetadata (8.2 and 9.6 have it).
  nodeHostMetadataNormalization: false,
  // Read in the 2026.7.1 dist (requirePairing for metadata, role, then scope upgrades against the stored record).
  pairingChecksInSequence: true,
  // Read in the 2026.7.1 dist (shouldSkipLocalBackendSelfPairing, used in the not-paired branch only).
  localBackendPairingSkip: "unpaired-also-shared-secret",
  // Read in the 2026.7.1 dist (requirePairing: approveDevicePairing(…, { callerScopes: scopes })).
  inlineApprovalCallerScopes: "requested",
  // Read in the 2026.7.1 dist: no client.buildId in the schema, the connect handler or the Control UI assets.
  controlUiBuildCheck: false,
  // Read in the 2026.7.1 dist (config-reload-plan): every gateway.* key but remote, reload and the channel health
  // knobs restarts the gateway; no hot credential swap.
  hotReloadPrefixes: [],
  credentialReload: "restart-in-process",
  // Read in the 2026.5.28, 6.11 and 7.1 dists (no ingress attribution check; 8.2 has it) and recorded from 7.1
  // (seed 23, trusted-proxy configuration: 12 upgrades without X-Forwarded-For accepted, not answered 403).
  unattributableProxyRefused: false,
  // Read in the 2026.7.1 dist: node pairing requests have a store of their own (no 'node pairing requires a paired
  // device'; 8.2 and 9.6 have it).
  nodePairingNeedsPairedDevice: false,
  // Read in the 2026.7.1 dist (and 6.11, 5.28): the unauthorized answer carries details only, no retryable or
  // retryAfterMs, even for rate_limited (8.2 adds them).
  rateLimitedRetryAfter: false,
  // Read in the 2026.7.1 dist (and 6.11, 5.28: resolveClientIp, normalizeRateLimitClientIp): a trusted proxy's
  // request without X-Forwarded-For is limited under "unknown", not loopback-exempt.
  unattributedProxyLimiterKey: true,
  // Read in the 2026.7.1 dist (resolveConnectAuthState: no deferRateLimitFailure): a wrong secret is charged at
  // once (8.2 holds it until the connect is refused).
  sharedChargeDeferred: false,
  // Read in the 2026.7.1 dist (and 6.11, 5.28): no 'authenticated node pairing identity unavailable' (8.2 has it).
  nodeRequiresDeviceToken: false,
  // Read in the 2026.7.1, 6.11 and 5.28 dists (resolveConnectAuthState, resolveConnectAuthDecision): the shared
  // check gets the limiter only when a token or password is sent and charges a wrong one at once, device or not;
  // a device-token success resets it. 8.2 defers the charge until the fallback fails (left off there). Their
  // recordings replay alike either way.
  sharedLimiterOnSecretOnly: true
};
var client96 = {
  ...lateClient,
  insecureWsAllows: "lan-names",
  controlUiPasswordCopiesToken: true,
  controlUiScopes: ["operator.admin", "operator.read", "operator.write", "operator.approvals", "operator.questions", "operator.pairing"],
  protocolVersion: 4,
  pauseOnDeviceTokenMismatch: true,
  tokenMismatchPause: "unless-retry-pending",
  honourRetryAfter: true,
  challengeTimeoutMs: 15e3,
  controlUiSendsBuildId: true,
  controlUiInsecureContextIdentity: true,
  // PR #116679 (merged 2026-07-31): sign with the challenge's ts; read from @openclaw/gateway-client@2026.9.1.
  signedAtSource: "challenge-ts"
};
var client71 = { ...client96, controlUiPasswordCopiesToken: false, controlUiScopes: lateClient.controlUiScopes, controlUiInsecureContextIdentity: false, signedAtSource: "client-clock", controlUiSendsBuildId: false };
var gatewayJun = {
  ...gateway71,
  // Read in the 2026.6.11 and 2026.5.28 dists: no shouldPreserveLocalCliSharedAuthScopes, so a device-less cli/cli
  // loses its scopes like any shared-secret client; the local backend's self-pairing skip keeps them.
  deviceLessScopeKeepers: ["gateway-client/backend"],
  // Read in the 2026.6.11 and 2026.5.28 dists: the protocol check logs probeMin=4 (no protocol-3 probes).
  probeProtocolFloor: null,
  // Read in the 2026.6.11 and 2026.5.28 dists (requestDevicePairing refreshes only the same snapshot): a subset
  // re-request replaces the pending one under a new requestId; 2026.7.1 has PR #98145's covered-by-existing refresh.
  pendingRequestPolicy: "replace-merged"
};
var gateway414 = {
  ...lateGateway,
  connectSchema: "apr",
  missingScopeAnswer: "invalid-request",
  deviceTokenScopeMismatchReason: false,
  // Read in the 2026.4.14 dist (connect handler): after a silent role upgrade the scope check still runs against
  // the record read before the connect, so a node paired with no scopes asking operator scopes is refused
  // scope-upgrade (seed-5 fixture c0033, c0051).
  pairingChecksInSequence: true,
  // Read in the 2026.4.14 dist (isLocalDirectRequest): a loopback peer without forwarded headers is local
  // whatever its Host, for the origin check as for pairing (seed-5 fixture c0057).
  localClientRule: "loopback-peer",
  // Read in the 2026.4.14 dist (connect handler): protocol mismatch details are { expectedProtocol: 3 } alone.
  protocolMismatchDetails: "expected-only",
  // Read in the 2026.4.14 dist (approveDevicePairing, and the connect's inline approval with callerScopes = the
  // requested scopes): a request whose scope no requested role prefixes is forbidden, and the request's operator
  // scopes must be within the caller's; a refused silent pairing stays pending (seed-11 fixture c0009, c0016).
  approvalScopeChecks: true,
  inlineApprovalCallerScopes: "requested",
  approvalChecksHeldTokenScopes: false,
  // Read in the 2026.4.14 dist (shouldSkipLocalBackendSelfPairing, consulted only for a device not paired yet): a
  // local gateway-client/backend on the shared secret or its device token is admitted unpaired and gets no device
  // token; mode none is not skipped (seed-19 configs4 fixture, k2-token c0005).
  localBackendPairingSkip: "unpaired-device-token-or-shared-secret",
  // Read in the 2026.4.14 dist (requestDevicePairing + reconcilePendingPairingRequests): a request that differs
  // from the pending one in role, roles or scopes replaces it with a new requestId, carrying every pending role
  // and scope (seed-19 configs4 c0029: a node asking no scopes after a node asking operator.admin stays pending,
  // its merged request refused).
  pendingRequestPolicy: "replace-merged",
  // Read in the 2026.4.14 and 2026.4.22 dists (createGatewayAuthRateLimiters, resolveConnectAuthState, net
  // resolveClientIp + normalizeRateLimitClientIp): the per-address limiter exists only with gateway.auth.rateLimit
  // set; the shared-secret check gets it only when a token or password is sent, and charges a wrong one even with
  // a device identity; a loopback trusted proxy's connect without X-Forwarded-For has no client address and is
  // counted under "unknown", not loopback-exempt (4.22 seed-17 configs4 96 → 0, seed-7 configs4 1 → 0, 4.14
  // seed-43 configs4 2 → 0).
  limiterNeedsConfig: true,
  sharedLimiterOnSecretOnly: true,
  unattributedProxyLimiterKey: true
};
var profiles = [
  {
    name: "2026.2.12",
    era: "observed",
    summary: "what openclaw@2026.2.12 does (read in its dist, replayed against its recordings): as 2026.2.17, but a device-less shared-secret session keeps its scopes and a failed device-token fallback reports the shared token's reason; its client puts the stored device token first",
    // Read in the openclaw@2026.2.12 dist, connect handler: no scope clearing for a session without a device (the
    // 2.17 dist clears them), and a plain auth.token that fails as a device token is refused with the shared
    // auth's reason. Conformance seeds 5 and 7 (2,000 attempts): 30 and 14 divergent under 2026.2.17, 2 and 0 with these two.
    gateway: {
      ...febGateway,
      silentPairing: "mar",
      operatorScopeImplications: false,
      approvalTokenScopes: "requested",
      scopeClearing: "preserve-allowed",
      deviceTokenFallbackReason: "explicit-only",
      // No device.pair.remove handler in the 2.12 dist (conformance seed 17, configs 4: c0057-op).
      devicePairRemove: false,
      // rotateDeviceToken in the 2.12 dist needs a paired device and a role name, not an approved role (seed-19
      // configs4 c0228-op: rotate for operator on a node-only device answers ok).
      deviceTokenNeedsApprovedRole: false
    },
    // GatewayClient.sendConnect in the 2.12 dist: stored device token ?? opts.token (before the 2.14 regression);
    // on a failed connect with both it clears the stored token.
    client: febClient,
    service: legacyService
  },
  {
    name: "2026.2.13",
    era: "S-Feb",
    summary: "Feb 2026: no detail codes, 10 min skew, nonce optional on loopback; client prefers its stored device token and self-heals",
    gateway: febGateway,
    client: febClient,
    service: legacyService
  },
  {
    name: "2026.2.14",
    era: "S-Feb",
    summary: "the token-priority regression (seed 004): passive config/env token beats the stored device token, no self-heal",
    gateway: febGateway,
    client: { ...febClient, tokenPriority: "passive-wins", staleTokenSelfHeal: false },
    service: legacyService
  },
  {
    name: "2026.2.17",
    era: "observed",
    summary: "the published 2026.2.17 release (2026.2.19 already asks approval for a local scope upgrade, issue #22616), read in the 2.17 dist and replayed against its recordings: any local pairing silent, scopes compared exactly, passive token before the stored one",
    // Read in the 2026.2.17 dist (and the same in 2026.2.12): requirePairing passes silent = isLocalClient whatever
    // the reason, scopesAllow is set membership with no operator implications.
    gateway: {
      ...febGateway,
      silentPairing: "mar",
      operatorScopeImplications: false,
      approvalTokenScopes: "requested",
      // rotateDeviceToken (resolveDeviceTokenUpdateContext) in the 2.17 dist: a paired device, any role name.
      deviceTokenNeedsApprovedRole: false
    },
    // GatewayClient.sendConnect: opts.token ?? stored (the 2.14 regression is still there); the close handler
    // clears the stored token on 1008 "device token mismatch".
    // staleTokenSelfHealWithShared: matched against the real client of openclaw@2026.2.17 (pnpm sim gate --client
    // real@2026.2.17, stories seed-004-stale-token-paired and wrong-token-bogus-stored).
    client: { ...febClient, tokenPriority: "passive-wins", staleTokenSelfHeal: true, staleTokenSelfHealWithShared: true },
    service: legacyService
  },
  {
    name: "2026.2.22",
    era: "observed",
    summary: "what openclaw@2026.2.22 does (read in its dist, replayed against its recording): early detail codes, auth.deviceToken, nonce always, 2 min skew, shared-token operators skip pairing; CVE-2026-32034 fixed",
    // Read in the openclaw@2026.2.22 dist; the connect handler is already the S-Mar one in most respects, so the
    // profile starts from it and sets back what 2.22 does not have yet (seed-5 fixture: 124 → 0).
    gateway: {
      ...marGateway,
      // Read in the 2.22 dist: no start-up seeding of Control UI origins (it comes with 2026.2.26).
      controlUiOriginSeed: "off",
      connectSchema: "feb-device-token",
      detailCodeSet: "early",
      recoveryHints: false,
      signatureSkewMs: 2 * 6e4,
      nonceRequired: "always",
      signatureVersions: ["v2"],
      originRule: "feb",
      scopeClearing: "clear-without-device",
      silentPairing: "not-paired-or-scope-upgrade",
      sharedAuthOperatorSkipsPairing: true,
      preauthPayloadBytesMax: null,
      impliedTokenScopes: false,
      deviceTokenWithinApproval: false,
      // Read in the 2.22 dist (resolveClientIp, isLocalDirectRequest, normalizeRateLimitClientIp; the server creates
      // its one connect limiter only with gateway.auth.rateLimit): a trusted proxy's connect without X-Forwarded-For
      // has no client IP, so it is not local and the limiter keys it "unknown" (not loopback-exempt); seed-17
      // configs4 fixture 4 → 0 (the first switch alone does it; the other two change no recorded attempt).
      unattributedProxyLimiterKey: true,
      limiterNeedsConfig: true,
      proxyPeerWithoutClientIp: "not-local",
      // rotateDeviceToken (resolveDeviceTokenUpdateContext) in the 2.22 dist: a paired device, any role name.
      deviceTokenNeedsApprovedRole: false
    },
    // insecureWsGuard: matched against the real client of openclaw@2026.2.22 (pnpm sim gate --client
    // real@2026.2.22, story remote-plaintext): it refuses ws:// to a non-loopback host before opening a socket.
    // 2.22's queueConnect is a 2 s watchdog that closes the socket ("connect challenge timeout"), as later releases.
    // tokenPriority: GatewayClient.sendConnect in the 2.22 dist sends opts.token when it has one and the stored device
    // token (also as auth.deviceToken) only without it; its callers (the CLI's callGateway, the TUI, the node host)
    // hand it the token they resolved from flags, config or environment alike, so a passive token wins too. No
    // §7.3 retry in that class; the self-heal only without a token or password (febClient's values).
    client: { ...febClient, tokenPriority: "resolved-late", insecureWsGuard: true, challengeTimeoutMs: 2e3, challengeTimeoutAction: "close" },
    // Read in the 2.22 dist (resolveGatewayRuntimeConfig): bind=custom refuses an unusable customBindHost.
    service: { ...legacyService, customBindFallback: "refuse", tokenBootstrap: "persist" }
  },
  {
    name: "2026.3.2",
    era: "observed",
    summary: "what openclaw@2026.3.2 does (read in its dist, replayed against its recording): the 2026.3.13 handler without recovery hints, the origin detail code or auth.bootstrapToken, any token for a paired device, and scopes kept by a device-less session whose shared secret was right",
    // Read in the openclaw@2026.3.2 dist (connect handler, ConnectParamsSchema, ensureDeviceToken) and replayed
    // against its recording (seed-5 fixture: 251 divergent attempts under 2026.3, 0 with these).
    gateway: {
      ...marGateway,
      connectSchema: "feb-device-token",
      recoveryHints: false,
      detailCodeSet: "device",
      signatureSkewMs: 2 * 6e4,
      nonceRequired: "always",
      signatureVersions: ["v3", "v2"],
      originCheckApplies: "any-origin",
      browserOriginLimiter: true,
      scopeClearing: "clear-without-shared-auth",
      localBackendPairingSkip: "shared-secret-only",
      metadataPinning: true,
      deviceTokenWithinApproval: false,
      deviceTokenNeedsApprovedRole: false,
      proxyPeerWithoutClientIp: "not-local",
      // Read in the 3.2 dist (seed-17 configs4 fixture: 82 -> 0, seed 11 stays 0): device-token checks and the
      // shared check beside a device token are keyed "unknown" for a trusted proxy naming no client, and the
      // connect limiter exists only with gateway.auth.rateLimit.
      unattributedProxyLimiterKey: true,
      limiterNeedsConfig: true
    },
    // The client of 2026.3.13 (the 2026.3 profile's) but for one value read in the 3.2 dist and matched against
    // its real client (pnpm sim gate --client real@2026.3.2): a failed connect rejects with the message alone, so the
    // client sees no detail code, never pauses and never retries with its device token.
    client: { ...lateClient, tuiClientId: "gateway-client", controlUiScopes: febClient.controlUiScopes, connectErrorDetails: false, insecureWsAllows: "env-private-ip" },
    service: fixedService
  },
  {
    name: "2026.3",
    era: "S-Mar",
    summary: "the real test suite's era, anchored on openclaw@2026.3.13: detail codes and recovery hints, one bounded device-token retry, tokenless units; S-Feb client ids (the TUI connects as gateway-client), nonce always, 2 min skew, origin check for any Origin, device-less clients other than the Control UI lose their scopes",
    // Read in the openclaw@2026.3.13 dist (connect handler, ConnectParamsSchema, device-pairing) and replayed
    // against its recording (seed-5 fixture: 57 → 0 divergent attempts).
    gateway: {
      ...marGateway,
      connectSchema: "feb-bootstrap-token",
      signatureSkewMs: 2 * 6e4,
      nonceRequired: "always",
      signatureVersions: ["v3", "v2"],
      originCheckApplies: "any-origin",
      browserOriginLimiter: true,
      scopeClearing: "clear-unless-control-ui",
      localBackendPairingSkip: "shared-secret-only",
      metadataPinning: true,
      deviceTokenNeedsApprovedRole: false,
      emptyApprovalNoBaseline: true,
      // Read in the 3.13 dist (resolveClientIp + isLocalDirectRequest, normalizeRateLimitClientIp,
      // createGatewayAuthRateLimiters): a trusted proxy's connect without X-Forwarded-For has no client IP, so it is
      // not local and the limiter keys it "unknown" (not loopback-exempt), and the per-address limiter exists only
      // with gateway.auth.rateLimit (the browser-origin one always); seed-17 configs4 fixture 87 → 0 with all three.
      // proxyPeerWithoutClientIp was held back until the model seeded Control UI origins at start for a non-loopback
      // bind as the 3.13 dist does (controlUiOriginSeed), since without that seeding chaos reported a loopback
      // Control UI behind a trusted proxy refused its origin, which the real release admits.
      proxyPeerWithoutClientIp: "not-local",
      unattributedProxyLimiterKey: true,
      limiterNeedsConfig: true,
      // Read in the 3.13 dist (authorizeGatewayConnect): a missing token or password returns before the limiter
      // records a failure; 2.17, 2.22 and 3.2 still charge it. Seed-37 configs4 fixture 2 → 0.
      tokenMissingCharged: false
    },
    // The 3.13 schema has no openclaw-tui id: its TUI connects as gateway-client (mode ui, display name openclaw-tui).
    client: { ...lateClient, tuiClientId: "gateway-client", controlUiScopes: febClient.controlUiScopes },
    service: fixedService
  },
  {
    name: "2026.3.31",
    era: "observed",
    summary: "what openclaw@2026.3.31 does (read in its dist, replayed against its recording): the 2026.3 handler with node pairing at connect (commands withheld while pending), nonce always, 2 min skew, TUI counted as Control UI, origin check for any Origin, scopes of device-less shared-secret clients cleared",
    // Read in the openclaw@2026.3.31 dist; seed-5 fixture 10 → 1 divergent attempts.
    gateway: {
      ...marGateway,
      nodePairingOnConnect: "pending-withholds",
      impliedTokenScopes: true,
      signatureSkewMs: 2 * 6e4,
      nonceRequired: "always",
      controlUiClassifier: "operator-ui",
      originCheckApplies: "any-origin",
      browserOriginLimiter: true,
      scopeClearing: "late",
      silentPairing: "first-pairing-no-origin",
      localClientRule: "loopback-peer",
      revokeClosesSessions: true,
      rotateClosesSessions: true,
      controlUiAuthNoneSkipsPairing: true,
      // Read in the 2026.3.31 dist (approveDevicePairing, callerScopes = the connect's requested scopes inline): the
      // request's operator scopes with the implied ones must be allowed to the caller under the request's role, so
      // a node-host asking role node with operator.admin stays pending (seed-19 configs4 fixture, k2-token c0021).
      approvalCallerScopesUnderPendingRole: true,
      // Read in the 2026.3.31 dist (requestDevicePairing): a re-request that differs in role, roles or scopes
      // replaces the pending one under a new requestId with the new role and every pending role and scope (the
      // 3.13 dist merged into the pending request, keeping its role): k2-token c0046, a TUI asking operator after the
      // same device's node request, is approved as operator.
      pendingRequestPolicy: "replace-merged",
      // Read in the 2026.3.31 dist (connect handler: listEffectivePairedDeviceRoles = the roles of unrevoked tokens):
      // after c0046's approval of a request merged from a node and an operator connect, the device holds only an
      // operator token, so its node connect c0078 is a role upgrade (not silent in 3.31).
      connectRolesFromTokens: true,
      // Read in the 2026.3.31 dist (createGatewayAuthRateLimiters, resolveConnectAuthState, net resolveClientIp +
      // normalizeRateLimitClientIp), the same three facts as 2026.4.14: no per-address limiter without
      // gateway.auth.rateLimit; the shared check gets it only when a token or password is sent, charges a wrong one
      // with or without a device identity and is reset by a device-token success; a loopback trusted proxy's connect
      // without X-Forwarded-For is counted under "unknown", not loopback-exempt (seed-43 configs4 fixture 2 → 0:
      // k4-password-rl3-strict-proxies c0230, c0250; the other nine recordings stay at 0).
      limiterNeedsConfig: true,
      sharedLimiterOnSecretOnly: true,
      unattributedProxyLimiterKey: true,
      // Read in the 2026.3.31 dist (authorizeGatewayConnect): a missing token or password is answered without a
      // limiter failure (seed-29 configs4 fixture, k4-password-rl3 c0176: the browser-origin loopback limiter is not
      // locked by earlier password-less connects). The 3.13 dist reads the same (2026.3 has it too).
      tokenMissingCharged: false
    },
    // Matched against the real client of openclaw@2026.3.31 run inside the world (pnpm sim gate --client
    // real@2026.3.31): it waits the 10 s pre-auth default for connect.challenge, as 4.14 does.
    client: { ...lateClient, challengeTimeoutMs: 1e4 },
    service: fixedService
  },
  {
    name: "2026.4",
    era: "S-Late",
    summary: "split handler (#63344 era): nonce always, 2 min skew, TUI counted as Control UI, device-less token clients lose scopes",
    // openclaw@2026.4.14 dist (protocol ConnectParamsSchema, method scopes), replayed against its recording:
    // the S-Mar schema plus auth.bootstrapToken (no client.buildId, no transports), and a missing scope answered
    // INVALID_REQUEST "missing scope: …" (seed-5 fixture 58 → 8 divergent attempts).
    gateway: gateway414,
    // Matched against the real client of openclaw@2026.4.14 run inside the world (pnpm sim gate --client
    // real@2026.4.14): with no connectDelayMs it waits the 10 s pre-auth default for connect.challenge.
    client: { ...lateClient, challengeTimeoutMs: 1e4 },
    service: aprService
  },
  {
    name: "2026.4.22",
    era: "observed",
    summary: "what openclaw@2026.4.22 does (read in its dist, replayed against its recording): the 2026.4.14 handler with the enum connect schema, hello-ok.auth always (scopes from the device token), the late pairing answer, and a device-less local backend keeping its scopes",
    // Read in the openclaw@2026.4.22 dist (server.impl, connect-error-details) and replayed against its seed-5
    // recording: 559 divergent attempts under 2026.4, 0 with these five.
    gateway: {
      ...gateway414,
      connectSchema: "jul",
      helloAuthAlways: true,
      helloAuthTokenScopes: true,
      pairingAnswer: "late",
      deviceLessScopeKeepers: ["gateway-client/backend"]
    },
    // The 2026.4.14 client's values: the real client of openclaw@2026.4.22 run inside the world agrees with them
    // (pnpm sim gate --client real@2026.4.22: 0 of 10 stories and 0 of 19 files differ).
    client: { ...lateClient, challengeTimeoutMs: 1e4 },
    service: aprService
  },
  {
    name: "2026.5",
    era: "observed",
    summary: "what openclaw@2026.5.28 does (read in its dist, replayed against its seed-5 recording): the 2026.6 handler as far as read and recorded, without the node-pairing limiter scope",
    // Read in the 2026.5.28 dist (auth-rate-limit scopes: default, shared-secret, device-token, hook-auth only): no
    // node-pairing scope, so a first-time node pairing request is neither checked nor charged (6.11 has the scope);
    // seed-37 configs4 fixture 5 → 2 (k4-token-rl2-strict c0125, c0130, c0131).
    gateway: { ...gatewayJun, nodePairingLimiter: false },
    client: client71,
    service: lateService
  },
  {
    name: "2026.6",
    era: "observed",
    summary: "what openclaw@2026.6.11 does (read in its dist, replayed against its seed-5 recording): the 2026.7 handler without the device-less cli scope keeper and without protocol-3 probes",
    gateway: gatewayJun,
    client: client71,
    service: lateService
  },
  {
    name: "2026.7",
    era: "observed",
    summary: "what openclaw@2026.7.1 does (read in its dist, replayed against its seed-5 recording): the 2026.8 handler with the enum connect schema without client.buildId, hello-ok.auth.scopes from the device token, no worker admission, the mid auth hints and INVALID_REQUEST for a missing scope",
    gateway: gateway71,
    client: client71,
    service: lateService
  },
  {
    name: "2026.8",
    era: "observed",
    summary: "what openclaw@2026.8.2 does (recorded, seed-5 fixture): the 2026.9 handler without hello-ok.auth.method, without the password-as-token leniency and without the wait hint for operator UIs waiting for approval",
    gateway: gateway82,
    // PR #124724 (merged 2026-08-16, after 2026.8.2): no device identity on plain-http origins yet.
    client: { ...client96, controlUiInsecureContextIdentity: false, controlUiPasswordCopiesToken: false },
    service: cliPairingService
  },
  {
    name: "2026.9",
    era: "observed",
    summary: "what openclaw@2026.9.6 does (recorded): protocol 4, 15 s handshake, startup UNAVAILABLE, 32 pre-auth sockets per IP, failed-auth delay",
    gateway: gateway96,
    // Matched against the real @openclaw/gateway-client@2026.9.1 run inside the world (sim/real-client/compare.ts).
    client: client96,
    service: cliPairingService
  }
];

// src/profiles/provenance.ts
var recorded = (release, note) => ({ kind: "recorded", release, ...note ? { note } : {} });
var read = (source, note) => ({ kind: "read", source, ...note ? { note } : {} });
var assumed = (why) => ({ kind: "assumed", why });
var sFeb = "S-Feb message-handler.ts 005f7d54 (spec \xA70)";
var sMar = "S-Mar server.auth.test.ts 2590a2f1 + auth-context.ts/connect-policy.ts 0c5d67df (spec \xA70, \xA710)";
var sLate = "S-Late split handler, handshake-auth-helpers.ts 01bf2e04, auth.ts 00893f86 (spec \xA70)";
var absentFeb = (what) => read(sFeb, `${what} is not in the S-Feb code read`);
var r96 = (note) => recorded("2026.9.6", note);
var r222 = "openclaw@2026.2.22 dist, connect handler";
var r331 = "openclaw@2026.3.31 dist, connect handler";
var r313 = "openclaw@2026.3.13 dist, connect handler";
var r32 = "openclaw@2026.3.2 dist, connect handler";
var r422 = "openclaw@2026.4.22 dist, server.impl connect handler";
var febGateway2 = {
  protocolVersion: read("spec \xA71.5: PROTOCOL_VERSION = 3 in the Feb\u2013Apr 2026 code and clients"),
  connectSchema: read(`${sFeb}; protocol/schema/frames.ts (spec \xA71.3)`),
  probeProtocolFloor: absentFeb("a protocol exception for probes"),
  controlUiBuildCheck: absentFeb("a Control UI build check"),
  passwordCountsAsTokenMismatch: read("auth.ts mid copy (spec \xA74.3.2): password without token is token_missing"),
  protocolMismatchDetails: read(`${sFeb} (spec \xA71.5): details {expectedProtocol}`),
  handshakeTimeoutMs: read("ws-connection.ts 0243ea55 (spec \xA72): DEFAULT_HANDSHAKE_TIMEOUT_MS = 10000"),
  tickIntervalMs: read("spec \xA711.10: tickIntervalMs 30000 in the code read"),
  preauthPayloadBytesMax: absentFeb("MAX_PREAUTH_PAYLOAD_BYTES"),
  preauthOversizeReason: assumed("no pre-auth cap in S-Feb, so the reason is never sent; text kept for the switch"),
  untrustedProxyHeaders: read("net.ts isLocalDirectRequest copies (spec \xA74.0): forwarded headers only make it non-local"),
  proxyPeerWithoutClientIp: assumed("the model before the switch: a trusted-proxy peer without X-Forwarded-For counts by its own address; the 2026.2.22, 3.2, 3.13, 3.31, 4.14, 5.28, 7.1 and 8.2 dists give it no client IP (not local), set for 2026.2.22 (read in its dist), 2026.3.2 and 2026.3 (3.13), whose recordings pin it"),
  controlUiOriginSeed: read("openclaw@2026.2.12, 2.17 and 2.22 dists", "no ensureControlUiAllowedOriginsForNonLoopbackBind: nothing is seeded at start (its log line says it is required since 2026.2.26)"),
  rateLimitedRetryAfter: read("spec \xA74.3.4, \xA711.11: the handler copies do not put retryAfterMs in the error"),
  unattributedProxyLimiterKey: assumed("off as before the switch existed (the limiter counts under the proxy's address); read in the 5.28, 6.11 and 7.1 dists, and set where read for 2026.2.22, 3.2, 3.13, 4.14 and 4.22"),
  sharedLimiterOnSecretOnly: read("spec \xA74.3.3: with a device identity and auth.token both present the shared probe charges nothing", "kept off where not read otherwise: the 2.22 and 3.13 dists hand the shared check no limiter at all when a device-token candidate exists; 3.31 \u2026 9.6 hand it over whenever a token or password is sent (on for 2026.4 and 2026.4.22, whose handler also resets it on a device-token success; 5.28 \u2026 7.1 charge at once too but the model's reset there is coupled to silentPairing 'late', and 8.2 defers the charge until the device-token fallback fails)"),
  sharedChargeDeferred: read("openclaw@2026.3.31, 4.14, 4.22, 7.1 dists, resolveConnectAuthState", "no deferRateLimitFailure: a wrong secret is charged at once (first seen in the 2026.8.2 dist; the 9.6 dist has it too)"),
  limiterNeedsConfig: assumed("off as before the switch existed: a limiter with the defaults always, as the 5.28 \u2026 8.2 dists do (createAuthRateLimiter(rateLimitConfig ?? {})); the 2.22, 3.2, 3.13, 3.31, 4.14 and 4.22 dists create none without gateway.auth.rateLimit"),
  challengeCapabilities: read("ws-connection.ts 0243ea55 (spec \xA72): challenge payload {nonce, ts}"),
  detailCodes: read(`${sFeb}: no details.code yet (spec \xA70)`),
  recoveryHints: absentFeb("canRetryWithDeviceToken / recommendedNextStep"),
  signatureSkewMs: read("spec \xA73.3: DEVICE_SIGNATURE_SKEW_MS 10 min in S-Feb"),
  nonceRequired: read("spec \xA73.3: nonce only required when !isLocalClient in S-Feb"),
  signatureVersions: read(`${sFeb} (spec \xA70, \xA73.2): v1/v2 signatures`),
  signatureTokenSource: read("spec \xA73.2: S-Feb payload carries auth.token only"),
  controlUiClassifier: read(`${sFeb} (spec \xA711.12): isControlUi = Control UI only`),
  originRule: read("origin-check.ts S-Feb version (spec \xA711.3): allowlist, Host equality, loopback/loopback"),
  deviceTokenFallbackReason: read(`${sFeb}: no auth.deviceToken field, fallback failure is device_token_mismatch`),
  originCheckApplies: read(`${sFeb}: origin check only for Control UI / webchat`),
  allowInsecureAuthRetired: read("CVE-2026-32034 advisory: allowInsecureAuth still honoured before 2026.2.21"),
  allowInsecureAuthRemoteBypass: read("CVE-2026-32034: before 2026.2.21 allowInsecureAuth let remote Control UI skip device"),
  trustedProxySkipsDeviceForAnyClient: read(`${sFeb}: any trusted-proxy success skips device identity`),
  scopeClearing: read("spec \xA711.2: S-Feb clears scopes of device-less connections"),
  deviceLessScopeKeepers: absentFeb("a per-client scope-keeping exception (#63344 fix)"),
  tokenMissingCharged: read("spec \xA711.6: one copy charges token_missing to the limiter", "copies differ; S-Feb chosen as charged"),
  silentPairing: read(`${sFeb} (spec \xA74.5): only not-paired local devices approved silently`),
  localClientRule: read("net.ts isLocalClient (spec \xA74.0): loopback peer and local Host"),
  localBackendPairingSkip: absentFeb("the local backend pairing skip"),
  workerClaimsClosed: absentFeb("closing worker-identity claims before hello"),
  chatSendNeedsSessionKey: absentFeb("SESSION_MUTATION_TARGET_REQUIRED"),
  pairingAnswer: read(`${sFeb} (spec \xA74.5): "pairing required" with {code, requestId, reason}`),
  uiPairingWaitHint: read(`${sFeb} (spec \xA74.5)`, "no recovery hint on the pairing answer"),
  revokeRemovesRole: read("device-pairing.ts (spec \xA76.2): revoke clears the token, keeps the role"),
  revokedRoleStaysApproved: read("device-pairing.ts (spec \xA76.2)", "only read with revokeRemovesRole: the role is never dropped, so it stays approved anyway"),
  pendingRequestPolicy: assumed("spec \xA711.9 pins merge for S-Mar and replace later; S-Feb not pinned, keep-existing chosen"),
  metadataPinning: absentFeb("metadata-upgrade pairing reason"),
  revokeClosesSessions: read("spec \xA711.8: only the late handler is known to disconnect on revoke"),
  rotateClosesSessions: read("spec \xA711.8: only the late handler is known to disconnect"),
  sharedSecretRotationClosesSessions: absentFeb("closing shared-secret sessions on rotation"),
  rotateBoundedByCaller: absentFeb("rotate bounded by the caller's scopes (late devices.ts)"),
  deviceOwnershipRule: absentFeb("the non-admin own-device rule (late devices.ts)"),
  startupUnavailableMs: absentFeb("UNAVAILABLE startup-sidecars (late docs, spec \xA71.5)"),
  preauthSocketsPerIpMax: absentFeb("a pre-auth socket cap per IP"),
  failedAuthDelay: absentFeb("an escalating failed-auth answer delay"),
  helloAuthAlways: read("spec \xA71.4: hello-ok.auth only when a device token is issued"),
  helloAuthMethod: read("spec \xA71.4: hello-ok.auth only when a device token is issued", "so no method field"),
  inlineApprovalCallerScopes: read("openclaw@2026.8.2 dist (message-handler inline approval) and the model's 2026.9.6 reading", "callerScopes = requested \u222A the paired device's access scopes; consulted only with approvalScopeChecks (not checked in the 2026.4.14 dist)"),
  pairingChecksInSequence: assumed("the model's first-unmet-check rule, kept for every profile but 2026.7 (the 2026.8.2 dist calls requirePairing in turn too; not switched on there, where a shared-secret scope upgrade is silent anyway)"),
  helloAuthTokenScopes: read("spec \xA71.4: hello-ok.auth only when a device token is issued", "it carries the token's scopes whatever this switch says"),
  browserOriginLimiter: read("spec \xA74.3.4: browser-origin limiter is S-Late"),
  browserLimiterLoopbackKey: read("openclaw@2026.2.12, 2.17 and 2.22 dists", "no browser-origin limiter, so no key (the value is never consulted)"),
  authMessageStyle: read("auth-messages.ts mid copy (spec \xA74.4)"),
  missingScopeAnswer: read("method-scopes.ts mid copy (spec \xA76.4): INVALID_REQUEST without details"),
  credentialReload: read("service drift story (spec \xA79.2): restart in process re-reads the environment"),
  unauthorizedFloodMax: absentFeb("the repeated-unauthorized flood guard"),
  browserCopilotClass: absentFeb("the openclaw-browser-copilot client class"),
  connectSecretEitherField: read("auth.ts mid copy (spec \xA74.3.2): each mode reads its own field only"),
  sharedAuthIncludesTrustedProxy: absentFeb("trusted-proxy auth mode"),
  localBackendSkipsDeviceIdentity: absentFeb("the local backend self-pairing skip"),
  deviceNonceSchemaOptional: recorded("2026.2.17", "dist ConnectParamsSchema: device.nonce Type.Optional; conformance seed 5"),
  healthNeedsReadScope: recorded("2026.2.17", "dist: health in READ_METHODS; conformance seed 5: a device-less operator (scopes cleared) gets INVALID_REQUEST"),
  deviceLessSharedAuthAnyRole: recorded("2026.2.17", "dist: canSkipDevice = sharedAuthOk for any role; conformance seed 5 admits a device-less node-host with the token"),
  unattributableProxyRefused: absentFeb("ingress attribution at the upgrade"),
  setupCodeCredential: read("openclaw@2026.2.22 dist, qr-cli resolvePairingSetupFromConfig", "setup code = {url, token, password}; CHANGELOG 2026.3.12 replaced it (GHSA-7h7g-x2px-94hj)"),
  bootstrapHandoffScopes: absentFeb("bootstrap tokens (first in 2026.3.12)"),
  bootstrapLimiter: absentFeb("the bootstrap-token limiter scope"),
  bootstrapSilentPairing: absentFeb("bootstrap-token pairing"),
  nodePairingOnConnect: read("openclaw@2026.2.12, 2026.2.22, 2026.3.2, 2026.3.13 dist, connect handler", "role node: commands filtered by the allowlist only; node.pair.* RPCs exist, no request at connect"),
  nodePairingLimiter: read("openclaw@2026.2.12 \u2026 2026.4.14 dist", "no node-pairing limiter scope"),
  nodeRequiresDeviceToken: read("openclaw@2026.2.12 \u2026 2026.4.14 dist", "no 'authenticated node pairing identity unavailable' check"),
  nodePairingNeedsPairedDevice: read("openclaw@2026.2.12 \u2026 2026.4.14 dist", "no node pairing at connect (nodePairingOnConnect none), so no request to fail"),
  approvalScopeChecks: read("openclaw@2026.2.17, 2026.2.22, 2026.3.13, 2026.3.31 dist", "no scope-outside-requested-roles check in the pairing approval"),
  approvalChecksHeldTokenScopes: assumed("only consulted with approvalScopeChecks, which these releases do not have; kept as the model was before the switch existed"),
  approvalCallerScopesUnderPendingRole: read("openclaw@2026.2.17, 2026.2.22, 2026.3.13 dist, approveDevicePairing", "no caller-scope check in the approval (2026.3.31 has one)"),
  connectRolesFromTokens: read("openclaw@2026.2.22, 2026.3.13 dist, connect handler", "the role check reads the paired record's roles (listEffectivePairedDeviceRoles, the token roles, from 2026.3.31)"),
  deviceTokenWithinApproval: read("openclaw@2026.2.12, 2026.2.22, 2026.3.2 dist, ensureDeviceToken", "mints a token for any role and scopes of a paired device"),
  deviceTokenNeedsApprovedRole: read("openclaw@2026.8.2 dist, resolveDeviceTokenUpdateContext", "no token context for a role the device is not approved for; as before the switch existed for the other releases (only read with deviceTokenWithinApproval; the 2026.3.13 dist has no such check)"),
  emptyApprovalNoBaseline: read("openclaw@2026.8.2 dist, mergeDevicePairingScopes", "an explicit empty scope list stays [] (a baseline); as before the switch existed for the releases between (2026.3.31, 4.14 not read for it)"),
  roleScopePrefix: read("openclaw@2026.2.17 dist (scopesAllow) and 2026.2.22 dist (roleScopesAllow)", "a non-operator role's scopes are compared by set membership alone, with no `<role>.` prefix; the releases between are taken to do the same"),
  impliedTokenScopes: read("openclaw@2026.2.17, 2026.2.22, 2026.3.2, 2026.3.13 dist, normalizeDeviceAuthScopes", "trims, dedupes, sorts; no implied scopes; 2026.2.17 fixtures seeds 7 and 8: 2 \u2192 0 and 3 \u2192 0"),
  nodeHostMetadataNormalization: absentFeb("node-host metadata normalisation"),
  detailCodeSet: assumed("no detail codes in S-Feb (detailCodes off), so the set is never used; the full set kept for the switch"),
  sharedAuthOperatorSkipsPairing: read("openclaw@2026.2.12 and 2026.2.17 dists, connect handler", "no pairing skip for shared-token operators (2026.2.22 has one)"),
  deviceTokenScopeMismatchReason: read("openclaw@2026.2.22, 2026.3.13, 2026.3.31, 2026.4.14 dists", "no scope_mismatch reason: a device token short of scopes fails like any other (3.31 fixture seed 6: 33 \u2192 25, 3.13: 59 \u2192 57)"),
  operatorScopeImplications: assumed("kept on, as before the switch existed, because the S-Feb bug files' verdicts rest on it; the 2026.2.12 and 2026.2.17 dists compare scopes exactly (scopesAllow), so the real 2.13/2.14 most likely did too (profile 2026.2.17 has it off)"),
  controlUiInsecureMessage: read("openclaw@2026.2.12 and 2026.2.17 dists, connect handler", "'control ui requires HTTPS or localhost (secure context)' in both, so in the releases between them"),
  approvalTokenScopes: assumed("kept as before the switch existed (the S-Feb bug profiles' traces rest on it); the 2026.2.12 and 2026.2.17 dists mint the request's scopes even when empty (profile 2026.2.17), 2026.2.22 falls back to the existing token's or the approved scopes"),
  approvalTokenPerRequestedRole: read("openclaw@2026.2.12, 2026.2.22, 2026.3.2, 2026.3.13 and 2026.3.31 dists, approveDevicePairing", "one token, for the pending request's role (normalizeRole(pending.role)), whatever other roles the request lists"),
  approvalTokenKeepsHeldScopes: assumed("off as before the switch existed: the 2026.4.14 dist (resolveApprovedTokenScopes) mints exactly the request's role scopes, the earlier dists were not re-read for it"),
  configGetScope: read("openclaw@2026.2.12 dist, authorizeGatewayMethod", "config.get is not a read method, so admin"),
  handshakeTimeoutEnv: read("openclaw@2026.2.12 dist", "only the test-only handshake timeout variable is read"),
  autoApproveLocalSetting: read("openclaw@2026.2.12 \u2026 2026.4.12 dist", "no gateway.nodes.pairing.autoApproveLocal key"),
  hotReloadPrefixes: read("openclaw@2026.2.12 \u2026 2026.4.12 dist, BASE_RELOAD_RULES", "no auth-relevant key is hot"),
  deviceTokenIssuer: read("openclaw@2026.2.12, 2.17, 2.22, 3.2, 3.13, 3.31, 4.14, 4.22 dists", "no device token issuer (no shared-gateway-auth, no legacy-browser-token): ensureDeviceToken reuses any live token that covers the scopes; first seen in the 2026.6.11 dist"),
  trustedProxyUiSkipsPairing: read("openclaw@2026.3.31 and 2026.4.14 dists, shouldSkipControlUiPairing", "skips pairing when trustedProxyAuthOk; as before the switch existed for the releases before them (not read for trusted-proxy)"),
  scopeKeepersNeedSharedSecret: assumed("off as before the switch existed: the releases before 2026.9 were not recorded with a trusted-proxy configuration, and their keeper rules were not read for it"),
  removeDropsPending: read("openclaw@2026.3.13, 3.31, 4.14 dists, removePairedDevice", "deletes the paired record only; its pending requests stay"),
  devicePairRemove: read("openclaw@2026.2.17 \u2026 2026.9.6 dists, gateway method handlers", "device.pair.remove is served (first in 2.17; the 2.12 dist has no such method)"),
  controlUiAuthNoneSkipsPairing: read("openclaw@2026.2.17, 2.22, 3.13 dists, connect handler", "no pairing skip for a Control UI in auth mode none (first seen in the 2026.3.31 dist)"),
  connectRecordsClient: read("openclaw@2026.2.17, 2.22, 3.13, 3.31, 4.14 dists, connect handler", "an allowed connect of a paired device writes the connect's client id and mode into the paired record (clientAccessMetadata / updatePairedDeviceMetadata)")
};
var marGateway2 = {
  ...febGateway2,
  controlUiOriginSeed: read("openclaw@2026.3.2, 3.13 and 3.31 dists, maybeSeedControlUiAllowedOriginsAtStartup + ensureControlUiAllowedOriginsForNonLoopbackBind", "gateway.bind lan / tailnet / custom in the config file, no allowedOrigins and no Host-header fallback: http://localhost:<port> and http://127.0.0.1:<port> (port from the config, 18789 unset) written into the config file at start; without them a non-loopback start with the Control UI refuses"),
  operatorScopeImplications: read("openclaw@2026.2.22 dist, roleScopesAllow + operatorScopeSatisfied", "admin covers read and write, write covers read; also in 2026.3.13 and later"),
  controlUiInsecureMessage: read("openclaw@2026.2.22 and 2026.3.13 dists", "'control ui requires device identity (use HTTPS or localhost secure context)'"),
  sharedAuthOperatorSkipsPairing: read("openclaw@2026.3.2, 2026.3.13, 2026.3.31 dists, connect handler", "no skipPairingForOperatorSharedAuth any more"),
  detailCodeSet: read("openclaw@2026.3.13 dist, ConnectErrorDetailCodes", "one DEVICE_AUTH_* code per failure (2026.3.2 already), CONTROL_UI_ORIGIN_NOT_ALLOWED (not in 3.2)"),
  approvalTokenScopes: read("openclaw@2026.2.22 and 2026.3.13 dists, approveDevicePairing", "a scope-less request's token takes the existing token's or the approved scopes (the model: the approved ones)"),
  roleScopePrefix: read("openclaw@2026.2.22, 2026.3.13, 2026.3.31 dists, roleScopesAllow", "a non-operator role's scopes by set membership alone, no `<role>.` prefix; 3.13 seed-7 fixture: a local backend asking role node with operator.admin on the shared token skips pairing and gets a node token with operator.admin (c0199), later node-host connects on that token are role upgrades; fixture 6 with it on"),
  impliedTokenScopes: read("openclaw@2026.3.13 dist, normalizeDeviceAuthScopes", "trims, dedupes, sorts; no implied scopes (they come with 2026.3.31, its own profile since 2026-12-04: 3.13 fixture 77 \u2192 59)"),
  deviceTokenWithinApproval: read("openclaw@2026.3.13, 2026.4.14, 2026.9.6 dist, ensureDeviceToken + resolveDeviceTokenUpdateContext", "null unless the role is approved and the scopes are within the approved baseline; seed-31337 fixture 15 \u2192 1 divergent attempts"),
  deviceLessSharedAuthAnyRole: read("openclaw@2026.2.22 dist, evaluateMissingDeviceIdentity", "roleCanSkipDeviceIdentity: operators only"),
  healthNeedsReadScope: read("openclaw@2026.2.22 dist, authorizeGatewayMethod", "health answers before any scope check"),
  deviceNonceSchemaOptional: read("openclaw@2026.2.22 \u2026 2026.9.6 dist, ConnectParamsSchema", "device.nonce required"),
  configGetScope: read("openclaw@2026.2.22 dist", "config.get listed among the read methods"),
  connectSchema: read(`${sMar}: auth.deviceToken and trusted-proxy exist (spec \xA70)`),
  preauthPayloadBytesMax: read(`${sMar}: MAX_PREAUTH_PAYLOAD_BYTES 64 KiB`),
  detailCodes: read("connect-error-details.ts S-Mar (spec \xA75.1)"),
  recoveryHints: read("connect-error-details.ts S-Mar (spec \xA75.2)"),
  signatureSkewMs: assumed("spec \xA73.3/\xA711.4: S-Mar skew not pinned by any copy; S-Feb 10 min kept"),
  signatureVersions: read(`${sMar}: the suite signs v3 (connectReq) and v2 (createSignedDevice), both pass`),
  signatureTokenSource: read(`${sMar}: \xA710 #30(b) signs over the device token with no auth.token and passes`),
  originRule: read(
    "spec \xA711.3: the S-Mar handler passes isLocalClient to the origin check",
    "two trusted-proxy tests of that era pass only with the S-Feb rule: unresolved"
  ),
  allowInsecureAuthRemoteBypass: read("CVE-2026-32034 fix (2026.2.21)"),
  trustedProxySkipsDeviceForAnyClient: read(`${sMar}: only Control UI with trusted-proxy skips device`),
  deviceTokenFallbackReason: read("auth-context.ts 0c5d67df (spec \xA74.3.3): explicit auth.deviceToken only"),
  scopeClearing: read("spec \xA711.2: S-Mar preserves allowed scopes"),
  silentPairing: read("openclaw@2026.3.13 and 2026.3.31 dist, shouldAllowSilentLocalPairing", "local, no Origin unless a browser UI, not-paired or scope-upgrade only (the S-Mar test suite's 'every local upgrade' was wider); fixtures 3.31 35 \u2192 10, 3.13 99 \u2192 77"),
  pendingRequestPolicy: read("device-pairing.ts S-Mar (spec \xA76.3): merge into the pending request"),
  browserLimiterLoopbackKey: read("openclaw@2026.3.2, 3.13 and 3.31 dists, resolveHandshakeBrowserSecurityContext", "an Origin-bearing loopback connect is keyed by one fixed stand-in address (198.18.0.1) whatever its Origin: a Control UI on localhost and another on 127.0.0.1 share one lockout")
};
var lateGateway2 = {
  ...marGateway2,
  controlUiOriginSeed: read("openclaw@2026.4.14 and 4.22 dists, isGatewayNonLoopbackBindMode + maybeSeedControlUiAllowedOriginsAtStartup", "as 2026.3 (written into the config file), with bind auto counted as non-loopback"),
  approvalTokenPerRequestedRole: read("openclaw@2026.4.14, 4.22, 5.28, 6.11, 7.1, 8.2 and 9.6 dists, approveDevicePairing (approveDevicePairingInWorker in 9.6)", "a token for every requested role (mergeRoles(pending.roles, pending.role)), each with resolveApprovedTokenScopes' share for that role"),
  approvalCallerScopesUnderPendingRole: assumed("only consulted without approvalScopeChecks, which 2026.4.14 and later have (their caller check is modelled there)"),
  connectRolesFromTokens: assumed("the 2026.4.14 \u2026 2026.9.6 dists count the roles holding a live token that are also approved (listEffectivePairedDeviceRoles); the model counts the approved roles, which with a token minted for every requested role (approvalTokenPerRequestedRole, modelled since 2026-12-04 night) and a revoked role dropped (revokeRemovesRole, 2026.5 on) are the same roles. Turning it on moved no fixture, gate verdict or hash of bench/hash-list.ts (tried 2026-12-04 night); it would change 2026.4.14/4.22, where a revoked role stays approved, and test records holding a token for a role they are not approved for"),
  deviceTokenScopeMismatchReason: read("openclaw@2026.9.6 dist, message-handler", "scope_mismatch: 'device token scope mismatch (re-pair or approve scope upgrade)'"),
  impliedTokenScopes: read("openclaw@2026.3.31, 2026.4.14, 2026.9.6 dist, normalizeDeviceAuthScopes", "admin implies read and write, write implies read"),
  roleScopePrefix: read("openclaw@2026.4.14, 2026.5.28, 2026.6.11, 2026.7.1, 2026.8.2 dists, roleScopesAllow / resolveMissingRequestedScope", "a non-operator role's scope counts only under its own `<role>.` prefix; 4.14 fixtures with it off: seed 5 7, seed 11 13 divergent attempts"),
  approvalScopeChecks: assumed("off in 2026.4 although the 2026.4.14 dist has the same approval checks: the 2026.4.14 fixture replays alike either way, so it is left off to keep the 2026.4 traces"),
  connectSchema: read(`${sLate}; docs/gateway/protocol.md 0056424d`),
  protocolMismatchDetails: read(`${sLate}: coded protocol mismatch details`),
  signatureSkewMs: read("spec \xA73.3: S-Late skew 2 min (120000 ms)"),
  nonceRequired: read("spec \xA73.3: S-Late nonce always mandatory"),
  signatureVersions: read(`${sLate}: v3 preferred, v2 accepted`),
  controlUiClassifier: read("PR #55730: operator-UI classifier (Control UI + TUI)"),
  originCheckApplies: read(`${sLate}: origin check for any Origin-bearing client`),
  scopeClearing: read("spec \xA711.2: S-Late clearUnboundScopes"),
  tokenMissingCharged: read("spec \xA711.6: later copy does not burn slots for token_missing"),
  silentPairing: read(`${sLate}: scope upgrades never silent (spec \xA70)`),
  localBackendPairingSkip: read(`${sLate}: local backend skips pairing with device token or mode none`),
  pendingRequestPolicy: read("docs/gateway/pairing.md late (spec \xA711.9): replaced with a new requestId"),
  metadataPinning: read(`${sLate}: metadata-upgrade pairing reason (spec \xA70)`),
  revokeClosesSessions: read(`${sLate}: 4001 "device removed" (spec \xA711.8)`),
  rotateClosesSessions: read(`${sLate}: rotate closes the role's sessions`),
  sharedSecretRotationClosesSessions: read(`${sLate}: shared-secret sessions closed on rotation`),
  credentialReload: read(`${sLate}: credential-only config changes hot-swapped`),
  rotateBoundedByCaller: read("server-methods/devices.ts late copy: rotate bounded by caller scopes"),
  deviceOwnershipRule: read("server-methods/devices.ts late copy: non-admin own device only"),
  browserOriginLimiter: read("auth-rate-limit.ts S-Late (spec \xA74.3.4): browser-origin limiter"),
  browserLimiterLoopbackKey: read("openclaw@2026.4.14, 5.28 and 9.6 dists, resolveBrowserOriginRateLimitKey", "an Origin-bearing loopback connect is keyed by 'browser-origin:' + the lower-cased URL origin of its Origin header; an Origin that does not parse as a URL (e.g. 'null') falls back to the fixed stand-in address"),
  unauthorizedFloodMax: read(`${sLate}: repeated unauthorized calls guard, 10`),
  missingScopeAnswer: read("method-scopes.ts late copy: FORBIDDEN + MISSING_SCOPE"),
  sharedAuthIncludesTrustedProxy: read(`${sLate}: sharedAuthOk counts trusted-proxy (was coupled to silentPairing "late")`),
  controlUiAuthNoneSkipsPairing: read("openclaw@2026.4.14 dist, shouldSkipControlUiPairing", 'an operator UI asking operator in auth mode none skips pairing (was coupled to silentPairing "late")'),
  handshakeTimeoutEnv: read("openclaw@2026.4.12 dist, resolvePreauthHandshakeTimeoutMs", "reads OPENCLAW_HANDSHAKE_TIMEOUT_MS"),
  setupCodeCredential: read("openclaw@2026.4.14 dist, qr-cli + device-bootstrap", "issueDeviceBootstrapToken(PAIRING_SETUP_BOOTSTRAP_PROFILE), TTL 600000 ms"),
  bootstrapHandoffScopes: read("openclaw@2026.4.14 dist, device-bootstrap-profile", "BOOTSTRAP_HANDOFF_OPERATOR_SCOPES"),
  bootstrapLimiter: read("openclaw@2026.4.14 dist, resolveConnectAuthDecision", "verifies the bootstrap token with no limiter check"),
  bootstrapSilentPairing: read("openclaw@2026.4.14 dist, message-handler requirePairing", "bootstrap-token + not-paired + role node + no scopes \u2192 silent, roles from the profile, PR #58382/#60221"),
  nodePairingOnConnect: read("openclaw@2026.4.14 dist, reconcileNodePairingOnConnect", "unpaired node: request filed, effective commands = declared; upgrade: request filed, effective = approved"),
  nodePairingNeedsPairedDevice: read("openclaw@2026.3.31, 2026.4.14 dists", "no 'node pairing requires a paired device': node pairing requests have a store of their own")
};
var gateway962 = {
  ...lateGateway2,
  controlUiOriginSeed: read("openclaw@2026.5.28, 6.11, 7.1, 8.2 and 9.6 dists, maybeSeedControlUiAllowedOriginsAtStartup (runtimeBind, runtimePort)", "seeded for the running process only, not written to the config file, from the bind and port it runs with (auto counts)"),
  trustedProxyUiSkipsPairing: read("openclaw@2026.9.6 dist, shouldSkipControlUiPairing", "only tailscale-device and auth-none skip; a trusted-proxy TUI or Control UI with a device gets not-paired (seed-23 configs fixture, trusted-proxy configuration: 14 \u2192 0)"),
  scopeKeepersNeedSharedSecret: read("openclaw@2026.9.6 dist, shouldSkipLocalBackendSelfPairing + shouldPreserveLocalCliSharedAuthScopes", "both need a token or password login (isSharedSecretAuthMethod) and no proxy headers; a device-less cli or backend behind the trusted proxy gets scopes [] (seed-23 configs fixture, trusted-proxy configuration)"),
  removeDropsPending: read("openclaw@2026.9.6 dist, removePairedDeviceInWorker", "removing a paired device deletes its pending requests too (also in the 2026.6.11 dist); seed-23 configs fixture c0070: a node app of a removed device is paired silently instead of refreshing the removed device's non-silent request"),
  controlUiAuthNoneSkipsPairing: read('openclaw@2026.9.6 dist, shouldSkipControlUiPairing (controlUiPairingKind "auth-none")', "an operator UI (Control UI, TUI) asking operator in auth mode none is not paired; an unpaired device gets no token. Lost when 2026.9 got its own silentPairing value; seed-17 configs fixture 7 \u2192 0 with it"),
  deviceTokenIssuer: read("openclaw@2026.9.6 dist, issueGatewayConnectDeviceTokens (message-handler) + verifyDeviceTokenInWorker / ensureDeviceTokenInWorker (worker)", "a browser UI or webchat session on shared auth, or a session that logged in with such a token, gets a token naming the shared auth's generation; re-minted when the issuer differs; refused when the generation changed or, issuer-less, for a device paired as a browser client. fixtures replayed with it off / on: seed 21 25 / 0, seed 99 41 / 0, seed 11 1 / 0 (c0659), seed 42 1 / 0"),
  connectRecordsClient: read("openclaw@2026.9.6 dist, connect handler clientAccessMetadata", "displayName, remoteIp and last-seen only: the paired record keeps the client id and mode it was approved with (also in the 2026.6.11 dist); fixtures replayed with it on: seed 21 25, seed 99 41, seed 13 3, seed 4 1 (0 each with it off)"),
  autoApproveLocalSetting: read("openclaw@2026.9.6 dist", "gateway.nodes.pairing.autoApproveLocal exists"),
  hotReloadPrefixes: read("openclaw@2026.9.6 dist, config-reload-plan", "CORE_RELOAD_POLICIES hot entries the model reads"),
  protocolVersion: r96("hello-ok.protocol 4 (spec \xA713)"),
  probeProtocolFloor: r96("probes and legacy nodes admitted on protocol 3"),
  controlUiBuildCheck: r96(),
  passwordCountsAsTokenMismatch: r96(),
  handshakeTimeoutMs: r96("15 s"),
  tickIntervalMs: r96("hello-ok.policy.tickIntervalMs 30000"),
  challengeCapabilities: r96(),
  preauthOversizeReason: r96("ws closes with an empty reason"),
  untrustedProxyHeaders: r96("upgrade refused 403"),
  rateLimitedRetryAfter: r96(),
  allowInsecureAuthRetired: r96(),
  silentPairing: read("openclaw@2026.9.6 dist, resolveLocalPairingApproval + shouldAllowSilentLocalPairing", "recorded: loopback scope upgrades silent, role upgrades never; read: a device with a paired record asking a role other than operator is never silent, whatever the reason (the same guard in the 8.2, 7.1, 6.11 and 5.28 dists); seed-17 configs4 c0151"),
  localClientRule: r96("a loopback socket with a foreign Host pairs silently, and a local backend there skips self-pairing (read in the 2026.9.6 dist: isLocalClient is ingress attribution direct-local, a loopback peer without proxy headers, and shouldSkipLocalBackendSelfPairing takes it; seed-1 fixture c0537). Proxy headers are hasForwardedRequestHeaders: Forwarded, X-Real-IP or any X-Forwarded-* (X-Forwarded-User included), the same in the 8.2, 7.1, 6.11 and 5.28 dists; 7.1 seed-23 configs4 c0031"),
  localBackendPairingSkip: r96(),
  workerClaimsClosed: r96(),
  chatSendNeedsSessionKey: r96(),
  pairingAnswer: r96(),
  uiPairingWaitHint: read("openclaw@2026.9.6 dist, message-handler pairing answer", "retryWhileControlUiApprovalPending: an operator UI with a pending request is told wait_then_retry; 2026.8.2 only tells a bootstrap first node pairing"),
  pendingRequestPolicy: r96(),
  revokeRemovesRole: r96(),
  revokedRoleStaysApproved: read("openclaw@2026.9.6 dist, resolveDeviceTokenUpdateContext + listEffectivePairedDeviceRoles", "token issue and rotation check the approved roles, the connect's pairing check the effective ones (approved with a live token): a revoked role gets a new token from a connect that skips pairing (seed-29 configs c0240, seed-17 configs4 c0134/c0140) and is effective again; the same functions in the 8.2, 7.1, 6.11 and 5.28 dists"),
  startupUnavailableMs: r96("ready 4.4\u20136.4 s after the port opens"),
  preauthSocketsPerIpMax: r96(),
  failedAuthDelay: r96(),
  helloAuthAlways: r96(),
  helloAuthTokenScopes: r96("hello-ok.auth.scopes are the session's, a device token issued or not (the 9.6 fixtures replay at their counts with it off)"),
  helloAuthMethod: read("openclaw@2026.9.6 dist, message-handler sendGatewayHello", "auth {method, role, scopes, \u2026}; the 2026.8.2 dist has no method there (seed-5 fixture: 147 divergent attempts on hello.auth.method)"),
  authMessageStyle: r96(),
  connectSecretEitherField: r96("the right password sent as auth.token is accepted in password mode (issue 11)"),
  sharedAuthIncludesTrustedProxy: r96("trusted-proxy user header, no device: accepted with scopes [] (issue 11)"),
  localBackendSkipsDeviceIdentity: r96("mode none, device-less gateway-client/backend: accepted (issue 11)"),
  unattributableProxyRefused: r96("trusted-proxy peer without X-Forwarded-For: HTTP 403 (issue 11)"),
  bootstrapHandoffScopes: read("openclaw@2026.9.6 dist, device-bootstrap-profile + setup-code", "limited PAIRING_SETUP_BOOTSTRAP_PROFILE (adds operator.questions), issued for a plaintext LAN URL"),
  bootstrapLimiter: read("openclaw@2026.9.6 dist, node-connect-reconcile resolveConnectAuthDecision", "scope bootstrap-token, failure charged only if auth still fails"),
  nodePairingOnConnect: read("openclaw@2026.9.6 dist, node-connect-reconcile reconcileNodePairingOnConnect", "unpaired node: request filed, effective commands none; upgrade: effective = approved \u2229 declared (2026.3.31 dist already withholds)"),
  approvalChecksHeldTokenScopes: assumed("the model's 2026.9.6 reading of the approval's caller check (request's operator scopes plus the existing operator token's), kept as before the switch existed; 2026.7.1 checks the next operator token's scopes (not modelled), 2026.4.14 the request's alone"),
  sharedChargeDeferred: read("openclaw@2026.9.6 dist, resolveConnectAuthState (deferRateLimitFailure) + pendingSharedAuthFailure", "as 8.2: a wrong secret beside a device-token candidate with a device identity is charged only if the connect is refused; on since 2026-12-04 night: every 9.6 fixture stays at 0, 2 of 1,102 hashes of bench/hash-list.ts moved (chaos under 2026.9), no verdict"),
  approvalTokenKeepsHeldScopes: read("openclaw@2026.9.6 dist, resolveApprovedTokenScopes (state worker)", "an approval asking scopes adds those outside the approved baseline to the role's held token (none outside: the held token's scopes are kept); the 9.6 fixtures replay at their counts with it on"),
  approvalScopeChecks: read("openclaw@2026.4.14, 2026.9.6 dist, approveDevicePairingInWorker + resolveScopeOutsideRequestedRoles", "a request whose scope no requested role prefixes is forbidden, so a silent pairing stays pending (seed-7 fixture c0016: a test client asking role node with operator.admin gets not-paired)"),
  nodePairingNeedsPairedDevice: read("openclaw@2026.9.6 dist, requestNodePairing (node.request in the state worker) + message-handler catch", "node pairing is a surface of the paired device record: no record throws 'node pairing requires a paired device', the connect handler's catch closes the socket (1000, no answer); seed-29 configs fixture c0183 (a local gateway-client/backend asking role node on an unpaired device that skipped pairing)"),
  nodeRequiresDeviceToken: r96("seed-31337 fixture: a device-bearing local gateway-client/backend asking role node gets NOT_PAIRED 'authenticated node pairing identity unavailable' (connect-session attachAuthenticatedGatewayConnect: no device token without an approved baseline)"),
  nodePairingLimiter: read("openclaw@2026.9.6 dist, connect-node-session requestNodePairingFromConnect", "first-time requests check then charge scope node-pairing (PR #90147, 2026-06); paired reconnects are not charged"),
  bootstrapSilentPairing: read("openclaw@2026.9.6 dist, isSetupCodeHandoffBootstrapClient", "silent only for a profile matching the client class (mobile app, node-host + node profile); PR #81292 (2026-05) made setup-code pairing wait for approval"),
  nodeHostMetadataNormalization: read("openclaw@2026.9.6 dist, normalizeNodeHostCompatibilityMetadata", "node hosts pin deviceFamily, so a later non-node client of the device is a metadata-upgrade; replayed: seed-2026 fixture 194 \u2192 1, seed-17 12 \u2192 13, seed-31337 1 \u2192 1"),
  deviceLessScopeKeepers: r96("cli/cli and gateway-client/backend keep scopes; test and probes cleared; seed 17: cli id in test mode gets []"),
  browserCopilotClass: r96("conformance seed 17: INVALID_REQUEST 'browser copilot requires ui mode \u2026' for any other mode or caps"),
  // Inherited S-Late values that conformance against 2026.9.6 exercised without a divergence.
  protocolMismatchDetails: r96("conformance fixtures"),
  nonceRequired: r96("conformance fixtures"),
  signatureVersions: read(`${sLate}`, "v3 recorded from 2026.9.6; v2 acceptance not exercised"),
  scopeClearing: r96("conformance fixtures"),
  originCheckApplies: r96("Origin-bearing non-UI clients checked (conformance fixtures)")
};
var controlUiBundles = {
  "2026.2.12": "dist/control-ui/assets/index-B4LPvte9.js",
  "2026.2.17": "dist/control-ui/assets/index-y8WCJEWp.js",
  "2026.2.22": "dist/control-ui/assets/index-D1uIGfCV.js",
  "2026.3.13": "dist/control-ui/assets/index-UvgeZ3yV.js",
  "2026.3.31": "dist/control-ui/assets/index-BsGEx55J.js",
  "2026.4.14": "dist/control-ui/assets/index-M4TNVXB3.js",
  "2026.5.28": "dist/control-ui/assets/index-B5x_BDbc.js",
  "2026.6.11": "dist/control-ui/assets/index-BKg4kibc.js",
  "2026.7.1": "dist/control-ui/assets/gateway-CWCQz7bR.js",
  "2026.8.2": "dist/control-ui/assets/control-ui-core-DwEmbSHC.js + control-ui-foundation-CEvZvPsn.js",
  "2026.9.6": "dist/control-ui/assets/control-ui-core-C4gGL9E4.js + control-ui-foundation-BN_yKX8J.js"
};
function controlUiSource(release) {
  const bundle = controlUiBundles[release];
  assert(bundle !== void 0, `no Control UI bundle listed for ${release}`);
  return `openclaw@${release} ${bundle}`;
}
function controlUiBackoffRead(releases, note) {
  const release = releases[0];
  const source = controlUiSource(release);
  const also = releases.length > 1 ? `; the same in ${releases.slice(1).join(", ")}` : "";
  const supervisor = release === "2026.8.2" || release === "2026.9.6";
  const form = supervisor ? "reconnect options of the shared client's supervisor" : "the page client's own backoffMs";
  const live = note ? `; ${note}` : "";
  const retry = ["2026.2.12", "2026.2.17", "2026.2.22"].includes(release) ? "this page has no device-token retry (it sends the stored token as auth.token), so nothing to clamp" : supervisor ? "a pending device-token retry reconnects without a delay override, so it waits the supervisor's next step" : "a pending device-token retry reconnects through the ordinary scheduleReconnect, so it waits the next step";
  return {
    controlUiBackoffInitialMs: read(source, `${form}: first delay 800 ms, reset on hello-ok${also}${live}`),
    controlUiBackoffFactorPercent: read(source, `${form}: \xD71.7 per reconnect${also}${live}`),
    controlUiBackoffMaxMs: read(source, `${form}: at most 15000 ms${also}${live}`),
    controlUiBackoffJitter: read(source, `${supervisor ? "the supervisor is constructed with jitter 0" : "no random term: the delay is backoffMs as is"}${also}`),
    controlUiFastRetryMs: read(source, `${retry}${also}${live}`),
    controlUiPasswordCopiesToken: release === "2026.9.6" ? read(source, "once the auth is chosen, an unset password takes the explicit shared token (authPassword ??= authToken); live: the page sends the token as auth.token and auth.password, the gateway logs auth=password and answers a wrong one canRetryWithDeviceToken false, update_auth_credentials") : read(source, `auth.password is the page's own password setting only, never a copy of the token${also}`),
    controlUiScopes: read(source, `the page's default operator scopes in this order (a reconnect on the stored device token asks the token's scopes)${also}`)
  };
}
var febClient2 = {
  tokenPriority: read("spec \xA77.2: \u2264 2026.2.13 stored ?? opts.token with self-heal"),
  deviceTokenRetry: absentFeb("the bounded device-token retry (spec \xA77.3)"),
  staleTokenSelfHeal: read("spec \xA77.4: clear stored token on 1008 device token mismatch"),
  staleTokenSelfHealWithShared: read("spec \xA77.4 and the 2026.2.22 \u2026 4.14 dists (GatewayClient close handler)", "only when neither opts.token nor opts.password was given"),
  pauseOnDetailCodes: read("spec \xA77.5: pausing needs detail codes, absent in S-Feb"),
  connectErrorDetails: read("openclaw@2026.2.12, 2026.2.22 dists, GatewayClient request(): an error answer rejects with new Error(message), its details dropped"),
  pauseOnDeviceTokenMismatch: absentFeb("pause on AUTH_DEVICE_TOKEN_MISMATCH"),
  pendingRetryDroppedWithoutStoredToken: absentFeb("the bounded device-token retry, so no retry is ever pending"),
  tokenMismatchPause: read("client.ts 032211cb (spec \xA77.5): pause after the retry or on an untrusted endpoint"),
  honourRetryAfter: absentFeb("retryAfterMs handling in the client"),
  backoffInitialMs: read("client.ts 032211cb (spec \xA77.5): backoff from 1 s"),
  backoffMaxMs: read("client.ts 032211cb (spec \xA77.5): backoff up to 30 s"),
  fastRetryMs: read("client.ts 032211cb (spec \xA77.3): 250 ms clamp for the bounded retry"),
  backoffJitter: read("client.ts 032211cb: no jitter in the code read"),
  challengeTimeoutMs: read("openclaw@2026.2.12 and 2.17 dists, GatewayClient.queueConnect", "750 ms after open (2.17: connectDelayMs, default 750, clamped 0 \u2026 5,000); the spec's 2 s watchdog is 2.22's"),
  challengeTimeoutAction: read("openclaw@2026.2.12 and 2.17 dists, GatewayClient.queueConnect + sendConnect", "the timer sends connect with no nonce (a v1 proof); a challenge after it is ignored (connectSent); the releases between them (2.13, 2.14) are taken to do the same"),
  signatureVersion: read(`${sFeb}: v2 signatures`),
  signedAtSource: read("PR #116679 (merged 2026-07-31)", "before it, first-party clients signed signedAt with their own clock"),
  protocolVersion: read("spec \xA71.5: clients ask for 3 in Feb\u2013Apr 2026"),
  insecureWsGuard: absentFeb("the plaintext ws:// guard"),
  insecureWsAllows: read("openclaw@2026.2.22 dist, isSecureWebSocketUrl", "ws:// only to a loopback host, no break-glass variable (2.12 and 2.17 have no guard, so the value is not consulted there)"),
  tuiClientId: read("PR #55730: before it the TUI connected as gateway-client"),
  controlUiSendsBuildId: absentFeb("client.buildId"),
  controlUiTokenPerTab: assumed("the per-tab sessionStorage token is a later Control UI change; S-Feb used localStorage"),
  controlUiUrlToken: read("issues #7749 (2026.2.1), #17526 (2026.2.14): tokenized dashboard URLs were ?token=; ui app-settings.ts of the time read location.search only"),
  controlUiInsecureContextIdentity: read("spec \xA78; f76e3c1419 'enforce secure control ui auth' (2026-01-21, see PR #1400): no WebCrypto, no device identity over plain http"),
  // The 2026.2.12 and 2026.2.17 bundles agree, so the releases between them (2.13, 2.14) did too.
  ...controlUiBackoffRead(["2026.2.12", "2026.2.17"])
};
var lateClient2 = {
  ...febClient2,
  tokenPriority: read("spec \xA77.1: later selectConnectAuth, explicit shared wins"),
  deviceTokenRetry: read("spec \xA77.3: one bounded device-token retry"),
  pauseOnDetailCodes: read("spec \xA77.5: pause on the detail codes"),
  connectErrorDetails: read("openclaw@2026.3.13 dist, GatewayClientRequestError: an error answer keeps its details, read for the detail code"),
  signatureVersion: read(`${sLate}: v3 signatures`),
  insecureWsGuard: read("client.ts later copy: refuse ws:// to non-loopback"),
  insecureWsAllows: read("openclaw@2026.3.13, 3.31, 4.14 and 4.22 dists, isSecureWebSocketUrl", "with OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1, a private IP literal or any host name that is not an IP literal (net.isIP(host) === 0); without it loopback only"),
  challengeTimeoutMs: read("openclaw@2026.2.22 and 2026.3.13 dists, GatewayClient.queueConnect", "connectDelayMs, default 2 s, clamped 250 \u2026 10,000"),
  challengeTimeoutAction: read("openclaw@2026.2.22 dist, GatewayClient.queueConnect", "the timer reports 'gateway connect challenge timeout' and closes 1008 'connect challenge timeout' (the spec's watchdog)"),
  tuiClientId: read("PR #55730: TUI connects as openclaw-tui"),
  controlUiTokenPerTab: read("docs.openclaw.ai web/control-ui: token kept per tab"),
  controlUiUrlToken: read("PRs #43979 (2026-03-12) and #49053: #token= preferred, ?token= a one-time legacy fallback, both stripped"),
  pendingRetryDroppedWithoutStoredToken: assumed("no release read drops a pending retry without a device token to send (read in 2026.9.6's Control UI only)")
};
var client962 = {
  ...lateClient2,
  insecureWsAllows: read("openclaw@2026.5.28, 7.1, 8.2 and 9.6 dists and @openclaw/gateway-client@2026.9.1, isSecureWebSocketUrl + isTrustedPlaintextWebSocketHost", "private IP literals and .local / .ts.net names always; with OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1 also any host name that is not an IP literal"),
  protocolVersion: recorded("@openclaw/gateway-client@2026.9.1", "sim/real-client/compare.ts"),
  pauseOnDeviceTokenMismatch: recorded("@openclaw/gateway-client@2026.9.1", "sim/real-client/compare.ts"),
  tokenMismatchPause: recorded("@openclaw/gateway-client@2026.9.1", "sim/real-client/compare.ts"),
  honourRetryAfter: recorded("@openclaw/gateway-client@2026.9.1", "sim/real-client/compare.ts"),
  challengeTimeoutMs: recorded("@openclaw/gateway-client@2026.9.1", "15 s watchdog"),
  controlUiSendsBuildId: recorded("@openclaw/gateway-client@2026.9.1"),
  controlUiInsecureContextIdentity: read("PR #124724 (merged 2026-08-16): pure-JS digest fallback, device identity on plain-http origins"),
  tokenPriority: recorded("@openclaw/gateway-client@2026.9.1", "comparison stories"),
  deviceTokenRetry: recorded("@openclaw/gateway-client@2026.9.1", "comparison stories"),
  ...controlUiBackoffRead(["2026.9.6"], "live in Chromium (reports/live/control-ui-two-tabs-2026.9.6.md): connects at +0.74, +2.35, +4.70, +8.72, +15.55, +27.02, +42.10 s after the rotation, then every ~15 s; the device-token retry \u22481.4 s after the mismatch"),
  pendingRetryDroppedWithoutStoredToken: recorded("2026.9.6", "its Control UI in Chromium, reports/live/control-ui-two-tabs-2026.9.6.md: the pre-empted tab reconnects on AUTH_TOKEN_MISMATCH for 150\u2013240 s, never paused; the same rule read in its control UI bundle")
};
var legacyService2 = {
  unitEmbedsToken: read("daemon/service-env.ts older copy (spec \xA79.2): unit embeds OPENCLAW_GATEWAY_TOKEN"),
  serviceTokenResolution: read("credentials.ts older copy (spec \xA79.1): env first"),
  auditCodes: read("daemon/service-audit.ts older copy (spec \xA79.2)"),
  doctorRepair: read("#28428 review (spec \xA79.2): the naive repair's two pitfalls"),
  customBindFallback: read("2026.2.12 and 2026.2.17 dists (resolveGatewayRuntimeConfig): an unusable customBindHost falls back to 0.0.0.0"),
  containerDetection: read("2026.2.12 \u2026 2026.2.22 dists: no container detection; an unset bind is loopback and auto prefers 127.0.0.1"),
  tokenBootstrap: read("2026.2.12 and 2026.2.17 dists (gateway run: 'no token is configured', exit); 2026.2.12 run here on 2026-12-05 with no token exited so")
};
var fixedService2 = {
  unitEmbedsToken: read("daemon/service-env.ts later copy (spec \xA79.2): tokenless units"),
  serviceTokenResolution: read("credentials.ts later copy (spec \xA79.1): config first under OPENCLAW_SERVICE_KIND=gateway"),
  auditCodes: read("daemon/service-audit.ts later copy (spec \xA79.2)"),
  doctorRepair: read("#28428 follow-up (spec \xA79.2): reload and validate first"),
  customBindFallback: read("2026.2.22 \u2026 2026.9.6 dists (resolveGatewayRuntimeConfig): bind=custom without a usable IPv4 customBindHost refuses to start"),
  containerDetection: read("2026.3.2, 3.13 and 3.31 dists: no container detection (it came with PR #61818, 2026-04-06)"),
  tokenBootstrap: read("2026.2.22 \u2026 2026.4.22 dists (ensureGatewayStartupAuth with persist: a generated token is written as gateway.auth.token, mode token; canBootstrapToken exempts the non-loopback refusal); 2.22, 3.13, 3.31 and 4.14 run here on 2026-12-05 with no token each wrote one into the config")
};
function tokenBootstrapLate(release) {
  const pairs = release === "2026.8.2" || release === "2026.9.6";
  const how = `gateway run with no token kept a generated one out of the config ("runtime token for this startup")${pairs ? " and paired the local CLI device for operator.admin before readiness (startup-local-cli-pairing)" : ""}; the CLI refuses a non-loopback bind without a configured secret (shouldBlockGatewayBindWithoutExplicitAuth)`;
  return { tokenBootstrap: release === "2026.6.11" ? read(`openclaw@${release} dist`, how) : recorded(release, `2026-12-05: ${how}`) };
}
var containerRecorded = {
  "2026.3.31": "2026-12-05: no --bind under /.dockerenv listens on 127.0.0.1 and ::1 (reports/live/container-bind-2026-12-05.md)",
  "2026.4.14": "2026-12-05: no --bind listens on 0.0.0.0 under /.dockerenv, on 127.0.0.1 without it even with FLY_MACHINE_ID and FLY_APP_NAME (reports/live/container-bind-2026-12-05.md)",
  "2026.5.28": "2026-12-05: no --bind with FLY_MACHINE_ID and FLY_APP_NAME and no /.dockerenv listens on 0.0.0.0 (reports/live/container-bind-2026-12-05.md)",
  "2026.9.6": "2026-12-05: no --bind listens on 0.0.0.0 under /.dockerenv or with both Fly.io variables, on 127.0.0.1 and ::1 with neither or FLY_MACHINE_ID alone (reports/live/container-bind-2026-12-05.md)"
};
function containerRead(release, value) {
  const live = containerRecorded[release];
  if (live !== void 0) return { containerDetection: recorded(release, live) };
  const how = value === "sentinel" ? "/.dockerenv, /run/.containerenv, /var/run/.containerenv or a container /proc/1/cgroup" : "FLY_MACHINE_ID with FLY_APP_NAME, or /.dockerenv, /run/.containerenv, /var/run/.containerenv or a container /proc/1/cgroup";
  return { containerDetection: read(`openclaw@${release} dist, isContainerEnvironment + defaultGatewayBindMode`, `${how}; then an unset bind is auto (loopback under tailscale serve/funnel) and auto listens on 0.0.0.0`) };
}
var feb = { gateway: febGateway2, client: febClient2, service: legacyService2 };
var pinnedBy82 = {
  protocolVersion: ["3", 266],
  connectSchema: ["mar", 82],
  probeProtocolFloor: ["null", 7],
  passwordCountsAsTokenMismatch: ["true", 19],
  protocolMismatchDetails: ["expected-only", 16],
  detailCodes: ["false", 114],
  recoveryHints: ["false", 59],
  signatureSkewMs: ["600000", 6],
  nonceRequired: ["remote-only", 8],
  signatureTokenSource: ["token-only", 50],
  controlUiClassifier: ["control-ui-only", 27],
  originRule: ["feb", 28],
  deviceTokenFallbackReason: ["always-device-token-mismatch", 10],
  originCheckApplies: ["ui-only", 11],
  scopeClearing: ["preserve-allowed", 10],
  deviceLessScopeKeepers: ["[]", 60],
  silentPairing: ["late", 44],
  localClientRule: ["is-local", 28],
  localBackendPairingSkip: ["device-token-or-none", 8],
  workerClaimsClosed: ["false", 7],
  pairingAnswer: ["plain", 34],
  uiPairingWaitHint: ["true", 10],
  revokeRemovesRole: ["false", 8],
  pendingRequestPolicy: ["replace", 6],
  helloAuthAlways: ["false", 103],
  helloAuthMethod: ["true", 120],
  authMessageStyle: ["mid", 19],
  missingScopeAnswer: ["invalid-request", 26],
  browserCopilotClass: ["false", 6],
  connectSecretEitherField: ["true", 19],
  deviceLessSharedAuthAnyRole: ["true", 15],
  healthNeedsReadScope: ["true", 12],
  deviceNonceSchemaOptional: ["true", 7],
  nodeRequiresDeviceToken: ["false", 6],
  approvalScopeChecks: ["false", 6],
  deviceTokenWithinApproval: ["false", 7],
  operatorScopeImplications: ["false", 14],
  detailCodeSet: ["early", 37],
  sharedAuthOperatorSkipsPairing: ["true", 54],
  deviceTokenScopeMismatchReason: ["false", 7],
  controlUiInsecureMessage: ["https-or-localhost", 14]
};
function gateway822() {
  const out = {};
  for (const [key, p] of Object.entries(gateway962)) {
    const pin = pinnedBy82[key];
    out[key] = pin ? recorded("2026.8.2", `seed-5 fixture: 5 divergent attempts, ${pin[1]} with ${pin[0]}`) : assumed(`as 2026.9 (${describeProvenance(p)}); the 2026.8.2 seed-5 recording does not tell it apart and it was not re-read in that dist`);
  }
  return {
    ...out,
    controlUiOriginSeed: read("openclaw@2026.8.2 dist, maybeSeedControlUiAllowedOriginsAtStartup", "as 2026.9.6: seeded for the running process only"),
    sharedChargeDeferred: read("openclaw@2026.8.2 dist, resolveConnectAuthState (deferRateLimitFailure = a device-token candidate with a device identity), resolveConnectAuthDecision finish + message-handler settleRejectedSharedAuthFailure", "a token_mismatch or password_mismatch beside a device-token candidate is charged to the shared-secret scope only if the connect is refused (device proof refused, fallback failed), after the device-token charge; a device-token success leaves it uncharged and unreset; seed-37 configs4 fixture 6 \u2192 2 (k4-token-rl2-strict c0085, c0185, c0207, c0248)"),
    helloAuthMethod: read("openclaw@2026.8.2 dist, message-handler hello-ok", "auth {role, scopes, \u2026} without method; seed-5 fixture 139 \u2192 24 with it off"),
    helloAuthTokenScopes: read("openclaw@2026.8.2 dist, sendGatewayHello", "auth.scopes are the session's scopes"),
    approvalTokenKeepsHeldScopes: read("openclaw@2026.8.2 dist, device-pairing-approval resolveApprovedTokenScopes", "as 2026.9.6: the asked scopes outside the approved baseline are added to the held token's"),
    connectSecretEitherField: recorded("2026.8.2", "seed-5 fixture: the right secret in the password field of a token gateway is token_missing (24 \u2192 10 with this and passwordCountsAsTokenMismatch off)"),
    passwordCountsAsTokenMismatch: recorded("2026.8.2", "seed-5 fixture: a wrong password on a token gateway is token_missing, not token_mismatch"),
    revokedRoleStaysApproved: read("openclaw@2026.8.2 dist, resolveDeviceTokenUpdateContext", "token issue and rotation check listApprovedPairedDeviceRoles, as 2026.9.6; seed-5 fixture k2/c0101 (ben's revoked operator role gets a new token from a pairing-skipping local backend): 1 \u2192 0"),
    nodePairingNeedsPairedDevice: read("openclaw@2026.8.2 dist, requestNodePairing + message-handler catch", "as 2026.9.6: no paired device record throws 'node pairing requires a paired device' and the connect handler's catch closes the socket without answering"),
    uiPairingWaitHint: read("openclaw@2026.8.2 dist, message-handler pairing answer", "wait_then_retry only for a bootstrap first node pairing or an ssh verification; seed-5 fixture 10 \u2192 5 with it off")
  };
}
var r71 = "openclaw@2026.7.1 dist";
var pinnedBy71 = {
  protocolVersion: ["3", 235],
  connectSchema: ["late", 64],
  probeProtocolFloor: ["null", 2],
  passwordCountsAsTokenMismatch: ["true", 13],
  protocolMismatchDetails: ["expected-only", 6],
  detailCodes: ["false", 97],
  recoveryHints: ["false", 56],
  nonceRequired: ["remote-only", 2],
  signatureTokenSource: ["token-only", 45],
  controlUiClassifier: ["control-ui-only", 11],
  originRule: ["feb", 8],
  deviceTokenFallbackReason: ["always-device-token-mismatch", 4],
  originCheckApplies: ["ui-only", 4],
  scopeClearing: ["preserve-allowed", 4],
  deviceLessScopeKeepers: ["[]", 55],
  silentPairing: ["all-but-node-role-upgrade", 21],
  localClientRule: ["is-local", 8],
  localBackendPairingSkip: ["also-shared-secret", 5],
  workerClaimsClosed: ["true", 2],
  pairingAnswer: ["plain", 35],
  uiPairingWaitHint: ["true", 8],
  revokeRemovesRole: ["false", 7],
  helloAuthAlways: ["false", 37],
  helloAuthMethod: ["true", 101],
  helloAuthTokenScopes: ["false", 38],
  pairingChecksInSequence: ["false", 6],
  inlineApprovalCallerScopes: ["requested-and-approved", 3],
  authMessageStyle: ["2026.9", 12],
  missingScopeAnswer: ["forbidden", 16],
  connectSecretEitherField: ["true", 20],
  deviceLessSharedAuthAnyRole: ["true", 9],
  healthNeedsReadScope: ["true", 8],
  deviceNonceSchemaOptional: ["true", 2],
  nodeHostMetadataNormalization: ["true", 7],
  approvalScopeChecks: ["false", 3],
  removeDropsPending: ["false", 5],
  deviceTokenWithinApproval: ["false", 7],
  impliedTokenScopes: ["false", 37],
  operatorScopeImplications: ["false", 11],
  detailCodeSet: ["early", 21],
  sharedAuthOperatorSkipsPairing: ["true", 70],
  deviceTokenScopeMismatchReason: ["false", 4],
  controlUiInsecureMessage: ["https-or-localhost", 8]
};
function gateway712() {
  const out = {};
  for (const [key, p] of Object.entries(gateway822())) {
    const pin = pinnedBy71[key];
    out[key] = pin ? recorded("2026.7.1", `seed-5 fixture: 0 divergent attempts, ${pin[1]} with ${pin[0]}`) : assumed(`as 2026.8 (${describeProvenance(p)}); the 2026.7.1 seed-5 recording does not tell it apart and it was not re-read in that dist`);
  }
  return {
    ...out,
    connectSchema: read(`${r71}, schema ConnectParamsSchema`, "client id and mode as Type.Enum (ajv 'must be equal to one of the allowed values'), S-Mar ids and modes, auth.bootstrapToken, no client.buildId or transports; seed-5 fixture 136 \u2192 107 (with apr)"),
    helloAuthTokenScopes: read(`${r71}, message-handler hello-ok`, "auth.scopes = deviceToken ? deviceToken.scopes : scopes"),
    approvalTokenKeepsHeldScopes: read(`${r71}, device-pairing resolveApprovedTokenScopes`, "the asked scopes outside the approved baseline are added to the role's held token (a device holding operator.pairing approved for operator.admin gets admin, pairing, read, write, reported in hello-ok); seed-29 configs4 fixture 21 \u2192 7 with it on"),
    rateLimitedRetryAfter: read(`${r71}, message-handler rejectUnauthorized`, "the unauthorized answer has details only: no retryable or retryAfterMs for rate_limited (the 8.2 dist adds both); seed-29 configs4 fixture, trusted-proxy + strict limiter: 7 \u2192 0 with it off"),
    sharedChargeDeferred: read(`${r71}, resolveConnectAuthState`, "no deferRateLimitFailure: a wrong token or password is charged at once (8.2 holds it until the connect is refused)"),
    sharedLimiterOnSecretOnly: read(`${r71}, resolveConnectAuthState + resolveConnectAuthDecision`, "rateLimiter: sharedAuthProvided ? \u2026 : none; a wrong token or password is charged at once, with or without a device identity, and a device-token success resets the shared-secret counter (2026.8.2 defers the charge instead); the recordings replay alike either way"),
    unattributedProxyLimiterKey: read(`${r71}, net resolveClientIp + auth-rate-limit normalizeRateLimitClientIp`, "a trusted proxy's request without X-Forwarded-For has no client address; the limiter keys it 'unknown', which is not loopback-exempt; seed-23 configs4 fixture c0219 (rate_limited after 10 such device-token failures): 1 \u2192 0 with it on"),
    nodeRequiresDeviceToken: read(r71, "no 'authenticated node pairing identity unavailable' anywhere in the dist (8.2 and 9.6 have it): a device-bearing local backend asking role node on the shared token is admitted; 6.11 seed-23 fixture c0991: 1 \u2192 0 with it off"),
    workerClaimsClosed: read(`${r71}, message-handler`, "no worker admission before the connect (no invalid-handshake close for worker claims)"),
    authMessageStyle: read(`${r71}, formatGatewayAuthFailureMessage`, "cli mode: 'set gateway.remote.token to match gateway.auth.token' (no local variant)"),
    missingScopeAnswer: read(`${r71}, server-methods authorizeGatewayMethod`, "INVALID_REQUEST 'missing scope: \u2026' without details"),
    silentPairing: read(`${r71}, message-handler requirePairing + shouldAllowSilentLocalPairing`, "silent = reason === 'scope-upgrade' ? false : allowSilentLocalPairing (no node-role upgrade of a paired device, metadata upgrades as 2026.9.6); 2026.8.2 makes a shared-secret scope upgrade silent; seed-5 fixture 28 \u2192 20"),
    autoApproveLocalSetting: read(r71, "no gateway.nodes.pairing.autoApproveLocal anywhere in the dist"),
    pairingChecksInSequence: read(`${r71}, message-handler`, "requirePairing('metadata-upgrade' | 'role-upgrade' | 'scope-upgrade', paired) in turn, each against the record read before the connect: a silent role upgrade to operator asking scopes is then a scope upgrade, never silent"),
    localBackendPairingSkip: read(`${r71}, message-handler shouldSkipLocalBackendSelfPairing`, "none, shared secret or device token, but consulted only when the device is not paired yet; a paired local backend meets the upgrade checks (8.2 skips them too); seed-5 fixture 8 \u2192 3"),
    inlineApprovalCallerScopes: read(`${r71}, message-handler requirePairing`, "approveDevicePairing(requestId, { callerScopes: scopes }): the requested scopes alone, so a silent role upgrade of a device whose operator token holds operator.admin is refused for a connect asking less and waits (k2 c0099); seed-5 fixture 3 \u2192 0"),
    controlUiBuildCheck: read(r71, "no client.buildId in ConnectParamsSchema, the connect handler or the Control UI assets: no build check"),
    hotReloadPrefixes: read(`${r71}, config-reload-plan`, "the only hot gateway.* rules are the channel health knobs; gateway.trustedProxies, controlUi, auth.rateLimit \u2026 fall to 'gateway' \u2192 restart"),
    credentialReload: read(`${r71}, config-reload-plan`, "no AUTH_CREDENTIAL_PATHS / canHotReloadGatewayAuthCredentials: a token or password change restarts the gateway"),
    signatureSkewMs: read(`${r71}, message-handler`, "DEVICE_SIGNATURE_SKEW_MS = 120 s"),
    revokeClosesSessions: read(`${r71}, device.token.revoke`, "disconnectClientsForDevice(deviceId, { role })"),
    rotateClosesSessions: read(`${r71}, device.token.rotate`, "disconnectClientsForDevice(deviceId, { role })"),
    deviceTokenIssuer: read(`${r71}, ensureDeviceToken`, "reuses a token only when deviceTokenIssuerMatches (the issuer rules were not re-read in full; the recording does not tell it apart)"),
    revokedRoleStaysApproved: read(`${r71}, resolveDeviceTokenUpdateContext + listEffectivePairedDeviceRoles`, "as 2026.9.6: token issue checks the approved roles, the connect the effective ones"),
    nodePairingNeedsPairedDevice: read(r71, "no 'node pairing requires a paired device' (the 8.2 and 9.6 dists have it): node pairing requests have a store of their own"),
    nodeHostMetadataNormalization: read(r71, "no normalizeNodeHostCompatibilityMetadata (the 8.2 and 9.6 dists have it): a node host pins no deviceFamily; seed-5 fixture 16 \u2192 12"),
    controlUiOriginSeed: read(`${r71}, maybeSeedControlUiAllowedOriginsAtStartup`, "as 2026.9.6: seeded for the running process only, from the bind and port it runs with"),
    unattributableProxyRefused: recorded("2026.7.1", "seed 23, trusted-proxy configuration: a trusted proxy's upgrade without X-Forwarded-For is accepted (12 attempts; the model answered 403); the 'Proxy client attribution' check is absent from the 5.28, 6.11 and 7.1 dists, present in 8.2's")
  };
}
var checkedInJun = {
  controlUiOriginSeed: "maybeSeedControlUiAllowedOriginsAtStartup: the seeded origins apply to the running process only (no config write)",
  connectSchema: "ConnectParamsSchema: Type.Enum client ids and modes, no client.buildId",
  helloAuthTokenScopes: "hello-ok auth.scopes = deviceToken ? deviceToken.scopes : scopes",
  approvalTokenKeepsHeldScopes: "resolveApprovedTokenScopes adds the asked scopes outside the approved baseline to the held token's",
  rateLimitedRetryAfter: "rejectUnauthorized: details only, no retryable or retryAfterMs for rate_limited",
  unattributedProxyLimiterKey: "resolveClientIp returns nothing for a trusted proxy without X-Forwarded-For; normalizeRateLimitClientIp keys it 'unknown'",
  nodeRequiresDeviceToken: "no 'authenticated node pairing identity unavailable' in the dist",
  workerClaimsClosed: "no worker admission in the connect handler",
  revokedRoleStaysApproved: "resolveDeviceTokenUpdateContext checks listApprovedPairedDeviceRoles; listEffectivePairedDeviceRoles for the connect",
  nodePairingNeedsPairedDevice: "no 'node pairing requires a paired device': node pairing requests have a store of their own",
  authMessageStyle: "formatGatewayAuthFailureMessage: the mid hints",
  missingScopeAnswer: "server-methods: INVALID_REQUEST 'missing scope: \u2026'",
  silentPairing: "requirePairing: silent = reason === 'scope-upgrade' ? false : \u2026",
  autoApproveLocalSetting: "no autoApproveLocal anywhere",
  nodeHostMetadataNormalization: "no normalizeNodeHostCompatibilityMetadata",
  pairingChecksInSequence: "requirePairing for metadata, role and scope upgrades in turn",
  localBackendPairingSkip: "shouldSkipLocalBackendSelfPairing in the not-paired branch only",
  inlineApprovalCallerScopes: "approveDevicePairing(\u2026, { callerScopes: scopes })",
  controlUiBuildCheck: "no buildId in the schema, the connect handler or the Control UI assets",
  hotReloadPrefixes: "config-reload-plan: only the channel health knobs are hot under gateway",
  credentialReload: "no AUTH_CREDENTIAL_PATHS / canHotReloadGatewayAuthCredentials",
  signatureSkewMs: "DEVICE_SIGNATURE_SKEW_MS = 120 s",
  revokeClosesSessions: "device.token.revoke: disconnectClientsForDevice",
  rotateClosesSessions: "device.token.rotate: disconnectClientsForDevice",
  deviceTokenIssuer: "ensureDeviceToken checks deviceTokenIssuerMatches",
  sharedLimiterOnSecretOnly: "resolveConnectAuthState: the shared check gets the limiter only when a token or password is sent; a mismatch charged at once, reset on a device-token success"
};
var pinnedBy611 = {
  protocolVersion: ["3", 237],
  connectSchema: ["late", 65],
  probeProtocolFloor: ["3", 2],
  passwordCountsAsTokenMismatch: ["true", 12],
  protocolMismatchDetails: ["expected-only", 8],
  detailCodes: ["false", 91],
  recoveryHints: ["false", 50],
  nonceRequired: ["remote-only", 2],
  signatureTokenSource: ["token-only", 44],
  controlUiClassifier: ["control-ui-only", 11],
  originRule: ["feb", 8],
  deviceTokenFallbackReason: ["always-device-token-mismatch", 4],
  originCheckApplies: ["ui-only", 4],
  scopeClearing: ["preserve-allowed", 54],
  deviceLessScopeKeepers: ["[]", 5],
  silentPairing: ["all-but-node-role-upgrade", 10],
  localClientRule: ["is-local", 8],
  localBackendPairingSkip: ["also-shared-secret", 1],
  workerClaimsClosed: ["true", 2],
  pairingAnswer: ["plain", 38],
  uiPairingWaitHint: ["true", 7],
  helloAuthAlways: ["false", 37],
  helloAuthMethod: ["true", 102],
  helloAuthTokenScopes: ["false", 45],
  pairingChecksInSequence: ["false", 4],
  authMessageStyle: ["2026.9", 12],
  missingScopeAnswer: ["forbidden", 40],
  connectSecretEitherField: ["true", 22],
  deviceLessSharedAuthAnyRole: ["true", 9],
  healthNeedsReadScope: ["true", 11],
  deviceNonceSchemaOptional: ["true", 2],
  nodeHostMetadataNormalization: ["true", 8],
  deviceTokenIssuer: ["false", 2],
  impliedTokenScopes: ["false", 42],
  operatorScopeImplications: ["false", 18],
  detailCodeSet: ["early", 21],
  sharedAuthOperatorSkipsPairing: ["true", 70],
  deviceTokenScopeMismatchReason: ["false", 5],
  controlUiInsecureMessage: ["https-or-localhost", 8]
};
var pinnedByJun = {
  "2026.6.11": pinnedBy611,
  "2026.5.28": pinnedBy611
};
function gatewayJunProvenance(release) {
  const source = `openclaw@${release} dist`;
  const pinned = pinnedByJun[release];
  const out = {};
  for (const [key, p] of Object.entries(gateway712())) {
    const checked = checkedInJun[key];
    const pin = pinned[key];
    out[key] = checked ? read(source, `${checked}${pin ? `; seed-5 fixture: 0 divergent attempts, ${pin[1]} with ${pin[0]}` : ""}`) : pin ? recorded(release, `seed-5 fixture: 0 divergent attempts, ${pin[1]} with ${pin[0]}`) : assumed(`as 2026.7 (${describeProvenance(p)}); the ${release} seed-5 recording does not tell it apart and it was not re-read in that dist`);
  }
  return {
    ...out,
    deviceLessScopeKeepers: read(`${source}, message-handler`, "no shouldPreserveLocalCliSharedAuthScopes: a device-less cli/cli is cleared; the local backend's self-pairing skip keeps its scopes; seed-5 fixture 52 \u2192 2 under 2026.7 with it"),
    probeProtocolFloor: read(`${source}, message-handler protocol check`, "probeMin=4: no protocol-3 exception for probes or legacy node hosts; seed-5 fixture 2 \u2192 0"),
    pendingRequestPolicy: read(`${source}, requestDevicePairing + reconcilePendingPairingRequests`, "refreshed in place only for the same role, roles and scopes (no incomingApprovalCoveredByExisting, which 2026.7.1 has: PR #98145), else replaced under a new requestId carrying every pending role and scope; the recordings replay alike with replace-on-growth")
  };
}
function recordedByRealClientGate(release, day = "2026-12-04") {
  const how = `gate --client real@${release} on Node 24 (${day}): 10 stories and 19 scenario files, 0 differences`;
  return Object.fromEntries(
    ["tokenPriority", "deviceTokenRetry", "pauseOnDeviceTokenMismatch", "tokenMismatchPause", "honourRetryAfter", "challengeTimeoutMs", "protocolVersion"].map((k) => [k, recorded(release, how)])
  );
}
function clientClockRecorded(release) {
  return recorded(release, `its client signs with the host clock (not the challenge ts); gate --client real@${release}: clock-skew-signature-116679 fails with the real client as under this profile (under 2026.8's challenge ts it differed)`);
}
function client71Provenance() {
  return {
    ...Object.fromEntries(Object.entries(client962).map(([k, p]) => [k, assumed(`as 2026.9 (${describeProvenance(p)}); the 2026.7.1 client was not run or read`)])),
    ...recordedByRealClientGate("2026.7.1"),
    signedAtSource: clientClockRecorded("2026.7.1"),
    controlUiInsecureContextIdentity: read("PR #124724 (merged 2026-08-16, after 2026.7.1)", "no device identity on plain-http origins yet"),
    controlUiSendsBuildId: read("openclaw@2026.7.1 dist, control-ui assets", "the connect's client object has no buildId (the 7.1 schema would refuse it)"),
    ...controlUiBackoffRead(["2026.7.1"])
  };
}
function clientJunProvenance(release) {
  const base = client71Provenance();
  return {
    ...Object.fromEntries(Object.entries(base).map(([k, p]) => [k, assumed(`as 2026.7 (${describeProvenance(p)}); the ${release} client was not read`)])),
    ...recordedByRealClientGate(release),
    signedAtSource: clientClockRecorded(release),
    ...controlUiBackoffRead([release])
  };
}
function serviceProvenance71(release) {
  return Object.fromEntries(Object.entries(fixedService2).map(([k, p]) => [k, assumed(`as 2026.9 (${describeProvenance(p)}); not re-read for ${release}`)]));
}
var provenance414Gateway = {
  ...lateGateway2,
  connectSchema: read("openclaw@2026.4.14 dist, protocol ConnectParamsSchema", "literal unions (S-Mar ids and modes), auth.bootstrapToken, no client.buildId or transports; seed-5 fixture 58 \u2192 24"),
  missingScopeAnswer: read("openclaw@2026.4.14 dist, method scope check", "INVALID_REQUEST 'missing scope: \u2026'; seed-5 fixture, with the schema, 24 \u2192 8"),
  deviceTokenScopeMismatchReason: read("openclaw@2026.4.14 dist", "no scope_mismatch reason (the 4.14 fixture replays the same either way)"),
  pairingChecksInSequence: read("openclaw@2026.4.14 dist, connect handler requirePairing", "metadata, role and scope upgrades checked in turn against the record read before the connect, a scope upgrade never silent: a device paired as a node with no scopes asking operator with scopes locally is silently given the role and then refused scope-upgrade; seed-5 fixture 3 \u2192 1 (c0033, c0051)"),
  approvalScopeChecks: read("openclaw@2026.4.14 dist, approveDevicePairing + resolveScopeOutsideRequestedRoles", "a request whose scope no requested role prefixes is forbidden, so a silent pairing stays pending and the connect is answered pairing required; seed-11 fixture 56 with it off, 0 with the two below, which neither fixture pins on its own (c0009: a node-host asking role node with operator.read on a device paired as operator, role-upgrade)"),
  inlineApprovalCallerScopes: read("openclaw@2026.4.14 dist, connect handler requirePairing", "approveDevicePairing(requestId, { callerScopes: scopes }): the requested scopes alone"),
  approvalChecksHeldTokenScopes: read("openclaw@2026.4.14 dist, approveDevicePairing", "only the request's operator scopes are checked against the caller's, not the existing operator token's"),
  approvalTokenKeepsHeldScopes: read("openclaw@2026.4.14 dist, resolveApprovedTokenScopes", "a request asking scopes gets exactly its role's share of them, the held token's are not kept (5.28 is the first dist read that keeps them)"),
  protocolMismatchDetails: read("openclaw@2026.4.14 dist, connect handler protocol check", "details { expectedProtocol: 3 } with no code; seed-11 fixture 71 \u2192 56"),
  localBackendPairingSkip: read("openclaw@2026.4.14 dist, connect handler shouldSkipLocalBackendSelfPairing", "a local gateway-client/backend without an Origin skips pairing with a device-token login or a successful shared token or password login (not in mode none), consulted only when the device is not paired yet: it is admitted unpaired and gets no device token; seed-19 configs4 fixture 31 \u2192 3 (k2-token c0005), 28 with the value it had (device-token-or-none)"),
  pendingRequestPolicy: read("openclaw@2026.4.14 dist, requestDevicePairing + reconcilePendingPairingRequests", "the pending request is refreshed (same requestId) when role, roles and scopes are the same, else replaced with a new requestId carrying every pending role and scope, silent only if all were; a request asking a subset gets a new requestId too (the churn PR #98145 later removed); seed-19 configs4 fixture 3 \u2192 0 with the skip above (k2-token c0029: a node asking no scopes after a node-host asked operator.admin stays pending, the merged request being refused by the approval's scope checks)"),
  localClientRule: read("openclaw@2026.4.14 dist, isLocalDirectRequest", "a loopback peer without forwarded headers is local whatever its Host (as in 3.31; the model's rule ignores Forwarded and X-Forwarded-Proto, and 4.14's container-local pairing equivalents are not modelled); seed-5 fixture 1 \u2192 0 (c0057: a device-less TUI with a loopback Origin and a foreign Host passes the origin check and is refused for its missing device identity)"),
  limiterNeedsConfig: read("openclaw@2026.4.14 dist, server.impl createGatewayAuthRateLimiters", "the per-address limiter is created only when gateway.auth.rateLimit is set (the browser-origin one always, never loopback-exempt); seed-31 configs4 fixture (trusted proxy, no rateLimit): 0 with it, 85 without once unattributedProxyLimiterKey is on"),
  sharedLimiterOnSecretOnly: read("openclaw@2026.4.14 dist, resolveConnectAuthState + authorizeGatewayConnect", "the shared check gets the limiter only when a token or password is sent, and a wrong one is charged with or without a device identity; a device-token success resets it"),
  unattributedProxyLimiterKey: read("openclaw@2026.4.14 dist, net resolveClientIp + auth-rate-limit normalizeRateLimitClientIp + resolveHandshakeBrowserSecurityContext", "a loopback trusted proxy's connect without X-Forwarded-For has no client address: counted under 'unknown' (browser-origin limiter too when it has an Origin), not loopback-exempt; seed-43 configs4 fixture 2 \u2192 0 (k4-password-rl3-strict-proxies c0230, c0250)")
};
var provenance414Client = {
  ...lateClient2,
  challengeTimeoutMs: recorded("2026.4.14", "client: 10 s pre-auth default when no connectDelayMs is given; story challenge-lost of pnpm sim gate --client real@2026.4.14"),
  ...controlUiBackoffRead(["2026.4.14"])
};
var profileProvenance = {
  "2026.2.13": feb,
  "2026.2.14": {
    ...feb,
    client: {
      ...febClient2,
      tokenPriority: read("issue #17270 / spec \xA77.2: 2026.2.14 regression, opts.token ?? stored"),
      staleTokenSelfHeal: read("issue #17270 / spec \xA77.2: no self-heal in the regression")
    }
  },
  "2026.2.12": {
    gateway: {
      ...febGateway2,
      silentPairing: read("openclaw@2026.2.12 dist, connect handler requirePairing", "silent = isLocalClient whatever the reason (as 2.17)"),
      operatorScopeImplications: read("openclaw@2026.2.12 dist, scopesAllow", "set membership only (as 2.17)"),
      approvalTokenScopes: read("openclaw@2026.2.12 dist, approveDevicePairing", "the role's new token gets the request's scopes (as 2.17)"),
      controlUiInsecureMessage: read("openclaw@2026.2.12 dist, connect handler", "'control ui requires HTTPS or localhost (secure context)'"),
      scopeClearing: recorded("2026.2.12", "dist connect handler: a session without a device keeps the scopes it asked (no clearing); conformance seed 5: device-less cli/backend sessions on the shared token answer health/status, 30 \u2192 3 divergent attempts"),
      deviceTokenFallbackReason: recorded("2026.2.12", "dist connect handler: a plain auth.token that fails as a device token is refused with the shared auth's reason (gateway token mismatch); conformance seed 5 c0254, 3 \u2192 2"),
      devicePairRemove: recorded("2026.2.12", "dist: no device.pair.remove among the core gateway handlers nor in authorizeGatewayMethod's pairing set, so an admin gets 'unknown method' and anyone else 'missing scope: operator.admin' (handleGatewayRequest checks scope first); no remove command in its devices CLI; conformance seed 17 (configs 4) c0057-op, 1 \u2192 0"),
      deviceTokenNeedsApprovedRole: recorded("2026.2.12", "dist rotateDeviceToken: needs a paired device and a role name, not a role the device was approved for (nor a scope baseline: not modelled, the model still checks it); conformance seed 19 (configs 4) c0228-op, rotate for operator on a node device answers ok, 1 \u2192 0")
    },
    client: {
      ...febClient2,
      tokenPriority: read("openclaw@2026.2.12 dist, GatewayClient.sendConnect", "authToken = stored device token ?? opts.token; a failed connect with both clears the stored token")
    },
    service: legacyService2
  },
  "2026.2.17": {
    gateway: {
      ...febGateway2,
      silentPairing: read("openclaw@2026.2.17 dist (same in 2026.2.12), connect handler requirePairing", "silent = isLocalClient whatever the reason (not-paired, role or scope upgrade); fixture 2.17 seed 9: 11 \u2192 10 with it alone"),
      operatorScopeImplications: read("openclaw@2026.2.17 dist (same in 2026.2.12), scopesAllow in pairing, ensureDeviceToken and verifyDeviceToken", "set membership only; fixture 2.17 seed 9: a device paired for admin asking read is a silent scope upgrade and gets a read token"),
      controlUiInsecureMessage: read("openclaw@2026.2.17 dist, connect handler", "'control ui requires HTTPS or localhost (secure context)'; fixture 2.17 seed 9 c0970"),
      approvalTokenScopes: read("openclaw@2026.2.17 dist (same in 2026.2.12), approveDevicePairing", "the role's new token gets the request's scopes, [] for a scope-less role upgrade; fixture 2.17 seed 9 c0368"),
      deviceTokenNeedsApprovedRole: read("openclaw@2026.2.17 dist, rotateDeviceToken + resolveDeviceTokenUpdateContext", "a paired device and a role name suffice, no approved-role check (nor a scope baseline: not modelled, the model still checks it); the 2.17 recordings do not pin it")
    },
    client: {
      ...febClient2,
      tokenPriority: read("openclaw@2026.2.17 dist, GatewayClient.sendConnect", "authToken = opts.token ?? stored device token: the 2026.2.14 regression (issue #17270) is still shipped"),
      staleTokenSelfHeal: read("openclaw@2026.2.17 dist, GatewayClient close handler", "clears the stored token on close 1008 'device token mismatch'"),
      staleTokenSelfHealWithShared: recorded("2026.2.17", "client: the close handler checks only for a device identity, so the stored token goes even with a shared token given; stories seed-004-stale-token-paired and wrong-token-bogus-stored of pnpm sim gate --client real@2026.2.17 agree with it (storedToken differed without)"),
      ...controlUiBackoffRead(["2026.2.17"])
    },
    service: legacyService2
  },
  "2026.2.22": {
    ...feb,
    service: { ...legacyService2, customBindFallback: fixedService2.customBindFallback, tokenBootstrap: fixedService2.tokenBootstrap },
    // The gateway starts from the S-Mar table (catalog.ts does too) and every switch 2.22 sets back is read in its
    // dist; the seed-5 fixture replays at 0 divergent attempts with them (124 before).
    gateway: {
      ...marGateway2,
      controlUiOriginSeed: read("openclaw@2026.2.22 dist", "no ensureControlUiAllowedOriginsForNonLoopbackBind: nothing is seeded at start"),
      connectSchema: read(r222, "ConnectParamsSchema: the S-Feb client ids (no openclaw-tui), auth {token, deviceToken, password}"),
      detailCodes: read(r222, "connect errors carry details.code (AUTH_*, DEVICE_AUTH_INVALID, PAIRING_REQUIRED, \u2026)"),
      detailCodeSet: read(r222, "ConnectErrorDetailCodes has DEVICE_AUTH_INVALID only (details.reason names the failure) and no origin code; fixture 124 \u2192 2 \u2192 0"),
      recoveryHints: read(r222, "no canRetryWithDeviceToken / recommendedNextStep"),
      signatureSkewMs: read(r222, "DEVICE_SIGNATURE_SKEW_MS = 120 s"),
      nonceRequired: read(r222, "a device proof without a nonce is refused whatever the locality"),
      signatureVersions: read(r222, "buildDeviceAuthPayload writes v2 only; the token is auth.token ?? auth.deviceToken"),
      signatureTokenSource: read(r222, "auth.token ?? auth.deviceToken (no bootstrap token yet)"),
      originRule: read(r222, "checkBrowserOrigin: allowlist, Host equality, loopback/loopback"),
      scopeClearing: read(r222, "clearUnboundScopes: a device-less connection's scopes are cleared unless the Control UI bypass is on"),
      silentPairing: read(r222, "requirePairing: silent = isLocalClient && (not-paired || scope-upgrade)"),
      sharedAuthOperatorSkipsPairing: read(r222, "skipPairingForOperatorSharedAuth: operator, shared token or password ok, not Control UI or webchat (absent from 2026.3.2 on); seed-6 fixture (recorded after it was read): 0 divergent with it, 4 without"),
      preauthPayloadBytesMax: read(r222, "no MAX_PREAUTH_PAYLOAD_BYTES"),
      impliedTokenScopes: febGateway2.impliedTokenScopes,
      deviceTokenWithinApproval: febGateway2.deviceTokenWithinApproval,
      deviceTokenFallbackReason: read(r222, "resolveConnectAuthDecision: device_token_mismatch only for an explicit auth.deviceToken"),
      trustedProxySkipsDeviceForAnyClient: read(r222, "evaluateMissingDeviceIdentity has no trusted-proxy exception"),
      pendingRequestPolicy: read(r222, "requestDevicePairing merges into the pending request (mergePendingDevicePairingRequest)"),
      allowInsecureAuthRemoteBypass: read("CVE-2026-32034 fixed in 2026.2.21"),
      tokenMissingCharged: read("openclaw@2026.2.22 dist, authorizeGatewayConnect", "a token-mode connect without a token records a limiter failure before answering token_missing (as 2.17 and 3.2 do; 3.13 no longer does)"),
      unattributedProxyLimiterKey: recorded("2026.2.22", "dist: resolveClientIp gives a trusted proxy's connect without X-Forwarded-For (nor an allowed X-Real-IP) no client IP; the connect handler hands it to resolveConnectAuthState, whose device-token check and shared check beside a device-token candidate key it 'unknown' (normalizeRateLimitClientIp), not loopback-exempt. Seed-17 configs4 fixture (password + 3-attempt limiter + trusted proxy 127.0.0.1): 4 rate_limited answers, 4 -> 0 with it"),
      limiterNeedsConfig: read("openclaw@2026.2.22 dist, server start (authRateLimiter = rateLimitConfig ? createAuthRateLimiter(\u2026) : none) and no browser-origin limiter", "without gateway.auth.rateLimit nothing counts connect failures; the recordings do not pin it (0 either way)"),
      proxyPeerWithoutClientIp: read("openclaw@2026.2.22 dist, resolveClientIp + isLocalDirectRequest", "a trusted-proxy peer without X-Forwarded-For (and no real-IP fallback) has no client IP, so it is not local; the recordings do not pin it (0 either way)"),
      deviceTokenNeedsApprovedRole: read("openclaw@2026.2.22 dist, rotateDeviceToken + resolveDeviceTokenUpdateContext", "a paired device and a role name suffice, no approved-role check (the scope baseline is checked); the recordings do not pin it")
    },
    client: {
      ...febClient2,
      tokenPriority: recorded("2026.2.22", "client: sendConnect sends opts.token (what its caller resolved from flags, config or env: callGateway's resolveGatewayCredentialsFromConfig) and the stored device token, as auth.deviceToken too, only without it, as the later selectConnectAuth; PR #17336's explicit > stored > passive never shipped. pnpm sim gate --client real@2026.2.22: token-priority-file, node-token-mismatch-17185 and agent-tools-mismatch-18936 differed under explicit-stored-passive, 0 of 19 files differ now"),
      challengeTimeoutMs: read("openclaw@2026.2.22 dist, GatewayClient.queueConnect", "connectDelayMs, default 2 s"),
      challengeTimeoutAction: read("openclaw@2026.2.22 dist, GatewayClient.queueConnect", "closes the socket: the 2 s watchdog"),
      insecureWsGuard: recorded("2026.2.22", "client: start() refuses ws:// unless the host is loopback (isSecureWebSocketUrl); story remote-plaintext of pnpm sim gate --client real@2026.2.22"),
      ...controlUiBackoffRead(["2026.2.22"])
    }
  },
  "2026.3.2": {
    // Read in the openclaw@2026.3.2 dist; the seed-5 fixture (1,000 attempts, token configuration) replays at 0
    // divergent attempts with these (251 under 2026.3). "fixture n" = its count with that one value as 2026.3 has it.
    gateway: {
      ...marGateway2,
      connectSchema: read(r32, "ConnectParamsSchema: the S-Feb client ids, auth {token, deviceToken, password} (no bootstrapToken); the recording does not pin it"),
      recoveryHints: read(r32, "connect errors carry details.code and authReason, no canRetryWithDeviceToken / recommendedNextStep; fixture 431 lines \u2192 311 with the detail set"),
      detailCodeSet: read(r32, "ConnectErrorDetailCodes: one DEVICE_AUTH_* code per failure, no CONTROL_UI_ORIGIN_NOT_ALLOWED (an origin refusal has no details)"),
      signatureSkewMs: read(r32, "DEVICE_SIGNATURE_SKEW_MS = 120 s"),
      nonceRequired: read(r32, "a device proof without a nonce is refused (device-nonce-missing) whatever the locality"),
      signatureVersions: read(r32, "resolveDeviceSignaturePayloadVersion tries v3 then v2"),
      originCheckApplies: read(r32, "enforceOriginCheckForAnyClient || Control UI || webchat"),
      browserOriginLimiter: read(r32, "Origin-bearing clients use the browser limiter (authRateLimiter)"),
      scopeClearing: read(r32, "clearUnboundScopes: a device-less connection's scopes are cleared unless the Control UI bypass is on or shared auth is ok; device-less cli/backend sessions on the shared token answer status (fixture 106 \u2192 35 against clear-unless-control-ui)"),
      localBackendPairingSkip: read(r32, "shouldSkipBackendSelfPairing: local gateway-client/backend, no Origin, shared token or password ok"),
      metadataPinning: read(r32, "resolvePinnedClientMetadata: platform / deviceFamily mismatch is a metadata-upgrade"),
      proxyPeerWithoutClientIp: read("openclaw@2026.3.2 dist, resolveClientIp + isLocalDirectRequest", "a trusted-proxy peer without X-Forwarded-For (and no real-IP fallback) has no client IP, so it is not local: no loopback origin, no silent pairing; seed-11 sweep, password configuration with 127.0.0.1 as trusted proxy"),
      unattributedProxyLimiterKey: recorded("2026.3.2", "dist: the connect handler passes the resolved client IP (none for a trusted proxy without X-Forwarded-For) to the device-token limiter check and to the shared-secret check made beside a device-token candidate; normalizeRateLimitClientIp keys a missing IP 'unknown', which is not loopback-exempt. (A connect without a device-token candidate is checked inside authorizeGatewayConnect, which falls back to the peer address: not modelled, the model keys it 'unknown' too.) Seed-17 configs4 fixture, password + 3-attempt limiter + trusted proxy 127.0.0.1: 82 rate_limited answers, 82 -> 0 with limiterNeedsConfig"),
      limiterNeedsConfig: read("openclaw@2026.3.2 dist, createGatewayAuthRateLimiters", "the connect limiter is created only when gateway.auth.rateLimit is set (the browser-origin one always); with unattributedProxyLimiterKey on, the seed-11 configs4 fixture (password + trusted proxy 127.0.0.1, no rateLimit) would go 0 -> 73 without it"),
      deviceTokenNeedsApprovedRole: read("openclaw@2026.3.2 dist, rotateDeviceToken + resolveDeviceTokenUpdateContext", "rotate needs a paired device, not an approved role: device.token.rotate for role node on an operator device answers ok; seed-11 sweep, 3 \u2192 0"),
      deviceTokenWithinApproval: read("openclaw@2026.3.2 dist, ensureDeviceToken", "issues for any paired device, whatever role or scopes it was approved for (the checks came with 2026.3.13); fixture 35 \u2192 0 (a backend skipping pairing gets an operator.admin token)")
    },
    client: {
      ...Object.fromEntries(Object.entries({ ...lateClient2, ...controlUiBackoffRead(["2026.3.13"]) }).map(([k, p]) => [k, assumed(`as 2026.3 (${describeProvenance(p)}); the 2026.3.2 client was not read or run`)])),
      tuiClientId: read(r32, "the connect schema has no openclaw-tui id, so a TUI can only connect as gateway-client"),
      insecureWsAllows: read("openclaw@2026.3.2 dist, isSecureWebSocketUrl", "with OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1 only private IP literals (isPrivateOrLoopbackHost); a host name such as <host>.local is refused"),
      connectErrorDetails: recorded("2026.3.2", "client request(): an error answer rejects with new Error(message) (no GatewayClientRequestError before 2026.3.13), so no detail code reaches the retry or pause decision; stories wrong-token-bogus-stored and device-token-mismatch of pnpm sim gate --client real@2026.3.2 (never paused, backoff 1 s \u2026 30 s)")
    },
    service: Object.fromEntries(Object.entries(fixedService2).map(([k, p]) => [k, assumed(`as 2026.3 (${describeProvenance(p)}); not re-read for 2026.3.2`)]))
  },
  "2026.3": {
    // Read in the openclaw@2026.3.13 dist; the seed-5 fixture (212 attempts) replays at 0 divergent attempts with
    // these (57 before). "fixture n" = its count with that one value set back.
    gateway: {
      ...marGateway2,
      connectSchema: read(r313, "ConnectParamsSchema: the S-Feb client ids (no openclaw-tui, PR #55730 came later) and modes, auth {token, bootstrapToken, deviceToken, password}; fixture 28 with mar"),
      signatureSkewMs: read(r313, "DEVICE_SIGNATURE_SKEW_MS = 120 s (the recording does not pin it)"),
      nonceRequired: read(r313, "a device proof without a nonce is refused whatever the locality; fixture 1 with remote-only (k2-token-rl3 c0042)"),
      signatureVersions: read(r313, "resolveDeviceSignaturePayloadVersion tries v3 then v2, no v1"),
      originCheckApplies: read(r313, "resolveHandshakeBrowserSecurityContext: enforceOriginCheckForAnyClient = an Origin header is present; fixture 4 with ui-only"),
      browserOriginLimiter: read(r313, "resolveHandshakeBrowserSecurityContext: Origin-bearing clients use the browser limiter, loopback under one shared key (not pinned by the recording)"),
      scopeClearing: read(r313, "clearUnboundScopes when there is no device unless an admitted Control UI (the Control UI bypass, trusted proxy or allowInsecureAuth on loopback); fixture 17 with preserve-allowed (status, device.* RPCs of device-less cli/backend sessions answered INVALID_REQUEST)"),
      localBackendPairingSkip: read(r313, "shouldSkipBackendSelfPairing: local gateway-client/backend, no Origin, shared token or password ok; fixture 1 with never (k2-token-rl3 c0020)"),
      metadataPinning: read(r313, "resolvePinnedClientMetadata: a paired device's platform / deviceFamily must match (metadata-upgrade), and clientAccessMetadata does not overwrite them (not pinned by the recording)"),
      deviceTokenNeedsApprovedRole: read(r313, "ensureDeviceToken / resolveDeviceTokenUpdateContext check the scope baseline only, not the role; fixture 1 with the role check (k2-token-rl3 c0020: a local backend skipping pairing gets a node token)"),
      emptyApprovalNoBaseline: read("openclaw@2026.3.13 dist, device-pairing mergeScopes + resolveApprovedDeviceScopeBaseline", "an approval with no scopes records none, so no baseline: no token in hello-ok for a scope-less node pairing and its device token refused; fixture 7 without"),
      tokenMissingCharged: read(r313, "authorizeGatewayConnect: token_missing and password_missing return before limiter.recordFailure (2.17, 2.22 and 3.2 record one first); seed-37 configs4 fixture 2 -> 0 (k4-token-rl2-strict c0229, c0248: a device-less backend sending only a made-up deviceToken, c0086, had charged the browser limiter's loopback key and, with one token mismatch, locked it)"),
      proxyPeerWithoutClientIp: recorded("2026.3.13", "seed-17 and seed-37 configs4 fixtures (password + limiter + trusted proxy 127.0.0.1): a connect through the trusted loopback proxy without X-Forwarded-For is not local (pairing required, its loopback Origin refused); 10 -> 2 and 7 -> 2 with it. Held back until 2026-12-04 late, when the model began seeding Control UI origins at start for a non-loopback bind (controlUiOriginSeed) as the 3.13 dist does: without that seeding chaos reported a loopback Control UI behind such a proxy refused its origin"),
      unattributedProxyLimiterKey: recorded("2026.3.13", "dist: the connect handler hands resolveClientIp's result (none for a trusted proxy without X-Forwarded-For) to the device-token limiter check and to the shared check beside a device-token candidate; normalizeRateLimitClientIp keys it 'unknown', not loopback-exempt. Seed-17 configs4 fixture (password + 3-attempt limiter + origins + trusted proxy 127.0.0.1): 87 -> 0 with it, limiterNeedsConfig and proxyPeerWithoutClientIp not-local (10 with proxyPeerWithoutClientIp left as peer-address, see the base table)"),
      limiterNeedsConfig: read("openclaw@2026.3.13 dist, createGatewayAuthRateLimiters", "the per-address limiter only with gateway.auth.rateLimit, the browser-origin one always; the recordings without rateLimit have no trusted proxy, so none pins it alone (scenario rate-limit-lockout now fails under 2026.3: nothing locks the laptop out)")
    },
    client: {
      ...lateClient2,
      tuiClientId: read(r313, "the connect schema has no openclaw-tui id (PR #55730 came later), so its TUI connects as gateway-client/ui with display name openclaw-tui"),
      ...controlUiBackoffRead(["2026.3.13"])
    },
    service: fixedService2
  },
  "2026.3.31": {
    gateway: {
      ...marGateway2,
      nodePairingOnConnect: read(r331, "reconcileNodePairingOnConnect: an unpaired node files a request and gets no commands while it waits"),
      impliedTokenScopes: read("openclaw@2026.3.31 dist, normalizeDeviceAuthScopes", "admin implies read and write, write implies read; fixture seed 5: 1 with, 32 without"),
      signatureSkewMs: read(r331, "DEVICE_SIGNATURE_SKEW_MS = 120 s (2026.3.2 and 2026.3.13 too); fixture seed 5 c0138"),
      nonceRequired: read(r331, "a device proof without a nonce is refused whatever the locality; fixture seed 5 c0106"),
      controlUiClassifier: read(r331, "isOperatorUiClient: Control UI or openclaw-tui; fixture seed 5: 8 \u2192 4"),
      controlUiAuthNoneSkipsPairing: read(r331, "shouldSkipControlUiPairing: an operator UI asking operator in auth mode none skips pairing (the recordings, token configs only, do not exercise it)"),
      originCheckApplies: read(r331, "resolveHandshakeBrowserSecurityContext: enforceOriginCheckForAnyClient = an Origin header is present; fixture 4 \u2192 3"),
      browserOriginLimiter: read(r331, "resolveHandshakeBrowserSecurityContext: Origin-bearing clients use the browser limiter, loopback under one shared key"),
      scopeClearing: read(r331, "shouldClearUnboundScopesForMissingDeviceIdentity: a device-less token/password/trusted-proxy client loses its scopes; fixture 3 \u2192 1"),
      silentPairing: read(r331, "requirePairing: silent = reason === 'scope-upgrade' ? false : shouldAllowSilentLocalPairing(\u2026) (2026.3.13 has no such exception): only a local first pairing, no Origin unless a browser UI"),
      localClientRule: read("openclaw@2026.3.31 dist, isLocalDirectRequest", "a loopback peer without forwarded headers is local whatever its Host (the model's rule ignores Forwarded and X-Forwarded-Proto); fixtures seed 5: 1 \u2192 0, seed 6: 25 \u2192 0"),
      revokeClosesSessions: read("openclaw@2026.3.31 dist, device.token.revoke", "disconnectClientsForDevice(deviceId, {role}) closes 4001 'device removed'"),
      rotateClosesSessions: read("openclaw@2026.3.31 dist, device.token.rotate", "disconnectClientsForDevice(deviceId, {role})"),
      approvalCallerScopesUnderPendingRole: read("openclaw@2026.3.31 dist, approveDevicePairing (callerScopes: the connect's requested scopes inline, the approver's connect scopes for device.pair.approve)", "the request's operator scopes with the implied ones must be allowed to the caller under the request's role, plain set membership for a non-operator role: a node-host asking role node with operator.admin is not approved silently (seed-19 configs4 fixture 24 \u2192 20, k2-token c0021)"),
      pendingRequestPolicy: read("openclaw@2026.3.31 dist, requestDevicePairing", "refreshed in place only for the same role, roles and scopes, else replaced under a new requestId with the incoming role and every pending role and scope: a TUI asking operator after the same device's node request is approved as operator (seed-19 configs4 fixture 20 \u2192 8, k2-token c0046)"),
      tokenMissingCharged: read("openclaw@2026.3.31 dist, authorizeGatewayConnect + authorizeTokenAuth", "token_missing and password_missing return before limiter.recordFailure (only a mismatch is charged), as in the 3.13 dist (2026.3); seed-29 configs4 fixture 2 \u2192 0 (k4-password-rl3 c0176, c0201: Origin-bearing loopback connects share the browser limiter's key, and three password-less ones had locked it in the model)"),
      connectRolesFromTokens: read("openclaw@2026.3.31 dist, connect handler listEffectivePairedDeviceRoles", "the roles holding an unrevoked token: a role recorded by a merged approval without its own token is a role upgrade (seed-19 configs4 fixture 8 \u2192 0, k2-token c0078)"),
      limiterNeedsConfig: read("openclaw@2026.3.31 dist, createGatewayAuthRateLimiters", "the per-address limiter is created only when gateway.auth.rateLimit is set (the browser-origin one always, never loopback-exempt); seed-31 configs4 fixture (trusted-proxy configurations without a limiter) stays at 0 only with it once unattributedProxyLimiterKey is on (85 without)"),
      sharedLimiterOnSecretOnly: read("openclaw@2026.3.31 dist, resolveConnectAuthState + resolveConnectAuthDecision + authorizeTokenAuth", "rateLimiter: sharedAuthProvided ? \u2026 : none; a wrong token or password is charged with or without a device identity; a device-token success resets the shared-secret counter when a token or password was sent; the recordings replay alike either way"),
      unattributedProxyLimiterKey: read("openclaw@2026.3.31 dist, net resolveClientIp + auth-rate-limit normalizeRateLimitClientIp + resolveHandshakeBrowserSecurityContext", "a loopback trusted proxy's connect without X-Forwarded-For has no client address: counted under 'unknown' (by the browser-origin limiter when it has an Origin), not loopback-exempt; seed-43 configs4 fixture 2 \u2192 0 (k4-password-rl3-strict-proxies c0230, c0250)")
    },
    client: {
      ...lateClient2,
      challengeTimeoutMs: recorded("2026.3.31", "client: 10 s pre-auth default when no connectDelayMs is given; story challenge-lost of pnpm sim gate --client real@2026.3.31"),
      ...controlUiBackoffRead(["2026.3.31"])
    },
    service: { ...fixedService2, containerDetection: recorded("2026.3.31", containerRecorded["2026.3.31"]) }
  },
  "2026.4": {
    gateway: provenance414Gateway,
    client: provenance414Client,
    service: { ...fixedService2, ...containerRead("2026.4.14", "sentinel") }
  },
  "2026.4.22": {
    // Read in the openclaw@2026.4.22 dist; the seed-5 fixture (1,000 attempts, token configuration) replays at 0
    // divergent attempts with these five on top of 2026.4 (559 before). The rest is 2026.4's, each entry saying so.
    gateway: {
      ...Object.fromEntries(Object.entries(provenance414Gateway).map(([k, p]) => [k, assumed(`as 2026.4 (${describeProvenance(p)}); not told apart by the 2026.4.22 recording`)])),
      connectSchema: read(r422, "protocol ConnectParamsSchema: client id and mode as Type.Enum (ajv's 'must be equal to one of the allowed values'), auth.bootstrapToken, no client.buildId; fixture 956 \u2192 597 lines with hello auth, \u2192 396 with this"),
      helloAuthAlways: read(r422, "hello-ok.auth carries role and scopes on every hello, with or without a device token; fixture 956 \u2192 597 lines"),
      helloAuthTokenScopes: read(r422, "hello-ok.auth.scopes = deviceToken ? deviceToken.scopes : scopes (an admin token's implied read and write); fixture 390 \u2192 56 lines"),
      pairingAnswer: read("openclaw@2026.4.22 dist, connect-error-details", "'pairing required: device is asking for more scopes than currently approved' with the requirement in the message"),
      deviceLessScopeKeepers: read(r422, "a device-less local gateway-client/backend on the shared secret skips self-pairing and does not lose its scopes (shouldSkipLocalBackendSelfPairing before shouldClearUnboundScopesForMissingDeviceIdentity); fixture 56 \u2192 0"),
      limiterNeedsConfig: read("openclaw@2026.4.22 dist, server.impl createGatewayAuthRateLimiters", "no per-address limiter without gateway.auth.rateLimit (the browser-origin one always); seed-31 configs4 fixture (trusted-proxy configurations without a limiter) replays at 0 only with it once unattributedProxyLimiterKey is on"),
      sharedLimiterOnSecretOnly: read(`${r422}, resolveConnectAuthState`, "rateLimiter: sharedAuthProvided ? \u2026 : none; authorizeTokenAuth charges a mismatch whether or not a device identity comes along: seed-7 configs4 fixture 1 \u2192 0 (k3-token-rl3-origins c0244: a device-less wrong token under the loopback Origin after device-bearing wrong tokens under it)"),
      unattributedProxyLimiterKey: read("openclaw@2026.4.22 dist, net resolveClientIp + auth-rate-limit normalizeRateLimitClientIp", "a loopback trusted proxy's connect without X-Forwarded-For has no client address and is limited under 'unknown', not loopback-exempt: seed-17 configs4 fixture 96 \u2192 0 (k4-password-rl3-origins-proxies)")
    },
    client: Object.fromEntries(Object.entries(provenance414Client).map(([k, p]) => [k, recorded("2026.4.22", `client run in the world (gate --client real@2026.4.22: 0 of 10 stories, 0 of 19 files differ) with 2026.4's value (${describeProvenance(p)})`)])),
    service: { ...Object.fromEntries(Object.entries(fixedService2).map(([k, p]) => [k, assumed(`as 2026.4 (${describeProvenance(p)}); not re-read for 2026.4.22`)])), ...containerRead("2026.4.22", "sentinel") }
  },
  "2026.5": {
    gateway: {
      ...gatewayJunProvenance("2026.5.28"),
      nodePairingLimiter: read("openclaw@2026.5.28 dist, auth-rate-limit", "the limiter scopes are default, shared-secret, device-token and hook-auth: no node-pairing scope (2026.6.11 has AUTH_RATE_LIMIT_SCOPE_NODE_PAIRING); seed-37 configs4 fixture 5 \u2192 2 (k4-token-rl2-strict c0125, c0130, c0131: node pairing connects refused rate_limited by the model only)")
    },
    client: clientJunProvenance("2026.5.28"),
    service: { ...serviceProvenance71("2026.5.28"), ...containerRead("2026.5.28", "sentinel-or-fly"), ...tokenBootstrapLate("2026.5.28") }
  },
  "2026.6": { gateway: gatewayJunProvenance("2026.6.11"), client: clientJunProvenance("2026.6.11"), service: { ...serviceProvenance71("2026.6.11"), ...containerRead("2026.6.11", "sentinel-or-fly"), ...tokenBootstrapLate("2026.6.11") } },
  "2026.7": {
    gateway: gateway712(),
    client: client71Provenance(),
    service: { ...Object.fromEntries(Object.entries(fixedService2).map(([k, p]) => [k, assumed(`as 2026.9 (${describeProvenance(p)}); not re-read for 2026.7.1`)])), ...containerRead("2026.7.1", "sentinel-or-fly"), ...tokenBootstrapLate("2026.7.1") }
  },
  "2026.8": {
    gateway: gateway822(),
    client: {
      ...Object.fromEntries(Object.entries(client962).map(([k, p]) => [k, assumed(`as 2026.9 (${describeProvenance(p)}); not told apart by running the 2026.8.2 client`)])),
      ...recordedByRealClientGate("2026.8.2", "2026-12-05"),
      signedAtSource: recorded("2026.8.2", "its client signs with the challenge's ts (PR #116679, merged 2026-07-31); gate --client real@2026.8.2: clock-skew-signature-116679 agrees with this profile, where the host-clock 2026.7.1 client differed from it"),
      controlUiInsecureContextIdentity: read("PR #124724 (merged 2026-08-16, after 2026.8.2)", "no device identity on plain-http origins yet"),
      ...controlUiBackoffRead(["2026.8.2"])
    },
    service: { ...Object.fromEntries(Object.entries(fixedService2).map(([k, p]) => [k, assumed(`as 2026.9 (${describeProvenance(p)}); not re-read for 2026.8.2`)])), ...containerRead("2026.8.2", "sentinel-or-fly"), ...tokenBootstrapLate("2026.8.2") }
  },
  "2026.9": { gateway: gateway962, client: client962, service: { ...fixedService2, ...containerRead("2026.9.6", "sentinel-or-fly"), ...tokenBootstrapLate("2026.9.6") } }
};
function describeProvenance(p) {
  switch (p.kind) {
    case "recorded":
      return `recorded from ${p.release}${p.note ? ` (${p.note})` : ""}`;
    case "read":
      return `read in ${p.source}${p.note ? ` \u2014 ${p.note}` : ""}`;
    case "assumed":
      return `ASSUMED: ${p.why}`;
  }
}

// src/profiles/index.ts
function findProfile(name) {
  return profiles.find((p) => p.name === name);
}
function localBackendSkipsWithSharedSecret(profile2) {
  const skip = profile2.gateway.localBackendPairingSkip;
  return skip === "also-shared-secret" || skip === "unpaired-also-shared-secret" || skip === "unpaired-device-token-or-shared-secret" || skip === "shared-secret-only";
}

// src/host/browser-storage.ts
var controlUiStorageKeys = {
  settings: "openclaw.control.settings.v1",
  /** Per-tab shared token, suffixed with `:<gateway url>` (sessionStorage). */
  tokenPrefix: "openclaw.control.token.v1",
  deviceIdentity: "openclaw-device-identity-v1",
  deviceAuth: "openclaw.device.auth.v1"
};
function controlUiTokenKey(gatewayUrl) {
  return `${controlUiStorageKeys.tokenPrefix}:${gatewayUrl}`;
}
var browserTabsMax = 64;
var emptyBrowserStorage = Object.freeze({ localStorage: {}, sessionStorageByTab: {} });
function areaMap(storage, where) {
  return where.area === "local" ? storage.localStorage : storage.sessionStorageByTab[where.tabId];
}
function withArea(storage, where, map) {
  if (where.area === "local") return { ...storage, localStorage: map };
  return { ...storage, sessionStorageByTab: { ...storage.sessionStorageByTab, [where.tabId]: map } };
}
function storageGet(storage, where, key) {
  return areaMap(storage, where)?.[key] ?? null;
}
function storageSet(storage, where, key, value) {
  const map = areaMap(storage, where);
  assert(map !== void 0, `sessionStorage of an unopened tab: ${JSON.stringify(where)}`);
  return withArea(storage, where, { ...map, [key]: value });
}
function storageRemove(storage, where, key) {
  const map = areaMap(storage, where);
  if (!map || !(key in map)) return storage;
  const { [key]: _removed, ...rest } = map;
  return withArea(storage, where, rest);
}
function openTab(storage, tabId2) {
  assert(!(tabId2 in storage.sessionStorageByTab), `tab ${tabId2} is already open`);
  assert(Object.keys(storage.sessionStorageByTab).length < browserTabsMax, "too many tabs");
  return { ...storage, sessionStorageByTab: { ...storage.sessionStorageByTab, [tabId2]: {} } };
}
function duplicateTab(storage, fromTabId, tabId2) {
  const source = storage.sessionStorageByTab[fromTabId];
  assert(source !== void 0, `tab ${fromTabId} is not open`);
  const opened = openTab(storage, tabId2);
  return { ...opened, sessionStorageByTab: { ...opened.sessionStorageByTab, [tabId2]: { ...source } } };
}
function closeTab(storage, tabId2) {
  if (!(tabId2 in storage.sessionStorageByTab)) return storage;
  const { [tabId2]: _closed, ...rest } = storage.sessionStorageByTab;
  return { ...storage, sessionStorageByTab: rest };
}
function clearSiteData(storage) {
  const tabs = Object.fromEntries(Object.keys(storage.sessionStorageByTab).map((id) => [id, {}]));
  return { localStorage: {}, sessionStorageByTab: tabs };
}

// src/host/client-files.ts
var emptyClientFiles = Object.freeze({ identity: null, deviceAuth: null });

// src/host/config-path.ts
var configPathSegmentsMax = 16;
function splitConfigPath(path) {
  const trimmed2 = path.trim();
  if (trimmed2.length === 0) return { kind: "invalid-path", message: "config path is empty" };
  const segments = trimmed2.split(".");
  if (segments.some((s) => s.length === 0)) {
    return { kind: "invalid-path", message: `config path has an empty segment: ${path}` };
  }
  if (segments.length > configPathSegmentsMax) {
    return { kind: "invalid-path", message: `config path is deeper than ${configPathSegmentsMax}: ${path}` };
  }
  return { kind: "ok", segments };
}
function isJsonObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function childOf(container, segment) {
  if (Array.isArray(container)) {
    const index = Number(segment);
    if (!Number.isInteger(index) || index < 0 || index >= container.length) return { found: false, value: void 0 };
    return { found: true, value: container[index] };
  }
  if (isJsonObject(container) && Object.prototype.hasOwnProperty.call(container, segment)) {
    return { found: true, value: container[segment] };
  }
  return { found: false, value: void 0 };
}
function getAtPath(root, segments) {
  let current = root;
  for (const segment of segments) {
    const next = childOf(current, segment);
    if (!next.found) return next;
    current = next.value;
  }
  return { found: true, value: current };
}
function setAtPath(root, segments, value) {
  return writeAt(root, segments, 0, { op: "set", value });
}
function unsetAtPath(root, segments) {
  if (!getAtPath(root, segments).found) return { kind: "ok", value: root };
  return writeAt(root, segments, 0, { op: "unset" });
}
function writeAt(node, segments, depth, write2) {
  const segment = segments[depth];
  if (segment === void 0) return { kind: "ok", value: write2.op === "set" ? write2.value : void 0 };
  const last = depth === segments.length - 1;
  if (Array.isArray(node)) {
    const index = Number(segment);
    if (!Number.isInteger(index) || index < 0 || index > node.length) {
      return { kind: "not-a-container", at: segments.slice(0, depth + 1).join(".") };
    }
    if (last && write2.op === "unset") return { kind: "ok", value: node.filter((_, i) => i !== index) };
    const child2 = writeAt(node[index], segments, depth + 1, write2);
    if (child2.kind !== "ok") return child2;
    const copy = node.slice();
    copy[index] = child2.value;
    return { kind: "ok", value: copy };
  }
  if (node !== void 0 && !isJsonObject(node)) {
    return { kind: "not-a-container", at: segments.slice(0, depth).join(".") || "(root)" };
  }
  const object = node ?? {};
  if (last && write2.op === "unset") {
    if (!Object.prototype.hasOwnProperty.call(object, segment)) return { kind: "ok", value: node };
    const { [segment]: _removed, ...rest } = object;
    return { kind: "ok", value: rest };
  }
  const child = writeAt(object[segment], segments, depth + 1, write2);
  if (child.kind !== "ok") return child;
  return { kind: "ok", value: { ...object, [segment]: child.value } };
}

// src/host/config.ts
var configPathDefault = "~/.openclaw/openclaw.json";
var gatewayPortDefault = 18789;
var exampleGatewayToken = "change-me-to-a-long-random-token";
var gatewayModes = ["local", "remote"];
var gatewayBinds = ["loopback", "lan", "tailnet", "auto", "custom"];
var gatewayAuthModes = ["none", "token", "password", "trusted-proxy"];
var tailscaleModes = ["off", "serve", "funnel"];
var gatewaySchema = {
  mode: gatewayModes,
  port: "port",
  bind: gatewayBinds,
  customBindHost: "string",
  auth: {
    mode: gatewayAuthModes,
    token: "string",
    password: "string",
    allowTailscale: "boolean",
    rateLimit: { maxAttempts: "count", windowMs: "count", lockoutMs: "count", exemptLoopback: "boolean" },
    trustedProxy: { userHeader: "string", requiredHeaders: "string[]", allowUsers: "string[]", allowLoopback: "boolean" }
  },
  controlUi: {
    enabled: "boolean",
    allowInsecureAuth: "boolean",
    dangerouslyDisableDeviceAuth: "boolean",
    allowedOrigins: "string[]",
    dangerouslyAllowHostHeaderOriginFallback: "boolean"
  },
  trustedProxies: "string[]",
  allowRealIpFallback: "boolean",
  remote: { url: "string", token: "string", password: "string", tlsFingerprint: "string" },
  tailscale: { mode: tailscaleModes }
};
function checkValue(check, value, path, issues) {
  const fail = (message) => issues.push({ path, message });
  if (check === "string") {
    if (typeof value !== "string") fail("expected a string");
  } else if (check === "boolean") {
    if (typeof value !== "boolean") fail("expected a boolean");
  } else if (check === "port") {
    if (!Number.isInteger(value) || value < 1 || value > 65535) fail("expected a port 1-65535");
  } else if (check === "count") {
    if (!Number.isInteger(value) || value < 0) fail("expected a non-negative integer");
  } else if (check === "string[]") {
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) fail("expected an array of strings");
  } else if (Array.isArray(check)) {
    if (typeof value !== "string" || !check.includes(value)) fail(`expected one of ${check.join("|")}`);
  } else {
    checkObject(check, value, path, issues);
  }
}
function checkObject(schema, value, path, issues) {
  if (!isJsonObject(value)) {
    issues.push({ path, message: "expected an object" });
    return;
  }
  for (const [key, check] of Object.entries(schema)) {
    if (value[key] === void 0) continue;
    checkValue(check, value[key], `${path}.${key}`, issues);
  }
}
function validateConfig(raw) {
  const issues = [];
  if (!isJsonObject(raw)) return [{ path: "(root)", message: "config must be a JSON object" }];
  if (raw.gateway !== void 0) checkObject(gatewaySchema, raw.gateway, "gateway", issues);
  return issues;
}
function renderConfig(config) {
  return `${JSON.stringify(config, null, 2)}
`;
}
function configFileFromText(text5, path = configPathDefault) {
  let raw;
  try {
    raw = JSON.parse(text5);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { path, text: text5, valid: false, config: {}, issues: [{ path: "(file)", message: `JSON parse failed: ${message}` }] };
  }
  const issues = validateConfig(raw);
  const config = isJsonObject(raw) ? raw : {};
  return { path, text: text5, valid: issues.length === 0, config, issues };
}
function configFileFromConfig(config, path = configPathDefault) {
  return configFileFromText(renderConfig(config), path);
}
function gatewaySection(config) {
  return config.gateway ?? {};
}
function configGet(file, path) {
  const split = splitConfigPath(path);
  if (split.kind !== "ok") return split;
  if (!file.valid) return { kind: "invalid-file", issues: file.issues };
  const got = getAtPath(file.config, split.segments);
  return got.found ? { kind: "value", value: got.value } : { kind: "missing", path };
}
function configSet(file, path, value) {
  return rewrite(file, path, (root, segments) => setAtPath(root, segments, value));
}
function configUnset(file, path) {
  return rewrite(file, path, (root, segments) => unsetAtPath(root, segments));
}
function rewrite(file, path, edit) {
  const split = splitConfigPath(path);
  if (split.kind !== "ok") return split;
  if (!file.valid) return { kind: "invalid-file", issues: file.issues };
  const written = edit(file.config, split.segments);
  if (written.kind !== "ok") return { kind: "invalid-path", message: `${written.at} is not an object` };
  const issues = validateConfig(written.value);
  if (issues.length > 0) return { kind: "invalid-result", issues };
  return { kind: "ok", file: configFileFromConfig(written.value, file.path) };
}
function formatConfigIssues(issues) {
  return issues.map((i) => `${i.path}: ${i.message}`).join("; ");
}

// src/host/control-ui-page.ts
function controlUiPageAddress(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  const https = parsed.protocol === "https:";
  return {
    url,
    origin: `${parsed.protocol}//${parsed.host}`,
    secureContext: https || isLoopbackPageHost(parsed.hostname),
    gatewayUrl: `${https ? "wss" : "ws"}://${parsed.host}`
  };
}
function isLoopbackPageHost(hostname) {
  const h = hostname.toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost") || h === "[::1]") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
function readUrlToken(url, rule) {
  const parsed = new URL(url);
  const query = new URLSearchParams(parsed.search);
  const hash = new URLSearchParams(parsed.hash.startsWith("#") ? parsed.hash.slice(1) : parsed.hash);
  const fromQuery = query.get("token");
  const fromHash = rule === "fragment-first" ? hash.get("token") : null;
  const raw = fromHash ?? fromQuery;
  const from = fromHash !== null ? "fragment" : fromQuery !== null ? "query" : void 0;
  if (from === void 0) return { url };
  query.delete("token");
  if (rule === "fragment-first") {
    hash.delete("token");
    for (const p of [query, hash]) p.delete("password");
  }
  parsed.search = query.toString();
  const nextHash = hash.toString();
  parsed.hash = nextHash ? `#${nextHash}` : "";
  const token = raw?.trim() ? raw.trim() : void 0;
  return { ...token !== void 0 ? { token } : {}, from, url: parsed.toString() };
}
function storeControlUiToken(storage, where, token) {
  const opened = where.tabId in storage.sessionStorageByTab ? storage : openTab(storage, where.tabId);
  if (where.perTab) return storageSet(opened, { area: "session", tabId: where.tabId }, controlUiTokenKey(where.gatewayUrl), token);
  const settingsKey = controlUiStorageKeys.settings;
  const settings = { ...parseSettings(storageGet(opened, { area: "local" }, settingsKey)), gatewayUrl: where.gatewayUrl, token };
  return storageSet(opened, { area: "local" }, settingsKey, JSON.stringify(settings));
}
function parseSettings(text5) {
  if (text5 === null) return {};
  try {
    const parsed = JSON.parse(text5);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

// src/host/env.ts
var envNames = {
  gatewayToken: "OPENCLAW_GATEWAY_TOKEN",
  gatewayPassword: "OPENCLAW_GATEWAY_PASSWORD",
  gatewayUrl: "OPENCLAW_GATEWAY_URL",
  gatewayPort: "OPENCLAW_GATEWAY_PORT",
  serviceKind: "OPENCLAW_SERVICE_KIND",
  serviceMarker: "OPENCLAW_SERVICE_MARKER",
  serviceVersion: "OPENCLAW_SERVICE_VERSION",
  profile: "OPENCLAW_PROFILE",
  stateDir: "OPENCLAW_STATE_DIR",
  configPath: "OPENCLAW_CONFIG_PATH",
  systemdUnit: "OPENCLAW_SYSTEMD_UNIT",
  launchdLabel: "OPENCLAW_LAUNCHD_LABEL"
};
var emptyEnv = Object.freeze({});
function envValue(env, key) {
  const value = env[key];
  if (value === void 0) return void 0;
  const trimmed2 = value.trim();
  return trimmed2.length > 0 ? trimmed2 : void 0;
}
function envWith(env, key, value) {
  if (value === void 0) {
    if (!(key in env)) return env;
    const { [key]: _removed, ...rest } = env;
    return rest;
  }
  return { ...env, [key]: value };
}
function mergeEnvLayers(layers) {
  return Object.assign({}, ...layers);
}
function fillFromDotEnv(base, files) {
  const out = { ...base };
  for (const file of files) {
    for (const [key, value] of Object.entries(file)) {
      if (!(key in out)) out[key] = value;
    }
  }
  return out;
}
var envKeyPattern = /^[A-Za-z_][A-Za-z0-9_.]*$/;
function parseDotEnv(text5) {
  const vars = {};
  const issues = [];
  text5.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line.length === 0 || line.startsWith("#")) return;
    const body = line.startsWith("export ") ? line.slice("export ".length).trimStart() : line;
    const eq = body.indexOf("=");
    if (eq <= 0) {
      issues.push({ line: index + 1, message: "expected KEY=value" });
      return;
    }
    const key = body.slice(0, eq).trim();
    if (!envKeyPattern.test(key)) {
      issues.push({ line: index + 1, message: `invalid key ${JSON.stringify(key)}` });
      return;
    }
    vars[key] = parseDotEnvValue(body.slice(eq + 1).trim());
  });
  return { vars, issues };
}
function parseDotEnvValue(raw) {
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.length >= 2) {
    const close2 = raw.lastIndexOf(quote);
    if (close2 > 0) {
      const inner = raw.slice(1, close2);
      return quote === '"' ? inner.replace(/\\(["\\n])/g, (_m, c2) => c2 === "n" ? "\n" : c2) : inner;
    }
  }
  const hash = raw.search(/\s#/);
  return (hash >= 0 ? raw.slice(0, hash) : raw).trim();
}

// src/host/credentials.ts
function text(value) {
  if (typeof value !== "string") return void 0;
  const trimmed2 = value.trim();
  return trimmed2.length > 0 ? trimmed2 : void 0;
}
function tokenText(value) {
  const t = text(value);
  return t === exampleGatewayToken ? void 0 : t;
}
function first(candidates) {
  for (const c2 of candidates) if (c2.value !== void 0) return { value: c2.value, source: c2.source };
  return { source: "none" };
}
function envToken(env) {
  return { value: tokenText(env[envNames.gatewayToken]), source: "env:OPENCLAW_GATEWAY_TOKEN" };
}
function envPassword(env) {
  return { value: text(env[envNames.gatewayPassword]), source: "env:OPENCLAW_GATEWAY_PASSWORD" };
}
function resolvePassive(input) {
  const url = text(input.explicit?.url);
  if (url !== void 0 && input.urlSource !== "env") {
    return { token: { source: "none" }, password: { source: "none" }, rule: "cli-url-no-fallback" };
  }
  if (url !== void 0) {
    return { token: first([envToken(input.env)]), password: first([envPassword(input.env)]), rule: "env-url-env-only" };
  }
  const gw = gatewaySection(input.config);
  const mode = input.modeOverride ?? (gw.mode === "remote" ? "remote" : "local");
  const localToken = { value: tokenText(gw.auth?.token), source: "config:gateway.auth.token" };
  const remoteToken = { value: tokenText(gw.remote?.token), source: "config:gateway.remote.token" };
  const localPassword = { value: text(gw.auth?.password), source: "config:gateway.auth.password" };
  const remotePassword = {
    value: text(gw.remote?.password),
    source: "config:gateway.remote.password"
  };
  if (mode === "remote") {
    const remoteOnly = input.remoteFallback === "remote-only";
    return {
      token: first(remoteOnly ? [remoteToken] : [remoteToken, envToken(input.env), localToken]),
      password: first(remoteOnly ? [remotePassword] : [envPassword(input.env), remotePassword, localPassword]),
      rule: "remote"
    };
  }
  const configToken3 = text(gw.auth?.token) !== void 0 ? localToken : remoteToken;
  const configPassword = text(gw.auth?.password) !== void 0 ? localPassword : remotePassword;
  const serviceKind = input.serviceKind ?? input.env[envNames.serviceKind];
  const precedence = input.localTokenPrecedence ?? (serviceKind === "gateway" ? "config-first" : "env-first");
  return {
    token: first(precedence === "config-first" ? [configToken3, envToken(input.env)] : [envToken(input.env), configToken3]),
    password: first([envPassword(input.env), configPassword]),
    rule: precedence === "config-first" ? "local-config-first" : "local-env-first"
  };
}
function resolveGatewayCredentials(input) {
  const explicitToken = text(input.explicit?.token);
  const explicitPassword = text(input.explicit?.password);
  const passive = resolvePassive(input);
  const passiveHalf = { passiveToken: passive.token.value, passiveTokenSource: passive.token.source };
  if (explicitToken !== void 0 || explicitPassword !== void 0) {
    return {
      token: explicitToken,
      password: explicitPassword,
      tokenSource: explicitToken !== void 0 ? "explicit" : "none",
      passwordSource: explicitPassword !== void 0 ? "explicit" : "none",
      rule: "explicit",
      explicitToken,
      ...passiveHalf
    };
  }
  return {
    token: passive.token.value,
    password: passive.password.value,
    tokenSource: passive.token.source,
    passwordSource: passive.password.source,
    rule: passive.rule,
    ...passiveHalf
  };
}
function resolveDriftCheckCredentials(config) {
  return resolveGatewayCredentials({
    config,
    env: emptyEnv,
    modeOverride: "local",
    localTokenPrecedence: "config-first"
  });
}
function resolveServerGatewayAuth(input) {
  const gw = gatewaySection(input.config);
  const configToken3 = { value: text(gw.auth?.token), source: "config:gateway.auth.token" };
  const env = { value: envValue(input.env, envNames.gatewayToken), source: "env:OPENCLAW_GATEWAY_TOKEN" };
  const inService = input.env[envNames.serviceKind] === "gateway";
  const configFirst = input.switches.serviceTokenResolution === "config-first-in-service" && inService;
  const token = first(configFirst ? [configToken3, env] : [env, configToken3]);
  const password = first([
    { value: text(gw.auth?.password), source: "config:gateway.auth.password" },
    { value: envValue(input.env, envNames.gatewayPassword), source: "env:OPENCLAW_GATEWAY_PASSWORD" }
  ]);
  const rawMode = gw.auth?.mode;
  const configuredMode = gatewayAuthModes.find((m) => m === rawMode);
  const mode = configuredMode ?? (password.value !== void 0 ? "password" : "token");
  const modeSource = configuredMode ? "config" : password.value !== void 0 ? "password-present" : "default";
  const allowTailscale = gw.auth?.allowTailscale ?? (gw.tailscale?.mode === "serve" && mode !== "password" && mode !== "trusted-proxy");
  return {
    mode,
    modeSource,
    token: token.value,
    tokenSource: token.source,
    password: password.value,
    passwordSource: password.source,
    allowTailscale
  };
}
function checkServerAuthStartup(auth, config) {
  switch (auth.mode) {
    case "token":
      return auth.token !== void 0 || auth.allowTailscale ? { kind: "ok" } : { kind: "refuse-start", reason: "token-missing" };
    case "password":
      return auth.password !== void 0 ? { kind: "ok" } : { kind: "refuse-start", reason: "password-missing" };
    case "trusted-proxy":
      return text(gatewaySection(config).auth?.trustedProxy?.userHeader) !== void 0 ? { kind: "ok" } : { kind: "refuse-start", reason: "trusted-proxy-user-header-missing" };
    case "none":
      return { kind: "ok" };
    default:
      return assertNever(auth.mode, "auth mode");
  }
}

// src/host/operator-command.ts
function shellWord(word) {
  if (word.length > 0 && /^[A-Za-z0-9_./:@%+=,<>-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
function cliValue(value) {
  return typeof value === "string" ? shellWord(value) : shellWord(JSON.stringify(value) ?? "null");
}
function connectionFlags(connection3) {
  if (!connection3) return "";
  const flags = [];
  if (connection3.url !== void 0) flags.push("--url", shellWord(connection3.url));
  if (connection3.token !== void 0) flags.push("--token", shellWord(connection3.token));
  if (connection3.password !== void 0) flags.push("--password", shellWord(connection3.password));
  return flags.length > 0 ? ` ${flags.join(" ")}` : "";
}
function formatOperatorCommand(command) {
  switch (command.kind) {
    case "config-get":
      return `openclaw config get ${shellWord(command.path)}`;
    case "config-set":
      return `openclaw config set ${shellWord(command.path)} ${cliValue(command.value)}`;
    case "config-unset":
      return `openclaw config unset ${shellWord(command.path)}`;
    case "rotate-shared-token":
      return `openclaw config set gateway.auth.token ${shellWord(command.newToken)}`;
    case "gateway-install":
      return `openclaw gateway install${command.force ? " --force" : ""}${command.token !== void 0 ? ` --token ${shellWord(command.token)}` : ""}`;
    case "gateway-restart":
      return "openclaw gateway restart";
    case "doctor":
      return command.fix ? "openclaw doctor --fix" : "openclaw doctor";
    case "qr":
      return "openclaw qr --setup-code-only";
    case "devices-list":
      return `openclaw devices list${connectionFlags(command.connection)}`;
    case "devices-approve":
      return `openclaw devices approve ${shellWord(command.requestId)}${connectionFlags(command.connection)}`;
    case "devices-reject":
      return `openclaw devices reject ${shellWord(command.requestId)}${connectionFlags(command.connection)}`;
    case "devices-remove":
      return `openclaw devices remove ${shellWord(command.deviceId)}${connectionFlags(command.connection)}`;
    case "devices-rotate": {
      const scopes = (command.scopes ?? []).map((s) => ` --scope ${shellWord(s)}`).join("");
      return `openclaw devices rotate --device ${shellWord(command.deviceId)} --role ${shellWord(command.role)}${scopes}${connectionFlags(command.connection)}`;
    }
    case "devices-revoke":
      return `openclaw devices revoke --device ${shellWord(command.deviceId)} --role ${shellWord(command.role)}${connectionFlags(command.connection)}`;
    case "devices-clear":
      return `openclaw devices clear${command.yes ? " --yes" : ""}${command.pending ? " --pending" : ""}${connectionFlags(command.connection)}`;
    case "nodes-pending":
      return `openclaw nodes pending${connectionFlags(command.connection)}`;
    case "nodes-approve":
      return `openclaw nodes approve ${shellWord(command.requestId)}${connectionFlags(command.connection)}`;
    case "nodes-reject":
      return `openclaw nodes reject ${shellWord(command.requestId)}${connectionFlags(command.connection)}`;
    default:
      return assertNever(command, "operator command");
  }
}
function make(command) {
  Object.defineProperty(command, "toString", { value: () => formatOperatorCommand(command), enumerable: false });
  return Object.freeze(command);
}
var op = {
  configGet: (path) => make({ kind: "config-get", path }),
  configSet: (path, value) => make({ kind: "config-set", path, value }),
  configUnset: (path) => make({ kind: "config-unset", path }),
  rotateSharedToken: (newToken) => {
    assert(newToken.trim().length > 0, "a rotated shared token must not be blank");
    return make({ kind: "rotate-shared-token", newToken });
  },
  gatewayInstall: (options = {}) => make({ kind: "gateway-install", force: options.force ?? false, ...options.token !== void 0 ? { token: options.token } : {} }),
  gatewayRestart: () => make({ kind: "gateway-restart" }),
  doctor: (options = {}) => make({ kind: "doctor", fix: options.fix ?? false }),
  qr: () => make({ kind: "qr" }),
  devicesList: (connection3) => make({ kind: "devices-list", ...withConnection(connection3) }),
  devicesApprove: (requestId, connection3) => make({ kind: "devices-approve", requestId, ...withConnection(connection3) }),
  devicesReject: (requestId, connection3) => make({ kind: "devices-reject", requestId, ...withConnection(connection3) }),
  devicesRemove: (deviceId, connection3) => make({ kind: "devices-remove", deviceId, ...withConnection(connection3) }),
  devicesRotate: (args) => make({
    kind: "devices-rotate",
    deviceId: args.deviceId,
    role: args.role,
    ...args.scopes !== void 0 ? { scopes: args.scopes } : {},
    ...withConnection(args.connection)
  }),
  devicesRevoke: (args) => make({ kind: "devices-revoke", deviceId: args.deviceId, role: args.role, ...withConnection(args.connection) }),
  devicesClear: (options = {}) => make({ kind: "devices-clear", yes: options.yes ?? false, pending: options.pending ?? false, ...withConnection(options.connection) }),
  nodesPending: (connection3) => make({ kind: "nodes-pending", ...withConnection(connection3) }),
  nodesApprove: (requestId, connection3) => make({ kind: "nodes-approve", requestId, ...withConnection(connection3) }),
  nodesReject: (requestId, connection3) => make({ kind: "nodes-reject", requestId, ...withConnection(connection3) })
};
function withConnection(connection3) {
  return connection3 !== void 0 ? { connection: connection3 } : {};
}
var pairingScopes = ["operator.pairing", "operator.admin"];
var pairingNote = "devices and nodes commands require operator.pairing (or operator.admin) scope";
function isDevicesCommand(command) {
  return command.kind.startsWith("devices-") && command.kind !== "devices-clear" || command.kind.startsWith("nodes-");
}
function devicesRpc(command) {
  const rpc = (method, params4) => ({
    method,
    params: params4,
    requiredScopes: pairingScopes,
    note: pairingNote
  });
  switch (command.kind) {
    case "devices-list":
      return rpc("device.pair.list", {});
    case "devices-approve":
      return rpc("device.pair.approve", { requestId: command.requestId });
    case "devices-reject":
      return rpc("device.pair.reject", { requestId: command.requestId });
    case "devices-remove":
      return rpc("device.pair.remove", { deviceId: command.deviceId });
    case "devices-rotate":
      return rpc("device.token.rotate", {
        deviceId: command.deviceId,
        role: command.role,
        ...command.scopes !== void 0 ? { scopes: [...command.scopes] } : {}
      });
    case "devices-revoke":
      return rpc("device.token.revoke", { deviceId: command.deviceId, role: command.role });
    case "nodes-pending":
      return rpc("node.pair.list", {});
    case "nodes-approve":
      return rpc("node.pair.approve", { requestId: command.requestId });
    case "nodes-reject":
      return rpc("node.pair.reject", { requestId: command.requestId });
    default:
      return assertNever(command, "devices command");
  }
}

// src/host/service-unit.ts
var gatewayServiceKind = "gateway";
var gatewayServiceMarker = "openclaw";
var gatewaySystemdServiceName = "openclaw-gateway";
var gatewayLaunchAgentLabel = "ai.openclaw.gateway";
function normalizedProfile(profile2) {
  const trimmed2 = profile2?.trim();
  return trimmed2 && trimmed2.toLowerCase() !== "default" ? trimmed2 : void 0;
}
function gatewayServiceName(manager, profile2) {
  const p = normalizedProfile(profile2);
  if (manager === "launchd") return p ? `ai.openclaw.${p}` : gatewayLaunchAgentLabel;
  return `${gatewaySystemdServiceName}${p ? `-${p}` : ""}.service`;
}
function serviceDescription(profile2, version) {
  const parts = [normalizedProfile(profile2) ? `profile: ${normalizedProfile(profile2)}` : "", version ? `v${version}` : ""];
  const inner = parts.filter((p) => p.length > 0).join(", ");
  return inner ? `OpenClaw Gateway (${inner})` : "OpenClaw Gateway";
}
function configuredGatewayPort(config) {
  const port2 = gatewaySection(config).port;
  return typeof port2 === "number" && Number.isInteger(port2) ? port2 : gatewayPortDefault;
}
function legacyInstallToken(input) {
  const explicit = input.token?.trim();
  if (explicit) return explicit;
  const configured = gatewaySection(input.config).auth?.token;
  if (typeof configured === "string" && configured.trim()) return configured.trim();
  return envValue(input.installEnv ?? emptyEnv, envNames.gatewayToken);
}
function installServiceUnit(input) {
  const manager = input.manager ?? "systemd";
  const home = input.home ?? "/home/operator";
  const port2 = configuredGatewayPort(input.config);
  const name = gatewayServiceName(manager, input.profile);
  const token = input.switches.unitEmbedsToken ? legacyInstallToken(input) : void 0;
  const candidates = [
    ["HOME", home],
    ["PATH", `${home}/.local/bin:${home}/.npm-global/bin:/usr/local/bin:/usr/bin:/bin`],
    [envNames.profile, normalizedProfile(input.profile)],
    [envNames.stateDir, input.stateDir],
    [envNames.configPath, input.configPath],
    [envNames.gatewayPort, String(port2)],
    [envNames.gatewayToken, token],
    [envNames.launchdLabel, manager === "launchd" ? name : void 0],
    [envNames.systemdUnit, manager === "systemd" ? name : void 0],
    [envNames.serviceMarker, gatewayServiceMarker],
    [envNames.serviceKind, gatewayServiceKind],
    [envNames.serviceVersion, input.version]
  ];
  const environment = candidates.flatMap(([key, value]) => value === void 0 ? [] : [{ key, value }]);
  const environmentFiles = manager === "systemd" ? input.environmentFiles ?? [] : [];
  assert(manager === "systemd" || (input.environmentFiles ?? []).length === 0, "launchd has no EnvironmentFile");
  return {
    manager,
    name,
    description: serviceDescription(input.profile, input.version),
    programArguments: [
      input.nodePath ?? "/usr/bin/node",
      input.entryPath ?? "/usr/lib/node_modules/openclaw/dist/index.js",
      "gateway",
      "--port",
      String(port2)
    ],
    environment,
    environmentFiles
  };
}
function unitInlineEnvironment(unit) {
  return mergeEnvLayers(unit.environment.map((e) => ({ [e.key]: e.value })));
}
function readEmbeddedGatewayToken(unit) {
  if (!unit) return void 0;
  return envValue(unitInlineEnvironment(unit), envNames.gatewayToken);
}
function serviceProcessEnv(input) {
  const layers = [input.managerEnv ?? emptyEnv, unitInlineEnvironment(input.unit)];
  for (const ref of input.unit.environmentFiles) {
    const file = input.environmentFiles?.[ref.path];
    if (file === void 0) {
      if (!ref.optional) return { kind: "missing-environment-file", path: ref.path };
      continue;
    }
    layers.push(file);
  }
  return { kind: "ok", env: mergeEnvLayers(layers) };
}

// src/host/doctor.ts
var reinstall = op.gatewayInstall({ force: true });
function finding(code, message, detail, remedy = reinstall) {
  return { code, level: "recommended", message, ...detail !== void 0 ? { detail } : {}, remedy };
}
function checkTokenDrift(input) {
  if (!input.serviceToken || !input.configToken || input.serviceToken === input.configToken) return null;
  return finding(
    "gateway-token-drift",
    "Config token differs from service token. The daemon will use the old token after restart."
  );
}
function auditService(input) {
  if (!input.unit) return [];
  const enabled = new Set(input.switches.auditCodes);
  const serviceToken = readEmbeddedGatewayToken(input.unit);
  const configToken3 = resolveDriftCheckCredentials(input.config).token;
  const findings = [];
  if (serviceToken && enabled.has("gateway-token-embedded")) {
    findings.push(finding("gateway-token-embedded", "Gateway service embeds OPENCLAW_GATEWAY_TOKEN and should be reinstalled."));
  }
  if (enabled.has("gateway-token-mismatch") && configToken3) {
    const mismatchMessage = "Gateway service OPENCLAW_GATEWAY_TOKEN does not match gateway.auth.token in openclaw.json";
    if (serviceToken && serviceToken !== configToken3) {
      findings.push(finding("gateway-token-mismatch", mismatchMessage, "service token is stale"));
    } else if (!serviceToken && !enabled.has("gateway-token-embedded")) {
      findings.push(finding("gateway-token-mismatch", mismatchMessage, "service token is missing"));
    }
  }
  if (enabled.has("gateway-token-drift")) {
    const drift = checkTokenDrift({ serviceToken, configToken: configToken3 });
    if (drift) findings.push(drift);
  }
  return findings;
}
function tokenToPersist(unit, config, switches) {
  if (switches.unitEmbedsToken) return void 0;
  const embedded = readEmbeddedGatewayToken(unit);
  const mode = gatewaySection(config).auth?.mode;
  const tokenCanWin = mode === void 0 || mode === "token";
  if (!embedded || !tokenCanWin || resolveDriftCheckCredentials(config).token) return void 0;
  return embedded;
}
function withAuthToken(config, token) {
  const gw = gatewaySection(config);
  return { ...config, gateway: { ...gw, auth: { ...gw.auth, token } } };
}
function repairService(input) {
  switch (input.switches.doctorRepair) {
    case "naive":
      return repairNaive(input);
    case "safe":
      return repairSafe(input);
    default:
      return assertNever(input.switches.doctorRepair, "doctor repair behaviour");
  }
}
function repairNaive(input) {
  const cfg = input.snapshot.config;
  const findings = auditService({ unit: input.unit, config: cfg, switches: input.switches });
  const writes = [];
  let unit;
  if (findings.length > 0) {
    let cfgForInstall = cfg;
    const token = tokenToPersist(input.unit, cfg, input.switches);
    if (token !== void 0) {
      cfgForInstall = withAuthToken(cfg, token);
      writes.push({ reason: "persist-service-token", file: configFileFromConfig(cfgForInstall, input.current.path) });
    }
    unit = installServiceUnit({ ...input.unitOptions, config: cfgForInstall, switches: input.switches, version: input.version });
  }
  if (input.otherFixesPending) {
    writes.push({ reason: "doctor-config-write", file: configFileFromConfig(cfg, input.current.path) });
  }
  const file = writes.at(-1)?.file ?? input.current;
  return unit ? { kind: "repaired", findings, unit, writes, file } : { kind: "nothing-to-repair", findings, writes, file };
}
function repairSafe(input) {
  const reloaded = input.current;
  if (!reloaded.valid) {
    const detail = formatConfigIssues(reloaded.issues);
    return {
      kind: "refused",
      findings: [
        finding(
          "config-invalid",
          "Config is invalid; refusing to repair the gateway service from it. Fix openclaw.json, then rerun doctor.",
          detail,
          op.doctor({ fix: true })
        )
      ]
    };
  }
  let cfg = reloaded.config;
  let file = reloaded;
  const findings = auditService({ unit: input.unit, config: cfg, switches: input.switches });
  if (findings.length === 0) return { kind: "nothing-to-repair", findings, writes: [], file };
  const writes = [];
  const token = tokenToPersist(input.unit, cfg, input.switches);
  if (token !== void 0) {
    const set = configSet(reloaded, "gateway.auth.token", token);
    if (set.kind === "ok") {
      file = set.file;
      cfg = set.file.config;
      writes.push({ reason: "persist-service-token", file });
    }
  }
  const unit = installServiceUnit({ ...input.unitOptions, config: cfg, switches: input.switches, version: input.version });
  return { kind: "repaired", findings, unit, writes, file };
}

// src/host/machine.ts
function createMachine(input) {
  assert(input.name.length > 0, "a machine needs a name");
  const config = input.config === void 0 ? configFileFromConfig({}) : isConfigFile(input.config) ? input.config : configFileFromConfig(input.config);
  return {
    name: input.name,
    config,
    shellEnv: input.shellEnv ?? emptyEnv,
    dotEnvText: input.dotEnvText ?? null,
    serviceUnit: input.serviceUnit ?? null,
    environmentFiles: input.environmentFiles ?? {},
    managerEnv: input.managerEnv ?? emptyEnv,
    clients: {},
    browsers: {},
    container: input.container ?? false
  };
}
function isConfigFile(value) {
  return typeof value.text === "string" && typeof value.valid === "boolean" && typeof value.path === "string";
}
function withConfigFile(machine, config) {
  return { ...machine, config };
}
function withServiceUnit(machine, serviceUnit) {
  return { ...machine, serviceUnit };
}
function withShellEnv(machine, shellEnv) {
  return { ...machine, shellEnv };
}
function withDotEnvText(machine, dotEnvText) {
  return { ...machine, dotEnvText };
}
function browser(machine, profile2) {
  return machine.browsers[profile2] ?? emptyBrowserStorage;
}
function withBrowser(machine, profile2, storage) {
  return { ...machine, browsers: { ...machine.browsers, [profile2]: storage } };
}
function dotEnvVars(machine) {
  return machine.dotEnvText === null ? emptyEnv : parseDotEnv(machine.dotEnvText).vars;
}
function shellProcessEnv(machine) {
  return fillFromDotEnv(machine.shellEnv, [dotEnvVars(machine)]);
}
function gatewayServiceEnv(machine) {
  if (!machine.serviceUnit) return { kind: "no-service" };
  const started = serviceProcessEnv({
    unit: machine.serviceUnit,
    environmentFiles: machine.environmentFiles,
    managerEnv: machine.managerEnv
  });
  if (started.kind !== "ok") return started;
  return { kind: "ok", env: fillFromDotEnv(started.env, [dotEnvVars(machine)]) };
}

// src/host/setup-code.ts
var noAuthMessage = "Gateway auth is not configured (no token or password).";
var loopbackMessage = "Gateway is only bound to loopback. Set gateway.bind=lan, enable tailscale serve, or configure plugins.entries.device-pair.config.publicUrl.";
function text2(value) {
  return typeof value === "string" && value.trim() ? value.trim() : void 0;
}
function pairingSetupAuth(machine, env) {
  const auth = gatewaySection(machine.config.config).auth;
  const token = envValue(env, envNames.gatewayToken) ?? text2(auth?.token);
  const password = envValue(env, envNames.gatewayPassword) ?? text2(auth?.password);
  const mode = auth?.mode;
  if (mode === "password") return password ? { password, label: "password" } : { error: "Gateway auth is set to password, but no password is configured." };
  if (mode === "token") return token ? { token, label: "token" } : { error: "Gateway auth is set to token, but no token is configured." };
  if (token) return { token, label: "token" };
  if (password) return { password, label: "password" };
  return { error: noAuthMessage };
}
function planSetupCode(machine, credential) {
  const auth = pairingSetupAuth(machine, shellProcessEnv(machine));
  if ("error" in auth) return { kind: "refused", message: auth.error };
  if (gatewaySection(machine.config.config).bind === "loopback") return { kind: "refused", message: loopbackMessage };
  if (credential === "bootstrap-token") return { kind: "bootstrap-token", authLabel: auth.label };
  return { kind: "gateway-secret", authLabel: auth.label, ...auth.token !== void 0 ? { token: auth.token } : {}, ...auth.password !== void 0 ? { password: auth.password } : {} };
}
function encodeSetupCode(payload) {
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

// src/host/operator.ts
function runOperatorCommand(machine, command, context) {
  if (isDevicesCommand(command)) return runDevices(machine, command);
  if (command.kind === "devices-clear") {
    if (!command.yes) return { machine, effects: [], outcome: { kind: "refused", message: "Refusing to clear pairing table without --yes" } };
    return { machine, effects: [{ type: "devices-clear", pending: command.pending, ...command.connection ? { connection: command.connection } : {} }], outcome: { kind: "ok" } };
  }
  switch (command.kind) {
    case "config-get":
      return runConfigGet(machine, command.path);
    case "config-set":
      return applyConfigWrite(machine, configSet(machine.config, command.path, command.value), `config set ${command.path}`);
    case "config-unset":
      return applyConfigWrite(machine, configUnset(machine.config, command.path), `config unset ${command.path}`);
    case "rotate-shared-token":
      return applyConfigWrite(machine, configSet(machine.config, "gateway.auth.token", command.newToken), "rotate shared token");
    case "gateway-install":
      return runGatewayInstall(machine, command, context);
    case "gateway-restart":
      return runGatewayRestart(machine, context);
    case "doctor":
      return command.fix ? runDoctorFix(machine, context) : runDoctorAudit(machine, context);
    case "qr": {
      const plan = planSetupCode(machine, context.setupCodeCredential ?? "gateway-secret");
      if (plan.kind === "refused") return { machine, effects: [], outcome: { kind: "config-error", message: plan.message } };
      return { machine, effects: [{ type: "setup-code", plan }], outcome: { kind: "setup-code", credential: plan.kind } };
    }
    default:
      return assertNever(command, "operator command");
  }
}
function runConfigGet(machine, path) {
  const got = configGet(machine.config, path);
  switch (got.kind) {
    case "value": {
      const text5 = typeof got.value === "string" ? got.value : JSON.stringify(got.value, null, 2);
      return { machine, effects: [{ type: "output", text: text5 }], outcome: { kind: "config-value", value: got.value } };
    }
    case "missing":
      return { machine, effects: [], outcome: { kind: "config-missing", path } };
    case "invalid-path":
      return { machine, effects: [], outcome: { kind: "config-error", message: got.message } };
    case "invalid-file":
      return { machine, effects: [], outcome: { kind: "config-error", message: `Config invalid: ${formatConfigIssues(got.issues)}` } };
    default:
      return assertNever(got, "config get result");
  }
}
function configWriteError(result) {
  switch (result.kind) {
    case "invalid-path":
      return result.message;
    case "invalid-file":
      return `Config invalid: ${formatConfigIssues(result.issues)}`;
    case "invalid-result":
      return `Config would be invalid: ${formatConfigIssues(result.issues)}`;
    default:
      return assertNever(result, "config write result");
  }
}
function applyConfigWrite(machine, result, reason) {
  if (result.kind !== "ok") return { machine, effects: [], outcome: { kind: "config-error", message: configWriteError(result) } };
  return {
    machine: withConfigFile(machine, result.file),
    effects: [{ type: "config-written", file: result.file, reason }],
    outcome: { kind: "ok" }
  };
}
function runGatewayInstall(machine, command, context) {
  if (machine.serviceUnit && !command.force) return { machine, effects: [], outcome: { kind: "already-installed" } };
  if (!machine.config.valid) {
    return { machine, effects: [], outcome: { kind: "config-error", message: `Config invalid: ${formatConfigIssues(machine.config.issues)}` } };
  }
  const installEnv = shellProcessEnv(machine);
  const effects = [];
  let next = machine;
  const mode = gatewaySection(machine.config.config).auth?.mode;
  let token = legacyInstallToken({ config: machine.config.config, token: command.token, installEnv });
  if (!token && (mode === void 0 || mode === "token") && !resolveServerGatewayAuth({ config: machine.config.config, env: installEnv, switches: context.switches }).allowTailscale && context.newToken) {
    const generated = context.newToken();
    const written = configSet(machine.config, "gateway.auth", { ...gatewaySection(machine.config.config).auth, mode: "token", token: generated });
    if (written.kind === "ok") {
      token = generated;
      next = withConfigFile(next, written.file);
      effects.push({ type: "config-written", file: written.file, reason: "persist generated install token" });
    }
  }
  if (!context.switches.unitEmbedsToken && token && (mode === void 0 || mode === "token")) {
    if (!resolveDriftCheckCredentials(next.config.config).token) {
      const set = configSet(next.config, "gateway.auth.token", token);
      if (set.kind === "ok") {
        next = withConfigFile(next, set.file);
        effects.push({ type: "config-written", file: set.file, reason: "persist install token" });
      }
    }
  }
  const unit = installServiceUnit({
    ...context.unitOptions,
    config: next.config.config,
    switches: context.switches,
    version: context.version,
    ...command.token !== void 0 ? { token: command.token } : {},
    installEnv
  });
  effects.push({ type: "service-unit-written", unit }, { type: "gateway-restart" });
  return { machine: withServiceUnit(next, unit), effects, outcome: { kind: "ok" } };
}
function runGatewayRestart(machine, context) {
  if (!machine.serviceUnit) return { machine, effects: [], outcome: { kind: "not-installed" } };
  const warnings = [];
  if (context.switches.auditCodes.includes("gateway-token-drift")) {
    const drift = checkTokenDrift({
      serviceToken: readEmbeddedGatewayToken(machine.serviceUnit),
      configToken: resolveDriftCheckCredentials(machine.config.config).token
    });
    if (drift) warnings.push(drift);
  }
  return { machine, effects: [{ type: "gateway-restart" }], outcome: { kind: "restarted", warnings } };
}
function runDoctorAudit(machine, context) {
  const findings = auditService({ unit: machine.serviceUnit, config: machine.config.config, switches: context.switches });
  return { machine, effects: [], outcome: { kind: "doctor", findings } };
}
function runDoctorFix(machine, context) {
  const repair = repairService({
    unit: machine.serviceUnit,
    snapshot: context.doctorSnapshot ?? machine.config,
    current: machine.config,
    switches: context.switches,
    version: context.version,
    ...context.unitOptions !== void 0 ? { unitOptions: context.unitOptions } : {},
    ...context.otherDoctorFixesPending !== void 0 ? { otherFixesPending: context.otherDoctorFixesPending } : {}
  });
  if (repair.kind === "refused") {
    return { machine, effects: [], outcome: { kind: "doctor", findings: repair.findings, repair } };
  }
  const effects = repair.writes.map((w2) => ({ type: "config-written", file: w2.file, reason: `doctor: ${w2.reason}` }));
  let next = withConfigFile(machine, repair.file);
  if (repair.kind === "repaired") {
    next = withServiceUnit(next, repair.unit);
    effects.push({ type: "service-unit-written", unit: repair.unit }, { type: "gateway-restart" });
  }
  return { machine: next, effects, outcome: { kind: "doctor", findings: repair.findings, repair } };
}
function runDevices(machine, command) {
  const env = shellProcessEnv(machine);
  const connection3 = command.connection;
  const envUrl = envValue(env, envNames.gatewayUrl);
  const url = connection3?.url ?? envUrl;
  const urlSource = connection3?.url !== void 0 ? "cli" : envUrl !== void 0 ? "env" : void 0;
  const credentials = resolveGatewayCredentials({
    config: machine.config.config,
    env,
    explicit: { token: connection3?.token, password: connection3?.password, url },
    ...urlSource !== void 0 ? { urlSource } : {}
  });
  if (urlSource === "cli" && credentials.token === void 0 && credentials.password === void 0) {
    const message = "gateway url override requires explicit credentials (pass --token or --password)";
    return { machine, effects: [], outcome: { kind: "missing-explicit-credentials", message } };
  }
  const rpc = devicesRpc(command);
  const target = url ?? defaultGatewayUrl(machine);
  const loopback = /^wss?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(target);
  const localPairingFallback2 = url === void 0 && loopback && (command.kind === "devices-list" || command.kind === "devices-approve");
  return {
    machine,
    effects: [{ type: "gateway-rpc", rpc, url: target, credentials, localPairingFallback: localPairingFallback2 }],
    outcome: { kind: "rpc-sent", rpc }
  };
}
function defaultGatewayUrl(machine) {
  const gw = gatewaySection(machine.config.config);
  const remoteUrl2 = gw.remote?.url;
  if (gw.mode === "remote" && typeof remoteUrl2 === "string" && remoteUrl2.trim()) return remoteUrl2.trim();
  return `ws://127.0.0.1:${configuredGatewayPort(machine.config.config)}`;
}

// src/crypto/ed25519.ts
import { createPublicKey as createPublicKey3, sign as nodeSign, verify as nodeVerify } from "node:crypto";
import * as ed from "@noble/ed25519";
import { sha512 } from "@noble/hashes/sha2.js";

// src/crypto/key-objects.ts
import { createPrivateKey, createPublicKey as createPublicKey2 } from "node:crypto";

// src/crypto/pem.ts
import { createPublicKey } from "node:crypto";
var ED25519_SPKI_PREFIX_HEX = "302a300506032b6570032100";
var ED25519_PKCS8_PREFIX_HEX = "302e020100300506032b657004220420";
var ED25519_KEY_BYTES = 32;
var ED25519_SIGNATURE_BYTES = 64;
var SPKI_PREFIX = Buffer.from(ED25519_SPKI_PREFIX_HEX, "hex");
var PKCS8_PREFIX = Buffer.from(ED25519_PKCS8_PREFIX_HEX, "hex");
function spkiDerFromRawPublicKey(raw) {
  assert(raw.length === ED25519_KEY_BYTES, `Ed25519 public key must be 32 bytes, got ${raw.length}`);
  return new Uint8Array(Buffer.concat([SPKI_PREFIX, raw]));
}
function pkcs8DerFromSeed(seed) {
  assert(seed.length === ED25519_KEY_BYTES, `Ed25519 seed must be 32 bytes, got ${seed.length}`);
  return new Uint8Array(Buffer.concat([PKCS8_PREFIX, seed]));
}
function pemFromDer(label, der) {
  const body = Buffer.from(der).toString("base64");
  const lines = [];
  for (let i = 0; i < body.length; i += 64) lines.push(body.slice(i, i + 64));
  return `-----BEGIN ${label}-----
${lines.join("\n")}
-----END ${label}-----
`;
}
function publicKeyPemFromRaw(raw) {
  return pemFromDer("PUBLIC KEY", spkiDerFromRawPublicKey(raw));
}
function privateKeyPemFromSeed(seed) {
  return pemFromDer("PRIVATE KEY", pkcs8DerFromSeed(seed));
}
function rawPublicKeyFromPem(pem) {
  try {
    const spki = createPublicKey(pem).export({ type: "spki", format: "der" });
    const isEd25519 = spki.length === SPKI_PREFIX.length + ED25519_KEY_BYTES && spki.subarray(0, SPKI_PREFIX.length).equals(SPKI_PREFIX);
    return new Uint8Array(isEd25519 ? spki.subarray(SPKI_PREFIX.length) : spki);
  } catch {
    return null;
  }
}

// src/crypto/key-objects.ts
var keyObjectsCachedMax = 5e4;
var KeyObjectCache = class {
  entries = /* @__PURE__ */ new Map();
  /**
   * The same key objects by the byte array they were asked for, so a caller that passes the same array again
   * (a cached identity's seed, a cached wire key's bytes) skips building the string key. Arrays handed in are
   * never written by the code that caches them; a weak map holds nothing alive.
   */
  byArray = /* @__PURE__ */ new WeakMap();
  get(bytes, build) {
    const known2 = this.byArray.get(bytes);
    if (known2 !== void 0) return known2;
    const key = cacheKey(bytes);
    let value = this.entries.get(key);
    if (value === void 0) {
      value = build();
      if (this.entries.size >= keyObjectsCachedMax) this.entries.delete(this.entries.keys().next().value);
      this.entries.set(key, value);
    }
    this.byArray.set(bytes, value);
    return value;
  }
};
var privateKeys = new KeyObjectCache();
var publicKeys = new KeyObjectCache();
function cacheKey(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}
function base64Url2(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}
var placeholderX = Buffer.alloc(32).toString("base64url");
function privateFromJwk(seed) {
  return createPrivateKey({ key: { kty: "OKP", crv: "Ed25519", d: base64Url2(seed), x: placeholderX }, format: "jwk" });
}
function privateFromDer(seed) {
  return createPrivateKey({ key: Buffer.from(pkcs8DerFromSeed(seed)), format: "der", type: "pkcs8" });
}
var rfc8032Seed = Buffer.from("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "hex");
var rfc8032Public = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
function jwkDerivesPublicHalf() {
  try {
    return createPublicKey2(privateFromJwk(rfc8032Seed)).export({ format: "jwk" }).x === rfc8032Public;
  } catch {
    return false;
  }
}
var privateKeyImport = jwkDerivesPublicHalf() ? "jwk" : "der";
function ed25519PrivateKeyObject(seed) {
  return privateKeys.get(seed, () => privateKeyImport === "jwk" ? privateFromJwk(seed) : privateFromDer(seed));
}
function ed25519PublicKeyObject(raw) {
  return publicKeys.get(raw, () => createPublicKey2({ key: { kty: "OKP", crv: "Ed25519", x: base64Url2(raw) }, format: "jwk" }));
}
assert(keyObjectsCachedMax > 0, "the key cache must hold at least one key");

// src/crypto/ed25519.ts
ed.hashes.sha512 = sha512;
function assertSeed(seed) {
  assert(seed.length === ED25519_KEY_BYTES, `Ed25519 seed must be 32 bytes, got ${seed.length}`);
}
var nobleBackend = {
  name: "noble",
  publicKeyFromSeed(seed) {
    assertSeed(seed);
    return ed.getPublicKey(seed);
  },
  sign(seed, message) {
    assertSeed(seed);
    return ed.sign(message, seed);
  },
  verify(publicKey, message, signature) {
    if (publicKey.length !== ED25519_KEY_BYTES || signature.length !== ED25519_SIGNATURE_BYTES) return false;
    try {
      return ed.verify(signature, message, publicKey, { zip215: false });
    } catch {
      return false;
    }
  }
};
var nodeBackend = {
  name: "node",
  publicKeyFromSeed(seed) {
    assertSeed(seed);
    const spki = createPublicKey3(ed25519PrivateKeyObject(seed)).export({ type: "spki", format: "der" });
    return new Uint8Array(spki.subarray(spki.length - ED25519_KEY_BYTES));
  },
  sign(seed, message) {
    assertSeed(seed);
    return new Uint8Array(nodeSign(null, message, ed25519PrivateKeyObject(seed)));
  },
  verify(publicKey, message, signature) {
    if (publicKey.length !== ED25519_KEY_BYTES) return false;
    try {
      return nodeVerify(null, message, ed25519PublicKeyObject(publicKey), signature);
    } catch {
      return false;
    }
  }
};
function ed25519Backend(name) {
  return name === "noble" ? nobleBackend : nodeBackend;
}
var SIGNING_BACKEND_DEFAULT = "node";
var VERIFY_BACKEND_DEFAULT = "node";

// src/crypto/encoding.ts
function base64UrlEncode(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64url");
}
function base64UrlDecodeLenient(input) {
  if (base64UrlOnly.test(input)) return new Uint8Array(Buffer.from(input, "base64url"));
  return base64UrlDecodeNormalized(input);
}
var base64UrlOnly = /^[A-Za-z0-9_-]*$/;
function base64UrlDecodeNormalized(input) {
  const normalized = input.replaceAll("-", "+").replaceAll("_", "/");
  const padded = normalized + "=".repeat((4 - normalized.length % 4) % 4);
  return new Uint8Array(Buffer.from(padded, "base64"));
}

// src/crypto/identity.ts
import { createHash as createHash3 } from "node:crypto";
function deviceIdFromRawPublicKey(raw) {
  return createHash3("sha256").update(raw).digest("hex");
}
var identitiesCachedMax = 5e4;
var identities = /* @__PURE__ */ new Map();
var derived = /* @__PURE__ */ new WeakSet();
function isDerivedIdentity(identity) {
  return derived.has(identity);
}
function identityFromSeed(seed32) {
  assert(seed32.length === ED25519_KEY_BYTES, `identity seed must be 32 bytes, got ${seed32.length}`);
  const key = Buffer.from(seed32.buffer, seed32.byteOffset, seed32.byteLength).toString("latin1");
  let identity = identities.get(key);
  if (identity === void 0) {
    identity = Object.freeze(deriveIdentity(seed32));
    derived.add(identity);
    if (identities.size >= identitiesCachedMax) identities.delete(identities.keys().next().value);
    identities.set(key, identity);
  }
  return identity;
}
function deriveIdentity(seed32) {
  const privateKeySeed = new Uint8Array(seed32);
  const publicKeyRaw = ed25519Backend(SIGNING_BACKEND_DEFAULT).publicKeyFromSeed(privateKeySeed);
  return {
    deviceId: deviceIdFromRawPublicKey(publicKeyRaw),
    publicKeyRaw,
    publicKeyBase64Url: base64UrlEncode(publicKeyRaw),
    privateKeySeed,
    publicKeyPem: publicKeyPemFromRaw(publicKeyRaw),
    privateKeyPem: privateKeyPemFromSeed(privateKeySeed)
  };
}
function identityFromPrng(prng) {
  return identityFromSeed(prng.bytes(ED25519_KEY_BYTES));
}
var wireKeysCachedMax = 5e4;
var wireKeys = /* @__PURE__ */ new Map();
function wireKey(publicKey) {
  let entry = wireKeys.get(publicKey);
  if (entry === void 0) {
    entry = { raw: decodeKeyMaterial(publicKey) };
    if (wireKeys.size >= wireKeysCachedMax) wireKeys.delete(wireKeys.keys().next().value);
    wireKeys.set(publicKey, entry);
  }
  return entry;
}
function decodeKeyMaterial(publicKey) {
  const raw = publicKey.includes("BEGIN") ? rawPublicKeyFromPem(publicKey) : base64UrlDecodeLenient(publicKey);
  return raw && raw.length > 0 ? raw : null;
}
function rawKeyMaterial(publicKey) {
  if (typeof publicKey !== "string") return null;
  return wireKey(publicKey).raw;
}
function normalizeDevicePublicKeyBase64Url(publicKey) {
  if (typeof publicKey !== "string") return null;
  const entry = wireKey(publicKey);
  if (entry.normalized === void 0) entry.normalized = entry.raw ? base64UrlEncode(entry.raw) : null;
  return entry.normalized;
}
function deriveDeviceIdFromPublicKey(publicKey) {
  if (typeof publicKey !== "string") return null;
  const entry = wireKey(publicKey);
  if (entry.deviceId === void 0) entry.deviceId = entry.raw ? deviceIdFromRawPublicKey(entry.raw) : null;
  return entry.deviceId;
}

// src/crypto/payload.ts
function normalizeDeviceMetadataForAuth(value) {
  if (typeof value !== "string" || !value) return "";
  const trimmed2 = value.trim();
  return asciiUpper.test(trimmed2) ? trimmed2.replace(asciiUpperAll, (ch) => String.fromCharCode(ch.charCodeAt(0) + 32)) : trimmed2;
}
var asciiUpper = /[A-Z]/;
var asciiUpperAll = /[A-Z]/g;
function buildSignaturePayload(version, fields) {
  const base = `${version}|${part(fields.deviceId)}|${part(fields.clientId)}|${part(fields.clientMode)}|${part(fields.role)}|${fields.scopes.join(",")}|${String(fields.signedAtMs)}|${part(fields.token)}`;
  switch (version) {
    case "v1":
      return base;
    case "v2":
      return `${base}|${part(fields.nonce)}`;
    case "v3":
      return `${base}|${part(fields.nonce)}|${normalizeDeviceMetadataForAuth(fields.platform)}|${normalizeDeviceMetadataForAuth(fields.deviceFamily)}`;
    default:
      return assertNever(version, "signature payload version");
  }
}
function part(value) {
  return value === void 0 || value === null ? "" : `${value}`;
}

// src/crypto/signature.ts
var ownSignatures;
var ownSignaturesMax = 4096;
function rememberOwnSignatures(on) {
  ownSignatures = on ? /* @__PURE__ */ new Set() : void 0;
}
function ownSignatureKey(publicKeyRaw, signatureBase64Url, payload) {
  return `${base64UrlEncode(publicKeyRaw)} ${signatureBase64Url} ${payload}`;
}
function signPayload(identity, payload, options = {}) {
  const backend = ed25519Backend(options.backend ?? SIGNING_BACKEND_DEFAULT);
  const signature = base64UrlEncode(backend.sign(identity.privateKeySeed, Buffer.from(payload, "utf8")));
  if (ownSignatures !== void 0 && isDerivedIdentity(identity)) {
    if (ownSignatures.size >= ownSignaturesMax) ownSignatures.clear();
    ownSignatures.add(ownSignatureKey(identity.publicKeyRaw, signature, payload));
  }
  return signature;
}
function verifyDeviceSignature(publicKey, payload, signature, options = {}) {
  if (typeof publicKey !== "string" || typeof payload !== "string" || typeof signature !== "string") return false;
  const raw = rawKeyMaterial(publicKey);
  if (!raw) return false;
  const signatureBytes = base64UrlDecodeLenient(signature);
  if (ownSignatures !== void 0 && ownSignatures.has(ownSignatureKey(raw, base64UrlEncode(signatureBytes), payload))) return true;
  const backend = ed25519Backend(options.backend ?? VERIFY_BACKEND_DEFAULT);
  return backend.verify(raw, Buffer.from(payload, "utf8"), signatureBytes);
}

// src/net/address.ts
import { isIP } from "node:net";
function normalizeAddress(address) {
  let a = address.trim().toLowerCase();
  if (a.startsWith("[") && a.endsWith("]")) a = a.slice(1, -1);
  if (a.startsWith("::ffff:") && isIP(a.slice(7)) === 4) a = a.slice(7);
  return a;
}
var addressesCachedMax = 1e4;
var octetsCache = /* @__PURE__ */ new Map();
function ipv4Octets(address) {
  if (octetsCache.has(address)) return octetsCache.get(address);
  const octets = parseIpv4Octets(address);
  if (octetsCache.size >= addressesCachedMax) octetsCache.delete(octetsCache.keys().next().value);
  octetsCache.set(address, octets);
  return octets;
}
function parseIpv4Octets(address) {
  if (isIP(address) !== 4) return void 0;
  const parts = address.split(".").map((p) => Number.parseInt(p, 10));
  return Object.freeze([parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 0]);
}
function isIpv4Address(text5) {
  return ipv4Octets(text5) !== void 0;
}
function isLoopbackAddress(address) {
  if (!address) return false;
  const a = normalizeAddress(address);
  if (a === "::1" || a === "0:0:0:0:0:0:0:1") return true;
  return ipv4Octets(a)?.[0] === 127;
}
function isLoopbackHostname(hostname) {
  const h = normalizeAddress(hostname);
  return h === "localhost" || h.endsWith(".localhost") || isLoopbackAddress(h);
}
function isTailnetAddress(address) {
  const o = ipv4Octets(normalizeAddress(address));
  return o !== void 0 && o[0] === 100 && o[1] >= 64 && o[1] <= 127;
}
function isSimulatedLanAddress(address) {
  const o = ipv4Octets(normalizeAddress(address));
  if (!o) return false;
  return o[0] === 192 && o[1] === 0 && o[2] === 2 || o[0] === 198 && o[1] === 51 && o[2] === 100;
}
function isPrivateOrLoopbackAddress(address) {
  if (!address) return false;
  if (isLoopbackAddress(address)) return true;
  const a = normalizeAddress(address);
  if (isSimulatedLanAddress(a) || isTailnetAddress(a)) return true;
  const o = ipv4Octets(a);
  if (o) {
    const [o1, o2] = o;
    return o1 === 10 || o1 === 172 && o2 >= 16 && o2 <= 31 || o1 === 192 && o2 === 168 || o1 === 169 && o2 === 254;
  }
  if (isIP(a) !== 6) return false;
  return a.startsWith("fc") || a.startsWith("fd") || /^fe[89ab]/.test(a);
}
function addressKindOf(address) {
  if (isLoopbackAddress(address)) return "loopback";
  if (isTailnetAddress(address)) return "tailnet";
  if (isPrivateOrLoopbackAddress(address)) return "lan";
  return "remote";
}
function isIpAddress(text5) {
  return isIP(normalizeAddress(text5)) !== 0;
}
function formatAddressPort(address, port2) {
  return isIP(address) === 6 ? `[${address}]:${port2}` : `${address}:${port2}`;
}
var wsUrlCache = /* @__PURE__ */ new Map();
function parseWsUrl(text5) {
  let parsed = wsUrlCache.get(text5);
  if (parsed === void 0) {
    parsed = parseWsUrlText(text5);
    if (parsed.kind === "ok") Object.freeze(parsed.url);
    Object.freeze(parsed);
    if (wsUrlCache.size >= addressesCachedMax) wsUrlCache.delete(wsUrlCache.keys().next().value);
    wsUrlCache.set(text5, parsed);
  }
  return parsed;
}
function parseWsUrlText(text5) {
  let parsed;
  try {
    parsed = new URL(text5);
  } catch {
    return { kind: "invalid", reason: `Invalid URL: ${text5}` };
  }
  if (parsed.protocol !== "ws:" && parsed.protocol !== "wss:") {
    return { kind: "invalid", reason: `The URL's protocol must be one of "ws:" or "wss:"` };
  }
  if (parsed.hash) return { kind: "invalid", reason: "The URL contains a fragment identifier" };
  if (!parsed.hostname) return { kind: "invalid", reason: `Invalid URL: ${text5}` };
  const secure = parsed.protocol === "wss:";
  const port2 = parsed.port ? Number.parseInt(parsed.port, 10) : secure ? 443 : 80;
  return {
    kind: "ok",
    url: {
      href: parsed.href,
      secure,
      hostname: normalizeAddress(parsed.hostname),
      port: port2,
      path: `${parsed.pathname || "/"}${parsed.search}`,
      hostHeader: parsed.host
    }
  };
}

// src/net/close-codes.ts
var CloseCode = {
  normal: 1e3,
  goingAway: 1001,
  protocolError: 1002,
  unsupportedData: 1003,
  /** Never on the wire: reported when a close frame carried no code. */
  noStatus: 1005,
  /** Never on the wire: reported when the connection ended without a close frame. */
  abnormal: 1006,
  invalidPayload: 1007,
  policyViolation: 1008,
  messageTooBig: 1009,
  mandatoryExtension: 1010,
  internalError: 1011,
  serviceRestart: 1012,
  tryAgainLater: 1013,
  /** OpenClaw client tick watchdog ("tick timeout"). */
  tickTimeout: 4e3,
  /** OpenClaw "device removed". */
  deviceRemoved: 4001
};
var closeReasonBytesMax = 123;
function isSendableCloseCode(code) {
  if (!Number.isInteger(code)) return false;
  if (code >= 1e3 && code <= 1014) return code !== 1004 && code !== 1005 && code !== 1006;
  return code >= 3e3 && code <= 4999;
}
function utf8ByteLength(text5) {
  return Buffer.byteLength(text5, "utf8");
}

// src/net/endpoint.ts
var ReadyState = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 };

// src/net/packet.ts
function directionFrom(side) {
  return side === "client" ? "c2s" : "s2c";
}
function receiverOf(direction) {
  return direction === "c2s" ? "server" : "client";
}
var traceTextCharsMax = 65536;
function bodyTraceData(body) {
  switch (body.kind) {
    case "frame":
      if (body.text.length > traceTextCharsMax) return { bytes: body.sizeBytes, text: body.text.slice(0, traceTextCharsMax), textCut: true };
      return { bytes: body.sizeBytes, text: body.text };
    case "close":
      return { code: body.code ?? null, reason: body.reason };
    case "upgrade-response":
      return body.outcome.kind === "refuse" ? { status: body.outcome.status } : { outcome: body.outcome.kind };
    case "upgrade":
    case "fin":
      return {};
  }
}

// src/net/link-latency.ts
var linkLatenciesDefault = {
  loopback: { minMs: 0, maxMs: 1 },
  lan: { minMs: 1, maxMs: 3 },
  tailnet: { minMs: 5, maxMs: 20 },
  remote: { minMs: 20, maxMs: 80 }
};
var linkLatencyMsMax = 6e4;
function checkLinkLatencies(latencies) {
  for (const [kind, range] of Object.entries(latencies)) {
    assert(Number.isInteger(range.minMs) && range.minMs >= 0, `${kind} minMs must be a non-negative integer`);
    assert(Number.isInteger(range.maxMs) && range.maxMs >= range.minMs, `${kind} maxMs must be \u2265 minMs`);
    assert(range.maxMs <= linkLatencyMsMax, `${kind} maxMs above ${linkLatencyMsMax}`);
  }
}
function routeLatencyMs(prng, latencies, hops) {
  let total = 0;
  for (const hop2 of hops) {
    const range = latencies[hop2.link];
    total += prng.int(range.minMs, range.maxMs);
  }
  return total;
}

// src/net/transport.ts
var heldPacketsMax = 1e5;
var Lane = class {
  lastDeliverAtMs = 0;
  queue = [];
  /** The lane's delivery event, built once: every enqueue schedules the same drain. */
  drain = () => {
  };
};
var Transport = class {
  constructor(scheduler, rules, latencies, hooks) {
    this.scheduler = scheduler;
    this.rules = rules;
    this.latencies = latencies;
    this.hooks = hooks;
    const s = scheduler;
    this.context = {
      get nowMs() {
        return s.nowMs();
      },
      stream: (name) => s.stream(name)
    };
  }
  scheduler;
  rules;
  latencies;
  hooks;
  /** By connSerial (see there). */
  wires = new IdTable();
  held = /* @__PURE__ */ new Map();
  heldCount = 0;
  context;
  networkStream;
  open(wire) {
    const serial = connSerial(wire.connId);
    if (serial === 0 || this.wires.has(serial)) assertionFailed(`connection ${wire.connId} already on the wire, or not a network connection id`);
    const s2cHops = [];
    for (let i = wire.hops.length - 1; i >= 0; i--) {
      const h = wire.hops[i];
      s2cHops.push({ from: h.to, to: h.from, link: h.link });
    }
    const c2s = new Lane();
    const s2c = new Lane();
    const state = {
      wire,
      sent: { c2s: 0, s2c: 0 },
      lanes: { c2s, s2c },
      hops: { c2s: wire.hops, s2c: s2cHops },
      deliverOptions: { actor: wire.connId, label: "net:deliver" },
      inFlight: 0
    };
    c2s.drain = () => this.drain(state, c2s);
    s2c.drain = () => this.drain(state, s2c);
    this.wires.set(serial, state);
  }
  /** True when no packet of the connection is queued, scheduled or held (or it was never on the wire). */
  idle(connId) {
    return (this.wires.get(connSerial(connId))?.inFlight ?? 0) === 0;
  }
  /** Drops an idle connection's wire state (nothing of it can arrive any more). */
  forget(connId) {
    if (!this.idle(connId)) assertionFailed(`connection ${connId} still has packets on the wire`);
    this.wires.delete(connSerial(connId));
  }
  /** The "network" stream (the same object `scheduler.stream` returns; looked up once). */
  network() {
    return this.networkStream ??= this.scheduler.stream("network");
  }
  /** Sends one packet; `sizeBytes` is the frame size (0 for control packets). */
  transmit(connId, direction, body, sizeBytes = 0) {
    const state = this.wires.get(connSerial(connId));
    if (!state) assertionFailed(`transmit on unknown connection ${connId}`);
    const n = ++state.sent[direction];
    const { wire } = state;
    const hops = state.hops[direction];
    const from = direction === "c2s" ? wire.clientHost : wire.serverHost;
    const to = direction === "c2s" ? wire.serverHost : wire.clientHost;
    const view = { connId, direction, kind: body.kind, n, from, to, hops, sizeBytes };
    const traceData = packetAndBodyTraceData(view, body);
    const packet = { view, body, traceData };
    this.scheduler.record(connId, "frame.send", traceData);
    const decision = this.rules.decide(view, this.context);
    if (decision.verdict.kind !== "pass") {
      this.scheduler.record(connId, "fault", {
        rule: decision.ruleName,
        ...verdictTraceData(decision.verdict),
        ...packetTraceData(view),
        from,
        to
      });
    }
    this.carryOut(state, packet, decision.verdict, decision.ruleId);
  }
  carryOut(state, packet, verdict, ruleId) {
    const view = packet.view;
    switch (verdict.kind) {
      case "pass":
        return this.enqueue(state, packet, 0);
      case "delay":
        return this.enqueue(state, packet, verdict.ms);
      case "reorder":
        return this.deliverOutOfOrder(state, packet, verdict.ms);
      case "drop":
        this.scheduler.record(view.connId, "frame.drop", { ...packetTraceData(view), reason: "fault" });
        return;
      case "duplicate":
        this.scheduler.record(view.connId, "frame.duplicate", packetTraceData(view));
        this.enqueue(state, packet, 0);
        return this.enqueue(state, packet, 0, true);
      case "hold":
        assert(ruleId !== void 0, "a hold verdict needs its rule");
        return this.hold(state, packet, ruleId);
      case "reset":
        this.scheduler.record(view.connId, "frame.drop", { ...packetTraceData(view), reason: "reset" });
        return this.hooks.reset(state.wire, view);
    }
  }
  enqueue(state, packet, extraMs, sameInstantAsLast = false) {
    const lane = state.lanes[packet.view.direction];
    const nowMs = this.scheduler.nowMs();
    const latencyMs = sameInstantAsLast ? 0 : routeLatencyMs(this.network(), this.latencies, packet.view.hops);
    const atMs = sameInstantAsLast ? lane.lastDeliverAtMs : Math.max(nowMs + latencyMs + extraMs, lane.lastDeliverAtMs);
    lane.lastDeliverAtMs = atMs;
    lane.queue.push({ atMs, packet });
    state.inFlight++;
    this.scheduler.scheduleAt(atMs, state.deliverOptions, lane.drain);
  }
  /** Delivers every due packet at the head of the lane, in order (events due at one instant may fire in any order). */
  drain(state, lane) {
    const nowMs = this.scheduler.nowMs();
    let due = 0;
    while (due < lane.queue.length && (lane.queue[due]?.atMs ?? Infinity) <= nowMs) due++;
    if (due === 1) {
      const item = lane.queue.shift();
      state.inFlight--;
      this.hooks.arrive(state.wire, item.packet);
      return;
    }
    const batch = lane.queue.splice(0, due);
    state.inFlight -= batch.length;
    for (const item of batch) this.hooks.arrive(state.wire, item.packet);
  }
  deliverOutOfOrder(state, packet, extraMs) {
    const latencyMs = routeLatencyMs(this.network(), this.latencies, packet.view.hops);
    state.inFlight++;
    this.scheduler.schedule(latencyMs + extraMs, { actor: state.wire.connId, label: "net:deliver" }, () => {
      state.inFlight--;
      this.hooks.arrive(state.wire, packet);
    });
  }
  hold(state, packet, ruleId) {
    assert(this.heldCount < heldPacketsMax, "too many held packets");
    let bucket = this.held.get(ruleId);
    if (!bucket) {
      bucket = [];
      this.held.set(ruleId, bucket);
    }
    bucket.push({ state, packet });
    state.inFlight++;
    this.heldCount++;
    this.scheduler.record(packet.view.connId, "frame.hold", { ...packetTraceData(packet.view), rule: this.rules.nameOf(ruleId) });
  }
  heldBy(ruleId) {
    return this.held.get(ruleId)?.length ?? 0;
  }
  /** Sends every packet held by the rule on its way, in the order held, each with fresh link latency. */
  release(ruleId, ruleName) {
    const bucket = this.held.get(ruleId) ?? [];
    this.held.delete(ruleId);
    this.heldCount -= bucket.length;
    for (const { state, packet } of bucket) {
      state.inFlight--;
      this.scheduler.record(packet.view.connId, "frame.release", { ...packetTraceData(packet.view), rule: ruleName });
      this.enqueue(state, packet, 0);
    }
    return bucket.length;
  }
};
function connSerial(connId) {
  const length = connId.length;
  if (length < 2 || length > 16 || connId.charCodeAt(0) !== 99 || connId.charCodeAt(1) === 48) return 0;
  let n = 0;
  for (let i = 1; i < length; i++) {
    const digit = connId.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return 0;
    n = n * 10 + digit;
  }
  return n;
}
function packetTraceData(view) {
  return { connId: view.connId, dir: view.direction, n: view.n, packet: view.kind };
}
function packetAndBodyTraceData(view, body) {
  const connId = view.connId;
  const dir = view.direction;
  const n = view.n;
  const packet = view.kind;
  switch (body.kind) {
    case "frame":
      if (body.text.length > traceTextCharsMax) return { ...packetTraceData(view), ...bodyTraceData(body) };
      return { connId, dir, n, packet, bytes: body.sizeBytes, text: body.text };
    case "close":
      return { connId, dir, n, packet, code: body.code ?? null, reason: body.reason };
    case "upgrade-response":
      return body.outcome.kind === "refuse" ? { connId, dir, n, packet, status: body.outcome.status } : { connId, dir, n, packet, outcome: body.outcome.kind };
    case "upgrade":
    case "fin":
      return { connId, dir, n, packet };
  }
}
function verdictTraceData(verdict) {
  switch (verdict.kind) {
    case "delay":
    case "reorder":
      return { verdict: verdict.kind, ms: verdict.ms };
    case "pass":
    case "drop":
    case "duplicate":
    case "hold":
    case "reset":
      return { verdict: verdict.kind };
  }
}

// src/net/connection.ts
var Connection = class {
  constructor(env, init) {
    this.env = env;
    this.id = init.id;
    this.request = init.request;
    this.callbacks = init.callbacks;
    this.wired = init.wired;
    this.target = init.target;
    const end = (maxPayloadBytes2) => ({
      readyState: ReadyState.CONNECTING,
      maxPayloadBytes: maxPayloadBytes2,
      closeTimer: void 0,
      destroyed: false,
      receiveFailed: false,
      reported: false,
      finSent: false
    });
    this.ends = { client: end(init.clientMaxPayloadBytes), server: end(0) };
    if (!init.wired) this.ends.server.reported = true;
    this.clientSocket = this.socketFor("client");
    this.serverSocket = this.socketFor("server");
  }
  env;
  id;
  request;
  clientSocket;
  serverSocket;
  ends;
  listener;
  /** The client's callbacks; dropped once none can run again (see releaseIfDone). */
  callbacks;
  /** Deferred callbacks (`later`) scheduled and not yet run. */
  laters = 0;
  connectTimer;
  torn = false;
  /** From the init (which is not kept, so its callbacks can be dropped). */
  wired;
  target;
  readyState(side) {
    return this.ends[side].readyState;
  }
  /** True once both ends have reported their close (or can no longer report one). */
  get finished() {
    return this.ends.client.reported && this.ends.server.reported;
  }
  /**
   * Nothing can happen on it any more from its own side: both ends reported, and no deferred callback, connect
   * timer or close timer is pending. (Packets still on the wire are the transport's to tell.) Every later call
   * through a socket handle is a no-op, and a reset only marks it torn.
   */
  get inert() {
    return this.finished && this.laters === 0 && this.connectTimer === void 0 && this.ends.client.closeTimer === void 0 && this.ends.server.closeTimer === void 0;
  }
  // ---- actions by the code on either end -------------------------------------------------------------------
  send(side, payload) {
    const end = this.ends[side];
    if (end.readyState !== ReadyState.OPEN || end.destroyed) return { kind: "not-open", readyState: end.readyState };
    const sizeBytes = this.env.sizeOf(payload);
    this.env.transmit(this.id, side, { kind: "frame", payload, sizeBytes, text: this.env.textOf(payload) }, sizeBytes);
    return { kind: "sent" };
  }
  /** Like ws, the code and reason are only checked when a close frame is actually sent (state OPEN). */
  close(side, code, reason = "") {
    const end = this.ends[side];
    if (end.destroyed || end.readyState === ReadyState.CLOSED || end.readyState === ReadyState.CLOSING) return;
    if (end.readyState === ReadyState.CONNECTING) return this.abort(side);
    if (code !== void 0 && !isSendableCloseCode(code)) assertionFailed(`close code ${code} cannot be sent`);
    if (utf8ByteLength(reason) > closeReasonBytesMax) assertionFailed(`close reason above ${closeReasonBytesMax} bytes (truncate it first)`);
    end.readyState = ReadyState.CLOSING;
    this.env.transmit(this.id, side, { kind: "close", code, reason: code === void 0 ? "" : reason });
    this.startCloseTimer(side);
  }
  terminate(side) {
    const end = this.ends[side];
    if (end.destroyed || end.readyState === ReadyState.CLOSED) return;
    if (end.readyState === ReadyState.CONNECTING) return this.abort(side);
    this.destroy(side);
    this.later(() => this.report(side, CloseCode.abnormal, "", false));
  }
  setMaxPayload(side, bytes) {
    assert(Number.isInteger(bytes) && bytes > 0, `maxPayload must be a positive integer, got ${bytes}`);
    this.ends[side].maxPayloadBytes = bytes;
  }
  // ---- events from the network ----------------------------------------------------------------------------
  /** Client gives up after `ms` if the upgrade has not been answered. */
  startConnectTimer(ms, error) {
    this.connectTimer = this.env.scheduler.schedule(ms, { actor: this.id, label: "net:connect-timeout" }, () => {
      this.connectTimer = void 0;
      const client = this.ends.client;
      if (client.readyState !== ReadyState.CONNECTING || client.destroyed) return;
      this.destroy("client");
      this.failDial(error);
    });
  }
  /** A dial that failed before anything was sent (unknown name). */
  failSoon(error) {
    this.ends.client.destroyed = true;
    this.ends.server.reported = true;
    this.later(() => this.failDial(error));
  }
  /** Reset by the network (a reset verdict or `network.reset`): both ends report 1006. */
  reset() {
    if (this.torn) return;
    this.torn = true;
    this.clearConnectTimer();
    for (const side of ["client", "server"]) {
      const end = this.ends[side];
      if (end.reported || end.destroyed) continue;
      const wasConnecting = end.readyState === ReadyState.CONNECTING;
      end.destroyed = true;
      end.readyState = ReadyState.CLOSING;
      this.clearCloseTimer(side);
      if (side === "server" && (wasConnecting || !this.listener)) {
        end.reported = true;
        continue;
      }
      this.later(() => {
        if (wasConnecting) this.failDial({ code: "ECONNRESET", message: "read ECONNRESET" });
        else this.report(side, CloseCode.abnormal, "", false);
      });
    }
  }
  /** The listener went away (unlisten, process crash): the server end vanishes without callbacks. */
  serverGone() {
    const server = this.ends.server;
    if (server.reported || server.destroyed) return;
    this.destroy("server");
    server.reported = true;
    server.readyState = ReadyState.CLOSED;
    this.env.scheduler.record(this.id, "close", {
      connId: this.id,
      side: "server",
      code: CloseCode.abnormal,
      reason: "",
      wasClean: false,
      cause: "listener-gone"
    });
  }
  arrive(packet) {
    if (this.torn) return this.discard(packet, "reset");
    const body = packet.body;
    const receiver = receiverOf(packet.view.direction);
    switch (body.kind) {
      case "upgrade":
        return this.onUpgrade(packet);
      case "upgrade-response":
        return this.onUpgradeResponse(packet, body.outcome);
      case "frame":
        return this.onFrame(receiver, packet, body.payload, body.sizeBytes);
      case "close":
        return this.onCloseFrame(receiver, packet, body.code, body.reason);
      case "fin":
        return this.onFin(receiver, packet);
    }
  }
  // ---- arrivals -------------------------------------------------------------------------------------------
  onUpgrade(packet) {
    const server = this.ends.server;
    if (server.readyState !== ReadyState.CONNECTING || server.destroyed || server.reported) return this.discard(packet, "duplicate");
    this.delivered(packet);
    const { outcome, listener, maxPayloadBytes: maxPayloadBytes2 } = this.env.upgrade(this);
    if (outcome.kind !== "accept" || !listener) {
      server.destroyed = true;
      server.reported = true;
      server.readyState = ReadyState.CLOSED;
      this.env.scheduler.record(this.id, "conn.refused", refusalTraceData(this.id, outcome, this.target));
      this.env.transmit(this.id, "server", { kind: "upgrade-response", outcome });
      return;
    }
    this.listener = listener;
    server.readyState = ReadyState.OPEN;
    server.maxPayloadBytes = maxPayloadBytes2 ?? server.maxPayloadBytes;
    this.env.scheduler.record(this.id, "conn.accept", { connId: this.id, side: "server", protocol: outcome.protocol });
    this.env.transmit(this.id, "server", { kind: "upgrade-response", outcome });
    listener.onOpen?.(this.serverSocket);
  }
  onUpgradeResponse(packet, outcome) {
    const client = this.ends.client;
    if (client.readyState !== ReadyState.CONNECTING || client.destroyed) {
      this.discard(packet, "closed");
      if (outcome.kind === "accept") this.sendFin("client");
      return;
    }
    this.delivered(packet);
    this.clearConnectTimer();
    switch (outcome.kind) {
      case "accept":
        client.readyState = ReadyState.OPEN;
        this.env.scheduler.record(this.id, "conn.accept", { connId: this.id, side: "client", protocol: outcome.protocol });
        this.callbacks.onOpen?.();
        return;
      case "refuse":
        client.destroyed = true;
        this.callbacks.onUnexpectedResponse?.(outcome.status, outcome.body);
        return this.report("client", CloseCode.abnormal, "", false);
      case "no-listener":
        client.destroyed = true;
        this.emitError("client", { code: "ECONNREFUSED", message: `connect ECONNREFUSED ${this.target}` });
        return this.report("client", CloseCode.abnormal, "", false);
      case "reset":
        client.destroyed = true;
        this.emitError("client", { code: "ECONNRESET", message: "socket hang up" });
        return this.report("client", CloseCode.abnormal, "", false);
    }
  }
  onFrame(receiver, packet, payload, sizeBytes) {
    const end = this.ends[receiver];
    if (end.destroyed || end.readyState === ReadyState.CLOSED) {
      this.discard(packet, "closed");
      return this.sendFin(receiver);
    }
    if (end.readyState === ReadyState.CONNECTING) return this.discard(packet, "not-open");
    if (end.receiveFailed) return this.discard(packet, "receiver-failed");
    if (sizeBytes > end.maxPayloadBytes) {
      this.discard(packet, "max-payload", { limit: end.maxPayloadBytes });
      return this.failReceive(receiver);
    }
    this.delivered(packet);
    if (receiver === "client") this.callbacks.onMessage?.(payload);
    else this.listener?.onMessage?.(this.serverSocket, payload);
  }
  onCloseFrame(receiver, packet, code, reason) {
    const end = this.ends[receiver];
    if (end.destroyed || end.readyState === ReadyState.CLOSED || end.readyState === ReadyState.CONNECTING) {
      return this.discard(packet, "closed");
    }
    this.delivered(packet);
    if (end.receiveFailed) return this.report(receiver, CloseCode.abnormal, "", false);
    if (end.readyState === ReadyState.OPEN) {
      end.readyState = ReadyState.CLOSING;
      this.env.transmit(this.id, receiver, { kind: "close", code, reason });
    }
    this.report(receiver, code ?? CloseCode.noStatus, reason, true);
  }
  onFin(receiver, packet) {
    const end = this.ends[receiver];
    if (end.destroyed || end.reported) return this.discard(packet, "closed");
    this.delivered(packet);
    const wasConnecting = end.readyState === ReadyState.CONNECTING;
    end.destroyed = true;
    end.finSent = true;
    if (receiver === "server" && wasConnecting) {
      end.reported = true;
      end.readyState = ReadyState.CLOSED;
      return;
    }
    if (wasConnecting) {
      this.clearConnectTimer();
      return this.failDial({ code: "ECONNRESET", message: "socket hang up" });
    }
    this.report(receiver, CloseCode.abnormal, "", false);
  }
  /** ws: a frame above maxPayload → close 1009 (empty reason), emit the error, end the socket. */
  failReceive(side) {
    const end = this.ends[side];
    end.receiveFailed = true;
    if (end.readyState === ReadyState.OPEN) {
      end.readyState = ReadyState.CLOSING;
      this.env.transmit(this.id, side, { kind: "close", code: CloseCode.messageTooBig, reason: "" });
      this.startCloseTimer(side);
    }
    this.sendFin(side);
    this.emitError(side, { code: "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH", message: "Max payload size exceeded" });
  }
  // ---- helpers --------------------------------------------------------------------------------------------
  abort(side) {
    assert(side === "client", "only a client end is ever handed out while CONNECTING");
    this.destroy("client");
    this.clearConnectTimer();
    this.later(() => this.failDial({ code: "ABORTED", message: "WebSocket was closed before the connection was established" }));
  }
  failDial(error) {
    const target = this.target;
    this.env.scheduler.record(this.id, "conn.refused", { connId: this.id, side: "client", error: error.code, target });
    this.emitError("client", error);
    this.report("client", CloseCode.abnormal, "", false);
  }
  destroy(side) {
    const end = this.ends[side];
    end.destroyed = true;
    if (end.readyState !== ReadyState.CLOSED) end.readyState = ReadyState.CLOSING;
    this.clearCloseTimer(side);
    this.sendFin(side);
  }
  sendFin(side) {
    const end = this.ends[side];
    if (end.finSent || !this.wired) return;
    end.finSent = true;
    this.env.transmit(this.id, side, { kind: "fin" });
  }
  startCloseTimer(side) {
    this.clearCloseTimer(side);
    const options = { actor: this.id, label: "net:close-timeout" };
    this.ends[side].closeTimer = this.env.scheduler.schedule(this.env.closeTimeoutMs, options, () => {
      const end = this.ends[side];
      end.closeTimer = void 0;
      if (end.readyState !== ReadyState.CLOSING || end.reported) return;
      this.destroy(side);
      this.report(side, CloseCode.abnormal, "", false);
    });
  }
  clearCloseTimer(side) {
    const timer2 = this.ends[side].closeTimer;
    if (timer2 !== void 0) this.env.scheduler.cancel(timer2);
    this.ends[side].closeTimer = void 0;
  }
  clearConnectTimer() {
    if (this.connectTimer !== void 0) this.env.scheduler.cancel(this.connectTimer);
    this.connectTimer = void 0;
  }
  report(side, code, reason, wasClean) {
    const end = this.ends[side];
    if (end.reported) return;
    end.reported = true;
    end.readyState = ReadyState.CLOSED;
    this.clearCloseTimer(side);
    this.env.scheduler.record(this.id, "close", { connId: this.id, side, code, reason, wasClean });
    if (side === "client") this.callbacks.onClose?.(code, reason, wasClean);
    else this.listener?.onClose?.(this.serverSocket, code, reason, wasClean);
    this.releaseIfDone();
  }
  emitError(side, error) {
    if (side === "client") this.callbacks.onError?.(error);
    else this.listener?.onError?.(this.serverSocket, error);
  }
  later(run2) {
    this.laters++;
    this.env.scheduler.schedule(0, { actor: this.id, label: "net:report" }, () => {
      this.laters--;
      run2();
      this.releaseIfDone();
    });
  }
  /**
   * A finished connection stays in the network's table until it is inert and swept; its client callbacks (and whatever
   * the client's closures hold) need not. Every path to a client callback first checks that the client end
   * has not reported, except a deferred one already queued (`later`), so once both ends have reported and
   * no deferred callback is queued, none can run again and they are dropped.
   */
  releaseIfDone() {
    if (this.laters === 0 && this.finished) this.callbacks = releasedCallbacks;
  }
  delivered(packet) {
    this.env.scheduler.record(this.id, "frame.deliver", packet.traceData ?? packetAndBodyTraceData(packet.view, packet.body));
  }
  discard(packet, reason, extra = {}) {
    this.env.scheduler.record(this.id, "frame.drop", { ...packetTraceData(packet.view), reason, ...extra });
  }
  socketFor(side) {
    return new SocketHandle(this, side);
  }
};
var SocketHandle = class {
  constructor(conn, side) {
    this.conn = conn;
    this.side = side;
    this.connId = conn.id;
    this.request = conn.request;
  }
  conn;
  side;
  connId;
  request;
  get readyState() {
    return this.conn.readyState(this.side);
  }
  send(payload) {
    return this.conn.send(this.side, payload);
  }
  close(code, reason) {
    this.conn.close(this.side, code, reason);
  }
  terminate() {
    this.conn.terminate(this.side);
  }
  setMaxPayload(bytes) {
    this.conn.setMaxPayload(this.side, bytes);
  }
};
var releasedCallbacks = Object.freeze({});
function refusalTraceData(connId, outcome, target) {
  switch (outcome.kind) {
    case "refuse":
      return { connId, side: "server", status: outcome.status, body: outcome.body };
    case "no-listener":
      return { connId, side: "server", error: "ECONNREFUSED", target };
    case "reset":
      return { connId, side: "server", error: "ECONNRESET", target };
    case "accept":
      return { connId, side: "server", error: "no-listener", target };
  }
}

// src/net/rules.ts
var pass = { kind: "pass" };
var dropVerdict = { kind: "drop" };
var duplicateVerdict = { kind: "duplicate" };
var holdVerdict = { kind: "hold" };
function delayVerdict(ms) {
  assert(Number.isInteger(ms) && ms >= 0, `delay must be a non-negative integer, got ${ms}`);
  return { kind: "delay", ms };
}
function matchesPacket(match, packet, nowMs) {
  if (match.connId !== void 0 && packet.connId !== match.connId) return false;
  if (match.direction !== void 0 && packet.direction !== match.direction) return false;
  if (match.kinds !== void 0 && !match.kinds.includes(packet.kind)) return false;
  if (match.fromHost !== void 0 && packet.from !== match.fromHost) return false;
  if (match.toHost !== void 0 && packet.to !== match.toHost) return false;
  if (match.link !== void 0 && !routeJoins(packet, match.link[0], match.link[1])) return false;
  if (match.fromMs !== void 0 && nowMs < match.fromMs) return false;
  if (match.untilMs !== void 0 && nowMs >= match.untilMs) return false;
  return match.where === void 0 || match.where(packet);
}
function routeJoins(packet, hostA, hostB) {
  return packet.hops.some((h) => h.from === hostA && h.to === hostB || h.from === hostB && h.to === hostA);
}
var rulesMax = 1e3;
var passDecision = Object.freeze({ verdict: pass });
var RuleChain = class {
  rules = /* @__PURE__ */ new Map();
  nextId = 1;
  add(rule) {
    assert(this.rules.size < rulesMax, "too many fault rules installed");
    const id = this.nextId++;
    this.rules.set(id, rule);
    return id;
  }
  remove(id) {
    return this.rules.delete(id);
  }
  has(id) {
    return this.rules.has(id);
  }
  nameOf(id) {
    return this.rules.get(id)?.name;
  }
  get size() {
    return this.rules.size;
  }
  decide(packet, context) {
    for (const [ruleId, rule] of this.rules) {
      const verdict = rule.decide(packet, context);
      if (verdict.kind !== "pass") return { verdict, ruleId, ruleName: rule.name };
    }
    return passDecision;
  }
};

// src/net/faults/drop.ts
var dropStreamDefault = "net:fault:drop";
function shouldDrop(prng, options) {
  return prng.chance(options.ratio);
}
function drop(options) {
  const match = options.match ?? { kinds: ["frame"] };
  const stream = options.stream ?? dropStreamDefault;
  return {
    name: `drop ${formatRatio(options.ratio)}`,
    decide(packet, context) {
      if (!matchesPacket(match, packet, context.nowMs)) return pass;
      return shouldDrop(context.stream(stream), options) ? dropVerdict : pass;
    }
  };
}

// src/net/faults/duplicate.ts
var duplicateStreamDefault = "net:fault:duplicate";
function shouldDuplicate(prng, options) {
  return prng.chance(options.ratio);
}
function duplicate(options) {
  const match = options.match ?? { kinds: ["frame"] };
  const stream = options.stream ?? duplicateStreamDefault;
  return {
    name: `duplicate ${formatRatio(options.ratio)}`,
    decide(packet, context) {
      if (!matchesPacket(match, packet, context.nowMs)) return pass;
      return shouldDuplicate(context.stream(stream), options) ? duplicateVerdict : pass;
    }
  };
}

// src/net/faults/hold.ts
function hold(match = {}, name = "hold") {
  return {
    name,
    decide(packet, context) {
      return matchesPacket(match, packet, context.nowMs) ? holdVerdict : pass;
    }
  };
}

// src/net/faults/latency.ts
var latencyStreamDefault = "net:fault:latency";
function extraLatencyMs(prng, options) {
  return prng.int(options.minMs, options.maxMs);
}
function latency(options) {
  assert(Number.isInteger(options.minMs) && options.minMs >= 0, "latency minMs must be a non-negative integer");
  assert(Number.isInteger(options.maxMs) && options.maxMs >= options.minMs, "latency maxMs must be \u2265 minMs");
  const match = options.match ?? {};
  const stream = options.stream ?? latencyStreamDefault;
  return {
    name: `latency ${options.minMs}-${options.maxMs}ms`,
    decide(packet, context) {
      if (!matchesPacket(match, packet, context.nowMs)) return pass;
      return delayVerdict(extraLatencyMs(context.stream(stream), options));
    }
  };
}
function gatewayFramesLate(ms) {
  return latency({ minMs: ms, maxMs: ms, match: { direction: "s2c", kinds: ["frame"] } });
}

// src/net/faults/partition.ts
function partition(hostA, hostB) {
  assert(hostA !== hostB, "a host cannot be partitioned from itself");
  return {
    name: `partition ${hostA}|${hostB}`,
    decide(packet) {
      return routeJoins(packet, hostA, hostB) ? dropVerdict : pass;
    }
  };
}

// src/net/faults/slow-close.ts
function slowClose(options = {}) {
  const match = { kinds: ["close", "fin"] };
  if (options.connId !== void 0) match.connId = options.connId;
  if (options.fromHost !== void 0) match.fromHost = options.fromHost;
  if (options.direction !== void 0) match.direction = options.direction;
  const what = options.connId ?? options.fromHost ?? "*";
  return hold(match, `slow-close ${what}${options.direction ? ` ${options.direction}` : ""}`);
}

// src/net/host.ts
var hostsPerRangeMax = 240;
var firstHostOctet = 10;
var rangePrefix = {
  lan: "192.0.2.",
  proxy: "198.51.100.",
  tailnet: "100.64.0.",
  remote: "203.0.113."
};
var HostRegistry = class {
  hosts = /* @__PURE__ */ new Map();
  byAddress = /* @__PURE__ */ new Map();
  dnsNames = /* @__PURE__ */ new Map();
  /** Address literals that stand for another host address (see addAddressAlias). */
  addressAliases = /* @__PURE__ */ new Map();
  nextOctet = {
    lan: firstHostOctet,
    proxy: firstHostOctet,
    tailnet: firstHostOctet,
    remote: firstHostOctet
  };
  add(spec) {
    assert(/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(spec.name), `bad host name ${JSON.stringify(spec.name)}`);
    assert(!this.hosts.has(spec.name), `host ${spec.name} already exists`);
    const interfaces = [];
    if (spec.kind !== "loopback") {
      const primary = spec.address ? normalizeAddress(spec.address) : this.allocate(spec.kind);
      interfaces.push({ address: primary, kind: addressKindOf(primary) });
    } else {
      assert(spec.address === void 0 && !spec.alsoOn?.length, "a loopback-only host has no other address");
    }
    for (const extra of spec.alsoOn ?? []) {
      const address = this.allocate(extra);
      interfaces.push({ address, kind: addressKindOf(address) });
    }
    for (const i of interfaces) {
      assert(i.kind !== "loopback", `host ${spec.name}: ${i.address} is a loopback address`);
      assert(!this.byAddress.has(i.address), `address ${i.address} is already taken`);
    }
    const host = { name: spec.name, kind: spec.kind, address: interfaces[0]?.address ?? "127.0.0.1", interfaces };
    this.hosts.set(host.name, host);
    for (const i of interfaces) this.byAddress.set(i.address, host);
    return host;
  }
  get(name) {
    const host = this.hosts.get(name);
    if (!host) assertionFailed(`unknown host ${name}`);
    return host;
  }
  has(name) {
    return this.hosts.has(name);
  }
  all() {
    return [...this.hosts.values()];
  }
  hostAt(address) {
    return this.byAddress.get(normalizeAddress(address));
  }
  /** An extra DNS name (e.g. `gateway.tail1234.ts.net`) for an address. Host names resolve without this. */
  addDnsName(name, address) {
    const key = name.toLowerCase();
    assert(!this.dnsNames.has(key) && !this.hosts.has(key), `DNS name ${name} already defined`);
    assert(isIpAddress(address), `DNS name ${name} must map to an address, got ${address}`);
    this.dnsNames.set(key, normalizeAddress(address));
  }
  /**
   * A second address literal for a host address: dialling `alias` reaches `address` exactly as dialling `address`
   * does (only the URL, and so the Host header, says `alias`). For the real client, whose plaintext-ws rule must see
   * an RFC1918 address where the simulation's LAN uses documentation space (world.ts realClientUrl).
   */
  addAddressAlias(alias, address) {
    const key = normalizeAddress(alias);
    assert(isIpAddress(key) && isIpAddress(address), `address alias ${alias} \u2192 ${address}: both must be address literals`);
    assert(!this.byAddress.has(key) && !this.addressAliases.has(key), `address ${alias} is already taken`);
    this.addressAliases.set(key, normalizeAddress(address));
  }
  /** Whether an address literal is a host's or an alias's. */
  addressTaken(address) {
    const key = normalizeAddress(address);
    return this.byAddress.has(key) || this.addressAliases.has(key);
  }
  /** The address an alias stands for (undefined when it is no alias). */
  aliasTarget(alias) {
    return this.addressAliases.get(normalizeAddress(alias));
  }
  /** What `hostname` (a name or an address literal) means to a process on `from`. */
  resolve(from, hostname) {
    const h = normalizeAddress(hostname);
    if (isLoopbackHostname(h)) {
      const address2 = isIpAddress(h) ? h : "127.0.0.1";
      return { kind: "host", host: from, address: address2, addressKind: "loopback" };
    }
    const mdns = h.endsWith(".local") && !this.dnsNames.has(h) ? this.hosts.get(h.slice(0, -".local".length)) : void 0;
    if (mdns) {
      const lan = mdns.interfaces.find((i) => i.kind === "lan" && this.canReach(from, mdns, i.address))?.address;
      if (lan === void 0) return { kind: "not-found" };
      return { kind: "host", host: mdns, address: lan, addressKind: mdns === from ? "loopback" : addressKindOf(lan) };
    }
    const named = this.hosts.get(h);
    const reachable = named?.interfaces.find((i) => this.canReach(from, named, i.address))?.address;
    const address = isIpAddress(h) ? this.addressAliases.get(h) ?? h : this.dnsNames.get(h) ?? reachable ?? named?.address;
    if (address === void 0) return { kind: "not-found" };
    const target = this.byAddress.get(address);
    if (!target || !this.canReach(from, target, address)) return { kind: "unreachable", address };
    return { kind: "host", host: target, address, addressKind: target === from ? "loopback" : addressKindOf(address) };
  }
  /**
   * The address the far end sees when `from` dials `address` on `to`: the same loopback literal on the same
   * host, the dialled address itself when a host dials its own interface, else `from`'s interface on the
   * dialled network (its primary one for remote addresses; no NAT is modelled).
   */
  sourceAddress(from, to, address) {
    if (isLoopbackHostname(address)) return normalizeAddress(address).includes(":") ? "::1" : "127.0.0.1";
    if (from === to) return normalizeAddress(address);
    const kind = addressKindOf(address);
    return from.interfaces.find((i) => i.kind === kind)?.address ?? from.address;
  }
  canReach(from, to, address) {
    if (from === to) return true;
    const kind = addressKindOf(address);
    if (kind === "remote") return from.interfaces.length > 0;
    return from.interfaces.some((i) => i.kind === kind);
  }
  allocate(kind) {
    assert(kind !== "loopback", "loopback addresses are not allocated");
    for (; ; ) {
      const octet = this.nextOctet[kind];
      assert(octet < firstHostOctet + hostsPerRangeMax, `out of ${kind} addresses`);
      this.nextOctet[kind] = octet + 1;
      const address = `${rangePrefix[kind]}${octet}`;
      if (!this.byAddress.has(address)) return address;
    }
  }
};

// src/net/listeners.ts
function bindAccepts(bind, dialledAddress) {
  if (bind === "all") return true;
  if (bind === "loopback") return isLoopbackAddress(dialledAddress);
  return normalizeAddress(bind) === normalizeAddress(dialledAddress);
}
function bindsOverlap(a, b) {
  if (a === "all" || b === "all") return true;
  if (a === "loopback") return b === "loopback" || isLoopbackAddress(b);
  if (b === "loopback") return isLoopbackAddress(a);
  return normalizeAddress(a) === normalizeAddress(b);
}
var listenEntriesMax = 1e4;
var ListenTable = class {
  entries = /* @__PURE__ */ new Map();
  nextId = 1;
  /** Undefined when the address is in use (EADDRINUSE). */
  add(entry) {
    assert(Number.isInteger(entry.port) && entry.port > 0 && entry.port < 65536, `bad port ${entry.port}`);
    assert(this.entries.size < listenEntriesMax, "too many listening sockets");
    for (const other of this.entries.values()) {
      if (other.host === entry.host && other.port === entry.port && bindsOverlap(other.bind, entry.bind)) return void 0;
    }
    const full = { ...entry, id: this.nextId++ };
    this.entries.set(full.id, full);
    return full;
  }
  remove(id) {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    return entry;
  }
  isListening(id) {
    return this.entries.has(id);
  }
  find(host, port2, dialledAddress) {
    for (const entry of this.entries.values()) {
      if (entry.host === host && entry.port === port2 && bindAccepts(entry.bind, dialledAddress)) return entry;
    }
    return void 0;
  }
};

// src/net/proxy.ts
function proxiedHeaders(spec, input) {
  const out = { ...input.headers };
  if (spec.tcp) return out;
  for (const name of spec.stripHeaders ?? []) delete out[name.toLowerCase()];
  if (spec.forwardedHeaders ?? true) {
    const prior = out["x-forwarded-for"];
    const append = (spec.xForwardedFor ?? "append") === "append" && prior !== void 0 && prior.trim() !== "";
    out["x-forwarded-for"] = append ? `${prior}, ${input.clientAddress}` : input.clientAddress;
    out["x-forwarded-proto"] = input.url.secure ? "https" : "http";
    out["x-forwarded-host"] = input.headers["host"] ?? input.url.hostHeader;
  }
  if (spec.xRealIp) out["x-real-ip"] = input.clientAddress;
  const added = spec.addHeaders?.({ host: input.clientHost, address: input.clientAddress }) ?? {};
  for (const [name, value] of Object.entries(added)) out[name.toLowerCase()] = value;
  return out;
}

// src/net/route.ts
function lowercaseHeaders(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = String(value);
  return out;
}
function hop(from, to, address) {
  return { from: from.name, to: to.name, link: from === to || isLoopbackAddress(address) ? "loopback" : addressKindOf(address) };
}
function dial(hosts, listens, input) {
  const resolved = hosts.resolve(input.from, input.url.hostname);
  if (resolved.kind === "not-found") return { kind: "not-found", hostname: input.url.hostname };
  if (resolved.kind === "unreachable") return { kind: "unreachable", address: resolved.address, port: input.url.port };
  const target = resolved.host;
  const clientAddress = hosts.sourceAddress(input.from, target, resolved.address);
  const headers = { host: input.url.hostHeader, ...lowercaseHeaders(input.headers) };
  const first2 = hop(input.from, target, resolved.address);
  const proxy = listens.find(target.name, input.url.port, resolved.address);
  if (proxy?.kind !== "proxy") {
    const route2 = {
      clientHost: input.from.name,
      serverHost: target.name,
      dialledAddress: resolved.address,
      dialledPort: input.url.port,
      clientAddress,
      serverAddress: resolved.address,
      serverPort: input.url.port,
      remoteAddress: clientAddress,
      hops: [first2],
      headers,
      encrypted: input.url.secure
    };
    return { kind: "route", route: route2 };
  }
  const spec = proxy.spec;
  const server = hosts.get(spec.forTarget.host);
  const serverAddress = spec.forTarget.address ?? (server === target ? "127.0.0.1" : server.address);
  const route = {
    clientHost: input.from.name,
    serverHost: server.name,
    dialledAddress: resolved.address,
    dialledPort: input.url.port,
    clientAddress,
    serverAddress,
    serverPort: spec.forTarget.port,
    remoteAddress: hosts.sourceAddress(target, server, serverAddress),
    hops: [first2, hop(target, server, serverAddress)],
    headers: proxiedHeaders(spec, { headers, clientHost: input.from.name, clientAddress, url: input.url }),
    viaProxy: target.name,
    ...spec.tcp ? { viaTcp: true } : {},
    proxyEntryId: proxy.id,
    encrypted: false
  };
  return { kind: "route", route };
}

// src/net/network.ts
var maxPayloadBytesDefault = 100 * 1024 * 1024;
var connectTimeoutMsDefault = 127e3;
var closeTimeoutMsDefault = 3e4;
var connectionsSweepMin = 64;
var Network = class {
  scheduler;
  hosts = new HostRegistry();
  listens = new ListenTable();
  rules = new RuleChain();
  transport;
  /** Both by connSerial(id) (see there). */
  conns = new IdTable();
  routes = new IdTable();
  /** Connections per listening entry (server or proxy), to tear down on unlisten. */
  byEntry = /* @__PURE__ */ new Map();
  env;
  connectTimeoutMs;
  nextConnId = 1;
  /** The table is swept for inert connections when it reaches this size (then twice what is left). */
  sweepAtSize;
  sweepMin;
  constructor(options) {
    this.scheduler = options.scheduler;
    const latencies = { ...linkLatenciesDefault, ...options.latencies };
    checkLinkLatencies(latencies);
    this.connectTimeoutMs = options.connectTimeoutMs ?? connectTimeoutMsDefault;
    this.sweepMin = options.connectionsSweepMin ?? connectionsSweepMin;
    this.sweepAtSize = this.sweepMin;
    const closeTimeoutMs = options.closeTimeoutMs ?? closeTimeoutMsDefault;
    assert(this.connectTimeoutMs > 0 && closeTimeoutMs > 0, "timeouts must be positive");
    const textOf = options.textOf ?? defaultTextOf;
    const sizeOf = options.sizeOf ?? ((p) => p instanceof Uint8Array ? p.byteLength : Buffer.byteLength(textOf(p), "utf8"));
    this.transport = new Transport(this.scheduler, this.rules, latencies, {
      arrive: (wire, packet) => this.conns.get(connSerial(wire.connId))?.arrive(packet),
      reset: (wire) => this.conns.get(connSerial(wire.connId))?.reset()
    });
    this.env = {
      scheduler: this.scheduler,
      closeTimeoutMs,
      transmit: (connId, from, body, sizeBytes) => this.transport.transmit(connId, directionFrom(from), body, sizeBytes),
      upgrade: (conn) => this.upgrade(conn),
      sizeOf,
      textOf
    };
  }
  // ---- hosts ----------------------------------------------------------------------------------------------
  addHost(spec) {
    const host = this.hosts.add(spec);
    this.scheduler.record(host.name, "note", { what: "net.host", kind: host.kind, addresses: host.interfaces.map((i) => i.address) });
    return host;
  }
  addDnsName(name, address) {
    this.hosts.addDnsName(name, address);
  }
  /** See HostRegistry.addAddressAlias. */
  addAddressAlias(alias, address) {
    this.hosts.addAddressAlias(alias, address);
  }
  // ---- servers and proxies --------------------------------------------------------------------------------
  listen(options) {
    this.hosts.get(options.host);
    const maxPayloadBytes2 = options.maxPayloadBytes ?? maxPayloadBytesDefault;
    assert(Number.isInteger(maxPayloadBytes2) && maxPayloadBytes2 > 0, "maxPayloadBytes must be a positive integer");
    const entry = this.listens.add({
      kind: "server",
      host: options.host,
      port: options.port,
      bind: options.bind ?? "all",
      listener: options.listener,
      maxPayloadBytes: maxPayloadBytes2
    });
    this.scheduler.record(options.host, "note", { what: "net.listen", port: options.port, bind: options.bind ?? "all", ok: entry !== void 0 });
    if (!entry) return { kind: "address-in-use" };
    return { kind: "listening", handle: { id: entry.id, host: entry.host, port: entry.port } };
  }
  /** A reverse proxy on `proxyHost:port` forwarding to `forTarget` (see proxy.ts). */
  addProxy(spec) {
    this.hosts.get(spec.proxyHost);
    this.hosts.get(spec.forTarget.host);
    const entry = this.listens.add({ kind: "proxy", host: spec.proxyHost, port: spec.port, bind: spec.bind ?? "all", spec });
    const target = `${spec.forTarget.host}:${spec.forTarget.port}`;
    this.scheduler.record(spec.proxyHost, "note", { what: "net.proxy", port: spec.port, target, ok: entry !== void 0 });
    if (!entry) return { kind: "address-in-use" };
    return { kind: "listening", handle: { id: entry.id, host: entry.host, port: entry.port } };
  }
  /**
   * The server (or proxy) stops listening. Its open sockets vanish without further callbacks to it and their
   * peers learn of it as 1006 when the teardown reaches them; a proxy's connections are reset on both ends.
   */
  unlisten(handle) {
    const entry = this.listens.remove(typeof handle === "number" ? handle : handle.id);
    if (!entry) return;
    this.scheduler.record(entry.host, "note", { what: "net.unlisten", port: entry.port });
    for (const connId of this.byEntry.get(entry.id) ?? []) {
      const conn = this.conns.get(connSerial(connId));
      if (entry.kind === "server") conn?.serverGone();
      else conn?.reset();
    }
    this.byEntry.delete(entry.id);
  }
  isListening(handle) {
    return this.listens.isListening(handle.id);
  }
  // ---- connections ----------------------------------------------------------------------------------------
  /** Dials `url` from `fromHost`. Returns the client end at once (CONNECTING); every outcome comes as a callback. */
  connect(options) {
    const from = this.hosts.get(options.fromHost);
    const parsed = parseWsUrl(options.url);
    assert(parsed.kind === "ok", parsed.kind === "invalid" ? parsed.reason : "");
    const budget = this.scheduler.budgets.connectionsMax;
    if (this.conns.size >= this.sweepAtSize || this.conns.size >= budget) this.forgetInert();
    if (this.conns.size >= budget) throw new LimitReached("connections", this.scheduler.nowMs(), this.scheduler.steps);
    const id = `c${this.nextConnId++}`;
    const result = dial(this.hosts, this.listens, { from, url: parsed.url, headers: options.headers ?? {} });
    const request = requestFor(id, parsed.url.href, parsed.url.path, result, from, options.headers);
    const target = targetOf(result, parsed.url.port);
    const conn = new Connection(this.env, {
      id,
      request,
      wired: result.kind === "route",
      callbacks: options.callbacks ?? {},
      clientMaxPayloadBytes: options.maxPayloadBytes ?? maxPayloadBytesDefault,
      target
    });
    this.conns.set(connSerial(id), conn);
    const openData = openTraceData(id, from.name, parsed.url.href, result, request);
    this.scheduler.record(id, "conn.open", openData);
    if (result.kind === "not-found") {
      conn.failSoon({ code: "ENOTFOUND", message: `getaddrinfo ENOTFOUND ${result.hostname}` });
      return conn.clientSocket;
    }
    const timeout = options.handshakeTimeoutMs === void 0 ? { code: "ETIMEDOUT", message: `connect ETIMEDOUT ${target}` } : { code: "HANDSHAKE_TIMEOUT", message: "Opening handshake has timed out" };
    conn.startConnectTimer(options.handshakeTimeoutMs ?? this.connectTimeoutMs, timeout);
    if (result.kind === "route") this.startRoute(id, result.route);
    return conn.clientSocket;
  }
  /** The connection, while the network still holds it (an inert one may have been forgotten). */
  connection(connId) {
    return this.conns.get(connSerial(connId));
  }
  /** The id of every connection opened in this run, forgotten or not, in the order opened. */
  connectionIds() {
    const ids = [];
    for (let n = 1; n < this.nextConnId; n++) ids.push(`c${n}`);
    return ids;
  }
  /**
   * Resets a connection now (a RST from nowhere): both ends report 1006. A connection already forgotten is
   * inert: the reset is recorded and changes nothing, as it would have on the connection itself.
   */
  reset(connId) {
    const conn = this.conns.get(connSerial(connId));
    if (!conn && !this.wasOpened(connId)) assertionFailed(`unknown connection ${connId}`);
    this.scheduler.record(connId, "fault", { rule: "reset", verdict: "reset", connId });
    conn?.reset();
  }
  /** Connections the network holds now (live, or finished and not yet swept); see forgetInert. */
  get heldConnections() {
    return this.conns.size;
  }
  wasOpened(connId) {
    const n = /^c([1-9][0-9]*)$/.exec(connId)?.[1];
    return n !== void 0 && Number(n) < this.nextConnId;
  }
  /**
   * Forgets every inert connection with nothing left on the wire: its table entries, route and wire state. No
   * callback, timer or packet can reach it any more, so nothing observable changes; the table then holds the
   * live connections (and those still finishing), not every connection of the run.
   */
  forgetInert() {
    for (const conn of this.conns.values()) {
      const id = conn.id;
      if (!conn.inert || !this.transport.idle(id)) continue;
      const serial = connSerial(id);
      this.conns.delete(serial);
      this.routes.delete(serial);
      this.transport.forget(id);
      this.byEntry.forEach((set) => set.delete(id));
    }
    this.sweepAtSize = Math.max(this.sweepMin, 2 * this.conns.size);
  }
  // ---- fault rules ----------------------------------------------------------------------------------------
  addRule(rule) {
    const id = this.rules.add(rule);
    this.scheduler.record("net", "fault", { rule: rule.name, action: "add", ruleId: id });
    return { id, name: rule.name, remove: () => this.removeRule(id) };
  }
  /** Delivers everything the rule held, in order, and removes the rule. Same as `handle.remove()`. */
  release(handle) {
    return this.removeRule(handle.id);
  }
  heldBy(handle) {
    return this.transport.heldBy(handle.id);
  }
  partition(hostA, hostB) {
    return this.addRule(partition(hostA, hostB));
  }
  /** Holds matching packets until `release(handle)`. */
  hold(match = {}) {
    return this.addRule(hold(match));
  }
  // ---- virtual time ---------------------------------------------------------------------------------------
  /** Runs `run` at absolute virtual time `atMs` (e.g. to start or heal a fault). */
  at(atMs, run2, label = "net:at") {
    return this.scheduler.scheduleAt(atMs, { actor: "net", label }, run2);
  }
  after(delayMs, run2, actor = "net", label = "net:after") {
    return this.scheduler.schedule(delayMs, { actor, label }, run2);
  }
  // ---- internals ------------------------------------------------------------------------------------------
  removeRule(id) {
    const name = this.rules.nameOf(id);
    if (!this.rules.remove(id)) return 0;
    const released = this.transport.release(id, name);
    this.scheduler.record("net", "fault", { rule: name, action: "remove", ruleId: id, released });
    return released;
  }
  startRoute(id, route) {
    this.routes.set(connSerial(id), route);
    if (route.proxyEntryId !== void 0) this.track(route.proxyEntryId, id);
    this.transport.open({ connId: id, clientHost: route.clientHost, serverHost: route.serverHost, hops: route.hops });
    this.transport.transmit(id, "c2s", { kind: "upgrade" });
  }
  upgrade(conn) {
    const route = this.routes.get(connSerial(conn.id));
    if (!route) assertionFailed(`upgrade without a route on ${conn.id}`);
    const entry = this.listens.find(route.serverHost, route.serverPort, route.serverAddress);
    if (entry?.kind !== "server") {
      if (route.viaProxy === void 0) return { outcome: { kind: "no-listener" } };
      return { outcome: route.viaTcp ? { kind: "reset" } : { kind: "refuse", status: 502, body: "Bad Gateway" } };
    }
    const verdict = entry.listener.onUpgrade(conn.request);
    if (verdict.kind === "refuse") {
      assert(Number.isInteger(verdict.status) && verdict.status >= 200 && verdict.status <= 599, `bad refusal status ${verdict.status}`);
      return { outcome: { kind: "refuse", status: verdict.status, body: verdict.body } };
    }
    this.track(entry.id, conn.id);
    const outcome = verdict.protocol === void 0 ? { kind: "accept" } : { kind: "accept", protocol: verdict.protocol };
    return { outcome, listener: entry.listener, maxPayloadBytes: entry.maxPayloadBytes };
  }
  track(entryId, connId) {
    let set = this.byEntry.get(entryId);
    if (!set) {
      set = /* @__PURE__ */ new Set();
      this.byEntry.set(entryId, set);
    }
    set.add(connId);
  }
};
function defaultTextOf(payload) {
  if (typeof payload === "string") return payload;
  if (payload instanceof Uint8Array) return Buffer.from(payload).toString("utf8");
  return canonicalJson(payload);
}
function targetOf(result, port2) {
  switch (result.kind) {
    case "route":
      return formatAddressPort(result.route.dialledAddress, result.route.dialledPort);
    case "unreachable":
      return formatAddressPort(result.address, result.port);
    case "not-found":
      return `${result.hostname}:${port2}`;
  }
}
function requestFor(id, url, path, result, from, headers) {
  if (result.kind === "route") {
    const r = result.route;
    return {
      connId: id,
      url,
      path,
      headers: r.headers,
      remoteAddress: r.remoteAddress,
      localAddress: r.serverAddress,
      localPort: r.serverPort,
      encrypted: r.encrypted
    };
  }
  return {
    connId: id,
    url,
    path,
    headers: lowercaseHeaders(headers),
    remoteAddress: from.address,
    localAddress: result.kind === "unreachable" ? result.address : "",
    localPort: 0,
    encrypted: false
  };
}
function openTraceData(connId, from, url, result, request) {
  if (result.kind !== "route") return { connId, side: "client", from, url, dial: result.kind, headers: request.headers };
  const r = result.route;
  return {
    connId,
    side: "client",
    from,
    url,
    to: r.serverHost,
    viaProxy: r.viaProxy,
    headers: request.headers,
    remoteAddress: r.remoteAddress,
    localAddress: r.serverAddress,
    localPort: r.serverPort
  };
}

// src/net/ws-node.ts
import { EventEmitter } from "node:events";
var readyStateNames = ["CONNECTING", "OPEN", "CLOSING", "CLOSED"];
function wsDataToText(data) {
  if (typeof data === "string") return data;
  if (typeof data === "number") return String(data);
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8");
}
var SimIncomingMessage = class extends EventEmitter {
  constructor(statusCode, statusMessage) {
    super();
    this.statusCode = statusCode;
    this.statusMessage = statusMessage;
  }
  statusCode;
  statusMessage;
  headers = {};
  encoding;
  setEncoding(encoding) {
    this.encoding = encoding;
    return this;
  }
  resume() {
    return this;
  }
  /** Called by the socket one event after 'unexpected-response'. */
  deliverBody(body) {
    if (body.length > 0) this.emit("data", this.encoding ? body : Buffer.from(body, "utf8"));
    this.emit("end");
  }
};
function nodeError(error) {
  if (error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") return Object.assign(new RangeError(error.message), { code: error.code });
  if (error.code === "ABORTED" || error.code === "HANDSHAKE_TIMEOUT") return new Error(error.message);
  const syscall = error.code === "ENOTFOUND" ? "getaddrinfo" : "connect";
  return Object.assign(new Error(error.message), { code: error.code, errno: error.code, syscall });
}
var SimWebSocket = class extends EventEmitter {
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  /** Set by createWsClass on the subclass it returns. */
  static context;
  CONNECTING = 0;
  OPEN = 1;
  CLOSING = 2;
  CLOSED = 3;
  url;
  /** The socket reached OPEN (then 'close' is emitted one event after the close arrives). */
  wasOpen = false;
  protocol = "";
  extensions = "";
  binaryType = "nodebuffer";
  bufferedAmount = 0;
  network;
  socket;
  /** 'unexpected-response' was handled: stay CONNECTING until the user aborts. */
  awaitingAbort = false;
  aborted = false;
  abortReported = false;
  constructor(address, protocols, options) {
    super();
    const context = new.target.context;
    assert(context, "SimWebSocket needs a network: use createWsClass({ network, fromHost })");
    if (protocols !== void 0 && !Array.isArray(protocols) && typeof protocols === "object") {
      options = protocols;
      protocols = void 0;
    }
    const href = typeof address === "string" ? address : address.href;
    const parsed = parseWsUrl(href);
    if (parsed.kind === "invalid") throw new SyntaxError(parsed.reason);
    this.url = href;
    this.network = context.network;
    const headers = { ...context.defaultHeaders, ...options?.headers };
    if (typeof options?.origin === "string") headers["origin"] = options.origin;
    const requested = typeof protocols === "string" ? [protocols] : protocols ?? [];
    if (requested.length > 0) headers["sec-websocket-protocol"] = requested.join(",");
    this.socket = context.network.connect({
      fromHost: context.fromHost,
      url: href,
      headers,
      maxPayloadBytes: typeof options?.maxPayload === "number" && options.maxPayload > 0 ? options.maxPayload : void 0,
      handshakeTimeoutMs: typeof options?.handshakeTimeout === "number" ? options.handshakeTimeout : void 0,
      callbacks: {
        onOpen: () => {
          this.wasOpen = true;
          this.emit("open");
        },
        onMessage: (text5) => this.emit("message", Buffer.from(text5, "utf8"), false),
        onError: (error) => this.emit("error", nodeError(error)),
        onUnexpectedResponse: (status, body) => this.onUnexpectedResponse(status, body),
        onClose: (code, reason) => {
          if (this.awaitingAbort) return;
          const emitClose = () => this.emit("close", code, Buffer.from(reason, "utf8"));
          if (this.wasOpen) context.network.after(0, emitClose, context.fromHost, "ws:close-event");
          else emitClose();
        }
      }
    });
  }
  get readyState() {
    if (this.awaitingAbort) return this.abortReported ? ReadyState.CLOSED : this.aborted ? ReadyState.CLOSING : ReadyState.CONNECTING;
    return this.socket.readyState;
  }
  send(data, optionsOrCb, cb) {
    const callback = typeof optionsOrCb === "function" ? optionsOrCb : cb;
    const state = this.readyState;
    if (state === ReadyState.CONNECTING) throw new Error("WebSocket is not open: readyState 0 (CONNECTING)");
    const outcome = this.socket.send(wsDataToText(data));
    if (!callback) return;
    const err = outcome.kind === "sent" ? void 0 : new Error(`WebSocket is not open: readyState ${state} (${readyStateNames[state]})`);
    this.network.after(0, () => callback(err), this.socket.connId, "ws:send-callback");
  }
  close(code, data) {
    if (this.awaitingAbort) return this.abortAfterResponse();
    const reason = data === void 0 ? "" : typeof data === "string" ? data : data.toString("utf8");
    if (this.socket.readyState === ReadyState.OPEN) {
      if (code !== void 0 && !isSendableCloseCode(code)) throw new TypeError("First argument must be a valid error code number");
      if (utf8ByteLength(reason) > closeReasonBytesMax) throw new RangeError("The message must not be greater than 123 bytes");
    }
    this.socket.close(code, reason);
  }
  terminate() {
    if (this.awaitingAbort) return this.abortAfterResponse();
    this.socket.terminate();
  }
  ping() {
  }
  pong() {
  }
  onUnexpectedResponse(status, body) {
    if (this.listenerCount("unexpected-response") === 0) {
      this.emit("error", new Error(`Unexpected server response: ${status}`));
      return;
    }
    this.awaitingAbort = true;
    const res = new SimIncomingMessage(status, statusText(status));
    const req = { destroy: () => this.abortAfterResponse(), abort: () => this.abortAfterResponse() };
    this.emit("unexpected-response", req, res);
    this.network.after(0, () => res.deliverBody(body), this.socket.connId, "ws:response-body");
  }
  abortAfterResponse() {
    if (this.aborted) return;
    this.aborted = true;
    this.network.after(0, () => {
      this.emit("error", new Error("WebSocket was closed before the connection was established"));
      this.abortReported = true;
      this.emit("close", CloseCode.abnormal, Buffer.alloc(0));
    }, this.socket.connId, "ws:abort");
  }
};
function createWsClass(context) {
  context.network.hosts.get(context.fromHost);
  return class BoundSimWebSocket extends SimWebSocket {
    static context = context;
  };
}
function statusText(status) {
  const known2 = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable"
  };
  return known2[status] ?? "";
}

// src/protocol/codes.ts
var ErrorCodes = {
  NOT_LINKED: "NOT_LINKED",
  NOT_PAIRED: "NOT_PAIRED",
  AGENT_TIMEOUT: "AGENT_TIMEOUT",
  FORBIDDEN: "FORBIDDEN",
  INVALID_REQUEST: "INVALID_REQUEST",
  UNAVAILABLE: "UNAVAILABLE"
};
var ConnectErrorDetailCodes = {
  AUTH_REQUIRED: "AUTH_REQUIRED",
  AUTH_UNAUTHORIZED: "AUTH_UNAUTHORIZED",
  AUTH_TOKEN_MISSING: "AUTH_TOKEN_MISSING",
  AUTH_TOKEN_MISMATCH: "AUTH_TOKEN_MISMATCH",
  AUTH_TOKEN_NOT_CONFIGURED: "AUTH_TOKEN_NOT_CONFIGURED",
  AUTH_PASSWORD_MISSING: "AUTH_PASSWORD_MISSING",
  AUTH_PASSWORD_MISMATCH: "AUTH_PASSWORD_MISMATCH",
  AUTH_PASSWORD_NOT_CONFIGURED: "AUTH_PASSWORD_NOT_CONFIGURED",
  AUTH_BOOTSTRAP_TOKEN_INVALID: "AUTH_BOOTSTRAP_TOKEN_INVALID",
  AUTH_DEVICE_TOKEN_MISMATCH: "AUTH_DEVICE_TOKEN_MISMATCH",
  AUTH_SCOPE_MISMATCH: "AUTH_SCOPE_MISMATCH",
  AUTH_DEVICE_TOKEN_SCOPE_MISMATCH: "AUTH_DEVICE_TOKEN_SCOPE_MISMATCH",
  AUTH_RATE_LIMITED: "AUTH_RATE_LIMITED",
  AUTH_TAILSCALE_IDENTITY_MISSING: "AUTH_TAILSCALE_IDENTITY_MISSING",
  AUTH_TAILSCALE_PROXY_MISSING: "AUTH_TAILSCALE_PROXY_MISSING",
  AUTH_TAILSCALE_WHOIS_FAILED: "AUTH_TAILSCALE_WHOIS_FAILED",
  AUTH_TAILSCALE_IDENTITY_MISMATCH: "AUTH_TAILSCALE_IDENTITY_MISMATCH",
  CONTROL_UI_ORIGIN_NOT_ALLOWED: "CONTROL_UI_ORIGIN_NOT_ALLOWED",
  CONTROL_UI_DEVICE_IDENTITY_REQUIRED: "CONTROL_UI_DEVICE_IDENTITY_REQUIRED",
  DEVICE_IDENTITY_REQUIRED: "DEVICE_IDENTITY_REQUIRED",
  DEVICE_AUTH_INVALID: "DEVICE_AUTH_INVALID",
  DEVICE_AUTH_DEVICE_ID_MISMATCH: "DEVICE_AUTH_DEVICE_ID_MISMATCH",
  DEVICE_AUTH_SIGNATURE_EXPIRED: "DEVICE_AUTH_SIGNATURE_EXPIRED",
  DEVICE_AUTH_NONCE_REQUIRED: "DEVICE_AUTH_NONCE_REQUIRED",
  DEVICE_AUTH_NONCE_MISMATCH: "DEVICE_AUTH_NONCE_MISMATCH",
  DEVICE_AUTH_SIGNATURE_INVALID: "DEVICE_AUTH_SIGNATURE_INVALID",
  DEVICE_AUTH_PUBLIC_KEY_INVALID: "DEVICE_AUTH_PUBLIC_KEY_INVALID",
  PAIRING_REQUIRED: "PAIRING_REQUIRED",
  PROTOCOL_MISMATCH: "PROTOCOL_MISMATCH"
};
var GatewayErrorDetailCodes = {
  MISSING_SCOPE: "MISSING_SCOPE"
};
var GATEWAY_CLIENT_IDS = {
  WEBCHAT_UI: "webchat-ui",
  CONTROL_UI: "openclaw-control-ui",
  TUI: "openclaw-tui",
  WEBCHAT: "webchat",
  CLI: "cli",
  GATEWAY_CLIENT: "gateway-client",
  MACOS_APP: "openclaw-macos",
  IOS_APP: "openclaw-ios",
  ANDROID_APP: "openclaw-android",
  NODE_HOST: "node-host",
  TEST: "test",
  FINGERPRINT: "fingerprint",
  PROBE: "openclaw-probe",
  BROWSER_COPILOT: "openclaw-browser-copilot",
  LINUX_APP: "openclaw-linux",
  WATCHOS_APP: "openclaw-watchos",
  WORKER: "openclaw-worker"
};
var FEB_CLIENT_IDS = [
  "webchat-ui",
  "openclaw-control-ui",
  "webchat",
  "cli",
  "gateway-client",
  "openclaw-macos",
  "openclaw-ios",
  "openclaw-android",
  "node-host",
  "test",
  "fingerprint",
  "openclaw-probe"
];
var MAR_CLIENT_IDS = [...FEB_CLIENT_IDS.slice(0, 2), "openclaw-tui", ...FEB_CLIENT_IDS.slice(2)];
var LATE_CLIENT_IDS = [
  ...MAR_CLIENT_IDS,
  "openclaw-browser-copilot",
  "openclaw-linux",
  "openclaw-watchos",
  "openclaw-worker"
];
var MID_CLIENT_MODES = ["webchat", "cli", "ui", "backend", "node", "probe", "test"];
var LATE_CLIENT_MODES = [...MID_CLIENT_MODES, "worker"];
var CLIENT_IDS_BY_ERA = {
  feb: FEB_CLIENT_IDS,
  "feb-device-token": FEB_CLIENT_IDS,
  "feb-bootstrap-token": FEB_CLIENT_IDS,
  mar: MAR_CLIENT_IDS,
  apr: MAR_CLIENT_IDS,
  jul: MAR_CLIENT_IDS,
  late: LATE_CLIENT_IDS
};
var CLIENT_MODES_BY_ERA = {
  feb: MID_CLIENT_MODES,
  "feb-device-token": MID_CLIENT_MODES,
  "feb-bootstrap-token": MID_CLIENT_MODES,
  mar: MID_CLIENT_MODES,
  apr: MID_CLIENT_MODES,
  jul: MID_CLIENT_MODES,
  late: LATE_CLIENT_MODES
};
function deviceAuthMessage(reason) {
  switch (reason) {
    case "device-id-mismatch":
      return "device identity mismatch";
    case "device-signature-stale":
      return "device signature expired";
    case "device-nonce-missing":
      return "device nonce required";
    case "device-nonce-mismatch":
      return "device nonce mismatch";
    case "device-signature":
      return "device signature invalid";
    case "device-public-key":
      return "device public key invalid";
    default:
      return assertNever(reason, "device auth reason");
  }
}
function deviceAuthDetailCode(reason) {
  switch (reason) {
    case "device-id-mismatch":
      return ConnectErrorDetailCodes.DEVICE_AUTH_DEVICE_ID_MISMATCH;
    case "device-signature-stale":
      return ConnectErrorDetailCodes.DEVICE_AUTH_SIGNATURE_EXPIRED;
    case "device-nonce-missing":
      return ConnectErrorDetailCodes.DEVICE_AUTH_NONCE_REQUIRED;
    case "device-nonce-mismatch":
      return ConnectErrorDetailCodes.DEVICE_AUTH_NONCE_MISMATCH;
    case "device-signature":
      return ConnectErrorDetailCodes.DEVICE_AUTH_SIGNATURE_INVALID;
    case "device-public-key":
      return ConnectErrorDetailCodes.DEVICE_AUTH_PUBLIC_KEY_INVALID;
    default:
      return ConnectErrorDetailCodes.DEVICE_AUTH_INVALID;
  }
}

// src/protocol/hints.ts
function resolveAuthProvided(auth) {
  if (auth?.password) return "password";
  if (auth?.token) return "token";
  if (auth?.bootstrapToken) return "bootstrap-token";
  if (auth?.deviceToken) return "device-token";
  return "none";
}
function recoveryHints(input) {
  const canRetryWithDeviceToken = input.reason === "token_mismatch" && input.devicePresented && input.authProvided === "token" && !input.explicitDeviceToken;
  return { canRetryWithDeviceToken, recommendedNextStep: nextStep(input.reason, canRetryWithDeviceToken) };
}
function nextStep(reason, canRetryWithDeviceToken) {
  if (canRetryWithDeviceToken) return "retry_with_device_token";
  switch (reason) {
    case "token_missing":
    case "token_missing_config":
    case "password_missing":
    case "password_missing_config":
      return "update_auth_configuration";
    case "token_mismatch":
    case "password_mismatch":
    case "device_token_mismatch":
      return "update_auth_credentials";
    case "rate_limited":
      return "wait_then_retry";
    case "scope_mismatch":
    default:
      return "review_auth_configuration";
  }
}

// src/protocol/auth-messages.ts
var PASSWORD_HINT_2026_9 = "use this gateway's gateway.auth.password";
var TOKEN_MISMATCH_HINT_2026_9 = "use this gateway's gateway.auth.token or pair the device";
function tokenHint(kind) {
  if (kind === "cli") return "set gateway.remote.token to match gateway.auth.token";
  if (kind === "control-ui") return "open the dashboard URL and paste the token in Control UI settings";
  return "provide gateway auth token";
}
function passwordHint(kind) {
  if (kind === "cli") return "set gateway.remote.password to match gateway.auth.password";
  if (kind === "control-ui") return "enter the password in Control UI settings";
  return "provide gateway auth password";
}
var TAILSCALE_HINT = "use Tailscale Serve auth or gateway token/password";
var BOOTSTRAP_INVALID_MESSAGE = "unauthorized: bootstrap token invalid or expired (scan a fresh setup code)";
var SETUP_CODE_REJECTED_MESSAGE_2026_9 = "unauthorized: setup code invalid, expired, revoked, or already used (create a new code; review `openclaw devices list`)";
function reasonMessage(reason, kind) {
  switch (reason) {
    case "token_missing":
      return `unauthorized: gateway token missing (${tokenHint(kind)})`;
    case "token_mismatch":
      return `unauthorized: gateway token mismatch (${tokenHint(kind)})`;
    case "token_missing_config":
      return "unauthorized: gateway token not configured on gateway (set gateway.auth.token)";
    case "password_missing":
      return `unauthorized: gateway password missing (${passwordHint(kind)})`;
    case "password_mismatch":
      return `unauthorized: gateway password mismatch (${passwordHint(kind)})`;
    case "password_missing_config":
      return "unauthorized: gateway password not configured on gateway (set gateway.auth.password)";
    case "tailscale_user_missing":
      return `unauthorized: tailscale identity missing (${TAILSCALE_HINT})`;
    case "tailscale_proxy_missing":
      return "unauthorized: tailscale proxy headers missing (use Tailscale Serve or gateway token/password)";
    case "tailscale_whois_failed":
      return `unauthorized: tailscale identity check failed (${TAILSCALE_HINT})`;
    case "tailscale_user_mismatch":
      return `unauthorized: tailscale identity mismatch (${TAILSCALE_HINT})`;
    case "rate_limited":
      return "unauthorized: too many failed authentication attempts (retry later)";
    case "device_token_mismatch":
      return "unauthorized: device token mismatch (rotate/reissue device token)";
    // Read in the openclaw@2026.7.1 dist (formatGatewayAuthFailureMessage); only reached where the gateway has the
    // scope_mismatch reason (deviceTokenScopeMismatchReason), which the 2026.4.14 and older dists do not.
    case "scope_mismatch":
      return "unauthorized: device token scope mismatch (re-pair or approve scope upgrade)";
    case "bootstrap_token_invalid":
      return BOOTSTRAP_INVALID_MESSAGE;
    default:
      return null;
  }
}
function authFailureMessage(input) {
  if (input.style === "2026.9") {
    const hint = input.clientKind === "cli" ? input.remote === true ? "set gateway.remote.token to match gateway.auth.token" : TOKEN_MISMATCH_HINT_2026_9 : tokenHint(input.clientKind);
    const missingHint = input.clientKind === "control-ui" || input.uiClient === true ? "paste in Control UI settings or openclaw doctor --generate-gateway-token; restart" : hint;
    if (input.reason === "token_mismatch") return `unauthorized: gateway token mismatch (${hint})`;
    if (input.reason === "token_missing") return `unauthorized: gateway token missing (${missingHint})`;
    if (input.reason === "scope_mismatch") return "unauthorized: device token scope mismatch (re-pair or approve scope upgrade)";
    if (input.reason === "bootstrap_token_invalid") return SETUP_CODE_REJECTED_MESSAGE_2026_9;
    const pwHint = input.clientKind === "cli" ? input.remote === true ? "set gateway.remote.password to match gateway.auth.password" : PASSWORD_HINT_2026_9 : passwordHint(input.clientKind);
    if (input.reason === "password_mismatch") return `unauthorized: gateway password mismatch (${pwHint})`;
    if (input.reason === "password_missing") return `unauthorized: gateway password missing (${pwHint})`;
    const provided = resolveAuthProvided(credentialsAsAuth(input.provided));
    if (input.authMode === "password" && provided === "none" && input.reason === void 0) return `unauthorized: gateway password missing (${pwHint})`;
  }
  const fixed = reasonMessage(input.reason, input.clientKind);
  if (fixed !== null) return fixed;
  const authProvided = resolveAuthProvided(credentialsAsAuth(input.provided));
  if (input.authMode === "token" && authProvided === "none") {
    return `unauthorized: gateway token missing (${tokenHint(input.clientKind)})`;
  }
  if (input.authMode === "token" && authProvided === "device-token") {
    return "unauthorized: device token rejected (pair/repair this device, or provide gateway token)";
  }
  if (authProvided === "bootstrap-token") {
    return input.style === "2026.9" ? SETUP_CODE_REJECTED_MESSAGE_2026_9 : BOOTSTRAP_INVALID_MESSAGE;
  }
  if (input.authMode === "password" && authProvided === "none") {
    return `unauthorized: gateway password missing (${passwordHint(input.clientKind)})`;
  }
  return "unauthorized";
}
function credentialsAsAuth(provided) {
  const mark = (value) => value ? "x" : void 0;
  return {
    token: mark(provided.token),
    password: mark(provided.password),
    deviceToken: mark(provided.deviceToken),
    bootstrapToken: mark(provided.bootstrapToken)
  };
}
function authDetailCode(reason, options = {}) {
  switch (reason) {
    case void 0:
      return ConnectErrorDetailCodes.AUTH_REQUIRED;
    case "token_missing":
      return ConnectErrorDetailCodes.AUTH_TOKEN_MISSING;
    case "token_mismatch":
      return ConnectErrorDetailCodes.AUTH_TOKEN_MISMATCH;
    case "token_missing_config":
      return ConnectErrorDetailCodes.AUTH_TOKEN_NOT_CONFIGURED;
    case "password_missing":
      return ConnectErrorDetailCodes.AUTH_PASSWORD_MISSING;
    case "password_mismatch":
      return ConnectErrorDetailCodes.AUTH_PASSWORD_MISMATCH;
    case "password_missing_config":
      return ConnectErrorDetailCodes.AUTH_PASSWORD_NOT_CONFIGURED;
    case "bootstrap_token_invalid":
      return ConnectErrorDetailCodes.AUTH_BOOTSTRAP_TOKEN_INVALID;
    case "tailscale_user_missing":
      return ConnectErrorDetailCodes.AUTH_TAILSCALE_IDENTITY_MISSING;
    case "tailscale_proxy_missing":
      return ConnectErrorDetailCodes.AUTH_TAILSCALE_PROXY_MISSING;
    case "tailscale_whois_failed":
      return ConnectErrorDetailCodes.AUTH_TAILSCALE_WHOIS_FAILED;
    case "tailscale_user_mismatch":
      return ConnectErrorDetailCodes.AUTH_TAILSCALE_IDENTITY_MISMATCH;
    case "rate_limited":
      return ConnectErrorDetailCodes.AUTH_RATE_LIMITED;
    case "device_token_mismatch":
      return ConnectErrorDetailCodes.AUTH_DEVICE_TOKEN_MISMATCH;
    case "device_token_scope_mismatch":
      return ConnectErrorDetailCodes.AUTH_DEVICE_TOKEN_SCOPE_MISMATCH;
    case "scope_mismatch":
      return options.scopeMismatchCode ?? ConnectErrorDetailCodes.AUTH_SCOPE_MISMATCH;
    default:
      return ConnectErrorDetailCodes.AUTH_UNAUTHORIZED;
  }
}

// src/protocol/close.ts
var CloseCodes = {
  NORMAL: 1e3,
  PROTOCOL_ERROR: 1002,
  ABNORMAL: 1006,
  POLICY_VIOLATION: 1008,
  MESSAGE_TOO_BIG: 1009,
  SERVICE_RESTART: 1012,
  TRY_AGAIN_LATER: 1013,
  /** Client-initiated tick watchdog. */
  TICK_TIMEOUT: 4e3,
  DEVICE_REMOVED: 4001
};
var CloseReasons = {
  INVALID_REQUEST_FRAME: "invalid request frame",
  FIRST_REQUEST_MUST_BE_CONNECT: "invalid handshake: first request must be connect",
  INVALID_HANDSHAKE: "invalid handshake",
  PROTOCOL_MISMATCH: "protocol mismatch",
  INVALID_ROLE: "invalid role",
  CONTROL_UI_DEVICE_IDENTITY_REQUIRED: "control ui requires device identity (use HTTPS or localhost secure context)",
  /** The same refusal's earlier text (2026.2.12, 2026.2.17). */
  CONTROL_UI_SECURE_CONTEXT_REQUIRED: "control ui requires HTTPS or localhost (secure context)",
  DEVICE_IDENTITY_REQUIRED: "device identity required",
  PAIRING_REQUIRED: "pairing required",
  REPEATED_UNAUTHORIZED: "repeated unauthorized calls",
  PREAUTH_PAYLOAD_TOO_LARGE: "preauth payload too large",
  DEVICE_REMOVED: "device removed",
  GATEWAY_STARTING: "gateway starting",
  TICK_TIMEOUT: "tick timeout",
  CONNECT_FAILED: "connect failed",
  CONNECT_CHALLENGE_TIMEOUT: "connect challenge timeout",
  CONNECT_CHALLENGE_MISSING_NONCE: "connect challenge missing nonce"
};
var CLOSE_REASON_BYTES_MAX = 120;
function utf8SequenceLength(byte) {
  if (byte < 128) return 1;
  if (byte < 224) return 2;
  if (byte < 240) return 3;
  return 4;
}
function truncateCloseReason(reason, maxBytes = CLOSE_REASON_BYTES_MAX) {
  if (!reason) return CloseReasons.INVALID_HANDSHAKE;
  const bytes = Buffer.from(reason, "utf8");
  if (bytes.length <= maxBytes) return reason;
  const limit = Math.max(0, Math.min(Math.floor(maxBytes), bytes.length));
  let end = 0;
  while (end < limit) {
    const step = utf8SequenceLength(bytes[end] ?? 0);
    if (end + step > limit) break;
    end += step;
  }
  return bytes.subarray(0, end).toString("utf8");
}

// src/protocol/frames.ts
function errorShape(code, message, options = {}) {
  const shape = { code, message };
  if (options.details !== void 0) shape.details = options.details;
  if (options.retryable !== void 0) shape.retryable = options.retryable;
  if (options.retryAfterMs !== void 0) shape.retryAfterMs = options.retryAfterMs;
  return shape;
}

// src/protocol/limits.ts
var PAYLOAD_BYTES_MAX = 25 * 1024 * 1024;
var BUFFERED_BYTES_MAX = 50 * 1024 * 1024;
var PREAUTH_PAYLOAD_BYTES_MAX = 64 * 1024;
assert(PREAUTH_PAYLOAD_BYTES_MAX < PAYLOAD_BYTES_MAX, "the pre-auth cap must be below the post-hello cap");
assert(PAYLOAD_BYTES_MAX <= BUFFERED_BYTES_MAX, "one frame must fit the send buffer");

// src/protocol/pairing-messages.ts
var PAIRING_REQUIRED_MESSAGE = "pairing required";
var PAIRING_REQUEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
function pairingRequirement(reason) {
  switch (reason) {
    case "not-paired":
      return "device is not approved yet";
    case "role-upgrade":
      return "device is asking for a higher role than currently approved";
    case "scope-upgrade":
      return "device is asking for more scopes than currently approved";
    case "metadata-upgrade":
      return "device identity changed and must be re-approved";
    default:
      return assertNever(reason, "pairing reason");
  }
}
function pairingRemediationHint(reason) {
  switch (reason) {
    case "not-paired":
      return "Approve this device from the pending pairing requests.";
    case "role-upgrade":
      return "Review the requested role upgrade, then approve the pending request.";
    case "scope-upgrade":
      return "Review the requested scopes, then approve the pending upgrade.";
    case "metadata-upgrade":
      return "Review the refreshed device details, then approve the pending request.";
    default:
      return assertNever(reason, "pairing reason");
  }
}
function pairingErrorMessageLate(reason) {
  return reason ? `${PAIRING_REQUIRED_MESSAGE}: ${pairingRequirement(reason)}` : PAIRING_REQUIRED_MESSAGE;
}
function pairingCloseReasonLate(reason, requestId) {
  const message = pairingErrorMessageLate(reason);
  const id = requestId?.trim();
  return id && PAIRING_REQUEST_ID_PATTERN.test(id) ? `${message} (requestId: ${id})` : message;
}

// src/protocol/schemas.ts
var DEVICE_PUBLIC_KEY_LENGTH_MAX = 1024;
var DEVICE_SIGNATURE_LENGTH_MAX = 256;
var CLIENT_DISPLAY_NAME_LENGTH_MAX = 256;
var nonEmptyString = { type: "string", minLength: 1 };
var plainString = { type: "string" };
var nonNegativeInteger = { type: "integer", minimum: 0 };
var positiveInteger = { type: "integer", minimum: 1 };
var anyValue = {};
function literal(value) {
  return { const: value, type: "string" };
}
function stringChoice(values, era) {
  return era === "late" || era === "jul" ? { enum: [...values] } : { anyOf: values.map(literal) };
}
function closedObject(properties, optional) {
  const required = Object.keys(properties).filter((key) => !optional.includes(key));
  return {
    type: "object",
    properties,
    ...required.length > 0 ? { required } : {},
    additionalProperties: false
  };
}
function boundedString(lengthMax) {
  return lengthMax === null ? nonEmptyString : { type: "string", minLength: 1, maxLength: lengthMax };
}
function clientBuildIdAccepted(era) {
  return era === "late";
}
function clientSchema(era) {
  const late = era === "late";
  return closedObject(
    {
      id: stringChoice(CLIENT_IDS_BY_ERA[era], era),
      displayName: boundedString(late ? CLIENT_DISPLAY_NAME_LENGTH_MAX : null),
      version: nonEmptyString,
      platform: nonEmptyString,
      deviceFamily: nonEmptyString,
      modelIdentifier: nonEmptyString,
      mode: stringChoice(CLIENT_MODES_BY_ERA[era], era),
      instanceId: nonEmptyString,
      // Recorded from openclaw@2026.9.6: the Control UI sends its build id (checked against the gateway's).
      ...clientBuildIdAccepted(era) ? { buildId: nonEmptyString } : {}
    },
    ["displayName", "deviceFamily", "modelIdentifier", "instanceId", ...clientBuildIdAccepted(era) ? ["buildId"] : []]
  );
}
function deviceSchema(era, nonceOptional) {
  const late = era === "late";
  return closedObject(
    {
      id: nonEmptyString,
      publicKey: boundedString(late ? DEVICE_PUBLIC_KEY_LENGTH_MAX : null),
      signature: boundedString(late ? DEVICE_SIGNATURE_LENGTH_MAX : null),
      signedAt: nonNegativeInteger,
      nonce: nonEmptyString
    },
    nonceOptional ? ["nonce"] : []
  );
}
var AUTH_FIELDS_BY_ERA = {
  feb: ["token", "password"],
  "feb-device-token": ["token", "deviceToken", "password"],
  "feb-bootstrap-token": ["token", "bootstrapToken", "deviceToken", "password"],
  mar: ["token", "deviceToken", "password"],
  apr: ["token", "bootstrapToken", "deviceToken", "password"],
  jul: ["token", "bootstrapToken", "deviceToken", "password"],
  late: ["token", "bootstrapToken", "deviceToken", "password"]
};
function authSchema(era) {
  const fields = AUTH_FIELDS_BY_ERA[era];
  return closedObject(Object.fromEntries(fields.map((field) => [field, plainString])), fields);
}
var CONNECT_OPTIONAL_KEYS = [
  "caps",
  "commands",
  "permissions",
  "pathEnv",
  "role",
  "scopes",
  "device",
  "auth",
  "locale",
  "userAgent",
  "transports"
];
function connectParamsSchema(era, deviceNonceOptional = false) {
  const properties = {
    minProtocol: positiveInteger,
    maxProtocol: positiveInteger,
    client: clientSchema(era),
    caps: { type: "array", items: nonEmptyString, default: [] },
    commands: { type: "array", items: nonEmptyString },
    permissions: { type: "object", patternProperties: { "^(.*)$": { type: "boolean" } } },
    pathEnv: plainString,
    role: nonEmptyString,
    scopes: { type: "array", items: nonEmptyString },
    device: deviceSchema(era, deviceNonceOptional),
    auth: authSchema(era),
    locale: plainString,
    userAgent: plainString
  };
  if (era === "late") {
    properties["transports"] = { type: "array", items: { anyOf: [literal("json-ws"), literal("protobuf-ws")] }, minItems: 1 };
  }
  return closedObject(properties, CONNECT_OPTIONAL_KEYS);
}
var stateVersionSchema = closedObject(
  { presence: nonNegativeInteger, health: nonNegativeInteger },
  []
);
var errorShapeSchema = closedObject(
  {
    code: nonEmptyString,
    message: nonEmptyString,
    details: anyValue,
    retryable: { type: "boolean" },
    retryAfterMs: nonNegativeInteger
  },
  ["details", "retryable", "retryAfterMs"]
);
var requestFrameSchema = closedObject(
  { type: literal("req"), id: nonEmptyString, method: nonEmptyString, params: anyValue },
  ["params"]
);
var responseFrameSchema = closedObject(
  { type: literal("res"), id: nonEmptyString, ok: { type: "boolean" }, payload: anyValue, error: errorShapeSchema },
  ["payload", "error"]
);
var eventFrameSchema = closedObject(
  {
    type: literal("event"),
    event: nonEmptyString,
    payload: anyValue,
    seq: nonNegativeInteger,
    stateVersion: stateVersionSchema
  },
  ["payload", "seq", "stateVersion"]
);

// src/protocol/scopes.ts
var OperatorScopes = {
  ADMIN: "operator.admin",
  READ: "operator.read",
  WRITE: "operator.write",
  APPROVALS: "operator.approvals",
  PAIRING: "operator.pairing",
  /** Later versions (known to the gateway's KNOWN_OPERATOR_SCOPES in the 2026.8.2 and 2026.9.6 dists; the 2026.8.2
   *  and 2026.9.6 Control UIs ask for it). */
  QUESTIONS: "operator.questions",
  /** Later versions. */
  TALK_SECRETS: "operator.talk.secrets"
};
var { ADMIN, READ, WRITE, APPROVALS, PAIRING } = OperatorScopes;
var OPERATOR_PREFIX = "operator.";
var CLI_DEFAULT_OPERATOR_SCOPES = [ADMIN, READ, WRITE, APPROVALS, PAIRING];
var CLI_DEFAULT_OPERATOR_SCOPES_LATE = [
  ...CLI_DEFAULT_OPERATOR_SCOPES,
  OperatorScopes.TALK_SECRETS
];
var GATEWAY_CLIENT_DEFAULT_SCOPES = [ADMIN];
function parseGatewayRole(role) {
  return role === "operator" || role === "node" ? role : null;
}
function normalizeDeviceAuthScopes(scopes, options = {}) {
  if (!Array.isArray(scopes)) return [];
  const out = /* @__PURE__ */ new Set();
  for (const scope of scopes) {
    if (typeof scope !== "string") continue;
    const trimmed2 = scope.trim();
    if (trimmed2) out.add(trimmed2);
  }
  if (options.impliedScopes ?? true) {
    if (out.has(ADMIN)) {
      out.add(READ);
      out.add(WRITE);
    } else if (out.has(WRITE)) {
      out.add(READ);
    }
  }
  return [...out].sort(compareCodeUnits);
}
function compareCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function trimmedSet(scopes) {
  const out = /* @__PURE__ */ new Set();
  for (const scope of scopes) {
    const trimmed2 = scope.trim();
    if (trimmed2) out.add(trimmed2);
  }
  return out;
}
function trimmedHas(scopes, scope) {
  for (const candidate of scopes) if (candidate === scope || candidate.trim() === scope) return true;
  return false;
}
function operatorScopeSatisfied(requested, granted) {
  if (!requested.startsWith(OPERATOR_PREFIX)) return false;
  if (trimmedHas(granted, ADMIN)) return true;
  if (requested === READ) return trimmedHas(granted, READ) || trimmedHas(granted, WRITE);
  return trimmedHas(granted, requested);
}
function resolveMissingRequestedScope(role, requested, approved, rolePrefix = true) {
  const granted = approved;
  const roleName = role.trim();
  for (const raw of requested) {
    const scope = raw.trim();
    if (!scope) continue;
    const satisfied = roleName === "operator" ? operatorScopeSatisfied(scope, granted) : (!rolePrefix || scope.startsWith(`${roleName}.`)) && trimmedHas(granted, scope);
    if (!satisfied) return scope;
  }
  return null;
}
function hasNonBlank(scopes) {
  for (const scope of scopes) if (scope.trim()) return true;
  return false;
}
function roleScopesAllow(role, requested, approved, rolePrefix = true) {
  if (!hasNonBlank(requested)) return true;
  if (!hasNonBlank(approved)) return false;
  return resolveMissingRequestedScope(role, requested, approved, rolePrefix) === null;
}
function scopesAllowUnder(implications, role, requested, approved, rolePrefix = true) {
  if (implications) return roleScopesAllow(role, requested, approved, rolePrefix);
  const wanted = trimmedSet(requested);
  if (wanted.size === 0) return true;
  const granted = trimmedSet(approved);
  if (granted.size === 0) return false;
  for (const scope of wanted) if (!granted.has(scope)) return false;
  return true;
}
var NODE_ROLE_METHODS = /* @__PURE__ */ new Set([
  "node.invoke.result",
  "node.event",
  "node.pending.drain",
  "node.pending.pull",
  "node.pending.ack",
  "node.canvas.capability.refresh",
  "skills.bins"
]);
var UNGATED_METHODS = /* @__PURE__ */ new Set(["health"]);
var METHOD_REQUIRED_SCOPES = {
  status: READ,
  "logs.tail": READ,
  "channels.status": READ,
  "models.list": READ,
  "sessions.list": READ,
  "chat.history": READ,
  "node.list": READ,
  "node.describe": READ,
  "system-presence": READ,
  "last-heartbeat": READ,
  "cron.list": READ,
  "cron.status": READ,
  "cron.runs": READ,
  send: WRITE,
  agent: WRITE,
  "agent.wait": WRITE,
  wake: WRITE,
  "chat.send": WRITE,
  "chat.abort": WRITE,
  "node.invoke": WRITE,
  "exec.approval.request": APPROVALS,
  "exec.approval.waitDecision": APPROVALS,
  "exec.approval.resolve": APPROVALS,
  "device.pair.list": PAIRING,
  "device.pair.approve": PAIRING,
  "device.pair.reject": PAIRING,
  "device.pair.remove": PAIRING,
  "device.token.rotate": PAIRING,
  "device.token.revoke": PAIRING,
  "node.pair.request": PAIRING,
  "node.pair.list": PAIRING,
  "node.pair.approve": PAIRING,
  "node.pair.reject": PAIRING,
  "node.pair.verify": PAIRING,
  "node.rename": PAIRING,
  "cron.add": ADMIN,
  "cron.update": ADMIN,
  "cron.remove": ADMIN,
  "cron.run": ADMIN,
  "channels.logout": ADMIN,
  "sessions.patch": ADMIN,
  "sessions.reset": ADMIN,
  "sessions.delete": ADMIN
};
function requiredScopeForMethod(method, overrides = {}) {
  return overrides[method] ?? METHOD_REQUIRED_SCOPES[method] ?? ADMIN;
}
function methodScopeDecision(method, role, scopes, overrides = {}) {
  if (UNGATED_METHODS.has(method) && overrides[method] === void 0) return { ok: true };
  const roleRaw = role ?? "operator";
  const parsed = parseGatewayRole(roleRaw);
  if (parsed === null) return { ok: false, kind: "role", message: `unauthorized role: ${roleRaw}` };
  const roleAllowed = NODE_ROLE_METHODS.has(method) ? parsed === "node" : parsed === "operator";
  if (!roleAllowed) return { ok: false, kind: "role", message: `unauthorized role: ${parsed}` };
  if (parsed === "node") return { ok: true };
  if (scopes.includes(ADMIN)) return { ok: true };
  const required = requiredScopeForMethod(method, overrides);
  const satisfied = required === READ ? scopes.includes(READ) || scopes.includes(WRITE) : scopes.includes(required);
  if (satisfied) return { ok: true };
  return { ok: false, kind: "scope", missingScope: required, requiredScopes: [required] };
}
function methodDenialError(decision, options) {
  if (decision.kind === "role") return errorShape(ErrorCodes.INVALID_REQUEST, decision.message);
  const message = `missing scope: ${decision.missingScope}`;
  if (options.missingScopeStyle === "invalid-request") return errorShape(ErrorCodes.INVALID_REQUEST, message);
  return errorShape(ErrorCodes.FORBIDDEN, message, {
    details: {
      code: GatewayErrorDetailCodes.MISSING_SCOPE,
      missingScope: decision.missingScope,
      requiredScopes: [...decision.requiredScopes]
    }
  });
}

// src/protocol/validate.ts
import { Ajv } from "ajv";
var DEFAULT_SCHEMA_ERA = "mar";
var ajv = new Ajv({ allErrors: true, strict: false, removeAdditional: false });
var requestValidator;
var responseValidator;
var eventValidator;
var validateRequest = (value) => (requestValidator ??= ajv.compile(requestFrameSchema))(value);
var validateResponse = (value) => (responseValidator ??= ajv.compile(responseFrameSchema))(value);
var validateEvent = (value) => (eventValidator ??= ajv.compile(eventFrameSchema))(value);
var connectValidators = /* @__PURE__ */ new Map();
function connectValidator(era, deviceNonceOptional) {
  const key = `${era}:${deviceNonceOptional}`;
  let validator = connectValidators.get(key);
  if (!validator) {
    validator = ajv.compile(connectParamsSchema(era, deviceNonceOptional));
    connectValidators.set(key, validator);
  }
  return validator;
}
function validateRequestFrame(value) {
  return validateRequest(value);
}
function validateResponseFrame(value) {
  return validateResponse(value);
}
function validateEventFrame(value) {
  return validateEvent(value);
}
function validateConnectParams(value, options = {}) {
  const validator = connectValidator(options.schemaEra ?? DEFAULT_SCHEMA_ERA, options.deviceNonceOptional ?? false);
  if (validator(value)) return { ok: true, params: value };
  return { ok: false, message: formatValidationErrors(validator.errors) };
}
function firstStringParam(value) {
  if (typeof value === "string" && value.trim()) return value;
  if (Array.isArray(value)) {
    return value.find((entry) => typeof entry === "string" && entry.trim().length > 0);
  }
  return void 0;
}
function formatOne(err) {
  const where = err.instancePath ? `at ${err.instancePath}` : "";
  const params4 = err.params;
  if (err.keyword === "additionalProperties") {
    const name = firstStringParam(params4["additionalProperty"]) ?? firstStringParam(params4["additionalProperties"]);
    if (name) return `${where || "at root"}: unexpected property '${name}'`;
  }
  if (err.keyword === "required") {
    const name = firstStringParam(params4["missingProperty"]) ?? firstStringParam(params4["requiredProperties"]);
    if (name) return `${where ? `${where}: ` : ""}must have required property '${name}'`;
  }
  const message = typeof err.message === "string" && err.message.trim() ? err.message : "validation error";
  return `${where ? `${where}: ` : ""}${message}`;
}
function formatValidationErrors(errors) {
  if (!errors || errors.length === 0) return "unknown validation error";
  const parts = errors.map(formatOne).filter((part2) => part2.trim().length > 0);
  const unique = Array.from(new Set(parts));
  return unique.length > 0 ? unique.join("; ") : "unknown validation error";
}

// src/protocol/method-params.ts
import { Ajv as Ajv2 } from "ajv";
var ajv2 = new Ajv2({ allErrors: true, strict: false, removeAdditional: false });
var CHAT_HISTORY_LIMIT_MAX = 1e3;
var CHAT_HISTORY_LIMIT_DEFAULT = 200;
var closedEmpty = { type: "object", additionalProperties: false, properties: {} };
var jobId = { type: "string", minLength: 1 };
var methodParamsSchemas = {
  // ChatSendParams (every release read, 2026.2.22 … 2026.4.14): sessionKey, message and idempotencyKey required.
  "chat.send": {
    type: "object",
    required: ["sessionKey", "message", "idempotencyKey"],
    properties: { sessionKey: { type: "string", minLength: 1 }, message: { type: "string" }, idempotencyKey: { type: "string", minLength: 1 } }
  },
  "chat.history": {
    type: "object",
    required: ["sessionKey"],
    properties: {
      sessionKey: { type: "string", minLength: 1 },
      limit: { type: "integer", minimum: 1, maximum: CHAT_HISTORY_LIMIT_MAX },
      maxChars: { type: "integer", minimum: 1 }
    }
  },
  "config.get": closedEmpty,
  "cron.status": closedEmpty,
  "cron.list": { type: "object", properties: { includeDisabled: { type: "boolean" } } },
  "cron.add": {
    type: "object",
    required: ["name", "schedule"],
    properties: { name: { type: "string", minLength: 1 }, schedule: { type: "object" }, enabled: { type: "boolean" } }
  },
  "cron.update": { type: "object", required: ["patch"], properties: { id: jobId, jobId, patch: { type: "object" } } },
  "cron.remove": { type: "object", properties: { id: jobId, jobId } },
  "cron.run": { type: "object", properties: { id: jobId, jobId, mode: { enum: ["due", "force"] } } },
  "cron.runs": { type: "object", properties: { id: jobId, jobId, limit: { type: "integer", minimum: 1 } } }
};
var validators = /* @__PURE__ */ new Map();
function validatorFor(method) {
  const schema = methodParamsSchemas[method];
  if (!schema) return void 0;
  let validator = validators.get(method);
  if (!validator) {
    validator = ajv2.compile(schema);
    validators.set(method, validator);
  }
  return validator;
}
function methodParamsError(method, params4) {
  const validator = validatorFor(method);
  if (!validator || validator(params4)) return null;
  return `invalid ${method} params: ${formatValidationErrors(validator.errors)}`;
}

// src/gateway/responses.ts
function resOk(connId, id, payload) {
  return { kind: "send", connId, text: JSON.stringify({ type: "res", id, ok: true, payload }) };
}
function resError(connId, id, error) {
  return { kind: "send", connId, text: JSON.stringify({ type: "res", id, ok: false, error }) };
}
function event(connId, name, payload, seq) {
  const frame = { type: "event", event: name, payload };
  if (seq !== void 0) frame["seq"] = seq;
  return { kind: "send", connId, text: JSON.stringify(frame) };
}
function close(connId, code, reason) {
  return { kind: "close", connId, code, reason };
}
function refuse(connId, id, error, closeCode = 1008, closeReason) {
  return [resError(connId, id, error), close(connId, closeCode, truncateCloseReason(closeReason ?? error.message))];
}
function log(event3, data) {
  return { kind: "log", event: event3, data };
}

// src/gateway/browser-copilot.ts
var browserCopilotClientId = "openclaw-browser-copilot";
var requiredCaps = ["run-tool-bindings", "session-scoped-events"];
var chromeExtensionOrigin = /^chrome-extension:\/\/[a-p]{32}$/u;
function isBrowserCopilot(clientId) {
  return clientId === browserCopilotClientId;
}
function browserCopilotRefusal(connId, requestId, client, caps, origin) {
  if (!isBrowserCopilot(client.id)) return null;
  if (client.mode !== "ui" || !requiredCaps.every((cap) => caps?.includes(cap))) {
    const message = "browser copilot requires ui mode with run-tool-bindings and session-scoped-events capabilities";
    return refuse(connId, requestId, { code: ErrorCodes.INVALID_REQUEST, message });
  }
  if (origin === void 0 || !chromeExtensionOrigin.test(origin.trim().toLowerCase())) {
    const message = "browser copilot requires a canonical Chrome extension origin";
    const details = { code: ConnectErrorDetailCodes.CONTROL_UI_ORIGIN_NOT_ALLOWED, reason: "invalid browser copilot origin" };
    return refuse(connId, requestId, { code: ErrorCodes.INVALID_REQUEST, message, details });
  }
  return null;
}

// src/gateway/node-host-metadata.ts
var desktopAliases = {
  darwin: { platform: "macos", deviceFamily: "Mac" },
  linux: { platform: "linux", deviceFamily: "Linux" },
  macos: { platform: "macos", deviceFamily: "Mac" },
  win32: { platform: "windows", deviceFamily: "Windows" },
  windows: { platform: "windows", deviceFamily: "Windows" }
};
function normalizeNodeHostMetadata(client) {
  if (client.id !== "node-host" || client.mode !== "node" || client.platform === void 0) return client;
  if (!Object.hasOwn(desktopAliases, client.platform)) return client;
  const canonical = desktopAliases[client.platform];
  const family = client.deviceFamily?.trim();
  if (family && family.toLowerCase() !== canonical.deviceFamily.toLowerCase()) return client;
  if (client.platform === canonical.platform && family) return client;
  return { ...client, platform: canonical.platform, deviceFamily: family || canonical.deviceFamily };
}

// src/gateway/connect-policy.ts
var knownOperatorScopes = new Set(Object.values(OperatorScopes));
var controlUiClientId = "openclaw-control-ui";
var tuiClientId = "openclaw-tui";
function classifyClient(switches, client) {
  const isControlUi = client.id === controlUiClientId || switches.controlUiClassifier === "operator-ui" && client.id === tuiClientId;
  return {
    isControlUi,
    isWebchat: client.mode === "webchat" || client.id === "webchat-ui",
    isCli: client.mode === "cli",
    isLocalBackend: client.id === "gateway-client" && client.mode === "backend",
    isTui: client.id === tuiClientId
  };
}
function evaluateMissingDevice(switches, f) {
  if (f.devicePresent) return "allow";
  if (f.cls.isControlUi && f.trustedProxyAuthOk) return "allow";
  if (switches.trustedProxySkipsDeviceForAnyClient && f.anyTrustedProxyOk) return "allow";
  if (f.cls.isControlUi && f.allowBypass) return "allow";
  if (f.localBackendSelfPairingOk === true && f.role === "operator") return "allow";
  if (f.cls.isControlUi) {
    const insecureOk = f.allowInsecureAuth && (f.isLocal || switches.allowInsecureAuthRemoteBypass);
    if (!insecureOk) return "reject-control-ui-insecure-auth";
  }
  if (f.sharedAuthOk && (f.role === "operator" || switches.deviceLessSharedAuthAnyRole)) return "allow";
  if (!f.authOk && f.hasSharedAuth) return "reject-unauthorized";
  return "reject-device-required";
}
function clearsUnboundScopes(switches, f) {
  if (f.devicePresent) return false;
  const keeper = switches.deviceLessScopeKeepers.includes(f.clientId) || switches.deviceLessScopeKeepers.includes(`${f.clientId}/${f.clientMode}`);
  const secretOk = !switches.scopeKeepersNeedSharedSecret || f.authMethod === "token" || f.authMethod === "password";
  if (keeper && !f.hasOrigin && f.sharedAuthOk && secretOk) return false;
  switch (switches.scopeClearing) {
    case "clear-without-device":
      return !f.allowBypass;
    case "preserve-allowed":
      return false;
    case "clear-without-shared-auth":
      return !f.allowBypass && !f.sharedAuthOk;
    case "clear-unless-control-ui":
      return !f.cls.isControlUi;
    case "late": {
      const sharedMethod = f.authMethod === "token" || f.authMethod === "password" || f.authMethod === "trusted-proxy";
      const preserveInsecureLocalUi = f.cls.isControlUi && f.allowInsecureAuth && f.isLocal && (f.authMethod === "token" || f.authMethod === "password");
      return sharedMethod && !preserveInsecureLocalUi;
    }
  }
}
function skipsPairing(switches, f) {
  if (f.trustedProxyAuthOk && switches.trustedProxyUiSkipsPairing) return true;
  if (switches.trustedProxySkipsDeviceForAnyClient && f.authMethod === "trusted-proxy") return true;
  if (f.allowBypass && f.sharedAuthOk) return true;
  if (switches.sharedAuthOperatorSkipsPairing && f.role === "operator" && f.sharedAuthOk && !f.cls.isControlUi && !f.cls.isWebchat) return true;
  if (switches.controlUiAuthNoneSkipsPairing && f.cls.isControlUi && f.role === "operator" && f.authMethod === "none") return true;
  if (f.cls.isLocalBackend && f.isLocal && !f.hasOrigin && localBackendSkips(switches, f)) return true;
  return false;
}
function localBackendSelfPairing(switches, f) {
  return f.cls.isLocalBackend && f.isLocal && !f.hasOrigin && localBackendSkips(switches, { ...f, isPaired: false });
}
function localBackendSkips(switches, f) {
  const viaDeviceToken = f.authMethod === "device-token" || f.authMethod === "none";
  switch (switches.localBackendPairingSkip) {
    case "never":
      return false;
    case "device-token-or-none":
      return viaDeviceToken && !f.isPaired;
    case "also-shared-secret":
      return viaDeviceToken || f.sharedAuthOk && (f.authMethod === "token" || f.authMethod === "password");
    case "unpaired-also-shared-secret":
      return !f.isPaired && (viaDeviceToken || f.sharedAuthOk && (f.authMethod === "token" || f.authMethod === "password"));
    case "unpaired-device-token-or-shared-secret":
      return !f.isPaired && (f.authMethod === "device-token" || f.sharedAuthOk && (f.authMethod === "token" || f.authMethod === "password"));
    case "shared-secret-only":
      return f.sharedAuthOk && (f.authMethod === "token" || f.authMethod === "password");
  }
}
var nativeAppIds = /* @__PURE__ */ new Set(["openclaw-macos", "openclaw-ios", "openclaw-android", "openclaw-linux", "openclaw-watchos"]);
var nativeAppUiIds = /* @__PURE__ */ new Set(["openclaw-macos", "openclaw-ios", "openclaw-android", "openclaw-linux"]);
function isSilentPairing(switches, f) {
  if (!f.isLocal) return false;
  switch (switches.silentPairing) {
    case "feb":
      return f.reason === "not-paired";
    case "not-paired-or-scope-upgrade":
      return f.reason === "not-paired" || f.reason === "scope-upgrade";
    case "mar":
      return true;
    case "mar-release":
      if (f.hasOrigin && !f.cls.isControlUi && !f.cls.isWebchat) return false;
      return f.reason === "not-paired" || f.reason === "scope-upgrade";
    case "first-pairing-no-origin":
      if (f.hasOrigin && !f.cls.isControlUi && !f.cls.isWebchat) return false;
      return f.reason === "not-paired";
    case "late": {
      if (f.hasOrigin && !f.cls.isControlUi && !f.cls.isWebchat) return false;
      if (f.reason === "scope-upgrade") return false;
      if (f.reason === "metadata-upgrade") return !f.hasOrigin && !f.cls.isControlUi && (f.cls.isCli || nativeAppIds.has(f.clientId));
      return true;
    }
    case "all-but-node-role-or-scope-upgrade":
      return f.reason !== "scope-upgrade" && silentAllButNodeRoleUpgrade(f);
    case "all-but-node-role-upgrade":
      return silentAllButNodeRoleUpgrade(f);
  }
}
function silentAllButNodeRoleUpgrade(f) {
  if (f.hasOrigin && !f.cls.isControlUi && !f.cls.isWebchat) return false;
  if (f.existing === true && f.role !== "operator") return false;
  if (f.reason === "metadata-upgrade") {
    if (f.hasOrigin || f.cls.isControlUi || f.cls.isWebchat) return false;
    return f.directLocal === false ? f.sharedSecretOk === true : f.clientMode === "ui" && nativeAppUiIds.has(f.clientId);
  }
  if (f.scopes.some((scope) => !knownOperatorScopes.has(scope))) return false;
  return f.reason !== "role-upgrade" || f.role === "operator";
}

// src/gateway/device-proof.ts
function verifyDeviceProof(options) {
  const { switches, params: params4, connectNonce } = options;
  const device = params4.device;
  const derivedId = deriveDeviceIdFromPublicKey(device.publicKey);
  if (!derivedId || derivedId !== device.id) return { ok: false, reason: "device-id-mismatch" };
  const signedAt = device.signedAt;
  if (typeof signedAt !== "number" || Math.abs(options.nowMs - signedAt) > switches.signatureSkewMs) {
    return { ok: false, reason: "device-signature-stale" };
  }
  const nonceRequired = switches.nonceRequired === "always" || !options.isLocal;
  const nonce = typeof device.nonce === "string" ? device.nonce.trim() : "";
  if (nonceRequired && !nonce) return { ok: false, reason: "device-nonce-missing" };
  if (nonce && nonce !== connectNonce) return { ok: false, reason: "device-nonce-mismatch" };
  const auth = params4.auth ?? {};
  const token = switches.signatureTokenSource === "token-only" ? auth.token ?? null : auth.token ?? auth.deviceToken ?? auth.bootstrapToken ?? null;
  const fields = {
    deviceId: device.id,
    clientId: params4.client.id,
    clientMode: params4.client.mode,
    role: options.role,
    scopes: options.scopes,
    signedAtMs: signedAt,
    token,
    nonce,
    platform: params4.client.platform,
    deviceFamily: params4.client.deviceFamily
  };
  let verified;
  for (const version of switches.signatureVersions) {
    if (version === "v1" && (nonce || nonceRequired)) continue;
    if (version !== "v1" && !nonce) continue;
    if (verifyDeviceSignature(device.publicKey, buildSignaturePayload(version, fields), device.signature)) {
      verified = version;
      break;
    }
  }
  if (!verified) return { ok: false, reason: "device-signature" };
  const publicKey = normalizeDevicePublicKeyBase64Url(device.publicKey);
  if (!publicKey) return { ok: false, reason: "device-public-key" };
  return { ok: true, publicKey, version: verified };
}

// src/gateway/locality.ts
function isLoopbackAddress2(ip) {
  const a = ip.trim().toLowerCase();
  return a.startsWith("127.") || a === "::1" || a.startsWith("::ffff:127.") || a === "localhost";
}
function hostnameOf(hostHeader) {
  if (!hostHeader) return "";
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") > 0 ? h.indexOf("]") : void 0);
  const colon = h.lastIndexOf(":");
  return colon > 0 && h.indexOf(":") === colon ? h.slice(0, colon) : h;
}
function isLocalishHost(hostname) {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "::1" || hostname.endsWith(".ts.net");
}
function firstForwarded(xff) {
  const first2 = xff?.split(",")[0]?.trim();
  return first2 ? first2 : void 0;
}
function isTrustedProxy(peer, trustedProxies) {
  return trustedProxies.some((p) => p.trim() === peer.trim());
}
function resolveLocality(options) {
  const { remoteAddress, headers, trustedProxies } = options;
  const peerTrusted = isTrustedProxy(remoteAddress, trustedProxies);
  const xff = headers["x-forwarded-for"];
  const realIp = headers["x-real-ip"];
  let clientIp = remoteAddress;
  const forwardedClient = peerTrusted ? firstForwarded(xff) ?? (options.allowRealIpFallback && realIp ? realIp.trim() : void 0) : void 0;
  if (peerTrusted) clientIp = forwardedClient ?? remoteAddress;
  const noClientIp = peerTrusted && forwardedClient === void 0 && options.proxyPeerWithoutClientIp === "not-local";
  const hasProxyHeaders = Boolean(xff || realIp);
  const hasUntrustedProxyHeaders = hasProxyHeaders && !peerTrusted;
  const forwardedPresent = Boolean(xff || realIp || headers["x-forwarded-host"]);
  const isLocal = !noClientIp && isLoopbackAddress2(clientIp) && isLocalishHost(hostnameOf(headers["host"])) && (!forwardedPresent || peerTrusted);
  return { clientIp, isLocal, hasProxyHeaders, hasUntrustedProxyHeaders };
}
function localClient(state, conn) {
  if (state.switches.localClientRule === "is-local") return conn.isLocal;
  const h = conn.headers;
  if (state.switches.localClientRule === "loopback-peer-any-forwarded") return isLoopbackAddress2(conn.remoteAddress) && !hasForwardedHeaders(h);
  return isLoopbackAddress2(conn.remoteAddress) && !h["forwarded"] && !h["x-forwarded-for"] && !h["x-forwarded-proto"] && !h["x-real-ip"] && !h["x-forwarded-host"];
}
function hasForwardedHeaders(headers) {
  return Object.keys(headers).some((h) => h === "forwarded" || h === "x-real-ip" || h.startsWith("x-forwarded-"));
}
function unattributableProxy(request, trustedProxies, clientIp) {
  if (!hasForwardedHeaders(request.headers)) return false;
  return isTrustedProxy(request.remoteAddress, trustedProxies) && isLoopbackAddress2(clientIp);
}

// src/gateway/origin-check.ts
function parseOrigin(origin) {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(origin.trim());
  if (!m || !m[1]) return void 0;
  const host = m[1].toLowerCase();
  return { host, hostname: hostnameOf(host) };
}
function isLoopbackHostname2(hostname) {
  return hostname === "localhost" || isLoopbackAddress2(hostname);
}
function checkBrowserOrigin(options) {
  const { origin, config } = options;
  if (!origin || origin.trim() === "null") return { ok: false, reason: "origin missing or invalid" };
  const parsed = parseOrigin(origin);
  if (!parsed) return { ok: false, reason: "origin missing or invalid" };
  const allowed2 = config.controlUi.allowedOrigins.map((o) => o.trim().toLowerCase());
  const normalized = origin.trim().toLowerCase().replace(/\/$/, "");
  const host = (options.hostHeader ?? "").trim().toLowerCase();
  if (options.rule === "feb") {
    if (allowed2.includes(normalized)) return { ok: true };
    if (host && parsed.host === host) return { ok: true };
    if (isLoopbackHostname2(parsed.hostname) && isLoopbackHostname2(hostnameOf(host))) return { ok: true };
    return { ok: false, reason: "origin not allowed" };
  }
  if (allowed2.includes("*") || allowed2.includes(normalized)) return { ok: true };
  if (config.controlUi.dangerouslyAllowHostHeaderOriginFallback && host && parsed.host === host) return { ok: true };
  if (options.isLocalClient && isLoopbackHostname2(parsed.hostname)) return { ok: true };
  return { ok: false, reason: "origin not allowed" };
}

// src/gateway/failed-auth-delay.ts
function createFailedAuthDelay() {
  return { byIp: /* @__PURE__ */ new Map() };
}
function failureDelayMs(state, switches, ip, nowMs) {
  const rule = switches.failedAuthDelay;
  if (!rule) return 0;
  const entry = state.byIp.get(ip) ?? { failuresAtMs: [], deadlineMs: 0 };
  entry.failuresAtMs = entry.failuresAtMs.filter((t) => nowMs - t < rule.windowMs);
  entry.failuresAtMs.push(nowMs);
  if (entry.failuresAtMs.length > rule.historyMax) entry.failuresAtMs.splice(0, entry.failuresAtMs.length - rule.historyMax);
  state.byIp.set(ip, entry);
  if (entry.deadlineMs > nowMs) return entry.deadlineMs - nowMs;
  const n = entry.failuresAtMs.length;
  const delay = Math.min(rule.capMs, rule.baseMs * 2 ** (n - 1));
  entry.deadlineMs = nowMs + delay;
  return delay;
}
function clearFailures(state, ip) {
  state.byIp.delete(ip);
}

// src/gateway/pairing-journal.ts
var journals = /* @__PURE__ */ new WeakMap();
function emptyMapJournal() {
  return { changed: /* @__PURE__ */ new Set(), added: /* @__PURE__ */ new Set(), deleted: /* @__PURE__ */ new Set(), reorder: false };
}
function noteWrite(store, map, key) {
  const journal = journals.get(store)?.[map];
  if (!journal) return;
  if (!Object.hasOwn(store[map], key)) {
    if (journal.deleted.has(key)) journal.reorder = true;
    journal.added.add(key);
  }
  journal.changed.add(key);
}
function noteMutation(store, map, key) {
  journals.get(store)?.[map].changed.add(key);
}
function noteDelete(store, map, key) {
  const journal = journals.get(store)?.[map];
  if (!journal) return;
  journal.deleted.add(key);
  journal.changed.add(key);
}
function persistedSnapshot(store) {
  const journal = journals.get(store);
  if (!journal) {
    const snapshot = structuredClone(store);
    journals.set(store, { snapshot, pending: emptyMapJournal(), paired: emptyMapJournal() });
    return snapshot;
  }
  applyMap(store.pending, journal.snapshot.pending, journal.pending);
  applyMap(store.paired, journal.snapshot.paired, journal.paired);
  return journal.snapshot;
}
function applyMap(live, snap, journal) {
  if (journal.reorder) {
    const rebuilt = {};
    for (const key of Object.keys(live)) rebuilt[key] = journal.changed.has(key) ? structuredClone(live[key]) : snap[key];
    for (const key of Object.keys(snap)) delete snap[key];
    Object.assign(snap, rebuilt);
  } else {
    for (const key of journal.changed) {
      if (!Object.hasOwn(live, key)) delete snap[key];
      else if (Object.hasOwn(snap, key)) snap[key] = structuredClone(live[key]);
    }
    for (const key of journal.added) if (Object.hasOwn(live, key)) snap[key] = structuredClone(live[key]);
  }
  if (journal.changed.size > 0) journal.changed.clear();
  if (journal.added.size > 0) journal.added.clear();
  if (journal.deleted.size > 0) journal.deleted.clear();
  journal.reorder = false;
}

// src/gateway/pairing-store.ts
var pendingTtlMs = 5 * 6e4;
function emptyPairingStore() {
  return { pending: {}, paired: {} };
}
function clonePairingStore(store) {
  return structuredClone(store);
}
function persistPairingStore(store) {
  return persistedSnapshot(store);
}
function setPending(store, request) {
  noteWrite(store, "pending", request.requestId);
  store.pending[request.requestId] = request;
}
function deletePending(store, requestId) {
  noteDelete(store, "pending", requestId);
  delete store.pending[requestId];
}
function prunePending(store, nowMs) {
  for (const [id, req] of Object.entries(store.pending)) {
    if (nowMs - req.ts <= pendingTtlMs) continue;
    noteDelete(store, "pending", id);
    delete store.pending[id];
  }
}
function union(a, b) {
  return [.../* @__PURE__ */ new Set([...a ?? [], ...b ?? []])];
}
function requestDevicePairing(options) {
  const { store, request, policy, nowMs, prng } = options;
  prunePending(store, nowMs);
  const existing = Object.values(store.pending).find((p) => p.deviceId === request.deviceId);
  if (existing && policy === "keep-existing") return { request: existing, created: false };
  if (existing && policy === "replace-on-growth") {
    const grows = (request.scopes ?? []).some((sc) => !(existing.scopes ?? []).includes(sc)) || request.role !== void 0 && request.role !== existing.role;
    const scopes = union(existing.scopes, request.scopes);
    const silent = Boolean(existing.silent && request.silent);
    const roles = union(existing.roles ?? (existing.role ? [existing.role] : []), request.roles ?? (request.role ? [request.role] : []));
    if (!grows) {
      const kept = { ...existing, ...definedOnly(request), roles, scopes, silent, requestId: existing.requestId, ts: nowMs };
      setPending(store, kept);
      return { request: kept, created: false };
    }
    deletePending(store, existing.requestId);
    const replaced = { ...definedOnly(request), roles, scopes, silent, requestId: uuidV4(prng), ts: nowMs };
    setPending(store, replaced);
    return { request: replaced, created: true };
  }
  if (existing && policy === "replace-merged") {
    const roles = union(existing.roles ?? (existing.role ? [existing.role] : []), request.roles ?? (request.role ? [request.role] : []));
    const scopes = union(existing.scopes, request.scopes);
    const silent = Boolean(existing.silent && request.silent);
    const sameSet = (a, b) => JSON.stringify([...new Set(a ?? [])].sort()) === JSON.stringify([...new Set(b ?? [])].sort());
    const existingRoles = existing.roles ?? (existing.role ? [existing.role] : []);
    const requestRoles = request.roles ?? (request.role ? [request.role] : []);
    const normalized = (scopes2) => normalizeDeviceAuthScopes(scopes2 ?? [], { impliedScopes: true });
    const sameSnapshot = existing.publicKey === request.publicKey && existing.role === request.role && sameSet(existingRoles, requestRoles) && sameSet(normalized(existing.scopes), normalized(request.scopes));
    if (sameSnapshot) {
      const kept = { ...existing, ...definedOnly(request), roles: existing.roles ?? existingRoles, scopes: existing.scopes, silent, isRepair: Boolean(existing.isRepair || request.isRepair), requestId: existing.requestId, ts: existing.ts };
      setPending(store, kept);
      return { request: kept, created: false };
    }
    deletePending(store, existing.requestId);
    const replaced = { ...definedOnly(request), role: request.role ?? existing.role, roles, scopes, silent, requestId: uuidV4(prng), ts: nowMs };
    setPending(store, replaced);
    return { request: replaced, created: true };
  }
  if (existing && policy === "merge") {
    const merged = {
      ...existing,
      ...definedOnly(request),
      role: existing.role ?? request.role,
      roles: union(existing.roles ?? (existing.role ? [existing.role] : []), request.roles ?? (request.role ? [request.role] : [])),
      scopes: union(existing.scopes, request.scopes),
      silent: Boolean(existing.silent && request.silent),
      isRepair: Boolean(existing.isRepair || request.isRepair),
      requestId: existing.requestId,
      ts: nowMs
    };
    setPending(store, merged);
    return { request: merged, created: false };
  }
  const andSilent = existing && policy === "replace" ? { silent: Boolean(existing.silent && request.silent) } : {};
  if (existing && policy === "replace" && !changesRequest(existing, request)) {
    const kept = { ...existing, ...definedOnly(request), ...andSilent, requestId: existing.requestId, ts: nowMs };
    setPending(store, kept);
    return { request: kept, created: false };
  }
  if (existing) deletePending(store, existing.requestId);
  const created = { ...definedOnly(request), ...andSilent, requestId: uuidV4(prng), ts: nowMs };
  if (created.role && !created.roles) created.roles = [created.role];
  setPending(store, created);
  return { request: created, created: true };
}
function changesRequest(existing, request) {
  const sameScopes = JSON.stringify([...existing.scopes ?? []].sort()) === JSON.stringify([...request.scopes ?? []].sort());
  return existing.role !== request.role || existing.publicKey !== request.publicKey || !sameScopes;
}
function definedOnly(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}
function approvalTokenOptions(sw) {
  return { impliedScopes: sw.impliedTokenScopes, approvalTokenScopes: sw.approvalTokenScopes, approvalTokenKeepsHeldScopes: sw.approvalTokenKeepsHeldScopes, tokenPerRequestedRole: sw.approvalTokenPerRequestedRole };
}
function mintToken(options) {
  const token = {
    token: randomToken(options.prng),
    role: options.role,
    scopes: normalizeDeviceAuthScopes(options.scopes, { impliedScopes: options.impliedScopes ?? true }),
    createdAtMs: options.previous?.createdAtMs ?? options.nowMs
  };
  const issuer = options.issuer ?? (options.keepIssuer ? options.previous?.issuer : void 0);
  if (issuer) token.issuer = { ...issuer };
  if (options.previous) token.rotatedAtMs = options.nowMs;
  return token;
}
function issuerMatches(token, issuer) {
  return issuer ? token.issuer?.kind === issuer.kind && token.issuer.generation === issuer.generation : token.issuer === void 0;
}
var browserClientIds = /* @__PURE__ */ new Set(["openclaw-control-ui", "webchat-ui"]);
function browserRelatedDevice(device) {
  if (device.clientMode?.trim().toLowerCase() === "webchat") return true;
  const id = device.clientId?.trim().toLowerCase();
  return id !== void 0 && browserClientIds.has(id);
}
function pairedRecord(pending, existing, grant, nowMs) {
  const record = {
    ...existing ?? { tokens: {}, createdAtMs: nowMs },
    deviceId: pending.deviceId,
    publicKey: pending.publicKey,
    ...metadataOf(pending),
    role: grant.role,
    roles: grant.roles,
    scopes: grant.scopes,
    approvedScopes: grant.scopes,
    tokens: { ...existing?.tokens ?? {} },
    approvedAtMs: nowMs
  };
  for (const key of ["platform", "deviceFamily", "clientId", "clientMode"]) if (pending[key] === void 0) delete record[key];
  return record;
}
function pairingApprovalRefusal(pending, existing, callerScopes, heldTokenScopes = true) {
  const roles = pending.roles ?? (pending.role ? [pending.role] : []);
  const prefixes = roles.map((role) => `${role.trim()}.`);
  for (const scope of pending.scopes ?? []) {
    const trimmed2 = scope.trim();
    if (!prefixes.some((prefix) => !trimmed2 || trimmed2.startsWith(prefix))) return { reason: "scope-outside-requested-roles", scope };
  }
  if (!roles.includes("operator")) return null;
  const operatorScopes = (scopes) => (scopes ?? []).filter((s) => s.trim().startsWith("operator."));
  const held = heldTokenScopes ? operatorScopes(existing?.tokens["operator"]?.scopes) : [];
  const tokenScopes = [.../* @__PURE__ */ new Set([...operatorScopes(pending.scopes), ...held])];
  if (tokenScopes.length === 0) return null;
  const missing = resolveMissingRequestedScope("operator", tokenScopes, callerScopes);
  return missing === null ? null : { reason: "caller-missing-scope", scope: missing };
}
function pendingRoleApprovalRefusal(pending, callerScopes) {
  const role = pending.role?.trim() || (pending.roles ?? []).map((r) => r.trim()).find((r) => r.length > 0);
  if (!role) return null;
  const requested = normalizeDeviceAuthScopes(pending.scopes ?? [], { impliedScopes: true }).filter((s) => s.startsWith("operator."));
  const missing = resolveMissingRequestedScope(role, requested, callerScopes, false);
  return missing === null ? null : { reason: "caller-missing-scope", scope: missing };
}
function pairingApprovalRefusalMessage(refusal) {
  return refusal.reason === "caller-missing-scope" ? `missing scope: ${refusal.scope}` : `invalid scope for requested roles: ${refusal.scope}`;
}
function approveDevicePairing(store, requestId, nowMs, prng, scopeOptions = {}) {
  prunePending(store, nowMs);
  const pending = store.pending[requestId];
  if (!pending) return null;
  const existing = store.paired[pending.deviceId];
  const roles = union(existing?.roles ?? (existing?.role ? [existing.role] : []), pending.roles ?? (pending.role ? [pending.role] : []));
  const scopes = union(existing?.approvedScopes ?? existing?.scopes, pending.scopes);
  const role = pending.role ?? existing?.role ?? "operator";
  const keepEmpty = scopeOptions.approvalTokenScopes === "requested";
  const asked = pending.scopes && pending.scopes.length > 0;
  const held = existing?.tokens[role];
  const tokenScopes = scopeOptions.approvalTokenKeepsHeldScopes && asked ? heldPlusAskedScopes(role, pending.scopes ?? [], existing, held, scopes) : keepEmpty || asked ? pending.scopes ?? [] : scopes;
  const device = pairedRecord(pending, existing, { role, roles, scopes }, nowMs);
  if (scopeOptions.tokenPerRequestedRole) {
    for (const tokenRole of union(pending.roles ?? [], pending.role ? [pending.role] : [])) {
      const heldOfRole = existing?.tokens[tokenRole];
      device.tokens[tokenRole] = mintToken({ role: tokenRole, scopes: roleTokenScopes(tokenRole, pending.scopes ?? [], existing, heldOfRole, scopes, scopeOptions), nowMs, prng, previous: heldOfRole, keepIssuer: true, ...scopeOptions });
    }
  } else device.tokens[role] = mintToken({ role, scopes: tokenScopes, nowMs, prng, previous: existing?.tokens[role], keepIssuer: true, ...scopeOptions });
  noteWrite(store, "paired", device.deviceId);
  store.paired[device.deviceId] = device;
  deletePending(store, requestId);
  return device;
}
function roleShare(role, scopes) {
  return (scopes ?? []).map((s) => s.trim()).filter((s) => s !== "" && role === "operator" === s.startsWith("operator."));
}
function roleTokenScopes(role, asked, existing, held, approved, options) {
  if (options.approvalTokenKeepsHeldScopes) return heldPlusAskedScopes(role, asked, existing, held, approved);
  const askedOfRole = roleShare(role, asked);
  return askedOfRole.length > 0 ? askedOfRole : roleShare(role, held?.scopes ?? approved);
}
function heldPlusAskedScopes(role, asked, existing, held, approved) {
  const askedOfRole = roleShare(role, asked);
  if (askedOfRole.length === 0) return roleShare(role, held?.scopes ?? approved);
  const baseline = roleShare(role, existing?.approvedScopes ?? existing?.scopes);
  const delta = held && baseline.length > 0 ? askedOfRole.filter((s) => !baseline.includes(s)) : askedOfRole;
  if (delta.length === 0 && held) return roleShare(role, held.scopes);
  return union(roleShare(role, held?.scopes), delta);
}
function approveBootstrapDevicePairing(store, requestId, profile2, nowMs, prng) {
  prunePending(store, nowMs);
  const pending = store.pending[requestId];
  if (!pending) return null;
  const requested = pending.roles ?? (pending.role ? [pending.role] : []);
  if (requested.some((role) => !profile2.roles.includes(role))) return null;
  const existing = store.paired[pending.deviceId];
  const approvedScopes = normalizeDeviceAuthScopes(profile2.scopes);
  const roles = union(union(existing?.roles ?? (existing?.role ? [existing.role] : []), requested), profile2.roles);
  const scopes = union(union(existing?.approvedScopes ?? existing?.scopes, pending.scopes), approvedScopes);
  const device = pairedRecord(pending, existing, { role: pending.role ?? profile2.roles[0] ?? "node", roles, scopes }, nowMs);
  for (const role of profile2.roles) {
    const tokenScopes = role === "operator" ? approvedScopes.filter((s) => s.startsWith("operator.")) : [];
    device.tokens[role] = mintToken({ role, scopes: tokenScopes, nowMs, prng, previous: existing?.tokens[role] });
  }
  noteWrite(store, "paired", device.deviceId);
  store.paired[device.deviceId] = device;
  deletePending(store, requestId);
  return device;
}
function metadataOf(p, options = {}) {
  const meta = {};
  if (p.displayName !== void 0) meta.displayName = p.displayName;
  if (p.platform !== void 0 && !options.keepPlatform) meta.platform = p.platform;
  if (p.deviceFamily !== void 0 && !options.keepPlatform) meta.deviceFamily = p.deviceFamily;
  if (p.clientId !== void 0) meta.clientId = p.clientId;
  if (p.clientMode !== void 0) meta.clientMode = p.clientMode;
  if (p.remoteIp !== void 0) meta.remoteIp = p.remoteIp;
  return meta;
}
function rejectDevicePairing(store, requestId) {
  const pending = store.pending[requestId];
  if (!pending) return null;
  deletePending(store, requestId);
  return pending;
}
function removePairedDevice(store, deviceId, options = {}) {
  if (!store.paired[deviceId]) return false;
  noteDelete(store, "paired", deviceId);
  delete store.paired[deviceId];
  if (options.dropPending) {
    for (const [id, request] of Object.entries(store.pending)) if (request.deviceId === deviceId) deletePending(store, id);
  }
  return true;
}
function updatePairedDeviceMetadata(store, deviceId, update) {
  const device = store.paired[deviceId];
  assert(device !== void 0, "updating metadata of an unpaired device");
  const meta = metadataOf(update, { keepPlatform: update.keepPlatform });
  const roles = unionOrSame(device.roles ?? (device.role ? [device.role] : []), [update.role]);
  const scopes = unionOrSame(device.scopes, update.scopes);
  const record = device;
  let metaChanges = false;
  for (const key in meta) if (!Object.hasOwn(record, key) || record[key] !== meta[key]) metaChanges = true;
  if (metaChanges || roles !== device.roles || scopes !== device.scopes) noteMutation(store, "paired", deviceId);
  if (metaChanges) Object.assign(device, meta);
  device.roles = roles;
  device.scopes = scopes;
}
function unionOrSame(current, more) {
  if (current === void 0) return union(current, more);
  for (let i = 0; i < current.length; i++) if (current.indexOf(current[i]) !== i) return union(current, more);
  for (const item of more) if (!current.includes(item)) return union(current, more);
  return current;
}
function ensureDeviceToken(store, options) {
  const device = store.paired[options.deviceId];
  if (!device) return null;
  const baseline = options.withinApproval ? approvedBaseline(device, options) : void 0;
  if (baseline === null) return null;
  if (baseline) {
    const roleOk = options.needsApprovedRole === false || approvedRolesOf(device, options).includes(options.role);
    if (!roleOk || !roleScopesAllow(options.role, options.scopes, baseline, options.rolePrefix)) return null;
  }
  const existing = device.tokens[options.role];
  const existingWithin = !baseline || existing !== void 0 && roleScopesAllow(options.role, existing.scopes, baseline, options.rolePrefix);
  if (existing && existing.revokedAtMs === void 0 && existingWithin && issuerMatches(existing, options.issuer) && scopesAllowUnder(options.scopeImplications ?? true, options.role, options.scopes, existing.scopes, options.rolePrefix)) return existing;
  const minted = mintToken({ role: options.role, scopes: options.scopes, nowMs: options.nowMs, prng: options.prng, previous: existing, issuer: options.issuer, impliedScopes: options.impliedScopes });
  noteMutation(store, "paired", options.deviceId);
  device.tokens[options.role] = minted;
  restoreRevokedRole(device, options.role, existing, options);
  return minted;
}
function approvedRolesOf(device, options) {
  const roles = device.roles ?? (device.role ? [device.role] : []);
  if (options.revokedRoleStaysApproved !== true) return roles;
  const revoked = Object.values(device.tokens).filter((t) => t.revokedAtMs !== void 0 && !roles.includes(t.role)).map((t) => t.role);
  return revoked.length > 0 ? [...roles, ...revoked] : roles;
}
function restoreRevokedRole(device, role, previous, options) {
  if (options.revokedRoleStaysApproved !== true || previous?.revokedAtMs === void 0) return;
  const roles = device.roles ?? (device.role ? [device.role] : []);
  if (!roles.includes(role)) device.roles = [...roles, role];
}
function approvedBaseline(device, options) {
  const scopes = normalizeDeviceAuthScopes(device.approvedScopes ?? device.scopes ?? []);
  return options.emptyApprovalNoBaseline === true && scopes.length === 0 ? null : scopes;
}
function verifyDeviceToken(store, options) {
  const device = store.paired[options.deviceId];
  if (!device) return { ok: false, reason: "device-not-paired" };
  const entry = device.tokens[options.role];
  if (!entry) return { ok: false, reason: "role-missing" };
  if (!options.token.trim()) return { ok: false, reason: "token-missing" };
  if (entry.revokedAtMs !== void 0) return { ok: false, reason: "token-revoked" };
  if (entry.token !== options.token) return { ok: false, reason: "token-mismatch" };
  if (entry.issuer?.kind === "shared-gateway-auth" && entry.issuer.generation !== options.requiredGeneration) return { ok: false, reason: "issuer-generation-stale" };
  if (!entry.issuer && options.requiredGeneration !== void 0 && browserRelatedDevice(device)) return { ok: false, reason: "legacy-browser-token" };
  if (options.emptyApprovalNoBaseline === true && approvedBaseline(device, options) === null) return { ok: false, reason: "scope-mismatch" };
  if (!scopesAllowUnder(options.scopeImplications ?? true, options.role, options.scopes, entry.scopes, options.rolePrefix)) return { ok: false, reason: "scope-mismatch" };
  noteMutation(store, "paired", options.deviceId);
  entry.lastUsedAtMs = options.nowMs;
  return entry.issuer ? { ok: true, issuer: entry.issuer } : { ok: true };
}
function rotateDeviceToken(store, options) {
  const device = store.paired[options.deviceId];
  if (!device) return null;
  const existing = device.tokens[options.role];
  const roles = device.roles ?? (device.role ? [device.role] : []);
  if (!existing && !roles.includes(options.role) && options.needsApprovedRole !== false) return null;
  const scopes = options.scopes ?? existing?.scopes ?? device.scopes ?? [];
  const baseline = options.emptyApprovalNoBaseline === true ? approvedBaseline(device, options) : device.approvedScopes ?? device.scopes ?? [];
  if (baseline === null || !roleScopesAllow(options.role, scopes, baseline, options.rolePrefix)) return null;
  const minted = mintToken({ role: options.role, scopes, nowMs: options.nowMs, prng: options.prng, previous: existing, keepIssuer: true, impliedScopes: options.impliedScopes });
  minted.rotatedAtMs = options.nowMs;
  noteMutation(store, "paired", options.deviceId);
  device.tokens[options.role] = minted;
  restoreRevokedRole(device, options.role, existing, options);
  return minted;
}
function revokeDeviceToken(store, options) {
  const device = store.paired[options.deviceId];
  const entry = device?.tokens[options.role];
  if (!device || !entry) return null;
  noteMutation(store, "paired", options.deviceId);
  entry.revokedAtMs = options.nowMs;
  if (options.removeRole) {
    device.roles = (device.roles ?? (device.role ? [device.role] : [])).filter((r) => r !== options.role);
    if (device.role === options.role) device.role = device.roles[0];
  }
  return entry;
}

// src/gateway/shared-auth.ts
import { createHash as createHash4 } from "node:crypto";

// src/gateway/rate-limit.ts
var rateLimitDefaults = {
  maxAttempts: 10,
  windowMs: 6e4,
  lockoutMs: 3e5,
  exemptLoopback: true
};
var limiterEntriesMax = 1e4;
function createLimiter(config = {}, options = {}) {
  const merged = { ...rateLimitDefaults, ...config };
  assert(merged.maxAttempts >= 1 && merged.windowMs > 0 && merged.lockoutMs >= 0, "bad rate limit config");
  return { config: merged, entries: /* @__PURE__ */ new Map(), ...options.absent ? { absent: true } : {} };
}
function keyOf(scope, ip) {
  return `${scope}:${ip.trim().toLowerCase()}`;
}
function exempt(l, ip) {
  if (l.absent) return true;
  return l.config.exemptLoopback && isLoopbackAddress2(ip);
}
function limiterExempts(l, key) {
  return exempt(l, key);
}
function limiterCheck(l, scope, ip, nowMs) {
  if (exempt(l, ip)) return { allowed: true };
  const entry = l.entries.get(keyOf(scope, ip));
  if (!entry) return { allowed: true };
  if (entry.lockedUntilMs !== void 0) {
    if (nowMs < entry.lockedUntilMs) return { allowed: false, retryAfterMs: entry.lockedUntilMs - nowMs };
    entry.lockedUntilMs = void 0;
    entry.attemptsAtMs = [];
  }
  entry.attemptsAtMs = entry.attemptsAtMs.filter((t) => nowMs - t < l.config.windowMs);
  return entry.attemptsAtMs.length < l.config.maxAttempts ? { allowed: true } : { allowed: false, retryAfterMs: windowRetry(l, entry, nowMs) };
}
function windowRetry(l, entry, nowMs) {
  const oldest = entry.attemptsAtMs[0] ?? nowMs;
  return Math.max(0, oldest + l.config.windowMs - nowMs);
}
function limiterRecordFailure(l, scope, ip, nowMs) {
  if (exempt(l, ip)) return;
  const key = keyOf(scope, ip);
  let entry = l.entries.get(key);
  if (!entry) {
    evictIfFull(l);
    entry = { attemptsAtMs: [] };
    l.entries.set(key, entry);
  }
  if (entry.lockedUntilMs !== void 0 && nowMs < entry.lockedUntilMs) return;
  entry.attemptsAtMs = entry.attemptsAtMs.filter((t) => nowMs - t < l.config.windowMs);
  entry.attemptsAtMs.push(nowMs);
  if (entry.attemptsAtMs.length >= l.config.maxAttempts) entry.lockedUntilMs = nowMs + l.config.lockoutMs;
}
function limiterReset(l, scope, ip) {
  l.entries.delete(keyOf(scope, ip));
}
function evictIfFull(l) {
  if (l.entries.size < limiterEntriesMax) return;
  for (const [key, entry] of l.entries) {
    if (entry.lockedUntilMs === void 0) {
      l.entries.delete(key);
      return;
    }
  }
}

// src/gateway/shared-auth.ts
function authorizeGatewayConnect(req) {
  const { config, conn } = req;
  const mode = config.auth.mode;
  if (mode === "trusted-proxy") return trustedProxyAuth(req);
  if (mode === "none") return { ok: true, method: "none" };
  const ip = req.limiterKey;
  if (req.limiter) {
    const verdict = limiterCheck(req.limiter, "shared-secret", ip, req.nowMs);
    if (!verdict.allowed) return { ok: false, reason: "rate_limited", retryAfterMs: verdict.retryAfterMs };
  }
  if (req.allowTailscale && !conn.isLocal) {
    const ts = tailscaleAuth(req);
    if (ts.ok) {
      if (req.limiter) limiterReset(req.limiter, "shared-secret", ip);
      return ts;
    }
    if (!req.auth?.token && !req.auth?.password) return ts;
  }
  const fail = (reason, charge) => {
    if (charge && req.charge && req.limiter) limiterRecordFailure(req.limiter, "shared-secret", ip, req.nowMs);
    return { ok: false, reason };
  };
  if (mode === "token") {
    if (!config.auth.token) return fail("token_missing_config", false);
    const sent = req.connectSecretEitherField ? req.auth?.token ?? req.auth?.password : req.auth?.token;
    if (!sent && req.passwordCountsAsTokenMismatch && req.auth?.password) return fail("token_mismatch", true);
    if (!sent) return fail("token_missing", req.tokenMissingCharged);
    if (sent !== config.auth.token) return fail("token_mismatch", true);
    if (req.limiter) limiterReset(req.limiter, "shared-secret", ip);
    return { ok: true, method: "token" };
  }
  if (mode === "password") {
    if (!config.auth.password) return fail("password_missing_config", false);
    const sent = req.connectSecretEitherField ? req.auth?.password ?? req.auth?.token : req.auth?.password;
    if (!sent) return fail("password_missing", req.tokenMissingCharged);
    if (sent !== config.auth.password) return fail("password_mismatch", true);
    if (req.limiter) limiterReset(req.limiter, "shared-secret", ip);
    return { ok: true, method: "password" };
  }
  return fail("unauthorized", true);
}
function trustedProxyAuth(req) {
  const { config, conn } = req;
  const tp = config.auth.trustedProxy;
  if (!tp || !tp.userHeader) return { ok: false, reason: "trusted_proxy_config_missing" };
  if (config.trustedProxies.length === 0) return { ok: false, reason: "trusted_proxy_no_proxies_configured" };
  if (!isTrustedProxy(conn.remoteAddress, config.trustedProxies)) return { ok: false, reason: "trusted_proxy_untrusted_source" };
  if (isLoopbackAddress2(conn.remoteAddress) && tp.allowLoopback === false) return { ok: false, reason: "trusted_proxy_untrusted_source" };
  for (const name of tp.requiredHeaders ?? []) {
    if (!conn.headers[name.toLowerCase()]?.trim()) return { ok: false, reason: `trusted_proxy_missing_header_${name.toLowerCase()}` };
  }
  const user = conn.headers[tp.userHeader.toLowerCase()]?.trim();
  if (!user) return { ok: false, reason: "trusted_proxy_user_missing" };
  if (tp.allowUsers && tp.allowUsers.length > 0 && !tp.allowUsers.includes(user)) return { ok: false, reason: "trusted_proxy_user_not_allowed" };
  return { ok: true, method: "trusted-proxy", user };
}
function tailscaleAuth(req) {
  const h = req.conn.headers;
  const login = h["tailscale-user-login"]?.trim();
  if (!login) return { ok: false, reason: "tailscale_user_missing" };
  const peerLoopback = isLoopbackAddress2(req.conn.remoteAddress);
  if (!peerLoopback || !h["x-forwarded-for"] || !h["x-forwarded-proto"] || !h["x-forwarded-host"]) {
    return { ok: false, reason: "tailscale_proxy_missing" };
  }
  const forwardedIp = h["x-forwarded-for"].split(",")[0]?.trim() ?? "";
  const whois = req.config.tailscaleWhois[forwardedIp];
  if (!whois) return { ok: false, reason: "tailscale_whois_failed" };
  if (whois.toLowerCase() !== login.toLowerCase()) return { ok: false, reason: "tailscale_user_mismatch" };
  return { ok: true, method: "tailscale", user: whois };
}
var generationDigests = /* @__PURE__ */ new Map();
var generationDigestsMax = 1024;
function digest(text5) {
  let value = generationDigests.get(text5);
  if (value === void 0) {
    value = createHash4("sha256").update(text5).digest("base64url");
    if (generationDigests.size >= generationDigestsMax) generationDigests.delete(generationDigests.keys().next().value);
    generationDigests.set(text5, value);
  }
  return value;
}
function sharedAuthGeneration(config) {
  const auth = config.auth;
  if (auth.mode === "token" || auth.mode === "password") {
    const secret = auth[auth.mode];
    return typeof secret === "string" && secret.trim().length > 0 ? digest(`${auth.mode}\0${secret}`) : void 0;
  }
  if (auth.mode !== "trusted-proxy") return void 0;
  const tp = auth.trustedProxy;
  const sorted = (items) => [...items ?? []].sort();
  return digest(JSON.stringify({ mode: auth.mode, userHeader: tp?.userHeader, requiredHeaders: sorted(tp?.requiredHeaders), allowUsers: sorted(tp?.allowUsers), allowLoopback: tp?.allowLoopback, trustedProxies: sorted(config.trustedProxies) }));
}

// src/gateway/bootstrap-tokens.ts
var bootstrapTokenTtlMs = 10 * 6e4;
function emptyBootstrapStore() {
  return { tokens: {} };
}
function setupBootstrapProfile(handoffScopes) {
  return { roles: ["node", "operator"], scopes: normalizeDeviceAuthScopes(handoffScopes) };
}
function prune(store, nowMs) {
  for (const [key, record] of Object.entries(store.tokens)) {
    if (nowMs - record.issuedAtMs > bootstrapTokenTtlMs) delete store.tokens[key];
  }
}
function find(store, token, nowMs) {
  prune(store, nowMs);
  const wanted = token.trim();
  return wanted ? store.tokens[wanted] : void 0;
}
function issueBootstrapToken(store, options) {
  prune(store, options.nowMs);
  const token = randomToken(options.prng);
  store.tokens[token] = { token, issuedAtMs: options.nowMs, profile: options.profile, redeemed: { roles: [], scopes: [] } };
  return { token, expiresAtMs: options.nowMs + bootstrapTokenTtlMs };
}
function bootstrapScopesForRole(role, scopes) {
  return role === "operator" ? normalizeDeviceAuthScopes(scopes.filter((s) => s.startsWith("operator."))) : [];
}
function allows(profile2, role, scopes) {
  return profile2.roles.includes(role) && roleScopesAllow(role, scopes, profile2.scopes);
}
function verifyBootstrapToken(store, request) {
  const refused = { ok: false, reason: "bootstrap_token_invalid" };
  const record = find(store, request.token, request.nowMs);
  if (!record || !request.deviceId.trim() || !request.publicKey.trim() || !request.role.trim()) return refused;
  if (record.profile.roles.length === 0 || !allows(record.profile, request.role, request.scopes)) return refused;
  const bound = record.deviceId !== void 0 || record.publicKey !== void 0;
  if (bound && (record.deviceId !== request.deviceId || record.publicKey !== request.publicKey)) return refused;
  record.deviceId = request.deviceId;
  record.publicKey = request.publicKey;
  record.lastUsedAtMs = request.nowMs;
  return { ok: true };
}
function boundBootstrapProfile(store, request) {
  const record = find(store, request.token, request.nowMs);
  if (!record || record.deviceId !== request.deviceId || record.publicKey !== request.publicKey) return null;
  return record.profile;
}
function redeemBootstrapToken(store, request) {
  const record = find(store, request.token, request.nowMs);
  if (!record) return false;
  record.redeemed = {
    roles: [.../* @__PURE__ */ new Set([...record.redeemed.roles, request.role])].sort(),
    scopes: normalizeDeviceAuthScopes([...record.redeemed.scopes, ...bootstrapScopesForRole(request.role, request.scopes)])
  };
  return record.profile.roles.every((role) => {
    if (!record.redeemed.roles.includes(role)) return false;
    const required = bootstrapScopesForRole(role, record.profile.scopes);
    return required.length === 0 || allows(record.redeemed, role, required);
  });
}
function revokeBootstrapToken(store, token) {
  const key = token.trim();
  if (!store.tokens[key]) return false;
  delete store.tokens[key];
  return true;
}

// src/gateway/pairing-flow.ts
var noHandoff = { profile: null, tokens: [] };
function pairDevice(state, conn, ctx, f, publicKey, finish) {
  const device = f.device;
  if (!device || !publicKey) return finish(null, noHandoff);
  let handoffProfile = null;
  const paired = state.store.paired[device.id];
  const isPaired = paired !== void 0 && paired.publicKey === publicKey;
  const skip = skipsPairing(state.switches, { cls: f.cls, role: f.role, authMethod: f.authMethod, allowBypass: f.allowBypass, sharedAuthOk: f.sharedAuthOk, trustedProxyAuthOk: f.trustedProxyAuthOk, isLocal: pairingLocal(state, conn), hasOrigin: f.hasOrigin, isPaired });
  const outputs = [];
  if (!skip) {
    const unmet = pairingRequirements(state, f, isPaired);
    const reasons = state.switches.pairingChecksInSequence ? unmet : unmet.slice(0, 1);
    for (const reason of reasons) {
      const pendingScopes = Object.values(state.store.pending).find((p) => p.deviceId === device.id)?.scopes ?? [];
      const bootstrapProfile = silentBootstrapProfile(state, ctx, f, { reason, existing: paired !== void 0, publicKey });
      const silentLocal = isSilentPairing(state.switches, { reason, isLocal: pairingLocal(state, conn), hasOrigin: f.hasOrigin, cls: f.cls, clientId: f.params.client.id, clientMode: f.params.client.mode, role: f.role, scopes: [...f.scopes, ...pendingScopes], directLocal: conn.isLocal, sharedSecretOk: f.sharedAuthOk && (f.authMethod === "token" || f.authMethod === "password"), existing: paired !== void 0 }) && autoApprovesLocal(state, reason);
      const silent = silentLocal || bootstrapProfile !== null;
      const { request, created } = requestDevicePairing({
        store: state.store,
        request: {
          deviceId: device.id,
          publicKey,
          displayName: f.params.client.displayName,
          platform: f.params.client.platform,
          deviceFamily: f.params.client.deviceFamily,
          clientId: f.params.client.id,
          clientMode: f.params.client.mode,
          role: f.role,
          roles: bootstrapProfile ? [.../* @__PURE__ */ new Set([f.role, ...bootstrapProfile.roles])] : [f.role],
          scopes: f.scopes,
          remoteIp: pairingLocal(state, conn) ? void 0 : conn.clientIp,
          silent,
          isRepair: paired !== void 0 && !isPaired
        },
        policy: state.switches.pendingRequestPolicy,
        nowMs: ctx.nowMs,
        prng: ctx.prng
      });
      const approvedBaseline2 = state.switches.inlineApprovalCallerScopes === "requested-and-approved" ? paired?.approvedScopes ?? paired?.scopes ?? [] : [];
      const callerScopes = [...f.scopes, ...approvedBaseline2];
      const refused = state.switches.approvalScopeChecks ? pairingApprovalRefusal(request, paired, callerScopes, state.switches.approvalChecksHeldTokenScopes) !== null : state.switches.approvalCallerScopesUnderPendingRole && pendingRoleApprovalRefusal(request, callerScopes) !== null;
      const approveInline = request.silent === true && !refused;
      const localForPairing = pairingLocal(state, conn);
      outputs.push(log("pairing.required", { deviceId: device.id, reason, silent: approveInline, requestId: request.requestId, connId: conn.connId, isLocal: conn.isLocal, ...localForPairing !== conn.isLocal ? { localForPairing } : {} }));
      if (!approveInline) return [...outputs, ...notPaired(state, conn, ctx, f, request.requestId, reason, created, request, paired !== void 0)];
      if (bootstrapProfile) {
        approveBootstrapDevicePairing(state.store, request.requestId, bootstrapProfile, ctx.nowMs, ctx.prng);
        handoffProfile = bootstrapProfile;
      } else {
        approveDevicePairing(state.store, request.requestId, ctx.nowMs, ctx.prng, approvalTokenOptions(state.switches));
      }
      outputs.push(...broadcastToPairingOperators(state, "device.pair.resolved", { requestId: request.requestId, deviceId: device.id, decision: "approved", ts: ctx.nowMs }));
    }
    if (reasons.length === 0) {
      updatePairedDeviceMetadata(state.store, device.id, {
        role: f.role,
        scopes: f.scopes,
        keepPlatform: state.switches.metadataPinning,
        displayName: f.params.client.displayName,
        platform: f.params.client.platform,
        // 2026.9.6 keeps the client id and mode the device was approved with (switch connectRecordsClient).
        clientId: state.switches.connectRecordsClient ? f.params.client.id : void 0,
        clientMode: state.switches.connectRecordsClient ? f.params.client.mode : void 0
      });
    }
  }
  const withinApproval = state.switches.deviceTokenWithinApproval;
  const baselineOptions = { needsApprovedRole: state.switches.deviceTokenNeedsApprovedRole, emptyApprovalNoBaseline: state.switches.emptyApprovalNoBaseline, revokedRoleStaysApproved: state.switches.revokedRoleStaysApproved, rolePrefix: state.switches.roleScopePrefix };
  const impliedScopes = state.switches.impliedTokenScopes;
  const scopeImplications = state.switches.operatorScopeImplications;
  const issuer = deviceTokenIssuer(state, f);
  const token = ensureDeviceToken(state.store, { deviceId: device.id, role: f.role, scopes: f.scopes, nowMs: ctx.nowMs, prng: ctx.prng, withinApproval, impliedScopes, scopeImplications, issuer, ...baselineOptions });
  const handoffTokens = [];
  for (const role of handoffProfile?.roles ?? []) {
    if (role === f.role) continue;
    const extra = ensureDeviceToken(state.store, { deviceId: device.id, role, scopes: bootstrapScopesForRole(role, handoffProfile.scopes), nowMs: ctx.nowMs, prng: ctx.prng, withinApproval, impliedScopes, scopeImplications, ...baselineOptions });
    if (extra) handoffTokens.push(extra);
  }
  outputs.push({ kind: "persist", store: persistPairingStore(state.store) });
  for (const out of finish(token, { profile: handoffProfile, tokens: handoffTokens })) outputs.push(out);
  return outputs;
}
function deviceTokenIssuer(state, f) {
  if (!state.switches.deviceTokenIssuer) return void 0;
  const usesSharedAuth = f.authMethod === "token" || f.authMethod === "password" || f.authMethod === "trusted-proxy";
  const generation = (usesSharedAuth ? sharedAuthGeneration(state.config) : void 0) ?? f.deviceTokenGeneration;
  if (!generation) return void 0;
  const browserOperatorUi = f.params.client.id === "openclaw-control-ui" || f.params.client.id === "openclaw-browser-copilot";
  const fromDeviceToken = f.deviceTokenGeneration !== void 0;
  return fromDeviceToken || usesSharedAuth && (browserOperatorUi || f.cls.isWebchat) ? { kind: "shared-gateway-auth", generation } : void 0;
}
function bootstrapFirstNodePairing(f, reason, existing) {
  return f.authMethod === "bootstrap-token" && f.bootstrapToken !== void 0 && reason === "not-paired" && f.role === "node" && f.scopes.length === 0 && !existing;
}
function silentBootstrapProfile(state, ctx, f, at) {
  if (!bootstrapFirstNodePairing(f, at.reason, at.existing)) return null;
  const profile2 = boundBootstrapProfile(state.bootstrap, { token: f.bootstrapToken, deviceId: f.device.id, publicKey: at.publicKey, nowMs: ctx.nowMs });
  if (!profile2 || state.switches.bootstrapSilentPairing === "node-first-pairing") return profile2;
  const nodeOnly = profile2.roles.length === 1 && profile2.roles[0] === "node" && profile2.scopes.length === 0;
  return nodeOnly && f.params.client.id === "node-host" && f.params.client.mode === "node" ? profile2 : null;
}
function pairingRequirements(state, f, isPaired) {
  if (!isPaired) return ["not-paired"];
  const paired = state.store.paired[f.device.id];
  const unmet = [];
  if (state.switches.metadataPinning) {
    const claimedPlatform = normalizeDeviceMetadataForAuth(f.params.client.platform);
    const claimedFamily = normalizeDeviceMetadataForAuth(f.params.client.deviceFamily);
    const platformDiffers = paired.platform !== void 0 && normalizeDeviceMetadataForAuth(paired.platform) !== claimedPlatform;
    const familyDiffers = paired.deviceFamily !== void 0 && normalizeDeviceMetadataForAuth(paired.deviceFamily) !== claimedFamily;
    if (platformDiffers || familyDiffers) unmet.push("metadata-upgrade");
  }
  const roles = state.switches.connectRolesFromTokens ? [...new Set(Object.values(paired.tokens).filter((t) => t.revokedAtMs === void 0).map((t) => t.role))] : paired.roles ?? (paired.role ? [paired.role] : []);
  if (roles.length === 0 || !roles.includes(f.role)) unmet.push("role-upgrade");
  if (f.scopes.length > 0) {
    const implications = state.switches.operatorScopeImplications;
    const approved = normalizeDeviceAuthScopes(paired.approvedScopes ?? paired.scopes ?? [], { impliedScopes: implications });
    if (approved.length === 0 || !scopesAllowUnder(implications, f.role, f.scopes, approved, state.switches.roleScopePrefix)) unmet.push("scope-upgrade");
  }
  return unmet;
}
function notPaired(state, conn, ctx, f, requestId, reason, created, request, existing) {
  const outputs = [{ kind: "persist", store: persistPairingStore(state.store) }];
  if (created) outputs.push(...broadcastToPairingOperators(state, "device.pair.requested", request));
  void ctx;
  if (state.switches.pairingAnswer === "late") {
    const uiWaits = state.switches.uiPairingWaitHint && (f.cls.isControlUi || f.cls.isTui) && f.role === "operator";
    const waitForApproval = uiWaits || bootstrapFirstNodePairing(f, reason, existing);
    const details2 = {
      code: ConnectErrorDetailCodes.PAIRING_REQUIRED,
      reason,
      requestId,
      remediationHint: pairingRemediationHint(reason),
      ...waitForApproval ? { recommendedNextStep: "wait_then_retry", retryable: true, pauseReconnect: false } : {},
      deviceId: f.device.id,
      requestedRole: f.role,
      requestedScopes: f.scopes
    };
    const message = pairingErrorMessageLate(reason);
    outputs.push(...refuse(conn.connId, f.requestId, { code: ErrorCodes.NOT_PAIRED, message, details: details2 }, 1008, pairingCloseReasonLate(reason, requestId)));
    return outputs;
  }
  const details = !state.switches.detailCodes ? { requestId } : { code: ConnectErrorDetailCodes.PAIRING_REQUIRED, requestId, reason };
  outputs.push(...refuse(conn.connId, f.requestId, { code: ErrorCodes.NOT_PAIRED, message: "pairing required", details }));
  return outputs;
}
function pairingLocal(state, conn) {
  return localClient(state, conn);
}
function broadcastToPairingOperators(state, name, payload) {
  const outputs = [];
  for (const conn of state.conns.values()) {
    const s = conn.session;
    if (conn.phase !== "connected" || !s || s.role !== "operator") continue;
    if (!s.scopes.includes("operator.pairing") && !s.scopes.includes("operator.admin")) continue;
    outputs.push(event(conn.connId, name, payload));
  }
  return outputs;
}
function autoApprovesLocal(state, reason) {
  if (!state.switches.autoApproveLocalSetting) return true;
  return reason === "metadata-upgrade" || state.config.nodes?.pairing?.autoApproveLocal !== false;
}

// src/gateway/presence.ts
var presenceTtlMs = 5 * 6e4;
var presenceEntriesMax = 200;
function tracksPresence(clientId) {
  return clientId !== "cli";
}
function presenceKeyFor(connect, connId) {
  if (!tracksPresence(connect.client.id)) return null;
  return (connect.deviceId ?? connect.client.instanceId ?? connId).trim().toLowerCase() || null;
}
function mergeList(a, b) {
  const out = /* @__PURE__ */ new Set();
  for (const item of [...a ?? [], ...b ?? []]) if (item.trim()) out.add(item.trim());
  return out.size > 0 ? [...out] : void 0;
}
function upsertPresence(store, key, update, nowMs) {
  const existing = store.get(key);
  const merged = {
    ...existing,
    ...update,
    text: update.text || existing?.text || `Node: ${update.host ?? existing?.host ?? "unknown"} \xB7 mode ${update.mode ?? existing?.mode ?? "unknown"}`,
    ts: nowMs
  };
  const roles = mergeList(existing?.roles, update.roles);
  const scopes = mergeList(existing?.scopes, update.scopes);
  if (roles) merged.roles = roles;
  else delete merged.roles;
  if (scopes) merged.scopes = scopes;
  else delete merged.scopes;
  store.set(key, merged);
}
function presenceAtConnect(connect, conn) {
  const c2 = connect.client;
  const entry = {
    host: c2.displayName ?? c2.id,
    version: c2.version,
    platform: c2.platform,
    mode: c2.mode,
    roles: [connect.role],
    scopes: [...connect.scopes],
    reason: "connect"
  };
  if (!conn.isLocal) entry.ip = conn.clientIp;
  if (c2.deviceFamily !== void 0) entry.deviceFamily = c2.deviceFamily;
  if (c2.modelIdentifier !== void 0) entry.modelIdentifier = c2.modelIdentifier;
  if (connect.deviceId !== null) entry.deviceId = connect.deviceId;
  const instanceId = connect.deviceId ?? c2.instanceId;
  if (instanceId !== void 0) entry.instanceId = instanceId;
  return entry;
}
function selfPresence(options) {
  const text5 = `Gateway: ${options.host} \xB7 app ${options.version} \xB7 mode gateway \xB7 reason self`;
  const entry = { host: options.host, version: options.version, mode: "gateway", reason: "self", text: text5, ts: options.nowMs };
  return [options.host.toLowerCase(), entry];
}
function listPresence(store, self, nowMs) {
  for (const [key, entry] of store) if (nowMs - entry.ts > presenceTtlMs) store.delete(key);
  if (store.size > presenceEntriesMax) {
    const oldest = [...store.entries()].sort((a, b) => a[1].ts - b[1].ts || (a[0] < b[0] ? -1 : 1));
    for (const [key] of oldest.slice(0, store.size - presenceEntriesMax)) store.delete(key);
  }
  const [selfKey, selfEntry] = selfPresence({ ...self, nowMs });
  const existing = store.get(selfKey);
  store.set(selfKey, existing ? { ...existing, ts: nowMs } : selfEntry);
  return [...store.values()].sort((a, b) => b.ts - a.ts);
}

// src/gateway/read-methods.ts
var configRedactedSentinel = "__OPENCLAW_REDACTED__";
var readMethods = ["chat.history", "system-presence", "config.get"];
function handleReadMethod(state, conn, id, method, params4, ctx) {
  const invalid = methodParamsError(method, params4);
  if (invalid) return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: invalid })];
  switch (method) {
    case "chat.history":
      return [resOk(conn.connId, id, chatHistory(params4))];
    case "system-presence":
      return [resOk(conn.connId, id, listPresence(state.presence, selfOf(state), ctx.nowMs))];
    case "config.get":
      return [resOk(conn.connId, id, configSnapshot(state.config))];
    default:
      return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: `unknown method: ${method}` })];
  }
}
function selfOf(state) {
  return { host: state.config.hostName ?? "gateway", version: state.config.version };
}
function chatHistory(params4) {
  const limit = typeof params4["limit"] === "number" ? params4["limit"] : CHAT_HISTORY_LIMIT_DEFAULT;
  return { sessionKey: params4["sessionKey"], messages: [], limit, thinkingLevel: "off" };
}
var redact = (value) => value === void 0 ? void 0 : configRedactedSentinel;
function redactedGatewayConfig(config) {
  const auth = { mode: config.auth.mode, allowTailscale: config.auth.allowTailscale };
  if (config.auth.token !== void 0) auth["token"] = redact(config.auth.token);
  if (config.auth.password !== void 0) auth["password"] = redact(config.auth.password);
  if (config.auth.rateLimit) auth["rateLimit"] = { ...config.auth.rateLimit };
  if (config.auth.trustedProxy) auth["trustedProxy"] = structuredClone(config.auth.trustedProxy);
  const gateway = { auth, controlUi: { ...config.controlUi } };
  if (config.trustedProxies.length > 0) gateway["trustedProxies"] = [...config.trustedProxies];
  if (config.allowRealIpFallback) gateway["allowRealIpFallback"] = true;
  if (config.nodes?.pairing?.autoApproveLocal !== void 0) gateway["nodes"] = { pairing: { ...config.nodes.pairing } };
  return gateway;
}
function configSnapshot(config) {
  const redacted = { gateway: redactedGatewayConfig(config) };
  return { path: config.configPath, exists: true, valid: true, config: redacted, issues: [], warnings: [], legacyIssues: [] };
}

// src/gateway/cron.ts
var cronJobsMax = 1e3;
function emptyCronStore() {
  return { jobs: /* @__PURE__ */ new Map(), runs: /* @__PURE__ */ new Map() };
}
var cronMethods = ["cron.list", "cron.status", "cron.add", "cron.update", "cron.remove", "cron.run", "cron.runs"];
function handleCronMethod(state, conn, id, method, params4, ctx) {
  const bad = (message) => [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message })];
  const invalid = methodParamsError(method, params4);
  if (invalid) return bad(invalid);
  const store = state.cron;
  const jobId2 = typeof params4["id"] === "string" ? params4["id"] : typeof params4["jobId"] === "string" ? params4["jobId"] : void 0;
  switch (method) {
    case "cron.list": {
      const all = [...store.jobs.values()];
      return [resOk(conn.connId, id, { jobs: params4["includeDisabled"] === true ? all : all.filter((j) => j.enabled) })];
    }
    case "cron.status":
      return [resOk(conn.connId, id, { enabled: true, storePath: `${state.config.stateDir}/cron/jobs.json`, jobs: store.jobs.size, nextWakeAtMs: null })];
    case "cron.add":
      return add(state, params4, ctx, (payload) => [resOk(conn.connId, id, payload)], bad);
    default:
      break;
  }
  if (!jobId2) return bad(`invalid ${method} params: missing id`);
  const job = store.jobs.get(jobId2);
  switch (method) {
    case "cron.update":
      if (!job) return bad(`unknown cron job id: ${jobId2}`);
      Object.assign(job, pickPatch(params4["patch"]), { updatedAtMs: ctx.nowMs });
      return [resOk(conn.connId, id, job)];
    case "cron.remove":
      return [resOk(conn.connId, id, { ok: true, removed: store.jobs.delete(jobId2) })];
    case "cron.run":
      return [resOk(conn.connId, id, run(store, jobId2, job, params4["mode"] === "due" ? "due" : "force", ctx.nowMs))];
    case "cron.runs":
      return [resOk(conn.connId, id, { entries: [...store.runs.get(jobId2) ?? []] })];
    default:
      return bad(`unknown method: ${method}`);
  }
}
function add(state, params4, ctx, ok, bad) {
  if (state.cron.jobs.size >= cronJobsMax) return bad("cron job limit reached");
  const job = {
    id: `job-${ctx.prng.nextU32().toString(16).padStart(8, "0")}`,
    name: params4["name"],
    enabled: params4["enabled"] !== false,
    schedule: { ...params4["schedule"] },
    createdAtMs: ctx.nowMs,
    updatedAtMs: ctx.nowMs
  };
  state.cron.jobs.set(job.id, job);
  return ok(job);
}
function pickPatch(patch) {
  const out = {};
  if (typeof patch["name"] === "string") out.name = patch["name"];
  if (typeof patch["enabled"] === "boolean") out.enabled = patch["enabled"];
  if (patch["schedule"] !== null && typeof patch["schedule"] === "object") out.schedule = { ...patch["schedule"] };
  return out;
}
function run(store, jobId2, job, mode, nowMs) {
  if (!job) return { ok: true, ran: false, reason: "not-found" };
  if (mode === "due") return { ok: true, ran: false, reason: "not-due" };
  const runs2 = store.runs.get(jobId2) ?? [];
  runs2.push({ ts: nowMs, status: "skipped" });
  store.runs.set(jobId2, runs2.slice(-cronJobsMax));
  return { ok: true, ran: true };
}

// src/gateway/node-pairing.ts
function emptyNodePairingStore() {
  return { pending: /* @__PURE__ */ new Map(), paired: /* @__PURE__ */ new Map() };
}
var nodePendingTtlMs = 5 * 6e4;
function sameCommands(a, b) {
  return a.length === b.length && a.every((c2, i) => c2 === b[i]);
}
function pruneNodePending(store, nowMs) {
  for (const [id, request] of store.pending) if (nowMs - request.ts > nodePendingTtlMs) store.pending.delete(id);
}
function requestNodePairing(store, input, nowMs, nextId) {
  pruneNodePending(store, nowMs);
  const existing = [...store.pending.values()].find((p) => p.nodeId === input.nodeId);
  if (existing && sameCommands(existing.commands, input.commands)) {
    const refreshed = { ...existing, ts: nowMs };
    store.pending.set(existing.requestId, refreshed);
    return { request: refreshed, created: false };
  }
  if (existing) store.pending.delete(existing.requestId);
  const request = { ...definedOnly(input), nodeId: input.nodeId, commands: [...input.commands], requestId: nextId(), ts: nowMs };
  store.pending.set(request.requestId, request);
  return { request, created: true };
}
function approveNodePairing(store, requestId, nowMs) {
  pruneNodePending(store, nowMs);
  const pending = store.pending.get(requestId);
  if (!pending) return null;
  store.pending.delete(requestId);
  const existing = store.paired.get(pending.nodeId);
  const node = {
    nodeId: pending.nodeId,
    commands: [...pending.commands],
    ...pending.platform !== void 0 ? { platform: pending.platform } : {},
    ...pending.displayName !== void 0 ? { displayName: pending.displayName } : {},
    createdAtMs: existing?.createdAtMs ?? nowMs,
    approvedAtMs: nowMs
  };
  store.paired.set(node.nodeId, node);
  return node;
}
function rejectNodePairing(store, requestId, nowMs) {
  pruneNodePending(store, nowMs);
  const pending = store.pending.get(requestId);
  if (!pending) return null;
  store.pending.delete(requestId);
  return pending;
}
function listNodePairing(store, nowMs) {
  pruneNodePending(store, nowMs);
  return { pending: [...store.pending.values()], paired: [...store.paired.values()] };
}
function declaredCommands(params4) {
  const declared = Array.isArray(params4.commands) ? params4.commands : [];
  return [...new Set(declared.map((c2) => c2.trim()).filter((c2) => c2.length > 0))];
}
function reconcileNodeOnConnect(options) {
  const mode = options.switches.nodePairingOnConnect;
  if (mode === "none") return null;
  const { params: params4 } = options;
  const nodeId = params4.device?.id ?? params4.client.id;
  const declared = declaredCommands(params4);
  const input = {
    nodeId,
    commands: declared,
    ...params4.client.platform !== void 0 ? { platform: params4.client.platform } : {},
    ...params4.client.displayName !== void 0 ? { displayName: params4.client.displayName } : {},
    ...options.remoteIp !== void 0 ? { remoteIp: options.remoteIp } : {}
  };
  const paired = options.store.paired.get(nodeId);
  if (!paired) {
    const pending = options.request(input, true);
    return { nodeId, effectiveCommands: mode === "pending-keeps-declared" ? declared : [], pending };
  }
  const approved = paired.commands;
  const upgrade2 = declared.some((c2) => !approved.includes(c2));
  const effectiveCommands = mode === "pending-keeps-declared" && upgrade2 ? [...approved] : declared.filter((c2) => approved.includes(c2));
  if (!upgrade2) return { nodeId, effectiveCommands };
  return { nodeId, effectiveCommands, pending: options.request(input, false) };
}
function nodeRequestId(prng) {
  return () => uuidV4(prng);
}

// src/gateway/node-methods.ts
var nodePairingMethods = ["node.pair.request", "node.pair.list", "node.pair.approve", "node.pair.reject", "node.list"];
function text3(params4, key) {
  const v = params4[key];
  return typeof v === "string" && v.trim() ? v.trim() : void 0;
}
function handleNodePairingMethod(state, conn, id, method, params4, ctx) {
  const bad = (message) => [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message })];
  const store = state.nodes;
  switch (method) {
    case "node.pair.list":
      return [resOk(conn.connId, id, listNodePairing(store, ctx.nowMs))];
    case "node.pair.request": {
      const nodeId = text3(params4, "nodeId");
      if (!nodeId) return bad("invalid node.pair.request params: must have required property 'nodeId'");
      const commands = Array.isArray(params4["commands"]) ? params4["commands"].filter((c2) => typeof c2 === "string") : [];
      const platform = text3(params4, "platform");
      const { request, created } = requestNodePairing(store, { nodeId, commands, ...platform ? { platform } : {} }, ctx.nowMs, nodeRequestId(ctx.prng));
      const broadcast = created ? broadcastToPairingOperators(state, "node.pair.requested", request) : [];
      return [...broadcast, resOk(conn.connId, id, { status: "pending", request, created })];
    }
    case "node.pair.approve": {
      const requestId = text3(params4, "requestId");
      if (!requestId) return bad("invalid node.pair.approve params: must have required property 'requestId'");
      const node = approveNodePairing(store, requestId, ctx.nowMs);
      if (!node) return bad("unknown requestId");
      const resolved = broadcastToPairingOperators(state, "node.pair.resolved", { requestId, nodeId: node.nodeId, decision: "approved", ts: ctx.nowMs });
      return [...resolved, resOk(conn.connId, id, { requestId, node }), log("node.pair.approved", { nodeId: node.nodeId, requestId })];
    }
    case "node.pair.reject": {
      const requestId = text3(params4, "requestId");
      if (!requestId) return bad("invalid node.pair.reject params: must have required property 'requestId'");
      const pending = rejectNodePairing(store, requestId, ctx.nowMs);
      if (!pending) return bad("unknown requestId");
      const resolved = broadcastToPairingOperators(state, "node.pair.resolved", { requestId, nodeId: pending.nodeId, decision: "rejected", ts: ctx.nowMs });
      return [...resolved, resOk(conn.connId, id, { requestId, nodeId: pending.nodeId }), log("node.pair.rejected", { nodeId: pending.nodeId, requestId })];
    }
    case "node.list":
      return [resOk(conn.connId, id, { ts: ctx.nowMs, nodes: knownNodes(state) })];
    default:
      return bad(`unknown method: ${method}`);
  }
}
function knownNodes(state) {
  const nodes = /* @__PURE__ */ new Map();
  for (const node of state.nodes.paired.values()) nodes.set(node.nodeId, { nodeId: node.nodeId, paired: true, connected: false, commands: [...node.commands] });
  for (const conn of state.conns.values()) {
    const session = conn.session;
    if (conn.phase !== "connected" || session?.role !== "node") continue;
    const nodeId = session.node?.nodeId ?? session.deviceId ?? session.clientId;
    const entry = nodes.get(nodeId) ?? { nodeId, paired: false, connected: false, commands: [] };
    entry.connected = true;
    if (session.node) entry.commands = [...session.node.commands];
    nodes.set(nodeId, entry);
  }
  return [...nodes.values()];
}

// src/gateway/methods.ts
var gatewayMethods = Object.freeze([
  "health",
  "status",
  "chat.send",
  "chat.abort",
  "device.pair.list",
  "device.pair.approve",
  "device.pair.reject",
  "device.pair.remove",
  "device.token.rotate",
  "device.token.revoke",
  "node.event"
]);
var servedMethods = [...gatewayMethods, ...readMethods, ...cronMethods, ...nodePairingMethods];
var gatewayEvents = Object.freeze(["connect.challenge", "tick", "shutdown", "device.pair.requested", "device.pair.resolved"]);
function handleRequest(state, conn, id, method, params4, ctx) {
  const session = conn.session;
  if (!servedMethods.includes(method)) {
    return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: `unknown method: ${method}` })];
  }
  const overrides = {
    "config.get": state.switches.configGetScope,
    ...state.switches.healthNeedsReadScope ? { health: "operator.read" } : {},
    ...state.switches.devicePairRemove ? {} : { "device.pair.remove": "operator.admin" }
  };
  const decision = methodScopeDecision(method, session.role, session.scopes, overrides);
  if (!decision.ok && !ownDeviceException(state, session, method, params4)) return refuseCall(state, conn, id, decision);
  switch (method) {
    case "health":
      return [resOk(conn.connId, id, { ok: true, ts: ctx.nowMs })];
    case "status":
      return [resOk(conn.connId, id, { ok: true, connections: countConnected(state), paired: Object.keys(state.store.paired).length })];
    case "chat.send":
      if (state.switches.chatSendNeedsSessionKey && typeof params4["sessionKey"] !== "string") {
        return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: "session mutation target is unavailable", details: { code: "SESSION_MUTATION_TARGET_REQUIRED", method: "chat.send" } })];
      }
      {
        const invalid = methodParamsError("chat.send", params4);
        if (invalid) return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: invalid })];
      }
      return [resOk(conn.connId, id, { ok: true, messageId: `m-${ctx.prng.nextU32().toString(16)}` })];
    case "chat.abort":
      if (typeof params4["sessionKey"] !== "string") {
        return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: "invalid chat.abort params: must have required property 'sessionKey'" })];
      }
      return [resOk(conn.connId, id, { ok: true, aborted: false })];
    case "node.event":
      return [resOk(conn.connId, id, { ok: true })];
    case "chat.history":
    case "system-presence":
    case "config.get":
      return handleReadMethod(state, conn, id, method, params4, ctx);
    default:
      if (method.startsWith("cron.")) return handleCronMethod(state, conn, id, method, params4, ctx);
      if (nodePairingMethods.includes(method)) return handleNodePairingMethod(state, conn, id, method, params4, ctx);
      return deviceMethod(state, conn, id, method, params4, ctx);
  }
}
function refuseCall(state, conn, id, decision) {
  const session = conn.session;
  session.unauthorizedCalls++;
  const error = methodDenialError(decision, { missingScopeStyle: state.switches.missingScopeAnswer });
  const outputs = [resError(conn.connId, id, error)];
  const floodMax = state.switches.unauthorizedFloodMax;
  if (floodMax !== null && session.unauthorizedCalls >= floodMax) outputs.push(close(conn.connId, 1008, "repeated unauthorized calls"));
  return outputs;
}
function ownDeviceException(state, session, method, params4) {
  if (!state.switches.deviceOwnershipRule) return false;
  if (method !== "device.token.rotate" && method !== "device.token.revoke") return false;
  return session.deviceId !== null && params4["deviceId"] === session.deviceId && session.role === "operator";
}
function countConnected(state) {
  let n = 0;
  for (const c2 of state.conns.values()) if (c2.phase === "connected") n++;
  return n;
}
function str(params4, key) {
  const v = params4[key];
  return typeof v === "string" && v.trim() ? v : void 0;
}
function deviceMethod(state, conn, id, method, params4, ctx) {
  const bad = (message) => [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message })];
  const persist = () => ({ kind: "persist", store: persistPairingStore(state.store) });
  switch (method) {
    case "device.pair.list":
      return [resOk(conn.connId, id, listDevices(state))];
    case "device.pair.approve": {
      const requestId = str(params4, "requestId");
      const pendingRequest = requestId ? state.store.pending[requestId] : void 0;
      const refusal = !pendingRequest ? null : state.switches.approvalScopeChecks ? pairingApprovalRefusal(pendingRequest, state.store.paired[pendingRequest.deviceId], conn.session?.scopes ?? [], state.switches.approvalChecksHeldTokenScopes) : state.switches.approvalCallerScopesUnderPendingRole ? pendingRoleApprovalRefusal(pendingRequest, conn.session?.scopes ?? []) : null;
      if (refusal) return bad(pairingApprovalRefusalMessage(refusal));
      const device = requestId ? approveDevicePairing(state.store, requestId, ctx.nowMs, ctx.prng, approvalTokenOptions(state.switches)) : null;
      if (!device || !requestId) return bad("unknown requestId");
      const resolved = broadcastToPairingOperators(state, "device.pair.resolved", { requestId, deviceId: device.deviceId, decision: "approved", ts: ctx.nowMs });
      return [persist(), resOk(conn.connId, id, { requestId, device: redact2(device) }), ...resolved];
    }
    case "device.pair.reject": {
      const requestId = str(params4, "requestId");
      const pending = requestId ? rejectDevicePairing(state.store, requestId) : null;
      if (!pending || !requestId) return bad("unknown requestId");
      const resolved = broadcastToPairingOperators(state, "device.pair.resolved", { requestId, deviceId: pending.deviceId, decision: "rejected", ts: ctx.nowMs });
      return [persist(), resOk(conn.connId, id, { requestId, deviceId: pending.deviceId }), ...resolved];
    }
    case "device.pair.remove": {
      if (!state.switches.devicePairRemove) return bad(`unknown method: ${method}`);
      const deviceId = str(params4, "deviceId");
      if (!deviceId || !removePairedDevice(state.store, deviceId, { dropPending: state.switches.removeDropsPending })) return bad("unknown deviceId");
      return [persist(), resOk(conn.connId, id, { deviceId }), ...disconnectDevice(state, deviceId, void 0)];
    }
    case "device.token.rotate":
      return rotate(state, conn, id, params4, ctx);
    case "device.token.revoke": {
      const deviceId = str(params4, "deviceId");
      const role = str(params4, "role") ?? "operator";
      const entry = deviceId ? revokeDeviceToken(state.store, { deviceId, role, nowMs: ctx.nowMs, removeRole: state.switches.revokeRemovesRole }) : null;
      if (!entry || !deviceId) return bad("unknown device token");
      const closes = state.switches.revokeClosesSessions ? disconnectDevice(state, deviceId, role) : [];
      return [persist(), resOk(conn.connId, id, { deviceId, role, revokedAtMs: entry.revokedAtMs }), ...closes];
    }
    default:
      return bad(`unknown method: ${method}`);
  }
}
function rotate(state, conn, id, params4, ctx) {
  const session = conn.session;
  const deviceId = str(params4, "deviceId");
  const role = str(params4, "role") ?? "operator";
  const scopes = Array.isArray(params4["scopes"]) ? params4["scopes"].filter((s) => typeof s === "string") : void 0;
  const denied = () => [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: "device token rotation denied" })];
  if (!deviceId) return denied();
  if (state.switches.rotateBoundedByCaller && scopes && !roleScopesAllow(role, scopes, session.scopes, state.switches.roleScopePrefix)) return denied();
  const entry = rotateDeviceToken(state.store, { deviceId, role, scopes, nowMs: ctx.nowMs, prng: ctx.prng, impliedScopes: state.switches.impliedTokenScopes, needsApprovedRole: state.switches.deviceTokenNeedsApprovedRole, revokedRoleStaysApproved: state.switches.revokedRoleStaysApproved, emptyApprovalNoBaseline: state.switches.emptyApprovalNoBaseline, rolePrefix: state.switches.roleScopePrefix });
  if (!entry) return denied();
  const self = session.deviceId === deviceId;
  const inBand = !state.switches.deviceOwnershipRule || self;
  const payload = { deviceId, role, scopes: entry.scopes, rotatedAtMs: entry.rotatedAtMs };
  if (inBand) payload["token"] = entry.token;
  if (state.switches.deviceOwnershipRule) payload["tokenDelivery"] = self ? "in-band" : "withheld-cross-device";
  const closes = state.switches.rotateClosesSessions ? disconnectDevice(state, deviceId, role) : [];
  return [{ kind: "persist", store: persistPairingStore(state.store) }, resOk(conn.connId, id, payload), ...closes, log("device.token.rotated", { deviceId, role })];
}
function disconnectDevice(state, deviceId, role) {
  const outputs = [];
  for (const c2 of state.conns.values()) {
    if (c2.phase !== "connected" || c2.session?.deviceId !== deviceId) continue;
    if (role && c2.session.role !== role) continue;
    outputs.push(close(c2.connId, 4001, "device removed"));
  }
  return outputs;
}
function redact2(device) {
  const { tokens, ...rest } = device;
  const summary = Object.values(tokens ?? {}).map((t) => ({ role: t.role, scopes: t.scopes, createdAtMs: t.createdAtMs, rotatedAtMs: t.rotatedAtMs, revokedAtMs: t.revokedAtMs }));
  return { ...rest, tokens: summary };
}
function listDevices(state) {
  const connected = /* @__PURE__ */ new Set();
  for (const c2 of state.conns.values()) if (c2.phase === "connected" && c2.session?.deviceId) connected.add(c2.session.deviceId);
  return {
    pending: Object.values(state.store.pending),
    paired: Object.values(state.store.paired).map((d) => ({ ...redact2(d), connected: connected.has(d.deviceId) }))
  };
}

// src/gateway/hello.ts
var maxPayloadBytes = 25 * 1024 * 1024;
var maxBufferedBytes = 50 * 1024 * 1024;
function helloOk(state, conn, ctx, f, token, handoffTokens = []) {
  const sw = state.switches;
  conn.phase = "connected";
  const presenceConnect = { client: f.params.client, role: f.role, scopes: f.scopes, deviceId: f.device?.id ?? null };
  const presenceKey = presenceKeyFor(presenceConnect, conn.connId);
  if (presenceKey) upsertPresence(state.presence, presenceKey, presenceAtConnect(presenceConnect, conn), ctx.nowMs);
  conn.session = {
    role: f.role,
    scopes: f.scopes,
    clientId: f.params.client.id,
    clientMode: f.params.client.mode,
    deviceId: f.device?.id ?? null,
    authMethod: f.authMethod,
    // A session let in by a device token that names the shared auth's generation (2026.9, deviceTokenIssuer) is a
    // shared-auth session too: a change of the shared secret closes it (seen live: a Control UI tab on its stored
    // device token got 4001 "gateway auth changed" together with the tab on the token).
    usesSharedGatewayAuth: f.authMethod === "token" || f.authMethod === "password" || f.deviceTokenGeneration !== void 0,
    unauthorizedCalls: 0,
    presenceKey
  };
  let auth;
  if (sw.helloAuthAlways) auth = sw.helloAuthMethod ? { method: f.authMethod, role: f.role, scopes: f.scopes } : { role: f.role, scopes: f.scopes };
  if (token) {
    const issued = { deviceToken: token.token, issuedAtMs: token.rotatedAtMs ?? token.createdAtMs };
    if (auth) {
      if (sw.helloAuthTokenScopes) auth["scopes"] = token.scopes;
      auth["deviceToken"] = issued.deviceToken;
      auth["issuedAtMs"] = issued.issuedAtMs;
    } else auth = { ...issued, role: token.role, scopes: token.scopes };
    if (handoffTokens.length > 0) {
      auth["deviceTokens"] = handoffTokens.map((t) => ({ deviceToken: t.token, role: t.role, scopes: t.scopes, issuedAtMs: t.rotatedAtMs ?? t.createdAtMs }));
    }
  }
  const payload = {
    protocol: sw.protocolVersion,
    server: { version: state.config.version, connId: conn.connId },
    snapshot: {
      presence: [],
      health: { ok: true },
      stateVersion: { presence: 0, health: 0 },
      uptimeMs: ctx.nowMs - state.startedAtMs,
      configPath: state.config.configPath,
      stateDir: state.config.stateDir
    },
    policy: { maxPayload: maxPayloadBytes, maxBufferedBytes, tickIntervalMs: sw.tickIntervalMs },
    ...auth ? { auth } : {}
  };
  return [
    { kind: "timer-cancel", key: `handshake:${conn.connId}` },
    { kind: "send", connId: conn.connId, text: helloOkResponseText(f.requestId, payload) },
    { kind: "set-max-payload", connId: conn.connId, bytes: maxPayloadBytes },
    log("connect.hello", { connId: conn.connId, role: f.role, scopes: f.scopes, method: f.authMethod, deviceId: f.device?.id ?? null, clientId: f.params.client.id, isLocal: conn.isLocal, clientIp: conn.clientIp })
  ];
}
var featuresJson;
function helloOkResponseText(requestId, payload) {
  featuresJson ??= JSON.stringify({ methods: gatewayMethods, events: gatewayEvents });
  return [
    '{"type":"res","id":',
    JSON.stringify(requestId),
    ',"ok":true,"payload":{"type":"hello-ok","protocol":',
    JSON.stringify(payload.protocol),
    ',"server":',
    JSON.stringify(payload.server),
    ',"features":',
    featuresJson,
    ',"snapshot":',
    JSON.stringify(payload.snapshot),
    ',"policy":',
    JSON.stringify(payload.policy),
    payload.auth === void 0 ? "" : ',"auth":',
    payload.auth === void 0 ? "" : JSON.stringify(payload.auth),
    "}}"
  ].join("");
}

// src/gateway/unauthorized.ts
function unauthorizedAnswer(options) {
  const { switches, params: params4, reason } = options;
  const auth = params4.auth ?? {};
  const clientKind2 = authClientKindFor(switches, options.cls, params4.client.id);
  const message = authFailureMessage({
    reason,
    remote: options.remote,
    authMode: options.authMode,
    clientKind: clientKind2,
    provided: { token: Boolean(auth.token), password: Boolean(auth.password), deviceToken: Boolean(auth.deviceToken), bootstrapToken: Boolean(auth.bootstrapToken) },
    style: switches.authMessageStyle,
    uiClient: options.cls.isControlUi || options.cls.isTui || options.cls.isWebchat || params4.client.id === "openclaw-browser-copilot"
  });
  const error = { code: ErrorCodes.INVALID_REQUEST, message };
  if (options.retryAfterMs !== void 0) {
    error.retryable = true;
    error.retryAfterMs = options.retryAfterMs;
  }
  if (switches.detailCodes) {
    const details = { code: authDetailCode(reason), authReason: reason };
    if (switches.recoveryHints) {
      const hints = recoveryHints({
        reason,
        devicePresented: options.devicePresented,
        authProvided: resolveAuthProvided(auth),
        explicitDeviceToken: Boolean(auth.deviceToken)
      });
      details["canRetryWithDeviceToken"] = hints.canRetryWithDeviceToken;
      details["recommendedNextStep"] = hints.recommendedNextStep;
    }
    error.details = details;
  }
  return refuse(options.connId, options.requestId, error);
}
function authClientKindFor(switches, cls, clientId) {
  if (cls.isCli) return "cli";
  if (switches.authMessageStyle === "2026.9") {
    return cls.isControlUi || cls.isTui || cls.isWebchat || clientId === "openclaw-browser-copilot" ? "control-ui" : "other";
  }
  return cls.isControlUi || cls.isWebchat ? "control-ui" : "other";
}

// src/gateway/connect.ts
function handleConnect(state, conn, req, ctx) {
  const sw = state.switches;
  const validated = validateConnectParams(req.params, { schemaEra: sw.connectSchema, deviceNonceOptional: sw.deviceNonceSchemaOptional });
  if (!validated.ok) {
    const message = `invalid connect params: ${validated.message}`;
    return [...refuse(conn.connId, req.id, { code: ErrorCodes.INVALID_REQUEST, message }), log("connect.invalid-params", { connId: conn.connId })];
  }
  const params4 = validated.params;
  if (!state.ready) return startingAnswer(conn, req.id);
  const v = sw.protocolVersion;
  if ((params4.maxProtocol < v || params4.minProtocol > v) && !admittedBelow(state, params4)) return protocolMismatch(state, conn, req.id, params4);
  const role = params4.role ?? "operator";
  if (role !== "operator" && role !== "node") {
    return refuse(conn.connId, req.id, { code: ErrorCodes.INVALID_REQUEST, message: "invalid role" });
  }
  const scopes = Array.isArray(params4.scopes) ? [...params4.scopes] : [];
  if (sw.browserCopilotClass) {
    const copilotRefusal = browserCopilotRefusal(conn.connId, req.id, params4.client, params4.caps, conn.headers["origin"]);
    if (copilotRefusal) return copilotRefusal;
  }
  const cls = classifyClient(sw, params4.client);
  const origin = conn.headers["origin"];
  const originRefusal = checkOrigin(state, conn, req.id, cls, origin);
  if (originRefusal) return originRefusal;
  const allowBypass = cls.isControlUi && state.config.controlUi.dangerouslyDisableDeviceAuth;
  const device = allowBypass ? null : params4.device ?? null;
  const facts = primaryAuth(state, conn, ctx, { params: params4, requestId: req.id, role, scopes, cls, hasOrigin: origin !== void 0, allowBypass, device });
  return afterPrimaryAuth(state, conn, ctx, facts);
}
function afterPrimaryAuth(state, conn, ctx, f) {
  const sw = state.switches;
  const allowInsecureAuth = f.cls.isControlUi && state.config.controlUi.allowInsecureAuth && !sw.allowInsecureAuthRetired;
  const decision = evaluateMissingDevice(sw, {
    devicePresent: f.device !== null,
    cls: f.cls,
    role: f.role,
    isLocal: conn.isLocal,
    allowInsecureAuth,
    allowBypass: f.allowBypass,
    trustedProxyAuthOk: f.trustedProxyAuthOk,
    anyTrustedProxyOk: f.authOk && f.authMethod === "trusted-proxy",
    authOk: f.authOk,
    sharedAuthOk: f.sharedAuthOk,
    hasSharedAuth: Boolean(f.params.auth?.token || f.params.auth?.password),
    localBackendSelfPairingOk: sw.localBackendSkipsDeviceIdentity && localBackendSelfPairing(sw, { cls: f.cls, authMethod: f.authMethod, sharedAuthOk: f.sharedAuthOk, isLocal: localClient(state, conn), hasOrigin: f.hasOrigin })
  });
  switch (decision) {
    case "reject-control-ui-insecure-auth":
      return refuse(conn.connId, f.requestId, coded(state, ErrorCodes.INVALID_REQUEST, sw.controlUiInsecureMessage === "https-or-localhost" ? CloseReasons.CONTROL_UI_SECURE_CONTEXT_REQUIRED : CloseReasons.CONTROL_UI_DEVICE_IDENTITY_REQUIRED, ConnectErrorDetailCodes.CONTROL_UI_DEVICE_IDENTITY_REQUIRED));
    case "reject-unauthorized":
      return unauthorized(state, conn, ctx, f);
    case "reject-device-required":
      return refuse(conn.connId, f.requestId, coded(state, ErrorCodes.NOT_PAIRED, "device identity required", ConnectErrorDetailCodes.DEVICE_IDENTITY_REQUIRED));
    case "allow":
      break;
  }
  if (clearsUnboundScopes(sw, { devicePresent: f.device !== null, allowBypass: f.allowBypass, cls: f.cls, clientId: f.params.client.id, clientMode: f.params.client.mode, isLocal: conn.isLocal, allowInsecureAuth, authMethod: f.authMethod, hasOrigin: f.hasOrigin, sharedAuthOk: f.sharedAuthOk })) {
    f.scopes = [];
  }
  let publicKey = null;
  if (f.device) {
    const proof = verifyDeviceProof({ switches: sw, params: f.params, role: f.role, scopes: f.scopes, connectNonce: conn.connectNonce, isLocal: conn.isLocal, nowMs: ctx.nowMs });
    if (!proof.ok) {
      settleSharedCharge(state, conn, ctx, f);
      const message = deviceAuthMessage(proof.reason);
      const error = { code: ErrorCodes.INVALID_REQUEST, message };
      if (sw.detailCodes) error.details = { code: sw.detailCodeSet === "early" ? ConnectErrorDetailCodes.DEVICE_AUTH_INVALID : deviceAuthDetailCode(proof.reason), reason: proof.reason };
      return [...refuse(conn.connId, f.requestId, error), log("connect.device-auth-invalid", { connId: conn.connId, reason: proof.reason })];
    }
    publicKey = proof.publicKey;
    const bootstrapFailed = sw.setupCodeCredential === "bootstrap-token" && bootstrapAuth(state, conn, ctx, f, publicKey);
    if (!f.authOk) deviceTokenFallback(state, conn, ctx, f);
    if (f.authOk) f.sharedChargePending = false;
    else settleSharedCharge(state, conn, ctx, f);
    if (bootstrapFailed && !f.authOk && sw.bootstrapLimiter) {
      const limiter = limiterFor(state, conn, f.hasOrigin);
      limiterRecordFailure(limiter.state, "bootstrap-token", limiter.key, ctx.nowMs);
    }
  }
  if (!f.authOk) return unauthorized(state, conn, ctx, f);
  if (f.authMethod === "token" || f.authMethod === "password") clearFailures(state.failedAuth, conn.clientIp);
  if (sw.nodeHostMetadataNormalization) f = { ...f, params: { ...f.params, client: normalizeNodeHostMetadata(f.params.client) } };
  return pairDevice(state, conn, ctx, f, publicKey, (deviceToken, handoff) => {
    const refused = controlUiBuild(state, conn, f.requestId, f.cls, f.params);
    if (refused) return refused;
    const node = f.role === "node" ? nodePairingAtConnect(state, conn, ctx, f) : void 0;
    if (node?.refused) return node.refused;
    if (f.role === "node" && state.switches.nodeRequiresDeviceToken && (!f.device || !deviceToken)) {
      const message = "authenticated node pairing identity unavailable";
      return [...node?.outputs ?? [], ...refuse(conn.connId, f.requestId, { code: ErrorCodes.NOT_PAIRED, message }), log("connect.node-identity-unavailable", { connId: conn.connId })];
    }
    const hello = helloOk(state, conn, ctx, f, deviceToken, handoff.tokens);
    const nodeSession = node?.session;
    if (nodeSession && conn.session) conn.session.node = nodeSession;
    const nodeLog = nodeSession ? [log("node.session", { connId: conn.connId, nodeId: nodeSession.nodeId, commands: [...nodeSession.commands] })] : [];
    const after = afterBootstrapHello(state, ctx, f, handoff.profile !== null);
    if ((node?.outputs ?? []).length === 0 && nodeLog.length === 0 && after.length === 0) return hello;
    return [...node?.outputs ?? [], ...nodeLog, ...hello, ...after];
  });
}
function nodePairingAtConnect(state, conn, ctx, f) {
  const limiter = limiterFor(state, conn, f.hasOrigin);
  const nodeId = f.params.device?.id ?? f.params.client.id;
  if (state.switches.nodePairingOnConnect !== "none" && state.switches.nodePairingLimiter && !state.nodes.paired.has(nodeId)) {
    const verdict = limiterCheck(limiter.state, "node-pairing", limiter.key, ctx.nowMs);
    if (!verdict.allowed) {
      f.authReason = "rate_limited";
      f.retryAfterMs = verdict.retryAfterMs;
      return { refused: [...unauthorized(state, conn, ctx, f), log("connect.node-pairing-rate-limited", { connId: conn.connId, nodeId })] };
    }
  }
  if (state.switches.nodePairingOnConnect !== "none" && state.switches.nodePairingNeedsPairedDevice && !state.store.paired[nodeId]) {
    return { refused: [close(conn.connId, 1e3, ""), log("connect.node-pairing-no-paired-device", { connId: conn.connId, nodeId })] };
  }
  const reconciled = reconcileNodeOnConnect({
    switches: state.switches,
    store: state.nodes,
    params: f.params,
    remoteIp: conn.isLocal ? void 0 : conn.clientIp,
    request: (input, firstTime) => {
      const filed = requestNodePairing(state.nodes, input, ctx.nowMs, nodeRequestId(ctx.prng));
      if (firstTime && state.switches.nodePairingLimiter) limiterRecordFailure(limiter.state, "node-pairing", limiter.key, ctx.nowMs);
      return filed;
    }
  });
  if (!reconciled) return {};
  const outputs = [];
  if (reconciled.pending) {
    const { request, created } = reconciled.pending;
    outputs.push(log("node.pair.request", { connId: conn.connId, nodeId: reconciled.nodeId, requestId: request.requestId, created }));
    if (created) outputs.push(...broadcastToPairingOperators(state, "node.pair.requested", request));
  }
  return { outputs, session: { nodeId: reconciled.nodeId, commands: reconciled.effectiveCommands } };
}
function bootstrapAuth(state, conn, ctx, f, publicKey) {
  const token = f.params.auth?.bootstrapToken?.trim();
  if (!token || !f.device) return false;
  const limiter = limiterFor(state, conn, f.hasOrigin);
  if (state.switches.bootstrapLimiter) {
    const verdict2 = limiterCheck(limiter.state, "bootstrap-token", limiter.key, ctx.nowMs);
    if (!verdict2.allowed) {
      if (!f.authOk) {
        f.authReason = "rate_limited";
        f.retryAfterMs = verdict2.retryAfterMs;
      }
      return false;
    }
  }
  const verdict = verifyBootstrapToken(state.bootstrap, { token, deviceId: f.device.id, publicKey, role: f.role, scopes: f.scopes, nowMs: ctx.nowMs });
  if (verdict.ok) {
    f.authOk = true;
    f.authMethod = "bootstrap-token";
    f.authReason = void 0;
    f.retryAfterMs = void 0;
    f.bootstrapToken = token;
    if (state.switches.bootstrapLimiter) limiterReset(limiter.state, "bootstrap-token", limiter.key);
    return false;
  }
  if (!f.authOk) {
    f.authReason = verdict.reason;
    f.retryAfterMs = void 0;
  }
  return true;
}
function afterBootstrapHello(state, ctx, f, handedOff) {
  if (f.authMethod !== "bootstrap-token" || !f.bootstrapToken || !f.device) return [];
  const token = f.bootstrapToken;
  const fully = handedOff || redeemBootstrapToken(state.bootstrap, { token, role: f.role, scopes: f.scopes, nowMs: ctx.nowMs });
  if (!fully) return [log("bootstrap.redeemed", { deviceId: f.device.id, role: f.role, consumed: false })];
  revokeBootstrapToken(state.bootstrap, token);
  return [log("bootstrap.redeemed", { deviceId: f.device.id, role: f.role, consumed: true, handoff: handedOff })];
}
function primaryAuth(state, conn, ctx, base) {
  const sw = state.switches;
  const auth = base.params.auth ?? {};
  const limiter = limiterFor(state, conn, base.hasOrigin);
  const onSecretOnly = sw.sharedLimiterOnSecretOnly || sw.sharedChargeDeferred;
  const secretSent = [auth.token, auth.password].some((v) => typeof v === "string" && v.trim() !== "");
  const deferCharge = sw.sharedChargeDeferred && base.device !== null && [auth.deviceToken, auth.token].some((v) => typeof v === "string" && v.trim() !== "");
  const chargeShared = !deferCharge && (onSecretOnly || !(base.device && auth.token));
  const primary = authorizeGatewayConnect({
    conn,
    config: state.config,
    auth,
    limiter: onSecretOnly && !secretSent ? void 0 : limiter.state,
    charge: chargeShared,
    limiterKey: limiter.key,
    allowTailscale: state.config.auth.allowTailscale,
    tokenMissingCharged: sw.tokenMissingCharged,
    passwordCountsAsTokenMismatch: sw.passwordCountsAsTokenMismatch,
    connectSecretEitherField: sw.connectSecretEitherField,
    nowMs: ctx.nowMs
  });
  const probe2 = primary.ok && primary.method !== "tailscale" ? primary : authorizeGatewayConnect({ conn, config: state.config, auth, limiter: void 0, charge: false, limiterKey: limiter.key, allowTailscale: false, tokenMissingCharged: false, passwordCountsAsTokenMismatch: sw.passwordCountsAsTokenMismatch, connectSecretEitherField: sw.connectSecretEitherField, nowMs: ctx.nowMs });
  const sharedMethods = sw.sharedAuthIncludesTrustedProxy ? ["token", "password", "trusted-proxy"] : ["token", "password"];
  const sharedAuthOk = probe2.ok && sharedMethods.includes(probe2.method);
  const authMethod = primary.ok ? primary.method : state.config.auth.mode === "password" ? "password" : "token";
  return {
    params: base.params,
    requestId: base.requestId,
    role: base.role,
    scopes: base.scopes,
    cls: base.cls,
    hasOrigin: base.hasOrigin,
    allowBypass: base.allowBypass,
    device: base.device,
    authOk: primary.ok,
    authMethod,
    authReason: primary.ok ? void 0 : primary.reason,
    retryAfterMs: primary.ok ? void 0 : primary.retryAfterMs,
    ...deferCharge && !primary.ok && (primary.reason === "token_mismatch" || primary.reason === "password_mismatch") ? { sharedChargePending: true } : {},
    sharedAuthOk,
    trustedProxyAuthOk: base.cls.isControlUi && base.role === "operator" && state.config.auth.mode === "trusted-proxy" && primary.ok && primary.method === "trusted-proxy"
  };
}
function limiterFor(state, conn, hasOrigin) {
  const origin = conn.headers["origin"];
  const unattributed = state.switches.unattributedProxyLimiterKey && isTrustedProxy(conn.remoteAddress, state.config.trustedProxies) && !conn.headers["x-forwarded-for"]?.trim() && !(state.config.allowRealIpFallback && conn.headers["x-real-ip"]?.trim());
  if (unattributed) return { state: state.browserLimiter && state.switches.browserOriginLimiter && hasOrigin && origin ? state.browserLimiter : state.limiter, key: "unknown" };
  if (state.switches.browserOriginLimiter && hasOrigin && origin) {
    return { state: state.browserLimiter, key: isLoopbackAddress2(conn.clientIp) ? browserLoopbackKey(state.switches.browserLimiterLoopbackKey, origin) : conn.clientIp };
  }
  return { state: state.limiter, key: conn.clientIp };
}
var browserLoopbackSharedKey = "198.18.0.1";
function browserLoopbackKey(rule, origin) {
  if (rule === "shared") return browserLoopbackSharedKey;
  try {
    return `browser-origin:${new URL(origin.trim()).origin.toLowerCase()}`;
  } catch {
    return browserLoopbackSharedKey;
  }
}
function settleSharedCharge(state, conn, ctx, f) {
  if (!f.sharedChargePending) return;
  f.sharedChargePending = false;
  const limiter = limiterFor(state, conn, f.hasOrigin);
  limiterRecordFailure(limiter.state, "shared-secret", limiter.key, ctx.nowMs);
}
function deviceTokenFallback(state, conn, ctx, f) {
  const auth = f.params.auth ?? {};
  const explicit = Boolean(auth.deviceToken);
  const candidate = auth.deviceToken ?? auth.token;
  if (!candidate || !f.device) return;
  const limiter = limiterFor(state, conn, f.hasOrigin);
  const verdict = limiterCheck(limiter.state, "device-token", limiter.key, ctx.nowMs);
  if (!verdict.allowed) {
    f.authReason = "rate_limited";
    f.retryAfterMs = verdict.retryAfterMs;
    return;
  }
  const requiredGeneration = state.switches.deviceTokenIssuer ? sharedAuthGeneration(state.config) : void 0;
  const result = verifyDeviceToken(state.store, { deviceId: f.device.id, token: candidate, role: f.role, scopes: f.scopes, nowMs: ctx.nowMs, scopeImplications: state.switches.operatorScopeImplications, requiredGeneration, emptyApprovalNoBaseline: state.switches.emptyApprovalNoBaseline, rolePrefix: state.switches.roleScopePrefix });
  if (result.ok) {
    f.authOk = true;
    f.authMethod = "device-token";
    f.authReason = void 0;
    if (result.issuer?.kind === "shared-gateway-auth") f.deviceTokenGeneration = result.issuer.generation;
    limiterReset(limiter.state, "device-token", limiter.key);
    if ((state.switches.silentPairing === "late" || state.switches.sharedLimiterOnSecretOnly) && (auth.token || auth.password)) limiterReset(limiter.state, "shared-secret", limiter.key);
    return;
  }
  limiterRecordFailure(limiter.state, "device-token", limiter.key, ctx.nowMs);
  f.retryAfterMs = void 0;
  if (result.reason === "scope-mismatch" && state.switches.deviceTokenScopeMismatchReason) f.authReason = "scope_mismatch";
  else if (explicit || state.switches.deviceTokenFallbackReason === "always-device-token-mismatch") f.authReason = "device_token_mismatch";
}
function unauthorized(state, conn, ctx, f) {
  const outputs = unauthorizedAnswer({
    switches: state.switches,
    connId: conn.connId,
    requestId: f.requestId,
    reason: f.authReason,
    authMode: state.config.auth.mode,
    cls: f.cls,
    params: f.params,
    devicePresented: f.device !== null,
    remote: !localClient(state, conn),
    retryAfterMs: state.switches.rateLimitedRetryAfter && f.authReason === "rate_limited" ? f.retryAfterMs : void 0
  });
  outputs.push(log("connect.unauthorized", { connId: conn.connId, reason: f.authReason ?? null }));
  const sharedSecretFailure = f.authReason === "token_mismatch" || f.authReason === "password_mismatch";
  const limiter = limiterFor(state, conn, f.hasOrigin);
  const held = sharedSecretFailure && limiterExempts(limiter.state, limiter.key);
  const delayMs = held ? failureDelayMs(state.failedAuth, state.switches, conn.clientIp, ctx.nowMs) : 0;
  if (delayMs <= 0) return outputs;
  const key = `auth-delay:${conn.connId}`;
  state.delayed.set(key, outputs);
  conn.phase = "connecting";
  return [{ kind: "timer-set", key, delayMs }];
}
function coded(state, code, message, detailCode) {
  return state.switches.detailCodes ? { code, message, details: { code: detailCode } } : { code, message };
}
function checkOrigin(state, conn, requestId, cls, origin) {
  const sw = state.switches;
  const browserUi = cls.isControlUi && !cls.isTui;
  const applies = browserUi || cls.isWebchat || sw.originCheckApplies === "any-origin" && origin !== void 0;
  if (!applies) return void 0;
  const verdict = checkBrowserOriginFor(state, conn, origin);
  if (verdict.ok) return void 0;
  const message = "origin not allowed (open the Control UI from the gateway host or allow it in gateway.controlUi.allowedOrigins)";
  const error = { code: ErrorCodes.INVALID_REQUEST, message };
  if (sw.detailCodes && sw.detailCodeSet === "full") error.details = { code: ConnectErrorDetailCodes.CONTROL_UI_ORIGIN_NOT_ALLOWED, reason: verdict.reason };
  return [...refuse(conn.connId, requestId, error), log("connect.origin-mismatch", { connId: conn.connId, origin: origin ?? null })];
}
function checkBrowserOriginFor(state, conn, origin) {
  return checkBrowserOrigin({ origin, hostHeader: conn.headers["host"], isLocalClient: localClient(state, conn), config: state.config, rule: state.switches.originRule });
}
function admittedBelow(state, params4) {
  const floor = state.switches.probeProtocolFloor;
  if (floor === null || params4.maxProtocol < floor || params4.minProtocol > state.switches.protocolVersion) return false;
  return params4.client.mode === "probe" || params4.role === "node" && params4.client.mode === "node";
}
function controlUiBuild(state, conn, requestId, cls, params4) {
  if (!state.switches.controlUiBuildCheck || !cls.isControlUi || cls.isTui) return void 0;
  const origin = conn.headers["origin"];
  const originHost = origin ? /^[a-z]+:\/\/([^/]+)/i.exec(origin.trim())?.[1]?.toLowerCase() : void 0;
  if (!originHost || originHost !== (conn.headers["host"] ?? "").trim().toLowerCase()) return void 0;
  const buildId = params4.client.buildId;
  if (buildId === "dev" || buildId === state.config.version) return void 0;
  const message = "protocol mismatch: Control UI updated; reload this page to continue";
  const details = { code: ConnectErrorDetailCodes.PROTOCOL_MISMATCH, gatewayBuildId: state.config.version, reloadRequired: true };
  return refuse(conn.connId, requestId, { code: ErrorCodes.UNAVAILABLE, message, details, retryable: false });
}
function startingAnswer(conn, requestId) {
  const error = {
    code: ErrorCodes.UNAVAILABLE,
    message: "gateway starting; retry shortly",
    details: { reason: "startup-sidecars" },
    retryable: true,
    retryAfterMs: 500
  };
  return refuse(conn.connId, requestId, error, 1013, "gateway starting");
}
function protocolMismatch(state, conn, requestId, params4) {
  const v = state.switches.protocolVersion;
  const details = state.switches.protocolMismatchDetails === "coded" ? { code: ConnectErrorDetailCodes.PROTOCOL_MISMATCH, clientMinProtocol: params4.minProtocol, clientMaxProtocol: params4.maxProtocol, expectedProtocol: v, minimumProbeProtocol: 3 } : { expectedProtocol: v };
  return refuse(conn.connId, requestId, { code: ErrorCodes.INVALID_REQUEST, message: "protocol mismatch", details }, 1002, "protocol mismatch");
}

// src/gateway/gateway.ts
function createGatewayState(options) {
  return {
    switches: options.switches,
    config: options.config,
    startedAtMs: options.startedAtMs,
    ready: false,
    conns: /* @__PURE__ */ new Map(),
    store: options.store ? structuredClone(options.store) : emptyPairingStore(),
    limiter: createLimiter(options.config.auth.rateLimit, { absent: options.switches.limiterNeedsConfig && !options.config.auth.rateLimit }),
    browserLimiter: createLimiter({ ...options.config.auth.rateLimit, exemptLoopback: false }),
    failedAuth: createFailedAuthDelay(),
    delayed: /* @__PURE__ */ new Map(),
    tickSeq: 0,
    presence: /* @__PURE__ */ new Map(),
    cron: emptyCronStore(),
    bootstrap: options.bootstrap ?? emptyBootstrapStore(),
    nodes: options.nodes ?? emptyNodePairingStore()
  };
}
function gatewayStep(state, input, ctx) {
  switch (input.kind) {
    case "start":
      return start(state);
    case "upgrade":
      return upgrade(state, input.connId, input.request, ctx);
    case "frame": {
      const conn = state.conns.get(input.connId);
      if (!conn || conn.phase === "closed") return [];
      return conn.phase === "connected" ? postHelloFrame(state, conn, input.text, ctx) : preauthFrame(state, conn, input.text, ctx);
    }
    case "closed":
      return closed(state, input.connId, ctx);
    case "timer":
      return timer(state, input.key, ctx);
    case "shared-secret-changed":
      return sharedSecretChanged(state, input.token, input.password, input.restartDeferred === true);
    case "config-reloaded":
      return configReloaded(state, input.config, input.paths);
    case "shutdown":
      return shutdown(state, input.reason, input.restartExpectedMs);
  }
}
function start(state) {
  const outputs = [{ kind: "timer-set", key: "tick", delayMs: state.switches.tickIntervalMs }];
  const startupMs = state.switches.startupUnavailableMs;
  if (startupMs === null) state.ready = true;
  else outputs.push({ kind: "timer-set", key: "ready", delayMs: startupMs });
  outputs.push(log("gateway.start", { ready: state.ready }));
  return outputs;
}
function upgrade(state, connId, request, ctx) {
  const locality = resolveLocality({ remoteAddress: request.remoteAddress, headers: request.headers, trustedProxies: state.config.trustedProxies, allowRealIpFallback: state.config.allowRealIpFallback, proxyPeerWithoutClientIp: state.switches.proxyPeerWithoutClientIp });
  if (locality.hasUntrustedProxyHeaders && state.switches.untrustedProxyHeaders === "refuse-403") {
    const body = JSON.stringify({ error: { message: "Proxy client attribution is required. Configure gateway.trustedProxies for this proxy.", type: "proxy_attribution_required" } });
    return [{ kind: "upgrade-refuse", connId, status: 403, body }];
  }
  if (state.switches.unattributableProxyRefused && unattributableProxy(request, state.config.trustedProxies, locality.clientIp)) {
    const body = JSON.stringify({ error: { message: "Proxy client attribution is required.", type: "proxy_attribution_required" } });
    return [{ kind: "upgrade-refuse", connId, status: 403, body }];
  }
  const budget = state.switches.preauthSocketsPerIpMax;
  if (budget !== null) {
    let preauth = 0;
    for (const c2 of state.conns.values()) if (c2.clientIp === locality.clientIp && c2.phase !== "connected" && c2.phase !== "closed") preauth++;
    if (preauth >= budget) return [{ kind: "upgrade-refuse", connId, status: 503, body: "Too many unauthenticated sockets" }];
  }
  const conn = {
    connId,
    remoteAddress: request.remoteAddress,
    headers: request.headers,
    clientIp: locality.clientIp,
    isLocal: locality.isLocal,
    hasUntrustedProxyHeaders: locality.hasUntrustedProxyHeaders,
    connectNonce: uuidV4(ctx.prng),
    phase: "preauth"
  };
  state.conns.set(connId, conn);
  const challenge = { nonce: conn.connectNonce, ts: ctx.nowMs };
  if (state.switches.challengeCapabilities) challenge["capabilities"] = [];
  const outputs = [{ kind: "upgrade-accept", connId }];
  if (state.switches.preauthPayloadBytesMax !== null) outputs.push({ kind: "set-max-payload", connId, bytes: Number.MAX_SAFE_INTEGER });
  outputs.push(event(connId, "connect.challenge", challenge), { kind: "timer-set", key: `handshake:${connId}`, delayMs: handshakeTimeoutMs(state) });
  if (locality.hasUntrustedProxyHeaders) outputs.push(log("conn.untrusted-proxy-headers", { connId }));
  return outputs;
}
function preauthFrame(state, conn, text5, ctx) {
  if (conn.phase === "connecting") return [];
  const cap = state.switches.preauthPayloadBytesMax;
  if (cap !== null && Buffer.byteLength(text5, "utf8") > cap) {
    return [close(conn.connId, 1009, state.switches.preauthOversizeReason), log("conn.close-cause", { connId: conn.connId, cause: "preauth-payload-too-large" })];
  }
  let parsed;
  try {
    parsed = JSON.parse(text5);
  } catch {
    return [close(conn.connId, 1e3, "")];
  }
  if (state.switches.workerClaimsClosed && claimsWorker(parsed)) return [close(conn.connId, 1008, "invalid-handshake")];
  if (!validateRequestFrame(parsed)) return [close(conn.connId, 1008, "invalid request frame")];
  const req = parsed;
  if (req.method !== "connect") {
    const message = "invalid handshake: first request must be connect";
    return [resError(conn.connId, req.id, { code: ErrorCodes.INVALID_REQUEST, message }), close(conn.connId, 1008, message)];
  }
  prunePending(state.store, ctx.nowMs);
  return handleConnect(state, conn, req, ctx);
}
function postHelloFrame(state, conn, text5, ctx) {
  let parsed;
  try {
    parsed = JSON.parse(text5);
  } catch {
    parsed = void 0;
  }
  if (!validateRequestFrame(parsed)) {
    const id = typeof parsed?.id === "string" ? parsed.id : "invalid";
    return [resError(conn.connId, id, { code: ErrorCodes.INVALID_REQUEST, message: "invalid request frame" })];
  }
  const req = parsed;
  const params4 = req.params !== null && typeof req.params === "object" ? req.params : {};
  return handleRequest(state, conn, req.id, req.method, params4, ctx);
}
function closed(state, connId, ctx) {
  const conn = state.conns.get(connId);
  if (!conn) return [];
  const presenceKey = conn.session?.presenceKey;
  if (presenceKey) upsertPresence(state.presence, presenceKey, { reason: "disconnect" }, ctx.nowMs);
  conn.phase = "closed";
  state.conns.delete(connId);
  const outputs = [{ kind: "timer-cancel", key: `handshake:${connId}` }];
  const delayKey = `auth-delay:${connId}`;
  if (state.delayed.delete(delayKey)) outputs.push({ kind: "timer-cancel", key: delayKey });
  return outputs;
}
function timer(state, key, ctx) {
  if (key === "tick") {
    const outputs = [{ kind: "timer-set", key: "tick", delayMs: state.switches.tickIntervalMs }];
    state.tickSeq++;
    for (const c2 of state.conns.values()) if (c2.phase === "connected") outputs.push(event(c2.connId, "tick", { ts: ctx.nowMs }, state.tickSeq));
    return outputs;
  }
  if (key === "ready") {
    state.ready = true;
    return [log("gateway.ready", {})];
  }
  if (key.startsWith("handshake:")) {
    const conn = state.conns.get(key.slice("handshake:".length));
    if (!conn || conn.phase === "connected" || conn.phase === "closed") return [];
    return [close(conn.connId, 1e3, ""), log("conn.close-cause", { connId: conn.connId, cause: "handshake-timeout" })];
  }
  if (key.startsWith("auth-delay:")) {
    const held = state.delayed.get(key) ?? [];
    state.delayed.delete(key);
    return held;
  }
  return [];
}
function sharedSecretChanged(state, token, password, restartDeferred) {
  if (!restartDeferred) state.config = { ...state.config, auth: { ...state.config.auth, token, password } };
  const deferred = restartDeferred ? { restartDeferred: true } : {};
  if (!state.switches.sharedSecretRotationClosesSessions) return [log("gateway.shared-secret-changed", { closed: 0, ...deferred })];
  const outputs = [];
  for (const c2 of state.conns.values()) {
    if (c2.phase === "connected" && c2.session?.usesSharedGatewayAuth) outputs.push(close(c2.connId, 4001, "gateway auth changed"));
  }
  outputs.push(log("gateway.shared-secret-changed", { closed: outputs.length, ...deferred }));
  return outputs;
}
function configReloaded(state, config, paths) {
  const { token, password } = state.config.auth;
  const rateLimitChanged = JSON.stringify(config.auth.rateLimit ?? null) !== JSON.stringify(state.config.auth.rateLimit ?? null);
  state.config = { ...config, auth: { ...config.auth, token, password } };
  if (rateLimitChanged) {
    state.limiter = createLimiter(config.auth.rateLimit, { absent: state.switches.limiterNeedsConfig && !config.auth.rateLimit });
    state.browserLimiter = createLimiter({ ...config.auth.rateLimit, exemptLoopback: false });
  }
  return [log("gateway.config-reloaded", { paths: [...paths] })];
}
function shutdown(state, reason, restartExpectedMs) {
  const outputs = [];
  for (const c2 of state.conns.values()) {
    if (c2.phase === "connected") outputs.push(event(c2.connId, "shutdown", restartExpectedMs === void 0 ? { reason } : { reason, restartExpectedMs }));
    outputs.push(close(c2.connId, 1012, "service restart"));
  }
  return outputs;
}
function handshakeTimeoutMs(state) {
  const fromEnv = state.config.handshakeTimeoutMs;
  return state.switches.handshakeTimeoutEnv && fromEnv !== void 0 && fromEnv > 0 ? fromEnv : state.switches.handshakeTimeoutMs;
}
function claimsWorker(parsed) {
  const params4 = parsed?.params;
  if (params4 === null || typeof params4 !== "object") return false;
  const p = params4;
  return p.role === "worker" || p.client?.id === "openclaw-worker" || p.client?.mode === "worker";
}

// src/gateway/reload-plan.ts
var credentialConfigPaths = ["gateway.auth.token", "gateway.auth.password"];
var noopConfigPrefixes = ["gateway.remote", "gateway.reload"];
function matchesPrefix(path, prefix) {
  return path === prefix || path.startsWith(`${prefix}.`);
}
function pathKind(switches, path, credentialHot) {
  if (noopConfigPrefixes.some((p) => matchesPrefix(path, p))) return "none";
  if (credentialConfigPaths.includes(path)) return credentialHot ? "hot" : "restart";
  return switches.hotReloadPrefixes.some((p) => matchesPrefix(path, p)) ? "hot" : "restart";
}
function planConfigReload(options) {
  const { switches, mode } = options;
  const credentialHot = switches.credentialReload === "hot" && options.authModeKept;
  const live = options.paths.filter((p) => pathKind(switches, p, credentialHot) !== "none");
  if (live.length === 0) return { action: "none" };
  const restartPaths = live.filter((p) => pathKind(switches, p, credentialHot) === "restart");
  if (mode === "off") return { action: "ignored", mode, paths: live };
  if (mode === "restart") return { action: "restart", paths: live, restartPaths: live };
  if (restartPaths.length === 0) return { action: "hot", paths: live, credentials: live.some((p) => credentialConfigPaths.includes(p)) };
  if (mode === "hot") return { action: "ignored", mode, paths: live };
  return { action: "restart", paths: live, restartPaths };
}
function changedRuntimeConfigPaths(before2, after) {
  const out = [];
  const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const fields = [
    ["gateway.auth.mode", before2.auth.mode, after.auth.mode],
    ["gateway.auth.token", before2.auth.token, after.auth.token],
    ["gateway.auth.password", before2.auth.password, after.auth.password],
    ["gateway.auth.allowTailscale", before2.auth.allowTailscale, after.auth.allowTailscale],
    ["gateway.auth.rateLimit", before2.auth.rateLimit, after.auth.rateLimit],
    ["gateway.auth.trustedProxy", before2.auth.trustedProxy, after.auth.trustedProxy],
    ["gateway.trustedProxies", before2.trustedProxies, after.trustedProxies],
    ["gateway.allowRealIpFallback", before2.allowRealIpFallback, after.allowRealIpFallback],
    ["gateway.nodes.pairing", before2.nodes?.pairing, after.nodes?.pairing]
  ];
  for (const key of Object.keys({ ...before2.controlUi, ...after.controlUi }).sort()) {
    fields.push([`gateway.controlUi.${key}`, before2.controlUi[key], after.controlUi[key]]);
  }
  for (const [path, a, b] of fields) if (!same(a, b)) out.push(path);
  return out;
}
function authModeKept(before2, after) {
  return (before2.auth.mode === "token" || before2.auth.mode === "password") && before2.auth.mode === after.auth.mode;
}

// src/gateway/origin-seed.ts
function seededControlUiOrigins(options) {
  const { mode, bind } = options;
  if (mode === "off" || bind === void 0 || bind === "loopback") return null;
  if (bind === "auto" && mode === "persist") return null;
  if (options.hostHeaderFallback || (options.allowedOrigins ?? []).some((o) => o.trim() !== "")) return null;
  const origins = [`http://localhost:${options.port}`, `http://127.0.0.1:${options.port}`];
  const custom = options.customBindHost?.trim();
  if (bind === "custom" && custom && !origins.includes(`http://${custom}:${options.port}`)) origins.push(`http://${custom}:${options.port}`);
  return origins;
}

// src/world/timers.ts
var KeyedTimers = class {
  constructor(scheduler, actor, fire) {
    this.scheduler = scheduler;
    this.actor = actor;
    this.fire = fire;
  }
  scheduler;
  actor;
  fire;
  pending = /* @__PURE__ */ new Map();
  set(key, delayMs) {
    this.cancel(key);
    const id = this.scheduler.schedule(Math.max(0, Math.round(delayMs)), { actor: this.actor, label: key, traced: true }, () => {
      this.pending.delete(key);
      this.fire(key);
    });
    this.pending.set(key, id);
  }
  cancel(key) {
    const id = this.pending.get(key);
    if (id === void 0) return;
    this.scheduler.cancel(id);
    this.pending.delete(key);
  }
  cancelAll() {
    for (const id of this.pending.values()) this.scheduler.cancel(id);
    this.pending.clear();
  }
  has(key) {
    return this.pending.has(key);
  }
};

// src/world/gateway-node.ts
var GatewayNode = class {
  constructor(scheduler, network, options) {
    this.scheduler = scheduler;
    this.network = network;
    this.options = options;
    this.name = options.name;
    this.clock = options.clockOf();
    this.prng = scheduler.stream(`gateway:${options.name}`);
    this.persisted = options.store;
    this.bootstrapFile = options.bootstrap ?? emptyBootstrapStore();
    this.timers = new KeyedTimers(scheduler, this.name, (key) => this.input({ kind: "timer", key }));
    this.state = this.freshState(options.config);
  }
  scheduler;
  network;
  options;
  name;
  clock;
  state;
  /** What is on disk: survives crash/restart. */
  persisted;
  /** `devices/bootstrap.json` on this host: every process reads it afresh, so crash/restart keep it. */
  bootstrapFile;
  /** `nodes/` pairing files on this host (in 2026.9 the device rows' node surfaces): crash/restart keep them. */
  nodesFile = emptyNodePairingStore();
  running = false;
  /** A config written for the next start that the running process has not read (a deferred restart). */
  onDisk;
  prng;
  sockets = new Dict();
  preOpen = new Dict();
  timers;
  listenHandle;
  /** Stopped but its port still bound until every peer acked the close (or the drain timeout). */
  draining = false;
  /** A supervisor (systemd Restart=always) restarts the process this long after it dies on its own. */
  supervisor;
  /**
   * Set when a machine launched this process (world/machine-node.ts): starting it again goes through the machine,
   * which reads the config file afresh and runs the release's start checks and token bootstrap, as a real start
   * does. `inProcess` keeps the process environment (a SIGUSR1-style restart); a supervisor's respawn is a new process.
   */
  relaunch;
  freshState(config) {
    return createGatewayState({ switches: this.options.switches, config, store: this.persisted, bootstrap: this.bootstrapFile, nodes: this.nodesFile, startedAtMs: this.clock.nowMs() });
  }
  start(config) {
    if (this.running) return;
    this.state = this.freshState(config ?? this.onDisk ?? this.state.config);
    this.onDisk = void 0;
    this.running = true;
    const listening = this.network.listen({
      host: this.options.host,
      port: this.options.port,
      bind: this.options.bind ?? "all",
      listener: {
        onUpgrade: (req) => this.onUpgrade(req.connId, req.remoteAddress, req.headers),
        onOpen: (socket) => this.onOpen(socket),
        onMessage: (socket, text5) => this.input({ kind: "frame", connId: socket.connId, text: text5 }),
        onClose: (socket, code, reason) => {
          this.sockets.delete(socket.connId);
          if (this.draining && this.sockets.size === 0) return this.finishDrain("drained");
          this.input({ kind: "closed", connId: socket.connId, code, reason });
        }
      }
    });
    if (listening.kind !== "listening") {
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
  supervise(options) {
    assert(options.restartSecMs >= 0 && options.respawnCountMax >= 0, "bad supervisor options");
    this.supervisor = { restartSecMs: options.restartSecMs, respawnsLeft: options.respawnCountMax };
  }
  respawnLater(why) {
    const sup = this.supervisor;
    if (!sup || sup.respawnsLeft <= 0) return;
    sup.respawnsLeft--;
    this.scheduler.record(this.name, "gateway", { event: "supervisor.respawn-scheduled", why, afterMs: sup.restartSecMs });
    this.scheduler.schedule(sup.restartSecMs, { actor: this.name, label: "respawn", traced: true }, () => this.startAgain(false));
  }
  /** Killed by a fault (not stopped): a supervisor brings it back. */
  crashSupervised() {
    if (!this.running) return;
    this.crash();
    this.respawnLater("crash");
  }
  /**
   * Graceful stop whose port stays bound until every peer acked the 1012 close (a peer that never does holds it
   * for `drainMsMax`, then its socket is destroyed); a start meanwhile fails with EADDRINUSE.
   */
  stopDraining(reason, drainMsMax) {
    if (!this.running) return;
    this.input({ kind: "shutdown", reason });
    this.running = false;
    this.timers.cancelAll();
    this.draining = true;
    this.scheduler.record(this.name, "gateway", { event: "process.draining", sockets: this.sockets.size, drainMsMax });
    if (this.sockets.size === 0) return this.finishDrain("drained");
    this.scheduler.schedule(drainMsMax, { actor: this.name, label: "drain-timeout", traced: true }, () => this.finishDrain("timeout"));
  }
  finishDrain(how) {
    if (!this.draining) return;
    this.draining = false;
    this.scheduler.record(this.name, "gateway", { event: "process.exit", how, sockets: this.sockets.size });
    if (this.listenHandle !== void 0) this.network.unlisten(this.listenHandle);
    this.listenHandle = void 0;
    for (const socket of this.sockets.values()) socket.terminate();
    this.sockets.clear();
    this.preOpen.clear();
  }
  /** SIGKILL: sockets reset (peers see 1006), timers gone, memory lost; the pairing store on disk stays. */
  crash() {
    if (!this.running) return;
    this.running = false;
    this.timers.cancelAll();
    if (this.listenHandle !== void 0) this.network.unlisten(this.listenHandle);
    this.listenHandle = void 0;
    for (const socket of this.sockets.values()) socket.terminate();
    this.sockets.clear();
    this.preOpen.clear();
    this.scheduler.record(this.name, "gateway", { event: "process.crash" });
  }
  /** Graceful stop (systemd restart): shutdown event, close 1012, then the process exits. */
  stop(reason = "service restart", restartExpectedMs) {
    if (!this.running) return;
    this.input({ kind: "shutdown", reason, restartExpectedMs });
    this.crash();
  }
  restart(config, downMs2 = 0) {
    this.stop("service restart", downMs2);
    this.scheduler.schedule(downMs2, { actor: this.name, label: "restart", traced: true }, () => config === void 0 ? this.startAgain(true) : this.start(config));
  }
  /** Start the process again with what it would read at a real start (through its machine when it has one). */
  startAgain(inProcess) {
    if (this.relaunch) this.relaunch(inProcess);
    else this.start();
  }
  /** The config file changed under a running gateway (hot reload of the shared secret). */
  sharedSecretChanged(token, password) {
    if (this.running) this.input({ kind: "shared-secret-changed", token, password });
  }
  /**
   * The shared secret written (a `config.set`) while the restart that would read it is deferred (agent runs in
   * flight): the running process keeps its auth snapshot for new handshakes, the next start reads the new one.
   */
  sharedSecretChangedRestartDeferred(token, password) {
    this.onDisk = { ...this.onDisk ?? this.state.config, auth: { ...(this.onDisk ?? this.state.config).auth, token, password } };
    if (this.running) this.input({ kind: "shared-secret-changed", token, password, restartDeferred: true });
  }
  /** The config watcher's hot path: non-secret keys take effect without a restart. */
  reloadConfig(config, paths) {
    if (this.running) this.input({ kind: "config-reloaded", config, paths });
  }
  onUpgrade(netConnId, remoteAddress, headers) {
    if (!this.running) return { kind: "refuse", status: 503, body: "" };
    const connId = netConnId;
    const outputs = this.step({ kind: "upgrade", connId, request: { remoteAddress, headers: { ...headers } } });
    const refuse3 = outputs.find((o) => o.kind === "upgrade-refuse");
    if (refuse3 && refuse3.kind === "upgrade-refuse") return { kind: "refuse", status: refuse3.status, body: refuse3.body };
    this.preOpen.set(netConnId, outputs.filter((o) => o.kind !== "upgrade-accept"));
    return { kind: "accept" };
  }
  onOpen(socket) {
    this.sockets.set(socket.connId, socket);
    const pending = this.preOpen.get(socket.connId) ?? [];
    this.preOpen.delete(socket.connId);
    this.apply(pending);
  }
  input(input) {
    if (!this.running) return;
    this.apply(this.step(input));
  }
  step(input) {
    return gatewayStep(this.state, input, { nowMs: this.clock.nowMs(), prng: this.prng });
  }
  apply(outputs) {
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
};

// src/clients/effects.ts
var TimerKeys = {
  challenge: "challenge",
  reconnect: "reconnect",
  tickWatch: "tick-watch",
  terminate: "terminate",
  oneShot: "one-shot-timeout",
  request: (id) => `request:${id}`
};
var REQUEST_TIMER_PREFIX = "request:";
function event2(e) {
  return { kind: "event", ...e };
}
function setTimer(state, key, delayMs) {
  state.timers.add(key);
  return { kind: "timer-set", key, delayMs };
}
function cancelTimer(state, key) {
  return state.timers.delete(key) ? [{ kind: "timer-cancel", key }] : [];
}
function takeTimer(state, key) {
  return state.timers.delete(key);
}
function storeDeviceToken(state, role, token, scopes) {
  const identity = state.config.identity;
  if (!identity) return [];
  state.storedTokens[role] = { token, scopes: [...scopes] };
  return [{ kind: "store-device-token", deviceId: identity.deviceId, role, token, scopes: [...scopes] }];
}
function clearDeviceToken(state, role) {
  const identity = state.config.identity;
  if (!identity || state.storedTokens[role] === void 0) return [];
  delete state.storedTokens[role];
  return [{ kind: "clear-device-token", deviceId: identity.deviceId, role }];
}

// src/clients/kinds.ts
var CONTROL_UI_SCOPES = [...CLI_DEFAULT_OPERATOR_SCOPES];
var NODE_COMMANDS_DEFAULT = ["system.run"];
var kindDefaults = {
  cli: {
    clientId: "cli",
    mode: "cli",
    role: "operator",
    scopes: CLI_DEFAULT_OPERATOR_SCOPES,
    caps: [],
    commands: void 0,
    platform: "linux",
    clientVersion: "dev",
    browser: false
  },
  tui: {
    clientId: "openclaw-tui",
    mode: "ui",
    role: "operator",
    scopes: GATEWAY_CLIENT_DEFAULT_SCOPES,
    caps: ["tool-events"],
    commands: void 0,
    platform: "linux",
    clientVersion: "dev",
    browser: false
  },
  "control-ui": {
    clientId: "openclaw-control-ui",
    mode: "webchat",
    role: "operator",
    scopes: CONTROL_UI_SCOPES,
    caps: ["tool-events"],
    commands: void 0,
    platform: "web",
    clientVersion: "control-ui",
    browser: true
  },
  node: {
    clientId: "node-host",
    mode: "node",
    role: "node",
    scopes: [],
    caps: [],
    commands: NODE_COMMANDS_DEFAULT,
    platform: "linux",
    clientVersion: "dev",
    browser: false
  },
  backend: {
    clientId: "gateway-client",
    mode: "backend",
    role: "operator",
    scopes: GATEWAY_CLIENT_DEFAULT_SCOPES,
    caps: [],
    commands: void 0,
    platform: "linux",
    clientVersion: "dev",
    browser: false
  }
};

// src/clients/retry-policy.ts
var C = ConnectErrorDetailCodes;
var PAUSE_DETAIL_CODES = /* @__PURE__ */ new Map([
  [C.AUTH_TOKEN_MISSING, "the gateway wants a token and none was sent"],
  [C.AUTH_BOOTSTRAP_TOKEN_INVALID, "the bootstrap token was refused"],
  [C.AUTH_PASSWORD_MISSING, "the gateway wants a password and none was sent"],
  [C.AUTH_PASSWORD_MISMATCH, "the password is wrong"],
  [C.AUTH_RATE_LIMITED, "too many failed attempts; the gateway locked this client out"],
  [C.PAIRING_REQUIRED, "this device waits for pairing approval"],
  [C.CONTROL_UI_DEVICE_IDENTITY_REQUIRED, "the Control UI needs a secure context to prove its device identity"],
  [C.DEVICE_IDENTITY_REQUIRED, "the gateway requires a device identity"]
]);
function readConnectErrorFacts(details) {
  const d = details !== null && typeof details === "object" ? details : {};
  return {
    detailCode: typeof d["code"] === "string" ? d["code"] : null,
    canRetryWithDeviceToken: d["canRetryWithDeviceToken"] === true,
    recommendedNextStep: typeof d["recommendedNextStep"] === "string" ? d["recommendedNextStep"] : null
  };
}
function shouldRetryWithStoredDeviceToken(input) {
  if (!input.switches.deviceTokenRetry || input.budgetUsed || input.usedDeviceToken) return false;
  if (!input.sharedToken || !input.storedToken || !input.trustedEndpoint || !input.facts) return false;
  const f = input.facts;
  return f.canRetryWithDeviceToken || f.recommendedNextStep === "retry_with_device_token" || f.detailCode === C.AUTH_TOKEN_MISMATCH;
}
function pauseDecision(input) {
  const code = input.detailCode;
  if (code === null) return { pause: false };
  if (code === C.AUTH_DEVICE_TOKEN_MISMATCH && input.switches.pauseOnDeviceTokenMismatch) {
    return { pause: true, detailCode: code, why: "the stored device token was refused; it was cleared, re-pair or rotate it" };
  }
  if (!input.switches.pauseOnDetailCodes) return { pause: false };
  const why = PAUSE_DETAIL_CODES.get(code);
  if (why !== void 0) return { pause: true, detailCode: code, why };
  if (code !== C.AUTH_TOKEN_MISMATCH || input.retryPending) return { pause: false };
  if (input.switches.tokenMismatchPause === "unless-retry-pending") {
    return { pause: true, detailCode: code, why: "token mismatch and no device-token retry left to try" };
  }
  if (!input.trustedEndpoint) {
    return { pause: true, detailCode: code, why: "token mismatch on an untrusted endpoint: no device-token retry" };
  }
  if (input.budgetUsed) {
    return { pause: true, detailCode: code, why: "token mismatch persists after the one device-token retry" };
  }
  return { pause: false };
}
var doublingPercent = 200;
function backoffShape(kind, switches) {
  if (kind === "control-ui") {
    return {
      initialMs: switches.controlUiBackoffInitialMs,
      factorPercent: switches.controlUiBackoffFactorPercent,
      maxMs: switches.controlUiBackoffMaxMs,
      jitter: switches.controlUiBackoffJitter,
      fastRetryMs: switches.controlUiFastRetryMs
    };
  }
  return { initialMs: switches.backoffInitialMs, factorPercent: doublingPercent, maxMs: switches.backoffMaxMs, jitter: switches.backoffJitter, fastRetryMs: switches.fastRetryMs };
}
function nextBackoff(shape, backoffMs, prng) {
  assert(backoffMs > 0 && shape.maxMs >= shape.initialMs && shape.factorPercent >= 100, "backoff limits out of order");
  let delayMs = Math.round(backoffMs);
  const jitter = shape.jitter;
  if (jitter !== null && jitter.numerator > 0) {
    delayMs += prng.int(0, Math.floor(delayMs * jitter.numerator / jitter.denominator));
  }
  return { delayMs, nextBackoffMs: Math.min(backoffMs * shape.factorPercent / 100, shape.maxMs) };
}

// src/clients/endpoint.ts
import { isIP as isIP2 } from "node:net";
function parseUrl(url) {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
function hostOf(parsed) {
  let h = parsed.hostname.toLowerCase();
  if (h.startsWith("[") && h.endsWith("]")) h = h.slice(1, -1);
  if (h.startsWith("::ffff:") && isIP2(h.slice(7)) === 4) h = h.slice(7);
  return h;
}
function ipv4(host) {
  return isIP2(host) === 4 ? host.split(".").map((p) => Number.parseInt(p, 10)) : null;
}
function isLoopbackHostname3(host) {
  if (host === "localhost" || host.endsWith(".localhost") || host === "::1") return true;
  return ipv4(host)?.[0] === 127;
}
function isPrivateHostname(host) {
  const o = ipv4(host);
  if (o) {
    const [a = 0, b = 0, c2 = 0] = o;
    if (a === 10 || a === 172 && b >= 16 && b <= 31 || a === 192 && b === 168 || a === 169 && b === 254) return true;
    if (a === 100 && b >= 64 && b <= 127) return true;
    return a === 192 && b === 0 && c2 === 2 || a === 198 && b === 51 && c2 === 100;
  }
  if (isIP2(host) !== 6) return false;
  return host.startsWith("fc") || host.startsWith("fd") || /^fe[89ab]/.test(host);
}
function isTrustedRetryEndpoint(url, tlsFingerprint) {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (isLoopbackHostname3(hostOf(parsed))) return true;
  const secure = parsed.protocol === "wss:" || parsed.protocol === "https:";
  return secure && Boolean(tlsFingerprint?.trim());
}
function isLanName(host) {
  const h = host.replace(/\.+$/, "");
  return h.endsWith(".local") || h.endsWith(".ts.net");
}
function plaintextAllowed(host, allows2, env) {
  const name = isIP2(host) === 0;
  switch (allows2) {
    case "loopback":
      return false;
    case "env-private-ip":
      return env && isPrivateHostname(host);
    case "env-private-or-name":
      return env && (isPrivateHostname(host) || name);
    case "lan-names":
      return isPrivateHostname(host) || isLanName(host) || env && name;
  }
}
function refuseUrl(options) {
  const parsed = parseUrl(options.url);
  const secure = parsed?.protocol === "wss:";
  if (options.tlsFingerprint && !secure) {
    return { reason: "tls-fingerprint-requires-wss", message: "gateway tls fingerprint requires wss:// gateway url" };
  }
  if (!options.guard || secure) return null;
  const host = parsed ? hostOf(parsed) : options.url;
  if (parsed && isLoopbackHostname3(host)) return null;
  if (parsed && plaintextAllowed(host, options.allows, options.allowPrivateWs)) return null;
  return {
    reason: "insecure-ws",
    message: `SECURITY ERROR: Cannot connect to "${host}" over plaintext ws://. Use wss:// for remote URLs.`
  };
}
function pageOriginFor(url) {
  const parsed = parseUrl(url);
  if (!parsed) return void 0;
  const scheme = parsed.protocol === "wss:" ? "https:" : "http:";
  return `${scheme}//${parsed.host}`;
}
function hostHeaderFor(url) {
  return parseUrl(url)?.host || void 0;
}

// src/clients/state.ts
var challengeTimeoutMsMin = 250;
var challengeTimeoutMsMax = 15e3;
var tickWatchMinIntervalMsMin = 1;
var tickWatchMinIntervalMsMax = 3e4;
var tickWatchMinIntervalMsDefault = 1e3;
var tickIntervalMsDefault = 3e4;
var requestTimeoutMsDefault = 3e4;
var oneShotTimeoutMsDefault = 1e4;
var stopTerminateGraceMs = 250;
var queuedCallsMax = 64;
var browserConnectFailedCloseCode = 4008;
assert(challengeTimeoutMsMin <= challengeTimeoutMsMax, "challenge timeout clamp out of order");
assert(tickWatchMinIntervalMsMin <= tickWatchMinIntervalMsDefault, "tick watch default below its clamp");
function clamp(value, min, max) {
  return Math.max(min, Math.min(max, value));
}
function resolveConfig(o) {
  assert(o.url.length > 0, "client url must be set");
  const d = kindDefaults[o.kind];
  return {
    kind: o.kind,
    url: o.url,
    switches: o.switches,
    identity: o.identity,
    clientId: o.clientId ?? (o.kind === "tui" ? o.switches.tuiClientId : d.clientId),
    mode: o.mode ?? d.mode,
    role: o.role ?? d.role,
    scopes: [...o.scopes ?? (o.kind === "control-ui" ? o.switches.controlUiScopes : d.scopes)],
    caps: [...o.caps ?? d.caps],
    commands: o.commands ? [...o.commands] : d.commands ? [...d.commands] : void 0,
    platform: o.platform ?? d.platform,
    deviceFamily: o.deviceFamily,
    displayName: o.displayName ?? (o.kind === "tui" && o.switches.tuiClientId === "gateway-client" ? "openclaw-tui" : void 0),
    instanceId: o.instanceId,
    buildId: o.kind === "control-ui" && o.switches.controlUiSendsBuildId ? o.buildId : void 0,
    clientVersion: o.clientVersion ?? d.clientVersion,
    tlsFingerprint: o.tlsFingerprint,
    explicitDeviceToken: o.deviceToken,
    bootstrapToken: o.bootstrapToken,
    origin: d.browser ? o.origin ?? pageOriginFor(o.url) : void 0,
    oneShot: o.oneShot,
    allowInsecurePrivateWs: o.allowInsecurePrivateWs ?? true,
    tickWatchMinIntervalMs: clamp(o.tickWatchMinIntervalMs ?? tickWatchMinIntervalMsDefault, tickWatchMinIntervalMsMin, tickWatchMinIntervalMsMax),
    requestTimeoutMs: o.requestTimeoutMs ?? requestTimeoutMsDefault,
    connectFailedCloseCode: d.browser ? browserConnectFailedCloseCode : 1008
  };
}
function loadStoredTokens(o) {
  if (!o.identity || !o.storedTokens) return {};
  if (o.storedTokensDeviceId !== void 0 && o.storedTokensDeviceId !== o.identity.deviceId) return {};
  const out = {};
  for (const [role, entry] of Object.entries(o.storedTokens)) out[role] = { token: entry.token, scopes: [...entry.scopes] };
  return out;
}
function createClientState(options) {
  const config = resolveConfig(options);
  return {
    config,
    credentials: { explicitToken: options.explicitToken, passiveToken: options.passiveToken, password: options.password },
    storedTokens: loadStoredTokens(options),
    tokenStorage: options.kind === "control-ui" ? options.switches.controlUiTokenPerTab ? "sessionStorage" : "localStorage" : null,
    lifecycle: "idle",
    socket: "none",
    handshake: "idle",
    attempts: 0,
    reconnects: 0,
    backoffMs: backoffShape(options.kind, options.switches).initialMs,
    pendingDeviceTokenRetry: false,
    deviceTokenRetryBudgetUsed: false,
    pendingConnectErrorDetailCode: null,
    pendingRetryAfterMs: null,
    lastAttempt: null,
    connectNonce: null,
    tickIntervalMs: tickIntervalMsDefault,
    lastTickMs: null,
    lastSeq: null,
    pendingCalls: /* @__PURE__ */ new Map(),
    queuedCalls: [],
    oneShotSettled: false,
    timers: /* @__PURE__ */ new Set(),
    hellos: 0
  };
}
function upgradeHeaders(config) {
  const headers = {};
  const host = hostHeaderFor(config.url);
  if (host !== void 0) headers["host"] = host;
  if (config.origin !== void 0) headers["origin"] = config.origin;
  return headers;
}

// src/clients/calls.ts
function sendCall(state, ctx, call) {
  const id = uuidV4(ctx.prng);
  const frame = { type: "req", id, method: call.method };
  if (call.params !== void 0) frame.params = call.params;
  state.pendingCalls.set(id, { id, method: call.method, oneShot: call.oneShot });
  return [{ kind: "ws-send", text: JSON.stringify(frame) }, setTimer(state, TimerKeys.request(id), state.config.requestTimeoutMs)];
}
function callOrQueue(state, ctx, method, params4) {
  if (state.lifecycle === "stopped" || state.lifecycle === "refused") return [rpcError("", method, "gateway client stopped")];
  if (state.handshake === "connected" && state.socket === "open") return sendCall(state, ctx, { method, params: params4, oneShot: false });
  if (state.queuedCalls.length >= queuedCallsMax) return [rpcError("", method, "gateway not connected")];
  state.queuedCalls.push({ method, params: params4 });
  return [];
}
function sendQueuedCalls(state, ctx) {
  const queued = state.queuedCalls.splice(0, state.queuedCalls.length);
  return queued.flatMap((c2) => sendCall(state, ctx, { method: c2.method, params: c2.params, oneShot: false }));
}
function answerCall(state, frame) {
  const pending = state.pendingCalls.get(frame.id);
  if (!pending) return null;
  state.pendingCalls.delete(frame.id);
  const outputs = cancelTimer(state, TimerKeys.request(frame.id));
  if (frame.ok) {
    outputs.push(event2({ name: "rpc-result", data: { id: frame.id, method: pending.method, ok: true, payload: frame.payload } }));
  } else {
    const error = { code: frame.error?.code ?? null, message: frame.error?.message ?? "unknown error", details: frame.error?.details };
    outputs.push(event2({ name: "rpc-result", data: { id: frame.id, method: pending.method, ok: false, error } }));
  }
  return { outputs, oneShot: pending.oneShot };
}
function timeoutCall(state, id) {
  const pending = state.pendingCalls.get(id);
  if (!pending) return null;
  state.pendingCalls.delete(id);
  return { outputs: [rpcError(id, pending.method, `gateway request timeout for ${pending.method}`)], oneShot: pending.oneShot };
}
function failPendingCalls(state, message) {
  const outputs = [];
  for (const pending of state.pendingCalls.values()) {
    outputs.push(...cancelTimer(state, TimerKeys.request(pending.id)), rpcError(pending.id, pending.method, message));
    if (pending.oneShot) state.oneShotSettled = true;
  }
  state.pendingCalls.clear();
  return outputs;
}
function rpcError(id, method, message) {
  return event2({ name: "rpc-result", data: { id, method, ok: false, error: { code: null, message } } });
}

// src/clients/connect-request.ts
function requestedScopes(config, selection) {
  return [...selection.storedScopes ?? config.scopes];
}
function clientInfo(config) {
  const client = {
    id: config.clientId,
    version: config.clientVersion,
    platform: config.platform,
    mode: config.mode
  };
  if (config.displayName !== void 0) client.displayName = config.displayName;
  if (config.deviceFamily !== void 0) client.deviceFamily = config.deviceFamily;
  if (config.instanceId !== void 0) client.instanceId = config.instanceId;
  if (config.buildId !== void 0) client.buildId = config.buildId;
  return client;
}
function deviceProof(input, scopes) {
  const { config, selection, nonce, signedAtMs } = input;
  const identity = config.identity;
  if (!identity) return void 0;
  const payload = buildSignaturePayload(nonce === void 0 ? "v1" : config.switches.signatureVersion, {
    deviceId: identity.deviceId,
    clientId: config.clientId,
    clientMode: config.mode,
    role: config.role,
    scopes,
    signedAtMs,
    token: selection.signatureToken,
    nonce,
    platform: config.platform,
    deviceFamily: config.deviceFamily
  });
  return {
    id: identity.deviceId,
    publicKey: identity.publicKeyBase64Url,
    signature: signPayload(identity, payload),
    signedAt: signedAtMs,
    ...nonce !== void 0 ? { nonce } : {}
  };
}
function buildConnectParams(input) {
  const { config, selection } = input;
  const scopes = requestedScopes(config, selection);
  const version = config.switches.protocolVersion;
  const params4 = {
    minProtocol: version,
    maxProtocol: version,
    client: clientInfo(config),
    caps: [...config.caps],
    role: config.role,
    scopes
  };
  if (config.commands !== void 0) params4.commands = [...config.commands];
  if (selection.auth !== void 0) params4.auth = { ...selection.auth };
  const auth = params4.auth;
  const copies = config.kind === "control-ui" && config.switches.controlUiPasswordCopiesToken;
  if (copies && auth?.token !== void 0 && auth.password === void 0 && auth.token === selection.sharedToken) auth.password = auth.token;
  const device = deviceProof(input, scopes);
  if (device !== void 0) params4.device = device;
  return params4;
}
function buildConnectFrame(input) {
  const params4 = buildConnectParams(input);
  const frame = { type: "req", id: input.requestId, method: "connect", params: params4 };
  return { text: JSON.stringify(frame), params: params4 };
}

// src/clients/credentials.ts
function trimmed(value) {
  const t = value?.trim();
  return t ? t : void 0;
}
function normalise(input) {
  return {
    explicit: trimmed(input.explicitToken),
    passive: trimmed(input.passiveToken),
    password: trimmed(input.password),
    deviceOption: trimmed(input.explicitDeviceToken),
    bootstrap: trimmed(input.bootstrapToken),
    stored: trimmed(input.stored?.token),
    storedScopes: input.stored?.scopes
  };
}
function selectCredentials(priority, input) {
  const n = normalise(input);
  const shared = n.explicit ?? n.passive;
  const sharedSource = n.explicit ? "explicit" : n.passive ? "passive" : null;
  const retry = input.retryPending && !n.deviceOption && Boolean(shared) && Boolean(n.stored) && input.trustedEndpoint;
  if (retry) return deviceTokenRetry(n, shared, sharedSource);
  switch (priority) {
    case "stored-first-self-heal":
      return legacy(n, firstOf([[n.deviceOption, "device-token-option"], [n.stored, "stored"], [n.explicit, "explicit"], [n.passive, "passive"]]), true);
    case "passive-wins":
      return legacy(n, firstOf([[n.explicit, "explicit"], [n.passive, "passive"], [n.deviceOption, "device-token-option"], [n.stored, "stored"]]), false);
    case "explicit-stored-passive":
      return legacy(n, firstOf([[n.explicit, "explicit"], [n.deviceOption, "device-token-option"], [n.stored, "stored"], [n.passive, "passive"]]), true);
    case "resolved-late":
      return resolvedLate(n, shared, sharedSource);
    default:
      return assertNever(priority, "token priority");
  }
}
function firstOf(candidates) {
  for (const [token, source] of candidates) if (token) return { token, source };
  return { token: void 0, source: null };
}
function legacy(n, chosen, selfHeal) {
  const usesDeviceToken = chosen.source === "stored" || chosen.source === "device-token-option";
  const shared = n.explicit ?? n.passive;
  return {
    auth: chosen.token || n.password ? pruned({ token: chosen.token, password: n.password }) : void 0,
    tokenSource: chosen.source,
    deviceTokenSource: null,
    signatureToken: chosen.token ?? "",
    storedScopes: void 0,
    sharedToken: shared,
    resolvedDeviceToken: usesDeviceToken ? chosen.token : void 0,
    isDeviceTokenRetry: false,
    canFallbackToShared: selfHeal && chosen.source === "stored" && Boolean(shared)
  };
}
function resolvedLate(n, shared, sharedSource) {
  const useStored = !(shared || n.password) && (!n.bootstrap || Boolean(n.stored));
  const resolvedDeviceToken = n.deviceOption ?? (useStored ? n.stored : void 0);
  const token = shared ?? resolvedDeviceToken;
  const bootstrapToken = !shared && !resolvedDeviceToken ? n.bootstrap : void 0;
  const deviceTokenSource = n.deviceOption ? "device-token-option" : resolvedDeviceToken ? "stored" : null;
  const any = token || bootstrapToken || n.password || resolvedDeviceToken;
  return {
    auth: any ? pruned({ token, bootstrapToken, deviceToken: resolvedDeviceToken, password: n.password }) : void 0,
    tokenSource: shared ? sharedSource : deviceTokenSource,
    deviceTokenSource,
    signatureToken: token ?? bootstrapToken ?? "",
    storedScopes: resolvedDeviceToken && n.stored ? n.storedScopes : void 0,
    sharedToken: shared,
    resolvedDeviceToken,
    isDeviceTokenRetry: false,
    canFallbackToShared: false
  };
}
function deviceTokenRetry(n, shared, sharedSource) {
  return {
    auth: pruned({ token: shared, deviceToken: n.stored, password: n.password }),
    tokenSource: sharedSource,
    deviceTokenSource: "stored",
    signatureToken: shared ?? "",
    storedScopes: n.storedScopes,
    sharedToken: shared,
    resolvedDeviceToken: n.stored,
    isDeviceTokenRetry: true,
    canFallbackToShared: false
  };
}
function pruned(auth) {
  const out = {};
  if (auth.token) out.token = auth.token;
  if (auth.bootstrapToken) out.bootstrapToken = auth.bootstrapToken;
  if (auth.deviceToken) out.deviceToken = auth.deviceToken;
  if (auth.password) out.password = auth.password;
  return out;
}

// src/clients/tick-watch.ts
function tickWatchIntervalMs(state) {
  return Math.max(state.tickIntervalMs, state.config.tickWatchMinIntervalMs);
}
function startTickWatch(state, nowMs) {
  state.lastTickMs = nowMs;
  return [setTimer(state, TimerKeys.tickWatch, tickWatchIntervalMs(state))];
}
function onTickWatchTimer(state, nowMs) {
  if (state.lifecycle !== "running" || state.handshake !== "connected" || state.socket !== "open") return [];
  const gapMs = nowMs - (state.lastTickMs ?? nowMs);
  if (gapMs > 2 * state.tickIntervalMs) {
    state.socket = "closing";
    return [
      event2({ name: "tick-timeout", data: { gapMs, tickIntervalMs: state.tickIntervalMs } }),
      { kind: "ws-close", code: CloseCodes.TICK_TIMEOUT, reason: CloseReasons.TICK_TIMEOUT }
    ];
  }
  return [setTimer(state, TimerKeys.tickWatch, tickWatchIntervalMs(state))];
}

// src/clients/handshake.ts
function trustedEndpoint(state) {
  return isTrustedRetryEndpoint(state.config.url, state.config.tlsFingerprint);
}
function onOpen(state) {
  if (state.socket !== "connecting") return [];
  state.socket = "open";
  state.handshake = "awaiting-challenge";
  state.connectNonce = null;
  const delayMs = clamp(state.config.switches.challengeTimeoutMs, challengeTimeoutMsMin, challengeTimeoutMsMax);
  return [setTimer(state, TimerKeys.challenge, delayMs)];
}
function failLocally(state, message, closeReason) {
  state.socket = "closing";
  return [
    ...cancelTimer(state, TimerKeys.challenge),
    event2({ name: "connect-error", data: { code: null, message, detailCode: null, details: void 0 } }),
    { kind: "ws-close", code: state.config.connectFailedCloseCode, reason: closeReason }
  ];
}
function onChallengeTimer(state, ctx) {
  if (state.handshake !== "awaiting-challenge" || state.socket !== "open") return [];
  if (state.config.switches.challengeTimeoutAction === "connect-without-nonce") return sendConnect(state, void 0, ctx.nowMs, ctx);
  return failLocally(state, "gateway connect challenge timeout", CloseReasons.CONNECT_CHALLENGE_TIMEOUT);
}
function onChallenge(state, payload, ctx) {
  if (state.handshake !== "awaiting-challenge") return [];
  const raw = payload !== null && typeof payload === "object" ? payload.nonce : void 0;
  const nonce = typeof raw === "string" ? raw.trim() : "";
  if (!nonce) return failLocally(state, "gateway connect challenge missing nonce", CloseReasons.CONNECT_CHALLENGE_MISSING_NONCE);
  state.connectNonce = nonce;
  return sendConnect(state, nonce, signedAtOf(state, payload, ctx), ctx);
}
function signedAtOf(state, payload, ctx) {
  if (state.config.switches.signedAtSource === "client-clock") return ctx.nowMs;
  const ts = payload.ts;
  return typeof ts === "number" && Number.isSafeInteger(ts) && ts >= 0 ? ts : ctx.nowMs;
}
function sendConnect(state, nonce, signedAtMs, ctx) {
  const { config, credentials } = state;
  const stored = state.storedTokens[config.role] ?? null;
  const usableStored = config.identity ? stored : null;
  const selection = selectCredentials(config.switches.tokenPriority, {
    ...credentials,
    explicitDeviceToken: config.explicitDeviceToken,
    bootstrapToken: config.bootstrapToken,
    stored: usableStored,
    retryPending: state.pendingDeviceTokenRetry,
    trustedEndpoint: trustedEndpoint(state)
  });
  const nothingToRetryWith = config.switches.pendingRetryDroppedWithoutStoredToken && usableStored === null;
  if (state.pendingDeviceTokenRetry && (selection.isDeviceTokenRetry || nothingToRetryWith)) state.pendingDeviceTokenRetry = false;
  const requestId = uuidV4(ctx.prng);
  const { text: text5, params: params4 } = buildConnectFrame({ config, selection, nonce, signedAtMs, requestId });
  state.handshake = "connect-sent";
  state.lastAttempt = {
    requestId,
    role: config.role,
    sharedToken: selection.sharedToken,
    resolvedDeviceToken: selection.resolvedDeviceToken,
    storedToken: usableStored?.token,
    canFallbackToShared: selection.canFallbackToShared
  };
  const attempt = {
    attempt: state.attempts,
    tokenSource: selection.tokenSource,
    deviceToken: selection.auth?.deviceToken ? selection.deviceTokenSource : null,
    bootstrapToken: Boolean(selection.auth?.bootstrapToken),
    password: Boolean(params4.auth?.password),
    device: config.identity !== null,
    deviceTokenRetry: selection.isDeviceTokenRetry,
    scopes: requestedScopes(config, selection)
  };
  return [
    ...cancelTimer(state, TimerKeys.challenge),
    { kind: "ws-send", text: text5 },
    setTimer(state, TimerKeys.request(requestId), config.requestTimeoutMs),
    event2({ name: "connect-attempt", data: attempt })
  ];
}
function onConnectAnswer(state, frame, ctx) {
  const outputs = cancelTimer(state, TimerKeys.request(frame.id));
  if (frame.ok) return [...outputs, ...onHello(state, frame.payload, ctx)];
  const error = frame.error;
  const message = error?.message ?? "unknown error";
  if (state.config.switches.honourRetryAfter && error?.code === "UNAVAILABLE" && error.retryable === true && typeof error.retryAfterMs === "number") {
    state.pendingRetryAfterMs = error.retryAfterMs;
  }
  return [...outputs, ...onConnectFailure(state, { fromGateway: true, code: error?.code ?? null, message, details: error?.details })];
}
function onHello(state, payload, ctx) {
  const hello = payload !== null && typeof payload === "object" ? payload : {};
  const auth = hello["auth"] ?? {};
  const policy = hello["policy"] ?? {};
  state.handshake = "connected";
  state.hellos++;
  state.pendingDeviceTokenRetry = false;
  state.deviceTokenRetryBudgetUsed = false;
  state.pendingConnectErrorDetailCode = null;
  state.backoffMs = backoffShape(state.config.kind, state.config.switches).initialMs;
  state.reconnects = 0;
  state.tickIntervalMs = typeof policy.tickIntervalMs === "number" ? policy.tickIntervalMs : tickIntervalMsDefault;
  const role = typeof auth.role === "string" ? auth.role : state.config.role;
  const grantedScopes = Array.isArray(auth.scopes) ? auth.scopes.filter((s) => typeof s === "string") : [];
  const outputs = [];
  const issued = typeof auth.deviceToken === "string" && auth.deviceToken.length > 0;
  if (issued) outputs.push(...storeDeviceToken(state, role, auth.deviceToken, normalizeDeviceAuthScopes(grantedScopes)));
  const data = {
    authMethod: typeof auth.method === "string" ? auth.method : null,
    role,
    scopes: grantedScopes,
    deviceTokenIssued: issued,
    protocol: typeof hello["protocol"] === "number" ? hello["protocol"] : null,
    tickIntervalMs: state.tickIntervalMs
  };
  outputs.push(...startTickWatch(state, ctx.nowMs), event2({ name: "hello", data }));
  const oneShot = state.config.oneShot;
  if (oneShot && !state.oneShotSettled) outputs.push(...sendCall(state, ctx, { method: oneShot.method, params: oneShot.params, oneShot: true }));
  outputs.push(...sendQueuedCalls(state, ctx));
  return outputs;
}
function onConnectFailure(state, error) {
  const keepsDetails = state.config.kind === "control-ui" || state.config.switches.connectErrorDetails;
  const facts = error.fromGateway && keepsDetails ? readConnectErrorFacts(error.details) : null;
  state.pendingConnectErrorDetailCode = facts?.detailCode ?? null;
  state.handshake = "idle";
  const attempt = state.lastAttempt;
  const outputs = [];
  if (attempt) outputs.push(...decideRetryAndSelfHeal(state, attempt, facts));
  if (state.pendingRetryAfterMs === null) {
    outputs.push(event2({ name: "connect-error", data: { code: error.code, message: error.message, detailCode: facts?.detailCode ?? null, details: keepsDetails ? error.details : void 0 } }));
  }
  if (state.socket === "open") {
    state.socket = "closing";
    outputs.push({ kind: "ws-close", code: state.config.connectFailedCloseCode, reason: CloseReasons.CONNECT_FAILED });
  }
  return outputs;
}
function decideRetryAndSelfHeal(state, attempt, facts) {
  const switches = state.config.switches;
  const retry = shouldRetryWithStoredDeviceToken({
    switches,
    budgetUsed: state.deviceTokenRetryBudgetUsed,
    usedDeviceToken: attempt.resolvedDeviceToken !== void 0,
    sharedToken: attempt.sharedToken,
    storedToken: attempt.storedToken,
    trustedEndpoint: trustedEndpoint(state),
    facts
  });
  if (retry) {
    state.pendingDeviceTokenRetry = true;
    state.deviceTokenRetryBudgetUsed = true;
    const fastRetryMs = backoffShape(state.config.kind, switches).fastRetryMs;
    if (fastRetryMs !== null) state.backoffMs = Math.min(state.backoffMs, fastRetryMs);
  }
  const outputs = [];
  if (attempt.canFallbackToShared) outputs.push(...clearDeviceToken(state, attempt.role));
  if (switches.pauseOnDeviceTokenMismatch && facts?.detailCode === ConnectErrorDetailCodes.AUTH_DEVICE_TOKEN_MISMATCH) {
    outputs.push(...clearDeviceToken(state, attempt.role));
  }
  return outputs;
}
function onConnectAbandoned(state, message) {
  const attempt = state.lastAttempt;
  const outputs = attempt ? [...cancelTimer(state, TimerKeys.request(attempt.requestId)), ...decideRetryAndSelfHeal(state, attempt, null)] : [];
  outputs.push(event2({ name: "connect-error", data: { code: null, message, detailCode: null, details: void 0 } }));
  return outputs;
}

// src/clients/stop.ts
function stopClient(state, reason) {
  if (state.lifecycle === "stopped") return [];
  state.lifecycle = "stopped";
  state.pendingDeviceTokenRetry = false;
  state.deviceTokenRetryBudgetUsed = false;
  state.pendingConnectErrorDetailCode = null;
  state.pendingRetryAfterMs = null;
  const outputs = [];
  for (const key of [TimerKeys.reconnect, TimerKeys.challenge, TimerKeys.tickWatch, TimerKeys.oneShot]) outputs.push(...cancelTimer(state, key));
  outputs.push(...failPendingCalls(state, "gateway client stopped"));
  state.queuedCalls.length = 0;
  if (state.socket === "connecting" || state.socket === "open") {
    state.socket = "closing";
    outputs.push({ kind: "ws-close", code: 1e3, reason: "" }, setTimer(state, TimerKeys.terminate, stopTerminateGraceMs));
  }
  outputs.push(event2({ name: "stopped", data: { reason } }));
  return outputs;
}
function failOneShot(state, message) {
  const outputs = failPendingCalls(state, message);
  const oneShot = state.config.oneShot;
  if (oneShot && !state.oneShotSettled) {
    state.oneShotSettled = true;
    outputs.push(rpcError("", oneShot.method, message));
  }
  return [...outputs, ...stopClient(state, "one-shot-failed")];
}

// src/clients/lifecycle.ts
function start2(state) {
  switch (state.lifecycle) {
    case "stopped":
    case "refused":
    case "running":
      return [];
    case "paused":
      return resume(state);
    case "idle": {
      state.lifecycle = "running";
      const oneShot = state.config.oneShot;
      const timer2 = oneShot ? [setTimer(state, TimerKeys.oneShot, oneShot.timeoutMs ?? oneShotTimeoutMsDefault)] : [];
      return [...timer2, ...openSocket(state)];
    }
  }
}
function openSocket(state) {
  const { config } = state;
  if (!kindDefaults[config.kind].browser) {
    const refusal = refuseUrl({
      url: config.url,
      tlsFingerprint: config.tlsFingerprint,
      guard: config.switches.insecureWsGuard,
      allows: config.switches.insecureWsAllows,
      allowPrivateWs: config.allowInsecurePrivateWs
    });
    if (refusal) return refuse2(state, refusal);
  }
  state.attempts++;
  state.socket = "connecting";
  state.handshake = "idle";
  return [{ kind: "ws-connect", url: config.url, headers: upgradeHeaders(config) }];
}
function refuse2(state, refusal) {
  state.lifecycle = "refused";
  const outputs = [
    ...cancelTimer(state, TimerKeys.oneShot),
    event2({ name: "refused", data: refusal }),
    event2({ name: "connect-error", data: { code: null, message: refusal.message, detailCode: null, details: void 0 } })
  ];
  const oneShot = state.config.oneShot;
  if (oneShot && !state.oneShotSettled) {
    state.oneShotSettled = true;
    outputs.push(rpcError("", oneShot.method, refusal.message));
  }
  return outputs;
}
function onClose(state, code, reason, ctx) {
  if (state.socket === "none") return [];
  const handshake = state.handshake;
  state.socket = "none";
  state.handshake = "idle";
  state.connectNonce = null;
  const message = `gateway closed (${code}): ${reason}`;
  const outputs = [];
  for (const key of [TimerKeys.challenge, TimerKeys.tickWatch, TimerKeys.terminate]) outputs.push(...cancelTimer(state, key));
  outputs.push(...staleTokenSelfHeal(state, code, reason), ...failPendingCalls(state, message), event2({ name: "closed", data: { code, reason } }));
  if (handshake === "connect-sent") outputs.push(...onConnectAbandoned(state, message));
  const detailCode = state.pendingConnectErrorDetailCode;
  state.pendingConnectErrorDetailCode = null;
  if (state.lifecycle !== "running") return outputs;
  if (state.config.oneShot) return [...outputs, ...failOneShot(state, message)];
  const decision = pauseDecision({
    switches: state.config.switches,
    detailCode,
    retryPending: state.pendingDeviceTokenRetry,
    trustedEndpoint: trustedEndpoint(state),
    budgetUsed: state.deviceTokenRetryBudgetUsed
  });
  if (decision.pause) {
    state.lifecycle = "paused";
    return [...outputs, event2({ name: "paused", data: { detailCode: decision.detailCode, why: decision.why } })];
  }
  return [...outputs, ...scheduleReconnect(state, ctx)];
}
function staleTokenSelfHeal(state, code, reason) {
  const { config, credentials } = state;
  if (!config.switches.staleTokenSelfHeal || code !== 1008 || !reason.toLowerCase().includes("device token mismatch")) return [];
  const shared = credentials.explicitToken?.trim() || credentials.passiveToken?.trim() || credentials.password?.trim();
  if (shared && !config.switches.staleTokenSelfHealWithShared || !config.identity) return [];
  return clearDeviceToken(state, config.role);
}
function scheduleReconnect(state, ctx) {
  const retryAfterMs = state.pendingRetryAfterMs;
  state.pendingRetryAfterMs = null;
  const { delayMs, nextBackoffMs } = retryAfterMs !== null ? { delayMs: retryAfterMs, nextBackoffMs: state.backoffMs } : nextBackoff(backoffShape(state.config.kind, state.config.switches), state.backoffMs, ctx.prng);
  state.backoffMs = nextBackoffMs;
  state.reconnects++;
  return [setTimer(state, TimerKeys.reconnect, delayMs), event2({ name: "reconnect-scheduled", data: { delayMs, attempt: state.reconnects } })];
}
function onReconnectTimer(state) {
  if (state.lifecycle !== "running" || state.socket !== "none") return [];
  return openSocket(state);
}
function onTerminateTimer(state) {
  return state.socket === "none" ? [] : [{ kind: "ws-terminate" }];
}
function resume(state) {
  state.lifecycle = "running";
  state.pendingDeviceTokenRetry = false;
  state.deviceTokenRetryBudgetUsed = false;
  state.backoffMs = backoffShape(state.config.kind, state.config.switches).initialMs;
  state.reconnects = 0;
  return [event2({ name: "resumed", data: {} }), ...state.socket === "none" ? openSocket(state) : []];
}
function credentialsChanged(state, input) {
  const c2 = state.credentials;
  for (const field of ["explicitToken", "passiveToken", "password"]) {
    const value = input[field];
    if (value === null) delete c2[field];
    else if (value !== void 0) c2[field] = value;
  }
  return state.lifecycle === "paused" ? resume(state) : [];
}
function deviceAuthChanged(state, storedTokens) {
  state.storedTokens = loadStoredTokens({ identity: state.config.identity, storedTokens });
  return [];
}
function onSocketError(state, message, ctx) {
  if (state.socket !== "connecting" && state.socket !== "open") return [];
  const awaitingConnect = state.handshake === "idle" || state.handshake === "awaiting-challenge";
  const outputs = awaitingConnect ? [event2({ name: "connect-error", data: { code: null, message, detailCode: null, details: void 0 } })] : [];
  if (state.socket === "connecting") outputs.push(...onClose(state, 1006, "", ctx));
  return outputs;
}
function onUnexpectedResponse(state, status, ctx) {
  if (state.socket !== "connecting") return [];
  return onSocketError(state, `Unexpected server response: ${status}`, ctx);
}
function onConnectTimeout(state) {
  if (state.handshake !== "connect-sent") return [];
  return onConnectFailure(state, { fromGateway: false, code: null, message: "gateway request timeout for connect", details: void 0 });
}

// src/clients/client.ts
function clientStep(state, input, ctx) {
  switch (input.kind) {
    case "start":
      return start2(state);
    case "ws-open":
      return onOpen(state);
    case "ws-message":
      return onMessage(state, input.text, ctx);
    case "ws-close":
      return onClose(state, input.code, input.reason, ctx);
    case "ws-unexpected-response":
      return onUnexpectedResponse(state, input.status, ctx);
    case "ws-error":
      return onSocketError(state, input.message, ctx);
    case "timer":
      return onTimer(state, input.key, ctx);
    case "stop":
      return stopClient(state, "stop");
    case "call":
      return callOrQueue(state, ctx, input.method, input.params);
    case "credentials-changed":
      return credentialsChanged(state, input);
    case "device-auth-changed":
      return deviceAuthChanged(state, input.storedTokens);
    default:
      return assertNever(input, "client input");
  }
}
function onMessage(state, text5, ctx) {
  if (state.socket !== "open") return [];
  let parsed;
  try {
    parsed = JSON.parse(text5);
  } catch {
    return [];
  }
  if (validateEventFrame(parsed)) return onEvent(state, parsed, ctx);
  if (validateResponseFrame(parsed)) return onResponse(state, parsed, ctx);
  return [];
}
function onEvent(state, frame, ctx) {
  if (frame.event === "connect.challenge") return onChallenge(state, frame.payload, ctx);
  const outputs = [];
  if (typeof frame.seq === "number") {
    if (state.lastSeq !== null && frame.seq > state.lastSeq + 1) {
      outputs.push(event2({ name: "gap", data: { expected: state.lastSeq + 1, received: frame.seq } }));
    }
    state.lastSeq = frame.seq;
  }
  if (frame.event === "tick") state.lastTickMs = ctx.nowMs;
  else outputs.push(event2({ name: "gateway-event", data: { event: frame.event, payload: frame.payload } }));
  return outputs;
}
function onResponse(state, frame, ctx) {
  if (state.handshake === "connect-sent" && frame.id === state.lastAttempt?.requestId) return onConnectAnswer(state, frame, ctx);
  const answered = answerCall(state, frame);
  if (!answered) return [];
  if (!answered.oneShot) return answered.outputs;
  state.oneShotSettled = true;
  return [...answered.outputs, ...stopClient(state, "one-shot-complete")];
}
function onTimer(state, key, ctx) {
  if (!takeTimer(state, key)) return [];
  switch (key) {
    case TimerKeys.challenge:
      return onChallengeTimer(state, ctx);
    case TimerKeys.reconnect:
      return onReconnectTimer(state);
    case TimerKeys.tickWatch:
      return onTickWatchTimer(state, ctx.nowMs);
    case TimerKeys.terminate:
      return onTerminateTimer(state);
    case TimerKeys.oneShot:
      return failOneShot(state, `gateway timeout after ${state.config.oneShot?.timeoutMs ?? oneShotTimeoutMsDefault}ms`);
  }
  if (!key.startsWith(REQUEST_TIMER_PREFIX)) return [];
  const id = key.slice(REQUEST_TIMER_PREFIX.length);
  if (id === state.lastAttempt?.requestId) return onConnectTimeout(state);
  const timedOut = timeoutCall(state, id);
  if (!timedOut) return [];
  if (!timedOut.oneShot) return timedOut.outputs;
  state.oneShotSettled = true;
  return [...timedOut.outputs, ...stopClient(state, "one-shot-failed")];
}

// src/clients/reconnect-policy.ts
function withReconnectPolicy(switches, policy) {
  if (!policy) return switches;
  const merged = { ...switches, ...policy };
  assert(merged.backoffInitialMs > 0 && merged.backoffInitialMs <= merged.backoffMaxMs, "reconnect policy: need 0 < backoffInitialMs <= backoffMaxMs");
  assert(merged.fastRetryMs > 0 && merged.challengeTimeoutMs > 0, "reconnect policy: fastRetryMs and challengeTimeoutMs must be positive");
  return merged;
}

// src/world/client-node.ts
var DeviceAuthFile = class {
  tokens = {};
  deviceId;
  readers = /* @__PURE__ */ new Set();
  /** Unparseable on disk: a reader sees no store (loadDeviceAuthStore → null); the next write replaces it. */
  corrupt = false;
  /** The scenario's pre-seeded tokens (ClientOptions.storedTokens) no longer stand for the file's content:
   *  it was written, deleted or corrupted since. */
  seedDropped = false;
  /** Token writes per role (a reissued token is a second write). */
  writes = /* @__PURE__ */ new Map();
  /** What a reader gets: nothing when the file is corrupt. */
  readable() {
    return this.corrupt ? {} : this.tokens;
  }
  /** Writes the role's token; a file of another device (or a corrupt one) starts over. */
  store(deviceId, role, token, scopes) {
    if (this.deviceId !== deviceId || this.corrupt) this.tokens = {};
    this.corrupt = false;
    this.seedDropped = true;
    this.deviceId = deviceId;
    this.tokens = { ...this.tokens, [role]: { token, scopes } };
    this.writes.set(role, (this.writes.get(role) ?? 0) + 1);
  }
};
var ClientNode = class {
  constructor(scheduler, network, options) {
    this.scheduler = scheduler;
    this.network = network;
    this.options = options;
    this.name = options.name;
    this.prng = scheduler.stream(`client:${options.name}`);
    this.timers = new KeyedTimers(scheduler, this.name, (key) => this.input({ kind: "timer", key }));
    const file = options.file;
    const identityId = options.client.identity?.deviceId;
    const stored = file.deviceId === void 0 || file.deviceId === identityId ? file.readable() : {};
    this.state = createClientState({ ...options.client, storedTokens: { ...stored, ...options.client.storedTokens ?? {} }, storedTokensDeviceId: identityId });
    file.readers.add(this);
  }
  scheduler;
  network;
  options;
  name;
  state;
  prng;
  timers;
  socket;
  generation = 0;
  /** Force-stopped (SIGKILL): no further input is processed; a relaunch builds a new node. */
  killed = false;
  start() {
    this.input({ kind: "start" });
  }
  stop() {
    this.input({ kind: "stop" });
  }
  call(method, params4) {
    this.input({ kind: "call", method, params: params4 });
  }
  credentialsChanged(change) {
    this.scheduler.record(this.name, "client", { event: "credentials-changed", fields: Object.keys(change) });
    this.input({ kind: "credentials-changed", ...change });
  }
  /** SIGKILL: the socket is reset (the gateway sees 1006), timers vanish, nothing else runs. */
  kill() {
    if (this.killed) return;
    this.killed = true;
    this.generation++;
    this.socket?.terminate();
    this.socket = void 0;
    this.timers.cancelAll();
    this.options.file.readers.delete(this);
  }
  input(input) {
    if (this.killed) return;
    const outputs = clientStep(this.state, input, { nowMs: this.options.clock.nowMs(), prng: this.prng });
    this.apply(outputs);
  }
  connect(url, headers) {
    const generation = ++this.generation;
    const live = () => generation === this.generation;
    this.socket = this.network.connect({
      fromHost: this.options.host,
      url,
      headers,
      callbacks: {
        onOpen: () => live() && this.input({ kind: "ws-open" }),
        onMessage: (text5) => live() && this.input({ kind: "ws-message", text: text5 }),
        onUnexpectedResponse: (status, body) => live() && this.input({ kind: "ws-unexpected-response", status, body }),
        onError: (error) => live() && this.input({ kind: "ws-error", message: `${error.code}: ${error.message}` }),
        onClose: (code, reason) => {
          if (!live()) return;
          this.socket = void 0;
          this.input({ kind: "ws-close", code, reason });
        }
      }
    });
  }
  apply(outputs) {
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
          this.scheduler.record(this.name, "client", { ...out.data, event: out.name });
          break;
      }
    }
  }
  updateFile(out) {
    const file = this.options.file;
    if (out.kind === "store-device-token") {
      file.store(out.deviceId, out.role, out.token, out.scopes);
    } else if (file.deviceId === out.deviceId) {
      const { [out.role]: _gone, ...rest } = file.tokens;
      file.tokens = rest;
    }
    this.scheduler.record(this.name, "host", { event: `device-auth.${out.kind === "store-device-token" ? "store" : "clear"}`, role: out.role });
    for (const reader of file.readers) {
      if (reader !== this) reader.input({ kind: "device-auth-changed", storedTokens: file.readable() });
    }
  }
};

// src/world/attempt/connect-frame.ts
var identityCache = /* @__PURE__ */ new Map();
function identityFromSeed2(seedHex) {
  let identity = identityCache.get(seedHex);
  if (!identity) {
    identity = identityFromSeed(Uint8Array.from(Buffer.from(seedHex, "hex")));
    identityCache.set(seedHex, identity);
  }
  return identity;
}
function signPayload2(identity, payload, format) {
  const sig = signPayload(identity, payload);
  return format === "base64" ? Buffer.from(sig, "base64url").toString("base64") : sig;
}
var PLACEHOLDER = /\{\{([A-Za-z]+)(?::([^}]+))?\}\}/g;
var BLANK_NONCE = "   ";
var DEFAULT_CONNECT_ID = "connect-1";
var NEVER_ISSUED_NONCE = "00000000-0000-4000-8000-000000000000";
function deviceTokenKey(deviceId, role) {
  return `${deviceId}/${role}`;
}
function resolveOne(name, arg, ctx) {
  switch (name) {
    case "gatewayToken":
      return ctx.gatewayToken;
    case "port":
      return String(ctx.port);
    case "nonce":
      return ctx.nonce ?? void 0;
    case "staleNonce":
      return ctx.staleNonce ?? void 0;
    case "lastRequestId":
      return ctx.lastRequestId ?? void 0;
    case "deviceId": {
      const seed = arg === void 0 ? void 0 : ctx.identities[arg];
      return seed === void 0 ? void 0 : identityFromSeed2(seed).deviceId;
    }
    case "deviceToken": {
      const [identityName2, role = "operator"] = (arg ?? "").split("/");
      const seed = identityName2 === void 0 ? void 0 : ctx.identities[identityName2];
      if (seed === void 0) return void 0;
      return ctx.deviceTokens.get(deviceTokenKey(identityFromSeed2(seed).deviceId, role));
    }
    default:
      return void 0;
  }
}
function resolveText(text5, ctx, unresolved) {
  if (!text5.includes("{{")) return text5;
  return text5.replace(PLACEHOLDER, (whole, name, arg) => {
    const value = resolveOne(name, arg, ctx);
    if (value === void 0) {
      unresolved.push(whole);
      return whole;
    }
    return value;
  });
}
var holdsPlaceholder = /* @__PURE__ */ new WeakMap();
function hasPlaceholder(value) {
  if (typeof value === "string") return value.includes("{{");
  if (value === null || typeof value !== "object") return false;
  let known2 = holdsPlaceholder.get(value);
  if (known2 === void 0) {
    known2 = Array.isArray(value) ? value.some(hasPlaceholder) : Object.values(value).some(hasPlaceholder);
    holdsPlaceholder.set(value, known2);
  }
  return known2;
}
function resolveDeep(value, ctx, unresolved) {
  if (typeof value === "string") return resolveText(value, ctx, unresolved);
  if (value === null || typeof value !== "object" || !hasPlaceholder(value)) return value;
  if (Array.isArray(value)) return value.map((item) => resolveDeep(item, ctx, unresolved));
  const out = {};
  for (const key of Object.keys(value)) out[key] = resolveDeep(value[key], ctx, unresolved);
  return out;
}
function nonceValue(mode, ctx, unresolved) {
  switch (mode) {
    case "challenge":
      if (ctx.nonce === null) unresolved.push("challenge nonce");
      return ctx.nonce ?? "";
    case "blank":
      return BLANK_NONCE;
    case "stale":
      return ctx.staleNonce ?? NEVER_ISSUED_NONCE;
    case "omit":
      return void 0;
    default:
      return resolveText(mode, ctx, unresolved);
  }
}
function asRecord(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}
function firstString(...values) {
  for (const value of values) if (typeof value === "string" && value.length > 0) return value;
  return "";
}
function buildDevice(spec, params4, ctx, unresolved) {
  const identity = identityFromSeed2(spec.identitySeed);
  const signer = spec.otherKeySeed === void 0 ? identity : identityFromSeed2(spec.otherKeySeed);
  const client = asRecord(params4.client);
  const auth = asRecord(params4.auth);
  const deviceNonce = nonceValue(spec.nonce ?? "challenge", ctx, unresolved);
  const signedNonce = spec.signNonce === void 0 ? deviceNonce ?? "" : nonceValue(spec.signNonce, ctx, unresolved) ?? "";
  const deviceId = spec.idOverride ?? identity.deviceId;
  const signedAtMs = ctx.nowMs + (spec.signedAtOffsetMs ?? 0);
  const payload = buildSignaturePayload(spec.payloadVersion, {
    deviceId,
    clientId: String(client.id ?? ""),
    clientMode: String(client.mode ?? ""),
    role: typeof params4.role === "string" ? params4.role : "operator",
    scopes: spec.signScopes ?? (Array.isArray(params4.scopes) ? params4.scopes.map(String) : []),
    signedAtMs,
    token: spec.signToken === void 0 ? firstString(auth.token, auth.deviceToken, auth.bootstrapToken) : resolveText(spec.signToken, ctx, unresolved),
    nonce: signedNonce,
    platform: client.platform,
    deviceFamily: client.deviceFamily
  });
  const publicKey = spec.publicKeyFormat === "pem" ? identity.publicKeyPem : spec.publicKeyFormat === "garbage" ? "not-a-public-key" : identity.publicKeyBase64Url;
  const device = {
    id: deviceId,
    publicKey,
    signature: signPayload2(signer, payload, spec.signatureFormat ?? "base64url"),
    signedAt: signedAtMs
  };
  if (deviceNonce !== void 0) device.nonce = deviceNonce;
  for (const field of spec.omitFields ?? []) delete device[field];
  return spec.extraFields === void 0 ? device : { ...device, ...spec.extraFields };
}
function padFrame(text5, padToBytes, unresolved) {
  if (padToBytes === void 0) return text5;
  const bytes = Buffer.byteLength(text5, "utf8");
  if (bytes > padToBytes) {
    unresolved.push(`padToBytes ${padToBytes} < frame ${bytes}`);
    return text5;
  }
  return text5 + " ".repeat(padToBytes - bytes);
}
function buildFrames(attempt, ctx) {
  const unresolved = [];
  const preFrames = (attempt.preFrames ?? []).map((frame2) => resolveText(frame2, ctx, unresolved));
  const spec = attempt.connect;
  if (spec === void 0) return { preFrames, connect: null, connectId: null, unresolved };
  if ("raw" in spec) {
    const text5 = resolveText(spec.raw, ctx, unresolved);
    let connectId = null;
    try {
      const id2 = asRecord(JSON.parse(text5)).id;
      connectId = typeof id2 === "string" ? id2 : null;
    } catch {
      connectId = null;
    }
    return { preFrames, connect: text5, connectId, unresolved };
  }
  const resolved = asRecord(resolveDeep(spec.params, ctx, unresolved));
  const params4 = resolved === spec.params ? { ...resolved } : resolved;
  if (attempt.device !== void 0) params4.device = buildDevice(attempt.device, params4, ctx, unresolved);
  const id = spec.id ?? DEFAULT_CONNECT_ID;
  const base = { type: "req", id, method: "connect", params: params4 };
  const frame = spec.frameExtra === void 0 ? base : { ...base, ...asRecord(resolveDeep(spec.frameExtra, ctx, unresolved)) };
  return { preFrames, connect: padFrame(JSON.stringify(frame), spec.padToBytes, unresolved), connectId: id, unresolved };
}

// src/world/attempt/attempt-runner.ts
var waitMsDefault = 2e4;
var uuidV4Pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
function runAttempt(env, attempt, done) {
  const { scheduler } = env;
  const obs = { challenge: null, response: null, preFrameResponses: [], rpc: [], close: null, events: /* @__PURE__ */ new Set(), notes: [], openedAtMs: 0, sentAtMs: scheduler.nowMs() };
  let connectId = null;
  let rpcQueue = [...attempt.afterHello ?? []];
  let rpcPending = null;
  let frameCtx = null;
  let finished = false;
  let clientClosed = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    scheduler.cancel(watchdog);
    done(toOutcome(obs, scheduler.nowMs()));
  };
  const watchdog = scheduler.schedule(attempt.waitMsMax ?? waitMsDefault, { actor: env.fromHost, label: `attempt:${attempt.name}:wait` }, () => {
    obs.notes.push("timeout waiting for the server");
    clientClosed = true;
    socket.close(1e3, "");
    finish();
  });
  const sendNextRpc = () => {
    const call = rpcQueue.shift();
    if (!call) {
      clientClosed = true;
      socket.close(1e3, "");
      return;
    }
    rpcPending = { id: `rpc-${obs.rpc.length + 1}`, method: call.method };
    const unresolved = [];
    const params4 = frameCtx ? resolveDeep(call.params ?? {}, frameCtx, unresolved) : call.params ?? {};
    obs.notes.push(...unresolved.map((u) => `unresolved ${u}`));
    socket.send(JSON.stringify({ type: "req", id: rpcPending.id, method: call.method, params: params4 }));
  };
  const onFrame = (text5) => {
    let frame;
    try {
      frame = JSON.parse(text5);
    } catch {
      obs.notes.push("non-JSON frame from server");
      return;
    }
    if (frame["type"] === "event") return onEvent2(frame);
    if (frame["type"] !== "res") return;
    if (frame["id"] === connectId && obs.response === null) return onConnectResponse(frame);
    if (rpcPending && frame["id"] === rpcPending.id) {
      obs.rpc.push(observeRpc(rpcPending.method, frame));
      rpcPending = null;
      return sendNextRpc();
    }
    obs.preFrameResponses.push(redactFrame(frame));
  };
  const onEvent2 = (frame) => {
    const name = String(frame["event"]);
    const payload = frame["payload"] ?? {};
    if (name !== "connect.challenge" || obs.challenge !== null) {
      obs.events.add(name);
      return;
    }
    const nonce = typeof payload["nonce"] === "string" ? payload["nonce"] : null;
    obs.challenge = { hasNonce: nonce !== null && nonce.trim() !== "", nonceIsUuidV4: nonce !== null && uuidV4Pattern.test(nonce), ts: "<ts>", ...payload["capabilities"] !== void 0 ? { capabilities: payload["capabilities"] } : {}, afterOpenMs: scheduler.nowMs() - obs.openedAtMs };
    if (!attempt.sendBeforeChallenge) return sendConnect2(nonce);
    env.lastNonce.value = nonce;
  };
  const sendConnect2 = (nonce) => {
    const ctx = { port: env.port, gatewayToken: env.gatewayToken, nonce, staleNonce: env.lastNonce.value, lastRequestId: env.lastRequestId?.value ?? null, identities: env.identities, deviceTokens: env.deviceTokens, nowMs: env.clock.nowMs() };
    if (nonce !== null) env.lastNonce.value = nonce;
    frameCtx = ctx;
    const built = buildFrames(attempt, ctx);
    obs.notes.push(...built.unresolved.map((u) => `unresolved ${u}`));
    for (const pre of built.preFrames) socket.send(pre);
    connectId = built.connectId;
    obs.sentAtMs = scheduler.nowMs();
    if (built.connect !== null) socket.send(built.connect);
  };
  const onConnectResponse = (frame) => {
    obs.respondedAtMs = scheduler.nowMs();
    if (frame["ok"] === true) {
      const payload = frame["payload"] ?? {};
      const auth = payload["auth"];
      if (auth && typeof auth["deviceToken"] === "string") {
        const deviceId = deviceIdOf(attempt);
        if (deviceId) env.deviceTokens.set(deviceTokenKey(deviceId, String(auth["role"] ?? "operator")), auth["deviceToken"]);
      }
      obs.response = { ok: true, helloOk: observeHello(payload) };
      sendNextRpc();
      return;
    }
    const requestId = (frame["error"] ?? {}).details?.requestId;
    if (typeof requestId === "string" && env.lastRequestId) env.lastRequestId.value = requestId;
    obs.response = { ok: false, error: observeError(frame["error"]) };
  };
  const socket = env.network.connect({
    fromHost: env.fromHost,
    url: env.url,
    headers: resolveHeaders(attempt, env),
    callbacks: {
      onOpen: () => {
        obs.openedAtMs = scheduler.nowMs();
        if (attempt.sendBeforeChallenge) sendConnect2(null);
      },
      onMessage: onFrame,
      onUnexpectedResponse: (status, body) => void (obs.upgradeRefused = { status, body }),
      onError: (error) => void obs.notes.push(`socket error ${error.code}`),
      onClose: (code, reason) => {
        if (!obs.upgradeRefused) obs.close = { code, reason, by: clientClosed ? "client" : "server" };
        obs.closedAtMs = scheduler.nowMs();
        finish();
      }
    }
  });
  if (attempt.connect === void 0) rpcQueue = [];
}
function resolveHeaders(attempt, env) {
  const out = {};
  for (const [k, v] of Object.entries(attempt.headers ?? {})) out[k.toLowerCase()] = v.replaceAll("{{port}}", String(env.port)).replaceAll("{{gatewayToken}}", env.gatewayToken);
  return out;
}
function deviceIdOf(attempt) {
  if (!attempt.device) return null;
  if (attempt.device.idOverride) return attempt.device.idOverride;
  return identityFromSeed2(attempt.device.identitySeed).deviceId;
}
function observeError(raw) {
  const e = raw ?? {};
  const out = { code: String(e["code"] ?? ""), message: String(e["message"] ?? "") };
  if (e["details"] !== void 0) out["details"] = redactValue(e["details"]);
  if (e["retryable"] !== void 0) out["retryable"] = e["retryable"];
  if (e["retryAfterMs"] !== void 0) out["retryAfterMs"] = e["retryAfterMs"];
  return out;
}
function observeHello(payload) {
  const server = payload["server"] ?? {};
  return {
    protocol: payload["protocol"],
    serverVersion: server["version"],
    auth: redactValue(payload["auth"]),
    policy: payload["policy"],
    payloadKeys: sortedKeys2(payload),
    snapshotKeys: sortedKeys2(payload["snapshot"] ?? {})
  };
}
function sortedKeys2(value) {
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}
function observeRpc(method, frame) {
  if (frame["ok"] === true && method === "system-presence" && Array.isArray(frame["payload"])) {
    return { method, ok: true, payloadKeys: [], summary: presenceSummary(frame["payload"]) };
  }
  if (frame["ok"] === true) return { method, ok: true, payloadKeys: Object.keys(frame["payload"] ?? {}).sort() };
  return { method, ok: false, error: observeError(frame["error"]) };
}
function presenceSummary(entries) {
  return entries.map((e) => `${String(e["host"] ?? "")}/${String(e["mode"] ?? "")}/${String(e["reason"] ?? "")}`);
}
function redactFrame(frame) {
  return redactValue(frame);
}
function redactValue(value) {
  if (Array.isArray(value)) return value.map(redactValue);
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const k of Object.keys(value)) {
      const v = value[k];
      if ((k === "deviceToken" || k === "token") && typeof v === "string") out[k] = "<token>";
      else if ((k === "issuedAtMs" || k === "ts") && typeof v === "number") out[k] = "<ts>";
      else if (k === "requestId" && typeof v === "string") out[k] = "<requestId>";
      else out[k] = redactValue(v);
    }
    return out;
  }
  return value;
}
function toOutcome(obs, nowMs) {
  const out = {
    challenge: obs.challenge,
    response: obs.response,
    close: obs.close,
    elapsedMs: (obs.respondedAtMs ?? obs.closedAtMs ?? nowMs) - obs.sentAtMs,
    events: [...obs.events].sort()
  };
  if (obs.upgradeRefused) out["upgradeRefused"] = obs.upgradeRefused;
  if (obs.preFrameResponses.length > 0) out["preFrameResponses"] = obs.preFrameResponses;
  if (obs.rpc.length > 0) out["rpc"] = obs.rpc;
  if (obs.close?.by === "server" && obs.closedAtMs !== void 0) out["closeAfterMs"] = obs.closedAtMs - obs.sentAtMs;
  if (obs.notes.length > 0) out["notes"] = obs.notes;
  return out;
}

// src/world/real-client-observe.ts
function readRequestFrame(text5) {
  const parsed = parseJsonObject(text5);
  if (parsed === void 0) return void 0;
  const frame = parsed;
  if (frame.type !== "req" || typeof frame.method !== "string") return void 0;
  const params4 = frame.params !== null && typeof frame.params === "object" ? frame.params : {};
  return { method: frame.method, id: typeof frame.id === "string" ? frame.id : "", params: params4 };
}
function text4(value) {
  return typeof value === "string" && value.length > 0 ? value : void 0;
}
function connectAttemptData(params4, attempt, given) {
  const auth = params4["auth"] !== null && typeof params4["auth"] === "object" ? params4["auth"] : {};
  const token = text4(auth["token"]);
  const deviceToken = text4(auth["deviceToken"]);
  const shared = text4(given.explicitToken) ?? text4(given.passiveToken);
  const sharedSource = text4(given.explicitToken) ? "explicit" : "passive";
  const deviceSource = deviceToken === void 0 ? null : deviceToken === text4(given.deviceTokenOption) ? "device-token-option" : "stored";
  let tokenSource = null;
  if (token !== void 0 && token === shared) tokenSource = sharedSource;
  else if (token !== void 0 && token === text4(given.deviceTokenOption)) tokenSource = "device-token-option";
  else if (token !== void 0) tokenSource = "stored";
  const scopes = Array.isArray(params4["scopes"]) ? params4["scopes"].filter((s) => typeof s === "string") : [];
  return {
    attempt,
    tokenSource,
    deviceToken: deviceSource,
    bootstrapToken: text4(auth["bootstrapToken"]) !== void 0,
    password: text4(auth["password"]) !== void 0,
    device: params4["device"] !== void 0 && params4["device"] !== null,
    deviceTokenRetry: deviceToken !== void 0 && shared !== void 0 && token === shared,
    scopes
  };
}
function helloData(hello, role) {
  const auth = hello.auth ?? {};
  return {
    authMethod: typeof auth.method === "string" ? auth.method : null,
    role: typeof auth.role === "string" ? auth.role : role,
    scopes: Array.isArray(auth.scopes) ? auth.scopes.filter((s) => typeof s === "string") : [],
    deviceTokenIssued: typeof auth.deviceToken === "string" && auth.deviceToken.length > 0,
    protocol: typeof hello.protocol === "number" ? hello.protocol : null,
    tickIntervalMs: typeof hello.policy?.tickIntervalMs === "number" ? hello.policy.tickIntervalMs : 3e4
  };
}
function connectErrorData(error) {
  const details = error.details;
  const d = details !== null && typeof details === "object" ? details : {};
  const code = error.gatewayCode ?? error.code;
  return {
    code: typeof code === "string" ? code : null,
    message: error.message,
    detailCode: typeof d["code"] === "string" ? d["code"] : null,
    details
  };
}
function pausedData(info) {
  return { detailCode: info.detailCode, why: `reconnect paused after close ${info.code} ${info.reason}`.trim(), code: info.code };
}
function refusalOf(error) {
  if (error.message.startsWith("SECURITY ERROR") && error.message.includes("plaintext ws://")) return { reason: "insecure-ws", message: error.message };
  if (error.message.includes("tls fingerprint requires wss://")) return { reason: "tls-fingerprint-requires-wss", message: error.message };
  return void 0;
}

// src/world/real-client-fs.ts
var registryKey = /* @__PURE__ */ Symbol.for("clawsim.real-client.device-auth-file");
function registry() {
  const g = globalThis;
  g[registryKey] ??= { current: void 0 };
  return g[registryKey];
}
function bindDeviceAuthFile(access) {
  registry().current = access;
}
function deviceAuthFileText(file) {
  if (file.corrupt) return "{ not json";
  if (file.deviceId === void 0) return void 0;
  const tokens = Object.fromEntries(Object.entries(file.tokens).map(([role, t]) => [role, { token: t.token, role, scopes: [...t.scopes], updatedAtMs: 0 }]));
  return `${JSON.stringify({ version: 1, deviceId: file.deviceId, tokens }, null, 2)}
`;
}
function deviceIdentityFileText(identity) {
  return `${JSON.stringify({ version: 1, deviceId: identity.deviceId, publicKeyPem: identity.publicKeyPem, privateKeyPem: identity.privateKeyPem, createdAtMs: 0 }, null, 2)}
`;
}
function deviceAuthChanges(file, text5) {
  const parsed = parseJsonObject(text5);
  if (parsed === void 0) return void 0;
  const store = parsed;
  if (typeof store.deviceId !== "string" || store.tokens === null || typeof store.tokens !== "object") return void 0;
  const deviceId = store.deviceId;
  const next = store.tokens;
  const before2 = file.deviceId === deviceId ? file.tokens : {};
  const changes = [];
  for (const [role, entry] of Object.entries(next)) {
    if (typeof entry?.token !== "string") continue;
    const scopes = Array.isArray(entry.scopes) ? entry.scopes.filter((s) => typeof s === "string") : [];
    const old = before2[role];
    if (old && old.token === entry.token && JSON.stringify(old.scopes) === JSON.stringify(scopes) && file.deviceId === deviceId) continue;
    changes.push({ kind: "store", deviceId, role, token: entry.token, scopes });
  }
  for (const role of Object.keys(before2)) if (typeof next[role]?.token !== "string") changes.push({ kind: "clear", deviceId, role });
  return changes;
}

// src/world/real-client-ws.ts
var registryKey2 = /* @__PURE__ */ Symbol.for("clawsim.real-client.ws-registry");
function registry2() {
  const g = globalThis;
  let found = g[registryKey2];
  if (!found) {
    const created = {
      next: void 0,
      take() {
        const bound = created.next;
        created.next = void 0;
        return bound;
      }
    };
    g[registryKey2] = created;
    found = created;
  }
  return found;
}
function bindNextWebSocket(wsClass) {
  registry2().next = wsClass;
}
function createRealClientWsClass(context, watcher) {
  const Base = createWsClass(context);
  return class RealClientWebSocket extends Base {
    constructor(address, protocols, options) {
      super(address, protocols, options);
      watcher.opened(this.url);
    }
    send(data, optionsOrCb, cb) {
      super.send(data, optionsOrCb, cb);
      watcher.sent(wsDataToText(data));
    }
    emit(event3, ...args) {
      const name = typeof event3 === "string" ? event3 : event3.toString();
      watcher.beforeEvent(name, args);
      try {
        return super.emit(event3, ...args);
      } finally {
        watcher.afterEvent(name, args);
      }
    }
  };
}

// src/world/real-client-node.ts
var insecurePrivateWsVar = "OPENCLAW_ALLOW_INSECURE_PRIVATE_WS";
var realClientLogLinesMax = 200;
var RealClientNode = class {
  constructor(deps, spec) {
    this.deps = deps;
    this.spec = spec;
    this.name = spec.name;
    const defaults = kindDefaults[spec.kind ?? "cli"];
    this.role = spec.role ?? defaults.role;
    this.wsClass = createRealClientWsClass(
      { network: deps.network, fromHost: spec.host },
      {
        opened: () => this.onSocketOpened(),
        sent: (text5) => this.onSent(text5),
        beforeEvent: (event3, args) => this.beforeSocketEvent(event3, args),
        afterEvent: (event3, args) => {
          if (event3 === "close") this.afterClose(args);
        }
      }
    );
    deps.binding.onTimerSet((set) => {
      if (this.closing > 0 && set.kind === "timeout") {
        this.reconnectScheduledInClose = true;
        this.record("reconnect-scheduled", { delayMs: set.delayMs, attempt: ++this.reconnects });
      }
    });
    if (spec.identity && spec.storedTokens) this.seedFile(spec.identity, spec.storedTokens);
    const options = this.clientOptions(defaults);
    this.fileAccess = spec.module.hostAccess === "node-fs" ? this.nodeFsAccess() : void 0;
    this.bindFile();
    this.client = deps.binding.during(() => new spec.module.GatewayClient(options));
    if (this.fileAccess) this.bindBeforeEachStart();
    if (spec.start !== false) this.start();
  }
  deps;
  spec;
  name;
  client;
  /** Sockets opened (connect attempts, as the simulated client counts them). */
  attempts = 0;
  /** Reconnects scheduled since the last hello. */
  reconnects = 0;
  hellos = 0;
  connected = false;
  paused = false;
  logs = [];
  wsClass;
  role;
  lastStoredToken;
  closing = 0;
  requestIds = /* @__PURE__ */ new Map();
  /** Releases before hostDeps: their device-auth file through node:fs (undefined for the client package). */
  fileAccess;
  /** A device-less spec's identity file for releases that always load one (identityFileText). */
  fileIdentity;
  /** A close handler of this client set a timeout (its reconnect). */
  reconnectScheduledInClose = false;
  stopped = false;
  /** The detail code of the last connect error since the socket opened. */
  lastDetailCode = null;
  identityFileRead = false;
  start() {
    this.inEvent("start", () => this.client.start());
  }
  stop() {
    this.inEvent("stop", () => {
      this.stopped = true;
      this.client.stop();
      this.record("stopped", { reason: "stop" });
    });
  }
  /** One request after hello; its answer is recorded as `rpc-result`. */
  call(method, params4) {
    this.inEvent(`call ${method}`, () => {
      this.client.request(method, params4).then(
        (payload) => this.record("rpc-result", { id: this.requestIds.get(method) ?? "", method, ok: true, payload }),
        (error) => {
          const { code, message, details } = connectErrorData(error);
          this.record("rpc-result", { id: this.requestIds.get(method) ?? "", method, ok: false, error: { code, message, details } });
        }
      );
    });
  }
  /** The operator's view: the device-auth file this client reads and writes. */
  get file() {
    return this.deps.file;
  }
  inEvent(label, run2) {
    this.deps.scheduler.schedule(0, { actor: this.name, label, traced: true }, () => {
      assert(this.deps.binding.entered, `real client ${this.name}: ${label} ran outside an async run (use world.runForAsync)`);
      this.deps.binding.syncNow();
      this.bindFile();
      run2();
    });
  }
  record(event3, data) {
    this.deps.scheduler.record(this.name, "client", { event: event3, ...data });
  }
  clientOptions(defaults) {
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
      scopes: [...spec.scopes ?? defaults.scopes],
      caps: [...defaults.caps],
      ...defaults.commands ? { commands: [...defaults.commands] } : {},
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
        this.lastDetailCode = data["detailCode"] ?? null;
        this.record("connect-error", data);
        const refusal = refusalOf(error);
        if (refusal) this.record("refused", refusal);
      },
      onReconnectPaused: (info) => {
        this.paused = true;
        this.record("paused", pausedData(info));
      },
      onEvent: (event3) => {
        if (event3.event !== "tick") this.record("gateway-event", { event: event3.event, payload: event3.payload });
      },
      onGap: (gap) => this.record("gap", { expected: gap.expected, received: gap.received }),
      ...spec.options
    };
  }
  hostDeps() {
    const identity = this.spec.identity;
    const ownKey = (pem, which) => {
      assert(identity !== null && pem === identity[which], `real client ${this.name}: asked to use a key that is not its identity's`);
      return identity;
    };
    return {
      loadOrCreateDeviceIdentity: () => void 0,
      signDevicePayload: (privateKeyPem, payload) => signPayload(ownKey(privateKeyPem, "privateKeyPem"), payload),
      publicKeyRawBase64UrlFromPem: (publicKeyPem) => ownKey(publicKeyPem, "publicKeyPem").publicKeyBase64Url,
      loadDeviceAuthToken: ({ deviceId, role }) => {
        const entry = this.deps.file.deviceId === deviceId ? this.deps.file.tokens[role] : void 0;
        this.lastStoredToken = entry?.token;
        return entry ? { token: entry.token, scopes: [...entry.scopes] } : null;
      },
      storeDeviceAuthToken: ({ deviceId, role, token, scopes }) => this.writeFile({ kind: "store", deviceId, role, token, scopes }),
      clearDeviceAuthToken: ({ deviceId, role }) => this.writeFile({ kind: "clear", deviceId, role }),
      beforeConnect: () => bindNextWebSocket(this.wsClass),
      logDebug: (message) => this.log(`debug ${message}`),
      logError: (message) => this.log(`error ${message}`)
    };
  }
  /**
   * A release without hostDeps opens its socket with no beforeConnect: every `start` (the first and each
   * reconnect, which calls `this.start()`) binds this client's socket class and device-auth file first.
   */
  bindBeforeEachStart() {
    const client = this.client;
    const start4 = client.start.bind(client);
    client.start = () => {
      bindNextWebSocket(this.wsClass);
      this.bindFile();
      const saved = process.env[insecurePrivateWsVar];
      if (this.spec.allowInsecurePrivateWs !== false) process.env[insecurePrivateWsVar] = "1";
      else delete process.env[insecurePrivateWsVar];
      try {
        start4();
      } finally {
        if (saved === void 0) delete process.env[insecurePrivateWsVar];
        else process.env[insecurePrivateWsVar] = saved;
      }
    };
  }
  bindFile() {
    if (this.fileAccess) bindDeviceAuthFile(this.fileAccess);
  }
  /**
   * The identity file a 2026.2.x client loads when it is given no identity (it has no device-less mode: a null
   * identity means "load or create the key pair on disk"): the given identity, or for a device-less spec one drawn
   * from the seed (the release would generate a random one). Recorded once as `identity-file`.
   */
  identityFileText() {
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
  nodeFsAccess() {
    const file = this.deps.file;
    return {
      identityFile: {
        read: () => this.identityFileText(),
        write: (text5) => assert(text5 === this.identityFileText(), `real client ${this.name} rewrote its identity file`),
        remove: () => assert(false, `real client ${this.name} removed its identity file`)
      },
      read: () => {
        const text5 = deviceAuthFileText(file);
        const entry = file.deviceId === (this.spec.identity ?? this.fileIdentity)?.deviceId ? file.readable()[this.role] : void 0;
        this.lastStoredToken = entry?.token;
        return text5;
      },
      write: (text5) => {
        const changes = deviceAuthChanges(file, text5);
        assert(changes !== void 0, `real client ${this.name} wrote a device-auth file clawsim cannot read`);
        for (const change of changes) this.writeFile(change);
      },
      remove: () => {
        const deviceId = file.deviceId;
        if (deviceId !== void 0) for (const role of Object.keys(file.tokens)) this.writeFile({ kind: "clear", deviceId, role });
      }
    };
  }
  log(line) {
    this.logs.push(line);
    if (this.logs.length > realClientLogLinesMax) this.logs.shift();
  }
  seedFile(identity, tokens) {
    const file = this.deps.file;
    if (file.deviceId !== identity.deviceId) file.tokens = {};
    file.deviceId = identity.deviceId;
    file.tokens = { ...file.tokens, ...tokens };
  }
  writeFile(change) {
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
  onSocketOpened() {
    this.lastDetailCode = null;
    this.attempts++;
    this.connected = false;
  }
  onSent(text5) {
    const frame = readRequestFrame(text5);
    if (!frame) return;
    if (frame.method !== "connect") {
      this.requestIds.set(frame.method, frame.id);
      return;
    }
    const given = {
      explicitToken: this.spec.explicitToken,
      passiveToken: this.spec.passiveToken,
      deviceTokenOption: this.spec.deviceToken,
      storedToken: this.lastStoredToken
    };
    this.record("connect-attempt", connectAttemptData(frame.params, this.attempts, given));
  }
  /**
   * After a close: a release without onReconnectPaused that scheduled no reconnect (and was not stopped) has
   * paused; record it as the 2026.9 client's callback would, marked inferred.
   */
  afterClose(args) {
    this.closing--;
    if (this.spec.module.reportsPause !== false || this.stopped || this.paused || this.reconnectScheduledInClose) return;
    const [code, reason] = args;
    const closeCode = typeof code === "number" ? code : 1006;
    const reasonText = Buffer.isBuffer(reason) ? reason.toString("utf8") : String(reason ?? "");
    this.paused = true;
    this.record("paused", { ...pausedData({ code: closeCode, reason: reasonText, detailCode: this.lastDetailCode }), inferred: true });
  }
  beforeSocketEvent(event3, args) {
    this.deps.binding.syncNow();
    this.bindFile();
    if (event3 !== "close") return;
    const [code, reason] = args;
    this.connected = false;
    this.closing++;
    this.reconnectScheduledInClose = false;
    this.record("closed", { code: typeof code === "number" ? code : 1006, reason: Buffer.isBuffer(reason) ? reason.toString("utf8") : String(reason ?? "") });
  }
};

// src/world/real-client-sqlite.ts
var registryKey3 = /* @__PURE__ */ Symbol.for("clawsim.real-client.sqlite");
function registry3() {
  const g = globalThis;
  g[registryKey3] ??= { current: void 0, refusals: [], refusalCount: 0 };
  return g[registryKey3];
}
function sqliteRefusalCount() {
  return registry3().refusalCount;
}
function sqliteRefusalsSince(from) {
  const { refusals, refusalCount } = registry3();
  return refusals.slice(Math.max(0, refusals.length - (refusalCount - from)));
}

// src/world/real-client-runtime.ts
var realClientConsoleLinesMax = 500;
var consoleMethods = ["log", "info", "warn", "error", "debug"];
var RealClients = class {
  constructor(deps) {
    this.deps = deps;
  }
  deps;
  nodes = /* @__PURE__ */ new Map();
  /**
   * What the real clients printed to the console during runs: releases before the client package log a failed
   * connect through their CLI runtime (console.error) besides their log file. Kept here, not printed.
   */
  consoleLines = [];
  binding;
  host;
  add(spec) {
    assert(!this.nodes.has(spec.name), `a real client named ${spec.name} exists already`);
    assert(this.host === void 0 || this.host === spec.host, `real clients of one world share one host (${this.host}), not ${spec.host}: the process has one Date`);
    this.host = spec.host;
    const clock = this.deps.clockOf(spec.host);
    this.binding ??= new FakeTimerBinding({
      scheduler: this.deps.scheduler,
      wallClock: clock,
      actor: `real-clients@${spec.host}`,
      random: this.deps.scheduler.stream("real-clients:math-random"),
      uuid: this.deps.scheduler.stream("real-clients:random-uuid")
    });
    const node = new RealClientNode(
      { scheduler: this.deps.scheduler, network: this.deps.network, binding: this.binding, file: this.deps.deviceAuthFile(spec.host, spec.user ?? "user") },
      spec
    );
    this.nodes.set(spec.name, node);
    return node;
  }
  get(name) {
    const node = this.nodes.get(name);
    if (!node) throw new Error(`no real client named ${name}`);
    return node;
  }
  /** Runs the scheduler's async loop with the real clients' fake globals installed, restored after. */
  async run(loop) {
    const binding = this.binding;
    if (!binding) return loop();
    binding.enter();
    const sqliteRefusalsBefore = sqliteRefusalCount();
    const saved = consoleMethods.map((m) => console[m]);
    for (const m of consoleMethods) {
      console[m] = (...args) => {
        this.consoleLines.push(`${m} ${args.map(String).join(" ")}`);
        if (this.consoleLines.length > realClientConsoleLinesMax) this.consoleLines.shift();
      };
    }
    let outcome;
    try {
      outcome = await loop();
    } finally {
      consoleMethods.forEach((m, i) => console[m] = saved[i]);
      binding.exit();
    }
    const refused = sqliteRefusalsSince(sqliteRefusalsBefore);
    assert(refused.length === 0, `a real client reached the fake node:sqlite with something it does not support: ${refused[0]}`);
    return outcome;
  }
  /** Fake timers the real clients still have pending (0 once they are stopped and settled). */
  pendingTimers() {
    return this.binding?.pendingTimers() ?? 0;
  }
};

// src/world/machine-node.ts
var configReloadDebounceMs = 300;
var MachineNode = class {
  name;
  host;
  gatewayName;
  operatorUser;
  cliIdentity;
  /** The machine as it is now; replaced (never mutated) by operator commands and hand edits. */
  machine;
  process = null;
  lastStart = null;
  /** Clients started from this machine, by client name, so they can re-read changed credentials. */
  clients = /* @__PURE__ */ new Map();
  reloadTimer;
  /** The service manager's next try after a start that failed (see respawnAfterRefusal). */
  respawnTimer;
  /** The port the world's gateway node for this machine listens on (a different port needs a new node). */
  gatewayPort;
  /** The address set the gateway listens on (from gateway.bind). */
  gatewayBind;
  operatorRuns = 0;
  /** `tailscale whois` answers (tailnet client IP → login); edit with World.setTailscaleWhois. */
  tailscaleWhois;
  /** `~/.openclaw/devices/bootstrap.json` (setup-code bootstrap tokens): on disk, so any gateway process of this
   *  machine reads the same file (src/gateway/bootstrap-tokens.ts). */
  bootstrapFile = emptyBootstrapStore();
  constructor(options) {
    this.tailscaleWhois = { ...options.tailscaleWhois };
    this.name = options.name;
    this.host = options.host;
    this.machine = options.machine;
    this.gatewayName = options.gatewayName ?? "gateway";
    this.operatorUser = options.operatorUser ?? "operator";
    this.cliIdentity = options.cliIdentity ?? null;
  }
};
function servicePort(unit, env, config) {
  const args = unit?.programArguments ?? [];
  const at = args.indexOf("--port");
  const fromArgs = at >= 0 ? Number(args[at + 1]) : NaN;
  if (Number.isInteger(fromArgs) && fromArgs > 0) return fromArgs;
  const fromEnv = Number(envValue(env, envNames.gatewayPort));
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return configuredGatewayPort(config);
}
function gatewayRuntimeConfigFor(input) {
  const gw = gatewaySection(input.config);
  const ui = gw.controlUi ?? {};
  const userHeader = gw.auth?.trustedProxy?.userHeader;
  const tp = gw.auth?.trustedProxy;
  const autoApproveRaw = gw.nodes?.pairing?.autoApproveLocal;
  const autoApproveLocal = typeof autoApproveRaw === "boolean" ? autoApproveRaw : void 0;
  return {
    auth: {
      mode: input.auth.mode,
      ...input.auth.token !== void 0 ? { token: input.auth.token } : {},
      ...input.auth.password !== void 0 ? { password: input.auth.password } : {},
      allowTailscale: input.auth.allowTailscale,
      ...gw.auth?.rateLimit !== void 0 ? { rateLimit: { ...gw.auth.rateLimit } } : {},
      ...userHeader !== void 0 ? {
        trustedProxy: {
          userHeader,
          ...tp?.requiredHeaders ? { requiredHeaders: [...tp.requiredHeaders] } : {},
          ...tp?.allowUsers ? { allowUsers: [...tp.allowUsers] } : {},
          ...tp?.allowLoopback !== void 0 ? { allowLoopback: tp.allowLoopback } : {}
        }
      } : {}
    },
    controlUi: {
      allowInsecureAuth: ui.allowInsecureAuth === true,
      dangerouslyDisableDeviceAuth: ui.dangerouslyDisableDeviceAuth === true,
      allowedOrigins: [...ui.allowedOrigins ?? []],
      dangerouslyAllowHostHeaderOriginFallback: ui.dangerouslyAllowHostHeaderOriginFallback === true
    },
    trustedProxies: [...gw.trustedProxies ?? []],
    allowRealIpFallback: gw.allowRealIpFallback === true,
    tailscaleWhois: { ...input.tailscaleWhois },
    version: input.version,
    configPath: input.configPath,
    stateDir: "~/.openclaw",
    ...autoApproveLocal !== void 0 ? { nodes: { pairing: { autoApproveLocal } } } : {},
    ...input.handshakeTimeoutMs !== void 0 ? { handshakeTimeoutMs: input.handshakeTimeoutMs } : {}
  };
}
function startEnv(machine, via) {
  if (via === "foreground") return { kind: "ok", env: shellProcessEnv(machine) };
  const started = gatewayServiceEnv(machine);
  switch (started.kind) {
    case "ok":
      return started;
    case "no-service":
      return { kind: "refused", reason: "not-installed", detail: "gateway service not installed" };
    case "missing-environment-file":
      return { kind: "refused", reason: "missing-environment-file", detail: `EnvironmentFile ${started.path} not found` };
    default:
      return assertNever(started, "gateway service env");
  }
}
function startGatewayProcess(world, node, via, keepEnv) {
  const machine = node.machine;
  const profile2 = world.profile;
  stopGatewayProcess(world, node, "service restart");
  const env = keepEnv !== void 0 ? { kind: "ok", env: keepEnv } : startEnv(machine, via);
  let result;
  if (env.kind === "refused") {
    result = { kind: "refused", via, reason: env.reason, detail: env.detail };
  } else if (!machine.config.valid) {
    result = { kind: "refused", via, reason: "config-invalid", detail: `Config invalid: ${formatConfigIssues(machine.config.issues)}` };
  } else {
    let config = machine.config.config;
    let auth = resolveServerGatewayAuth({ config, env: env.env, switches: profile2.service });
    const bootstrap = tokenlessStart(profile2, auth);
    if (bootstrap === "persist") {
      config = persistGeneratedToken(world, node, config);
      auth = resolveServerGatewayAuth({ config, env: env.env, switches: profile2.service });
    }
    const startup = bootstrap === "runtime" ? { kind: "ok" } : checkServerAuthStartup(auth, config);
    if (startup.kind === "refuse-start") {
      result = { kind: "refused", via, reason: startup.reason, detail: `gateway auth: ${startup.reason}` };
    } else {
      const port2 = servicePort(via === "service" ? machine.serviceUnit : null, env.env, config);
      const inContainer = containerDetected(profile2, machine, env.env);
      config = seedOriginsIntoFile(world, node, config, inContainer);
      const runtimeFileConfig = withRuntimeOrigins(world, node.name, config, port2, inContainer);
      const listen = resolveListen(world, node, runtimeFileConfig, auth, port2, inContainer);
      if (listen.kind === "refused") {
        result = { kind: "refused", via, reason: listen.reason, detail: listen.detail };
      } else {
        const generatedToken = bootstrap === "runtime" ? generateGatewayToken(world, node, false) : void 0;
        if (generatedToken !== void 0) auth = { ...auth, token: generatedToken, tokenSource: "generated" };
        const handshakeTimeoutMs2 = Number(envValue(env.env, "OPENCLAW_HANDSHAKE_TIMEOUT_MS"));
        const runtime = gatewayRuntimeConfigFor({
          config: runtimeFileConfig,
          auth,
          version: profile2.name,
          configPath: machine.config.path,
          tailscaleWhois: node.tailscaleWhois,
          ...Number.isInteger(handshakeTimeoutMs2) && handshakeTimeoutMs2 > 0 ? { handshakeTimeoutMs: handshakeTimeoutMs2 } : {}
        });
        launch(world, node, port2, runtime, listen.bind);
        node.process = { via, env: env.env, config, port: port2, inContainer, ...generatedToken !== void 0 ? { generatedToken } : {} };
        if (generatedToken !== void 0 && profile2.service.tokenBootstrap === "runtime-cli-pairing" && listen.bind === "loopback") pairLocalCli(world, node);
        result = { kind: "started", via, port: port2, auth, listen: listenAddress(listen.bind) };
      }
    }
  }
  node.lastStart = result;
  world.scheduler.record(node.name, "host", startRecord(result));
  if (result.kind === "refused") respawnAfterRefusal(world, node, result);
  return result;
}
function tokenlessStart(profile2, auth) {
  if (auth.mode !== "token" || (auth.token?.trim() ?? "") !== "") return "none";
  switch (profile2.service.tokenBootstrap) {
    case "refuse":
      return "refuse";
    case "persist":
      return "persist";
    case "runtime":
    case "runtime-cli-pairing":
      return "runtime";
    default:
      return assertNever(profile2.service.tokenBootstrap, "tokenBootstrap");
  }
}
function randomHexToken(world, stream) {
  const prng = world.scheduler.stream(stream);
  let token = "";
  for (let i = 0; i < 6; i++) token += prng.nextU32().toString(16).padStart(8, "0");
  return token;
}
function generateGatewayToken(world, node, persisted) {
  const token = randomHexToken(world, `gateway-token:${node.name}`);
  world.scheduler.record(node.name, "host", { event: "gateway.auth-token-generated", persisted });
  return token;
}
function persistGeneratedToken(world, node, config) {
  const token = generateGatewayToken(world, node, true);
  let file = node.machine.config;
  for (const [path, value] of [["gateway.auth.mode", "token"], ["gateway.auth.token", token]]) {
    const written = configSet(file, path, value);
    if (written.kind !== "ok") return config;
    file = written.file;
  }
  node.machine = { ...node.machine, config: file };
  return file.config;
}
function pairLocalCli(world, node) {
  const identity = node.cliIdentity;
  const gateway = world.gateways.get(node.gatewayName);
  if (!identity || !gateway) return;
  const store = gateway.state.store;
  const nowMs = world.clockOf(node.host).nowMs();
  const prng = world.scheduler.stream(`gateway-token:${node.name}:cli-pairing`);
  let paired = store.paired[identity.deviceId];
  let outcome = "reused";
  if (!paired) {
    const request = { deviceId: identity.deviceId, publicKey: identity.publicKeyBase64Url, displayName: "OpenClaw CLI", clientId: "cli", clientMode: "cli", role: "operator", roles: ["operator"], scopes: ["operator.admin"], remoteIp: "127.0.0.1", silent: true };
    const pending = requestDevicePairing({ store, request, policy: "replace", nowMs, prng });
    paired = approveDevicePairing(store, pending.request.requestId, nowMs, prng, approvalTokenOptions(gateway.state.switches)) ?? void 0;
    outcome = paired ? "created" : "unavailable";
  }
  const token = paired?.tokens["operator"];
  if (!token || token.revokedAtMs !== void 0 || !token.scopes.includes("operator.admin")) outcome = "unavailable";
  else world.storeOperatorDeviceToken(node, identity.deviceId, token.token, token.scopes);
  gateway.persisted = clonePairingStore(store);
  world.scheduler.record(node.name, "host", { event: "gateway.local-cli-paired", deviceId: identity.deviceId, outcome });
}
var respawnDelayMs = { systemd: 5e3, launchd: 1e4 };
function respawnAfterRefusal(world, node, result) {
  const unit = node.machine.serviceUnit;
  if (result.via !== "service" || unit === null || result.reason === "not-installed" || result.reason === "missing-environment-file") return;
  const afterMs = respawnDelayMs[unit.manager];
  world.scheduler.record(node.name, "host", { event: "service.respawn-scheduled", manager: unit.manager, afterMs });
  node.respawnTimer = world.scheduler.schedule(afterMs, { actor: node.name, label: "service-respawn", traced: true }, () => {
    node.respawnTimer = void 0;
    startGatewayProcess(world, node, "service");
  });
}
function seedOriginsIntoFile(world, node, config, inContainer) {
  const mode = world.profile.gateway.controlUiOriginSeed;
  if (mode !== "persist" && mode !== "persist-auto") return config;
  const origins = originsFor(mode, config, configuredGatewayPort(config), inContainer);
  if (!origins) return config;
  const written = configSet(node.machine.config, "gateway.controlUi.allowedOrigins", origins);
  if (written.kind !== "ok") return config;
  node.machine = { ...node.machine, config: written.file };
  world.scheduler.record(node.name, "host", { event: "gateway.control-ui-origins-seeded", origins, written: true });
  return written.file.config;
}
function withRuntimeOrigins(world, actor, config, port2, inContainer, quiet = false) {
  const mode = world.profile.gateway.controlUiOriginSeed;
  if (mode !== "runtime") return config;
  const origins = originsFor(mode, config, port2, inContainer);
  if (!origins) return config;
  if (!quiet) world.scheduler.record(actor, "host", { event: "gateway.control-ui-origins-seeded", origins, written: false });
  const gw = gatewaySection(config);
  return { ...config, gateway: { ...gw, controlUi: { ...gw.controlUi, allowedOrigins: origins } } };
}
function originsFor(mode, config, port2, inContainer) {
  const gw = gatewaySection(config);
  return seededControlUiOrigins({ mode, bind: effectiveBindMode(config, inContainer), port: port2, allowedOrigins: gw.controlUi?.allowedOrigins, hostHeaderFallback: gw.controlUi?.dangerouslyAllowHostHeaderOriginFallback === true, customBindHost: gw.customBindHost });
}
function startRecord(result) {
  if (result.kind === "refused") return { event: "gateway.refuse-start", via: result.via, reason: result.reason, detail: result.detail };
  return { event: "gateway.start", via: result.via, port: result.port, listen: result.listen, authMode: result.auth.mode, tokenSource: result.auth.tokenSource };
}
function listenAddress(bind) {
  return bind === "loopback" ? "127.0.0.1" : bind === "all" ? "0.0.0.0" : bind;
}
function launch(world, node, port2, runtime, bind) {
  const existing = world.gateways.get(node.gatewayName);
  let gateway = existing;
  if (existing && node.gatewayPort === port2 && node.gatewayBind === bind) {
    existing.start(runtime);
  } else {
    node.gatewayPort = port2;
    node.gatewayBind = bind;
    const bootstrap = existing?.bootstrapFile ?? node.bootstrapFile;
    gateway = world.addGateway({ name: node.gatewayName, host: node.host, port: port2, bind, config: runtime, bootstrap, machineStarted: true, ...existing?.persisted ? { store: existing.persisted } : {} });
  }
  gateway.relaunch = (inProcess) => {
    const last = node.process;
    const via = last?.via ?? "service";
    startGatewayProcess(world, node, via, inProcess || via === "foreground" ? last?.env : void 0);
  };
}
function resolveListen(world, node, config, auth, port2, inContainer) {
  const gw = gatewaySection(config);
  const host = world.network.hosts.get(node.host);
  let bind;
  const mode = effectiveBindMode(config, inContainer);
  switch (mode) {
    case void 0:
    case "loopback":
      bind = "loopback";
      break;
    case "auto":
      bind = inContainer ? "all" : "loopback";
      break;
    case "lan":
      bind = "all";
      break;
    case "tailnet":
      bind = host.interfaces.find((i) => i.kind === "tailnet")?.address ?? "loopback";
      break;
    case "custom": {
      const wanted = gw.customBindHost?.trim() ?? "";
      const bindable = isIpv4Address(wanted) && (isLoopbackAddress(wanted) || host.interfaces.some((i) => i.address === wanted));
      if (bindable) bind = isLoopbackAddress(wanted) ? "loopback" : wanted;
      else if (world.profile.service.customBindFallback === "all") bind = "all";
      else {
        const detail = wanted === "" ? "gateway.bind=custom needs gateway.customBindHost" : isIpv4Address(wanted) ? `gateway.bind=custom: ${wanted} is not an address of this host (no fallback)` : `gateway.bind=custom needs an IPv4 customBindHost (got ${wanted})`;
        return { kind: "refused", reason: "custom-bind-host", detail };
      }
      break;
    }
    default:
      return assertNever(mode, "gateway.bind");
  }
  if (bind === "loopback") return { kind: "ok", bind };
  const address = listenAddress(bind);
  const sharedSecret = auth.mode === "token" && (auth.token?.trim() ?? "") !== "" || auth.mode === "password" && (auth.password?.trim() ?? "") !== "";
  if (!sharedSecret && auth.mode !== "trusted-proxy") {
    const why = inContainer && gw.bind === void 0 ? " (container detected: an unset bind is auto, 0.0.0.0)" : "";
    return { kind: "refused", reason: "non-loopback-without-auth", detail: `no shared secret for a gateway on ${address}:${port2}${why}` };
  }
  const ui = gw.controlUi;
  const origins = (ui?.allowedOrigins ?? []).filter((o) => o.trim() !== "");
  if (world.profile.gateway.controlUiOriginSeed !== "off" && ui?.enabled !== false && origins.length === 0 && ui?.dangerouslyAllowHostHeaderOriginFallback !== true) {
    return { kind: "refused", reason: "non-loopback-control-ui-origins", detail: `Control UI on ${address}:${port2} without gateway.controlUi.allowedOrigins` };
  }
  return { kind: "ok", bind };
}
function containerDetected(profile2, machine, env) {
  switch (profile2.service.containerDetection) {
    case "none":
      return false;
    case "sentinel":
      return machine.container;
    case "sentinel-or-fly":
      return machine.container || nonBlankEnv(env, "FLY_MACHINE_ID") && nonBlankEnv(env, "FLY_APP_NAME");
    default:
      return assertNever(profile2.service.containerDetection, "containerDetection");
  }
}
function nonBlankEnv(env, name) {
  return (envValue(env, name)?.trim() ?? "") !== "";
}
function effectiveBindMode(config, inContainer) {
  const gw = gatewaySection(config);
  if (gw.bind !== void 0 || !inContainer) return gw.bind;
  const tailscale = gw.tailscale?.mode;
  return tailscale === "serve" || tailscale === "funnel" ? void 0 : "auto";
}
function stopGatewayProcess(world, node, reason) {
  if (node.reloadTimer !== void 0) world.scheduler.cancel(node.reloadTimer);
  node.reloadTimer = void 0;
  if (node.respawnTimer !== void 0) world.scheduler.cancel(node.respawnTimer);
  node.respawnTimer = void 0;
  const gateway = world.gateways.get(node.gatewayName);
  if (node.process && gateway?.running) gateway.stop(reason);
  node.process = null;
}
function machineChanged(world, node, next) {
  const configChanged = next.config !== node.machine.config;
  node.machine = next;
  if (!configChanged || !node.process) return;
  if (node.reloadTimer !== void 0) world.scheduler.cancel(node.reloadTimer);
  node.reloadTimer = world.scheduler.schedule(configReloadDebounceMs, { actor: node.name, label: "config-reload", traced: true }, () => {
    node.reloadTimer = void 0;
    runConfigReload(world, node);
  });
}
function changedGatewayPaths(before2, after) {
  const out = [];
  const walk = (a, b, path) => {
    if (JSON.stringify(a) === JSON.stringify(b)) return;
    const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
    if ((isObj(a) || a === void 0) && (isObj(b) || b === void 0)) {
      const keys = /* @__PURE__ */ new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
      for (const k of [...keys].sort()) walk(a?.[k], b?.[k], `${path}.${k}`);
      return;
    }
    out.push(path);
  };
  walk(before2.gateway ?? {}, after.gateway ?? {}, "gateway");
  return out.filter((p) => !p.startsWith("gateway.remote") && !p.startsWith("gateway.reload"));
}
function configReloadMode(config) {
  const raw = gatewaySection(config).reload?.mode;
  return raw === "off" || raw === "restart" || raw === "hot" || raw === "hybrid" ? raw : "hybrid";
}
function runConfigReload(world, node) {
  const process2 = node.process;
  if (!process2) return;
  const file = node.machine.config;
  const record = (data) => world.scheduler.record(node.name, "host", { event: "config.reload", ...data });
  if (!file.valid) return record({ action: "skipped-invalid", detail: formatConfigIssues(file.issues) });
  const paths = changedGatewayPaths(process2.config, file.config);
  const mode = configReloadMode(file.config);
  if (paths.length === 0) {
    process2.config = file.config;
    return;
  }
  const switches = world.profile.gateway;
  const withGenerated = (a) => process2.generatedToken !== void 0 && a.mode === "token" && (a.token?.trim() ?? "") === "" ? { ...a, token: process2.generatedToken, tokenSource: "generated" } : a;
  const before2 = withGenerated(resolveServerGatewayAuth({ config: process2.config, env: process2.env, switches: world.profile.service }));
  const auth = withGenerated(resolveServerGatewayAuth({ config: file.config, env: process2.env, switches: world.profile.service }));
  const kept = (before2.mode === "token" || before2.mode === "password") && before2.mode === auth.mode;
  const plan = planConfigReload({ switches, paths, mode, authModeKept: kept });
  switch (plan.action) {
    case "none":
      process2.config = file.config;
      return;
    case "ignored":
      return record({ action: "ignored", mode, paths });
    case "hot":
      return hotReload(world, node, file.config, auth, plan.paths, (data) => record({ action: "hot", mode, paths, ...data }));
    case "restart":
      record({ action: "restart", mode, paths });
      startGatewayProcess(world, node, process2.via, process2.env);
      return;
    default:
      return assertNever(plan, "reload plan");
  }
}
function hotReload(world, node, config, auth, paths, record) {
  const process2 = node.process;
  const gateway = world.gateways.get(node.gatewayName);
  process2.config = config;
  const keys = paths.filter((p) => !credentialConfigPaths.includes(p));
  if (keys.length > 0 && gateway) {
    const runtime = gatewayRuntimeConfigFor({ config: withRuntimeOrigins(world, node.name, config, process2.port, process2.inContainer, true), auth, version: world.profile.name, configPath: node.machine.config.path, tailscaleWhois: node.tailscaleWhois });
    gateway.reloadConfig(runtime, keys);
  }
  if (keys.length < paths.length) {
    gateway?.sharedSecretChanged(auth.token, auth.password);
    return record({ tokenSource: auth.tokenSource });
  }
  record({});
}

// src/world/machine-clients.ts
function clientProcessEnv(machine, env) {
  const choice = env ?? { from: "shell" };
  switch (choice.from) {
    case "shell":
      return shellProcessEnv(machine);
    case "gateway-service": {
      const started = gatewayServiceEnv(machine);
      return started.kind === "ok" ? started.env : shellProcessEnv(machine);
    }
    case "env":
      return shellProcessEnv({ ...machine, shellEnv: choice.env });
    default:
      return assertNever(choice, "client process env");
  }
}
function planMachineClient(machine, spec, controlUiTokenPerTab) {
  if (spec.kind === "control-ui") return planControlUi(machine, spec, controlUiTokenPerTab);
  const env = clientProcessEnv(machine, spec.env);
  const flags = spec.flags ?? {};
  const envUrl = envValue(env, envNames.gatewayUrl);
  const url = flags.url ?? envUrl;
  const urlSource = flags.url !== void 0 ? "cli --url" : envUrl !== void 0 ? "env OPENCLAW_GATEWAY_URL" : "config";
  const resolved = resolveGatewayCredentials({
    config: machine.config.config,
    env,
    explicit: { token: flags.token, password: flags.password, url },
    ...url !== void 0 ? { urlSource: flags.url !== void 0 ? "cli" : "env" } : {}
  });
  const options = {
    ...common(spec),
    kind: spec.kind,
    url: url ?? defaultGatewayUrl(machine),
    ...defined("explicitToken", resolved.explicitToken),
    // §9.1 rule 1: explicit credentials are used alone.
    ...defined("passiveToken", resolved.rule === "explicit" ? void 0 : resolved.passiveToken),
    ...defined("password", resolved.password),
    ...spec.kind === "cli" ? { oneShot: spec.call } : {}
  };
  return { options, origin: { kind: "config-env", resolved, env }, urlSource };
}
function planControlUi(machine, spec, perTab) {
  const url = spec.url ?? defaultGatewayUrl(machine);
  const storage = browser(machine, spec.browser);
  const key = controlUiTokenKey(url);
  let token;
  let area;
  if (perTab && spec.tabId !== void 0) {
    area = "sessionStorage";
    token = storageGet(storage, { area: "session", tabId: spec.tabId }, key) ?? void 0;
  } else {
    area = "localStorage";
    token = storageGet(storage, { area: "local" }, key) ?? settingsToken(storageGet(storage, { area: "local" }, controlUiStorageKeys.settings));
  }
  const trimmed2 = token?.trim() ? token.trim() : void 0;
  const options = {
    ...common(spec),
    kind: "control-ui",
    url,
    ...defined("passiveToken", trimmed2),
    ...defined("origin", spec.pageOrigin)
  };
  return { options, origin: { kind: "browser-storage", area, key, ...defined("token", trimmed2) }, urlSource: "browser" };
}
function settingsToken(settingsJson) {
  if (settingsJson === null) return void 0;
  try {
    const parsed = JSON.parse(settingsJson);
    const token = parsed !== null && typeof parsed === "object" ? parsed.token : void 0;
    return typeof token === "string" ? token : void 0;
  } catch {
    return void 0;
  }
}
function common(spec) {
  return {
    identity: spec.identity,
    ...defined("clientId", spec.clientId),
    ...defined("mode", spec.mode),
    ...defined("role", spec.role),
    ...defined("scopes", spec.scopes),
    ...defined("displayName", spec.displayName)
  };
}
function defined(key, value) {
  return value === void 0 ? {} : { [key]: value };
}
function credentialFields(options) {
  return {
    ...defined("explicitToken", options.explicitToken),
    ...defined("passiveToken", options.passiveToken),
    ...defined("password", options.password)
  };
}

// src/world/operator-node.ts
var operatorRpcWaitMsMax = 15e3;
function runOperator(world, node, command, options = {}) {
  const context = {
    switches: world.profile.service,
    version: world.profile.name,
    setupCodeCredential: world.profile.gateway.setupCodeCredential,
    newToken: () => randomHexToken(world, `operator:${node.name}:install-token`),
    ...options.unitOptions !== void 0 ? { unitOptions: options.unitOptions } : {},
    ...options.doctorSnapshot !== void 0 ? { doctorSnapshot: options.doctorSnapshot } : {},
    ...options.otherDoctorFixesPending !== void 0 ? { otherDoctorFixesPending: options.otherDoctorFixesPending } : {}
  };
  const result = runOperatorCommand(node.machine, command, context);
  const line = formatOperatorCommand(command);
  world.scheduler.record("operator", "operator", { command: line, machine: node.name, ...outcomeRecord(result.outcome) });
  machineChanged(world, node, result.machine);
  const output = [];
  const gatewayStarts = [];
  let run2 = { command, line, outcome: result.outcome, effects: result.effects, output, gatewayStarts };
  for (const effect of result.effects) {
    switch (effect.type) {
      case "config-written":
        world.scheduler.record(node.name, "host", { event: "config.written", reason: effect.reason, valid: effect.file.valid });
        break;
      case "service-unit-written":
        world.scheduler.record(node.name, "host", { event: "service-unit.written", unit: effect.unit.name, embedsToken: readEmbeddedGatewayToken(effect.unit) !== void 0 });
        break;
      case "gateway-restart":
        gatewayStarts.push(startGatewayProcess(world, node, "service"));
        break;
      case "gateway-rpc":
        run2 = sendDevicesRpc(world, node, run2, effect, options);
        break;
      case "devices-clear":
        run2 = clearDevices(world, node, run2, effect, options);
        break;
      case "output":
        output.push(effect.text);
        break;
      case "setup-code":
        run2 = { ...run2, setupCode: issueSetupCode(world, node, effect.plan) };
        output.push(run2.setupCode.code);
        break;
    }
  }
  return run2;
}
function issueSetupCode(world, node, plan) {
  const gateway = world.gateways.get(node.gatewayName);
  const lan = world.network.hosts.get(node.host).interfaces.find((i) => i.kind === "lan")?.address ?? "127.0.0.1";
  const url = `ws://${lan}:${node.gatewayPort ?? configuredGatewayPort(node.machine.config.config)}`;
  if (plan.kind === "gateway-secret") {
    world.scheduler.record(node.name, "host", { event: "setup-code.issued", carries: plan.authLabel });
    const secret = { ...plan.token !== void 0 ? { token: plan.token } : {}, ...plan.password !== void 0 ? { password: plan.password } : {} };
    return { code: encodeSetupCode({ url, ...secret }), url, ...secret };
  }
  const file = gateway?.bootstrapFile ?? node.bootstrapFile;
  const profile2 = setupBootstrapProfile(world.profile.gateway.bootstrapHandoffScopes);
  const prng = world.scheduler.stream(`operator:${node.name}:bootstrap`);
  const issued = issueBootstrapToken(file, { profile: profile2, nowMs: world.clockOf(node.host).nowMs(), prng });
  world.scheduler.record(node.name, "host", { event: "setup-code.issued", carries: "bootstrap-token", roles: [...profile2.roles], scopes: [...profile2.scopes], expiresAtMs: issued.expiresAtMs });
  return { code: encodeSetupCode({ url, bootstrapToken: issued.token }), url, bootstrapToken: issued.token, expiresAtMs: issued.expiresAtMs };
}
function outcomeRecord(outcome) {
  switch (outcome.kind) {
    case "doctor":
      return { outcome: outcome.kind, findings: outcome.findings.map((f) => f.code), repair: outcome.repair?.kind ?? null };
    case "restarted":
      return { outcome: outcome.kind, warnings: outcome.warnings.map((f) => f.code) };
    case "config-error":
    case "missing-explicit-credentials":
    case "refused":
      return { outcome: outcome.kind, message: outcome.message };
    case "rpc-sent":
      return { outcome: outcome.kind, method: outcome.rpc.method };
    case "setup-code":
      return { outcome: outcome.kind, credential: outcome.credential };
    default:
      return { outcome: outcome.kind };
  }
}
function clearDevices(world, node, run2, effect, options) {
  const list = runOperator(world, node, op.devicesList(effect.connection), options);
  if (!list.rpc?.ok) return { ...run2, ...list.rpc ? { rpc: list.rpc } : {} };
  const payload = list.rpc.payload ?? {};
  const idOf = (entry, key) => typeof entry === "string" ? entry : typeof entry === "object" && entry !== null ? entry[key] : void 0;
  const forEachId = (entries, key, command) => {
    const done = [];
    for (const entry of entries) {
      const id = idOf(entry, key);
      if (typeof id !== "string" || !id.trim()) continue;
      const sent = runOperator(world, node, command(id), options);
      if (!sent.rpc?.ok) return { done, refused: { ...run2, ...sent.rpc ? { rpc: sent.rpc } : {} } };
      done.push(id);
    }
    return { done };
  };
  const removed = forEachId(payload.paired ?? [], "deviceId", (deviceId) => op.devicesRemove(deviceId, effect.connection));
  if (removed.refused) return removed.refused;
  const rejected = effect.pending ? forEachId(payload.pending ?? [], "requestId", (requestId) => op.devicesReject(requestId, effect.connection)) : { done: [] };
  if (rejected.refused) return rejected.refused;
  return { ...run2, rpc: { ok: true, payload: { removedDevices: removed.done, rejectedPending: rejected.done }, via: "gateway" } };
}
function refusesWithoutCredentials(world, node, effect, options) {
  const tokenBootstrap = world.profile.service.tokenBootstrap;
  if (tokenBootstrap !== "runtime" && tokenBootstrap !== "runtime-cli-pairing") return false;
  const creds = effect.credentials;
  if (creds.token !== void 0 || creds.password !== void 0 || creds.explicitToken !== void 0 || creds.passiveToken !== void 0) return false;
  const auth = resolveServerGatewayAuth({ config: node.machine.config.config, env: shellProcessEnv(node.machine), switches: world.profile.service });
  if (auth.mode !== "token" && auth.mode !== "password" || auth.allowTailscale) return false;
  const identity = options.identity !== void 0 ? options.identity : node.cliIdentity;
  const file = world.deviceAuthFiles.get(`${node.host}:${options.user ?? node.operatorUser}`);
  return !(identity && file && file.deviceId === identity.deviceId && file.readable()["operator"]?.token);
}
function sendDevicesRpc(world, node, run2, effect, options) {
  if (refusesWithoutCredentials(world, node, effect, options)) {
    const message = `gateway ${effect.rpc.method} requires credentials before opening a websocket`;
    world.scheduler.record("operator", "operator", { event: "cli.credentials-required", method: effect.rpc.method, machine: node.name });
    return { ...run2, rpc: { ok: false, error: { code: null, message }, via: "cli" } };
  }
  const name = `${node.name}:cli#${++node.operatorRuns}`;
  const creds = effect.credentials;
  const withClient = { ...run2, rpcClient: name };
  const unsubscribe = world.trace.subscribe((event3) => {
    if (event3.actor !== name || event3.kind !== "client" || event3.data["event"] !== "rpc-result" || withClient.rpc) return;
    unsubscribe();
    withClient.rpc = settle2(world, node, effect, event3.data);
  });
  world.addClient({
    name,
    host: node.host,
    user: options.user ?? node.operatorUser,
    client: {
      kind: "cli",
      url: effect.url,
      identity: options.identity !== void 0 ? options.identity : node.cliIdentity,
      ...creds.explicitToken !== void 0 ? { explicitToken: creds.explicitToken } : {},
      ...creds.rule !== "explicit" && creds.passiveToken !== void 0 ? { passiveToken: creds.passiveToken } : {},
      ...creds.password !== void 0 ? { password: creds.password } : {},
      oneShot: { method: effect.rpc.method, params: effect.rpc.params }
    }
  });
  if (options.wait ?? true) world.runUntil(() => withClient.rpc !== void 0, options.waitMsMax ?? operatorRpcWaitMsMax);
  return withClient;
}
function settle2(world, node, effect, data) {
  if (data["ok"] === true) return { ok: true, payload: data["payload"], via: "gateway" };
  const raw = data["error"] ?? {};
  const error = {
    code: typeof raw.code === "string" ? raw.code : null,
    message: typeof raw.message === "string" ? raw.message : "unknown error",
    ...raw.details !== void 0 ? { details: raw.details } : {}
  };
  if (effect.localPairingFallback && error.message.toLowerCase().includes("pairing required")) {
    const fallback = localPairingFallback(world, node, effect);
    if (fallback) return fallback;
  }
  return { ok: false, error, via: "gateway" };
}
function localPairingFallback(world, node, effect) {
  const gateway = world.gateways.get(node.gatewayName);
  if (!gateway) return null;
  const store = gateway.state.store;
  if (effect.rpc.method === "device.pair.list") {
    world.scheduler.record(node.name, "host", { event: "devices.local-pairing-fallback", method: effect.rpc.method });
    return { ok: true, payload: { pending: Object.values(store.pending), paired: Object.keys(store.paired) }, via: "local-pairing-fallback" };
  }
  const requestId = effect.rpc.params["requestId"];
  const prng = world.scheduler.stream(`operator:${node.name}:pairing`);
  const device = typeof requestId === "string" ? approveDevicePairing(store, requestId, world.clockOf(node.host).nowMs(), prng, approvalTokenOptions(gateway.state.switches)) : null;
  world.scheduler.record(node.name, "host", { event: "devices.local-pairing-fallback", method: effect.rpc.method, ...typeof requestId === "string" ? { requestId } : {}, ...device ? { deviceId: device.deviceId, approved: true } : { approved: false } });
  if (!device) return { ok: false, error: { code: null, message: "unknown requestId" }, via: "local-pairing-fallback" };
  gateway.persisted = clonePairingStore(store);
  return { ok: true, payload: { requestId, deviceId: device.deviceId }, via: "local-pairing-fallback" };
}

// src/world/gateway-config-edit.ts
var gatewayConfigDebounceMs = 300;
function editGatewayConfig(options) {
  const { scheduler, gateway, next } = options;
  const before2 = gateway.state.config;
  const paths = changedRuntimeConfigPaths(before2, next);
  const plan = planConfigReload({ switches: options.profile.gateway, paths, mode: options.mode ?? "hybrid", authModeKept: authModeKept(before2, next) });
  scheduler.record(gateway.name, "gateway", { event: "config.edit", paths, action: plan.action });
  if (!gateway.running || plan.action === "none") {
    gateway.state.config = next;
    return { plan, paths };
  }
  scheduler.schedule(gatewayConfigDebounceMs, { actor: gateway.name, label: "config-reload", traced: true }, () => apply(gateway, plan, next));
  return { plan, paths };
}
function apply(gateway, plan, next) {
  switch (plan.action) {
    case "none":
    case "ignored":
      return;
    case "restart":
      gateway.restart(next, 0);
      return;
    case "hot": {
      const keys = plan.paths.filter((p) => !credentialConfigPaths.includes(p));
      if (keys.length > 0) gateway.reloadConfig(next, keys);
      if (keys.length < plan.paths.length) gateway.sharedSecretChanged(next.auth.token, next.auth.password);
      return;
    }
  }
}

// src/world/world.ts
function gatewayRuntimeConfig(input = {}) {
  return {
    auth: { mode: "token", allowTailscale: false, ...input.auth },
    controlUi: {
      allowInsecureAuth: false,
      dangerouslyDisableDeviceAuth: false,
      allowedOrigins: [],
      dangerouslyAllowHostHeaderOriginFallback: false,
      ...input.controlUi
    },
    trustedProxies: input.trustedProxies ?? [],
    allowRealIpFallback: input.allowRealIpFallback ?? false,
    tailscaleWhois: input.tailscaleWhois ?? {},
    version: input.version ?? "clawsim-gateway",
    configPath: input.configPath ?? "/home/user/.openclaw/openclaw.json",
    stateDir: input.stateDir ?? "/home/user/.openclaw",
    ...input.hostName !== void 0 ? { hostName: input.hostName } : {},
    ...input.handshakeTimeoutMs !== void 0 ? { handshakeTimeoutMs: input.handshakeTimeoutMs } : {},
    ...input.nodes !== void 0 ? { nodes: structuredClone(input.nodes) } : {}
  };
}
var World = class {
  scheduler;
  network;
  profile;
  gateways = /* @__PURE__ */ new Map();
  clients = /* @__PURE__ */ new Map();
  /** Device-auth files by "<host>:<user>". */
  deviceAuthFiles = /* @__PURE__ */ new Map();
  /** Simulated machines (config, env, service unit, client files) by name. */
  machines = /* @__PURE__ */ new Map();
  clocks = /* @__PURE__ */ new Map();
  /** Bare gateways (not a machine's) whose Control UI origins the release seeds: name → the port it listens on. */
  originSeeded = /* @__PURE__ */ new Map();
  attemptState = { deviceTokens: /* @__PURE__ */ new Map(), lastNonce: { value: null }, lastRequestId: { value: null } };
  realClientModule;
  realClientHost;
  constructor(options) {
    this.realClientModule = options.realClientModule;
    this.scheduler = new Scheduler(options.seed, { budgets: options.budgets, trace: new Trace(options.traceSpill) });
    this.network = new Network({ scheduler: this.scheduler, ...options.connectionsSweepMin !== void 0 ? { connectionsSweepMin: options.connectionsSweepMin } : {} });
    this.profile = options.profile;
    this.scheduler.record("world", "run.start", { seed: options.seed.toString(), profile: options.profile.name });
  }
  get trace() {
    return this.scheduler.trace;
  }
  addHost(spec) {
    this.network.addHost(spec);
  }
  /** A host's wall clock (created on first use); skew it to make nodes disagree about "now". */
  clockOf(host, options) {
    let clock = this.clocks.get(host);
    if (!clock) {
      clock = new NodeClock(this.scheduler.clock, options);
      this.clocks.set(host, clock);
    }
    return clock;
  }
  skewClock(host, deltaMs) {
    this.clockOf(host).jump(deltaMs);
    this.scheduler.record(host, "fault", { what: "clock.jump", deltaMs });
  }
  /**
   * `machineStarted`: a machine's gateway process (machine-node.ts seeds its Control UI origins from the config
   * file). A bare gateway listening beyond loopback is one whose gateway.bind is lan: the release's start-up seeding
   * of Control UI origins (profile switch controlUiOriginSeed) applies to its config.
   */
  addGateway(options) {
    const bind = options.bind ?? "all";
    const seeds = options.machineStarted !== true && this.profile.gateway.controlUiOriginSeed !== "off" && bind !== "loopback" && !isLoopbackAddress2(bind);
    if (seeds) this.originSeeded.set(options.name, options.port);
    else this.originSeeded.delete(options.name);
    const node = new GatewayNode(this.scheduler, this.network, {
      name: options.name,
      host: options.host,
      port: options.port,
      switches: this.profile.gateway,
      config: this.withSeededOrigins(options.name, gatewayRuntimeConfig(options.config), false),
      clockOf: () => this.clockOf(options.host),
      store: options.store,
      ...options.bootstrap !== void 0 ? { bootstrap: options.bootstrap } : {},
      bind: options.bind
    });
    this.gateways.set(options.name, node);
    if (options.start !== false) node.start();
    return node;
  }
  /** Adds a client on `host`; clients of the same user on a host share its device-auth file. */
  addClient(options) {
    const file = this.deviceAuthFile(options.host, options.user ?? "user");
    const node = new ClientNode(this.scheduler, this.network, {
      name: options.name,
      host: options.host,
      clock: this.clockOf(options.host),
      // A Control UI runs the bundle its gateway served: same build id unless the scenario says otherwise.
      client: { buildId: this.gateways.values().next().value?.state.config.version, ...options.client, switches: withReconnectPolicy(options.client.switches ?? this.profile.client, options.reconnect) },
      file
    });
    this.clients.set(options.name, node);
    if (options.start !== false) node.start();
    return node;
  }
  /**
   * Adds a client of any kind: the real OpenClaw client when the world has one and it covers the kind (not the
   * Control UI, not a one-shot call), else the simulated client. Scenario files use this.
   */
  addAnyClient(options) {
    const c2 = options.client;
    this.realClientHost ??= this.realClientModule ? options.host : void 0;
    if (this.realClientModule && c2.kind !== "control-ui" && !c2.oneShot && options.host === this.realClientHost) {
      this.addRealClient({
        name: options.name,
        host: options.host,
        user: options.user,
        url: this.realClientUrl(c2.url),
        module: this.realClientModule,
        kind: c2.kind,
        identity: c2.identity,
        explicitToken: c2.explicitToken,
        passiveToken: c2.passiveToken,
        password: c2.password,
        ...c2.bootstrapToken !== void 0 ? { bootstrapToken: c2.bootstrapToken } : {},
        storedTokens: c2.storedTokens,
        scopes: c2.scopes,
        ...c2.allowInsecurePrivateWs !== void 0 ? { allowInsecurePrivateWs: c2.allowInsecurePrivateWs } : {},
        // The TUI's client id per release, as the simulated client takes it (before PR #55730 the TUI
        // connected as gateway-client with the display name openclaw-tui).
        ...c2.kind === "tui" ? { clientId: this.profile.client.tuiClientId } : {},
        ...c2.kind === "tui" && this.profile.client.tuiClientId === "gateway-client" ? { options: { clientDisplayName: "openclaw-tui" } } : {}
      });
      return "real";
    }
    this.addClient(options);
    return "sim";
  }
  /**
   * The URL the real client dials. The simulation's LAN is documentation address space (192.0.2.0/24,
   * 198.51.100.0/24), which the real client rightly counts as public and refuses over plaintext ws://; a real LAN
   * client reaches its gateway at an RFC1918 address, which every release's rule reads as private (2026.3.2 trusts
   * only private address literals, not names). So a LAN address literal becomes its RFC1918 stand-in
   * (192.0.2.N → 192.168.2.N, 198.51.100.N → 192.168.100.N), an alias that reaches the same host; should a host
   * already hold that address, the host's mDNS name `<host>.local` instead. The simulated client keeps the literal;
   * only runs with the real client change.
   */
  realClientUrl(url) {
    if (!URL.canParse(url)) return url;
    const parsed = new URL(url);
    const address = parsed.hostname;
    if (!isSimulatedLanAddress(address)) return url;
    const hosts = this.network.hosts;
    const host = hosts.hostAt(address);
    if (!host) return url;
    const [, , third, fourth] = address.split(".");
    const standIn = `192.168.${third === "2" ? 2 : 100}.${fourth}`;
    if (!hosts.addressTaken(standIn)) this.network.addAddressAlias(standIn, address);
    if (hosts.aliasTarget(standIn) === address) {
      parsed.hostname = standIn;
      return parsed.href;
    }
    const name = `${host.name}.local`;
    if (hosts.resolve(host, name).kind === "not-found") this.network.addDnsName(name, address);
    parsed.hostname = name;
    return parsed.href;
  }
  clientStatus(name) {
    const sim = this.clients.get(name);
    if (sim) {
      const st = sim.state;
      return { implementation: "sim", connected: st.lifecycle === "running" && st.socket === "open" && st.handshake === "connected", paused: st.lifecycle === "paused", attempts: st.attempts };
    }
    const real = this.realClient(name);
    return { implementation: "real", connected: real.connected, paused: real.paused, attempts: real.attempts };
  }
  /** Whether anything in the world settles work in promise callbacks (then time must advance asynchronously). */
  get hasAsyncParticipants() {
    return this.realClientsRuntime !== void 0;
  }
  /** runFor, in the async loop when real clients are present. */
  advance(ms) {
    return this.hasAsyncParticipants ? this.runForAsync(ms) : Promise.resolve(this.runFor(ms));
  }
  advanceUntil(done, timeoutMs) {
    return this.hasAsyncParticipants ? this.runUntilAsync(done, timeoutMs) : Promise.resolve(this.runUntil(done, timeoutMs));
  }
  client(name) {
    const node = this.clients.get(name);
    if (!node) throw new Error(`no client named ${name}`);
    return node;
  }
  gateway(name) {
    const node = this.gateways.get(name);
    if (!node) throw new ScenarioInputError(this.gateways.size === 0 ? `no gateway is running yet (a bare world starts one with gatewayStart)` : `no gateway named '${name}'`);
    return node;
  }
  /** Runs one raw connect attempt from `fromHost` against `url`; the handle's outcome fills in when it ends. */
  attempt(options) {
    const handle = { attempt: options.attempt, outcome: void 0 };
    runAttempt(
      {
        scheduler: this.scheduler,
        network: this.network,
        fromHost: options.fromHost,
        url: options.url,
        port: options.port,
        gatewayToken: options.gatewayToken,
        identities: options.identities ?? {},
        deviceTokens: this.attemptState.deviceTokens,
        lastNonce: this.attemptState.lastNonce,
        lastRequestId: this.attemptState.lastRequestId,
        clock: this.clockOf(options.fromHost)
      },
      options.attempt,
      (outcome) => {
        handle.outcome = outcome;
        this.scheduler.record(options.fromHost, "check", { what: "attempt.outcome", attempt: options.attempt.name, ok: outcome.response?.ok ?? null, close: outcome.close });
      }
    );
    return handle;
  }
  /** The latest device token seen for (deviceId, role), as {{deviceToken:NAME}} resolves it. */
  deviceTokenFor(deviceId, role) {
    return this.attemptState.deviceTokens.get(`${deviceId}/${role}`);
  }
  /** Makes a device token usable as {{deviceToken:NAME}} in later attempts (pre-seeded or rotated tokens). */
  rememberDeviceToken(deviceId, role, token) {
    this.attemptState.deviceTokens.set(`${deviceId}/${role}`, token);
  }
  /**
   * Edit a bare gateway's config while it runs: `update` gets the current input-shaped config and returns the
   * new one; the release's reload plan applies it live or restarts the gateway (300 ms later).
   */
  editGatewayConfig(name, update, mode) {
    const gateway = this.gateway(name);
    const next = this.withSeededOrigins(name, gatewayRuntimeConfig(update(structuredClone(gateway.state.config))), true);
    return editGatewayConfig({ scheduler: this.scheduler, profile: this.profile, gateway, next, ...mode ? { mode } : {} });
  }
  /** A bare gateway's config with the Control UI origins its release seeds at start (none configured, no fallback). */
  withSeededOrigins(name, config, quiet) {
    const port2 = this.originSeeded.get(name);
    if (port2 === void 0) return config;
    const ui = config.controlUi;
    const origins = seededControlUiOrigins({ mode: this.profile.gateway.controlUiOriginSeed, bind: "lan", port: port2, allowedOrigins: ui.allowedOrigins, hostHeaderFallback: ui.dangerouslyAllowHostHeaderOriginFallback });
    if (!origins) return config;
    if (!quiet) this.scheduler.record(name, "gateway", { event: "control-ui.origins-seeded", origins });
    return { ...config, controlUi: { ...ui, allowedOrigins: origins } };
  }
  /** What `tailscale whois` answers on a machine (tailnet IP → login); a running gateway sees it at once. */
  setTailscaleWhois(machineName, whois) {
    const node = this.machine(machineName);
    node.tailscaleWhois = { ...whois };
    const gateway = this.gateways.get(node.gatewayName);
    if (gateway) gateway.state.config = { ...gateway.state.config, tailscaleWhois: { ...whois } };
    this.scheduler.record(machineName, "host", { event: "tailscale.whois", ips: Object.keys(whois).sort() });
  }
  /** The request id {{lastRequestId}} resolves to (latest pairing-required answer, or an operator's pick). */
  get lastRequestId() {
    return this.attemptState.lastRequestId.value ?? void 0;
  }
  rememberRequestId(requestId) {
    this.attemptState.lastRequestId.value = requestId;
  }
  partition(hostA, hostB) {
    return this.network.partition(hostA, hostB);
  }
  runFor(ms) {
    return this.scheduler.runUntil(this.scheduler.nowMs() + ms);
  }
  /** Runs until `done` holds or `timeoutMs` of virtual time pass (reported as reached vs. not). */
  runUntil(done, timeoutMs) {
    return this.scheduler.runUntil(this.scheduler.nowMs() + timeoutMs, done);
  }
  // ---- real OpenClaw clients (the npm package run in this world): real-client-*.ts ----
  realClientsRuntime;
  /** The world's real clients (created on first use). */
  get realClients() {
    this.realClientsRuntime ??= new RealClients({
      scheduler: this.scheduler,
      network: this.network,
      clockOf: (host) => this.clockOf(host),
      deviceAuthFile: (host, user) => this.deviceAuthFile(host, user)
    });
    return this.realClientsRuntime;
  }
  /** Runs the real `GatewayClient` on `host` (needs runForAsync / runUntilAsync to make progress). */
  addRealClient(spec) {
    return this.realClients.add(spec);
  }
  realClient(name) {
    return this.realClients.get(name);
  }
  /** runFor in the async loop: promise callbacks settle between events (required with real clients). */
  runForAsync(ms) {
    return this.realClients.run(() => this.scheduler.runUntilAsync(this.scheduler.nowMs() + ms));
  }
  /** runUntil in the async loop. */
  runUntilAsync(done, timeoutMs) {
    return this.realClients.run(() => this.scheduler.runUntilAsync(this.scheduler.nowMs() + timeoutMs, done));
  }
  // ---- machines (src/host bound into the world): machine-node.ts, machine-clients.ts, operator-node.ts ----
  /** Binds a simulated machine to a host of this world (the host must exist). */
  /**
   * Docker's `-p <port>:<containerPort>`: a TCP port forward on host `on` (every interface, or only its loopback
   * with `bind: "loopback"`, as `-p 127.0.0.1:…`) into the machine's host. The gateway sees the forward's own
   * address as its peer and the client's Host header untouched; with nothing listening in the container the
   * accepted connection is reset (socket hang up).
   */
  publishPort(options) {
    const target = this.machine(options.machine).host;
    const result = this.network.addProxy({ proxyHost: options.on, port: options.port, bind: options.bind ?? "all", forTarget: { host: target, port: options.containerPort ?? options.port }, tcp: true });
    if (result.kind !== "listening") throw new Error(`cannot publish port ${options.port} on ${options.on}: ${result.kind}`);
  }
  /** `rm ~/.openclaw/identity/device-auth.json` for the machine's operator: its next command reads no device token. */
  deleteOperatorDeviceAuth(machine) {
    const node = this.machine(machine);
    const file = this.deviceAuthFile(node.host, node.operatorUser);
    file.tokens = {};
    file.deviceId = void 0;
    file.corrupt = false;
    file.seedDropped = true;
    this.scheduler.record(node.name, "host", { event: "device-auth.delete", user: node.operatorUser });
  }
  /** A device token written into the machine operator's device-auth file (what its `openclaw …` commands read). */
  storeOperatorDeviceToken(node, deviceId, token, scopes) {
    this.deviceAuthFile(node.host, node.operatorUser).store(deviceId, "operator", token, [...scopes]);
  }
  /** The device-auth file of a user on a host (created empty on first use). */
  deviceAuthFile(host, user) {
    const key = `${host}:${user}`;
    let file = this.deviceAuthFiles.get(key);
    if (!file) {
      file = new DeviceAuthFile();
      this.deviceAuthFiles.set(key, file);
    }
    return file;
  }
  addMachine(options) {
    if (this.machines.has(options.name)) throw new Error(`machine ${options.name} already exists`);
    const node = new MachineNode(options);
    this.machines.set(options.name, node);
    this.scheduler.record(options.name, "host", { event: "machine.add", host: options.host, serviceInstalled: options.machine.serviceUnit !== null, ...options.machine.container ? { container: true } : {} });
    return node;
  }
  machine(name) {
    const node = this.machines.get(name);
    if (!node) throw new Error(`no machine named ${name}`);
    return node;
  }
  /** A hand edit of the machine (an editor, `export`, a restored backup); a running gateway's watcher sees config changes. */
  updateMachine(name, update, what = "edit") {
    const node = this.machine(name);
    this.scheduler.record(name, "host", { event: "machine.edit", what });
    machineChanged(this, node, update(node.machine));
    return node.machine;
  }
  /** Starts (or restarts) the machine's gateway service from its unit's environment. */
  startGatewayService(machineName) {
    return startGatewayProcess(this, this.machine(machineName), "service");
  }
  /** Starts (or restarts) the gateway in the foreground from the operator's shell (`openclaw gateway`). */
  startGatewayForeground(machineName) {
    return startGatewayProcess(this, this.machine(machineName), "foreground");
  }
  /** How a client of this kind on the machine would resolve its URL and credentials (no side effects). */
  planMachineClient(machineName, spec) {
    return planMachineClient(this.machine(machineName).machine, spec, this.profile.client.controlUiTokenPerTab);
  }
  /**
   * Starts a client process on the machine with the credentials its kind resolves there. `user` picks the
   * device-auth file (default "user"; a Control UI uses "browser:<profile>"): clients sharing a user share one
   * device identity in reality, so give clients with different identities different users.
   */
  addMachineClient(machineName, options) {
    const node = this.machine(machineName);
    const plan = this.planMachineClient(machineName, options.spec);
    const user = options.user ?? (options.spec.kind === "control-ui" ? `browser:${options.spec.browser}` : "user");
    node.clients.set(options.name, options.spec);
    this.scheduler.record(options.name, "client", { event: "machine-client", machine: machineName, kind: options.spec.kind, url: plan.options.url, urlSource: plan.urlSource, credential: credentialOriginRecord(plan) });
    return this.addClient({
      name: options.name,
      host: node.host,
      user,
      client: { ...plan.options, ...options.switches ? { switches: options.switches } : {} },
      ...options.start !== void 0 ? { start: options.start } : {}
    });
  }
  /** The client re-reads its machine (config, env, browser storage) and is told if its credentials changed. */
  refreshClientCredentials(clientName) {
    for (const [machineName, node] of this.machines) {
      const spec = node.clients.get(clientName);
      if (!spec) continue;
      const fresh = credentialFields(this.planMachineClient(machineName, spec).options);
      const current = this.client(clientName).state.credentials;
      const change = {};
      for (const field of ["explicitToken", "passiveToken", "password"]) {
        if (fresh[field] !== current[field]) change[field] = fresh[field] ?? null;
      }
      if (Object.keys(change).length === 0) return false;
      this.client(clientName).credentialsChanged(change);
      return true;
    }
    throw new Error(`client ${clientName} was not started from a machine`);
  }
  /** The operator runs one `openclaw …` command on the machine; `devices …` RPCs go over the network. */
  operator(machineName, command, options) {
    return runOperator(this, this.machine(machineName), command, options);
  }
};
function credentialOriginRecord(plan) {
  const o = plan.origin;
  if (o.kind === "browser-storage") return { from: o.area, key: o.key, present: o.token !== void 0 };
  return { rule: o.resolved.rule, tokenSource: o.resolved.tokenSource, passiveTokenSource: o.resolved.passiveTokenSource, passwordSource: o.resolved.passwordSource };
}

// src/world/client-lifecycle.ts
function forceStopClient(world, name) {
  const node = world.client(name);
  node.kill();
  world.scheduler.record(name, "client", { event: "process.kill" });
}
function relaunchClient(world, name, change = {}) {
  const old = world.client(name);
  if (!old.killed) {
    old.stop();
    old.kill();
  }
  const file = old.options.file;
  const { storedTokens, ...rest } = old.options.client;
  const client = { ...rest, ...change, ...storedTokens && !file.seedDropped ? { storedTokens } : {} };
  const node = new ClientNode(world.scheduler, world.network, { ...old.options, client });
  world.clients.set(name, node);
  world.scheduler.record(name, "client", { event: "process.relaunch", ...relaunchRecord(change) });
  node.start();
  return node;
}
function relaunchRecord(change) {
  const out = {};
  if (change.clientVersion !== void 0) out["clientVersion"] = change.clientVersion;
  if (change.identity !== void 0) out["deviceId"] = change.identity?.deviceId ?? null;
  if (change.switches !== void 0) out["switchesChanged"] = true;
  return out;
}
function deviceAuthFileOf(world, name) {
  return world.client(name).options.file;
}
function deleteDeviceAuthFile(world, name) {
  const file = deviceAuthFileOf(world, name);
  file.tokens = {};
  file.deviceId = void 0;
  file.corrupt = false;
  file.seedDropped = true;
  world.scheduler.record(name, "host", { event: "device-auth.delete" });
}
function corruptDeviceAuthFile(world, name) {
  const file = deviceAuthFileOf(world, name);
  file.corrupt = true;
  file.seedDropped = true;
  world.scheduler.record(name, "host", { event: "device-auth.corrupt" });
}
function regenerateIdentity(world, name, why) {
  const identity = identityFromSeed(world.scheduler.stream(`identity:${name}`).bytes(32));
  world.scheduler.record(name, "host", { event: `identity.${why}`, deviceId: identity.deviceId });
  relaunchClient(world, name, { identity });
  return identity;
}
function storedTokenPresent(world, name, role = "operator") {
  const node = world.client(name);
  const file = node.options.file;
  const deviceId = node.state.config.identity?.deviceId;
  if (file.corrupt || deviceId === void 0) return false;
  if (file.deviceId === void 0) return !file.seedDropped && node.options.client.storedTokens?.[role] !== void 0;
  return file.deviceId === deviceId && file.readable()[role] !== void 0;
}
function storedTokenWrites(world, name, role = "operator") {
  return deviceAuthFileOf(world, name).writes.get(role) ?? 0;
}

// src/world/gateway-observe.ts
function openSessionsByDevice(gateway) {
  const out = /* @__PURE__ */ new Map();
  if (!gateway.running) return out;
  for (const conn of gateway.state.conns.values()) {
    if (conn.phase !== "connected" || !conn.session) continue;
    const key = conn.session.deviceId ?? "";
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}
function pairingView(gateway) {
  const store = gateway.running ? gateway.state.store : gateway.persisted;
  if (!store) return { pending: [], paired: [] };
  return {
    pending: Object.values(store.pending).map((p) => ({ requestId: p.requestId, deviceId: p.deviceId, role: p.role ?? "operator", scopes: [...p.scopes ?? []] })),
    paired: Object.values(store.paired).map((d) => ({
      deviceId: d.deviceId,
      roles: [...d.roles ?? (d.role ? [d.role] : [])],
      scopes: [...d.scopes ?? []],
      ...d.platform !== void 0 ? { platform: d.platform } : {},
      ...d.clientId !== void 0 ? { clientId: d.clientId } : {},
      tokenRoles: Object.values(d.tokens ?? {}).filter((t) => t.revokedAtMs === void 0).map((t) => t.role).sort()
    }))
  };
}
function nodePairingView(gateway) {
  const nodes = gateway.nodesFile;
  const sessions = [];
  if (gateway.running) {
    for (const conn of gateway.state.conns.values()) {
      const node = conn.phase === "connected" ? conn.session?.node : void 0;
      if (node) sessions.push({ nodeId: node.nodeId, commands: [...node.commands] });
    }
  }
  return {
    pending: [...nodes.pending.values()].filter((p) => gateway.clock.nowMs() - p.ts <= nodePendingTtlMs).map((p) => ({ requestId: p.requestId, nodeId: p.nodeId, commands: [...p.commands] })),
    paired: [...nodes.paired.values()].map((p) => ({ nodeId: p.nodeId, commands: [...p.commands] })),
    sessions
  };
}

// src/world/browser-tabs.ts
var tabsByWorld = /* @__PURE__ */ new WeakMap();
function tabsOf(world) {
  let tabs = tabsByWorld.get(world);
  if (!tabs) {
    tabs = /* @__PURE__ */ new Map();
    tabsByWorld.set(world, tabs);
  }
  return tabs;
}
function controlUiTabOf(world, client) {
  return tabsOf(world).get(client);
}
function openTabOf(world, client) {
  const tab = tabsOf(world).get(client);
  assert(tab !== void 0 && !tab.closed, `client ${client} is not an open browser tab`);
  return tab;
}
function openControlUiTab(world, options) {
  assert(!tabsOf(world).get(options.client) || tabsOf(world).get(options.client).closed, `client ${options.client} already has a tab`);
  const tab = { options, pageUrl: options.pageUrl, closed: false };
  tabsOf(world).set(options.client, tab);
  world.scheduler.record(options.client, "client", { event: "tab.open", browser: options.browser, tab: options.tabId });
  return loadPage(world, tab);
}
function reloadControlUiTab(world, client) {
  const tab = openTabOf(world, client);
  quitPage(world, client);
  world.scheduler.record(client, "client", { event: "tab.reload" });
  return loadPage(world, tab);
}
function navigateControlUiTab(world, client, to) {
  const tab = openTabOf(world, client);
  const next = new URL(to, tab.pageUrl);
  assert(next.origin === new URL(tab.pageUrl).origin, `in-app navigation stays on the page's origin: ${to}`);
  tab.pageUrl = next.toString();
  world.scheduler.record(client, "client", { event: "tab.navigate", url: tab.pageUrl });
  return tab.pageUrl;
}
function duplicateControlUiTab(world, client, copy) {
  const source = openTabOf(world, client);
  const o = source.options;
  world.updateMachine(o.machine, (m) => withBrowser(m, o.browser, duplicateTab(browser(m, o.browser), o.tabId, copy.tabId)), `duplicate browser tab ${o.tabId}`);
  const options = { ...o, client: copy.client, tabId: copy.tabId, pageUrl: source.pageUrl };
  const tab = { options, pageUrl: source.pageUrl, closed: false };
  tabsOf(world).set(copy.client, tab);
  world.scheduler.record(copy.client, "client", { event: "tab.duplicate", from: client, browser: o.browser, tab: copy.tabId });
  return loadPage(world, tab);
}
function closeControlUiTab(world, client) {
  const tab = openTabOf(world, client);
  quitPage(world, client);
  tab.closed = true;
  const o = tab.options;
  world.updateMachine(o.machine, (m) => withBrowser(m, o.browser, closeTab(browser(m, o.browser), o.tabId)), `close browser tab ${o.tabId}`);
  world.scheduler.record(client, "client", { event: "tab.close" });
}
function quitPage(world, client) {
  const node = world.client(client);
  if (node.killed) return;
  node.stop();
  node.kill();
}
function loadPage(world, tab) {
  const o = tab.options;
  const switches = world.profile.client;
  const address = controlUiPageAddress(tab.pageUrl);
  assert(address !== null, `a Control UI page URL is absolute http(s): ${tab.pageUrl}`);
  const read2 = readUrlToken(tab.pageUrl, switches.controlUiUrlToken);
  const token = read2.token;
  world.updateMachine(
    o.machine,
    (m) => {
      let storage = browser(m, o.browser);
      if (!(o.tabId in storage.sessionStorageByTab)) storage = openTab(storage, o.tabId);
      if (token !== void 0) storage = storeControlUiToken(storage, { tabId: o.tabId, gatewayUrl: address.gatewayUrl, perTab: switches.controlUiTokenPerTab }, token);
      return withBrowser(m, o.browser, storage);
    },
    token !== void 0 ? `the Control UI stores the token from its URL (${read2.from})` : `load the Control UI in tab ${o.tabId}`
  );
  tab.pageUrl = read2.url;
  const identity = address.secureContext || switches.controlUiInsecureContextIdentity ? o.identity : null;
  world.scheduler.record(o.client, "client", {
    event: "page.load",
    url: read2.url,
    tokenFrom: read2.from ?? null,
    secureContext: address.secureContext,
    deviceIdentity: identity !== null
  });
  const spec = {
    kind: "control-ui",
    identity,
    browser: o.browser,
    tabId: o.tabId,
    url: address.gatewayUrl,
    pageOrigin: address.origin,
    pageUrl: read2.url,
    ...o.clientId !== void 0 ? { clientId: o.clientId } : {},
    ...o.displayName !== void 0 ? { displayName: o.displayName } : {},
    ...o.scopes !== void 0 ? { scopes: o.scopes } : {}
  };
  return world.addMachineClient(o.machine, { name: o.client, spec });
}

// src/scenario/scenario.ts
function expectedVerdict(scenario2, profile2) {
  return scenario2.expect?.[profile2] ?? scenario2.expectDefault;
}

// src/scenario/runner.ts
import { createHash as createHash5 } from "node:crypto";

// src/invariants/trace-fields.ts
function asRecord2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
}
function str2(data, key) {
  const value = data?.[key];
  return typeof value === "string" ? value : void 0;
}
function bool(data, key) {
  const value = data?.[key];
  return typeof value === "boolean" ? value : void 0;
}
function strings(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function nonBlank(value) {
  const trimmed2 = value?.trim();
  return trimmed2 ? trimmed2 : void 0;
}
var parsedFrames = /* @__PURE__ */ new WeakMap();
function frameObject(data) {
  if (parsedFrames.has(data)) return parsedFrames.get(data);
  const frame = parseFrame(data);
  parsedFrames.set(data, frame);
  return frame;
}
function parseFrame(data) {
  const text5 = str2(data, "text");
  if (text5 === void 0 || data["textCut"] === true) return void 0;
  try {
    return asRecord2(JSON.parse(text5));
  } catch {
    return void 0;
  }
}

// src/invariants/failure-code.ts
var PAUSE_DETAIL_CODES2 = [
  ConnectErrorDetailCodes.AUTH_TOKEN_MISSING,
  ConnectErrorDetailCodes.AUTH_BOOTSTRAP_TOKEN_INVALID,
  ConnectErrorDetailCodes.AUTH_PASSWORD_MISSING,
  ConnectErrorDetailCodes.AUTH_PASSWORD_MISMATCH,
  ConnectErrorDetailCodes.AUTH_RATE_LIMITED,
  ConnectErrorDetailCodes.PAIRING_REQUIRED,
  ConnectErrorDetailCodes.CONTROL_UI_DEVICE_IDENTITY_REQUIRED,
  ConnectErrorDetailCodes.DEVICE_IDENTITY_REQUIRED
];
var OPERATOR_ACTION_CODES = [...PAUSE_DETAIL_CODES2, ConnectErrorDetailCodes.AUTH_TOKEN_MISMATCH, ConnectErrorDetailCodes.AUTH_DEVICE_TOKEN_MISMATCH];
var messageCodes = [
  ["device token mismatch", ConnectErrorDetailCodes.AUTH_DEVICE_TOKEN_MISMATCH],
  ["gateway token mismatch", ConnectErrorDetailCodes.AUTH_TOKEN_MISMATCH],
  ["gateway token missing", ConnectErrorDetailCodes.AUTH_TOKEN_MISSING],
  ["gateway password missing", ConnectErrorDetailCodes.AUTH_PASSWORD_MISSING],
  ["gateway password mismatch", ConnectErrorDetailCodes.AUTH_PASSWORD_MISMATCH],
  ["too many failed authentication attempts", ConnectErrorDetailCodes.AUTH_RATE_LIMITED],
  ["pairing required", ConnectErrorDetailCodes.PAIRING_REQUIRED],
  ["control ui requires device identity", ConnectErrorDetailCodes.CONTROL_UI_DEVICE_IDENTITY_REQUIRED],
  ["control ui requires https or localhost", ConnectErrorDetailCodes.CONTROL_UI_DEVICE_IDENTITY_REQUIRED],
  ["device identity required", ConnectErrorDetailCodes.DEVICE_IDENTITY_REQUIRED],
  // S-Feb device-proof errors carry no details; their messages name the failure.
  ["device signature expired", ConnectErrorDetailCodes.DEVICE_AUTH_SIGNATURE_EXPIRED],
  ["device signature invalid", ConnectErrorDetailCodes.DEVICE_AUTH_SIGNATURE_INVALID],
  ["device nonce required", ConnectErrorDetailCodes.DEVICE_AUTH_NONCE_REQUIRED],
  ["device nonce mismatch", ConnectErrorDetailCodes.DEVICE_AUTH_NONCE_MISMATCH],
  ["device identity mismatch", ConnectErrorDetailCodes.DEVICE_AUTH_DEVICE_ID_MISMATCH]
];
function connectErrorCode(data, options) {
  const coded2 = str2(data, "detailCode") ?? str2(asRecord2(data["details"]), "code");
  if (coded2 !== void 0 || !options.inferFromMessage) return coded2;
  const message = (str2(data, "message") ?? "").toLowerCase();
  return messageCodes.find(([fragment]) => message.includes(fragment))?.[1];
}

// src/invariants/findings.ts
var findingsPerInvariantMax = 50;
var idCharsShown = 8;
function refOf(event3) {
  return { i: event3.i, atMs: event3.atMs, actor: event3.actor };
}
function earliest(a, b) {
  return a === void 0 || b.i < a.i ? b : a;
}
var FindingList = class {
  constructor(invariant) {
    this.invariant = invariant;
  }
  invariant;
  kept = [];
  add(kind, message, at, extra = {}) {
    if (this.kept.length >= findingsPerInvariantMax) return;
    this.kept.push({ kind, invariant: this.invariant, message, firstEventIndex: at.i, atMs: at.atMs, actor: at.actor, ...extra });
  }
  list() {
    return [...this.kept];
  }
};
function formatMs(ms) {
  if (Math.abs(ms) < 1e3) return `${ms} ms`;
  return `${(ms / 1e3).toFixed(3).replace(/\.?0+$/, "")} s`;
}
function shortId(id) {
  return id.length > idCharsShown + 1 ? `${id.slice(0, idCharsShown)}\u2026` : id;
}
function scopeList(scopes) {
  return scopes.length === 0 ? "(none)" : scopes.join(", ");
}

// src/invariants/trace-reader.ts
var closedConnectionsKeptMax = 1e4;
var ReaderState = class {
  conns = /* @__PURE__ */ new Map();
  closedOrder = [];
  lastConnectSend;
  /** Events read into this state, the last one, and what it gave. */
  count = 0;
  last;
  lastObservations = [];
};
var sharedState;
function withSharedTraceReaders(build) {
  const previous = sharedState;
  sharedState = new ReaderState();
  try {
    return build();
  } finally {
    sharedState = previous;
  }
}
var TraceReader = class {
  state = sharedState ?? new ReaderState();
  /** Events this reader was given. */
  seen = 0;
  get conns() {
    return this.state.conns;
  }
  conn(connId) {
    return this.conns.get(connId);
  }
  /** Live connections (not yet closed), in the order they opened. */
  liveConns() {
    return [...this.conns.values()].filter((c2) => !c2.closed);
  }
  /** The observations of an event (shared with other readers of the same state: read them, never write them). */
  read(event3) {
    const state = this.state;
    if (this.seen === state.count) {
      state.lastObservations = this.observe(event3);
      state.last = event3;
      state.count++;
    } else {
      assert(this.seen + 1 === state.count && state.last === event3, "trace readers sharing a state must read the same events in the same order");
    }
    this.seen++;
    return state.lastObservations;
  }
  observe(event3) {
    const data = event3.data;
    switch (event3.kind) {
      case "conn.open":
        return this.connOpen(event3);
      case "frame.send":
        return str2(data, "dir") === "s2c" ? this.gatewaySent(event3) : this.clientSent(event3);
      case "frame.deliver":
        return str2(data, "dir") === "c2s" ? this.gatewayReceived(event3) : [];
      case "close":
        return this.closeReported(event3);
      case "gateway":
        return this.gatewayLog(event3);
      case "client":
        return this.clientEvent(event3);
      case "operator":
        return [{ kind: "operator", command: str2(data, "command") ?? str2(data, "action"), data }];
      case "host":
        return data["event"] === "devices.local-pairing-fallback" && data["approved"] === true ? [{ kind: "operator", command: "device.pair.approve", data }] : [];
      case "note":
        return [{ kind: "note", data }];
      default:
        return [];
    }
  }
  record(connId) {
    let conn = this.conns.get(connId);
    if (!conn) {
      conn = { connId, openEvent: void 0, directLocal: void 0, challengeNonce: void 0, connect: void 0, owner: void 0, session: void 0, closed: false, pendingRpc: /* @__PURE__ */ new Map() };
      this.conns.set(connId, conn);
    }
    return conn;
  }
  connOpen(event3) {
    const conn = this.record(str2(event3.data, "connId") ?? event3.actor);
    conn.openEvent = event3;
    conn.directLocal = directLocality(event3.data);
    return [{ kind: "conn-open", conn }];
  }
  clientSent(event3) {
    const connId = str2(event3.data, "connId");
    if (connId === void 0) return [];
    const conn = this.record(connId);
    const packet = str2(event3.data, "packet");
    if (packet === "frame" && str2(frameObject(event3.data), "method") === "connect") this.state.lastConnectSend = { connId, atMs: event3.atMs };
    if (conn.owner === void 0 || packet !== "frame" && packet !== "upgrade") return [];
    return [{ kind: "client-packet", conn, owner: conn.owner }];
  }
  gatewaySent(event3) {
    const connId = str2(event3.data, "connId");
    if (connId === void 0) return [];
    const conn = this.record(connId);
    const packet = str2(event3.data, "packet");
    if (packet === "close") return this.closing(conn, true);
    if (packet !== "frame") return [];
    const frame = frameObject(event3.data);
    if (str2(frame, "type") === "event" && str2(frame, "event") === "connect.challenge") {
      const nonce = nonBlank(str2(asRecord2(frame?.["payload"]), "nonce"));
      if (nonce === void 0 || conn.challengeNonce !== void 0) return [];
      conn.challengeNonce = nonce;
      return [{ kind: "challenge", conn, nonce }];
    }
    if (str2(frame, "type") === "res") return this.response(conn, frame);
    return [];
  }
  response(conn, frame) {
    const id = str2(frame, "id");
    const ok = bool(frame, "ok") === true;
    const payload = asRecord2(frame["payload"]);
    if (ok && str2(payload, "type") === "hello-ok") return [{ kind: "hello-ok", conn, auth: asRecord2(payload?.["auth"]) }];
    const pending = id === void 0 ? void 0 : conn.pendingRpc.get(id);
    if (!pending || id === void 0) return [];
    conn.pendingRpc.delete(id);
    return [{ kind: "rpc-answer", conn, method: pending.method, params: pending.params, ok, payload }];
  }
  gatewayReceived(event3) {
    const connId = str2(event3.data, "connId");
    if (connId === void 0 || str2(event3.data, "packet") !== "frame") return [];
    const conn = this.record(connId);
    const frame = frameObject(event3.data);
    const method = str2(frame, "method");
    const id = str2(frame, "id");
    if (str2(frame, "type") !== "req" || method === void 0 || id === void 0) return [];
    if (method === "connect" && conn.session === void 0) {
      conn.connect = connectFacts(event3, id, asRecord2(frame?.["params"]) ?? {});
      return [{ kind: "connect-received", conn, connect: conn.connect }];
    }
    conn.pendingRpc.set(id, { method, params: asRecord2(frame?.["params"]) ?? {} });
    return [];
  }
  closeReported(event3) {
    const conn = this.conns.get(str2(event3.data, "connId") ?? event3.actor);
    return conn ? this.closing(conn, str2(event3.data, "side") === "server") : [];
  }
  closing(conn, byGateway) {
    if (conn.closed) return [];
    conn.closed = true;
    const closedOrder = this.state.closedOrder;
    closedOrder.push(conn.connId);
    if (closedOrder.length > closedConnectionsKeptMax) this.conns.delete(closedOrder.shift());
    return [{ kind: "conn-closing", conn, byGateway }];
  }
  gatewayLog(event3) {
    const data = event3.data;
    const name = str2(data, "event") ?? "";
    if (name === "connect.hello") {
      const conn = this.record(str2(data, "connId") ?? "");
      conn.session = sessionFacts(event3, conn);
      return [{ kind: "session", conn, session: conn.session }];
    }
    if (name === "pairing.required") return [{ kind: "pairing-required", pairing: this.pairingFacts(data) }];
    return [{ kind: "gateway-log", name, data }];
  }
  pairingFacts(data) {
    const deviceId = str2(data, "deviceId") ?? "";
    const connId = str2(data, "connId");
    const conn = connId !== void 0 ? this.conns.get(connId) : [...this.conns.values()].reverse().find((c2) => c2.session === void 0 && c2.connect?.device?.id === deviceId);
    return { deviceId, reason: str2(data, "reason"), silent: bool(data, "silent") === true, requestId: str2(data, "requestId"), isLocal: bool(data, "localForPairing") ?? bool(data, "isLocal") ?? conn?.directLocal, conn };
  }
  clientEvent(event3) {
    const name = str2(event3.data, "event") ?? "";
    const observations = [];
    const last = this.state.lastConnectSend;
    if (name === "connect-attempt" && last !== void 0 && last.atMs === event3.atMs) {
      this.state.lastConnectSend = void 0;
      const conn = this.record(last.connId);
      if (conn.owner === void 0) {
        conn.owner = event3.actor;
        observations.push({ kind: "conn-owned", conn, owner: event3.actor });
      }
    }
    observations.push({ kind: "client", client: event3.actor, name, data: event3.data });
    return observations;
  }
};
function connectFacts(event3, requestId, params4) {
  const client = asRecord2(params4["client"]);
  const device = asRecord2(params4["device"]);
  const auth = asRecord2(params4["auth"]) ?? {};
  const deviceId = str2(device, "id");
  const pick = (key) => typeof auth[key] === "string" ? { [key]: auth[key] } : {};
  return {
    event: event3,
    requestId,
    clientId: str2(client, "id"),
    clientMode: str2(client, "mode"),
    role: str2(params4, "role") ?? "operator",
    scopes: strings(params4["scopes"]),
    device: deviceId === void 0 ? void 0 : { id: deviceId, nonce: nonBlank(str2(device, "nonce")) },
    auth: { ...pick("token"), ...pick("deviceToken"), ...pick("password"), ...pick("bootstrapToken") }
  };
}
function sessionFacts(event3, conn) {
  const data = event3.data;
  const deviceId = data["deviceId"];
  return {
    event: event3,
    role: str2(data, "role") ?? conn.connect?.role ?? "operator",
    scopes: strings(data["scopes"]),
    method: str2(data, "method"),
    deviceId: typeof deviceId === "string" ? deviceId : null,
    clientId: str2(data, "clientId") ?? conn.connect?.clientId,
    isLocal: bool(data, "isLocal") ?? conn.directLocal,
    clientIp: str2(data, "clientIp")
  };
}
var forwardingHeaders = ["x-forwarded-for", "x-real-ip", "x-forwarded-host"];
function directLocality(data) {
  const remote = str2(data, "remoteAddress");
  const headers = asRecord2(data["headers"]);
  if (remote === void 0 || headers === void 0) return void 0;
  const host = hostnameOf2(str2(headers, "host") ?? "");
  const loopback = remote.startsWith("127.") || remote === "::1" || remote.startsWith("::ffff:127.");
  const localHost = host === "localhost" || host === "127.0.0.1" || host === "::1" || host.endsWith(".ts.net");
  return loopback && localHost && !forwardingHeaders.some((h) => str2(headers, h) !== void 0);
}
function hostnameOf2(hostHeader) {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(1, h.indexOf("]") > 0 ? h.indexOf("]") : void 0);
  const colon = h.lastIndexOf(":");
  return colon > 0 && h.indexOf(":") === colon ? h.slice(0, colon) : h;
}

// src/invariants/retries-bounded.ts
var retriesBoundedName = "retries-bounded";
var retriesAttemptsMaxDefault = 3;
var retriesWindowMsDefault = 6e4;
var tryAgainLaterCode = 1013;
var RetriesBounded = class {
  constructor(options) {
    this.options = options;
    this.codes = new Set(options.codes ?? OPERATOR_ACTION_CODES);
    this.attemptsMax = options.attemptsMax ?? retriesAttemptsMaxDefault;
    this.windowMs = options.windowMs ?? retriesWindowMsDefault;
    this.resetClientEvents = new Set(options.resetClientEvents ?? ["credentials-changed", "resumed", "hello"]);
    this.resetGatewayEvents = new Set(options.resetGatewayEvents ?? ["gateway.shared-secret-changed"]);
    assert(Number.isInteger(this.attemptsMax) && this.attemptsMax >= 0, `${this.name}: attemptsMax must be a whole number \u2265 0`);
    assert(this.windowMs > 0, `${this.name}: windowMs must be positive`);
  }
  options;
  name = retriesBoundedName;
  reader = new TraceReader();
  findings = new FindingList(retriesBoundedName);
  episodes = /* @__PURE__ */ new Map();
  /** Clients whose last socket the gateway closed with 1013 (try again later). */
  askedToRetry = /* @__PURE__ */ new Set();
  codes;
  attemptsMax;
  windowMs;
  resetClientEvents;
  resetGatewayEvents;
  onEvent(event3) {
    for (const o of this.reader.read(event3)) {
      if (o.kind === "operator" || o.kind === "gateway-log" && this.resetGatewayEvents.has(o.name)) {
        for (const client of [...this.episodes.keys()]) this.end(client);
      } else if (o.kind === "client" && (this.options.clients?.includes(o.client) ?? true)) {
        this.clientEvent(event3, o.client, o.name);
      }
    }
  }
  clientEvent(event3, client, name) {
    const open = this.episodes.get(client);
    if (open && event3.atMs > open.endMs) this.end(client);
    if (this.resetClientEvents.has(name)) return this.end(client);
    if (name === "closed") {
      if (event3.data["code"] === tryAgainLaterCode) this.askedToRetry.add(client);
      else this.askedToRetry.delete(client);
    }
    const episode = this.episodes.get(client);
    if (name === "connect-attempt") {
      const askedFor = this.askedToRetry.delete(client);
      if (episode && !askedFor) episode.attempts.push(refOf(event3));
    }
    if (name !== "connect-error" || episode) return;
    const code = connectErrorCode(event3.data, { inferFromMessage: this.options.inferCodeFromMessage ?? true });
    if (code !== void 0 && this.codes.has(code)) this.episodes.set(client, { client, code, endMs: event3.atMs + this.windowMs, attempts: [] });
  }
  end(client) {
    const episode = this.episodes.get(client);
    if (!episode) return;
    this.episodes.delete(client);
    const offending = episode.attempts[this.attemptsMax];
    if (offending === void 0) return;
    const n = episode.attempts.length;
    this.findings.add(
      "correctness",
      `client ${client} made ${n} connect attempts in ${formatMs(this.windowMs)} after ${episode.code} (limit ${this.attemptsMax})`,
      offending
    );
  }
  finish() {
    for (const client of [...this.episodes.keys()]) this.end(client);
    return this.findings.list();
  }
};
function retriesBounded(options = {}) {
  return new RetriesBounded(options);
}

// src/invariants/reconnect-loop-stops.ts
var reconnectLoopStopsName = "reconnect-loop-stops";
var ReconnectLoopStops = class {
  constructor(options) {
    this.options = options;
    this.resumeEvents = new Set(options.resumeEvents ?? ["credentials-changed", "resumed", "stopped"]);
  }
  options;
  name = reconnectLoopStopsName;
  reader = new TraceReader();
  findings = new FindingList(reconnectLoopStopsName);
  paused = /* @__PURE__ */ new Map();
  resumeEvents;
  onEvent(event3) {
    for (const o of this.reader.read(event3)) {
      switch (o.kind) {
        case "client":
          if (this.options.clients?.includes(o.client) ?? true) this.clientEvent(event3, o.client, o.name);
          break;
        case "conn-owned":
          this.sentFromPause(o.owner, o.conn.openEvent ?? event3);
          break;
        case "client-packet":
          this.sentFromPause(o.owner, event3);
          break;
        default:
          break;
      }
    }
  }
  clientEvent(event3, client, name) {
    if (this.resumeEvents.has(name)) return this.end(client);
    if (name === "paused" && !this.paused.has(client)) {
      const detailCode = typeof event3.data["detailCode"] === "string" ? event3.data["detailCode"] : "an operator-action failure";
      this.paused.set(client, { at: refOf(event3), detailCode, offence: void 0, attempts: 0 });
      return;
    }
    const pause = this.paused.get(client);
    if (pause && name === "connect-attempt") {
      pause.attempts++;
      pause.offence = earliest(pause.offence, refOf(event3));
    }
  }
  /** Something the client sent (or the socket it opened) — an offence when it came after the pause. */
  sentFromPause(client, event3) {
    const pause = this.paused.get(client);
    if (!pause || event3.i <= pause.at.i) return;
    pause.offence = earliest(pause.offence, refOf(event3));
  }
  end(client) {
    const pause = this.paused.get(client);
    if (!pause) return;
    this.paused.delete(client);
    if (pause.offence === void 0) return;
    const after = formatMs(pause.offence.atMs - pause.at.atMs);
    const attempts = pause.attempts === 1 ? "1 connect attempt" : `${pause.attempts} connect attempts`;
    const what = pause.attempts > 0 ? `kept reconnecting (${attempts})` : "kept sending";
    this.findings.add(
      "correctness",
      `client ${client} ${what} after it paused on ${pause.detailCode} at ${formatMs(pause.at.atMs)}, with no configuration change; the first offence came ${after} after the pause`,
      pause.offence
    );
  }
  finish() {
    for (const client of [...this.paused.keys()]) this.end(client);
    return this.findings.list();
  }
};
function reconnectLoopStops(options = {}) {
  return new ReconnectLoopStops(options);
}

// src/invariants/converges.ts
var convergesName = "converges";
var convergeWithinMsDefault = 6e4;
function defaultConvergeMarker(event3) {
  return event3.kind === "operator" || event3.kind === "note" && event3.data["converge"] === true;
}
var Converges = class {
  constructor(options) {
    this.options = options;
    this.withinMs = options.convergeWithinMs ?? convergeWithinMsDefault;
    this.isMarker = options.isMarker ?? defaultConvergeMarker;
    assert(this.withinMs > 0, `${this.name}: convergeWithinMs must be positive`);
    for (const name of options.clients ?? []) this.track(name);
  }
  options;
  name = convergesName;
  findings = new FindingList(convergesName);
  clients = /* @__PURE__ */ new Map();
  withinMs;
  isMarker;
  pending;
  onEvent(event3) {
    if (this.pending && event3.atMs > this.pending.deadlineMs) this.evaluate(this.pending, event3.atMs);
    if (event3.kind === "client") this.clientEvent(event3);
    if (this.isMarker(event3)) this.startPending(event3);
  }
  track(name) {
    let track = this.clients.get(name);
    if (!track) {
      track = { connected: false, stoppedAtIndex: void 0, stoppedOnPurpose: false, last: void 0 };
      this.clients.set(name, track);
    }
    return track;
  }
  clientEvent(event3) {
    if (this.options.clients && !this.options.clients.includes(event3.actor)) return;
    const track = this.track(event3.actor);
    const name = str2(event3.data, "event") ?? "";
    const detail = str2(event3.data, "detailCode") ?? str2(event3.data, "reason") ?? str2(event3.data, "message");
    track.last = { name, atMs: event3.atMs, detail };
    if (name === "hello") {
      track.connected = true;
      this.pending?.helloSince.add(event3.actor);
    } else if (name === "closed") {
      track.connected = false;
      this.pending?.heldSince.delete(event3.actor);
    } else if (name === "connect-attempt" && track.stoppedAtIndex !== void 0) {
      track.stoppedAtIndex = void 0;
      track.stoppedOnPurpose = false;
    } else if (name === "stopped") {
      track.stoppedAtIndex = event3.i;
      track.stoppedOnPurpose = event3.data["reason"] === "stop";
    }
  }
  startPending(event3) {
    const heldSince = /* @__PURE__ */ new Set();
    for (const [name, track] of this.clients) if (track.connected) heldSince.add(name);
    this.pending = { marker: refOf(event3), label: markerLabel(event3), deadlineMs: event3.atMs + this.withinMs, helloSince: /* @__PURE__ */ new Set(), heldSince };
  }
  evaluate(pending, nowMs) {
    this.pending = void 0;
    for (const [name, track] of this.clients) {
      if (pending.helloSince.has(name) || pending.heldSince.has(name) || track.stoppedOnPurpose) continue;
      if (track.stoppedAtIndex !== void 0 && track.stoppedAtIndex < pending.marker.i) continue;
      const last = track.last ? `; its last event: ${track.last.name}${track.last.detail ? ` ${track.last.detail}` : ""} at ${formatMs(track.last.atMs)}` : "; it never showed up";
      const cut = nowMs < pending.deadlineMs ? ` (the run ended ${formatMs(nowMs - pending.marker.atMs)} after it)` : "";
      this.findings.add("liveness", `client ${name} did not reach hello within ${formatMs(this.withinMs)} after ${pending.label} at ${formatMs(pending.marker.atMs)}${cut}${last}`, pending.marker, {
        brokeAtMs: Math.min(pending.deadlineMs, nowMs),
        client: name
      });
    }
  }
  finish(context) {
    if (this.pending) this.evaluate(this.pending, context.nowMs);
    return this.findings.list();
  }
};
function markerLabel(event3) {
  if (event3.kind === "operator") return `operator action ${str2(event3.data, "command") ?? str2(event3.data, "action") ?? "(unnamed)"}`;
  if (event3.kind === "note") return `note "${str2(event3.data, "text") ?? ""}"`;
  return `${event3.kind} event #${event3.i}`;
}
function converges(options = {}) {
  return new Converges(options);
}

// src/invariants/security/nonce-single-use.ts
var nonceSingleUseName = "nonce-single-use";
var NonceSingleUse = class {
  name = nonceSingleUseName;
  reader = new TraceReader();
  findings = new FindingList(nonceSingleUseName);
  /** nonce → the connection that issued it (its connect.challenge). */
  issuedOn = /* @__PURE__ */ new Map();
  /** nonce → the first hello that accepted it. */
  accepted = /* @__PURE__ */ new Map();
  onEvent(event3) {
    for (const o of this.reader.read(event3)) {
      if (o.kind === "challenge" && !this.issuedOn.has(o.nonce)) this.issuedOn.set(o.nonce, o.conn.connId);
      if (o.kind !== "session") continue;
      const nonce = o.conn.connect?.device?.nonce;
      if (nonce === void 0 || o.session.deviceId === null) continue;
      const first2 = this.accepted.get(nonce);
      if (first2 === void 0) {
        this.accepted.set(nonce, { connId: o.conn.connId, at: refOf(event3) });
        continue;
      }
      const issued = this.issuedOn.get(nonce);
      const device = o.session.deviceId ?? o.conn.connect?.device?.id ?? "?";
      this.findings.add(
        "correctness",
        `challenge nonce ${shortId(nonce)}${issued ? ` (issued on ${issued})` : ""} was accepted twice: the session on ${o.conn.connId} (device ${shortId(device)}) reused the nonce already accepted on ${first2.connId} at ${formatMs(first2.at.atMs)}`,
        refOf(event3)
      );
    }
  }
  finish() {
    return this.findings.list();
  }
};
function nonceSingleUse() {
  return new NonceSingleUse();
}

// src/invariants/security/signed-over-own-challenge.ts
var signedOverOwnChallengeName = "signed-over-own-challenge";
var SignedOverOwnChallenge = class {
  constructor(options) {
    this.options = options;
  }
  options;
  name = signedOverOwnChallengeName;
  reader = new TraceReader();
  findings = new FindingList(signedOverOwnChallengeName);
  /** nonce → the connection whose challenge carried it (to say where a foreign nonce came from). */
  issuedOn = /* @__PURE__ */ new Map();
  onEvent(event3) {
    for (const o of this.reader.read(event3)) {
      if (o.kind === "challenge" && !this.issuedOn.has(o.nonce)) this.issuedOn.set(o.nonce, o.conn.connId);
      if (o.kind === "session") this.check(event3, o.conn, o.session);
    }
  }
  check(event3, conn, session) {
    const device = conn.connect?.device;
    if (!device || session.deviceId === null) return;
    const who = `the session on ${conn.connId} (device ${shortId(device.id)})`;
    if (device.nonce === void 0) {
      if ((this.options.allowMissingNonceWhenLocal ?? true) && session.isLocal === true) return;
      const where = session.isLocal === false ? "a non-local connection" : "a connection of unknown locality";
      this.findings.add("correctness", `${who} was opened for a device connect without a nonce from ${where}`, refOf(event3));
      return;
    }
    if (device.nonce === conn.challengeNonce) return;
    const own = conn.challengeNonce === void 0 ? "no challenge was sent on that connection" : `its own challenge was ${shortId(conn.challengeNonce)}`;
    const foreign = this.issuedOn.get(device.nonce);
    const origin = foreign !== void 0 ? ` (issued on ${foreign})` : "";
    this.findings.add("correctness", `${who} was opened with a device signature over nonce ${shortId(device.nonce)}${origin}, but ${own}`, refOf(event3));
  }
  finish() {
    return this.findings.list();
  }
};
function signedOverOwnChallenge(options = {}) {
  return new SignedOverOwnChallenge(options);
}

// src/invariants/security/approvals.ts
function isScopeList(entry) {
  return Array.isArray(entry);
}
var ApprovalModel = class {
  approved = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  constructor(seed = {}) {
    for (const [deviceId, entry] of Object.entries(seed)) {
      if (isScopeList(entry)) this.seed(deviceId, void 0, entry);
      else this.seed(deviceId, entry.roles, entry.scopes);
    }
  }
  /** A pre-seeded pairing announced in the trace: `{ deviceId, scopes, roles? }`. */
  seeded(data) {
    const deviceId = str2(data, "deviceId");
    if (deviceId !== void 0) this.seed(deviceId, Array.isArray(data["roles"]) ? strings(data["roles"]) : void 0, strings(data["scopes"]));
  }
  /** Seeds without roles switch the role check off for that device. */
  seed(deviceId, roles, scopes) {
    const approval = this.approved.get(deviceId) ?? { roles: /* @__PURE__ */ new Set(), scopes: /* @__PURE__ */ new Set() };
    if (roles === void 0) approval.roles = void 0;
    this.approved.set(deviceId, approval);
    this.merge(deviceId, roles ?? [], scopes);
  }
  approvalOf(deviceId) {
    return this.approved.get(deviceId);
  }
  /** A pairing requirement: merge the connect's role and scopes into its request; approve it when silent. */
  pairingRequired(p) {
    const key = p.requestId ?? `device:${p.deviceId}`;
    const request = this.pending.get(key) ?? this.successorOf(p.deviceId);
    const connect = p.conn?.connect;
    if (connect && connect.device?.id === p.deviceId) {
      request.roles.add(connect.role);
      for (const scope of connect.scopes) request.scopes.add(scope);
    }
    this.pending.set(key, request);
    if (p.silent) this.approve(key);
  }
  /**
   * A new request id for a device whose request is pending takes over the old one's roles and scopes (the
   * gateway merges, or replaces with the union on growth). Under a plain replace policy this over-approves:
   * a missed finding, never a false one.
   */
  successorOf(deviceId) {
    const successor = { deviceId, roles: /* @__PURE__ */ new Set(), scopes: /* @__PURE__ */ new Set() };
    for (const [key, request] of [...this.pending]) {
      if (request.deviceId !== deviceId) continue;
      for (const role of request.roles) successor.roles.add(role);
      for (const scope of request.scopes) successor.scopes.add(scope);
      this.pending.delete(key);
    }
    return successor;
  }
  /** device.pair.approve answered ok: the request as we saw it, else what the answer says was approved. */
  approvedByRpc(params4, payload) {
    const requestId = str2(params4, "requestId");
    if (requestId !== void 0 && this.pending.has(requestId)) return this.approve(requestId);
    const device = asRecord2(payload?.["device"]);
    const deviceId = str2(device, "deviceId");
    if (deviceId === void 0) return;
    const scopes = device?.["approvedScopes"] !== void 0 ? strings(device["approvedScopes"]) : strings(device?.["scopes"]);
    const roles = device?.["roles"] !== void 0 ? strings(device["roles"]) : [str2(device, "role") ?? "operator"];
    this.merge(deviceId, roles, scopes);
  }
  /** Approves every pending request of a device (operator event naming the device), or the one request named. */
  approveFor(target) {
    for (const [key, request] of [...this.pending]) {
      if (key === target.requestId || target.deviceId !== void 0 && request.deviceId === target.deviceId) this.approve(key);
    }
  }
  rejectFor(target) {
    for (const [key, request] of [...this.pending]) {
      if (key === target.requestId || target.deviceId !== void 0 && request.deviceId === target.deviceId) this.pending.delete(key);
    }
  }
  removeDevice(deviceId) {
    this.approved.delete(deviceId);
  }
  approve(key) {
    const request = this.pending.get(key);
    if (!request) return;
    this.pending.delete(key);
    this.merge(request.deviceId, [...request.roles], [...request.scopes]);
  }
  merge(deviceId, roles, scopes) {
    const approval = this.approved.get(deviceId) ?? { roles: /* @__PURE__ */ new Set(), scopes: /* @__PURE__ */ new Set() };
    if (approval.roles) for (const role of roles) approval.roles.add(role);
    for (const scope of scopes) approval.scopes.add(scope);
    this.approved.set(deviceId, approval);
  }
};

// src/invariants/security/scopes-within-approval.ts
var scopesWithinApprovalName = "scopes-within-approval";
var pairingSeededNote = "pairing.seeded";
var ScopesWithinApproval = class {
  name = scopesWithinApprovalName;
  reader = new TraceReader();
  findings = new FindingList(scopesWithinApprovalName);
  exemptLocalBackend;
  localBackendNodeNeedsApproval;
  exemptSharedSecretOperators;
  model;
  exempt;
  constructor(options) {
    this.model = new ApprovalModel(options.seed);
    this.exempt = new Set(options.exemptAuthMethods ?? ["trusted-proxy", "none"]);
    this.exemptLocalBackend = options.exemptLocalBackend ?? false;
    this.localBackendNodeNeedsApproval = options.localBackendNodeNeedsApproval ?? false;
    this.exemptSharedSecretOperators = options.exemptSharedSecretOperators ?? false;
  }
  onEvent(event3) {
    for (const o of this.reader.read(event3)) this.observe(event3, o);
  }
  observe(event3, o) {
    switch (o.kind) {
      case "pairing-required":
        return this.model.pairingRequired(o.pairing);
      case "rpc-answer":
        if (!o.ok) return;
        if (o.method === "device.pair.approve") return this.model.approvedByRpc(o.params, o.payload);
        if (o.method === "device.pair.reject") return this.model.rejectFor({ requestId: str2(o.params, "requestId") });
        if (o.method === "device.pair.remove") return this.model.removeDevice(str2(o.params, "deviceId") ?? "");
        return;
      case "operator":
        return this.operator(o.command, o.data);
      case "note":
        if (o.data["what"] === pairingSeededNote) this.model.seeded(o.data);
        return;
      case "session":
        if (this.exemptLocalBackend && isLocalBackendBySharedSecret(o.conn, o.session) && !(this.localBackendNodeNeedsApproval && o.session.role === "node")) return;
        if (this.exemptSharedSecretOperators && isNonUiOperatorBySharedSecret(o.conn, o.session)) return;
        return this.check(event3, o.conn.connId, o.session);
      default:
        return;
    }
  }
  operator(command, data) {
    const target = { deviceId: str2(data, "deviceId"), requestId: str2(data, "requestId") };
    if (command === "approve-pending" || command === "device.pair.approve") this.model.approveFor(target);
    else if (command === "reject-pending" || command === "device.pair.reject") this.model.rejectFor(target);
    else if ((command === "remove-device" || command === "device.pair.remove") && target.deviceId !== void 0) this.model.removeDevice(target.deviceId);
  }
  check(event3, connId, session) {
    const deviceId = session.deviceId;
    if (deviceId === null || session.method !== void 0 && this.exempt.has(session.method)) return;
    const who = `device ${shortId(deviceId)} got a session on ${connId} as ${session.role} with scopes ${scopeList(session.scopes)}`;
    const approval = this.model.approvalOf(deviceId);
    if (!approval) {
      this.findings.add("correctness", `${who}, but it was never approved (no pairing approval seen for it)`, refOf(event3));
      return;
    }
    if (approval.roles && !approval.roles.has(session.role)) {
      this.findings.add("correctness", `${who}, but role ${session.role} was never approved for it (approved roles: ${scopeList([...approval.roles])})`, refOf(event3));
      return;
    }
    const approved = [...approval.scopes];
    if (roleScopesAllow(session.role, session.scopes, approved)) return;
    const missing = resolveMissingRequestedScope(session.role, session.scopes, approved);
    const unprefixed = session.role !== "operator" && missing !== null && !missing.startsWith(`${session.role}.`);
    const why = unprefixed ? `${missing} is not a ${session.role} scope (a ${session.role} holds only \`${session.role}.\` scopes)` : `${missing} was never approved`;
    this.findings.add("correctness", `${who}, beyond what was approved for it (${scopeList(approved)}): ${why}`, refOf(event3));
  }
  finish() {
    return this.findings.list();
  }
};
function scopesWithinApproval(options = {}) {
  return new ScopesWithinApproval(options);
}
function isNonUiOperatorBySharedSecret(conn, session) {
  const ui = session.clientId === "openclaw-control-ui" || session.clientId === "webchat-ui" || conn.connect?.clientMode === "webchat";
  return session.role === "operator" && !ui && (session.method === "token" || session.method === "password");
}
function isLocalBackendBySharedSecret(conn, session) {
  const headers = conn.openEvent?.data["headers"];
  const hasOrigin = headers !== null && typeof headers === "object" && "origin" in headers;
  const local = session.isLocal === true || loopbackPeer(conn);
  return session.clientId === "gateway-client" && conn.connect?.clientMode === "backend" && local && !hasOrigin && (session.method === "token" || session.method === "password");
}
function loopbackPeer(conn) {
  const data = conn.openEvent?.data;
  const remote = typeof data?.["remoteAddress"] === "string" ? data["remoteAddress"] : "";
  const headers = data?.["headers"];
  const h = headers !== null && typeof headers === "object" ? headers : {};
  const loopback = remote.startsWith("127.") || remote === "::1" || remote.startsWith("::ffff:127.");
  return loopback && h["x-forwarded-for"] === void 0 && h["x-real-ip"] === void 0 && h["x-forwarded-host"] === void 0;
}

// src/invariants/security/revoked-token-refused.ts
var revokedTokenRefusedName = "revoked-token-refused";
var closeWithinMsDefault = 5e3;
var revokeCommands = /* @__PURE__ */ new Set(["device.token.revoke", "revoke-device-token"]);
var rotateCommands = /* @__PURE__ */ new Set(["device.token.rotate", "rotate-device-token"]);
var RevokedTokenRefused = class {
  constructor(options) {
    this.options = options;
    this.closeWithinMs = options.closeWithinMs ?? closeWithinMsDefault;
    assert(this.closeWithinMs >= 0, `${this.name}: closeWithinMs must not be negative`);
  }
  options;
  name = revokedTokenRefusedName;
  reader = new TraceReader();
  findings = new FindingList(revokedTokenRefusedName);
  /** "deviceId/role" → tokens seen issued and not yet invalidated. */
  current = /* @__PURE__ */ new Map();
  invalidated = /* @__PURE__ */ new Map();
  /** Live device sessions by connection. */
  live = /* @__PURE__ */ new Map();
  awaitingClose = /* @__PURE__ */ new Map();
  closeWithinMs;
  onEvent(event3) {
    for (const [connId, wait] of [...this.awaitingClose]) if (event3.atMs > wait.deadlineMs) this.notClosed(connId, wait, event3.atMs);
    for (const o of this.reader.read(event3)) this.observe(event3, o);
  }
  observe(event3, o) {
    switch (o.kind) {
      case "hello-ok":
        return this.issued(o.conn.connect?.device?.id, str2(o.auth, "role") ?? o.conn.connect?.role, str2(o.auth, "deviceToken"));
      case "session":
        return this.session(event3, o.conn, o.session);
      case "rpc-answer": {
        const how = revokeCommands.has(o.method) || rotateCommands.has(o.method) ? o.method : void 0;
        if (!o.ok || how === void 0) return;
        this.invalidate(event3, how, o.params);
        if (rotateCommands.has(how)) this.issued(str2(o.params, "deviceId"), str2(o.params, "role") ?? "operator", str2(o.payload, "token"));
        return;
      }
      case "operator":
        if (o.command !== void 0 && (revokeCommands.has(o.command) || rotateCommands.has(o.command))) this.invalidate(event3, o.command, o.data);
        return;
      case "conn-closing":
        this.live.delete(o.conn.connId);
        this.awaitingClose.delete(o.conn.connId);
        return;
      default:
        return;
    }
  }
  issued(deviceId, role, token) {
    if (deviceId === void 0 || role === void 0 || token === void 0) return;
    const key = `${deviceId}/${role}`;
    const tokens = this.current.get(key) ?? /* @__PURE__ */ new Set();
    tokens.add(token);
    this.current.set(key, tokens);
  }
  invalidate(event3, how, params4) {
    const deviceId = str2(params4, "deviceId");
    if (deviceId === void 0) return;
    const role = str2(params4, "role") ?? "operator";
    const invalidation = { deviceId, role, how, at: refOf(event3) };
    for (const token of this.current.get(`${deviceId}/${role}`) ?? []) this.invalidated.set(token, invalidation);
    this.current.delete(`${deviceId}/${role}`);
    if (!this.options.closeLiveSessions) return;
    for (const [connId, s] of this.live) {
      if (s.deviceId === deviceId && s.role === role) this.awaitingClose.set(connId, { ...invalidation, deadlineMs: event3.atMs + this.closeWithinMs });
    }
  }
  session(event3, conn, session) {
    if (session.deviceId === null) return;
    this.live.set(conn.connId, { deviceId: session.deviceId, role: session.role });
    const auth = conn.connect?.auth;
    const token = auth?.deviceToken ?? auth?.token;
    const old = token === void 0 || session.method !== "device-token" ? void 0 : this.invalidated.get(token);
    if (!old) return;
    this.findings.add(
      "correctness",
      `the session on ${conn.connId} (device ${shortId(session.deviceId)}, role ${session.role}) was opened with device token ${shortId(token)}, which ${old.how} invalidated at ${formatMs(old.at.atMs)}`,
      refOf(event3)
    );
  }
  notClosed(connId, wait, nowMs) {
    this.awaitingClose.delete(connId);
    const late = nowMs > wait.deadlineMs ? `more than ${formatMs(this.closeWithinMs)}` : `${formatMs(nowMs - wait.at.atMs)} (when the run ended)`;
    this.findings.add(
      "correctness",
      `the live ${wait.role} session of device ${shortId(wait.deviceId)} on ${connId} stayed open ${late} after ${wait.how} at ${formatMs(wait.at.atMs)} (limit ${formatMs(this.closeWithinMs)})`,
      wait.at
    );
  }
  finish(context) {
    for (const [connId, wait] of [...this.awaitingClose]) this.notClosed(connId, wait, context.nowMs);
    return this.findings.list();
  }
};
function revokedTokenRefused(options = {}) {
  return new RevokedTokenRefused(options);
}

// src/invariants/security/no-silent-remote-pairing.ts
var noSilentRemotePairingName = "no-silent-remote-pairing";
var NoSilentRemotePairing = class {
  name = noSilentRemotePairingName;
  reader = new TraceReader();
  findings = new FindingList(noSilentRemotePairingName);
  onEvent(event3) {
    for (const o of this.reader.read(event3)) {
      if (o.kind !== "pairing-required" || !o.pairing.silent || o.pairing.isLocal !== false) continue;
      const p = o.pairing;
      const conn = p.conn ? ` on ${p.conn.connId}` : "";
      const from = p.conn?.openEvent ? ` from host ${String(p.conn.openEvent.data["from"] ?? "?")}` : "";
      this.findings.add(
        "correctness",
        `device ${shortId(p.deviceId)} was paired silently (${p.reason ?? "no reason given"}) over a non-local connection${conn}${from}; remote pairing needs an operator's approval`,
        refOf(event3)
      );
    }
  }
  finish() {
    return this.findings.list();
  }
};
function noSilentRemotePairing() {
  return new NoSilentRemotePairing();
}

// src/invariants/security/cve-2026-32034.ts
var cve202632034Name = "cve-2026-32034";
var Cve202632034 = class {
  name = cve202632034Name;
  reader = new TraceReader();
  findings = new FindingList(cve202632034Name);
  clientIds;
  exempt;
  constructor(options) {
    this.clientIds = new Set(options.clientIds ?? [GATEWAY_CLIENT_IDS.CONTROL_UI]);
    this.exempt = new Set(options.exemptAuthMethods ?? ["trusted-proxy"]);
  }
  onEvent(event3) {
    for (const o of this.reader.read(event3)) {
      if (o.kind !== "session") continue;
      const s = o.session;
      if (s.deviceId !== null || s.isLocal !== false || s.clientId === void 0 || !this.clientIds.has(s.clientId)) continue;
      if (s.method !== void 0 && this.exempt.has(s.method)) continue;
      const ip = s.clientIp !== void 0 ? ` (client IP ${s.clientIp})` : "";
      this.findings.add(
        "correctness",
        `Control UI client ${s.clientId} got a session without a device identity on ${o.conn.connId} from a non-local connection${ip}, auth method ${s.method ?? "unknown"} (CVE-2026-32034)`,
        refOf(event3)
      );
    }
  }
  finish() {
    return this.findings.list();
  }
};
function cve202632034(options = {}) {
  return new Cve202632034(options);
}

// src/invariants/defaults.ts
function defaultInvariants(options = {}) {
  const out = [];
  const add2 = (value, make2) => {
    if (value !== false) out.push(make2(value ?? {}));
  };
  add2(options.retriesBounded, (o) => retriesBounded(o));
  add2(options.reconnectLoopStops, (o) => reconnectLoopStops(o));
  add2(options.converges, (o) => converges(o));
  add2(options.nonceSingleUse, () => nonceSingleUse());
  add2(options.signedOverOwnChallenge, (o) => signedOverOwnChallenge(o));
  add2(options.scopesWithinApproval, (o) => scopesWithinApproval(o));
  add2(options.revokedTokenRefused, (o) => revokedTokenRefused(o));
  add2(options.noSilentRemotePairing, () => noSilentRemotePairing());
  add2(options.cve202632034, (o) => cve202632034(o));
  return out;
}

// src/invariants/shared-secret-sessions-closed.ts
var sharedSecretSessionsClosedName = "shared-secret-sessions-closed";
var sharedSecretCloseWithinMsDefault = 5e3;
var sharedSecretMethods = /* @__PURE__ */ new Set(["token", "password"]);
var rotationCommandPrefixes = ["openclaw config set gateway.auth.token", "openclaw config set gateway.auth.password"];
var SharedSecretSessionsClosed = class {
  constructor(options) {
    this.options = options;
    this.closeWithinMs = options.closeWithinMs ?? sharedSecretCloseWithinMsDefault;
  }
  options;
  name = sharedSecretSessionsClosedName;
  /** Connections whose session was opened with the shared secret and are not closed yet. */
  live = /* @__PURE__ */ new Set();
  awaiting = /* @__PURE__ */ new Map();
  findings = [];
  closeWithinMs;
  onEvent(event3) {
    for (const [connId2, wait] of [...this.awaiting]) if (event3.atMs > wait.deadlineMs) this.notClosed(connId2, wait, event3.atMs);
    const data = event3.data;
    const connId = typeof data["connId"] === "string" ? data["connId"] : void 0;
    if (event3.kind === "gateway" && data["event"] === "connect.hello" && connId !== void 0 && sharedSecretMethods.has(String(data["method"]))) {
      this.live.add(connId);
    } else if (connId !== void 0 && (event3.kind === "close" || isGatewayClose(event3))) {
      this.live.delete(connId);
      this.awaiting.delete(connId);
    } else if (event3.kind === "operator" && this.options.closeLiveSessions && isRotation(data["command"])) {
      for (const id of this.live) this.awaiting.set(id, { rotatedAtMs: event3.atMs, at: event3.i, deadlineMs: event3.atMs + this.closeWithinMs });
    }
  }
  notClosed(connId, wait, nowMs) {
    this.awaiting.delete(connId);
    const how = nowMs > wait.deadlineMs ? `more than ${this.closeWithinMs} ms` : `${nowMs - wait.rotatedAtMs} ms, until the run ended,`;
    this.findings.push({
      kind: "correctness",
      invariant: this.name,
      message: `the shared-secret session on ${connId} stayed open ${how} after the shared secret was rotated at ${wait.rotatedAtMs} ms (limit ${this.closeWithinMs} ms)`,
      firstEventIndex: wait.at,
      atMs: wait.rotatedAtMs
    });
  }
  finish(context) {
    for (const [connId, wait] of [...this.awaiting]) this.notClosed(connId, wait, context.nowMs);
    return [...this.findings];
  }
};
function isGatewayClose(event3) {
  return event3.kind === "frame.send" && event3.data["dir"] === "s2c" && event3.data["packet"] === "close";
}
function isRotation(command) {
  return typeof command === "string" && rotationCommandPrefixes.some((p) => command.startsWith(p));
}
function sharedSecretSessionsClosed(options) {
  return new SharedSecretSessionsClosed(options);
}

// src/invariants/security/approval-within-caller.ts
var approvalWithinCallerName = "approval-within-caller";
var ApprovalWithinCaller = class {
  name = approvalWithinCallerName;
  reader = new TraceReader();
  findings = new FindingList(approvalWithinCallerName);
  onEvent(event3) {
    for (const o of this.reader.read(event3)) {
      if (o.kind === "rpc-answer" && o.ok && o.method === "device.pair.approve") this.check(event3, o.conn, o.params, o.payload);
    }
  }
  check(event3, conn, params4, payload) {
    const session = conn.session;
    if (!session || session.role !== "operator") return;
    const device = asRecord2(payload?.["device"]);
    if (str2(device, "role") !== "operator") return;
    const tokens = Array.isArray(device?.["tokens"]) ? device["tokens"].map(asRecord2) : [];
    const token = tokens.find((t) => str2(t, "role") === "operator");
    if (!token) return;
    const scopes = strings(token["scopes"]);
    const missing = resolveMissingRequestedScope("operator", scopes, session.scopes);
    if (missing === null) return;
    const who = `${conn.connId} (scopes ${scopeList(session.scopes)}) approved request ${shortId(str2(params4, "requestId") ?? "?")}`;
    this.findings.add("correctness", `${who}, which gave device ${shortId(str2(device, "deviceId") ?? "?")} an operator token with ${scopeList(scopes)}: ${missing} is beyond the approving caller's scopes`, refOf(event3));
  }
  finish() {
    return this.findings.list();
  }
};
function approvalWithinCaller() {
  return new ApprovalWithinCaller();
}

// src/invariants/security/adversary-refused.ts
var adversaryRefusedName = "adversary-refused";
var adversaryAttemptPrefix = "adversary:";
var findingsMax = 20;
var impersonationAttacks = ["replay-connect", "reflect-nonce", "splice-signature", "downgrade-v2", "forge-device-id", "stale-device-token"];
var impersonations = new Set(impersonationAttacks);
function adversaryRefused() {
  const findings = [];
  const add2 = (event3, message) => {
    if (findings.length < findingsMax) findings.push({ kind: "correctness", invariant: adversaryRefusedName, message, firstEventIndex: event3.i, atMs: event3.atMs, actor: event3.actor });
  };
  return {
    name: adversaryRefusedName,
    onEvent(event3) {
      if (event3.kind !== "check" || event3.data["what"] !== "attempt.outcome") return;
      const name = String(event3.data["attempt"] ?? "");
      if (!name.startsWith(adversaryAttemptPrefix)) return;
      const attack = name.slice(adversaryAttemptPrefix.length).split(":")[0] ?? "";
      if (impersonations.has(attack) && event3.data["ok"] === true) add2(event3, `${name}: the gateway opened a session for an attacker without the device's key`);
      if (attack === "bad-frame" && event3.data["ok"] === true) add2(event3, `${name}: a malformed or oversized first frame got hello-ok`);
    },
    finish: () => [...findings]
  };
}

// src/scenario/version.ts
var clawsimVersion = "0.1.0";

// src/scenario/runner.ts
async function runScenario(scenario2, options) {
  const world = new World({ seed: options.seed, profile: options.profile, budgets: { ...scenario2.budgets, ...options.budgets }, realClientModule: options.realClientModule, traceSpill: options.traceSpill, ...options.connectionsSweepMin !== void 0 ? { connectionsSweepMin: options.connectionsSweepMin } : {} });
  const findings = [];
  const invariants = withSharedTraceReaders(() => scenario2.invariants?.(options.profile) ?? []);
  const unsubscribe = world.trace.subscribe((event3) => {
    for (const inv of invariants) inv.onEvent(event3);
  });
  const ctx = {
    world,
    profile: options.profile,
    seed: options.seed,
    check(ok, invariant, message, extra) {
      if (!ok) {
        const last = world.trace.events.at(-1);
        const at = extra?.eventIndex ?? last?.i;
        findings.push({ kind: extra?.kind ?? "correctness", invariant, message, firstEventIndex: at, atMs: world.scheduler.nowMs() });
        world.scheduler.record("checker", "check", { invariant, ok: false, message });
      }
      return ok;
    },
    note(text5, data = {}) {
      world.scheduler.record("scenario", "note", { text: text5, ...data });
    }
  };
  let outcome = { kind: "quiescent", steps: 0, atMs: 0 };
  try {
    await scenario2.run(ctx);
    outcome = { kind: "reached", steps: world.scheduler.steps, atMs: world.scheduler.nowMs() };
  } catch (error) {
    if (error instanceof ScenarioInputError) throw error;
    if (error instanceof BudgetExceeded || error instanceof LimitReached) {
      const exceeded = error instanceof BudgetExceeded ? error.outcome : { kind: "budget-exceeded", budget: error.budget, steps: error.steps, atMs: error.atMs };
      outcome = exceeded;
      findings.push({ kind: "liveness", invariant: "budget", message: `run exceeded its ${budgetLabel[exceeded.budget]} budget at ${exceeded.atMs} ms after ${exceeded.steps} steps`, atMs: exceeded.atMs, firstEventIndex: world.trace.events.at(-1)?.i });
    } else {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      findings.push({ kind: "crash", invariant: error instanceof AssertionFailure ? "assertion" : "exception", message, atMs: world.scheduler.nowMs(), firstEventIndex: world.trace.events.at(-1)?.i });
    }
  }
  for (const inv of invariants) findings.push(...inv.finish({ nowMs: world.scheduler.nowMs() }));
  unsubscribe();
  const verdict = findings.length === 0 ? "pass" : "fail";
  world.scheduler.record("checker", "verdict", { verdict, findings: findings.length });
  return buildResult(scenario2, options, world, outcome, findings, verdict);
}
var budgetLabel = { steps: "step", "virtual-time": "virtual-time", "queue-length": "event-queue length", connections: "connection-count" };
var BudgetExceeded = class extends Error {
  constructor(outcome) {
    super(`budget exceeded: ${outcome.budget}`);
    this.outcome = outcome;
  }
  outcome;
};
function requireWithinBudget(outcome) {
  if (outcome.kind === "budget-exceeded") throw new BudgetExceeded(outcome);
}
function buildResult(scenario2, options, world, outcome, findings, verdict) {
  const events2 = world.trace.events;
  const actors = [];
  const seen = /* @__PURE__ */ new Set();
  let frames = 0;
  let connects = 0;
  for (const e of events2) {
    if (!seen.has(e.actor)) {
      seen.add(e.actor);
      actors.push(e.actor);
    }
    if (e.kind === "frame.deliver") frames++;
    if (e.kind === "conn.open") connects++;
  }
  const source = options.source ?? { kind: "library" };
  const target = source.kind === "file" ? `run ${source.path}` : scenario2.name;
  const budgetFlags = [
    options.budgets?.stepsMax !== void 0 ? ` --steps-max ${options.budgets.stepsMax}` : "",
    options.budgets?.virtualTimeMsMax !== void 0 ? ` --virtual-ms-max ${options.budgets.virtualTimeMsMax}` : ""
  ].join("");
  return {
    scenario: scenario2.name,
    description: scenario2.description,
    profile: options.profile.name,
    seed: options.seed.toString(),
    version: clawsimVersion,
    outcome,
    verdict,
    expected: expectedVerdict(scenario2, options.profile.name),
    findings,
    traceHash: world.trace.hash(),
    events: events2,
    actors,
    stats: { steps: world.scheduler.steps, virtualMs: world.scheduler.nowMs(), frames, connects },
    replayCommand: `pnpm sim ${target} --seed ${options.seed.toString()} --profile ${options.profile.name}${budgetFlags}`,
    source,
    ...scenario2.spec ? { runSpec: { content: scenario2.spec, hash: runSpecHash(scenario2.spec) } } : {}
  };
}
function runSpecHash(spec) {
  return createHash5("sha256").update(canonicalJson(spec)).digest("hex");
}

// src/scenario/lang/parse.ts
import { parse as parseYaml } from "yaml";

// src/scenario/lang/gateway-section.ts
var strings2 = { type: "array", items: { type: "string" } };
var gatewaySectionSchema = {
  type: "object",
  properties: {
    bind: { enum: ["loopback", "lan"] },
    auth: {
      type: "object",
      properties: {
        mode: { enum: ["none", "token", "password", "trusted-proxy"] },
        token: { type: "string" },
        password: { type: "string" },
        rateLimit: {
          type: "object",
          properties: {
            maxAttempts: { type: "integer", minimum: 1 },
            windowMs: { type: "integer", minimum: 1 },
            lockoutMs: { type: "integer", minimum: 0 },
            exemptLoopback: { type: "boolean" }
          },
          additionalProperties: false
        },
        allowTailscale: { type: "boolean" },
        trustedProxy: {
          type: "object",
          required: ["userHeader"],
          properties: { userHeader: { type: "string", minLength: 1 }, requiredHeaders: strings2, allowUsers: strings2, allowLoopback: { type: "boolean" } },
          additionalProperties: false
        }
      },
      additionalProperties: false
    },
    controlUi: {
      type: "object",
      properties: {
        allowInsecureAuth: { type: "boolean" },
        dangerouslyDisableDeviceAuth: { type: "boolean" },
        allowedOrigins: strings2,
        dangerouslyAllowHostHeaderOriginFallback: { type: "boolean" }
      },
      additionalProperties: false
    },
    trustedProxies: strings2,
    allowRealIpFallback: { type: "boolean" },
    nodes: {
      type: "object",
      properties: { pairing: { type: "object", properties: { autoApproveLocal: { type: "boolean" } }, additionalProperties: false } },
      additionalProperties: false
    },
    tailscale: { type: "object", properties: { whois: { type: "object", additionalProperties: { type: "string" } } }, additionalProperties: false },
    handshakeTimeoutMs: { type: "integer", minimum: 1 }
  },
  additionalProperties: false
};
function gatewaySectionProblems(section, profile2, at) {
  if (!section || !profile2) return [];
  const out = [];
  if (section.nodes?.pairing?.autoApproveLocal !== void 0 && !profile2.gateway.autoApproveLocalSetting) {
    out.push([`${at}/nodes/pairing/autoApproveLocal`, `release ${profile2.name} has no gateway.nodes.pairing.autoApproveLocal`]);
  }
  if (section.handshakeTimeoutMs !== void 0 && !profile2.gateway.handshakeTimeoutEnv) {
    out.push([`${at}/handshakeTimeoutMs`, `release ${profile2.name} does not read OPENCLAW_HANDSHAKE_TIMEOUT_MS`]);
  }
  return out;
}
function gatewayConfigInput(section) {
  const s = section ?? {};
  const auth = s.auth ?? {};
  const input = {
    auth: {
      mode: auth.mode ?? "token",
      ...auth.token !== void 0 ? { token: auth.token } : {},
      ...auth.password !== void 0 ? { password: auth.password } : {},
      ...auth.rateLimit !== void 0 ? { rateLimit: { ...auth.rateLimit } } : {},
      ...auth.allowTailscale !== void 0 ? { allowTailscale: auth.allowTailscale } : {},
      ...auth.trustedProxy !== void 0 ? { trustedProxy: structuredClone(auth.trustedProxy) } : {}
    },
    ...s.controlUi !== void 0 ? { controlUi: { ...s.controlUi } } : {},
    ...s.trustedProxies !== void 0 ? { trustedProxies: [...s.trustedProxies] } : {},
    ...s.allowRealIpFallback !== void 0 ? { allowRealIpFallback: s.allowRealIpFallback } : {},
    ...s.nodes !== void 0 ? { nodes: structuredClone(s.nodes) } : {},
    ...s.tailscale?.whois !== void 0 ? { tailscaleWhois: { ...s.tailscale.whois } } : {},
    ...s.handshakeTimeoutMs !== void 0 ? { handshakeTimeoutMs: s.handshakeTimeoutMs } : {}
  };
  return input;
}
function gatewayBind(section) {
  if (section?.bind === "loopback") return "loopback";
  return section?.bind === "lan" ? "all" : void 0;
}
function mergeGatewaySection(base, set) {
  return {
    ...base,
    ...set,
    ...set.auth ? { auth: { ...base.auth, ...set.auth } } : {},
    ...set.controlUi ? { controlUi: { ...base.controlUi, ...set.controlUi } } : {},
    ...set.nodes ? { nodes: { pairing: { ...base.nodes?.pairing, ...set.nodes.pairing } } } : {},
    ...set.tailscale ? { tailscale: { whois: { ...set.tailscale.whois } } } : {}
  };
}

// src/scenario/lang/check.ts
import { Ajv as Ajv3 } from "ajv";

// src/scenario/lang/step-kind.ts
function defineStepKind(kind) {
  return kind;
}

// src/scenario/lang/standard-world.ts
import { createHash as createHash6 } from "node:crypto";
var standardPort = 18789;
var gatewayHostName = "gateway-host";
var standardGatewayName = "gateway";
function checkGatewayName(name, model, at, requiredInBare = false) {
  if (name !== void 0 && name !== standardGatewayName) model.problem(`${at}/gateway`, `no gateway named '${name}' (a scenario's gateway is named '${standardGatewayName}')`);
  else if (requiredInBare && name === void 0 && !model.standard) model.problem(`${at}/gateway`, "in a bare world name the gateway");
}
var gatewayMachineName = "gateway-host";
var operatorCliIdentityName = "operator-cli";
var standardPeers = { lan: "lan-peer", tailnet: "tailnet-peer", remote: "remote-peer" };
function identitySeedFor(name) {
  return createHash6("sha256").update(`clawsim-identity:${name}`).digest("hex");
}
function identitySeeds(spec) {
  if (Array.isArray(spec.identities)) return Object.fromEntries(spec.identities.map((n) => [n, identitySeedFor(n)]));
  return { ...spec.identities ?? {} };
}
function deviceIdFromSeed(seedHex) {
  return identityFromSeed(Uint8Array.from(Buffer.from(seedHex, "hex"))).deviceId;
}
function buildStandardWorld(spec, world, seeds) {
  world.addHost({ name: gatewayHostName, kind: "lan", alsoOn: ["tailnet", "remote"] });
  world.addHost({ name: standardPeers.tailnet, kind: "tailnet" });
  world.addHost({ name: standardPeers.lan, kind: "lan" });
  world.addHost({ name: standardPeers.remote, kind: "remote" });
  const auth = spec.gateway?.auth;
  const gateway = world.addGateway({
    name: standardGatewayName,
    host: gatewayHostName,
    port: standardPort,
    config: gatewayConfigInput(spec.gateway),
    ...gatewayBind(spec.gateway) ? { bind: gatewayBind(spec.gateway) } : {},
    store: seededStore(spec, seeds, world)
  });
  for (const seed of Object.values(seeds)) {
    const deviceId = deviceIdFromSeed(seed);
    for (const t of Object.values(gateway.state.store.paired[deviceId]?.tokens ?? {})) world.rememberDeviceToken(deviceId, t.role, t.token);
  }
  addOperatorMachine(spec, world);
  return auth?.token ?? "";
}
function seededStore(spec, seeds, world) {
  const store = emptyPairingStore();
  const prng = world.scheduler.stream("case:pairing");
  for (const entry of spec.pairing?.paired ?? []) {
    const id = identityFromSeed(Uint8Array.from(Buffer.from(seeds[entry.identity], "hex")));
    const role = entry.role ?? "operator";
    const scopes = normalizeDeviceAuthScopes(entry.scopes ?? ["operator.admin"]);
    store.paired[id.deviceId] = {
      deviceId: id.deviceId,
      publicKey: id.publicKeyBase64Url,
      role,
      roles: [role],
      scopes,
      approvedScopes: scopes,
      tokens: { [role]: { token: randomToken(prng), role, scopes, createdAtMs: 0 } },
      createdAtMs: 0,
      approvedAtMs: 0
    };
  }
  return store;
}
function addOperatorMachine(spec, world) {
  const auth = spec.gateway?.auth ?? {};
  const config = {
    gateway: {
      mode: "local",
      port: standardPort,
      bind: "lan",
      auth: { mode: auth.mode ?? "token", ...auth.token !== void 0 ? { token: auth.token } : {}, ...auth.password !== void 0 ? { password: auth.password } : {} }
    }
  };
  const machine = createMachine({ name: gatewayMachineName, config, dotEnvText: null });
  const cliIdentity = identityFromSeed(Uint8Array.from(Buffer.from(identitySeedFor(operatorCliIdentityName), "hex")));
  world.addMachine({ name: gatewayMachineName, host: gatewayHostName, machine, cliIdentity });
}
function standardOrigin(from) {
  if (from === "local") return { host: gatewayHostName, url: `ws://127.0.0.1:${standardPort}` };
  return { host: standardPeers[from], url: `ws://${gatewayHostName}:${standardPort}` };
}

// src/scenario/lang/kinds/tui-identity.ts
function tuiIdUnknown(profile2) {
  return !CLIENT_IDS_BY_ERA[profile2.gateway.connectSchema].includes("openclaw-tui");
}
function releaseTuiIdentity(profile2) {
  return tuiIdUnknown(profile2) ? { clientId: "gateway-client", displayName: "openclaw-tui" } : {};
}

// src/scenario/lang/kinds/client.ts
var fromSchema = { enum: ["local", "lan", "tailnet", "remote"] };
var clientKinds = ["cli", "tui", "control-ui", "node", "backend"];
var clientSchema2 = {
  type: "object",
  required: ["name", "kind"],
  properties: {
    name: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._:#-]*$" },
    kind: { enum: clientKinds },
    from: fromSchema,
    host: { type: "string" },
    url: { type: "string" },
    user: { type: "string" },
    identity: { type: "string" },
    explicitToken: { type: "string" },
    passiveToken: { type: "string" },
    password: { type: "string" },
    storedToken: { type: "string" },
    bootstrapToken: { type: "string" },
    setupCode: { type: "string" },
    scopes: { type: "array", items: { type: "string" } },
    commands: { type: "array", items: { type: "string" } },
    oneShot: { type: "object", required: ["method"], properties: { method: { type: "string" }, params: { type: "object" } }, additionalProperties: false },
    clockOffsetMs: { type: "integer" },
    clientId: { type: "string" },
    displayName: { type: "string" },
    origin: { type: "string" },
    // OPENCLAW_ALLOW_INSECURE_PRIVATE_WS=1 in the client's environment (the insecure-ws guard's break-glass);
    // default true, so a LAN client may dial the simulation's private addresses over ws://.
    allowInsecurePrivateWs: { type: "boolean" },
    sameHostAs: { type: "string" },
    relaunch: { type: "boolean" },
    reconnect: {
      type: "object",
      properties: {
        backoffInitialMs: { type: "integer", minimum: 1 },
        backoffMaxMs: { type: "integer", minimum: 1 },
        fastRetryMs: { type: "integer", minimum: 1 },
        challengeTimeoutMs: { type: "integer", minimum: 1 }
      },
      additionalProperties: false
    }
  },
  additionalProperties: false
};
var clientKind = defineStepKind({
  kind: "client",
  schema: clientSchema2,
  check(step, model, at) {
    const c2 = step.client;
    if (c2.relaunch === true && (!model.clients.has(c2.name) || c2.host === void 0)) model.problem(`${at}/relaunch`, `relaunch needs a client named '${c2.name}' started before and its host`);
    if (c2.commands !== void 0 && c2.kind !== "node") model.problem(`${at}/commands`, "only a node host declares commands");
    if (c2.relaunch !== true && model.clients.has(c2.name)) model.problem(`${at}/name`, `a client named '${c2.name}' was already started (relaunch: true starts a new one under the name)`);
    model.clients.add(c2.name);
    if (c2.identity !== void 0 && !model.identities.has(c2.identity)) model.problem(`${at}/identity`, `unknown identity '${c2.identity}'`);
    if (c2.setupCode !== void 0 && !model.setupCodes.has(c2.setupCode)) model.problem(`${at}/setupCode`, `no setup code named '${c2.setupCode}' was made before`);
    if (c2.sameHostAs !== void 0) {
      if (!model.clients.has(c2.sameHostAs) || c2.sameHostAs === c2.name) model.problem(`${at}/sameHostAs`, `no client named '${c2.sameHostAs}' was started before`);
      if (c2.host !== void 0 || c2.from !== void 0) model.problem(`${at}/sameHostAs`, "sameHostAs takes the other client's host and url: give no from or host");
      if (c2.clockOffsetMs !== void 0) model.problem(`${at}/clockOffsetMs`, "a per-client clock on a shared host: skew the host's clock with a clock step");
      return;
    }
    const b = c2.reconnect;
    if (b?.backoffInitialMs !== void 0 && b.backoffMaxMs !== void 0 && b.backoffInitialMs > b.backoffMaxMs) {
      model.problem(`${at}/reconnect/backoffInitialMs`, "backoffInitialMs is larger than backoffMaxMs");
    }
    if (c2.host !== void 0) {
      if (c2.from !== void 0) model.problem(`${at}/host`, "give either from (a standard peer) or host, not both");
      if (!model.hosts.has(c2.host)) model.problem(`${at}/host`, `no host named '${c2.host}' was added before`);
      if (c2.url === void 0) model.problem(`${at}/url`, "a client on a named host needs the url it dials");
      if (c2.clockOffsetMs !== void 0) model.problem(`${at}/clockOffsetMs`, "a per-client clock on a named host: skew the host's clock with a clock step");
    } else {
      if (!model.standard) model.problem(at, "in a bare world a client names its host and url");
      if ((c2.from ?? "local") === "local" && c2.clockOffsetMs !== void 0) {
        model.problem(`${at}/clockOffsetMs`, "a per-client clock on the shared gateway host (use from: lan, tailnet or remote)");
      }
    }
  },
  run(step, env) {
    if (step.client.relaunch === true) env.world.client(step.client.name).stop();
    startClient(step.client, env);
  },
  print: (step) => `${step.client.relaunch === true ? "relaunch" : "start"} ${step.client.kind} client ${step.client.name} on ${step.client.host ?? step.client.from ?? "local"}`
});
function gatewayAddress(world, kind) {
  const address = world.network.hosts.get(gatewayHostName).interfaces.find((i) => i.kind === kind)?.address;
  if (!address) throw new Error(`the gateway host has no ${kind} address`);
  return address;
}
function placement(step, env) {
  if (step.sameHostAs !== void 0) {
    const other = env.world.clients.get(step.sameHostAs);
    if (other) return { host: other.options.host, url: other.state.config.url };
  }
  if (step.host !== void 0) return { host: step.host, url: env.resolve(step.url) };
  const from = step.from ?? "local";
  if (from === "local") return { host: gatewayHostName, url: `ws://127.0.0.1:${env.port}` };
  const host = `${step.name}-host`;
  env.world.addHost({ name: host, kind: from });
  const guard = env.profile.client;
  const scheme = from === "remote" || guard.insecureWsGuard && guard.insecureWsAllows === "loopback" ? "wss" : "ws";
  return { host, url: `${scheme}://${gatewayAddress(env.world, from)}:${env.port}` };
}
function startClient(step, env) {
  const { world } = env;
  const { host, url } = placement(step, env);
  if (step.clockOffsetMs !== void 0) world.skewClock(host, step.clockOffsetMs);
  const seed = step.identity !== void 0 ? env.seeds[step.identity] : void 0;
  const text5 = (v) => v !== void 0 ? env.resolve(v) : void 0;
  const code = step.setupCode !== void 0 ? env.setupCodes.get(step.setupCode) : void 0;
  world.addAnyClient({
    name: step.name,
    host,
    // A client on a standard peer has its own device-auth file; on a named host the host's default user unless given.
    ...step.user !== void 0 ? { user: step.user } : step.host === void 0 ? { user: step.name } : {},
    client: {
      kind: step.kind,
      url,
      identity: seed ? identityFromSeed(Uint8Array.from(Buffer.from(seed, "hex"))) : null,
      explicitToken: text5(step.explicitToken) ?? code?.token,
      passiveToken: text5(step.passiveToken),
      password: step.password ?? code?.password,
      bootstrapToken: text5(step.bootstrapToken) ?? code?.bootstrapToken,
      // The device-auth file keeps the token under the client's role (a node host's is role node).
      storedTokens: step.storedToken !== void 0 ? { [step.kind === "node" ? "node" : "operator"]: { token: env.resolve(step.storedToken), scopes: step.scopes ?? [] } } : void 0,
      scopes: step.scopes,
      ...step.commands !== void 0 ? { commands: step.commands } : {},
      oneShot: step.oneShot,
      ...step.kind === "tui" && step.clientId === void 0 ? releaseTuiIdentity(env.profile) : {},
      ...step.clientId !== void 0 ? { clientId: step.clientId } : {},
      ...step.displayName !== void 0 ? { displayName: step.displayName } : {},
      ...step.origin !== void 0 ? { origin: step.origin } : {},
      ...step.allowInsecurePrivateWs !== void 0 ? { allowInsecurePrivateWs: step.allowInsecurePrivateWs } : {}
    },
    ...step.reconnect !== void 0 ? { reconnect: step.reconnect } : {}
  });
}

// src/scenario/lang/placeholders.ts
var placeholder = /\{\{([A-Za-z]+)(?::([^}]+))?\}\}/g;
function resolvePlaceholders(text5, b) {
  return text5.replace(placeholder, (whole, name, arg) => resolveOne2(name, arg, b) ?? whole);
}
function resolveOne2(name, arg, b) {
  switch (name) {
    case "gatewayToken":
      return b.token;
    case "lastRequestId":
      return b.world.lastRequestId;
    case "protocol":
      return String(b.profile.gateway.protocolVersion);
    case "signatureVersion":
      return b.profile.client.signatureVersion;
    case "buildId":
      return gatewayBuildId(b.world);
    case "deviceId":
      return arg !== void 0 && b.seeds[arg] !== void 0 ? b.deviceIdOf(arg) : void 0;
    case "deviceToken": {
      const [identity, role = "operator"] = (arg ?? "").split(/[/:]/);
      if (identity === void 0 || b.seeds[identity] === void 0) return void 0;
      return b.world.deviceTokenFor(b.deviceIdOf(identity), role);
    }
    case "bootstrapToken": {
      const code = arg !== void 0 ? b.setupCodes?.get(arg) : void 0;
      return code ? code.bootstrapToken ?? "" : void 0;
    }
    case "configToken": {
      const machine = arg !== void 0 ? b.world.machines.get(arg) : void 0;
      const token = machine?.machine.config.config.gateway?.auth?.token;
      return machine ? typeof token === "string" ? token : "" : void 0;
    }
    case "setupCode":
      return arg !== void 0 ? b.setupCodes?.get(arg)?.code : void 0;
    default:
      return void 0;
  }
}
function resolveNumbers(value, profile2) {
  if (value === "{{protocol}}") return profile2.gateway.protocolVersion;
  if (Array.isArray(value)) return value.map((v) => resolveNumbers(v, profile2));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveNumbers(v, profile2)]));
  }
  if (value === "{{signatureVersion}}") return profile2.client.signatureVersion;
  return value;
}
function gatewayBuildId(world) {
  return world.gateways.values().next().value?.state.config.version;
}
function resolveBuildId(value, options) {
  if (Array.isArray(value)) return value.map((v) => resolveBuildId(v, options));
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === "{{buildId}}" && options.buildId !== void 0) {
      if (clientBuildIdAccepted(options.profile.gateway.connectSchema)) out[k] = options.buildId;
      continue;
    }
    out[k] = resolveBuildId(v, options);
  }
  return out;
}

// src/scenario/lang/kinds/connect.ts
var attemptWaitMs = 3e4;
var fromSchema2 = { enum: ["local", "lan", "tailnet", "remote"] };
var attemptSchema = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", minLength: 1 },
    probe: { type: "string" },
    from: fromSchema2,
    host: { type: "string" },
    url: { type: "string" },
    background: { type: "boolean", description: "start the attempt and go on; expectations are checked when it ends" },
    token: { type: "string", description: "the shared token {{gatewayToken}} stands for in this attempt (placeholders allowed, e.g. {{configToken:gw}}); default: the run's" },
    headers: { type: "object", additionalProperties: { type: "string" } },
    preFrames: { type: "array", items: { type: "string" } },
    sendBeforeChallenge: { type: "boolean" },
    connect: { type: "object" },
    device: {
      type: "object",
      required: ["identity"],
      properties: {
        identity: { type: "string" },
        payloadVersion: { enum: ["v1", "v2", "v3", "{{signatureVersion}}"] },
        signedAtOffsetMs: { type: "integer" },
        nonce: { type: "string" },
        signNonce: { type: "string" },
        signToken: { type: "string" },
        signScopes: { type: "array", items: { type: "string" } },
        otherKey: { type: "string" },
        idOverride: { type: "string" },
        publicKeyFormat: { enum: ["base64url", "pem", "garbage"] },
        signatureFormat: { enum: ["base64url", "base64"] },
        omitFields: { type: "array", items: { type: "string" } },
        extraFields: { type: "object" }
      },
      additionalProperties: false
    },
    afterHello: { type: "array", items: { type: "object", required: ["method"], properties: { method: { type: "string" }, params: {} }, additionalProperties: false } },
    waitMsMax: { type: "integer", minimum: 1 }
  },
  additionalProperties: false
};
var expectSchema = {
  type: "object",
  properties: {
    ok: { type: "boolean" },
    code: { type: "string" },
    message: { type: "string" },
    messageContains: { type: "string" },
    messageNotContains: { type: "string" },
    detailCode: { type: "string" },
    reason: { type: "string" },
    authReason: { type: "string" },
    canRetryWithDeviceToken: { type: "boolean" },
    recommendedNextStep: { type: "string" },
    close: { type: "object", properties: { code: { type: "integer" }, reason: { type: "string" }, reasonContains: { type: "string" } }, additionalProperties: false },
    upgradeStatus: { type: "integer" },
    challenge: { type: "boolean" },
    rpc: { type: "array", items: { type: "object", required: ["method", "ok"], properties: { method: { type: "string" }, ok: { type: "boolean" }, messageContains: { type: "string" } }, additionalProperties: false } },
    helloAuthScopesInclude: { type: "array", items: { type: "string" } },
    deviceTokenIssued: { type: "boolean" },
    requestIdUnchanged: { type: "boolean", description: "details.requestId is (not) the previous pairing answer's ({{lastRequestId}} when the step starts); simulated runs only" },
    rule: { type: "string", description: "the finding's invariant name when an expectation fails" }
  },
  additionalProperties: false
};
var connectKind = defineStepKind({
  kind: "connect",
  schema: attemptSchema,
  extras: { expect: expectSchema },
  check(step, model, at) {
    const c2 = step.connect;
    const identity = c2.device?.identity;
    if (identity !== void 0 && !model.identities.has(identity)) model.problem(`${at}/device/identity`, `unknown identity '${identity}'`);
    if (c2.host !== void 0) {
      if (c2.from !== void 0) model.problem(`${at}/host`, "give either from (a standard peer) or host, not both");
      if (!model.hosts.has(c2.host)) model.problem(`${at}/host`, `no host named '${c2.host}' was added before`);
      if (c2.url === void 0) model.problem(`${at}/url`, "a connect from a named host needs the url it dials");
    } else if (!model.standard) {
      model.problem(at, "in a bare world a connect names its host and url");
    }
  },
  async run(step, env) {
    const { from, host, url, background, token, ...attemptIn } = step.connect;
    const resolved = resolveBuildId(resolveNumbers(attemptIn, env.profile), { profile: env.profile, buildId: gatewayBuildId(env.world) });
    const attempt = toAttempt(resolved, env);
    const where = host !== void 0 ? { host, url } : standardOrigin(from ?? "local");
    const label = `step ${env.stepIndex} (${attempt.name})`;
    const stepIndex = env.stepIndex;
    const requestIdBefore = env.world.lastRequestId;
    const handle = env.world.attempt({ fromHost: where.host, url: where.url, port: standardPort, gatewayToken: token !== void 0 ? env.resolve(token) : env.token, identities: env.seeds, attempt });
    if (background) {
      env.pending.push((final) => {
        if (handle.outcome === void 0) {
          if (final) env.ctx.check(false, "case-step", `${label}: no outcome by the end of the run`, { kind: "liveness" });
          return final;
        }
        env.world.scheduler.record("case", "check", { step: stepIndex, attempt: attempt.name, outcome: handle.outcome });
        if (step.expect) checkExpect(step.expect, handle.outcome, label, env.ctx, { before: requestIdBefore, after: env.world.lastRequestId });
        return true;
      });
      return;
    }
    requireWithinBudget(await env.world.advanceUntil(() => handle.outcome !== void 0, attemptWaitMs));
    const outcome = handle.outcome;
    if (!env.ctx.check(outcome !== void 0, "case-step", `${label}: no outcome within ${attemptWaitMs} ms`, { kind: "liveness" })) return;
    env.world.scheduler.record("case", "check", { step: env.stepIndex, attempt: attempt.name, outcome });
    if (step.expect) checkExpect(step.expect, outcome, label, env.ctx, { before: requestIdBefore, after: env.world.lastRequestId });
  },
  print: (step) => `connect ${step.connect.name} from ${step.connect.host ?? step.connect.from ?? "local"}${step.expect ? ` expecting ${JSON.stringify(step.expect)}` : ""}`
});
function withSetupCodes(value, env) {
  if (typeof value === "string") return value.replace(/\{\{(?:bootstrapToken|setupCode):[^}]+\}\}/g, (whole) => env.resolve(whole));
  if (Array.isArray(value)) return value.map((v) => withSetupCodes(v, env));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withSetupCodes(v, env)]));
  return value;
}
function toAttempt(input, env) {
  const raw = env.setupCodes.size > 0 ? withSetupCodes(input, env) : input;
  return signingAttempt(raw, { seeds: env.seeds, profile: env.profile });
}
function signingAttempt(raw, options) {
  if (!raw.device) return raw;
  const { identity, otherKey, ...device } = raw.device;
  const other = otherKey ? options.seeds[otherKey] ?? identitySeedFor(otherKey) : void 0;
  const payloadVersion = options.profile.client.signatureVersion;
  return { ...raw, device: { payloadVersion, ...device, identitySeed: options.seeds[identity], ...other ? { otherKeySeed: other } : {} } };
}
function checkExpect(e, o, at, ctx, requestIds) {
  for (const failure of expectationFailures(e, o, at)) ctx.check(false, failure.rule, failure.message);
  if (e.requestIdUnchanged !== void 0) {
    const carried = typeof (o.response?.error?.details ?? {})["requestId"] === "string";
    const unchanged = carried && requestIds.before !== void 0 && requestIds.after === requestIds.before;
    ctx.check(carried && unchanged === e.requestIdUnchanged, e.rule ?? "case-expect", `${at}: ${carried ? `details.requestId ${unchanged ? "is" : "is not"} the previous pairing answer's` : "the answer carries no details.requestId"}, expected it ${e.requestIdUnchanged ? "unchanged" : "changed"}`);
  }
}
function expectationFailures(e, o, at) {
  const failures = [];
  const check = (ok, rule2, message) => {
    if (!ok) failures.push({ rule: rule2, message });
  };
  const rule = e.rule ?? "case-expect";
  const err = o.response?.error;
  const details = err?.details ?? {};
  const eq = (field, actual, expected) => check(JSON.stringify(actual) === JSON.stringify(expected), rule, `${at}: ${field} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}${field === "ok" && err ? ` (${err.message})` : ""}`);
  const has = (field, actual, part2, want) => check((actual ?? "").includes(part2) === want, rule, `${at}: ${field} ${JSON.stringify(actual)} ${want ? "does not contain" : "contains"} ${JSON.stringify(part2)}`);
  if (e.ok !== void 0) eq("ok", o.response?.ok ?? null, e.ok);
  if (e.code !== void 0) eq("error.code", err?.code, e.code);
  if (e.message !== void 0) eq("error.message", err?.message, e.message);
  if (e.messageContains !== void 0) has("error.message", err?.message, e.messageContains, true);
  if (e.messageNotContains !== void 0) has("error.message", err?.message, e.messageNotContains, false);
  if (e.detailCode !== void 0) eq("error.details.code", details["code"], e.detailCode);
  if (e.reason !== void 0) eq("error.details.reason", details["reason"], e.reason);
  if (e.authReason !== void 0) eq("error.details.authReason", details["authReason"], e.authReason);
  if (e.canRetryWithDeviceToken !== void 0) eq("error.details.canRetryWithDeviceToken", details["canRetryWithDeviceToken"], e.canRetryWithDeviceToken);
  if (e.recommendedNextStep !== void 0) eq("error.details.recommendedNextStep", details["recommendedNextStep"], e.recommendedNextStep);
  if (e.close?.code !== void 0) eq("close.code", o.close?.code, e.close.code);
  if (e.close?.reason !== void 0) eq("close.reason", o.close?.reason, e.close.reason);
  if (e.close?.reasonContains !== void 0) has("close.reason", o.close?.reason, e.close.reasonContains, true);
  if (e.upgradeStatus !== void 0) eq("upgrade status", o.upgradeRefused?.status, e.upgradeStatus);
  if (e.challenge !== void 0) eq("challenge nonce", o.challenge?.hasNonce ?? false, e.challenge);
  const auth = o.response?.helloOk?.auth ?? {};
  if (e.deviceTokenIssued !== void 0) eq("hello-ok.auth.deviceToken issued", auth["deviceToken"] !== void 0, e.deviceTokenIssued);
  for (const scope of e.helloAuthScopesInclude ?? []) {
    check(Array.isArray(auth["scopes"]) && auth["scopes"].includes(scope), rule, `${at}: hello-ok.auth.scopes ${JSON.stringify(auth["scopes"])} lack ${scope}`);
  }
  (e.rpc ?? []).forEach((r, k) => {
    const got = o.rpc?.[k];
    const why = got?.error?.message ? ` (${got.error.message})` : "";
    check(got?.method === r.method && got.ok === r.ok, rule, `${at}: rpc ${k} ${r.method} ok=${got?.ok}, expected ok=${r.ok}${why}`);
    if (r.messageContains !== void 0) has(`rpc ${r.method} error`, got?.error?.message, r.messageContains, true);
  });
  return failures;
}

// src/scenario/lang/kinds/credentials.ts
var nullableString = { type: ["string", "null"] };
var credentialsKind = defineStepKind({
  kind: "credentials",
  schema: {
    type: "object",
    required: ["client"],
    properties: { client: { type: "string" }, explicitToken: nullableString, passiveToken: nullableString, password: nullableString },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!model.clients.has(step.credentials.client)) model.problem(`${at}/client`, `no client named '${step.credentials.client}' was started before`);
  },
  run(step, env) {
    const { client, ...change } = step.credentials;
    const resolved = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, typeof v === "string" ? env.resolve(v) : v]));
    env.world.client(client).credentialsChanged(resolved);
  },
  print: (step) => `credentials of ${step.credentials.client}: ${Object.keys(step.credentials).filter((k) => k !== "client").join(", ")} changed`
});

// src/scenario/lang/kinds/expect-client.ts
var expectClientKind = defineStepKind({
  kind: "expectClient",
  schema: {
    type: "object",
    required: ["name"],
    properties: {
      name: { type: "string" },
      rule: { type: "string" },
      connected: { type: "boolean" },
      paused: { type: "boolean" },
      attemptsMax: { type: "integer", minimum: 0 },
      attemptsMin: { type: "integer", minimum: 0 }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!model.clients.has(step.expectClient.name)) model.problem(`${at}/name`, `no client named '${step.expectClient.name}' was started before`);
  },
  run(step, env) {
    const expect = step.expectClient;
    const rule = expect.rule ?? "case-expect";
    const check = (ok, _rule, message) => env.ctx.check(ok, rule, message);
    const status = env.world.clientStatus(expect.name);
    const at = `step ${env.stepIndex} (client ${expect.name})`;
    if (expect.connected !== void 0) check(status.connected === expect.connected, "case-expect", `${at}: connected is ${status.connected}, expected ${expect.connected}`);
    if (expect.paused !== void 0) check(status.paused === expect.paused, "case-expect", `${at}: ${status.paused ? "paused" : "not paused"}, expected ${expect.paused ? "paused" : "not paused"}`);
    if (expect.attemptsMax !== void 0) check(status.attempts <= expect.attemptsMax, "case-expect", `${at}: ${status.attempts} connect attempts, expected at most ${expect.attemptsMax}`);
    if (expect.attemptsMin !== void 0) check(status.attempts >= expect.attemptsMin, "case-expect", `${at}: ${status.attempts} connect attempts, expected at least ${expect.attemptsMin}`);
  },
  print: (step) => `expect client ${step.expectClient.name} ${JSON.stringify({ ...step.expectClient, name: void 0, rule: void 0 })}`
});

// src/scenario/lang/kinds/expect-pairing.ts
var expectPairingKind = defineStepKind({
  kind: "expectPairing",
  schema: {
    type: "object",
    required: ["identity"],
    properties: {
      identity: { type: "string" },
      pending: { type: "integer", minimum: 0 },
      paired: { type: "boolean" },
      pendingRole: { type: "string" },
      pendingScopesInclude: { type: "array", items: { type: "string" } },
      gateway: { type: "string" }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!model.identities.has(step.expectPairing.identity)) model.problem(`${at}/identity`, `unknown identity '${step.expectPairing.identity}'`);
  },
  run(step, env) {
    const expect = step.expectPairing;
    const store = env.world.gateway(expect.gateway ?? standardGatewayName).state.store;
    const deviceId = env.deviceIdOf(expect.identity);
    const pending = Object.values(store.pending).filter((p) => p.deviceId === deviceId);
    const at = `step ${env.stepIndex} (pairing of ${expect.identity})`;
    const { check } = env.ctx;
    if (expect.pending !== void 0) check(pending.length === expect.pending, "case-expect", `${at}: pending requests ${pending.length}, expected ${expect.pending}`);
    if (expect.paired !== void 0) check(store.paired[deviceId] !== void 0 === expect.paired, "case-expect", `${at}: paired is ${store.paired[deviceId] !== void 0}, expected ${expect.paired}`);
    if (expect.pendingRole !== void 0) check(pending[0]?.role === expect.pendingRole, "case-expect", `${at}: pending role ${pending[0]?.role}, expected ${expect.pendingRole}`);
    for (const scope of expect.pendingScopesInclude ?? []) check(pending[0]?.scopes?.includes(scope) === true, "case-expect", `${at}: pending scopes ${JSON.stringify(pending[0]?.scopes)} lack ${scope}`);
  },
  print: (step) => `expect pairing of ${step.expectPairing.identity} ${JSON.stringify({ ...step.expectPairing, identity: void 0 })}`
});

// src/scenario/lang/kinds/fault.ts
var fromSchema3 = { enum: ["local", "lan", "tailnet", "remote"] };
var faultKind = defineStepKind({
  kind: "fault",
  schema: {
    type: "object",
    minProperties: 1,
    maxProperties: 2,
    properties: {
      partition: { type: "array", items: fromSchema3, minItems: 2, maxItems: 2 },
      heal: { const: true },
      drop: { type: "string", pattern: "^\\d+/\\d+$" },
      from: fromSchema3,
      restartGateway: { type: "object", properties: { downMs: { type: "integer", minimum: 0 } }, additionalProperties: false },
      crashGateway: { const: true },
      startGateway: { const: true },
      skewClock: { type: "object", required: ["host", "deltaMs"], properties: { host: fromSchema3, deltaMs: { type: "integer" } }, additionalProperties: false }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    const f = step.fault;
    const names = ["partition", "heal", "drop", "restartGateway", "crashGateway", "startGateway", "skewClock"].filter((k) => k in f);
    if (names.length !== 1) model.problem(at, `a fault has exactly one of partition, heal, drop, restartGateway, crashGateway, startGateway, skewClock`);
    if ("from" in f && !("drop" in f)) model.problem(`${at}/from`, "from belongs to a drop fault");
    if ("drop" in f && parseRatio(String(f["drop"])) === null) model.problem(`${at}/drop`, `'${String(f["drop"])}' is not a ratio like 1/10`);
    if (!model.standard && !("heal" in f)) model.problem(at, "fault steps act on the standard world's peers (use netFault in a bare world)");
  },
  run(step, env) {
    applyFault(step.fault, env);
  },
  print: (step) => `fault ${JSON.stringify(step.fault)}`
});
function hostsOf(world, kind) {
  if (kind === "local") return [gatewayHostName];
  return world.network.hosts.all().filter((h) => h.name !== gatewayHostName && h.kind === kind).map((h) => h.name);
}
function applyFault(fault, env) {
  const { world } = env;
  const gateway = world.gateway(standardGatewayName);
  if ("partition" in fault) {
    const [a, b] = fault.partition;
    const joins = (packet) => {
      const ends = [packet.from, packet.to];
      return ends.some((x) => hostsOf(world, a).includes(x)) && ends.some((y) => hostsOf(world, b).includes(y)) && packet.from !== packet.to;
    };
    env.rules.push(world.network.addRule({ name: `partition ${a}|${b}`, decide: (packet) => joins(packet) ? dropVerdict : pass }));
  } else if ("heal" in fault) {
    for (const rule of env.rules.splice(0)) rule.remove();
  } else if ("drop" in fault) {
    const ratio2 = parseRatio(fault.drop);
    const fromHosts = fault.from ? new Set(hostsOf(world, fault.from)) : void 0;
    env.rules.push(world.network.addRule(drop({ ratio: ratio2, match: { kinds: ["frame"], ...fromHosts ? { where: (p) => fromHosts.has(p.from) } : {} } })));
  } else if ("restartGateway" in fault) {
    gateway.restart(void 0, fault.restartGateway.downMs ?? 0);
  } else if ("crashGateway" in fault) {
    gateway.crash();
  } else if ("startGateway" in fault) {
    gateway.start();
  } else {
    for (const host of hostsOf(world, fault.skewClock.host)) world.skewClock(host, fault.skewClock.deltaMs);
  }
  world.scheduler.record("scenario", "fault", { fault });
}

// src/scenario/lang/kinds/gateway-config.ts
var sections = /* @__PURE__ */ new WeakMap();
var gatewayConfigKind = defineStepKind({
  kind: "gatewayConfig",
  schema: {
    type: "object",
    required: ["set"],
    properties: {
      set: gatewaySectionSchema,
      mode: { enum: ["off", "restart", "hot", "hybrid"] },
      expect: { enum: ["hot", "restart", "none", "ignored"] },
      gateway: { type: "string" }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    if (step.gatewayConfig.set.bind !== void 0) model.problem(`${at}/set/bind`, "gateway.bind is read at start only: put it in the file's gateway section");
    checkGatewayName(step.gatewayConfig.gateway, model, at, true);
    for (const [where, message] of gatewaySectionProblems(step.gatewayConfig.set, model.profile, `${at}/set`)) model.problem(where, message);
  },
  run(step, env) {
    const edit = step.gatewayConfig;
    const name = edit.gateway ?? standardGatewayName;
    const result = editGatewaySection(env, name, resolveSecrets(edit.set, env.resolve), edit.mode);
    if (edit.expect !== void 0) {
      env.ctx.check(result.plan.action === edit.expect, "case-expect", `step ${env.stepIndex} (gatewayConfig): ${env.profile.name} ${describe(result.plan.action)} [${result.paths.join(", ")}], expected ${edit.expect}`);
    }
  },
  print: (step) => `edit gateway config ${JSON.stringify(step.gatewayConfig.set)}${step.gatewayConfig.expect ? ` (expect ${step.gatewayConfig.expect})` : ""}`
});
function editGatewaySection(env, name, set, mode) {
  let perRun = sections.get(env.world);
  if (!perRun) sections.set(env.world, perRun = /* @__PURE__ */ new Map());
  const base = perRun.get(name) ?? (name === standardGatewayName ? env.spec.gateway ?? {} : {});
  const next = mergeGatewaySection(base, set);
  perRun.set(name, next);
  return env.world.editGatewayConfig(name, () => gatewayConfigInput(next), mode);
}
function describe(action) {
  return action === "hot" ? "applied it live" : action === "restart" ? "restarts the gateway" : action === "ignored" ? "ignored it" : "changed nothing";
}
function resolveSecrets(section, resolve) {
  if (!section.auth) return section;
  const auth = { ...section.auth };
  if (auth.token !== void 0) auth.token = resolve(auth.token);
  if (auth.password !== void 0) auth.password = resolve(auth.password);
  return { ...section, auth };
}

// src/scenario/lang/kinds/operator.ts
var actions = ["approve-pending", "reject-pending", "approve-node", "reject-node", "remove-device", "clear-devices", "revoke-device-token", "rotate-device-token", "rotate-shared-token", "restart-gateway"];
var operatorKind = defineStepKind({
  kind: "operator",
  schema: {
    type: "object",
    required: ["action"],
    properties: {
      action: { enum: actions },
      identity: { type: "string" },
      requestId: { type: "string" },
      role: { type: "string" },
      scopes: { type: "array", items: { type: "string" } },
      token: { type: "string" },
      restart: { enum: ["watcher", "deferred"] },
      pending: { type: "boolean" }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    const a = step.operator;
    if (!model.standard) model.problem(at, "operator actions act on the standard world (in a bare world use openclaw steps)");
    const identity = a["identity"];
    if (identity !== void 0 && !model.identities.has(identity)) model.problem(`${at}/identity`, `unknown identity '${identity}'`);
    const needsIdentity = a.action === "remove-device" || a.action === "revoke-device-token" || a.action === "rotate-device-token";
    if (needsIdentity && identity === void 0) model.problem(at, `${a.action} needs identity`);
    const pending = a.action === "approve-pending" || a.action === "reject-pending" || a.action === "approve-node" || a.action === "reject-node";
    if (pending && identity === void 0 && a["requestId"] === void 0) model.problem(at, `${a.action} needs identity or requestId`);
    if (a.action === "rotate-shared-token" && typeof a["token"] !== "string") model.problem(at, "rotate-shared-token needs token");
    for (const key of ["identity", "requestId", "role", "scopes", "token", "restart", "pending"]) {
      if (a[key] !== void 0 && !allowed(a.action).includes(key)) model.problem(`${at}/${key}`, `${a.action} has no ${key}`);
    }
  },
  run: (step, env) => operatorAction(step.operator, env),
  print: (step) => `operator ${step.operator.action}${"identity" in step.operator && step.operator.identity ? ` ${step.operator.identity}` : ""}`
});
function allowed(action) {
  switch (action) {
    case "approve-pending":
    case "reject-pending":
    case "approve-node":
    case "reject-node":
      return ["identity", "requestId"];
    case "remove-device":
      return ["identity"];
    case "clear-devices":
      return ["pending"];
    case "revoke-device-token":
      return ["identity", "role"];
    case "rotate-device-token":
      return ["identity", "role", "scopes"];
    case "rotate-shared-token":
      return ["token", "restart"];
    case "restart-gateway":
      return [];
  }
}
async function operatorAction(action, env) {
  const { world } = env;
  const gateway = world.gateway(standardGatewayName);
  const run2 = (command) => world.operator(gatewayMachineName, command);
  const failed = (r) => r.rpc?.ok === false ? r.rpc.error.message : r.rpc ? "" : "no answer";
  const expectOk = (r) => env.ctx.check(r.rpc?.ok === true, "case-operator", `${r.line}: ${failed(r)}`);
  switch (action.action) {
    case "approve-pending":
    case "reject-pending": {
      const requestId = action.requestId !== void 0 ? env.resolve(action.requestId) : pendingRequestOf(run2, env, action.identity, "device");
      if (requestId === void 0) return;
      world.rememberRequestId(requestId);
      expectOk(run2(action.action === "approve-pending" ? op.devicesApprove(requestId) : op.devicesReject(requestId)));
      return;
    }
    case "approve-node":
    case "reject-node": {
      const requestId = action.requestId !== void 0 ? env.resolve(action.requestId) : pendingRequestOf(run2, env, action.identity, "node");
      if (requestId === void 0) return;
      expectOk(run2(action.action === "approve-node" ? op.nodesApprove(requestId) : op.nodesReject(requestId)));
      return;
    }
    case "remove-device":
      expectOk(run2(op.devicesRemove(env.deviceIdOf(action.identity))));
      return;
    case "clear-devices":
      expectOk(run2(op.devicesClear({ yes: true, pending: action.pending ?? false })));
      return;
    case "revoke-device-token":
      expectOk(run2(op.devicesRevoke({ deviceId: env.deviceIdOf(action.identity), role: action.role ?? "operator" })));
      return;
    case "rotate-device-token": {
      const deviceId = env.deviceIdOf(action.identity);
      const role = action.role ?? "operator";
      const r = run2(op.devicesRotate({ deviceId, role, ...action.scopes ? { scopes: action.scopes } : {} }));
      const entry = gateway.state.store.paired[deviceId]?.tokens[role];
      if (expectOk(r) && entry) world.rememberDeviceToken(deviceId, role, entry.token);
      return;
    }
    case "rotate-shared-token": {
      const token = env.resolve(action.token);
      run2(op.rotateSharedToken(token));
      env.token = token;
      if (action.restart === "deferred") {
        world.scheduler.record("operator", "operator", { note: "the gateway's restart is deferred: it keeps the old secret until it restarts" });
        gateway.sharedSecretChangedRestartDeferred(token, gateway.state.config.auth.password);
      } else {
        editGatewaySection(env, standardGatewayName, { auth: { token } });
      }
      return;
    }
    case "restart-gateway":
      world.scheduler.record("operator", "operator", { command: "openclaw gateway restart" });
      gateway.restart();
      requireWithinBudget(await world.advance(world.profile.gateway.startupUnavailableMs ?? 0));
      return;
  }
}
function pendingRequestOf(run2, env, identity, of) {
  const id = env.deviceIdOf(identity);
  const list = run2(of === "device" ? op.devicesList() : op.nodesPending());
  const pending = list.rpc?.ok ? list.rpc.payload.pending ?? [] : [];
  const request = pending.find((p) => p[of === "device" ? "deviceId" : "nodeId"] === id);
  const why = list.rpc?.ok === false ? ` (${list.rpc.error.message})` : "";
  env.ctx.check(request !== void 0, "case-operator", `${list.line} shows no pending request for ${identity}${why}`);
  return request?.["requestId"];
}

// src/scenario/lang/kinds/wait.ts
var waitKind = defineStepKind({
  kind: "wait",
  schema: { type: "integer", minimum: 0, description: "virtual milliseconds to run the world" },
  check() {
  },
  async run(step, env) {
    requireWithinBudget(await env.world.advance(step.wait));
  },
  print: (step) => `wait ${step.wait} ms`
});

// src/scenario/lang/kinds/client-life.ts
var clientLifeActions = [
  "force-stop",
  "relaunch",
  "upgrade",
  "delete-device-auth",
  "corrupt-device-auth",
  "delete-identity",
  "corrupt-identity",
  "regenerate-identity"
];
var clientLifeKind = defineStepKind({
  kind: "clientLife",
  schema: {
    type: "object",
    required: ["client", "action"],
    properties: { client: { type: "string" }, action: { enum: clientLifeActions }, profile: { type: "string" } },
    additionalProperties: false
  },
  check(step, model, at) {
    const s = step.clientLife;
    if (!model.clients.has(s.client)) model.problem(`${at}/client`, `no client named '${s.client}' was started before`);
    if (s.action === "upgrade" && (s.profile === void 0 || !findProfile(s.profile))) {
      model.problem(`${at}/profile`, `upgrade needs a known profile (${profiles.map((p) => p.name).join(", ")})`);
    }
    if (s.action !== "upgrade" && s.profile !== void 0) model.problem(`${at}/profile`, "profile belongs to an upgrade");
  },
  run(step, env) {
    const { client, action } = step.clientLife;
    if (!env.world.clients.has(client)) {
      env.ctx.check(false, "case-expect", `step ${env.stepIndex} (clientLife): ${client} is not a simulated client`);
      return;
    }
    switch (action) {
      case "force-stop":
        return forceStopClient(env.world, client);
      case "relaunch":
        relaunchClient(env.world, client);
        return;
      case "upgrade":
        relaunchClient(env.world, client, { switches: findProfile(step.clientLife.profile).client });
        return;
      case "delete-device-auth":
        return deleteDeviceAuthFile(env.world, client);
      case "corrupt-device-auth":
        return corruptDeviceAuthFile(env.world, client);
      case "delete-identity":
        regenerateIdentity(env.world, client, "deleted");
        return;
      case "corrupt-identity":
        regenerateIdentity(env.world, client, "corrupted");
        return;
      case "regenerate-identity":
        regenerateIdentity(env.world, client, "regenerated");
        return;
    }
  },
  print: (step) => `${step.clientLife.action} client ${step.clientLife.client}${step.clientLife.profile ? ` \u2192 ${step.clientLife.profile}` : ""}`
});

// src/scenario/lang/kinds/expect-gateway.ts
var strings3 = { type: "array", items: { type: "string" } };
function perIdentity(properties) {
  return { type: "array", items: { type: "object", required: ["identity"], properties: { identity: { type: "string" }, ...properties }, additionalProperties: false } };
}
var expectGatewayKind = defineStepKind({
  kind: "expectGateway",
  schema: {
    type: "object",
    properties: {
      gateway: { type: "string" },
      sessions: { type: "object", additionalProperties: { type: "integer", minimum: 0 } },
      pendingCount: { type: "integer", minimum: 0 },
      paired: perIdentity({ present: { type: "boolean" }, roles: strings3, scopesInclude: strings3, scopesExclude: strings3, platform: { type: "string" }, tokenRoles: strings3 }),
      nodePendingCount: { type: "integer", minimum: 0 },
      nodes: perIdentity({ paired: { type: "boolean" }, pending: { type: "boolean" }, approvedCommands: strings3, sessionCommands: strings3 })
    },
    additionalProperties: false
  },
  check(step, model, at) {
    checkGatewayName(step.expectGateway.gateway, model, at);
    for (const name of Object.keys(step.expectGateway.sessions ?? {})) {
      if (name !== "device-less" && !model.identities.has(name)) model.problem(`${at}/sessions/${name}`, `unknown identity '${name}'`);
    }
    (step.expectGateway.paired ?? []).forEach((p, i) => {
      if (!model.identities.has(p.identity)) model.problem(`${at}/paired/${i}/identity`, `unknown identity '${p.identity}'`);
    });
    (step.expectGateway.nodes ?? []).forEach((n, i) => {
      if (!model.identities.has(n.identity)) model.problem(`${at}/nodes/${i}/identity`, `unknown identity '${n.identity}'`);
    });
  },
  run(step, env) {
    const e = step.expectGateway;
    const gateway = env.world.gateway(e.gateway ?? standardGatewayName);
    const at = `step ${env.stepIndex} (gateway)`;
    const check = (ok, message) => env.ctx.check(ok, "case-expect", `${at}: ${message}`);
    const open = openSessionsByDevice(gateway);
    for (const [name, n] of Object.entries(e.sessions ?? {})) {
      const got = open.get(name === "device-less" ? "" : env.deviceIdOf(name)) ?? 0;
      check(got === n, `${name} has ${got} open session(s), expected ${n}`);
    }
    const view = pairingView(gateway);
    if (e.pendingCount !== void 0) check(view.pending.length === e.pendingCount, `${view.pending.length} pending request(s), expected ${e.pendingCount}`);
    for (const p of e.paired ?? []) {
      const record = view.paired.find((d) => d.deviceId === env.deviceIdOf(p.identity));
      check(!!record === (p.present ?? true), `${p.identity} is ${record ? "" : "not "}paired`);
      if (!record) continue;
      const list = (xs) => JSON.stringify([...xs].sort());
      if (p.roles) check(list(record.roles) === list(p.roles), `${p.identity} roles ${list(record.roles)}, expected ${list(p.roles)}`);
      for (const s of p.scopesInclude ?? []) check(record.scopes.includes(s), `${p.identity} scopes ${list(record.scopes)} lack ${s}`);
      for (const s of p.scopesExclude ?? []) check(!record.scopes.includes(s), `${p.identity} scopes ${list(record.scopes)} include ${s}`);
      if (p.platform !== void 0) check(record.platform === p.platform, `${p.identity} platform ${record.platform ?? "(none)"}, expected ${p.platform}`);
      if (p.tokenRoles) check(list(record.tokenRoles) === list(p.tokenRoles), `${p.identity} live token roles ${list(record.tokenRoles)}, expected ${list(p.tokenRoles)}`);
    }
    const nodes = nodePairingView(gateway);
    if (e.nodePendingCount !== void 0) check(nodes.pending.length === e.nodePendingCount, `${nodes.pending.length} pending node request(s), expected ${e.nodePendingCount}`);
    for (const n of e.nodes ?? []) {
      const nodeId = env.deviceIdOf(n.identity);
      const paired = nodes.paired.find((p) => p.nodeId === nodeId);
      const pending = nodes.pending.find((p) => p.nodeId === nodeId);
      const words = (xs) => `[${xs.join(", ")}]`;
      if (n.paired !== void 0) check(!!paired === n.paired, `${n.identity} is ${paired ? "" : "not "}node-paired`);
      if (n.pending !== void 0) check(!!pending === n.pending, `${n.identity} has ${pending ? "a" : "no"} pending node request`);
      if (n.approvedCommands) check(words(paired?.commands ?? []) === words(n.approvedCommands), `${n.identity} approved commands ${words(paired?.commands ?? [])}, expected ${words(n.approvedCommands)}`);
      if (n.sessionCommands) {
        const live = nodes.sessions.filter((s) => s.nodeId === nodeId).at(-1);
        if (!live) check(false, `${n.identity} has no live node session`);
        else check(words(live.commands) === words(n.sessionCommands), `${n.identity}'s node session offers ${words(live.commands)}, expected ${words(n.sessionCommands)}`);
      }
    }
  },
  print: (step) => `expect gateway ${JSON.stringify(step.expectGateway)}`
});

// src/scenario/lang/kinds/expect-client-auth.ts
var expectClientAuthKind = defineStepKind({
  kind: "expectClientAuth",
  schema: {
    type: "object",
    required: ["client"],
    properties: {
      client: { type: "string" },
      role: { type: "string" },
      storedToken: { type: "boolean" },
      reissued: { type: "boolean" },
      lastError: {
        anyOf: [
          { type: "null" },
          {
            type: "object",
            properties: { authReason: { type: "string" }, detailCode: { type: "string" }, messageContains: { type: "string" } },
            additionalProperties: false
          }
        ]
      }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!model.clients.has(step.expectClientAuth.client)) model.problem(`${at}/client`, `no client named '${step.expectClientAuth.client}' was started before`);
  },
  run(step, env) {
    const e = step.expectClientAuth;
    const at = `step ${env.stepIndex} (client ${e.client})`;
    const check = (ok, message) => env.ctx.check(ok, "case-expect", `${at}: ${message}`);
    if (!env.world.clients.has(e.client)) return void check(false, "not a simulated client");
    const role = e.role ?? "operator";
    if (e.storedToken !== void 0) {
      const present = storedTokenPresent(env.world, e.client, role);
      check(present === e.storedToken, `stored ${role} token ${present ? "present" : "absent"}, expected ${e.storedToken ? "present" : "absent"}`);
    }
    if (e.reissued !== void 0) {
      const writes = storedTokenWrites(env.world, e.client, role);
      check(writes >= 2 === e.reissued, `${role} token written ${writes} time(s), expected ${e.reissued ? "reissued (2+)" : "not reissued"}`);
    }
    if (e.lastError !== void 0) checkLastError(env.world.trace.events, e.client, e.lastError, check);
  },
  print: (step) => `expect client ${step.expectClientAuth.client} auth ${JSON.stringify({ ...step.expectClientAuth, client: void 0 })}`
});
function checkLastError(events2, client, want, check) {
  const last = [...events2].reverse().find((ev) => ev.actor === client && ev.kind === "client" && ev.data["event"] === "connect-error");
  if (want === null) return check(last === void 0, `had a connect error (${String(last?.data["message"])}), expected none`);
  if (!want) return;
  if (!last) return check(false, "no connect error, expected one");
  const details = last.data["details"] ?? {};
  if (want.authReason !== void 0) check(details["authReason"] === want.authReason, `last connect error authReason ${String(details["authReason"])}, expected ${want.authReason}`);
  if (want.detailCode !== void 0) check(last.data["detailCode"] === want.detailCode, `last connect error detail ${String(last.data["detailCode"])}, expected ${want.detailCode}`);
  if (want.messageContains !== void 0) check(String(last.data["message"]).includes(want.messageContains), `last connect error ${JSON.stringify(last.data["message"])} lacks ${JSON.stringify(want.messageContains)}`);
}

// src/scenario/lang/kinds/gateway-process.ts
var supervisorRestartSecMsDefault = 5e3;
var supervisorRespawnCountMaxDefault = 10;
var gatewayProcessKind = defineStepKind({
  kind: "gatewayProcess",
  schema: {
    type: "object",
    required: ["action"],
    properties: {
      action: { enum: ["supervise", "crash", "restart", "restart-draining"] },
      gateway: { type: "string" },
      restartSecMs: { type: "integer", minimum: 0 },
      respawnCountMax: { type: "integer", minimum: 0 },
      downMs: { type: "integer", minimum: 0 },
      drainMsMax: { type: "integer", minimum: 1 },
      peersNeverAck: { type: "array", items: { type: "string" } }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    const s = step.gatewayProcess;
    checkGatewayName(s.gateway, model, at, true);
    if (s.action !== "supervise" && (s.restartSecMs !== void 0 || s.respawnCountMax !== void 0)) model.problem(`${at}/restartSecMs`, "restartSecMs and respawnCountMax belong to supervise");
    if (s.action !== "restart-draining" && (s.drainMsMax !== void 0 || s.peersNeverAck !== void 0)) {
      model.problem(`${at}/drainMsMax`, "drainMsMax and peersNeverAck belong to restart-draining");
    }
    (s.peersNeverAck ?? []).forEach((name, i) => {
      if (!model.clients.has(name)) model.problem(`${at}/peersNeverAck/${i}`, `no client named '${name}' was started before`);
    });
  },
  run(step, env) {
    const s = step.gatewayProcess;
    const gateway = env.world.gateway(s.gateway ?? standardGatewayName);
    switch (s.action) {
      case "supervise":
        return gateway.supervise({ restartSecMs: s.restartSecMs ?? supervisorRestartSecMsDefault, respawnCountMax: s.respawnCountMax ?? supervisorRespawnCountMaxDefault });
      case "crash":
        return gateway.crashSupervised();
      case "restart":
        return gateway.restart(void 0, s.downMs ?? 0);
      case "restart-draining": {
        for (const name of s.peersNeverAck ?? []) {
          const host = env.world.clients.get(name)?.options.host;
          if (host) env.rules.push(env.world.network.addRule(slowClose({ fromHost: host })));
        }
        gateway.stopDraining("service restart", s.drainMsMax ?? 3e4);
        env.world.scheduler.schedule(s.downMs ?? 0, { actor: gateway.name, label: "restart", traced: true }, () => gateway.startAgain(true));
        return;
      }
    }
  },
  print: (step) => `gateway process ${step.gatewayProcess.action}`
});

// src/scenario/lang/kinds/approve-pending.ts
var approvePendingKind = defineStepKind({
  kind: "approvePending",
  schema: {
    type: "object",
    required: ["machine", "identities"],
    properties: {
      machine: { type: "string" },
      identities: { type: "array", items: { type: "string" } },
      restart: { type: "array", items: { type: "string" } },
      expectApproved: { type: "integer", minimum: 0 },
      rule: { type: "string" }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    const a = step.approvePending;
    if (!model.machines.has(a.machine)) model.problem(`${at}/machine`, `no machine named '${a.machine}'`);
    a.identities.forEach((name, i) => {
      if (!model.identities.has(name)) model.problem(`${at}/identities/${i}`, `unknown identity '${name}'`);
    });
    (a.restart ?? []).forEach((name, i) => {
      if (!model.clients.has(name)) model.problem(`${at}/restart/${i}`, `no client named '${name}' was started before`);
    });
  },
  run(step, env) {
    const a = step.approvePending;
    const { world } = env;
    const deviceIds = a.identities.map((name) => env.deviceIdOf(name));
    const list = world.operator(a.machine, op.devicesList());
    const pending = list.rpc?.ok ? list.rpc.payload.pending ?? [] : [];
    const approved = [];
    for (const request of pending) {
      if (!deviceIds.includes(request.deviceId) || approved.includes(request.deviceId)) continue;
      if (world.operator(a.machine, op.devicesApprove(request.requestId)).rpc?.ok) approved.push(request.deviceId);
    }
    for (const name of a.restart ?? []) if (world.client(name).state.lifecycle === "paused") world.client(name).start();
    if (a.expectApproved !== void 0) {
      const n = a.identities.length;
      env.ctx.check(approved.length >= a.expectApproved, a.rule ?? "pairing-requests-listed", `devices list showed ${approved.length} of the ${n} requests`);
    }
  },
  print: (step) => `on ${step.approvePending.machine}: approve pending requests of ${step.approvePending.identities.join(", ")}`
});

// src/scenario/lang/kinds/browser-token.ts
var browserTokenKind = defineStepKind({
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
      what: { type: "string" }
    },
    additionalProperties: false
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
      const area = perTab ? { area: "session", tabId: b.tabId } : { area: "local" };
      return withBrowser(m, b.browser, storageSet(storage, area, key, token));
    }, b.what ?? "paste the gateway token in Control UI settings");
  },
  print: (step) => `paste ${step.browserToken.token} into Control UI ${step.browserToken.browser}/${step.browserToken.tabId} on ${step.browserToken.machine}`
});

// src/scenario/lang/kinds/browser-tab.ts
var browserTabActions = ["open", "reload", "navigate", "duplicate", "close"];
var defaultControlUiPageUrl = `http://127.0.0.1:${standardPort}/`;
var fieldsOf = {
  open: ["machine", "browser", "tab", "url", "identity", "clientId", "displayName", "scopes"],
  reload: [],
  navigate: ["to"],
  duplicate: ["as", "tab"],
  close: []
};
var requiredOf = {
  open: ["machine", "browser", "tab"],
  reload: [],
  navigate: ["to"],
  duplicate: ["as", "tab"],
  close: []
};
var browserTabKind = defineStepKind({
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
      as: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._:#-]*$" }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    const s = step.browserTab;
    const given = s;
    for (const key of Object.keys(given)) {
      if (key !== "action" && key !== "client" && !fieldsOf[s.action].includes(key)) model.problem(`${at}/${key}`, `${key} does not belong to a ${s.action} action`);
    }
    for (const key of requiredOf[s.action]) if (given[key] === void 0) model.problem(`${at}/${key}`, `a ${s.action} action needs ${key}`);
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
        if (model.browserTabs.get(s.client)) model.browserTabs.get(s.client).open = false;
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
          ...s.clientId !== void 0 ? { clientId: s.clientId } : {},
          ...s.displayName !== void 0 ? { displayName: s.displayName } : {},
          ...s.scopes !== void 0 ? { scopes: s.scopes } : {}
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
  print: (step) => printTab(step.browserTab)
});
function checkOpen(s, model, at) {
  if (s.machine !== void 0 && !model.machines.has(s.machine)) model.problem(`${at}/machine`, `no machine named '${s.machine}'`);
  if (typeof s.identity === "string" && !model.identities.has(s.identity)) model.problem(`${at}/identity`, `unknown identity '${s.identity}'`);
  const url = (s.url ?? defaultControlUiPageUrl).replace(/\{\{[^}]*\}\}/g, "x");
  if (controlUiPageAddress(url) === null) model.problem(`${at}/url`, `not an absolute http(s) URL: '${s.url}'`);
  declareTab(model, at, s.client, { machine: s.machine, browser: s.browser, tab: s.tab }, "client");
}
function declareTab(model, at, client, place, field) {
  if (model.clients.has(client)) model.problem(`${at}/${field}`, `a client named '${client}' was already started`);
  for (const [other, t] of model.browserTabs) {
    if (t.open && t.machine === place.machine && t.browser === place.browser && t.tab === place.tab) {
      model.problem(`${at}/tab`, `tab ${place.tab} of ${place.browser} on ${place.machine} is already open (client '${other}')`);
    }
  }
  model.clients.add(client);
  model.browserTabs.set(client, { ...place, open: true });
}
function requireOpenTab(model, at, client) {
  const tab = model.browserTabs.get(client);
  if (!tab) model.problem(`${at}/client`, `no browser tab runs a client named '${client}' (open one first)`);
  else if (!tab.open) model.problem(`${at}/client`, `the tab of '${client}' was closed`);
}
function profileIdentity(s, env) {
  if (s.identity === null) return null;
  const seed = s.identity !== void 0 ? env.seeds[s.identity] : identitySeedFor(`browser:${s.machine}/${s.browser}`);
  return identityFromSeed(Uint8Array.from(Buffer.from(seed, "hex")));
}
function printTab(s) {
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

// src/scenario/lang/kinds/browser-storage.ts
var browserStorageKind = defineStepKind({
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
      clearSiteData: { const: true }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    const s = step.browserStorage;
    if (!model.machines.has(s.machine)) model.problem(`${at}/machine`, `no machine named '${s.machine}'`);
    if (s.clearSiteData) {
      for (const k of ["area", "tab", "key", "value"]) if (s[k] !== void 0) model.problem(`${at}/${k}`, `clearSiteData empties everything; ${k} does not belong`);
      return;
    }
    for (const k of ["area", "key", "value"]) if (s[k] === void 0) model.problem(`${at}/${k}`, `a storage edit needs ${k} (or clearSiteData: true)`);
    if (s.area === "session" && s.tab === void 0) model.problem(`${at}/tab`, "sessionStorage belongs to a tab: give tab");
    if (s.area === "local" && s.tab !== void 0) model.problem(`${at}/tab`, "localStorage is the profile's, not a tab's");
  },
  run(step, env) {
    const s = step.browserStorage;
    env.world.updateMachine(
      s.machine,
      (m) => {
        let storage = browser(m, s.browser);
        if (s.clearSiteData) return withBrowser(m, s.browser, clearSiteData(storage));
        const area = s.area === "session" ? { area: "session", tabId: s.tab } : { area: "local" };
        if (area.area === "session" && !(area.tabId in storage.sessionStorageByTab)) storage = openTab(storage, area.tabId);
        const next = s.value === null ? storageRemove(storage, area, s.key) : storageSet(storage, area, s.key, env.resolve(s.value));
        return withBrowser(m, s.browser, next);
      },
      `edit the browser storage: ${describe2(s)}`
    );
  },
  print: (step) => `edit ${step.browserStorage.browser}'s storage on ${step.browserStorage.machine}: ${describe2(step.browserStorage)}`
});
function describe2(s) {
  if (s.clearSiteData) return "clear site data";
  const where = s.area === "session" ? `sessionStorage of tab ${s.tab}` : "localStorage";
  return s.value === null ? `remove ${s.key} from ${where}` : `set ${s.key} in ${where}`;
}

// src/scenario/lang/kinds/expect-browser-tab.ts
var expectBrowserTabKind = defineStepKind({
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
        additionalProperties: false
      },
      rule: { type: "string" }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!model.browserTabs.has(step.expectBrowserTab.client)) {
      model.problem(`${at}/client`, `no browser tab runs a client named '${step.expectBrowserTab.client}' (open one first)`);
    }
  },
  run(step, env) {
    const e = step.expectBrowserTab;
    const at = `step ${env.stepIndex} (tab of ${e.client})`;
    const check = (ok, message) => env.ctx.check(ok, e.rule ?? "case-expect", `${at}: ${message}`);
    const tab = controlUiTabOf(env.world, e.client);
    if (!tab) return void check(false, "not a browser tab of this world");
    const spec = env.world.machine(tab.options.machine).clients.get(e.client);
    if (spec?.kind !== "control-ui") return void check(false, "not a Control UI client");
    const origin = env.world.planMachineClient(tab.options.machine, spec).origin;
    const stored = origin.kind === "browser-storage" ? origin.token : void 0;
    const where = origin.kind === "browser-storage" ? origin.area : "storage";
    if (e.tokenStored !== void 0) check(stored !== void 0 === e.tokenStored, `token ${stored !== void 0 ? "present" : "absent"} in ${where}, expected ${e.tokenStored ? "present" : "absent"}`);
    if (e.token !== void 0) {
      const want = env.resolve(e.token);
      check(stored === want, `token in ${where} is ${stored === void 0 ? "absent" : JSON.stringify(stored)}, expected ${JSON.stringify(want)}`);
    }
    const url = tab.pageUrl;
    if (e.url !== void 0) check(url === env.resolve(e.url), `address is ${url}, expected ${env.resolve(e.url)}`);
    if (e.urlContains !== void 0) check(url.includes(env.resolve(e.urlContains)), `address ${url} lacks ${JSON.stringify(e.urlContains)}`);
    if (e.urlNotContains !== void 0) check(!url.includes(env.resolve(e.urlNotContains)), `address ${url} still has ${JSON.stringify(e.urlNotContains)}`);
    if (e.storage) {
      const s = e.storage;
      const storage = browser(env.world.machine(tab.options.machine).machine, tab.options.browser);
      const value = storageGet(storage, s.area === "session" ? { area: "session", tabId: tab.options.tabId } : { area: "local" }, s.key);
      const name = `${s.area}Storage ${s.key}`;
      if (s.present !== void 0) check(value !== null === s.present, `${name} ${value !== null ? "present" : "absent"}, expected ${s.present ? "present" : "absent"}`);
      if (s.equals !== void 0) check(value === env.resolve(s.equals), `${name} is ${JSON.stringify(value)}, expected ${JSON.stringify(env.resolve(s.equals))}`);
    }
  },
  print: (step) => `expect the tab of ${step.expectBrowserTab.client} ${JSON.stringify({ ...step.expectBrowserTab, client: void 0, rule: void 0 })}`
});

// src/scenario/lang/kinds/clock.ts
var clockKind = defineStepKind({
  kind: "clock",
  schema: { type: "object", required: ["host", "deltaMs"], properties: { host: { type: "string" }, deltaMs: { type: "integer" } }, additionalProperties: false },
  check(step, model, at) {
    if (!model.hosts.has(step.clock.host)) model.problem(`${at}/host`, `no host named '${step.clock.host}'`);
    else if (model.standard && step.clock.host === "gateway-host") model.problem(`${at}/host`, "the gateway host's clock is everyone's there: skew a peer");
  },
  run: (step, env) => env.world.skewClock(step.clock.host, step.clock.deltaMs),
  print: (step) => `clock of ${step.clock.host} jumps ${step.clock.deltaMs} ms`
});

// src/scenario/lang/kinds/expect-config.ts
var expectConfigKind = defineStepKind({
  kind: "expectConfig",
  schema: {
    type: "object",
    required: ["machine", "path", "equals", "rule"],
    properties: { machine: { type: "string" }, path: { type: "string" }, equals: {}, rule: { type: "string" } },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!model.machines.has(step.expectConfig.machine)) model.problem(`${at}/machine`, `no machine named '${step.expectConfig.machine}'`);
  },
  run(step, env) {
    const e = step.expectConfig;
    const config = env.world.machine(e.machine).machine.config.config;
    const segments = splitConfigPath(e.path);
    const found = segments.kind === "ok" ? getAtPath(config, segments.segments) : { found: false, value: void 0 };
    const actual = found.found ? found.value : void 0;
    const shown = actual === void 0 ? "(unset)" : typeof actual === "string" ? actual : JSON.stringify(actual);
    env.ctx.check(JSON.stringify(actual) === JSON.stringify(e.equals), e.rule, `${e.path} is ${shown} on ${e.machine}, expected ${JSON.stringify(e.equals)}`);
  },
  print: (step) => `expect ${step.expectConfig.path} = ${JSON.stringify(step.expectConfig.equals)} on ${step.expectConfig.machine}`
});

// src/scenario/lang/kinds/expect-connected.ts
var expectConnectedKind = defineStepKind({
  kind: "expectConnected",
  schema: {
    type: "object",
    required: ["clients", "while"],
    properties: { clients: { type: "array", items: { type: "string" }, minItems: 1 }, while: { type: "string" }, rule: { type: "string" } },
    additionalProperties: false
  },
  check(step, model, at) {
    step.expectConnected.clients.forEach((name, i) => {
      if (!model.clients.has(name)) model.problem(`${at}/clients/${i}`, `no client named '${name}' was started before`);
    });
  },
  run(step, env) {
    const e = step.expectConnected;
    for (const client of e.clients) {
      const hellos = env.world.trace.events.filter((ev) => ev.actor === client && ev.kind === "client" && ev.data["event"] === "hello").length;
      env.ctx.check(hellos > 0, e.rule ?? "setup", `${client} never reached hello while ${e.while}`);
    }
  },
  print: (step) => `expect ${step.expectConnected.clients.join(", ")} connected (${step.expectConnected.while})`
});

// src/scenario/lang/kinds/expect-event.ts
var expectEventKind = defineStepKind({
  kind: "expectEvent",
  schema: {
    type: "object",
    required: ["kind", "match", "rule", "message"],
    properties: {
      kind: { enum: ["gateway", "client", "host", "operator"] },
      match: { type: "object", minProperties: 1 },
      present: { type: "boolean" },
      rule: { type: "string" },
      message: { type: "string" }
    },
    additionalProperties: false
  },
  check() {
  },
  run(step, env) {
    const e = step.expectEvent;
    const found = env.world.trace.events.some((ev) => ev.kind === e.kind && Object.entries(e.match).every(([k, v]) => JSON.stringify(ev.data[k]) === JSON.stringify(v)));
    env.ctx.check(found === (e.present ?? true), e.rule, e.message);
  },
  print: (step) => `expect ${step.expectEvent.present === false ? "no " : ""}${step.expectEvent.kind} event ${JSON.stringify(step.expectEvent.match)}`
});

// src/scenario/lang/kinds/expect-rpc.ts
var expectRpcKind = defineStepKind({
  kind: "expectRpc",
  schema: {
    type: "object",
    required: ["client", "ok", "rule", "message"],
    properties: { client: { type: "string" }, ok: { type: "boolean" }, rule: { type: "string" }, message: { type: "string" } },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!model.clients.has(step.expectRpc.client)) model.problem(`${at}/client`, `no client named '${step.expectRpc.client}' was started before`);
  },
  run(step, env) {
    const e = step.expectRpc;
    const results = env.world.trace.events.filter((ev) => ev.actor === e.client && ev.kind === "client" && ev.data["event"] === "rpc-result");
    const last = results.at(-1)?.data;
    const error = last?.["error"];
    const answer = last === void 0 ? "no answer" : last["ok"] === true ? "ok" : error?.message ?? JSON.stringify(last["error"] ?? null);
    env.ctx.check(last !== void 0 && last["ok"] === true === e.ok, e.rule, `${e.message} (${answer})`);
  },
  print: (step) => `expect ${step.expectRpc.client}'s last call ${step.expectRpc.ok ? "ok" : "refused"}`
});

// src/scenario/lang/kinds/gateway-start.ts
var gatewayStartKind = defineStepKind({
  kind: "gatewayStart",
  schema: {
    type: "object",
    required: ["machine", "via"],
    properties: { machine: { type: "string" }, via: { enum: ["service", "foreground"] }, onlyIfStopped: { type: "boolean" } },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!model.machines.has(step.gatewayStart.machine)) model.problem(`${at}/machine`, `no machine named '${step.gatewayStart.machine}'`);
  },
  run(step, env) {
    const { machine, via, onlyIfStopped } = step.gatewayStart;
    if (onlyIfStopped === true && env.world.gateways.get(env.world.machine(machine).gatewayName)?.running === true) return;
    if (via === "service") env.world.startGatewayService(machine);
    else env.world.startGatewayForeground(machine);
  },
  print: (step) => `gateway on ${step.gatewayStart.machine} starts (${step.gatewayStart.via})`
});

// src/scenario/lang/kinds/publish-port.ts
var port = { type: "integer", minimum: 1, maximum: 65535 };
var publishPortKind = defineStepKind({
  kind: "publishPort",
  schema: {
    type: "object",
    required: ["machine", "on", "port"],
    properties: { machine: { type: "string" }, on: { type: "string" }, port, containerPort: port, bind: { enum: ["all", "loopback"] } },
    additionalProperties: false
  },
  check(step, model, at) {
    const p = step.publishPort;
    if (!model.machines.has(p.machine)) model.problem(`${at}/machine`, `no machine named '${p.machine}' was added before`);
    if (!model.hosts.has(p.on)) model.problem(`${at}/on`, `no host named '${p.on}' was added before`);
  },
  run(step, env) {
    const p = step.publishPort;
    env.world.publishPort({ machine: p.machine, on: p.on, port: p.port, ...p.containerPort !== void 0 ? { containerPort: p.containerPort } : {}, ...p.bind ? { bind: p.bind } : {} });
  },
  print: (step) => {
    const p = step.publishPort;
    return `port ${p.bind === "loopback" ? "127.0.0.1:" : ""}${p.port} on ${p.on} published to ${p.machine}:${p.containerPort ?? p.port}`;
  }
});

// src/scenario/lang/kinds/machine-file.ts
var machineFileKind = defineStepKind({
  kind: "machineFile",
  schema: {
    type: "object",
    required: ["machine", "file", "action"],
    properties: { machine: { type: "string" }, file: { enum: ["device-auth"] }, action: { enum: ["delete"] } },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!model.machines.has(step.machineFile.machine)) model.problem(`${at}/machine`, `no machine named '${step.machineFile.machine}' was added before`);
  },
  run(step, env) {
    env.world.deleteOperatorDeviceAuth(step.machineFile.machine);
  },
  print: (step) => `${step.machineFile.machine}: the operator's ${step.machineFile.file} file ${step.machineFile.action}d`
});

// src/scenario/lang/kinds/host.ts
var hostKind = defineStepKind({
  kind: "host",
  schema: {
    type: "object",
    required: ["name"],
    properties: { name: { type: "string", minLength: 1 }, kind: { enum: ["lan", "tailnet", "remote"] }, address: { type: "string" } },
    additionalProperties: false
  },
  check(step, model, at) {
    if (model.hosts.has(step.host.name)) model.problem(`${at}/name`, `a host named '${step.host.name}' already exists`);
    model.hosts.add(step.host.name);
  },
  run(step, env) {
    const h = step.host;
    env.world.addHost({ name: h.name, kind: h.kind ?? "lan", ...h.address !== void 0 ? { address: h.address } : {} });
  },
  print: (step) => `host ${step.host.name} (${step.host.kind ?? "lan"}${step.host.address ? ` ${step.host.address}` : ""})`
});

// src/scenario/lang/kinds/lifecycle.ts
function known(model, at, name) {
  if (!model.clients.has(name)) model.problem(at, `no client named '${name}' was started before`);
}
var stopKind = defineStepKind({
  kind: "stop",
  schema: { type: "string", description: "the client the user stops" },
  check: (step, model, at) => known(model, at, step.stop),
  run: (step, env) => env.world.client(step.stop).stop(),
  print: (step) => `stop ${step.stop}`
});
var startKind = defineStepKind({
  kind: "start",
  schema: { type: "string", description: "the stopped or paused client the user starts again" },
  check: (step, model, at) => known(model, at, step.start),
  run: (step, env) => env.world.client(step.start).start(),
  print: (step) => `start ${step.start} again`
});
var refreshKind = defineStepKind({
  kind: "refresh",
  schema: { type: "string", description: "a machine client that re-reads its credentials" },
  check: (step, model, at) => known(model, at, step.refresh),
  run: (step, env) => void env.world.refreshClientCredentials(step.refresh),
  print: (step) => `${step.refresh} re-reads its credentials`
});
var callKind = defineStepKind({
  kind: "call",
  schema: {
    type: "object",
    required: ["client", "method"],
    properties: { client: { type: "string" }, method: { type: "string" }, params: { type: "object" } },
    additionalProperties: false
  },
  check: (step, model, at) => known(model, `${at}/client`, step.call.client),
  run: (step, env) => env.world.client(step.call.client).call(step.call.method, step.call.params ?? {}),
  print: (step) => `${step.call.client} calls ${step.call.method}`
});

// src/scenario/lang/kinds/machine-client.ts
var connection = { type: "object", properties: { url: { type: "string" }, token: { type: "string" }, password: { type: "string" } }, additionalProperties: false };
var machineClientKind = defineStepKind({
  kind: "machineClient",
  schema: {
    type: "object",
    required: ["machine", "name", "kind"],
    properties: {
      machine: { type: "string" },
      name: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._:#-]*$" },
      user: { type: "string" },
      kind: { enum: clientKinds },
      identity: { type: ["string", "null"] },
      clientId: { type: "string" },
      displayName: { type: "string" },
      scopes: { type: "array", items: { type: "string" } },
      flags: connection,
      call: { type: "object", required: ["method"], properties: { method: { type: "string" }, params: { type: "object" } }, additionalProperties: false },
      browser: { type: "string" },
      tabId: { type: "string" },
      pageOrigin: { type: "string" },
      env: { type: "object", additionalProperties: { type: "string" } },
      relaunch: { type: "boolean" }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    const c2 = step.machineClient;
    if (!model.machines.has(c2.machine)) model.problem(`${at}/machine`, `no machine named '${c2.machine}'`);
    if (c2.relaunch === true && !model.clients.has(c2.name)) model.problem(`${at}/relaunch`, `no client named '${c2.name}' was started before`);
    if (c2.relaunch !== true && model.clients.has(c2.name)) model.problem(`${at}/name`, `a client named '${c2.name}' was already started (relaunch: true starts a new process under the name)`);
    model.clients.add(c2.name);
    if (typeof c2.identity === "string" && !model.identities.has(c2.identity)) model.problem(`${at}/identity`, `unknown identity '${c2.identity}'`);
    if (c2.kind === "cli" && c2.call === void 0) model.problem(`${at}/call`, "a CLI process makes one call");
    if (c2.kind === "control-ui" && c2.browser === void 0) model.problem(`${at}/browser`, "a Control UI runs in a browser profile");
    if (c2.env !== void 0 && (c2.kind === "control-ui" || c2.kind === "cli")) model.problem(`${at}/env`, "env belongs to a tui, backend or node process");
    if (c2.kind !== "control-ui" && (c2.browser !== void 0 || c2.tabId !== void 0 || c2.pageOrigin !== void 0)) {
      model.problem(at, "browser, tabId and pageOrigin belong to a control-ui client");
    }
  },
  run(step, env) {
    if (step.machineClient.relaunch === true) env.world.client(step.machineClient.name).stop();
    startMachineClient(step.machineClient, env);
  },
  print: (step) => `${step.machineClient.relaunch === true ? "relaunch" : "start"} ${step.machineClient.kind} ${step.machineClient.name} on machine ${step.machineClient.machine}`
});
function specOf(c2, env) {
  const seed = typeof c2.identity === "string" ? env.seeds[c2.identity] : void 0;
  const identity = seed ? identityFromSeed(Uint8Array.from(Buffer.from(seed, "hex"))) : null;
  const common2 = {
    identity,
    ...c2.kind === "tui" && c2.clientId === void 0 ? releaseTuiIdentity(env.profile) : {},
    ...c2.clientId !== void 0 ? { clientId: c2.clientId } : {},
    ...c2.displayName !== void 0 ? { displayName: c2.displayName } : {},
    ...c2.scopes !== void 0 ? { scopes: c2.scopes } : {}
  };
  const flags = c2.flags ? { flags: Object.fromEntries(Object.entries(c2.flags).map(([k, v]) => [k, env.resolve(v)])) } : {};
  const ownEnv = c2.env ? { env: { from: "env", env: Object.fromEntries(Object.entries(c2.env).map(([k, v]) => [k, env.resolve(v)])) } } : {};
  switch (c2.kind) {
    case "cli":
      return { kind: "cli", ...common2, ...flags, call: c2.call };
    case "control-ui":
      return { kind: "control-ui", ...common2, browser: c2.browser, ...c2.tabId !== void 0 ? { tabId: c2.tabId } : {} };
    default:
      return { kind: c2.kind, ...common2, ...flags, ...ownEnv };
  }
}
function startMachineClient(c2, env) {
  const { world } = env;
  const spec = specOf(c2, env);
  if (spec.kind === "control-ui" && c2.pageOrigin !== void 0) {
    const node = world.machine(c2.machine);
    const plan = world.planMachineClient(c2.machine, spec);
    node.clients.set(c2.name, spec);
    world.addClient({ name: c2.name, host: node.host, user: c2.user ?? `browser:${spec.browser}`, client: { ...plan.options, origin: c2.pageOrigin } });
    return;
  }
  world.addMachineClient(c2.machine, { name: c2.name, ...c2.user !== void 0 ? { user: c2.user } : {}, spec });
}

// src/scenario/lang/kinds/machine.ts
var legacyInstallerVersion = "2026.2.14";
var machineKind = defineStepKind({
  kind: "machine",
  schema: {
    type: "object",
    required: ["name", "host", "config"],
    properties: {
      name: { type: "string", minLength: 1 },
      host: { type: "string" },
      config: { type: "object" },
      shellEnv: { type: "object", additionalProperties: { type: "string" } },
      dotEnv: { type: ["string", "null"] },
      cliIdentity: { type: ["string", "null"] },
      legacyUnit: { type: "object", required: ["config"], properties: { config: { type: "object" }, version: { type: "string" } }, additionalProperties: false },
      container: { type: "boolean", description: "a container: releases from 2026.4.14 treat an unset gateway.bind as auto (every interface)" }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    const m = step.machine;
    if (model.machines.has(m.name)) model.problem(`${at}/name`, `a machine named '${m.name}' already exists`);
    model.machines.add(m.name);
    if (!model.hosts.has(m.host)) model.problem(`${at}/host`, `no host named '${m.host}' was added before`);
    if (typeof m.cliIdentity === "string" && !model.identities.has(m.cliIdentity)) model.problem(`${at}/cliIdentity`, `unknown identity '${m.cliIdentity}'`);
  },
  run(step, env) {
    const m = step.machine;
    let machine = createMachine({ name: m.name, config: m.config, ...m.shellEnv ? { shellEnv: m.shellEnv } : {}, dotEnvText: m.dotEnv ?? null, container: m.container === true });
    if (m.legacyUnit) {
      const switches = { ...env.profile.service, unitEmbedsToken: true };
      const unit = installServiceUnit({ config: m.legacyUnit.config, switches, version: m.legacyUnit.version ?? legacyInstallerVersion });
      machine = withServiceUnit(machine, unit);
    }
    const seed = typeof m.cliIdentity === "string" ? env.seeds[m.cliIdentity] : void 0;
    const cliIdentity = seed ? identityFromSeed(Uint8Array.from(Buffer.from(seed, "hex"))) : null;
    env.world.addMachine({ name: m.name, host: m.host, machine, cliIdentity });
  },
  print: (step) => `machine ${step.machine.name} on ${step.machine.host}${step.machine.container ? " (a container)" : ""}${step.machine.legacyUnit ? " (legacy service unit)" : ""}`
});

// src/scenario/lang/kinds/markers.ts
var warmUpMarginMs = 1e3;
var convergeKind = defineStepKind({
  kind: "converge",
  schema: { type: "string", minLength: 1, description: "what just happened that clients must now recover from" },
  check() {
  },
  run: (step, env) => env.ctx.note(step.converge, { converge: true }),
  print: (step) => `converge: ${step.converge}`
});
var noteKind = defineStepKind({
  kind: "note",
  schema: { type: "string" },
  check() {
  },
  run: (step, env) => env.ctx.note(step.note),
  print: (step) => `note: ${step.note}`
});
var warmUpKind = defineStepKind({
  kind: "warmUp",
  schema: { type: "object", properties: { plusMs: { type: "integer", minimum: 0 } }, additionalProperties: false },
  check() {
  },
  async run(step, env) {
    const ms = (env.profile.gateway.startupUnavailableMs ?? 0) + (step.warmUp.plusMs ?? warmUpMarginMs);
    requireWithinBudget(await env.world.advance(ms));
  },
  print: (step) => `wait out the gateway's start-up window${step.warmUp.plusMs !== void 0 ? ` + ${step.warmUp.plusMs} ms` : ""}`
});

// src/scenario/lang/kinds/openclaw.ts
var openclawCommandKinds = [
  "config-get",
  "config-set",
  "config-unset",
  "rotate-shared-token",
  "gateway-install",
  "gateway-restart",
  "doctor",
  "devices-list",
  "devices-approve",
  "devices-reject",
  "devices-remove",
  "devices-rotate",
  "devices-revoke",
  "devices-clear",
  "nodes-pending",
  "nodes-approve",
  "nodes-reject"
];
var requiredFields = {
  "config-get": ["path"],
  "config-set": ["path", "value"],
  "config-unset": ["path"],
  "rotate-shared-token": ["newToken"],
  "devices-approve": ["requestId"],
  "devices-reject": ["requestId"],
  "devices-remove": ["deviceId"],
  "devices-rotate": ["deviceId", "role"],
  "devices-revoke": ["deviceId", "role"],
  "nodes-approve": ["requestId"],
  "nodes-reject": ["requestId"]
};
var connection2 = { type: "object", properties: { url: { type: "string" }, token: { type: "string" }, password: { type: "string" } }, additionalProperties: false };
var openclawKind = defineStepKind({
  kind: "openclaw",
  schema: {
    type: "object",
    required: ["machine", "command"],
    properties: {
      machine: { type: "string" },
      command: {
        type: "object",
        required: ["kind"],
        properties: {
          kind: { enum: openclawCommandKinds },
          path: { type: "string" },
          value: {},
          newToken: { type: "string" },
          force: { type: "boolean" },
          token: { type: "string" },
          fix: { type: "boolean" },
          yes: { type: "boolean" },
          pending: { type: "boolean" },
          requestId: { type: "string" },
          deviceId: { type: "string" },
          role: { type: "string" },
          scopes: { type: "array", items: { type: "string" } },
          connection: connection2
        },
        additionalProperties: false
      },
      doctorSnapshot: { type: "string" },
      otherDoctorFixesPending: { type: "boolean" },
      expectOk: { type: "string" }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!model.machines.has(step.openclaw.machine)) model.problem(`${at}/machine`, `no machine named '${step.openclaw.machine}'`);
    const command = step.openclaw.command;
    for (const field of requiredFields[command.kind] ?? []) {
      if (command[field] === void 0) model.problem(`${at}/command`, `${command.kind} needs ${field}`);
    }
    for (const ref of JSON.stringify(step.openclaw.command).matchAll(/\{\{device(?:Id|Token):([^}:/]+)/g)) {
      if (!model.identities.has(ref[1])) model.problem(`${at}/command`, `unknown identity '${ref[1]}'`);
    }
  },
  run(step, env) {
    const o = step.openclaw;
    const command = resolveDeep2(o.command, env);
    const snapshot = o.doctorSnapshot !== void 0 ? env.snapshots.get(o.doctorSnapshot) : void 0;
    const run2 = env.world.operator(o.machine, command, {
      ...snapshot !== void 0 ? { doctorSnapshot: snapshot } : {},
      ...o.otherDoctorFixesPending !== void 0 ? { otherDoctorFixesPending: o.otherDoctorFixesPending } : {}
    });
    if (o.expectOk !== void 0) {
      const why = run2.rpc && !run2.rpc.ok ? run2.rpc.error.message : "no answer";
      env.ctx.check(run2.rpc?.ok === true, o.expectOk, `${run2.line} failed: ${why}`);
    }
  },
  print: (step) => `on ${step.openclaw.machine}: ${formatOperatorCommand(step.openclaw.command)}`
});
function resolveDeep2(value, env) {
  if (typeof value === "string") return env.resolve(value);
  if (Array.isArray(value)) return value.map((v) => resolveDeep2(v, env));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep2(v, env)]));
  return value;
}

// src/scenario/lang/kinds/script.ts
var scripts = /* @__PURE__ */ new Map();
function scriptNames() {
  return [...scripts.keys()];
}
var scriptKind = defineStepKind({
  kind: "script",
  schema: {
    type: "object",
    required: ["name"],
    properties: { name: { type: "string" }, args: { type: "object" } },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!scripts.has(step.script.name)) model.problem(`${at}/name`, `no script named '${step.script.name}' is registered (${scriptNames().join(", ") || "none"})`);
  },
  run(step, env) {
    return scripts.get(step.script.name)(env, step.script.args ?? {});
  },
  print: (step) => `script ${step.script.name}`
});

// src/scenario/lang/kinds/snapshot.ts
var snapshotKind = defineStepKind({
  kind: "snapshot",
  schema: { type: "object", required: ["machine", "as"], properties: { machine: { type: "string" }, as: { type: "string" } }, additionalProperties: false },
  check(step, model, at) {
    if (!model.machines.has(step.snapshot.machine)) model.problem(`${at}/machine`, `no machine named '${step.snapshot.machine}'`);
  },
  run(step, env) {
    env.snapshots.set(step.snapshot.as, env.world.machine(step.snapshot.machine).machine.config);
  },
  print: (step) => `snapshot ${step.snapshot.machine}'s config as ${step.snapshot.as}`
});

// src/scenario/lang/kinds/setup-code.ts
var setupCodeKind = defineStepKind({
  kind: "setupCode",
  schema: {
    type: "object",
    required: ["name"],
    properties: {
      name: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$" },
      machine: { type: "string" },
      refusedWith: { type: "string" }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    const s = step.setupCode;
    const machine = s.machine ?? gatewayMachineName;
    if (!model.machines.has(machine)) model.problem(`${at}/machine`, `no machine named '${machine}'`);
    if (model.setupCodes.has(s.name)) model.problem(`${at}/name`, `a setup code named '${s.name}' was already made`);
    if (s.refusedWith === void 0) model.setupCodes.add(s.name);
  },
  run(step, env) {
    const s = step.setupCode;
    const run2 = env.world.operator(s.machine ?? gatewayMachineName, op.qr());
    const refusal = run2.outcome.kind === "config-error" ? run2.outcome.message : void 0;
    if (s.refusedWith !== void 0) {
      const why = refusal === void 0 ? "it printed a setup code" : `it said ${JSON.stringify(refusal)}`;
      env.ctx.check(refusal?.includes(s.refusedWith) === true, "setup-code", `${run2.line} was expected to refuse with ${JSON.stringify(s.refusedWith)}; ${why}`);
      return;
    }
    if (!env.ctx.check(run2.setupCode !== void 0, "setup-code", `${run2.line} refused: ${refusal ?? run2.outcome.kind}`)) return;
    env.setupCodes.set(s.name, run2.setupCode);
  },
  print: (step) => `on ${step.setupCode.machine ?? gatewayMachineName}: openclaw qr --setup-code-only (setup code ${step.setupCode.name})`
});

// src/scenario/lang/kinds/net-fault.ts
var netFaultNames = ["drop", "duplicate", "partition", "resetAll", "processRestart", "gatewayCrash", "clockJump", "delay"];
var downMs = { type: "object", required: ["downMs"], properties: { downMs: { type: "integer", minimum: 0 } }, additionalProperties: false };
var netFaultKind = defineStepKind({
  kind: "netFault",
  schema: {
    type: "object",
    required: ["forMs"],
    properties: {
      drop: { type: "string", pattern: "^\\d+/\\d+$" },
      duplicate: { type: "string", pattern: "^\\d+/\\d+$" },
      partition: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 },
      resetAll: { const: true },
      processRestart: downMs,
      gatewayCrash: downMs,
      clockJump: { type: "object", required: ["host", "deltaMs"], properties: { host: { type: "string" }, deltaMs: { type: "integer" } }, additionalProperties: false },
      delay: { type: "object", required: ["ms"], properties: { ms: { type: "integer", minimum: 0 } }, additionalProperties: false },
      forMs: { type: "integer", minimum: 0 },
      gateway: { type: "string" }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    const f = step.netFault;
    const names = netFaultNames.filter((k) => k in f);
    checkGatewayName(f.gateway, model, at);
    if (names.length !== 1) model.problem(at, `a netFault has exactly one of ${netFaultNames.join(", ")}`);
    for (const key of ["drop", "duplicate"]) {
      const text5 = f[key];
      if (text5 !== void 0 && parseRatio(text5) === void 0) model.problem(`${at}/${key}`, `'${text5}' is not a ratio like 1/20`);
    }
    for (const [i, host] of (f.partition ?? []).entries()) if (!model.hosts.has(host)) model.problem(`${at}/partition/${i}`, `no host named '${host}'`);
    if (f.clockJump && !model.hosts.has(f.clockJump.host)) model.problem(`${at}/clockJump/host`, `no host named '${f.clockJump.host}'`);
  },
  run(step, env) {
    const f = step.netFault;
    const name = netFaultNames.find((k) => k in f);
    const end = startFault(f, name, env);
    env.world.scheduler.schedule(f.forMs, { actor: "fault", label: `end ${name.replace(/[A-Z]/g, (c2) => `-${c2.toLowerCase()}`)}`, traced: true }, end);
  },
  print: (step) => `${describeNetFault(step.netFault)} for ${step.netFault.forMs} ms`
});
function startFault(f, name, env) {
  const { world } = env;
  const ruled = (rule) => {
    env.rules.push(rule);
    return () => {
      const i = env.rules.indexOf(rule);
      if (i < 0) return;
      env.rules.splice(i, 1);
      rule.remove();
    };
  };
  const gateway = () => world.gateway(f.gateway ?? "gateway");
  switch (name) {
    case "drop":
      return ruled(world.network.addRule(drop({ ratio: parseRatio(f.drop) })));
    case "duplicate":
      return ruled(world.network.addRule(duplicate({ ratio: parseRatio(f.duplicate) })));
    case "partition":
      return ruled(world.partition(f.partition[0], f.partition[1]));
    case "resetAll":
      for (const id of world.network.connectionIds()) world.network.reset(id);
      return () => {
      };
    case "processRestart":
      gateway().restart(void 0, f.processRestart.downMs);
      return () => {
      };
    case "gatewayCrash": {
      const node = gateway();
      node.crash();
      world.scheduler.schedule(f.gatewayCrash.downMs, { actor: "fault", label: "gateway back", traced: true }, () => node.start());
      return () => {
      };
    }
    case "clockJump":
      world.skewClock(f.clockJump.host, f.clockJump.deltaMs);
      return () => {
      };
    case "delay":
      return ruled(world.network.addRule(gatewayFramesLate(f.delay.ms)));
  }
}
function describeNetFault(f) {
  if (f.drop !== void 0) return `drop ${f.drop} of packets`;
  if (f.duplicate !== void 0) return `duplicate ${f.duplicate} of packets`;
  if (f.partition) return `partition ${f.partition[0]} | ${f.partition[1]}`;
  if (f.resetAll) return "reset every connection";
  if (f.processRestart) return `gateway process restart in place (down ${f.processRestart.downMs} ms)`;
  if (f.gatewayCrash) return `gateway crash (down ${f.gatewayCrash.downMs} ms)`;
  if (f.delay) return `every gateway frame ${f.delay.ms} ms late`;
  if (f.clockJump) return `clock of ${f.clockJump.host} jumps ${f.clockJump.deltaMs} ms`;
  return "no fault";
}

// src/scenario/lang/kinds/attack.ts
var attackKinds = ["replay-connect", "reflect-nonce", "splice-signature", "downgrade-v2", "forge-device-id", "stale-device-token", "preauth-flood", "bad-frame"];
var badFrameShapes = ["oversized", "not-json", "wrong-first-method"];
var victimAttacks = ["replay-connect", "reflect-nonce", "splice-signature", "downgrade-v2", "stale-device-token"];
var adversarySeedHex = "ad".repeat(32);
var oversizedFrameBytes = 3e5;
var floodSocketsMax = 64;
var attackKind = defineStepKind({
  kind: "attack",
  schema: {
    type: "object",
    required: ["kind", "host", "url", "token"],
    properties: {
      kind: { enum: attackKinds },
      victim: { type: "string" },
      role: { enum: ["operator", "node"] },
      target: { type: "string" },
      sockets: { type: "integer", minimum: 1, maximum: floodSocketsMax },
      shape: { enum: badFrameShapes },
      host: { type: "string" },
      url: { type: "string" },
      token: { type: "string" }
    },
    additionalProperties: false
  },
  check(step, model, at) {
    const a = step.attack;
    if (victimAttacks.includes(a.kind) && a.victim === void 0) model.problem(`${at}/victim`, `a ${a.kind} attack needs the victim's identity`);
    if (a.victim !== void 0 && !model.identities.has(a.victim)) model.problem(`${at}/victim`, `unknown identity '${a.victim}'`);
    if (a.kind === "bad-frame" && a.shape === void 0) model.problem(`${at}/shape`, "a bad-frame attack names its shape");
    if (a.kind !== "bad-frame" && a.shape !== void 0) model.problem(`${at}/shape`, "shape belongs to a bad-frame attack");
    if (a.kind !== "preauth-flood" && a.sockets !== void 0) model.problem(`${at}/sockets`, "sockets belongs to a preauth-flood attack");
  },
  run(step, env) {
    const a = step.attack;
    const { world } = env;
    if (!world.network.hosts.has(a.host)) world.addHost({ name: a.host, kind: "lan" });
    const attempt = attackAttempt(a, env);
    const copies = a.kind === "preauth-flood" ? Math.min(a.sockets ?? 1, floodSocketsMax) : 1;
    const port2 = Number(new URL(a.url.replace(/^ws/, "http")).port);
    const gatewayToken = env.resolve(a.token);
    for (let i = 0; i < copies; i++) world.attempt({ fromHost: a.host, url: a.url, port: port2, gatewayToken, attempt });
  },
  print: (step) => `adversary: ${step.attack.kind}${step.attack.victim !== void 0 ? ` (${step.attack.victim})` : ""}${step.attack.shape ? ` ${step.attack.shape}` : ""}`
});
function params(env, fields) {
  const protocol = env.profile.gateway.protocolVersion;
  return {
    minProtocol: protocol,
    maxProtocol: protocol,
    client: { id: "cli", version: "chaos", platform: "linux", mode: "cli" },
    role: fields.role ?? "operator",
    scopes: fields.scopes ?? ["operator.admin"],
    auth: fields.auth ?? { token: "{{gatewayToken}}" }
  };
}
function attackAttempt(a, env) {
  const target = a.target ?? a.victim;
  const name = `${adversaryAttemptPrefix}${a.kind}${target !== void 0 ? `:${target}` : ""}`;
  const connect = { params: params(env, {}) };
  const victim = (extra) => ({ identitySeed: env.seeds[a.victim], payloadVersion: "v3", ...extra });
  switch (a.kind) {
    case "replay-connect":
      return { name, connect, device: victim({ nonce: "stale" }) };
    case "reflect-nonce":
      return { name, connect, device: victim({ nonce: "challenge", signNonce: "stale" }) };
    case "splice-signature":
      return { name, connect, device: { identitySeed: adversarySeedHex, payloadVersion: "v3", idOverride: env.deviceIdOf(a.victim) } };
    case "downgrade-v2":
      return { name, connect, device: victim({ payloadVersion: "v2", nonce: "stale" }) };
    case "forge-device-id":
      return { name, connect, device: { identitySeed: adversarySeedHex, payloadVersion: "v3", idOverride: "f".repeat(64) } };
    case "stale-device-token": {
      const role = a.role ?? "operator";
      const token = env.world.deviceTokenFor(env.deviceIdOf(a.victim), role) ?? "stale-device-token";
      return { name, connect: { params: params(env, { role, scopes: role === "node" ? [] : ["operator.admin"], auth: { deviceToken: token } }) } };
    }
    case "preauth-flood":
      return { name, waitMsMax: 2e3 };
    case "bad-frame":
      if (a.shape === "oversized") return { name, connect: { params: params(env, {}), padToBytes: oversizedFrameBytes } };
      if (a.shape === "not-json") return { name, connect: { raw: "{not json" } };
      return { name, connect: { raw: '{"type":"req","id":"a1","method":"health"}' } };
  }
}

// src/scenario/lang/kinds/host-env.ts
var hostEnvSites = ["shell-env", "dotenv", "unit"];
function withEnvAt(machine, site, name, value) {
  switch (site) {
    case "shell-env":
      return withShellEnv(machine, envWith(machine.shellEnv, name, value));
    case "dotenv":
      return withDotEnvText(machine, `${name}=${value}
`);
    case "unit": {
      const unit = machine.serviceUnit;
      if (!unit) return machine;
      return withServiceUnit(machine, { ...unit, environment: [...unit.environment.filter((e) => e.key !== name), { key: name, value }] });
    }
  }
}
var hostEnvKind = defineStepKind({
  kind: "hostEnv",
  schema: {
    type: "object",
    required: ["machine", "site", "name", "value"],
    properties: { machine: { type: "string" }, site: { enum: hostEnvSites }, name: { type: "string", pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, value: { type: "string" } },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!model.machines.has(step.hostEnv.machine)) model.problem(`${at}/machine`, `no machine named '${step.hostEnv.machine}'`);
  },
  run(step, env) {
    const e = step.hostEnv;
    const value = env.resolve(e.value);
    env.world.updateMachine(e.machine, (m) => withEnvAt(m, e.site, e.name, value), `${e.name}=${value} in ${e.site}`);
  },
  print: (step) => `on ${step.hostEnv.machine}: ${step.hostEnv.name}=${step.hostEnv.value} in ${step.hostEnv.site}`
});

// src/scenario/lang/kinds/settle-pending.ts
var settlePendingKind = defineStepKind({
  kind: "settlePending",
  schema: {
    type: "object",
    required: ["machine", "verdict"],
    properties: { machine: { type: "string" }, verdict: { enum: ["approve", "reject"] }, restart: { type: "array", items: { type: "string" } } },
    additionalProperties: false
  },
  check(step, model, at) {
    const s = step.settlePending;
    if (!model.machines.has(s.machine)) model.problem(`${at}/machine`, `no machine named '${s.machine}'`);
    (s.restart ?? []).forEach((name, i) => {
      if (!model.clients.has(name)) model.problem(`${at}/restart/${i}`, `no client named '${name}' was started before`);
    });
  },
  run(step, env) {
    const s = step.settlePending;
    const { world } = env;
    const list = world.operator(s.machine, op.devicesList());
    const pending = list.rpc?.ok ? list.rpc.payload.pending ?? [] : [];
    for (const request of pending) world.operator(s.machine, s.verdict === "approve" ? op.devicesApprove(request.requestId) : op.devicesReject(request.requestId));
    for (const name of s.restart ?? []) if (world.client(name).state.lifecycle === "paused") world.client(name).start();
  },
  print: (step) => `on ${step.settlePending.machine}: ${step.settlePending.verdict} every pending pairing request`
});

// src/scenario/lang/kinds/align-token.ts
function configTokenOf(machine) {
  const token = machine.config.config.gateway?.auth?.token;
  return typeof token === "string" ? token : "";
}
var alignTokenKind = defineStepKind({
  kind: "alignToken",
  schema: {
    type: "object",
    required: ["machine"],
    properties: {
      machine: { type: "string" },
      controlUi: { type: "array", items: { type: "object", required: ["browser", "tabId"], properties: { browser: { type: "string" }, tabId: { type: "string" } }, additionalProperties: false } },
      url: { type: "string" }
    },
    additionalProperties: false
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
      if (envValue(m.shellEnv, name) !== void 0) out = withShellEnv(out, envWith(out.shellEnv, name, token));
      if (m.dotEnvText !== null && m.dotEnvText.includes(name)) out = withDotEnvText(out, `${name}=${token}
`);
      const unit = out.serviceUnit;
      if (unit) out = withServiceUnit(out, { ...unit, environment: unit.environment.filter((e) => e.key !== name) });
      for (const tab of a.controlUi ?? []) {
        let storage = browser(out, tab.browser);
        if (!(tab.tabId in storage.sessionStorageByTab)) storage = openTab(storage, tab.tabId);
        const area = perTab ? { area: "session", tabId: tab.tabId } : { area: "local" };
        out = withBrowser(out, tab.browser, storageSet(storage, area, key, token));
      }
      return out;
    }, "heal: one gateway token in shell, .env and browser");
  },
  print: (step) => `on ${step.alignToken.machine}: the config's token everywhere (shell, .env, unit${step.alignToken.controlUi?.length ? ", Control UI" : ""})`
});

// src/scenario/lang/kinds/time-mark.ts
var timeMarkKind = defineStepKind({
  kind: "timeMark",
  schema: { type: "string", minLength: 1, description: "the name of this instant" },
  check(step, model, at) {
    if (model.marks.has(step.timeMark)) model.problem(at, `a time mark named '${step.timeMark}' was set before`);
    model.marks.add(step.timeMark);
  },
  run(step, env) {
    env.marks.set(step.timeMark, env.world.scheduler.nowMs());
  },
  print: (step) => `time mark ${step.timeMark}`
});
var waitUntilKind = defineStepKind({
  kind: "waitUntil",
  schema: {
    type: "object",
    required: ["mark", "ms"],
    properties: { mark: { type: "string" }, ms: { type: "integer", minimum: 0 } },
    additionalProperties: false
  },
  check(step, model, at) {
    if (!model.marks.has(step.waitUntil.mark)) model.problem(`${at}/mark`, `no time mark named '${step.waitUntil.mark}' was set before`);
  },
  async run(step, env) {
    const due = env.marks.get(step.waitUntil.mark) + step.waitUntil.ms;
    const waitMs = due - env.world.scheduler.nowMs();
    if (waitMs > 0) requireWithinBudget(await env.world.advance(waitMs));
  },
  print: (step) => `wait until ${step.waitUntil.ms} ms after ${step.waitUntil.mark}`
});

// src/scenario/lang/registry.ts
var stepKinds = {
  connect: connectKind,
  operator: operatorKind,
  wait: waitKind,
  expectPairing: expectPairingKind,
  client: clientKind,
  fault: faultKind,
  credentials: credentialsKind,
  expectClient: expectClientKind,
  gatewayConfig: gatewayConfigKind,
  clientLife: clientLifeKind,
  expectGateway: expectGatewayKind,
  expectClientAuth: expectClientAuthKind,
  gatewayProcess: gatewayProcessKind,
  host: hostKind,
  machine: machineKind,
  gatewayStart: gatewayStartKind,
  publishPort: publishPortKind,
  machineFile: machineFileKind,
  openclaw: openclawKind,
  snapshot: snapshotKind,
  machineClient: machineClientKind,
  browserToken: browserTokenKind,
  browserTab: browserTabKind,
  browserStorage: browserStorageKind,
  expectBrowserTab: expectBrowserTabKind,
  stop: stopKind,
  start: startKind,
  refresh: refreshKind,
  call: callKind,
  clock: clockKind,
  approvePending: approvePendingKind,
  converge: convergeKind,
  note: noteKind,
  warmUp: warmUpKind,
  expectConnected: expectConnectedKind,
  expectRpc: expectRpcKind,
  expectConfig: expectConfigKind,
  expectEvent: expectEventKind,
  script: scriptKind,
  setupCode: setupCodeKind,
  netFault: netFaultKind,
  attack: attackKind,
  hostEnv: hostEnvKind,
  settlePending: settlePendingKind,
  alignToken: alignTokenKind,
  timeMark: timeMarkKind,
  waitUntil: waitUntilKind
};
var stepKindNames = Object.keys(stepKinds);
function kindKeysOf(step) {
  return stepKindNames.filter((k) => k in step);
}
function kindOf(step) {
  const kinds = kindKeysOf(step);
  if (kinds.length !== 1) throw new Error(`a step has exactly one of ${stepKindNames.join(", ")}`);
  return kinds[0];
}
function moduleOf(step) {
  return stepKinds[kindOf(step)];
}
function printStep(step) {
  const line = moduleOf(step).print(step);
  return step.when ? `${line} (when ${JSON.stringify(step.when)})` : line;
}

// src/scenario/lang/switch-value.ts
function switchValue(profile2, path) {
  const [section, name] = path.split(".");
  const table = profile2[section ?? ""];
  return table && name !== void 0 ? table[name] : void 0;
}

// src/scenario/lang/invariants.ts
function stepApplies(when, profile2) {
  if (!when) return true;
  if (when.profiles && !when.profiles.includes(profile2.name)) return false;
  if (when.notProfiles?.includes(profile2.name)) return false;
  if (when.switch !== void 0) {
    const want = when.equals === void 0 ? true : when.equals;
    if (JSON.stringify(switchValue(profile2, when.switch)) !== JSON.stringify(want)) return false;
  }
  return true;
}
function isConvergeNote(event3) {
  return event3.kind === "note" && event3.data["converge"] === true;
}
function retryCodes(o) {
  const codes = o["codes"];
  if (!Array.isArray(codes) || !codes.some((c2) => typeof c2 === "string" && c2.startsWith("+"))) return o;
  return { ...o, codes: [...OPERATOR_ACTION_CODES, ...codes.map((c2) => c2.replace(/^\+/, ""))] };
}
var factories = {
  "retries-bounded": (o) => [retriesBounded(retryCodes(o))],
  "reconnect-loop-stops": (o) => [reconnectLoopStops(o)],
  converges: (o) => [converges(o)],
  "nonce-single-use": () => [nonceSingleUse()],
  "signed-over-own-challenge": (o, p) => [signedOverOwnChallenge({ allowMissingNonceWhenLocal: p.gateway.nonceRequired === "remote-only", ...o })],
  "scopes-within-approval": (o) => [scopesWithinApproval(o)],
  "revoked-token-refused": (o, p) => [revokedTokenRefused({ closeLiveSessions: p.gateway.revokeClosesSessions, ...o })],
  "no-silent-remote-pairing": () => [noSilentRemotePairing()],
  "cve-2026-32034": (o) => [cve202632034(o)],
  "shared-secret-sessions-closed": (o, p) => [sharedSecretSessionsClosed({ closeLiveSessions: p.gateway.sharedSecretRotationClosesSessions, ...o })],
  "adversary-refused": () => [adversaryRefused()],
  "approval-within-caller": () => [approvalWithinCaller()],
  standard: (o, p) => standardInvariants(p, o)
};
var invariantNames = Object.keys(factories);
function invariantsFor(refs, profile2) {
  return refs.flatMap((ref) => {
    const { name, when, ...options } = typeof ref === "string" ? { name: ref, when: void 0 } : ref;
    if (!stepApplies(when, profile2)) return [];
    const make2 = factories[name];
    if (!make2) throw new Error(`unknown invariant '${name}' (one of ${invariantNames.join(", ")})`);
    return make2(options, profile2);
  });
}
function standardInvariants(profile2, options = {}) {
  const { signedOverOwnChallenge: own, revokedTokenRefused: revoked, scopesWithinApproval: scopes, converges: conv, ...rest } = options;
  const exemptLocalBackend = localBackendSkipsWithSharedSecret(profile2);
  const exemptSharedSecretOperators = profile2.gateway.sharedAuthOperatorSkipsPairing;
  return [
    ...defaultInvariants({
      converges: conv === false ? false : { ...conv ?? {}, isMarker: isConvergeNote },
      ...rest,
      scopesWithinApproval: scopes === false ? false : { exemptLocalBackend, exemptSharedSecretOperators, ...scopes },
      signedOverOwnChallenge: false,
      revokedTokenRefused: false
    }),
    ...own === false ? [] : [signedOverOwnChallenge({ allowMissingNonceWhenLocal: profile2.gateway.nonceRequired === "remote-only", ...own })],
    ...revoked === false ? [] : [revokedTokenRefused({ closeLiveSessions: profile2.gateway.revokeClosesSessions, ...revoked })]
  ];
}

// src/scenario/lang/schema.ts
var schemaId = "https://clawsim.dev/schema/scenario.schema.json";
var whenSchema = {
  type: "object",
  description: "run this step only under these profiles, or where a profile switch has a value",
  properties: {
    profiles: { type: "array", items: { type: "string" } },
    notProfiles: { type: "array", items: { type: "string" } },
    switch: { type: "string", pattern: "^(gateway|client|service)\\.[A-Za-z0-9]+$" },
    equals: {}
  },
  additionalProperties: false
};
function stepSchema() {
  const properties = {};
  for (const name of stepKindNames) {
    const kind = stepKinds[name];
    properties[name] = kind.schema;
    for (const [extra, schema] of Object.entries(kind.extras ?? {})) properties[extra] = schema;
  }
  properties["when"] = whenSchema;
  return {
    type: "object",
    description: `one step: exactly one of ${stepKindNames.join(", ")}`,
    properties,
    additionalProperties: false,
    minProperties: 1
  };
}
function buildRunSpecSchema() {
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: schemaId,
    title: "clawsim scenario (RunSpec)",
    type: "object",
    required: ["name", "steps"],
    properties: {
      name: { type: "string", pattern: "^[a-z0-9][a-z0-9.-]*$" },
      description: { type: "string" },
      profile: { type: "string" },
      seed: { type: "integer", minimum: 0 },
      world: { enum: ["standard", "bare"] },
      gateway: gatewaySectionSchema,
      identities: {
        anyOf: [
          { type: "array", items: { type: "string" } },
          { type: "object", additionalProperties: { type: "string", pattern: "^[0-9a-f]{64}$" } }
        ]
      },
      pairing: {
        type: "object",
        properties: {
          paired: {
            type: "array",
            items: {
              type: "object",
              required: ["identity"],
              properties: { identity: { type: "string" }, role: { type: "string" }, scopes: { type: "array", items: { type: "string" } } },
              additionalProperties: false
            }
          }
        },
        additionalProperties: false
      },
      verdicts: { type: "object", additionalProperties: { enum: ["pass", "fail"] } },
      invariants: {
        type: "array",
        items: {
          anyOf: [
            { type: "string", description: `one of ${invariantNames.join(", ")}` },
            { type: "object", required: ["name"], properties: { name: { type: "string" } } }
          ]
        }
      },
      budgets: {
        type: "object",
        properties: { stepsMax: { type: "integer", minimum: 1 }, virtualTimeMsMax: { type: "integer", minimum: 1 }, connectionsMax: { type: "integer", minimum: 1 } },
        additionalProperties: false
      },
      steps: { type: "array", minItems: 1, items: stepSchema() }
    },
    additionalProperties: false
  };
}
var runSpecSchema = buildRunSpecSchema();

// src/scenario/lang/interpret.ts
function specScenario(spec) {
  const { default: verdictDefault, ...verdicts } = spec.verdicts ?? {};
  return {
    name: spec.name,
    description: spec.description ?? spec.name,
    expect: verdicts,
    expectDefault: verdictDefault ?? "pass",
    ...spec.budgets ? { budgets: spec.budgets } : {},
    invariants: (profile2) => invariantsFor(spec.invariants ?? [], profile2),
    spec,
    run: (ctx) => interpret(spec, ctx)
  };
}
async function interpret(spec, ctx) {
  const { world, profile: profile2 } = ctx;
  const seeds = identitySeeds(spec);
  const standard = (spec.world ?? "standard") === "standard";
  const token = standard ? buildStandardWorld(spec, world, seeds) : "";
  if (standard) requireWithinBudget(await world.advance(profile2.gateway.startupUnavailableMs ?? 0));
  const deviceIds = /* @__PURE__ */ new Map();
  const env = {
    world,
    ctx,
    spec,
    profile: profile2,
    seeds,
    port: standardPort,
    token,
    rules: [],
    snapshots: /* @__PURE__ */ new Map(),
    setupCodes: /* @__PURE__ */ new Map(),
    marks: /* @__PURE__ */ new Map(),
    pending: [],
    stepIndex: 0,
    resolve: (text5) => resolvePlaceholders(text5, env),
    deviceIdOf: (name) => {
      let id = deviceIds.get(name);
      if (id === void 0) {
        const seed = seeds[name];
        if (seed === void 0) throw new Error(`unknown identity '${name}'`);
        id = deviceIdFromSeed(seed);
        deviceIds.set(name, id);
      }
      return id;
    }
  };
  const settle3 = (final) => {
    const open = env.pending.splice(0).filter((check) => !check(final));
    env.pending.push(...open);
  };
  for (const [i, step] of spec.steps.entries()) {
    if (!stepApplies(step.when, profile2)) continue;
    settle3(false);
    env.stepIndex = i;
    world.scheduler.record("scenario", "step", { step: i, kind: kindOf(step), text: printStep(step) });
    try {
      await moduleOf(step).run(step, env);
    } catch (error) {
      if (error instanceof ScenarioInputError) throw new ScenarioInputError(`step ${i} (${kindOf(step)}): ${error.message}`);
      throw error;
    }
  }
  settle3(true);
}

// src/scenario/lang/builder.ts
var libraryGatewayAddress = "192.0.2.50";
var libraryPort = 18789;
var libraryLocalUrl = `ws://127.0.0.1:${libraryPort}`;
var libraryRemoteUrl = `ws://${libraryGatewayAddress}:${libraryPort}`;

// src/scenario/lang/export.ts
import { stringify } from "yaml";

// src/report/markdown.ts
import { stringify as stringifyYaml } from "yaml";

// src/report/time-format.ts
var msPerSecond = 1e3;
var msPerMinute = 60 * msPerSecond;
var msPerHour = 60 * msPerMinute;

// src/chaos/preset.ts
var presets = [
  { name: "light", dropRatio: ratio(1, 20), duplicateRatio: ratio(1, 20), stepsMin: 2, stepsMax: 6, episodeMsMax: 2e4, clientsMin: 2, clientsMax: 4, skewMsMax: 3e4, probesPerWeight: 4 },
  { name: "heavy", dropRatio: ratio(1, 4), duplicateRatio: ratio(1, 4), stepsMin: 4, stepsMax: 12, episodeMsMax: 6e4, clientsMin: 3, clientsMax: 7, skewMsMax: 9e4, probesPerWeight: 5 }
];
function findPreset(name) {
  return presets.find((p) => p.name === name);
}

// src/chaos/client-world-steps.ts
var clientWorldKinds = ["ui-tab", "named-ws-client", "slow-challenge", "handshake-env"];
function describeClientWorldStep(step) {
  switch (step.kind) {
    case "ui-tab": {
      const url = step.urlToken === "fragment" ? " with #token=" : step.urlToken === "query" ? " with ?token=" : " without a token";
      return `open a Control UI tab ${step.tab}${url} ${step.on === "lan" ? "on a LAN laptop over plain http" : "on the gateway host"}`;
    }
    case "named-ws-client":
      return `start ${step.name}, a backend dialling the gateway host by ${step.mdns ? "its .local name" : "name"} over ws://, no break-glass variable`;
    case "slow-challenge":
      return `the gateway's frames wait ${step.delayMs} ms more for ${step.forMs} ms; every connection resets`;
    case "handshake-env":
      return `OPENCLAW_HANDSHAKE_TIMEOUT_MS=${step.timeoutMs} in the gateway unit, gateway restart, a silent socket ${step.idle}`;
    default:
      return assertNever(step, "client-world step");
  }
}

// src/chaos/steps.ts
var tokenSites = ["config", "shell-env", "dotenv", "unit"];
var gatewayStepKinds = ["config-edit", "cli-auth-loss", "setup-code"];
var swarmKinds = [
  "rotate-token",
  "gateway-restart",
  "gateway-install",
  "doctor-fix",
  "device-rotate",
  "device-revoke",
  "device-remove",
  "approve-pending",
  "reject-pending",
  "relaunch",
  "identity-loss",
  "fault",
  "adversary",
  "probe"
];
var stepKinds2 = [...swarmKinds, ...gatewayStepKinds, ...clientWorldKinds];
var timelineKinds = swarmKinds.filter((k) => k !== "probe");
function stepClient(step) {
  if ("client" in step) return step.client;
  if (step.kind === "fault" && "client" in step.fault) return step.fault.client;
  if (step.kind === "adversary" && "client" in step.attack) return step.attack.client;
  return void 0;
}
function describeFault(f) {
  switch (f.kind) {
    case "drop":
    case "duplicate":
    case "reset-all":
      return f.kind;
    case "partition":
      return `partition ${f.client}`;
    case "gateway-crash":
      return `gateway crash (down ${f.downMs} ms)`;
    case "process-restart":
      return `gateway process restart in place (down ${f.downMs} ms)`;
    case "clock-jump":
      return `clock of ${f.client}'s host jumps ${f.deltaMs} ms`;
    default:
      return assertNever(f, "net fault");
  }
}
function describeStep(step) {
  switch (step.kind) {
    case "rotate-token":
      return `rotate the shared token to ${step.token} in ${step.site}`;
    case "gateway-restart":
      return "openclaw gateway restart";
    case "gateway-install":
      return `openclaw gateway install${step.force ? " --force" : ""}`;
    case "doctor-fix":
      return step.racesRotationTo ? `openclaw doctor --fix racing a rotation to ${step.racesRotationTo}` : "openclaw doctor --fix";
    case "device-rotate":
    case "device-revoke":
    case "device-remove":
      return `openclaw devices ${step.kind.slice("device-".length)} (${step.client}'s device)`;
    case "approve-pending":
      return "openclaw devices approve (every pending request)";
    case "reject-pending":
      return "openclaw devices reject (every pending request)";
    case "relaunch":
      return `relaunch ${step.client}`;
    case "identity-loss":
      return `${step.client} loses its identity files and relaunches`;
    case "fault":
      return `${describeFault(step.fault)} for ${step.durationMs} ms`;
    case "adversary":
      return `adversary: ${step.attack.kind}${"client" in step.attack ? ` (${step.attack.client})` : ""}`;
    case "ui-tab":
    case "named-ws-client":
    case "slow-challenge":
    case "handshake-env":
      return describeClientWorldStep(step);
    case "config-edit":
      return `openclaw config set ${step.path} ${JSON.stringify(step.value)}`;
    case "cli-auth-loss":
      return "the operator's device-auth file on the gateway machine is deleted (its CLI's device token gone)";
    case "setup-code":
      return `openclaw qr --setup-code-only; ${step.name} (${step.clientKind}) onboards from the LAN with the code`;
    case "probe":
      return `probe ${step.attempt.name}${step.copies !== void 0 ? ` \xD7${step.copies}` : ""} from ${step.from === "gateway-host" ? "the gateway host" : "the LAN"}`;
    default:
      return assertNever(step, "chaos step");
  }
}

// src/chaos/swarm.ts
var swarmWeightMax = 4;
var enabledEighths = 5;
function drawSwarm(prng) {
  const weights = {};
  for (const kind of swarmKinds) {
    weights[kind] = prng.chance({ numerator: enabledEighths, denominator: 8 }) ? prng.int(1, swarmWeightMax) : 0;
  }
  if (timelineKinds.every((k) => weights[k] === 0)) weights["rotate-token"] = 1;
  return weights;
}
function pickKind(prng, weights) {
  return prng.pickWeighted(timelineKinds.map((k) => [k, weights[k]]));
}
function formatSwarm(weights) {
  return swarmKinds.filter((k) => weights[k] > 0).map((k) => `${k}\xD7${weights[k]}`).join(" ");
}

// src/chaos/probes.ts
import fc3 from "fast-check";

// src/chaos/draws.ts
import fc from "fast-check";
var sampleSeedMax = 2147483647;
function drawArbitrary(draws, arb) {
  if (draws.arbitrary) return draws.arbitrary(arb);
  const [value] = fc.sample(arb, { seed: draws.int(0, sampleSeedMax), numRuns: 1 });
  assert(value !== void 0, "fc.sample gave no value");
  return value;
}

// src/world/attempt/generate.ts
import { createHash as createHash7 } from "node:crypto";
import fc2 from "fast-check";
function seedForName(name) {
  return createHash7("sha256").update(`clawsim-oracle-identity:${name}`).digest("hex");
}
var poolNames = ["ann", "ben", "cat", "dan"];
var conformanceIdentities = Object.fromEntries(
  poolNames.map((name) => [name, seedForName(`conformance-${name}`)])
);
var otherKeySeed = seedForName("conformance-other");
var wrongToken = "conformance-wrong-token-0123456789";
var wrongDeviceToken = "conformance-not-a-device-token";
var foreignHost = "gateway.example";
var localOrigin = "http://127.0.0.1:{{port}}";
var localhostOrigin = "http://localhost:{{port}}";
var foreignOrigin = "https://evil.example";
var clientIds = [
  "webchat-ui",
  "openclaw-control-ui",
  "openclaw-tui",
  "webchat",
  "cli",
  "gateway-client",
  "openclaw-macos",
  "openclaw-ios",
  "openclaw-android",
  "node-host",
  "test",
  "fingerprint",
  "openclaw-probe",
  "openclaw-browser-copilot",
  "openclaw-linux",
  "openclaw-watchos",
  "openclaw-worker"
];
var clientModes = ["webchat", "cli", "ui", "backend", "node", "probe", "test", "worker"];
var bogusClientId = "bogus-client";
var bogusMode = "bogus-mode";
var typicalClients = [
  ["cli", "cli"],
  ["openclaw-tui", "ui"],
  ["openclaw-control-ui", "webchat"],
  ["webchat", "webchat"],
  ["gateway-client", "backend"],
  ["node-host", "node"],
  ["openclaw-probe", "probe"],
  ["test", "test"]
];
var allScopes = ["operator.admin", "operator.read", "operator.write", "operator.pairing", "operator.approvals", "bogus.scope"];
var afterHelloCalls = [{ method: "health" }, { method: "status" }, { method: "chat.send", params: {} }, { method: "device.pair.list" }];
var signedAtOffsetsMs = [0, -6e4, 6e4, -119e3, 119e3, -121e3, 121e3, -6e5, 6e5];
var w = (weight, arbitrary) => ({ weight, arbitrary });
var c = (weight, value) => w(weight, fc2.constant(value));
var pool = fc2.constantFrom(...poolNames);
var clientArb = fc2.oneof(
  w(12, fc2.constantFrom(...typicalClients).map(([id, mode]) => ({ id, mode }))),
  w(2, fc2.record({ id: fc2.constantFrom(...clientIds), mode: fc2.constantFrom(...clientModes) })),
  c(1, { id: bogusClientId, mode: "cli" }),
  c(1, { id: "cli", mode: bogusMode })
);
var buildIdArb = fc2.oneof(c(6, void 0), c(2, "dev"), c(1, "stale-build-id"));
var scopesArb = fc2.oneof(
  c(2, "omit"),
  c(1, []),
  c(5, ["operator.admin"]),
  c(3, ["operator.read"]),
  w(3, fc2.subarray([...allScopes], { minLength: 1 }))
);
var credentialArb = fc2.oneof(
  c(10, { kind: "token" }),
  c(3, { kind: "wrong-token" }),
  c(2, { kind: "none" }),
  c(1, { kind: "empty-auth" }),
  c(1, { kind: "empty-token" }),
  c(1, { kind: "password" }),
  c(1, { kind: "wrong-device-token" }),
  c(1, { kind: "right-token+wrong-device-token" }),
  w(6, fc2.record({ kind: fc2.constantFrom("device-token", "token+device-token", "wrong-token+device-token", "device-token-as-token"), name: pool, role: fc2.oneof(c(5, "operator"), c(1, "node")) }))
);
var deviceArb = fc2.record({
  name: pool,
  payloadVersion: fc2.oneof(c(10, "v3"), c(1, "v2"), c(1, "v1")),
  signedAtOffsetMs: fc2.oneof(c(14, 0), w(3, fc2.constantFrom(...signedAtOffsetsMs.slice(1)))),
  nonce: fc2.oneof(c(20, "challenge"), c(1, "blank"), c(1, "stale"), c(1, "omit")),
  otherKey: fc2.oneof(c(20, false), c(1, true)),
  idOverride: fc2.oneof(c(30, void 0), c(1, "0".repeat(64)), c(1, "not-a-hex-device-id")),
  publicKeyFormat: fc2.oneof(c(20, "base64url"), c(1, "pem"), c(1, "garbage")),
  signatureFormat: fc2.oneof(c(20, "base64url"), c(1, "base64"))
}).map((d) => ({
  identitySeed: conformanceIdentities[d.name],
  payloadVersion: d.payloadVersion,
  ...d.signedAtOffsetMs !== 0 ? { signedAtOffsetMs: d.signedAtOffsetMs } : {},
  ...d.nonce !== "challenge" ? { nonce: d.nonce } : {},
  ...d.otherKey ? { otherKeySeed } : {},
  ...d.idOverride !== void 0 ? { idOverride: d.idOverride } : {},
  ...d.publicKeyFormat !== "base64url" ? { publicKeyFormat: d.publicKeyFormat } : {},
  ...d.signatureFormat !== "base64url" ? { signatureFormat: d.signatureFormat } : {}
}));
var anyChoiceArb = fc2.record({
  client: fc2.tuple(clientArb, buildIdArb).map(([client, buildId]) => buildId === void 0 ? client : { ...client, buildId }),
  role: fc2.oneof(c(12, "operator"), c(4, "node"), c(1, "bogus"), c(2, "omit")),
  scopes: scopesArb,
  protocol: fc2.oneof(c(16, [4, 4]), c(1, [3, 3]), c(1, [5, 5]), c(1, [3, 5])),
  extraParam: fc2.oneof(c(20, false), c(1, true)),
  missing: fc2.oneof(c(40, "none"), c(1, "client"), c(1, "client.version"), c(1, "minProtocol"), c(1, "client.platform")),
  credential: credentialArb,
  device: fc2.oneof(c(3, null), w(7, deviceArb)),
  host: fc2.oneof(c(12, "none"), c(1, "local"), c(2, "foreign")),
  origin: fc2.oneof(c(12, "none"), c(3, "local"), c(1, "localhost"), c(1, "foreign"), c(1, "null")),
  afterHello: fc2.oneof(c(1, []), w(1, fc2.subarray([...afterHelloCalls], { minLength: 1 })))
});
var cleanClients = [
  ["cli", "cli", "operator"],
  ["cli", "cli", "operator"],
  ["gateway-client", "backend", "operator"],
  ["openclaw-tui", "ui", "operator"],
  ["node-host", "node", "node"],
  ["openclaw-macos", "node", "node"],
  ["test", "test", "operator"]
];
var cleanChoiceArb = fc2.record({
  client: fc2.constantFrom(...cleanClients),
  scopes: fc2.oneof(c(4, ["operator.admin"]), c(2, ["operator.read"]), c(1, "omit"), w(1, fc2.subarray(["operator.read", "operator.write", "operator.pairing"], { minLength: 1 }))),
  device: fc2.oneof(c(1, null), w(4, fc2.record({ name: pool, payloadVersion: fc2.oneof(c(8, "v3"), c(1, "v2")) }))),
  credential: fc2.oneof(c(3, "token"), c(2, "device-token"), c(1, "token+device-token")),
  afterHello: fc2.oneof(c(1, []), w(1, fc2.subarray([...afterHelloCalls], { minLength: 1 })))
}).map(({ client: [id, mode, role], scopes, device, credential, afterHello }) => ({
  client: { id, mode },
  role,
  scopes: role === "node" ? [] : scopes,
  protocol: [4, 4],
  extraParam: false,
  missing: "none",
  credential: device === null || credential === "token" ? { kind: "token" } : { kind: credential, name: device.name, role },
  device: device === null ? null : { identitySeed: conformanceIdentities[device.name], payloadVersion: device.payloadVersion },
  host: "none",
  origin: "none",
  afterHello
}));
var attemptChoiceArb = fc2.oneof(w(1, cleanChoiceArb), w(1, anyChoiceArb));
function authOf(credential) {
  const tokenOf = (name, role) => `{{deviceToken:${name}${role === "node" ? "/node" : ""}}}`;
  switch (credential.kind) {
    case "token":
      return { token: "{{gatewayToken}}" };
    case "wrong-token":
      return { token: wrongToken };
    case "none":
      return void 0;
    case "empty-auth":
      return {};
    case "empty-token":
      return { token: "" };
    case "password":
      return { password: wrongToken };
    case "wrong-device-token":
      return { deviceToken: wrongDeviceToken };
    case "right-token+wrong-device-token":
      return { token: "{{gatewayToken}}", deviceToken: wrongDeviceToken };
    case "device-token":
      return { deviceToken: tokenOf(credential.name, credential.role) };
    case "token+device-token":
      return { token: "{{gatewayToken}}", deviceToken: tokenOf(credential.name, credential.role) };
    case "wrong-token+device-token":
      return { token: wrongToken, deviceToken: tokenOf(credential.name, credential.role) };
    case "device-token-as-token":
      return { token: tokenOf(credential.name, credential.role) };
  }
}
function paramsOf(choice) {
  const client = { id: choice.client.id, version: "2026.9.6", platform: "linux", mode: choice.client.mode };
  if (choice.client.buildId !== void 0) client["buildId"] = choice.client.buildId;
  const auth = authOf(choice.credential);
  const params4 = {
    minProtocol: choice.protocol[0],
    maxProtocol: choice.protocol[1],
    client,
    ...choice.role === "omit" ? {} : { role: choice.role },
    ...choice.scopes === "omit" ? {} : { scopes: [...choice.scopes] },
    ...auth === void 0 ? {} : { auth },
    ...choice.extraParam ? { extra: true } : {}
  };
  if (choice.missing === "client") delete params4["client"];
  if (choice.missing === "minProtocol") delete params4["minProtocol"];
  if (choice.missing === "client.version") delete client["version"];
  if (choice.missing === "client.platform") delete client["platform"];
  return params4;
}
function headersOf(choice) {
  const headers = {};
  if (choice.host === "local") headers["host"] = "localhost:{{port}}";
  if (choice.host === "foreign") headers["host"] = foreignHost;
  const origins = { none: void 0, local: localOrigin, localhost: localhostOrigin, foreign: foreignOrigin, null: "null" };
  const origin = origins[choice.origin];
  if (origin !== void 0) headers["origin"] = origin;
  return Object.keys(headers).length > 0 ? headers : void 0;
}
function attemptOf(name, choice) {
  const headers = headersOf(choice);
  return {
    name,
    ...headers !== void 0 ? { headers } : {},
    connect: { params: paramsOf(choice) },
    ...choice.device !== null ? { device: choice.device } : {},
    ...choice.afterHello.length > 0 ? { afterHello: choice.afterHello } : {}
  };
}

// src/chaos/chaos-world.ts
var gatewayMachine = "gw";
var gatewayPort = 18789;
var gatewayHostAddress = "192.0.2.50";
var localUrl = `ws://127.0.0.1:${gatewayPort}`;
var remoteUrl = `ws://${gatewayHostAddress}:${gatewayPort}`;
var browserProfile = "chrome";
var warmUpMarginMs2 = 1e3;
function warmUpMs(world) {
  return (world.profile.gateway.startupUnavailableMs ?? 0) + warmUpMarginMs2;
}
function runFor(world, ms) {
  requireWithinBudget(world.runFor(ms));
}
function gatewayConfig(token, allowInsecureAuth) {
  return {
    gateway: {
      mode: "local",
      port: gatewayPort,
      bind: "lan",
      auth: { mode: "token", token },
      ...allowInsecureAuth ? { controlUi: { allowInsecureAuth: true } } : {}
    }
  };
}
function tabId(client) {
  return `tab-${client}`;
}
function withControlUiToken(machine, client, token, perTab) {
  let storage = browser(machine, browserProfile);
  if (!(tabId(client) in storage.sessionStorageByTab)) storage = openTab(storage, tabId(client));
  const area = perTab ? { area: "session", tabId: tabId(client) } : { area: "local" };
  return withBrowser(machine, browserProfile, storageSet(storage, area, controlUiTokenKey(localUrl), token));
}
function planGatewayConfig(plan) {
  const config = gatewayConfig(firstToken, plan.gateway.allowInsecureAuth);
  const { rateLimit, allowedOrigins, trustedProxies } = plan.gateway;
  const gateway = { ...config.gateway };
  if (rateLimit) gateway.auth = { ...gateway.auth, rateLimit: { ...rateLimit } };
  if (allowedOrigins) gateway.controlUi = { ...gateway.controlUi, allowedOrigins: [...allowedOrigins] };
  if (trustedProxies) gateway.trustedProxies = [...trustedProxies];
  return { ...config, gateway };
}
function buildMachine(plan, world) {
  const g = plan.gateway;
  const config = planGatewayConfig(plan);
  let machine = createMachine({
    name: gatewayMachine,
    config,
    shellEnv: g.shellToken ? { [envNames.gatewayToken]: firstToken } : {},
    dotEnvText: g.dotEnvToken ? `${envNames.gatewayToken}=${firstToken}
` : null,
    container: g.container === true
  });
  if (g.legacyUnit) {
    const unit = installServiceUnit({ config, switches: { ...world.profile.service, unitEmbedsToken: true }, version: "2026.2.14" });
    machine = withServiceUnit(machine, unit);
  }
  for (const c2 of plan.clients) {
    if (c2.kind === "control-ui" && c2.on === "gateway-host") machine = withControlUiToken(machine, c2.name, firstToken, world.profile.client.controlUiTokenPerTab);
  }
  return machine;
}
function machineSpec(world, state, token) {
  const c2 = state.spec;
  const identity = state.identity;
  if (c2.kind === "control-ui") return { kind: "control-ui", identity, browser: browserProfile, tabId: tabId(c2.name) };
  const tui = c2.kind === "tui" && tuiIdUnknown(world.profile) ? { clientId: "gateway-client", displayName: "openclaw-tui" } : {};
  const flags = c2.credential === "explicit" ? { flags: { token } } : {};
  const env = c2.credential === "own-env" ? { env: { from: "env", env: { [envNames.gatewayToken]: token } } } : {};
  return { kind: c2.kind, identity, ...tui, ...flags, ...env };
}
function startClient2(cw, name) {
  const { world } = cw;
  const state = cw.clients.get(name);
  const token = state.token;
  const c2 = state.spec;
  if (c2.on === "gateway-host") {
    world.addMachineClient(gatewayMachine, { name, user: state.user, spec: machineSpec(world, state, token) });
    return;
  }
  const credential = c2.credential === "explicit" ? { explicitToken: token } : { passiveToken: token };
  world.addClient({ name, host: `${name}-host`, user: state.user, client: { kind: c2.kind, url: remoteUrl, identity: state.identity, ...credential } });
}
function newIdentity(world, name, generation) {
  return identityFromPrng(world.scheduler.stream(`chaos:identity:${name}:${generation}`));
}
function buildChaosWorld(world, plan) {
  world.addHost({ name: gatewayMachine, kind: "lan", address: gatewayHostAddress });
  const operatorCli = identityFromPrng(world.scheduler.stream("chaos:identity:operator-cli"));
  world.addMachine({ name: gatewayMachine, host: gatewayMachine, machine: buildMachine(plan, world), cliIdentity: operatorCli });
  if (plan.gateway.legacyUnit) world.startGatewayService(gatewayMachine);
  else world.operator(gatewayMachine, op.gatewayInstall());
  runFor(world, warmUpMs(world));
  const cw = { world, plan, clients: /* @__PURE__ */ new Map() };
  for (const c2 of plan.clients) {
    if (c2.on === "lan") world.addHost({ name: `${c2.name}-host`, kind: "lan" });
    const identity = c2.withDevice ? newIdentity(world, c2.name, 0) : null;
    cw.clients.set(c2.name, { spec: c2, identity, user: c2.name, generation: 0, token: firstToken });
    startClient2(cw, c2.name);
  }
  return cw;
}

// src/chaos/worlds-gateway.ts
var gatewayTwists = [
  "skew",
  "blank-nonce",
  "copilot",
  "stale-build",
  "foreign-host",
  "no-token-burst",
  "bootstrap-burst",
  "node-as-backend",
  "node-origin-burst",
  "edit-trusted-proxies",
  "edit-auto-approve",
  "edit-allowed-origins",
  "auth-mode-episode",
  "setup-code"
];
var freshPrefix = "gw-fresh-";
function isGatewayIdentity(name) {
  return name.startsWith(freshPrefix);
}
function gatewayIdentitySeed(name) {
  return seedForName(`chaos-${name}`);
}
function gatewayIdentitiesNamed(attempt) {
  const out = {};
  const named = /\{\{(?:deviceId|deviceToken):(gw-fresh-[^}/:]+)/g;
  for (const [, name] of JSON.stringify(attempt).matchAll(named)) out[name] = gatewayIdentitySeed(name);
  return out;
}
var burstCopies = 12;
var bogusBootstrapToken = "chaos-bogus-bootstrap-token";
var staleBuildId = "2025.12.1";
var copilotOrigin = `chrome-extension://${"abcdefghijklmnop".repeat(2)}`;
var proxiedUiOrigin = "https://openclaw.example";
function freshIdentity(d) {
  return `${freshPrefix}${d.fresh++}`;
}
function params2(client, role, extra = {}) {
  const scopes = role === "node" ? [] : ["operator.read"];
  return { minProtocol: "{{protocol}}", maxProtocol: "{{protocol}}", client: { version: "2026.9.6", platform: "linux", ...client }, role, scopes, auth: { token: "{{gatewayToken}}" }, ...extra };
}
function probe(d, atMs, from, attempt, copies) {
  d.steps.push({ atMs, step: { kind: "probe", from, attempt, ...copies !== void 0 ? { copies } : {} } });
}
var cli = { id: "cli", mode: "cli" };
function drawTwist(d, twist, index) {
  const { prng } = d;
  const at = prng.int(5e3, d.safetyMs - 15e3);
  const name = `gw-${twist}-${index}`;
  const lanOrLocal = prng.chance({ numerator: 1, denominator: 2 }) ? "lan" : "gateway-host";
  switch (twist) {
    case "skew": {
      const offset = prng.int(15e4, 54e4) * (prng.chance({ numerator: 1, denominator: 2 }) ? 1 : -1);
      probe(d, at, lanOrLocal, { name, connect: { params: params2(cli, "operator") }, device: { identity: freshIdentity(d), payloadVersion: "v3", signedAtOffsetMs: offset } });
      return;
    }
    case "blank-nonce":
      probe(d, at, "gateway-host", { name, connect: { params: params2(cli, "operator") }, device: { identity: freshIdentity(d), payloadVersion: "v3", nonce: "blank" } });
      return;
    case "copilot": {
      const flaw = prng.pick(["mode", "caps", "origin"]);
      const caps = flaw === "caps" ? ["run-tool-bindings"] : ["run-tool-bindings", "session-scoped-events"];
      const client = { id: "openclaw-browser-copilot", mode: flaw === "mode" ? "webchat" : "ui" };
      const headers = flaw === "origin" ? {} : { headers: { origin: copilotOrigin } };
      probe(d, at, lanOrLocal, { name, ...headers, connect: { params: params2(client, "operator", { caps }) } });
      return;
    }
    case "stale-build":
      probe(d, at, "gateway-host", {
        name,
        headers: { origin: "http://127.0.0.1:{{port}}", host: "127.0.0.1:{{port}}" },
        connect: { params: params2({ id: "openclaw-control-ui", mode: "webchat", buildId: staleBuildId }, "operator") },
        device: { identity: freshIdentity(d), payloadVersion: "v3" }
      });
      return;
    case "foreign-host":
      probe(d, at, "gateway-host", { name, headers: { host: "gateway.example" }, connect: { params: params2(cli, "operator") }, device: { identity: freshIdentity(d), payloadVersion: "v3" } });
      return;
    case "no-token-burst": {
      const p = params2(cli, "operator");
      delete p["auth"];
      probe(d, at, "lan", { name, connect: { params: p } }, burstCopies);
      probe(d, at + 2e3, "lan", { name: `${name}-after`, connect: { params: params2(cli, "operator") } });
      return;
    }
    case "bootstrap-burst":
      probe(d, at, "lan", { name, connect: { params: params2({ id: "node-host", mode: "node" }, "node", { auth: { bootstrapToken: bogusBootstrapToken } }) }, device: { identity: freshIdentity(d), payloadVersion: "v3" } }, burstCopies);
      return;
    case "node-as-backend":
      probe(d, at, "gateway-host", { name, connect: { params: params2({ id: "gateway-client", mode: "backend" }, "node") }, device: { identity: freshIdentity(d), payloadVersion: "v3" } });
      return;
    case "node-origin-burst": {
      const identity = freshIdentity(d);
      const node = { id: "node-host", mode: "node" };
      probe(d, at, "gateway-host", { name: `${name}-pair`, connect: { params: params2(node, "node") }, device: { identity, payloadVersion: "v3" } });
      probe(d, at + 2e3, "gateway-host", { name, headers: { origin: "http://127.0.0.1:{{port}}" }, connect: { params: params2(node, "node") }, device: { identity, payloadVersion: "v3" } }, burstCopies);
      const guess = { params: params2(cli, "operator", { auth: { token: wrongSharedToken } }) };
      probe(d, at + 4e3, "gateway-host", { name: `${name}-guess`, headers: { origin: "http://localhost:{{port}}" }, connect: guess }, burstCopies);
      probe(d, at + 6e3, "gateway-host", { name: `${name}-after`, headers: { origin: "http://127.0.0.1:{{port}}" }, connect: { params: params2(cli, "operator") } });
      return;
    }
    case "edit-trusted-proxies": {
      d.steps.push({ atMs: at, step: { kind: "config-edit", path: "gateway.trustedProxies", value: ["127.0.0.1"] } });
      const forwarded = prng.pick(["127.0.0.1", "192.0.2.77"]);
      probe(d, at + 2e3, "gateway-host", { name, headers: { "x-forwarded-for": forwarded }, connect: { params: params2(cli, "operator") }, device: { identity: freshIdentity(d), payloadVersion: "v3" } });
      return;
    }
    case "edit-auto-approve": {
      d.steps.push({ atMs: at, step: { kind: "config-edit", path: "gateway.nodes.pairing.autoApproveLocal", value: false } });
      const role = prng.pick(["operator", "node"]);
      const client = role === "node" ? { id: "node-host", mode: "node" } : cli;
      probe(d, at + 2e3, "gateway-host", { name, connect: { params: params2(client, role) }, device: { identity: freshIdentity(d), payloadVersion: "v3" } });
      return;
    }
    case "auth-mode-episode":
      return authModeEpisode(d, at, name, index);
    case "setup-code": {
      const kind = prng.pick(["node", "backend"]);
      const client = `setup-${index}`;
      const extra = kind === "node" ? { commands: ["system.run"] } : { scopes: ["operator.read", "operator.questions"] };
      d.steps.push({ atMs: at, step: { kind: "setup-code", name: client, clientKind: kind, identity: freshIdentity(d), ...extra } });
      return;
    }
    case "edit-allowed-origins":
      d.steps.push({ atMs: at, step: { kind: "config-edit", path: "gateway.controlUi.allowedOrigins", value: ["https://ui.example"] } });
      return;
  }
}
var authModeEpisodeMs = 1e4;
function authModeEpisode(d, at, name, index) {
  const { prng } = d;
  const mode = prng.pick(["trusted-proxy", "none"]);
  const edit = (atMs, path, value) => d.steps.push({ atMs, step: { kind: "config-edit", path, value } });
  const probeAt = at + authModeEpisodeMs - 2e3;
  if (mode === "trusted-proxy") {
    edit(at, "gateway.trustedProxies", ["127.0.0.1"]);
    edit(at, "gateway.auth.trustedProxy", { userHeader: "x-forwarded-user" });
    edit(at, "gateway.auth.mode", "trusted-proxy");
    const forwarded = { "x-forwarded-for": "192.0.2.77", "x-forwarded-user": "chaos-user" };
    const order = prng.shuffle(["operator", "node", "no-user"]);
    for (const [i, who] of order.entries()) {
      const role = who === "node" ? "node" : "operator";
      const client = who === "node" ? { id: "node-host", mode: "node" } : cli;
      const headers = who === "no-user" ? { "x-forwarded-for": "192.0.2.77" } : forwarded;
      const p = params2(client, role);
      delete p["auth"];
      probe(d, probeAt - 1e3 + i * 500, "gateway-host", { name: `${name}-${who}`, headers, connect: { params: p } });
    }
    const uiDevice = { name: `${name}-ui-device`, identity: `${freshPrefix}proxied-ui-${index}` };
    if (d.pairingTwists) proxiedUiWithDevice(d, { episodeMs: at, probeMs: probeAt + 500 }, uiDevice, forwarded);
  } else {
    edit(at, "gateway.bind", "loopback");
    edit(at, "gateway.auth.mode", "none");
    const p = params2({ id: "gateway-client", mode: "backend" }, "operator");
    delete p["auth"];
    probe(d, probeAt, "gateway-host", { name, connect: { params: p } });
    edit(at + authModeEpisodeMs, "gateway.bind", "lan");
  }
  edit(at + authModeEpisodeMs, "gateway.auth.mode", "token");
}
function proxiedUiWithDevice(d, at, who, forwarded) {
  const ui = d.prng.fork("ui-device").pick(["tui", "control-ui"]);
  const client = ui === "tui" ? { id: "openclaw-tui", mode: "ui" } : { id: "openclaw-control-ui", mode: "webchat" };
  const p = params2(client, "operator");
  delete p["auth"];
  let headers = forwarded;
  if (ui === "control-ui") {
    const allowed2 = [...d.allowedOrigins ?? [], proxiedUiOrigin];
    const edit = { kind: "config-edit", path: "gateway.controlUi.allowedOrigins", value: allowed2 };
    d.steps.push({ atMs: at.episodeMs, step: edit });
    headers = { ...forwarded, origin: proxiedUiOrigin };
  }
  const device = { identity: who.identity, payloadVersion: "v3" };
  probe(d, at.probeMs, "gateway-host", { name: who.name, headers, connect: { params: p }, device });
}
var deviceRpcTwists = ["rotate-beyond-caller", "remove-pending"];
var bindEpisodes = ["custom-bind-episode", "auto-bind-episode", "tokenless-episode"];
var rotateUnapprovedRoleName = "gw-rotate-unapproved-role";
var admin = ["operator.admin"];
function signedBy(identity) {
  return { identity, payloadVersion: "v3" };
}
function drawDeviceRpcTwist(d, twist, index) {
  const { prng } = d;
  const at = prng.int(5e3, d.safetyMs - 15e3);
  const name = `gw-${twist}-${index}`;
  switch (twist) {
    case "rotate-beyond-caller": {
      const target = freshIdentity(d);
      const caller = freshIdentity(d);
      const callerScopes = prng.pick([["operator.pairing"], ["operator.pairing", "operator.read"]]);
      const asAdmin = { params: params2(cli, "operator", { scopes: admin }) };
      probe(d, at, "gateway-host", { name: `${name}-target`, connect: asAdmin, device: signedBy(target) });
      const deviceId = `{{deviceId:${target}}}`;
      const rotate3 = { method: "device.token.rotate", params: { deviceId, role: "operator", scopes: admin } };
      const connect = { params: params2(cli, "operator", { scopes: callerScopes }) };
      probe(d, at + 2e3, "gateway-host", { name, connect, device: signedBy(caller), afterHello: [rotate3] });
      return;
    }
    case "remove-pending": {
      const device = freshIdentity(d);
      const remover = freshIdentity(d);
      const asRead = { params: params2(cli, "operator") };
      const asAdmin = { params: params2(cli, "operator", { scopes: admin }) };
      const signed = signedBy(device);
      probe(d, at, "gateway-host", { name: `${name}-pair`, connect: asRead, device: signed });
      probe(d, at + 2e3, "lan", { name: `${name}-upgrade`, connect: asAdmin, device: signed });
      const calls = [
        { method: "device.pair.remove", params: { deviceId: `{{deviceId:${device}}}` } },
        { method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } }
      ];
      probe(d, at + 4e3, "gateway-host", { name, connect: asAdmin, device: signedBy(remover), afterHello: calls });
      probe(d, at + 6e3, "gateway-host", { name: `${name}-again`, connect: asRead, device: signed });
      return;
    }
  }
}
function drawDeviceRpcs(d, groups) {
  const count = d.prng.int(0, 2);
  for (let i = 0; i < count; i++) {
    const twist = d.prng.pick(deviceRpcTwists);
    d.steps = [];
    drawDeviceRpcTwist(d, twist, i);
    groups.push({ twist, steps: d.steps });
  }
  drawRotateUnapprovedRole({ ...d, prng: d.prng.fork("rotate-role"), steps: [] }, groups);
  drawPairingScopeTwist({ ...d, prng: d.prng.fork("pairing-scopes"), steps: [] }, groups);
  drawMergedRoleApproval({ ...d, prng: d.prng.fork("merged-roles"), steps: [] }, groups);
  drawSecretFallbackReset({ ...d, prng: d.prng.fork("secret-fallback"), steps: [] }, groups);
  drawCustomBindEpisode({ ...d, prng: d.prng.fork("custom-bind"), steps: [] }, groups);
  drawAutoBindEpisode({ ...d, prng: d.prng.fork("auto-bind"), steps: [] }, groups);
  drawTokenlessEpisode({ ...d, prng: d.prng.fork("tokenless"), steps: [] }, groups);
}
var tokenlessEpisodeToken = "T-set-again";
function drawTokenlessEpisode(d, groups) {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 5 })) return;
  const at = prng.int(5e3, d.safetyMs - 2e4);
  const edit = (atMs, path, value) => d.steps.push({ atMs, step: { kind: "config-edit", path, value } });
  if (prng.fork("cli-auth-loss").chance({ numerator: 1, denominator: 2 })) d.steps.push({ atMs: at, step: { kind: "cli-auth-loss" } });
  edit(at, "gateway.bind", "loopback");
  edit(at, "gateway.auth.token", "");
  d.steps.push({ atMs: at + authModeEpisodeMs - 3e3, step: { kind: "approve-pending" } });
  d.steps.push({ atMs: at + authModeEpisodeMs, step: { kind: "rotate-token", site: "config", token: tokenlessEpisodeToken } });
  edit(at + authModeEpisodeMs, "gateway.bind", "lan");
  groups.push({ twist: "tokenless-episode", steps: d.steps });
}
var autoBindEpisodeName = "gw-auto-bind";
function drawAutoBindEpisode(d, groups) {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 4 })) return;
  const at = prng.int(5e3, d.safetyMs - 2e4);
  bindEpisodeSteps(d, at, autoBindEpisodeName, [["gateway.bind", "auto"]]);
  groups.push({ twist: "auto-bind-episode", steps: d.steps });
}
function bindEpisodeSteps(d, at, name, edits) {
  for (const [path, value] of edits) d.steps.push({ atMs: at, step: { kind: "config-edit", path, value } });
  const probeAt = at + authModeEpisodeMs - 3e3;
  probe(d, probeAt, "gateway-host", { name: `${name}-local`, connect: { params: params2(cli, "operator") } });
  probe(d, probeAt + 1e3, "lan", { name: `${name}-lan`, connect: { params: params2(cli, "operator") } });
  d.steps.push({ atMs: at + authModeEpisodeMs, step: { kind: "config-edit", path: "gateway.bind", value: "lan" } });
}
var customBindEpisodeName = "gw-custom-bind";
var strayBindHost = "198.51.100.23";
function drawCustomBindEpisode(d, groups) {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 4 })) return;
  const at = prng.int(5e3, d.safetyMs - 2e4);
  const host = prng.pick([gatewayHostAddress, strayBindHost]);
  bindEpisodeSteps(d, at, customBindEpisodeName, [
    ["gateway.customBindHost", host],
    ["gateway.bind", "custom"]
  ]);
  groups.push({ twist: "custom-bind-episode", steps: d.steps });
}
var secretFallbackResetName = "gw-secret-fallback-reset";
var wrongSharedToken = "chaos-wrong-shared-token";
function drawSecretFallbackReset(d, groups) {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 4 })) return;
  const at = prng.int(5e3, d.safetyMs - 2e4);
  const name = secretFallbackResetName;
  const paired = `${freshPrefix}secret-fallback-device`;
  const stranger = signedBy(`${freshPrefix}secret-fallback-stranger`);
  const wrong = { params: params2(cli, "operator", { auth: { token: wrongSharedToken } }) };
  const shortOfLockout = Math.max(1, (d.limiterMaxAttempts ?? 10) - 1);
  probe(d, at, "gateway-host", { name: `${name}-pair`, connect: { params: params2(cli, "operator") }, device: signedBy(paired) });
  probe(d, at + 2e3, "lan", { name: `${name}-wrong`, connect: wrong, device: stranger }, shortOfLockout);
  const fallback = { params: params2(cli, "operator", { auth: { token: wrongSharedToken, deviceToken: `{{deviceToken:${paired}}}` } }) };
  probe(d, at + 4e3, "lan", { name: `${name}-fallback`, connect: fallback, device: signedBy(paired) });
  probe(d, at + 5e3, "lan", { name: `${name}-wrong-again`, connect: wrong, device: stranger });
  probe(d, at + 6e3, "lan", { name: `${name}-right`, connect: { params: params2(cli, "operator") }, device: stranger });
  groups.push({ twist: "secret-fallback-reset", steps: d.steps });
}
var mergedRoleApprovalName = "gw-merged-role-approval";
function drawMergedRoleApproval(d, groups) {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 4 })) return;
  const at = prng.int(5e3, d.safetyMs - 2e4);
  const name = mergedRoleApprovalName;
  const device = signedBy(`${freshPrefix}merged-role-device`);
  const approver = `${freshPrefix}merged-role-approver`;
  const asNode = { params: params2({ id: "node-host", mode: "node" }, "node") };
  probe(d, at, "lan", { name: `${name}-node`, connect: asNode, device });
  probe(d, at + 2e3, "lan", { name: `${name}-operator`, connect: { params: params2(cli, "operator") }, device });
  const approve = { method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } };
  probe(d, at + 4e3, "gateway-host", { name: `${name}-approve`, connect: { params: params2(cli, "operator", { scopes: admin }) }, device: signedBy(approver), afterHello: [approve] });
  probe(d, at + 6e3, "lan", { name: `${name}-node-again`, connect: asNode, device });
  groups.push({ twist: "merged-role-approval", steps: d.steps });
}
function drawRotateUnapprovedRole(d, groups) {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 4 })) return;
  const at = prng.int(5e3, d.safetyMs - 15e3);
  const device = freshIdentity(d);
  const caller = freshIdentity(d);
  const name = rotateUnapprovedRoleName;
  probe(d, at, "gateway-host", { name: `${name}-target`, connect: { params: params2(cli, "operator") }, device: signedBy(device) });
  const rotate3 = { method: "device.token.rotate", params: { deviceId: `{{deviceId:${device}}}`, role: "node", scopes: [] } };
  probe(d, at + 2e3, "gateway-host", { name, connect: { params: params2(cli, "operator", { scopes: admin }) }, device: signedBy(caller), afterHello: [rotate3] });
  groups.push({ twist: "rotate-unapproved-role", steps: d.steps });
}
var pairingScopeTwists = ["held-token-approval", "node-scope-prefix", "backend-node-unapproved"];
function drawPairingScopeTwist(d, groups) {
  const { prng } = d;
  if (!prng.chance({ numerator: 1, denominator: 2 })) return;
  const twist = prng.pick(pairingScopeTwists);
  const at = prng.int(5e3, d.safetyMs - 2e4);
  const name = `gw-${twist}`;
  const device = `${freshPrefix}${twist}-device`;
  const caller = `${freshPrefix}${twist}-caller`;
  const asRead = { params: params2(cli, "operator") };
  const node = { id: "node-host", mode: "node" };
  switch (twist) {
    case "held-token-approval": {
      probe(d, at, "gateway-host", { name: `${name}-pair`, connect: { params: params2(cli, "operator", { scopes: admin }) }, device: signedBy(device) });
      const moved = params2({ ...cli, platform: "darwin" }, "operator", { scopes: [] });
      probe(d, at + 2e3, "lan", { name: `${name}-upgrade`, connect: { params: moved }, device: signedBy(device) });
      const approve = { method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } };
      const pairingOnly = { params: params2(cli, "operator", { scopes: ["operator.pairing"] }) };
      probe(d, at + 4e3, "gateway-host", { name: `${name}-approve`, connect: pairingOnly, device: signedBy(caller), afterHello: [approve] });
      break;
    }
    case "node-scope-prefix": {
      const approver = `${freshPrefix}${twist}-approver`;
      probe(d, at, "gateway-host", { name: `${name}-pair`, connect: asRead, device: signedBy(device) });
      probe(d, at + 2e3, "gateway-host", { name: `${name}-node`, connect: { params: params2(node, "node") }, device: signedBy(device) });
      const approve = { method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } };
      probe(d, at + 4e3, "gateway-host", { name: `${name}-approve`, connect: { params: params2(cli, "operator", { scopes: admin }) }, device: signedBy(approver), afterHello: [approve] });
      probe(d, at + 6e3, "gateway-host", { name: `${name}-node-read`, connect: { params: params2(node, "node", { scopes: ["operator.read"] }) }, device: signedBy(device) });
      const rotate3 = { method: "device.token.rotate", params: { deviceId: `{{deviceId:${device}}}`, role: "node", scopes: ["operator.read"] } };
      const callerScopes = { params: params2(cli, "operator", { scopes: ["operator.pairing", "operator.read"] }) };
      probe(d, at + 8e3, "gateway-host", { name: `${name}-rotate`, connect: callerScopes, device: signedBy(caller), afterHello: [rotate3] });
      break;
    }
    case "backend-node-unapproved":
      probe(d, at, "gateway-host", { name: `${name}-pair`, connect: asRead, device: signedBy(device) });
      probe(d, at + 2e3, "gateway-host", { name: `${name}-node`, connect: { params: params2({ id: "gateway-client", mode: "backend" }, "node") }, device: signedBy(device) });
      break;
  }
  groups.push({ twist, steps: d.steps });
}
function drawWorld(prng) {
  const fields = {};
  if (prng.chance({ numerator: 1, denominator: 4 })) fields.trustedProxies = ["127.0.0.1"];
  if (prng.fork("container").chance({ numerator: 1, denominator: 2 })) fields.container = true;
  return fields;
}
function drawGatewayWorld(prng, options) {
  const fields = drawWorld(prng);
  const pairingTwists = options.pairingTwists !== false;
  const d = { prng, safetyMs: options.safetyMs, fresh: 0, steps: [], pairingTwists, allowedOrigins: options.allowedOrigins, limiterMaxAttempts: options.limiterMaxAttempts };
  const groups = [];
  const count = prng.int(0, 4);
  for (let i = 0; i < count; i++) {
    const twist = prng.pick(gatewayTwists);
    d.steps = [];
    drawTwist(d, twist, i);
    groups.push({ twist, steps: d.steps });
  }
  if (d.pairingTwists) drawDeviceRpcs({ ...d, prng: prng.fork("device-rpcs"), steps: [] }, groups);
  return { fields, steps: withoutOverlaps(groups) };
}
function withoutOverlaps(groups) {
  const window = (episode2) => ({ from: episode2.steps[0].atMs - 3e3, to: episode2.steps[0].atMs + authModeEpisodeMs + 1e3 });
  const clearOf = (g, w2) => g.steps.every((s) => s.atMs < w2.from || s.atMs > w2.to);
  const isBindEpisode = (g) => bindEpisodes.includes(g.twist);
  let kept = groups.filter((g) => !isBindEpisode(g));
  const episode = kept.find((g) => g.twist === "auth-mode-episode");
  if (episode) kept = kept.filter((g) => g === episode || g.twist !== "auth-mode-episode" && clearOf(g, window(episode)));
  for (const name of bindEpisodes) {
    const bind = groups.find((g) => g.twist === name);
    if (bind && kept.every((g) => clearOf(g, window(bind)))) kept.push(bind);
  }
  return kept.flatMap((g) => g.steps);
}

// src/chaos/probes.ts
var probeHost = "prober";
var probeOtherIdentity = "probe-other";
var probeIdentities = { ...conformanceIdentities, [probeOtherIdentity]: otherKeySeed };
var seedNames = new Map(Object.entries(probeIdentities).map(([name, seed]) => [seed, name]));
function nameOfSeed(seed) {
  const name = seedNames.get(seed);
  if (name === void 0) throw new Error("probe device outside the identity pool");
  return name;
}
function releaseProtocol(params4) {
  const out = { ...params4 };
  for (const key of ["minProtocol", "maxProtocol"]) if (out[key] === 4) out[key] = "{{protocol}}";
  return out;
}
function toProbeAttempt(attempt) {
  const { device, connect, ...rest } = attempt;
  const params4 = connect && "params" in connect && connect.params ? { ...connect, params: releaseProtocol(connect.params) } : connect;
  const base = { ...rest, ...params4 !== void 0 ? { connect: params4 } : {} };
  if (!device) return base;
  const { identitySeed: identitySeed2, otherKeySeed: other, ...fields } = device;
  return { ...base, device: { identity: nameOfSeed(identitySeed2), ...fields, ...other !== void 0 ? { otherKey: nameOfSeed(other) } : {} } };
}
var oversizedBytes = [7e4, 3e5, 6e5];
var burstRefusals = ["wrong-token", "no-token", "silent"];
var burstCopies2 = [4, 8, 12, 40];
var sessionTwists = ["sessionless-chat", "config-get", "rotate-other", "approve-last", "node-calls", "unauthorized-calls"];
var requestTwists = ["forwarded-for", "forwarded-user", "secret-as-password"];
var probeShapeArb = fc3.oneof(
  { weight: 10, arbitrary: fc3.record({ kind: fc3.constant("attempt"), choice: attemptChoiceArb, twist: fc3.constant("none") }) },
  { weight: 3, arbitrary: fc3.record({ kind: fc3.constant("attempt"), choice: attemptChoiceArb, twist: fc3.constantFrom(...requestTwists) }) },
  { weight: 8, arbitrary: fc3.record({ kind: fc3.constant("attempt"), choice: cleanChoiceArb, twist: fc3.constantFrom(...sessionTwists) }) },
  { weight: 1, arbitrary: fc3.constant({ kind: "idle" }) },
  { weight: 1, arbitrary: fc3.record({ kind: fc3.constant("oversized"), choice: attemptChoiceArb, bytes: fc3.constantFrom(...oversizedBytes) }) },
  { weight: 2, arbitrary: fc3.record({ kind: fc3.constant("burst"), refusal: fc3.constantFrom(...burstRefusals), origin: fc3.boolean(), copies: fc3.constantFrom(...burstCopies2) }) }
);
function burstAttempt(name, refusal, origin) {
  const headers = origin ? { headers: { origin: localOrigin } } : {};
  if (refusal === "silent") return { name, ...headers, waitMsMax: 3e3 };
  const auth = refusal === "wrong-token" ? { auth: { token: wrongToken } } : {};
  const params4 = { minProtocol: 4, maxProtocol: 4, client: { id: "cli", version: "2026.9.6", platform: "linux", mode: "cli" }, role: "operator", scopes: ["operator.read"], ...auth };
  return { name, ...headers, connect: { params: params4 } };
}
function withCalls(attempt, calls) {
  return { ...attempt, afterHello: [...attempt.afterHello ?? [], ...calls] };
}
function withScopes(attempt, scopes) {
  const connect = attempt.connect;
  if (!connect || !("params" in connect)) return attempt;
  return { ...attempt, connect: { ...connect, params: { ...connect.params, role: "operator", scopes: [...scopes] } } };
}
function withHeaders(attempt, headers) {
  return { ...attempt, headers: { ...attempt.headers ?? {}, ...headers } };
}
function twisted(attempt, twist) {
  switch (twist) {
    case "none":
      return attempt;
    case "sessionless-chat":
      return withCalls(attempt, [{ method: "chat.send", params: { message: "chaos probe", idempotencyKey: "chaos-probe" } }]);
    case "config-get":
      return withCalls(attempt, [{ method: "config.get", params: {} }]);
    case "rotate-other": {
      const caller = attempt.device ? nameOfSeed(attempt.device.identitySeed) : void 0;
      const target = caller === "ann" ? "ben" : "ann";
      return withCalls(withScopes(attempt, ["operator.pairing"]), [{ method: "device.token.rotate", params: { deviceId: `{{deviceId:${target}}}`, role: "operator", scopes: ["operator.admin"] } }]);
    }
    case "unauthorized-calls":
      return withCalls(withScopes(attempt, ["operator.read"]), Array.from({ length: 12 }, () => ({ method: "device.pair.approve", params: { requestId: "chaos-probe" } })));
    case "approve-last":
      return withCalls(attempt, [{ method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } }]);
    case "node-calls":
      return withCalls(attempt, [{ method: "node.pair.list", params: {} }, { method: "node.list", params: {} }]);
    case "forwarded-for":
      return withHeaders(attempt, { "x-forwarded-for": "203.0.113.7" });
    case "forwarded-user":
      return withHeaders(attempt, { "x-forwarded-for": "203.0.113.7", "x-forwarded-user": "probe-user" });
    case "secret-as-password": {
      const connect = attempt.connect;
      if (!connect || !("params" in connect)) return attempt;
      const auth = connect.params["auth"];
      if (auth?.["token"] === void 0) return attempt;
      const { token, ...rest } = auth;
      return { ...attempt, connect: { ...connect, params: { ...connect.params, auth: { ...rest, password: token } } } };
    }
  }
}
function shapeAttempt(name, shape) {
  switch (shape.kind) {
    case "idle":
      return { name, waitMsMax: 4e4 };
    case "oversized": {
      const attempt = attemptOf(name, shape.choice);
      const connect = attempt.connect && "params" in attempt.connect ? { ...attempt.connect, padToBytes: shape.bytes } : attempt.connect;
      return { ...attempt, ...connect !== void 0 ? { connect } : {} };
    }
    case "attempt":
      return twisted(attemptOf(name, shape.choice), shape.twist);
    case "burst":
      return burstAttempt(name, shape.refusal, shape.origin);
  }
}
var probeArrayArbs = /* @__PURE__ */ new Map();
function probeArrayArb(count) {
  let arb = probeArrayArbs.get(count);
  if (!arb) {
    arb = fc3.array(probeShapeArb, { minLength: count, maxLength: count });
    probeArrayArbs.set(count, arb);
  }
  return arb;
}
function drawProbes(prng, count) {
  if (count === 0) return [];
  const shapes = drawArbitrary(prng, probeArrayArb(count));
  return shapes.map((shape, i) => {
    const remote = prng.chance({ numerator: 1, denominator: 2 });
    const needsSession = shape.kind === "attempt" && sessionTwists.includes(shape.twist);
    const copies = shape.kind === "burst" ? { copies: shape.copies } : {};
    return { from: remote && !needsSession ? "lan" : "gateway-host", attempt: toProbeAttempt(shapeAttempt(`probe-${i}`, shape)), ...copies };
  });
}
function probeWorldAttempt(attempt, protocol) {
  const { device, connect, ...rest } = attempt;
  const params4 = connect && "params" in connect && connect.params ? { ...connect, params: withProtocol(connect.params, protocol) } : connect;
  const base = { ...rest, ...params4 !== void 0 ? { connect: params4 } : {} };
  if (!device) return base;
  const { identity, otherKey, ...fields } = device;
  const identitySeed2 = isGatewayIdentity(identity) ? gatewayIdentitySeed(identity) : probeIdentities[identity];
  return { ...base, device: { ...fields, identitySeed: identitySeed2, ...otherKey !== void 0 ? { otherKeySeed: probeIdentities[otherKey] } : {} } };
}
function withProtocol(params4, protocol) {
  const out = { ...params4 };
  for (const key of ["minProtocol", "maxProtocol"]) if (out[key] === "{{protocol}}") out[key] = protocol;
  return out;
}

// src/chaos/worlds-client.ts
var handshakeTimeoutEnvName = "OPENCLAW_HANDSHAKE_TIMEOUT_MS";
var tabBrowser = "firefox";
var laptopMachine = "laptop";
var laptopHost = "laptop-host";
var namedGatewayUrl = `ws://${gatewayMachine}:${gatewayPort}`;
var mdnsGatewayUrl = `ws://${gatewayMachine}.local:${gatewayPort}`;
var lanPageOrigin = `http://${gatewayHostAddress}:${gatewayPort}`;
var localPageOrigin = `http://127.0.0.1:${gatewayPort}`;
var slowChallengeDelayMsMin = 2500;
var slowChallengeDelayMsMax = 9e3;
var handshakeEnvMsMin = 1e4;
var handshakeEnvMsMax = 14e3;
var raisedHandshakeEnvMsMin = 2e4;
var raisedHandshakeEnvMsMax = 25e3;
var stalledChallengeDelayMsMin = 16e3;
var stalledChallengeDelayMsMax = 19e3;
var idleWaitMs = 4e4;
var episodesMax = 3;
var episodeWeights = [
  ["tabs-local", 3],
  ["tab-lan", 2],
  ["named-ws", 1],
  ["slow-challenge", 2],
  ["handshake-env", 1]
];
function pickEpisode(prng) {
  return prng.pickWeighted(episodeWeights) ?? "tabs-local";
}
function drawClientWorld(prng, safetyMs) {
  if (!prng.chance({ numerator: 1, denominator: 2 })) return void 0;
  const steps = [];
  let lanTab = false;
  const count = prng.int(1, episodesMax);
  for (let i = 0; i < count; i++) {
    const atMs = prng.int(5e3, safetyMs - 3e4);
    switch (pickEpisode(prng)) {
      case "tabs-local": {
        const urlToken = prng.chance({ numerator: 3, denominator: 4 }) ? "fragment" : "query";
        steps.push({ atMs, step: { kind: "ui-tab", tab: `ui-tab-${i}`, on: "gateway-host", urlToken } });
        steps.push({ atMs: atMs + prng.int(5e3, 2e4), step: { kind: "ui-tab", tab: `ui-tab-${i}b`, on: "gateway-host", urlToken: "none" } });
        break;
      }
      case "tab-lan":
        lanTab = true;
        steps.push({ atMs, step: { kind: "ui-tab", tab: `ui-tab-${i}`, on: "lan", urlToken: "fragment" } });
        break;
      case "named-ws": {
        const mdns = prng.fork(`named-mdns-${i}`).chance({ numerator: 1, denominator: 2 });
        steps.push({ atMs, step: { kind: "named-ws-client", name: `named-${i}`, ...mdns ? { mdns: true } : {} } });
        break;
      }
      case "slow-challenge":
        steps.push({ atMs, step: { kind: "slow-challenge", delayMs: prng.int(slowChallengeDelayMsMin, slowChallengeDelayMsMax), forMs: prng.int(1e4, 25e3) } });
        break;
      case "handshake-env": {
        const timeoutMs = prng.int(handshakeEnvMsMin, handshakeEnvMsMax);
        const raised = prng.fork(`handshake-raised-${i}`);
        if (!raised.chance({ numerator: 1, denominator: 3 })) {
          steps.push({ atMs, step: { kind: "handshake-env", timeoutMs, idle: `idle-${i}` } });
          break;
        }
        const raisedMs = raised.int(raisedHandshakeEnvMsMin, raisedHandshakeEnvMsMax);
        steps.push({ atMs, step: { kind: "slow-challenge", delayMs: raised.int(stalledChallengeDelayMsMin, stalledChallengeDelayMsMax), forMs: raised.int(2e4, 3e4) } });
        steps.push({ atMs: atMs + 1e3, step: { kind: "handshake-env", timeoutMs: raisedMs, idle: `idle-${i}` } });
        break;
      }
    }
  }
  return { steps, ...lanTab ? { allowedOrigins: [lanPageOrigin] } : {} };
}
function tabMachine(on) {
  return on === "lan" ? laptopMachine : gatewayMachine;
}
function tabUrl(on, urlToken, token) {
  const origin = on === "lan" ? lanPageOrigin : localPageOrigin;
  const tail = urlToken === "fragment" ? `#token=${token}` : urlToken === "query" ? `?token=${token}` : "";
  return `${origin}/${tail}`;
}
function browserIdentitySeed(machine) {
  return identitySeedFor(`browser:${machine}/${tabBrowser}`);
}
function runClientWorldStep(cw, step, token, rules) {
  const { world } = cw;
  switch (step.kind) {
    case "ui-tab": {
      if (step.on === "lan" && !world.network.hosts.has(laptopHost)) {
        world.addHost({ name: laptopHost, kind: "lan" });
        world.addMachine({ name: laptopMachine, host: laptopHost, machine: createMachine({ name: laptopMachine, config: {}, dotEnvText: null }), cliIdentity: null });
      }
      const machine = tabMachine(step.on);
      const identity = identityFromSeed(Uint8Array.from(Buffer.from(browserIdentitySeed(machine), "hex")));
      openControlUiTab(world, { machine, browser: tabBrowser, tabId: step.tab, client: step.tab, pageUrl: tabUrl(step.on, step.urlToken, token), identity });
      return;
    }
    case "named-ws-client": {
      const host = `${step.name}-host`;
      world.addHost({ name: host, kind: "lan" });
      world.addClient({ name: step.name, host, user: step.name, client: { kind: "backend", url: step.mdns ? mdnsGatewayUrl : namedGatewayUrl, identity: null, passiveToken: token, allowInsecurePrivateWs: false } });
      return;
    }
    case "slow-challenge": {
      const rule = world.network.addRule(gatewayFramesLate(step.delayMs));
      rules.add(rule);
      world.scheduler.schedule(step.forMs, { actor: "chaos", label: "end delay", traced: true }, () => {
        if (rules.delete(rule)) rule.remove();
      });
      for (const id of world.network.connectionIds()) world.network.reset(id);
      world.scheduler.schedule(0, { actor: "chaos", label: "end reset-all", traced: true }, () => {
      });
      return;
    }
    case "handshake-env": {
      const value = String(step.timeoutMs);
      world.updateMachine(gatewayMachine, (m) => withEnvAt(m, "unit", handshakeTimeoutEnvName, value), `${handshakeTimeoutEnvName}=${value} in unit`);
      world.operator(gatewayMachine, op.gatewayRestart());
      world.attempt({ fromHost: gatewayMachine, url: localUrl, port: gatewayPort, gatewayToken: token, identities: {}, attempt: { name: step.idle, waitMsMax: idleWaitMs } });
      return;
    }
  }
}
function clientWorldSteps(step, tokenPlaceholder, added) {
  switch (step.kind) {
    case "ui-tab": {
      const steps = [];
      if (step.on === "lan" && !added.has(laptopHost)) {
        added.add(laptopHost);
        steps.push({ host: { name: laptopHost, kind: "lan" } }, { machine: { name: laptopMachine, host: laptopHost, config: {} } });
      }
      const url = tabUrl(step.on, step.urlToken, tokenPlaceholder);
      steps.push({ browserTab: { action: "open", machine: tabMachine(step.on), browser: tabBrowser, tab: step.tab, client: step.tab, url } });
      return steps;
    }
    case "named-ws-client": {
      const host = `${step.name}-host`;
      return [{ host: { name: host, kind: "lan" } }, { client: { name: step.name, kind: "backend", host, url: step.mdns ? mdnsGatewayUrl : namedGatewayUrl, user: step.name, passiveToken: tokenPlaceholder, allowInsecurePrivateWs: false } }];
    }
    case "slow-challenge":
      return [{ netFault: { delay: { ms: step.delayMs }, forMs: step.forMs } }, { netFault: { resetAll: true, forMs: 0 } }];
    case "handshake-env":
      return [
        { hostEnv: { machine: gatewayMachine, site: "unit", name: handshakeTimeoutEnvName, value: String(step.timeoutMs) } },
        { openclaw: { machine: gatewayMachine, command: { ...op.gatewayRestart() } } },
        { connect: { name: step.idle, waitMsMax: idleWaitMs, host: gatewayMachine, url: localUrl, background: true, token: tokenPlaceholder } }
      ];
  }
}

// src/chaos/plan.ts
var safetyMsDefault = 12e4;
var chaosConvergeWithinMsDefault = 2e5;
var firstToken = "T1";
var stepDrawsMax = 8;
var localKinds = ["tui", "backend", "node", "control-ui"];
var lanKinds = ["backend", "node", "tui", "control-ui"];
function drawGateway(prng) {
  const half = { numerator: 1, denominator: 2 };
  return {
    legacyUnit: prng.chance(half),
    allowInsecureAuth: prng.chance({ numerator: 1, denominator: 3 }),
    shellToken: prng.chance(half),
    dotEnvToken: prng.chance({ numerator: 1, denominator: 3 })
  };
}
function drawRateLimit(prng) {
  if (!prng.chance({ numerator: 1, denominator: 3 })) return void 0;
  return {
    maxAttempts: prng.int(2, 10),
    windowMs: prng.pick([1e4, 6e4]),
    lockoutMs: prng.pick([5e3, 3e4, 6e4]),
    exemptLoopback: prng.chance({ numerator: 1, denominator: 2 })
  };
}
function drawClient(prng, i) {
  const on = prng.chance({ numerator: 2, denominator: 3 }) ? "gateway-host" : "lan";
  const kind = prng.pick(on === "lan" ? lanKinds : localKinds);
  const name = `${kind}-${i}`;
  if (kind === "control-ui") {
    return { name, kind, on, withDevice: on === "gateway-host", credential: on === "lan" ? "handed" : "browser" };
  }
  const withDevice = kind !== "backend" || prng.chance({ numerator: 1, denominator: 2 });
  if (on === "lan") return { name, kind, on, withDevice, credential: prng.pick(["handed", "explicit"]) };
  const credential = prng.pick(kind === "tui" ? ["explicit", "shell"] : ["explicit", "own-env", "shell"]);
  return { name, kind, on, withDevice, credential };
}
function generatePlan(seed, preset2, options = {}) {
  return drawPlan(seed, new Prng(seed, "chaos:plan"), preset2, options);
}
function drawPlan(seed, prng, preset2, options = {}) {
  const swarm = drawSwarm(prng.fork("swarm"));
  const rateLimit = drawRateLimit(prng.fork("gateway-limiter"));
  const clientWorld = preset2.clientWorlds === false ? void 0 : drawClientWorld(prng.fork("client-worlds"), safetyMsDefault);
  const origins = clientWorld?.allowedOrigins;
  const gateway = { ...drawGateway(prng.fork("gateway")), ...rateLimit ? { rateLimit } : {}, ...origins ? { allowedOrigins: origins } : {} };
  const clientPrng = prng.fork("clients");
  const clientCount = clientPrng.int(preset2.clientsMin, preset2.clientsMax);
  const clients = Array.from({ length: clientCount }, (_, i) => drawClient(clientPrng, i));
  const stepPrng = prng.fork("steps");
  const count = stepPrng.int(preset2.stepsMin, preset2.stepsMax);
  const tokens = { next: 2 };
  const steps = [];
  for (let i = 0; i < count; i++) {
    const atMs = stepPrng.int(5e3, safetyMsDefault - 1e4);
    const step = drawStep(stepPrng, swarm, clients, preset2, tokens);
    if (step) steps.push({ atMs, step });
  }
  const probePrng = prng.fork("probes");
  for (const probe2 of drawProbes(probePrng, swarm.probe * preset2.probesPerWeight)) {
    steps.push({ atMs: probePrng.int(5e3, safetyMsDefault - 1e4), step: { kind: "probe", ...probe2 } });
  }
  steps.push(...clientWorld?.steps ?? []);
  const pairingTwists = options.pairingTwists === false ? { pairingTwists: false } : {};
  const gatewayWorldOptions = { safetyMs: safetyMsDefault, allowedOrigins: origins, limiterMaxAttempts: rateLimit?.maxAttempts, ...pairingTwists };
  const gatewayWorld = options.gatewayWorld === false ? { fields: {}, steps: [] } : drawGatewayWorld(prng.fork("gateway-world"), gatewayWorldOptions);
  steps.push(...gatewayWorld.steps);
  steps.sort((a, b) => a.atMs - b.atMs);
  return { seed, preset: preset2.name, swarm, gateway: { ...gateway, ...gatewayWorld.fields }, clients, steps, safetyMs: safetyMsDefault, convergeWithinMs: chaosConvergeWithinMsDefault };
}
function drawStep(prng, swarm, clients, preset2, tokens) {
  for (let draw = 0; draw < stepDrawsMax; draw++) {
    const kind = pickKind(prng, swarm);
    if (kind === void 0) return void 0;
    const step = stepOfKind(prng, kind, clients, preset2, tokens);
    if (step) return step;
  }
  return void 0;
}
function stepOfKind(prng, kind, clients, preset2, tokens) {
  const paired = clients.filter((c2) => c2.withDevice);
  switch (kind) {
    case "rotate-token":
      return { kind, site: prng.pick(tokenSites), token: `T${tokens.next++}` };
    case "gateway-restart":
      return { kind };
    case "gateway-install":
      return { kind, force: prng.chance({ numerator: 3, denominator: 4 }) };
    case "doctor-fix":
      return prng.chance({ numerator: 1, denominator: 2 }) ? { kind, racesRotationTo: `T${tokens.next++}` } : { kind };
    case "device-rotate":
    case "device-revoke":
    case "device-remove":
    case "identity-loss":
      return paired.length > 0 ? { kind, client: prng.pick(paired).name } : void 0;
    case "approve-pending":
    case "reject-pending":
      return { kind };
    case "relaunch":
      return clients.length > 0 ? { kind, client: prng.pick(clients).name } : void 0;
    case "fault":
      return { kind, fault: drawFault(prng, clients, preset2), durationMs: prng.int(1e3, preset2.episodeMsMax) };
    case "adversary":
      return { kind, attack: drawAttack(prng, clients) };
    case "probe":
      return void 0;
  }
}
function drawFault(prng, clients, preset2) {
  const lan = clients.filter((c2) => c2.on === "lan");
  switch (prng.int(0, 6)) {
    case 0:
      return { kind: "drop" };
    case 1:
      return { kind: "duplicate" };
    case 2:
      return lan.length > 0 ? { kind: "partition", client: prng.pick(lan).name } : { kind: "reset-all" };
    case 3:
      return { kind: "reset-all" };
    case 4:
      return { kind: "process-restart", downMs: prng.int(0, 5e3) };
    case 5:
      return { kind: "gateway-crash", downMs: prng.int(500, 1e4) };
    default:
      return lan.length > 0 ? { kind: "clock-jump", client: prng.pick(lan).name, deltaMs: prng.int(-preset2.skewMsMax, preset2.skewMsMax) } : { kind: "drop" };
  }
}
function drawAttack(prng, clients) {
  const paired = clients.filter((c2) => c2.withDevice);
  const victim = paired.length > 0 ? prng.pick(paired).name : void 0;
  const kinds = ["replay-connect", "reflect-nonce", "splice-signature", "downgrade-v2", "forge-device-id", "stale-device-token"];
  if (victim !== void 0 && prng.chance({ numerator: 2, denominator: 3 })) return { kind: prng.pick(kinds), client: victim };
  if (prng.chance({ numerator: 1, denominator: 2 })) return { kind: "preauth-flood", sockets: prng.int(8, 48) };
  return { kind: "bad-frame", shape: prng.pick(["oversized", "not-json", "wrong-first-method"]) };
}
function selectPlan(plan, selection) {
  const clients = selection.clients.map((i) => plan.clients[i]).filter((c2) => c2 !== void 0);
  const names = new Set(clients.map((c2) => c2.name));
  const retimed = new Map((selection.retimed ?? []).map((r) => [r.index, r.atMs]));
  const steps = selection.steps.map((i) => {
    const s = plan.steps[i];
    return s && retimed.has(i) ? { ...s, atMs: retimed.get(i) } : s;
  }).filter((s) => s !== void 0).filter((s) => {
    const client = stepClient(s.step);
    return client === void 0 || names.has(client);
  }).sort((a, b) => a.atMs - b.atMs);
  return { ...plan, clients, steps };
}
function fullSelection(plan) {
  return { clients: plan.clients.map((_, i) => i), steps: plan.steps.map((_, i) => i) };
}
function formatReplayPath(selection) {
  const retimed = new Map((selection.retimed ?? []).map((r) => [r.index, r.atMs]));
  const step = (i) => retimed.has(i) ? `${i}@${retimed.get(i)}` : `${i}`;
  return `c${selection.clients.join(".")}-e${selection.steps.map(step).join(".")}`;
}

// src/chaos/plan-arbitrary.ts
import fc4 from "fast-check";
var planSeedMax = (1n << 64n) - 1n;

// src/chaos/timeline.ts
function emptyLedger() {
  return { rules: /* @__PURE__ */ new Set(), clockJumps: /* @__PURE__ */ new Map() };
}
function configToken(cw) {
  const token = cw.world.machine(gatewayMachine).machine.config.config.gateway?.auth?.token;
  return typeof token === "string" ? token : "";
}
function writeToken(machine, site, token) {
  switch (site) {
    case "shell-env":
      return withShellEnv(machine, envWith(machine.shellEnv, envNames.gatewayToken, token));
    case "dotenv":
      return withDotEnvText(machine, `${envNames.gatewayToken}=${token}
`);
    case "unit": {
      const unit = machine.serviceUnit;
      if (!unit) return machine;
      const environment = [...unit.environment.filter((e) => e.key !== envNames.gatewayToken), { key: envNames.gatewayToken, value: token }];
      return withServiceUnit(machine, { ...unit, environment });
    }
    default:
      return assertNever(site, "token site");
  }
}
function rotate2(cw, site, token) {
  if (site === "config") cw.world.operator(gatewayMachine, op.rotateSharedToken(token));
  else cw.world.updateMachine(gatewayMachine, (m) => writeToken(m, site, token), `${envNames.gatewayToken}=${token} in ${site}`);
}
function deviceOf(cw, client) {
  const state = cw.clients.get(client);
  if (!state?.identity) return void 0;
  return { deviceId: state.identity.deviceId, role: state.spec.kind === "node" ? "node" : "operator" };
}
function settlePending(cw, verdict) {
  const list = cw.world.operator(gatewayMachine, op.devicesList());
  const pending = list.rpc?.ok ? list.rpc.payload.pending ?? [] : [];
  let settled = 0;
  for (const request of pending) {
    const command = verdict === "approve" ? op.devicesApprove(request.requestId) : op.devicesReject(request.requestId);
    if (cw.world.operator(gatewayMachine, command).rpc?.ok) settled++;
  }
  return settled;
}
function relaunch(cw, client) {
  cw.world.client(client).stop();
  startClient2(cw, client);
}
function loseIdentity(cw, client) {
  const state = cw.clients.get(client);
  cw.world.client(client).stop();
  state.generation++;
  state.identity = newIdentity(cw.world, client, state.generation);
  state.user = `${client}~${state.generation}`;
  startClient2(cw, client);
}
function startFault2(cw, fault, preset2, ledger) {
  const { world } = cw;
  const gateway = world.gateway("gateway");
  const ruled = (rule) => {
    ledger.rules.add(rule);
    return () => {
      if (ledger.rules.delete(rule)) rule.remove();
    };
  };
  switch (fault.kind) {
    case "drop":
      return ruled(world.network.addRule(drop({ ratio: preset2.dropRatio })));
    case "duplicate":
      return ruled(world.network.addRule(duplicate({ ratio: preset2.duplicateRatio })));
    case "partition":
      return ruled(world.partition(gatewayMachine, `${fault.client}-host`));
    case "reset-all":
      for (const id of world.network.connectionIds()) world.network.reset(id);
      return () => {
      };
    case "process-restart":
      gateway.restart(void 0, fault.downMs);
      return () => {
      };
    case "gateway-crash":
      gateway.crash();
      world.scheduler.schedule(fault.downMs, { actor: "chaos", label: "gateway back", traced: true }, () => gateway.start());
      return () => {
      };
    case "clock-jump": {
      const host = `${fault.client}-host`;
      world.skewClock(host, fault.deltaMs);
      ledger.clockJumps.set(host, (ledger.clockJumps.get(host) ?? 0) + fault.deltaMs);
      return () => {
      };
    }
    default:
      return assertNever(fault, "net fault");
  }
}
function applyStep(cw, step, preset2, ledger) {
  const { world } = cw;
  switch (step.kind) {
    case "rotate-token":
      return rotate2(cw, step.site, step.token);
    case "gateway-restart":
      world.operator(gatewayMachine, op.gatewayRestart());
      return;
    case "gateway-install":
      world.operator(gatewayMachine, op.gatewayInstall({ force: step.force }));
      return;
    case "doctor-fix": {
      if (step.racesRotationTo === void 0) {
        world.operator(gatewayMachine, op.doctor({ fix: true }));
        return;
      }
      const snapshot = world.machine(gatewayMachine).machine.config;
      world.operator(gatewayMachine, op.rotateSharedToken(step.racesRotationTo));
      world.operator(gatewayMachine, op.doctor({ fix: true }), { doctorSnapshot: snapshot, otherDoctorFixesPending: true });
      return;
    }
    case "device-rotate":
    case "device-revoke":
    case "device-remove": {
      const device = deviceOf(cw, step.client);
      if (!device) return;
      if (step.kind === "device-rotate") world.operator(gatewayMachine, op.devicesRotate(device));
      else if (step.kind === "device-revoke") world.operator(gatewayMachine, op.devicesRevoke(device));
      else world.operator(gatewayMachine, op.devicesRemove(device.deviceId));
      return;
    }
    case "approve-pending":
    case "reject-pending":
      settlePending(cw, step.kind === "approve-pending" ? "approve" : "reject");
      return;
    case "relaunch":
      return relaunch(cw, step.client);
    case "identity-loss":
      return loseIdentity(cw, step.client);
    case "fault": {
      const end = startFault2(cw, step.fault, preset2, ledger);
      world.scheduler.schedule(step.durationMs, { actor: "chaos", label: `end ${step.fault.kind}`, traced: true }, end);
      return;
    }
    case "adversary":
      return runAttack(cw, step.attack);
    case "probe":
      return runProbe(cw, step.from, step.attempt, step.copies ?? 1);
    case "ui-tab":
    case "named-ws-client":
    case "slow-challenge":
    case "handshake-env":
      return runClientWorldStep(cw, step, configToken(cw), ledger.rules);
    case "config-edit":
      world.operator(gatewayMachine, op.configSet(step.path, step.value));
      return;
    case "cli-auth-loss":
      world.deleteOperatorDeviceAuth(gatewayMachine);
      return;
    case "setup-code":
      return onboardWithSetupCode(cw, step);
    default:
      return assertNever(step, "chaos step");
  }
}
function onboardWithSetupCode(cw, step) {
  const { world } = cw;
  const host = `${step.name}-host`;
  world.addHost({ name: host, kind: "lan" });
  const code = world.operator(gatewayMachine, op.qr()).setupCode;
  world.addAnyClient({
    name: step.name,
    host,
    user: step.name,
    client: {
      kind: step.clientKind,
      url: remoteUrl,
      identity: identityFromSeed(Uint8Array.from(Buffer.from(gatewayIdentitySeed(step.identity), "hex"))),
      explicitToken: code?.token,
      passiveToken: void 0,
      password: code?.password,
      bootstrapToken: code?.bootstrapToken,
      storedTokens: void 0,
      scopes: step.scopes,
      ...step.commands !== void 0 ? { commands: step.commands } : {},
      oneShot: void 0
    }
  });
}
function runProbe(cw, from, probe2, copies) {
  const { world } = cw;
  if (from === "lan" && !world.network.hosts.has(probeHost)) world.addHost({ name: probeHost, kind: "lan" });
  const where = from === "lan" ? { fromHost: probeHost, url: remoteUrl } : { fromHost: gatewayMachine, url: localUrl };
  const attempt = probeWorldAttempt(probe2, world.profile.gateway.protocolVersion);
  const identities2 = { ...probeIdentities, ...gatewayIdentitiesNamed(probe2) };
  const gatewayToken = configToken(cw);
  for (let i = 0; i < copies; i++) world.attempt({ ...where, port: gatewayPort, gatewayToken, identities: identities2, attempt });
}

// src/chaos/adversary.ts
var adversaryHost = "adversary";
var adversarySeedHex2 = "ad".repeat(32);
var oversizedFrameBytes2 = 3e5;
var floodSocketsMax2 = 64;
function hex(bytes) {
  return Buffer.from(bytes).toString("hex");
}
function params3(cw, fields) {
  const protocol = cw.world.profile.gateway.protocolVersion;
  return {
    minProtocol: protocol,
    maxProtocol: protocol,
    client: fields.client ?? { id: "cli", version: "chaos", platform: "linux", mode: "cli" },
    role: fields.role ?? "operator",
    scopes: fields.scopes ?? ["operator.admin"],
    auth: fields.auth ?? { token: "{{gatewayToken}}" }
  };
}
function victimDevice(cw, client, extra) {
  const identity = cw.clients.get(client)?.identity;
  if (!identity) return void 0;
  return { identitySeed: hex(identity.privateKeySeed), payloadVersion: "v3", ...extra };
}
function attackAttempt2(cw, attack) {
  const name = `${adversaryAttemptPrefix}${attack.kind}${"client" in attack ? `:${attack.client}` : ""}`;
  const connect = { params: params3(cw, {}) };
  const withDevice = (client, extra) => {
    const device = victimDevice(cw, client, extra);
    return device ? { name, connect, device } : void 0;
  };
  switch (attack.kind) {
    case "replay-connect":
      return withDevice(attack.client, { nonce: "stale" });
    case "reflect-nonce":
      return withDevice(attack.client, { nonce: "challenge", signNonce: "stale" });
    case "splice-signature": {
      const victim = cw.clients.get(attack.client)?.identity;
      if (!victim) return void 0;
      return { name, connect, device: { identitySeed: adversarySeedHex2, payloadVersion: "v3", idOverride: victim.deviceId } };
    }
    case "downgrade-v2":
      return withDevice(attack.client, { payloadVersion: "v2", nonce: "stale" });
    case "forge-device-id":
      return { name, connect, device: { identitySeed: adversarySeedHex2, payloadVersion: "v3", idOverride: "f".repeat(64) } };
    case "stale-device-token": {
      const victim = cw.clients.get(attack.client)?.identity;
      if (!victim) return void 0;
      const role = cw.clients.get(attack.client).spec.kind === "node" ? "node" : "operator";
      const token = cw.world.deviceTokenFor(victim.deviceId, role) ?? "stale-device-token";
      return { name, connect: { params: params3(cw, { role, scopes: role === "node" ? [] : ["operator.admin"], auth: { deviceToken: token } }) } };
    }
    case "preauth-flood":
      return { name, waitMsMax: 2e3 };
    case "bad-frame":
      if (attack.shape === "oversized") return { name, connect: { params: params3(cw, {}), padToBytes: oversizedFrameBytes2 } };
      if (attack.shape === "not-json") return { name, connect: { raw: "{not json" } };
      return { name, connect: { raw: '{"type":"req","id":"a1","method":"health"}' } };
    default:
      return assertNever(attack, "attack");
  }
}
function runAttack(cw, attack) {
  const { world } = cw;
  if (!world.network.hosts.has(adversaryHost)) world.addHost({ name: adversaryHost, kind: "lan" });
  const attempt = attackAttempt2(cw, attack);
  if (!attempt) return;
  const copies = attack.kind === "preauth-flood" ? Math.min(attack.sockets, floodSocketsMax2) : 1;
  for (let i = 0; i < copies; i++) {
    world.attempt({ fromHost: adversaryHost, url: remoteUrl, port: gatewayPort, gatewayToken: configToken(cw), attempt });
  }
}

// src/chaos/heal.ts
var healApproveAfterMs = 1e4;
function healApproveAfter(plan) {
  const limiter = plan.gateway.rateLimit;
  return limiter ? Math.max(healApproveAfterMs, limiter.lockoutMs + 1e3) : healApproveAfterMs;
}
function stopFaults(cw, ledger) {
  for (const rule of ledger.rules) rule.remove();
  ledger.rules.clear();
  for (const [host, deltaMs] of ledger.clockJumps) if (deltaMs !== 0) cw.world.skewClock(host, -deltaMs);
  ledger.clockJumps.clear();
}
function oneTokenEverywhere(cw, token) {
  cw.world.updateMachine(gatewayMachine, (m) => {
    let out = m;
    if (envValue(m.shellEnv, envNames.gatewayToken) !== void 0) out = withShellEnv(out, envWith(out.shellEnv, envNames.gatewayToken, token));
    if (m.dotEnvText !== null && m.dotEnvText.includes(envNames.gatewayToken)) out = withDotEnvText(out, `${envNames.gatewayToken}=${token}
`);
    const unit = out.serviceUnit;
    if (unit) out = withServiceUnit(out, { ...unit, environment: unit.environment.filter((e) => e.key !== envNames.gatewayToken) });
    for (const c2 of cw.clients.values()) {
      if (c2.spec.kind === "control-ui" && c2.spec.on === "gateway-host") out = withControlUiToken(out, c2.spec.name, token, cw.world.profile.client.controlUiTokenPerTab);
    }
    return out;
  }, "heal: one gateway token in shell, .env and browser");
}
function handToken(cw, token) {
  for (const [name, state] of cw.clients) {
    state.token = token;
    relaunch(cw, name);
  }
}
function heal(cw, ledger, ctx) {
  const { world } = cw;
  stopFaults(cw, ledger);
  ctx.note("heal: faults stop; the operator applies the token-drift recovery checklist", { converge: true });
  const token = configToken(cw);
  oneTokenEverywhere(cw, token);
  world.operator(gatewayMachine, op.gatewayInstall({ force: true }));
  world.operator(gatewayMachine, op.doctor({ fix: true }));
  if (!world.gateway("gateway").running) world.startGatewayService(gatewayMachine);
  runFor(world, warmUpMs(world));
  handToken(cw, token);
  runFor(world, healApproveAfter(cw.plan));
  settlePending(cw, "approve");
  for (const name of cw.clients.keys()) if (world.client(name).state.lifecycle === "paused") world.client(name).start();
}

// src/chaos/to-lang.ts
var timelineMark = "timeline";
var configToken2 = `{{configToken:${gatewayMachine}}}`;
var operatorIdentity = "operator-cli";
function hex2(bytes) {
  return Buffer.from(bytes).toString("hex");
}
function identitySeed(walk, stream) {
  return hex2(new Prng(walk.plan.seed, stream).bytes(32));
}
function identityName(client, generation) {
  return generation === 0 ? client : `${client}~${generation}`;
}
function newIdentity2(walk, client, generation) {
  const name = identityName(client, generation);
  walk.identities[name] = identitySeed(walk, `chaos:identity:${client}:${generation}`);
  return name;
}
function startStep(track, relaunch2) {
  const c2 = track.spec;
  const again = relaunch2 ? { relaunch: true } : {};
  if (c2.on === "gateway-host") {
    const common2 = { machine: gatewayMachine, name: c2.name, user: track.user, kind: c2.kind, identity: track.identity, ...again };
    if (c2.kind === "control-ui") return { machineClient: { ...common2, browser: browserProfile, tabId: tabId(c2.name) } };
    const flags = c2.credential === "explicit" ? { flags: { token: track.token } } : {};
    const env = c2.credential === "own-env" ? { env: { [envNames.gatewayToken]: track.token } } : {};
    return { machineClient: { ...common2, ...flags, ...env } };
  }
  const credential = c2.credential === "explicit" ? { explicitToken: track.token } : { passiveToken: track.token };
  const identity = track.identity !== null ? { identity: track.identity } : {};
  return { client: { name: c2.name, kind: c2.kind, host: `${c2.name}-host`, url: remoteUrl, user: track.user, ...identity, ...credential, ...again } };
}
function worldSteps(walk) {
  const { plan, steps } = walk;
  const g = plan.gateway;
  const config = planGatewayConfig(plan);
  steps.push({ host: { name: gatewayMachine, kind: "lan", address: gatewayHostAddress } });
  walk.identities[operatorIdentity] = identitySeed(walk, "chaos:identity:operator-cli");
  steps.push({
    machine: {
      name: gatewayMachine,
      host: gatewayMachine,
      config,
      ...g.shellToken ? { shellEnv: { [envNames.gatewayToken]: firstToken } } : {},
      dotEnv: g.dotEnvToken ? `${envNames.gatewayToken}=${firstToken}
` : null,
      cliIdentity: operatorIdentity,
      ...g.legacyUnit ? { legacyUnit: { config: structuredClone(config) } } : {},
      ...g.container ? { container: true } : {}
    }
  });
  for (const c2 of plan.clients) {
    if (c2.kind !== "control-ui" || c2.on !== "gateway-host") continue;
    steps.push({ browserToken: { machine: gatewayMachine, browser: browserProfile, tabId: tabId(c2.name), token: firstToken, url: localUrl } });
  }
  steps.push(g.legacyUnit ? { gatewayStart: { machine: gatewayMachine, via: "service" } } : { openclaw: { machine: gatewayMachine, command: { ...op.gatewayInstall() } } });
  steps.push({ warmUp: { plusMs: warmUpMarginMs2 } });
  for (const c2 of plan.clients) {
    if (c2.on === "lan") steps.push({ host: { name: `${c2.name}-host`, kind: "lan" } });
    const identity = c2.withDevice ? newIdentity2(walk, c2.name, 0) : null;
    const track = { spec: c2, identity, user: c2.name, generation: 0, token: firstToken };
    walk.clients.set(c2.name, track);
    steps.push(startStep(track, false));
  }
  const all = plan.clients.map((c2) => c2.name);
  steps.push({ wait: pairingRoundMs / 2 });
  steps.push({ settlePending: { machine: gatewayMachine, verdict: "approve", restart: all } });
  steps.push({ wait: pairingRoundMs / 2 });
  steps.push({ note: "pairing round done; the timeline starts" });
  steps.push({ timeMark: timelineMark });
}
function ratioText(r) {
  return `${r.numerator}/${r.denominator}`;
}
function faultStep(walk, fault, forMs) {
  switch (fault.kind) {
    case "drop":
      return { netFault: { drop: ratioText(walk.preset.dropRatio), forMs } };
    case "duplicate":
      return { netFault: { duplicate: ratioText(walk.preset.duplicateRatio), forMs } };
    case "partition":
      return { netFault: { partition: [gatewayMachine, `${fault.client}-host`], forMs } };
    case "reset-all":
      return { netFault: { resetAll: true, forMs } };
    case "process-restart":
      return { netFault: { processRestart: { downMs: fault.downMs }, forMs } };
    case "gateway-crash":
      return { netFault: { gatewayCrash: { downMs: fault.downMs }, forMs } };
    case "clock-jump": {
      const host = `${fault.client}-host`;
      walk.clockJumps.set(host, (walk.clockJumps.get(host) ?? 0) + fault.deltaMs);
      return { netFault: { clockJump: { host, deltaMs: fault.deltaMs }, forMs } };
    }
  }
}
function attackStep(walk, attack) {
  const base = { kind: attack.kind, host: adversaryHost, url: remoteUrl, token: configToken2 };
  if (attack.kind === "preauth-flood") return { attack: { ...base, sockets: attack.sockets } };
  if (attack.kind === "bad-frame") return { attack: { ...base, shape: attack.shape } };
  const track = walk.clients.get(attack.client);
  const role = track.spec.kind === "node" ? "node" : "operator";
  if (attack.kind === "forge-device-id") return { attack: { ...base, target: attack.client } };
  return { attack: { ...base, victim: track.identity, target: attack.client, ...attack.kind === "stale-device-token" ? { role } : {} } };
}
function chaosStepSteps(walk, step) {
  const openclaw = (command, extra = {}) => ({ openclaw: { machine: gatewayMachine, command: { ...command }, ...extra } });
  switch (step.kind) {
    case "rotate-token":
      if (step.site === "config") return [openclaw(op.rotateSharedToken(step.token))];
      return [{ hostEnv: { machine: gatewayMachine, site: step.site, name: envNames.gatewayToken, value: step.token } }];
    case "gateway-restart":
      return [openclaw(op.gatewayRestart())];
    case "gateway-install":
      return [openclaw(op.gatewayInstall({ force: step.force }))];
    case "doctor-fix": {
      if (step.racesRotationTo === void 0) return [openclaw(op.doctor({ fix: true }))];
      const as = `doctor-read-${++walk.snapshots}`;
      return [
        { snapshot: { machine: gatewayMachine, as } },
        openclaw(op.rotateSharedToken(step.racesRotationTo)),
        openclaw(op.doctor({ fix: true }), { doctorSnapshot: as, otherDoctorFixesPending: true })
      ];
    }
    case "device-rotate":
    case "device-revoke":
    case "device-remove": {
      const track = walk.clients.get(step.client);
      if (track.identity === null) return [];
      const deviceId = `{{deviceId:${track.identity}}}`;
      const role = track.spec.kind === "node" ? "node" : "operator";
      if (step.kind === "device-rotate") return [openclaw(op.devicesRotate({ deviceId, role }))];
      if (step.kind === "device-revoke") return [openclaw(op.devicesRevoke({ deviceId, role }))];
      return [openclaw(op.devicesRemove(deviceId))];
    }
    case "approve-pending":
    case "reject-pending":
      return [{ settlePending: { machine: gatewayMachine, verdict: step.kind === "approve-pending" ? "approve" : "reject" } }];
    case "relaunch":
      return [startStep(walk.clients.get(step.client), true)];
    case "identity-loss": {
      const track = walk.clients.get(step.client);
      track.generation++;
      track.identity = newIdentity2(walk, step.client, track.generation);
      track.user = `${step.client}~${track.generation}`;
      return [startStep(track, true)];
    }
    case "fault":
      return [faultStep(walk, step.fault, step.durationMs)];
    case "adversary":
      return [attackStep(walk, step.attack)];
    case "probe":
      return probeSteps(walk, step.from, step.attempt, step.copies ?? 1);
    case "ui-tab":
    case "named-ws-client":
    case "slow-challenge":
    case "handshake-env":
      return clientWorldSteps(step, configToken2, walk.clientWorldAdded);
    case "config-edit":
      return [openclaw(op.configSet(step.path, step.value))];
    case "cli-auth-loss":
      return [{ machineFile: { machine: gatewayMachine, file: "device-auth", action: "delete" } }];
    case "setup-code": {
      walk.identities[step.identity] ??= gatewayIdentitySeed(step.identity);
      const host = `${step.name}-host`;
      const extra = { ...step.scopes !== void 0 ? { scopes: [...step.scopes] } : {}, ...step.commands !== void 0 ? { commands: [...step.commands] } : {} };
      return [
        { host: { name: host, kind: "lan" } },
        { setupCode: { name: step.name, machine: gatewayMachine } },
        { client: { name: step.name, kind: step.clientKind, host, url: remoteUrl, user: step.name, identity: step.identity, setupCode: step.name, ...extra } }
      ];
    }
    default:
      return `chaos step kind '${step.kind}' has no translation to the step language yet (src/chaos/to-lang.ts)`;
  }
}
function probeSteps(walk, from, attempt, copies) {
  for (const [name, seed] of Object.entries(probeIdentities)) walk.identities[name] ??= seed;
  const device = attempt.device?.identity;
  if (device !== void 0 && isGatewayIdentity(device)) walk.identities[device] ??= gatewayIdentitySeed(device);
  for (const [name, seed] of Object.entries(gatewayIdentitiesNamed(attempt))) walk.identities[name] ??= seed;
  const steps = [];
  if (from === "lan" && !walk.probeHostAdded) {
    walk.probeHostAdded = true;
    steps.push({ host: { name: probeHost, kind: "lan" } });
  }
  const where = from === "lan" ? { host: probeHost, url: remoteUrl } : { host: gatewayMachine, url: localUrl };
  for (let i = 0; i < copies; i++) steps.push({ connect: { ...attempt, ...where, background: true, token: configToken2 } });
  return steps;
}
function healSteps(walk) {
  const { steps, plan } = walk;
  steps.push({ fault: { heal: true } });
  for (const [host, deltaMs] of walk.clockJumps) if (deltaMs !== 0) steps.push({ clock: { host, deltaMs: -deltaMs } });
  steps.push({ converge: "heal: faults stop; the operator applies the token-drift recovery checklist" });
  const tabs = plan.clients.filter((c2) => c2.kind === "control-ui" && c2.on === "gateway-host").map((c2) => ({ browser: browserProfile, tabId: tabId(c2.name) }));
  steps.push({ alignToken: { machine: gatewayMachine, controlUi: tabs, url: localUrl } });
  steps.push({ openclaw: { machine: gatewayMachine, command: { ...op.gatewayInstall({ force: true }) } } });
  steps.push({ openclaw: { machine: gatewayMachine, command: { ...op.doctor({ fix: true }) } } });
  steps.push({ gatewayStart: { machine: gatewayMachine, via: "service", onlyIfStopped: true } });
  steps.push({ warmUp: { plusMs: warmUpMarginMs2 } });
  for (const track of walk.clients.values()) {
    track.token = configToken2;
    steps.push(startStep(track, true));
  }
  steps.push({ wait: healApproveAfter(plan) });
  steps.push({ settlePending: { machine: gatewayMachine, verdict: "approve", restart: [...walk.clients.keys()] } });
  steps.push({ wait: plan.convergeWithinMs + 1e4 });
}
function chaosInvariantRefs(plan) {
  return [
    {
      name: "standard",
      converges: { convergeWithinMs: plan.convergeWithinMs, clients: convergingClients(plan) },
      revokedTokenRefused: { closeLiveSessions: true },
      scopesWithinApproval: { localBackendNodeNeedsApproval: true }
    },
    { name: "shared-secret-sessions-closed", closeLiveSessions: true },
    "adversary-refused",
    "approval-within-caller"
  ];
}
var knownGatewayFields = ["legacyUnit", "allowInsecureAuth", "shellToken", "dotEnvToken", "rateLimit", "allowedOrigins", "trustedProxies", "container"];
var knownClientFields = ["name", "kind", "on", "withDevice", "credential"];
var knownCredentials = ["explicit", "own-env", "shell", "browser", "handed"];
var knownPlacements = ["gateway-host", "lan"];
function worldRefusal(plan) {
  const gatewayExtra = Object.keys(plan.gateway).filter((k) => !knownGatewayFields.includes(k));
  if (gatewayExtra.length > 0) return `the gateway draw's field(s) ${gatewayExtra.map((k) => `'${k}'`).join(", ")} have no translation yet (src/chaos/to-lang.ts)`;
  for (const c2 of plan.clients) {
    const extra = Object.keys(c2).filter((k) => !knownClientFields.includes(k));
    if (extra.length > 0) return `client ${c2.name}: field(s) ${extra.map((k) => `'${k}'`).join(", ")} have no translation yet (src/chaos/to-lang.ts)`;
    if (!knownCredentials.includes(c2.credential)) return `client ${c2.name}: credential source '${c2.credential}' has no translation yet (src/chaos/to-lang.ts)`;
    if (!knownPlacements.includes(c2.on)) return `client ${c2.name}: placement '${c2.on}' has no translation yet (src/chaos/to-lang.ts)`;
  }
  return void 0;
}
function planToRunSpec(plan, preset2, options = {}) {
  const refusal = worldRefusal(plan);
  if (refusal !== void 0) return { ok: false, message: refusal };
  const walk = { plan, preset: preset2, steps: [], identities: {}, clients: /* @__PURE__ */ new Map(), clockJumps: /* @__PURE__ */ new Map(), snapshots: 0, probeHostAdded: false, clientWorldAdded: /* @__PURE__ */ new Set() };
  worldSteps(walk);
  for (const [i, { atMs, step }] of plan.steps.entries()) {
    const translated = chaosStepSteps(walk, step);
    if (typeof translated === "string") return { ok: false, message: `step ${i} (at ${atMs} ms): ${translated}` };
    walk.steps.push({ waitUntil: { mark: timelineMark, ms: atMs } }, ...translated);
  }
  walk.steps.push({ waitUntil: { mark: timelineMark, ms: plan.safetyMs } });
  healSteps(walk);
  const path = options.selection ? `; replay path ${formatReplayPath(options.selection)}` : "";
  const seed = Number(plan.seed);
  const spec = {
    // The chaos run's own name, so a trace's embedded RunSpec replays as the same scenario.
    name: `chaos-${plan.preset}`,
    description: `chaos run (${plan.preset}) seed ${plan.seed} in the step language: ${plan.clients.length} clients, ${plan.steps.length} steps, then heal${path}`,
    ...Number.isSafeInteger(seed) ? { seed } : {},
    ...options.profile !== void 0 ? { profile: options.profile } : {},
    world: "bare",
    identities: walk.identities,
    invariants: chaosInvariantRefs(plan),
    budgets: { virtualTimeMsMax: pairingRoundMs + plan.safetyMs + plan.convergeWithinMs + healMsMax * 2 },
    steps: walk.steps
  };
  return { ok: true, spec };
}

// src/chaos/scenario.ts
var pairingRoundMs = 8e3;
var healMsMax = 6e4;
function isChaosConvergeNote(event3) {
  return event3.kind === "note" && event3.data["converge"] === true;
}
function convergingClients(plan) {
  return plan.clients.filter((c2) => !(c2.kind === "control-ui" && c2.on === "lan")).map((c2) => c2.name);
}
function chaosInvariants(plan, profile2) {
  return [
    ...defaultInvariants({
      converges: { convergeWithinMs: plan.convergeWithinMs, clients: convergingClients(plan), isMarker: isChaosConvergeNote },
      // A local backend the release never pairs is exempt as an operator; as a node it needs an approved node role
      // (what 2026.9 does: no node session without a node token). Chaos holds every release to it.
      scopesWithinApproval: { exemptLocalBackend: localBackendSkipsWithSharedSecret(profile2), localBackendNodeNeedsApproval: true, exemptSharedSecretOperators: profile2.gateway.sharedAuthOperatorSkipsPairing },
      signedOverOwnChallenge: false,
      revokedTokenRefused: false
    }),
    signedOverOwnChallenge({ allowMissingNonceWhenLocal: profile2.gateway.nonceRequired === "remote-only" }),
    // What the fixed releases do (PR #55952, #57646, #60387 in scenarios/bugs/): a revoked or rotated device
    // token and a rotated shared secret end the live sessions that used them. Chaos holds every release to it.
    revokedTokenRefused({ closeLiveSessions: true }),
    sharedSecretSessionsClosed({ closeLiveSessions: true }),
    adversaryRefused(),
    // device.pair.approve is bounded by the caller's scopes (2026.9); chaos holds every release to it.
    approvalWithinCaller()
  ];
}
function chaosScenario(plan, selection, preset2) {
  const translated = planToRunSpec(plan, preset2, { selection });
  if (!translated.ok) return chaosScenarioDirect(plan, selection, preset2, `direct path: ${translated.message}`);
  return specScenario(translated.spec);
}
function chaosScenarioDirect(plan, selection, preset2, why) {
  return {
    name: `chaos-${plan.preset}`,
    description: `chaos run (${plan.preset}): ${plan.clients.length} clients, ${plan.steps.length} steps, then heal; replay path ${formatReplayPath(selection)}`,
    expectDefault: "pass",
    budgets: { virtualTimeMsMax: pairingRoundMs + plan.safetyMs + plan.convergeWithinMs + healMsMax * 2 },
    invariants: (profile2) => chaosInvariants(plan, profile2),
    run: (ctx) => {
      if (why !== void 0) ctx.note(why, { chaos: "direct" });
      return runPlan(plan, preset2, ctx);
    }
  };
}
function pairingRound(cw, ctx) {
  runFor(cw.world, pairingRoundMs / 2);
  settlePending(cw, "approve");
  for (const name of cw.clients.keys()) if (cw.world.client(name).state.lifecycle === "paused") cw.world.client(name).start();
  runFor(cw.world, pairingRoundMs / 2);
  ctx.note("pairing round done; the timeline starts", { chaos: "timeline" });
}
function runPlan(plan, preset2, ctx) {
  ctx.note(`swarm: ${formatSwarm(plan.swarm)}; gateway ${JSON.stringify(plan.gateway)}`, { chaos: "plan" });
  const cw = buildChaosWorld(ctx.world, plan);
  pairingRound(cw, ctx);
  const ledger = emptyLedger();
  const startMs = ctx.world.scheduler.nowMs();
  for (const { atMs, step } of plan.steps) {
    const waitMs = startMs + atMs - ctx.world.scheduler.nowMs();
    if (waitMs > 0) runFor(ctx.world, waitMs);
    ctx.note(`step: ${describeStep(step)}`, { chaos: "step", step });
    applyStep(cw, step, preset2, ledger);
  }
  const restMs = startMs + plan.safetyMs - ctx.world.scheduler.nowMs();
  if (restMs > 0) runFor(ctx.world, restMs);
  heal(cw, ledger, ctx);
  runFor(ctx.world, plan.convergeWithinMs + 1e4);
}

// src/chaos/coverage.ts
function bump(out, key) {
  out[key] = (out[key] ?? 0) + 1;
}
function detailOf(data) {
  if (typeof data["detailCode"] === "string") return data["detailCode"];
  const details = data["details"];
  if (details && typeof details === "object" && typeof details["code"] === "string") return details["code"];
  return void 0;
}
function errorOfFrame(text5) {
  if (typeof text5 !== "string" || !text5.includes('"ok":false')) return void 0;
  const frame = parseJsonObject(text5);
  if (frame?.["type"] !== "res" || frame["ok"] !== false || !frame["error"] || typeof frame["error"] !== "object") return void 0;
  return frame["error"];
}
function stepKeys(out, step) {
  if (!step || typeof step !== "object") return;
  const s = step;
  if (typeof s.kind === "string") bump(out, `step:${s.kind}`);
  if (typeof s.fault?.kind === "string") bump(out, `fault:${s.fault.kind}`);
  if (typeof s.attack?.kind === "string") bump(out, `attack:${s.attack.kind}`);
}
function coverageOf(events2, steps) {
  const out = {};
  for (const s of steps ?? []) stepKeys(out, s.step);
  for (const e of events2) {
    if (e.kind === "gateway" && typeof e.data["event"] === "string") bump(out, `decision:${e.data["event"]}`);
    if (e.kind === "frame.deliver" && e.data["dir"] === "s2c") {
      const error = errorOfFrame(e.data["text"]);
      if (error) {
        if (typeof error["code"] === "string") bump(out, `code:${error["code"]}`);
        const detail = detailOf(error);
        if (detail) bump(out, `detail:${detail}`);
      }
    }
    if (e.kind === "client" && e.data["event"] === "paused") bump(out, "decision:client.paused");
    if (!steps && e.kind === "note" && e.data["chaos"] === "step") stepKeys(out, e.data["step"]);
    if (e.kind === "fault" && typeof e.data["what"] === "string") bump(out, `fault:${e.data["what"]}`);
  }
  return out;
}

// sim/chaos-run.ts
function rowOf(result) {
  const invariants = [...new Set(result.findings.map((f) => f.invariant))].sort();
  return { seed: result.seed, verdict: result.verdict, invariants, traceHash: result.traceHash, steps: result.stats.steps };
}

// bench/profile/sweep.ts
var runs = Number(process.argv[2] ?? 300);
rememberOwnSignatures(process.env["CLAWSIM_BENCH_VERIFY_ALL"] !== "1");
var preset = findPreset(process.argv[3] ?? "light");
var profile = findProfile("2026.9");
var phase = { plan: 0, translate: 0, run: 0, row: 0, coverage: 0 };
var events = 0;
var start3 = performance.now();
var cpuStart = process.cpuUsage();
for (let s = 424242n; s < 424242n + BigInt(runs); s++) {
  let t = performance.now();
  const tick = (k) => {
    const now = performance.now();
    phase[k] += now - t;
    t = now;
  };
  const plan = generatePlan(s, preset);
  tick("plan");
  const sel = fullSelection(plan);
  const scenario2 = chaosScenario(selectPlan(plan, sel), sel, preset);
  tick("translate");
  const r = await runScenario(scenario2, { seed: s, profile });
  tick("run");
  rowOf(r);
  tick("row");
  coverageOf(r.events, plan.steps);
  tick("coverage");
  events += r.events.length;
}
var wallMs = performance.now() - start3;
var cpu = process.cpuUsage(cpuStart);
var cpuMsPerSeed = Number(((cpu.user + cpu.system) / 1e3 / runs).toFixed(1));
var pct = Object.fromEntries(Object.entries(phase).map(([k, v]) => [k, `${(100 * v / wallMs).toFixed(1)}%`]));
console.log(JSON.stringify({ seeds: runs, preset: preset.name, seedsPerMinute: Math.round(runs / (wallMs / 6e4)), msPerSeed: Number((wallMs / runs).toFixed(1)), cpuMsPerSeed, eventsPerSeed: Math.round(events / runs), phases: pct }));
