// Markdown text helpers: inline code that survives backticks, prose without raw HTML, table cells.
import { oneLine } from "./fields.ts";

/** Inline code that survives backticks in the value. */
export function mdCode(value: string, inTable = false): string {
  const text = oneLine(value);
  const longestRun = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longestRun + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${inTable ? text.replace(/\|/g, "\\|") : text}${pad}${fence}`;
}

/** Prose: no raw HTML, no table breaks. */
export function mdText(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function mdCell(value: string): string {
  return mdText(oneLine(value)).replace(/\|/g, "\\|");
}
