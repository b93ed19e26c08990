// ANSI colour for terminal output, switched by a flag: with `enabled: false` every function returns its input
// unchanged, so plain output is byte-for-byte free of escape codes. Knows nothing about TTYs or NO_COLOR
// (the CLI decides the flag).
import type { Tone } from "./frame-summary.ts";

export interface Paint {
  readonly enabled: boolean;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  tone(tone: Tone, text: string): string;
}

const codes = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

export function paint(enabled: boolean): Paint {
  const wrap =
    (code: number) =>
    (text: string): string =>
      enabled && text !== "" ? `\u001b[${code}m${text}\u001b[0m` : text;
  const p = {
    enabled,
    red: wrap(codes.red),
    green: wrap(codes.green),
    yellow: wrap(codes.yellow),
    cyan: wrap(codes.cyan),
    dim: wrap(codes.dim),
    bold: wrap(codes.bold),
  };
  return {
    ...p,
    tone(tone: Tone, text: string): string {
      switch (tone) {
        case "ok":
          return p.green(text);
        case "error":
          return p.red(text);
        case "warn":
          return p.yellow(text);
        case "muted":
          return p.dim(text);
        case "info":
          return text;
      }
    },
  };
}

/** Removes ANSI escape sequences (for width measurement and tests). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}
