// The timeline layout as inline SVG markup. Every text and attribute value goes through `escapeXml`, so frame
// text, actor names and reasons cannot inject markup. Items carry `data-i` (the event index) for the page
// script that shows an item's JSON.
import { truncate } from "./fields.ts";
import type { Tone } from "./frame-summary.ts";
import { gutterWidthPx, rowHeightPx, type Layout, type LayoutItem } from "./html-layout.ts";

const tones: readonly Tone[] = ["ok", "error", "warn", "info", "muted"];
/** Approximate width of one character of the 11px label font. */
const charWidthPx = 6.2;
const pointLabelCharsMax = 70;
/** Arrow labels may run past short arrows (the label has a halo) up to this many characters. */
const arrowLabelCharsMin = 34;

export function escapeXml(text: string): string {
  return String(text).replace(/[&<>"']/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : ch === '"' ? "&quot;" : "&#39;"));
}

export function renderSvg(layout: Layout): string {
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" id="timeline" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="timeline">`);
  parts.push(defs());
  parts.push(`<g class="gutter">`);
  for (const mark of layout.times) {
    parts.push(`<text class="${mark.gap ? "gap" : "time"}" x="${gutterWidthPx - 8}" y="${mark.y + 4}" text-anchor="end">${escapeXml(mark.text)}</text>`);
    if (mark.gap) parts.push(`<line class="gap-line" x1="${gutterWidthPx}" x2="${layout.width - 24}" y1="${mark.y}" y2="${mark.y}"/>`);
  }
  parts.push(`</g>`);
  for (const item of layout.items) if (item.kind === "band") parts.push(renderItem(item));
  parts.push(`<g class="lanes">`);
  for (const lane of layout.lanes) {
    parts.push(`<line class="lane" data-lane="${escapeXml(lane.name)}" x1="${lane.x}" x2="${lane.x}" y1="0" y2="${layout.height}"/>`);
  }
  parts.push(`</g>`);
  for (const item of layout.items) if (item.kind !== "band" && item.kind !== "finding") parts.push(renderItem(item));
  for (const item of layout.items) if (item.kind === "finding") parts.push(renderItem(item));
  parts.push(`</svg>`);
  return parts.join("\n");
}

function defs(): string {
  const markers = tones.map(
    (tone) =>
      `<marker id="ah-${tone}" class="tone-${tone}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker>`,
  );
  return `<defs>${markers.join("")}</defs>`;
}

function renderItem(item: LayoutItem): string {
  switch (item.kind) {
    case "arrow":
      return renderArrow(item);
    case "point":
      return renderPoint(item);
    case "band":
      return renderBand(item);
    case "finding":
      return renderFinding(item);
  }
}

function itemAttributes(i: number, label: string, extra = ""): string {
  return `data-i="${i}"${extra} data-label="${escapeXml(label)}" tabindex="0"`;
}

function renderArrow(item: Extract<LayoutItem, { kind: "arrow" }>): string {
  const send = item.sendI !== undefined ? ` data-send="${item.sendI}"` : "";
  const classes = `item arrow tone-${item.tone}${item.dropped ? " dropped" : ""}`;
  const title = `<title>${escapeXml(item.label)}</title>`;
  if (item.selfLoop) {
    const bulge = 36;
    const d = `M${item.x1},${item.y1} C${item.x1 + bulge},${item.y1} ${item.x1 + bulge},${item.y2} ${item.x1 + 4},${item.y2}`;
    const text = `<text x="${item.x1 + bulge + 6}" y="${item.y2 + 4}">${escapeXml(arrowText(item, pointLabelCharsMax))}</text>`;
    return `<g class="${classes}" ${itemAttributes(item.i, item.label, send)}>${title}<path class="hit" d="${d}"/><path class="shaft" d="${d}" marker-end="url(#ah-${item.tone})"/>${text}</g>`;
  }
  const span = Math.abs(item.x2 - item.x1);
  const chars = Math.max(arrowLabelCharsMin, Math.floor(span / charWidthPx));
  const mid = (item.x1 + item.x2) / 2;
  const end = item.dropped ? `<text class="cross" x="${item.x2}" y="${item.y2 + 4}" text-anchor="middle">✕</text>` : "";
  const marker = item.dropped ? "" : ` marker-end="url(#ah-${item.tone})"`;
  const line = `x1="${item.x1}" y1="${item.y1}" x2="${item.x2}" y2="${item.y2}"`;
  const label = arrowText(item, chars);
  const text = `<text x="${mid}" y="${labelBaseline(item, Array.from(label).length)}" text-anchor="middle">${escapeXml(label)}</text>`;
  return `<g class="${classes}" ${itemAttributes(item.i, item.label, send)}>${title}<line class="hit" ${line}/><line class="shaft" ${line}${marker}/>${end}${text}</g>`;
}

/** Gap between an arrow's line and the bottom of its label. */
const labelLiftPx = 7;
/** Width of one label character assumed when lifting a label clear of its arrow (generous: fonts vary). */
const liftCharWidthPx = 7;

/**
 * A label centred on an arrow sits above the line along its whole width: its baseline is above the line's
 * highest point under the label, so a sloped arrow never runs through its text.
 */
export function labelBaseline(item: { x1: number; y1: number; x2: number; y2: number }, chars: number): number {
  const half = (chars * liftCharWidthPx) / 2;
  const mid = (item.x1 + item.x2) / 2;
  const dx = item.x2 - item.x1;
  const yAt = (x: number): number => {
    if (dx === 0) return Math.min(item.y1, item.y2);
    const t = Math.min(1, Math.max(0, (x - item.x1) / dx));
    return item.y1 + (item.y2 - item.y1) * t;
  };
  return Math.min(yAt(mid - half), yAt(mid + half)) - labelLiftPx;
}

/** The frame label cut to fit, always ending with the connection id. */
function arrowText(item: Extract<LayoutItem, { kind: "arrow" }>, chars: number): string {
  const tail = ` · ${item.tag}`;
  return `${truncate(item.text, Math.max(8, chars - Array.from(tail).length))}${tail}`;
}

function renderPoint(item: Extract<LayoutItem, { kind: "point" }>): string {
  const title = `<title>${escapeXml(item.label)}</title>`;
  const shape = pointShape(item);
  const text = item.showLabel ? `<text x="${item.x + 9}" y="${item.y + 4}">${escapeXml(truncate(item.label, pointLabelCharsMax))}</text>` : "";
  return `<g class="item point ${item.shape} tone-${item.tone}" ${itemAttributes(item.i, item.label)}>${title}${shape}${text}</g>`;
}

function pointShape(item: Extract<LayoutItem, { kind: "point" }>): string {
  const { x, y } = item;
  switch (item.shape) {
    case "send":
      return `<circle cx="${x}" cy="${y}" r="2.5"/>`;
    case "close":
      return `<rect x="${x - 5}" y="${y - 5}" width="10" height="10"/>`;
    case "fault":
      return `<path d="M${x},${y - 6} L${x + 6},${y} L${x},${y + 6} L${x - 6},${y} z"/>`;
    case "operator":
      return `<path d="M${x - 6},${y + 5} L${x},${y - 6} L${x + 6},${y + 5} z"/>`;
    case "refused":
      return `<path class="x" d="M${x - 5},${y - 5} L${x + 5},${y + 5} M${x + 5},${y - 5} L${x - 5},${y + 5}"/>`;
    case "dot":
      return `<circle cx="${x}" cy="${y}" r="4"/>`;
  }
}

function renderBand(item: Extract<LayoutItem, { kind: "band" }>): string {
  const height = Math.max(4, item.y2 - item.y1);
  const label = `<text x="${item.x1 + 4}" y="${item.y1 + 11}">${escapeXml(truncate(item.label, Math.floor((item.x2 - item.x1) / charWidthPx)))}</text>`;
  return `<g class="item band band-${item.band}" ${itemAttributes(item.i, item.label)}><title>${escapeXml(item.label)}</title><rect x="${item.x1}" y="${item.y1}" width="${item.x2 - item.x1}" height="${height}"/>${label}</g>`;
}

function renderFinding(item: Extract<LayoutItem, { kind: "finding" }>): string {
  const left = gutterWidthPx;
  const half = rowHeightPx / 2 - 2;
  const text = `<text x="${item.x + 12}" y="${item.y + 4}">${escapeXml(truncate(item.label, 110))}</text>`;
  const rule = `<line x1="${left}" x2="${item.x - 10}" y1="${item.y}" y2="${item.y}"/>`;
  return `<g class="item finding-marker" id="finding-${item.finding}" ${itemAttributes(item.i, item.label, ` data-finding="${item.finding}"`)}><title>${escapeXml(item.label)}</title><rect class="row" x="0" y="${item.y - half}" width="100%" height="${half * 2}"/>${rule}<circle cx="${item.x}" cy="${item.y}" r="7"/>${text}</g>`;
}
