// Assertions for programmer errors. A failed assertion is a *crash* finding, never an expected outcome.

export class AssertionFailure extends Error {
  override readonly name = "AssertionFailure";
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionFailure(message);
}

/**
 * For hot paths whose message is built from values: `if (!ok) assertionFailed(`…${x}`)` builds the text only when
 * the check fails (an `assert(ok, `…${x}`)` formats it on every call).
 */
export function assertionFailed(message: string): never {
  throw new AssertionFailure(message);
}

export function assertNever(value: never, what = "value"): never {
  throw new AssertionFailure(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/**
 * A scenario asked its world for something the world does not have (a gateway that was never started, say): the
 * scenario's mistake, not a finding. The runner lets it through; the CLI answers it as bad input (exit 2).
 */
export class ScenarioInputError extends Error {
  override readonly name = "ScenarioInputError";
}
