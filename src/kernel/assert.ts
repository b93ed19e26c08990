// Assertions for programmer errors. A failed assertion is a *crash* finding, never an expected outcome.

export class AssertionFailure extends Error {
  override readonly name = "AssertionFailure";
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionFailure(message);
}

export function assertNever(value: never, what = "value"): never {
  throw new AssertionFailure(`unexpected ${what}: ${JSON.stringify(value)}`);
}
