// Named limits for everything that can grow or repeat. Units are last in the name.
import { assert } from "./assert.ts";

/** Default budgets for one run. Exceeding one ends the run with a liveness finding. */
export const stepsMaxDefault = 200_000;
export const virtualTimeMsMaxDefault = 60 * 60 * 1000; // one virtual hour
/** Connections one network may hold at once: live, or closed with something still pending (finished ones are forgotten). */
export const connectionsMaxDefault = 100_000;
/** Microtask settle rounds allowed between two events in async mode. */
export const settleRoundsMax = 64;
/** Trace events kept for one run (a run that writes more is a crash: something loops without time passing). */
export const traceEventsMax = 2_000_000;
/** Events queued at once; more ends the run with a queue-length budget outcome (a liveness finding). */
export const queueLengthMax = 1_000_000;
/** Events queued at once before the queue itself asserts (one event may schedule many before the run stops). */
export const queueLengthHardMax = 4 * queueLengthMax;

assert(stepsMaxDefault > 0 && virtualTimeMsMaxDefault > 0, "budgets must be positive");
assert(traceEventsMax >= stepsMaxDefault, "the trace must hold at least one event per step");
