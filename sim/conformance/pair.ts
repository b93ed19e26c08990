// Runs one attempt on both oracles (real first, then the model) and compares the outcomes. After an attempt the
// real gateway did not accept, both sides also run READY_PROBE (a right-token device-less cli connect): on the
// real gateway it resets the per-IP failure delay (250 ms doubling to 5 s), and running it in the model too
// keeps the two states the same. Not the generator and not the report.
import type { Attempt, Outcome } from "../oracle/attempt.ts";
import { READY_PROBE } from "../oracle/real-gateway.ts";
import { compareAttempt, type Divergence } from "./compare.ts";
import type { AttemptOracle } from "./sides.ts";

export interface PairStep {
  readonly real: Outcome;
  readonly model: Outcome;
  /** Divergences of the attempt, then of the reset probe after it (attempt name `<name>/reset`), if any. */
  readonly divergences: readonly Divergence[];
  /** True when a reset probe ran after the attempt. */
  readonly reset: boolean;
}

export class OraclePair {
  /** Sockets opened on each side so far (attempts + reset probes). */
  sockets = 0;

  constructor(
    readonly real: AttemptOracle,
    readonly model: AttemptOracle,
    private readonly runName = "conformance",
    private readonly resetProbe: Attempt = READY_PROBE,
    /** Called with every attempt the pair ran and the real side's outcome (fixture recording). */
    private readonly onStep?: (attempt: Attempt, real: Outcome, model: Outcome) => void,
  ) {}

  async step(attempt: Attempt): Promise<PairStep> {
    const real = await this.real.run(attempt);
    const model = await this.model.run(attempt);
    this.sockets++;
    this.onStep?.(attempt, real, model);
    const divergences = compareAttempt(this.runName, attempt.name, real, model);
    const reset = real.response?.ok !== true;
    if (reset) {
      const probeReal = await this.real.run(this.resetProbe);
      const probeModel = await this.model.run(this.resetProbe);
      this.onStep?.({ ...this.resetProbe, name: `${attempt.name}/reset` }, probeReal, probeModel);
      this.sockets++;
      divergences.push(...compareAttempt(this.runName, `${attempt.name}/reset`, probeReal, probeModel));
    }
    return { real, model, divergences, reset };
  }
}
