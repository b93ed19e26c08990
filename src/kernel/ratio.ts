// Probabilities as integer ratios (3/100), never floats, so a fault model reads the same on every machine.
import { assert } from "./assert.ts";

export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

export function ratio(numerator: number, denominator: number): Ratio {
  assert(Number.isInteger(numerator) && Number.isInteger(denominator), "ratio parts must be integers");
  assert(denominator > 0 && numerator >= 0 && numerator <= denominator, `bad ratio ${numerator}/${denominator}`);
  return { numerator, denominator };
}

export const never: Ratio = { numerator: 0, denominator: 1 };
export const always: Ratio = { numerator: 1, denominator: 1 };

export function formatRatio(r: Ratio): string {
  return `${r.numerator}/${r.denominator}`;
}

/** Parses "3/100". Returns undefined when the text is not a ratio. */
export function parseRatio(text: string): Ratio | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const d = Number(m[2]);
  if (d === 0 || n > d) return undefined;
  return { numerator: n, denominator: d };
}
