// The inline stylesheet and script of the HTML report (no external URL anywhere). The script reads the
// embedded JSON (<script type="application/json">) and shows an item's events in the side panel on hover,
// pins it on click; it writes only with textContent, never innerHTML.

export const reportCss = `
:root { --ok:#1a7f37; --error:#cf222e; --warn:#b35900; --info:#24292f; --muted:#8c959f; --lane:#d0d7de; --bg:#ffffff; --panel:#f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--info); background: var(--bg); }
header { padding: 16px 24px 8px; border-bottom: 1px solid var(--lane); }
h1 { font-size: 20px; margin: 0 0 8px; }
h1 .verdict-pass { color: var(--ok); } h1 .verdict-fail { color: var(--error); }
h2 { font-size: 15px; margin: 14px 0 6px; }
table.summary { border-collapse: collapse; font-size: 13px; }
table.summary td { padding: 2px 14px 2px 0; vertical-align: top; }
table.summary td:first-child { color: #57606a; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
pre.replay { background: var(--panel); padding: 8px 10px; border-radius: 6px; overflow-x: auto; margin: 4px 0; }
ol.findings { margin: 4px 0; padding-left: 22px; }
ol.findings li { margin-bottom: 4px; }
ol.findings .kind { font-weight: 600; color: var(--error); }
ol.findings a { color: inherit; cursor: pointer; text-decoration: underline dotted; }
.legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 12px; color: #57606a; margin: 8px 0 4px; }
.legend span::before { content: ""; display: inline-block; width: 12px; height: 10px; margin-right: 4px; vertical-align: -1px; border-radius: 2px; }
.legend .l-ok::before { background: var(--ok); } .legend .l-error::before { background: var(--error); }
.legend .l-warn::before { background: var(--warn); } .legend .l-fault::before { background: rgba(255,140,0,.25); border: 1px solid rgba(191,135,0,.6); }
.legend .l-down::before { background: rgba(140,149,159,.3); } .legend .l-finding::before { background: var(--error); border-radius: 50%; }
main { display: flex; flex-direction: column; }
.diagram { max-height: 68vh; overflow: auto; position: relative; border-bottom: 1px solid var(--lane); }
.lane-head { position: sticky; top: 0; z-index: 2; height: 30px; background: rgba(255,255,255,.96); border-bottom: 1px solid var(--lane); }
.lane-head div { position: absolute; top: 6px; transform: translateX(-50%); font-weight: 600; font-size: 12px; white-space: nowrap; padding: 1px 8px; border-radius: 10px; background: #eaeef2; max-width: 140px; overflow: hidden; text-overflow: ellipsis; }
.note { padding: 6px 12px; font-size: 12px; color: #57606a; }
aside { position: sticky; bottom: 0; max-height: 30vh; overflow: auto; padding: 10px 14px; background: var(--panel); border-top: 1px solid var(--lane); }
aside h2 { margin-top: 0; }
aside pre { white-space: pre-wrap; word-break: break-word; margin: 0; }
aside .hint { color: #57606a; font-size: 12px; }
svg#timeline { display: block; max-width: 100%; height: auto; }
svg text { font: 11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; fill: var(--info); }
svg .item text { paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
svg .time { fill: #57606a; } svg .gap { fill: var(--muted); font-style: italic; }
svg .gap-line { stroke: var(--lane); stroke-dasharray: 2 4; }
svg line.lane { stroke: var(--lane); stroke-width: 2; }
svg .item { cursor: pointer; outline: none; }
svg .arrow .shaft { stroke-width: 1.5; fill: none; }
svg .arrow .hit { stroke: transparent; stroke-width: 10; fill: none; }
svg .arrow.dropped .shaft { stroke-dasharray: 5 3; }
svg .arrow .cross { font-size: 14px; font-weight: 700; }
svg .tone-ok .shaft, svg marker.tone-ok path { stroke: var(--ok); fill: var(--ok); }
svg .tone-error .shaft, svg marker.tone-error path { stroke: var(--error); fill: var(--error); }
svg .tone-warn .shaft, svg marker.tone-warn path { stroke: var(--warn); fill: var(--warn); }
svg .tone-info .shaft, svg marker.tone-info path { stroke: #57606a; fill: #57606a; }
svg .tone-muted .shaft, svg marker.tone-muted path { stroke: var(--muted); fill: var(--muted); }
svg .arrow .shaft { fill: none !important; }
svg .tone-ok text, svg .tone-ok circle, svg .tone-ok rect, svg .tone-ok path { fill: var(--ok); }
svg .tone-error text, svg .tone-error circle, svg .tone-error rect, svg .tone-error path { fill: var(--error); }
svg .tone-warn text, svg .tone-warn circle, svg .tone-warn rect, svg .tone-warn path { fill: var(--warn); }
svg .tone-muted text, svg .tone-muted circle { fill: var(--muted); }
svg .tone-info circle, svg .tone-info rect, svg .tone-info path { fill: #57606a; }
svg .point path.x { stroke: var(--error); stroke-width: 2.5; }
svg .band rect { stroke-width: 1; }
svg .band-fault rect { fill: rgba(255,140,0,.13); stroke: rgba(191,135,0,.5); stroke-dasharray: 4 3; }
svg .band-fault text { fill: var(--warn); font-weight: 600; }
svg .band-down rect { fill: rgba(140,149,159,.22); stroke: rgba(140,149,159,.6); }
svg .band-down text { fill: #57606a; }
svg .finding-marker circle { fill: var(--error); stroke: #fff; stroke-width: 2; }
svg .finding-marker line { stroke: var(--error); stroke-width: 1.5; stroke-dasharray: 6 3; }
svg .finding-marker rect.row { fill: rgba(207,34,46,.08); }
svg .finding-marker text { fill: var(--error); font-weight: 700; }
svg .item:hover text, svg .item.pinned text { text-decoration: underline; }
svg .item.pinned .shaft { stroke-width: 3; }
svg .item.pinned circle, svg .item.pinned rect { stroke: #0969da; stroke-width: 2; }
`;

export const reportScript = `
(function () {
  "use strict";
  var source = document.getElementById("trace-data");
  var data = source ? JSON.parse(source.textContent || "{}") : {};
  var events = {};
  (data.events || []).forEach(function (e) { events[e.i] = e; });
  var findings = data.findings || [];
  var title = document.getElementById("detail-title");
  var body = document.getElementById("detail-json");
  var svg = document.getElementById("timeline");
  var pinned = null;

  function itemOf(target) {
    return target && target.closest ? target.closest("[data-i]") : null;
  }
  function detailOf(el) {
    var out = {};
    var f = el.getAttribute("data-finding");
    if (f !== null) out.finding = findings[Number(f)];
    var s = el.getAttribute("data-send");
    if (s !== null) out.sent = events[Number(s)];
    var i = el.getAttribute("data-i");
    if (i !== null) out[s !== null ? "arrived" : "event"] = events[Number(i)];
    var e = events[Number(i)];
    if (e && e.data && typeof e.data.text === "string") {
      try { out.frame = JSON.parse(e.data.text); } catch (err) { out.frame = e.data.text; }
    }
    return out;
  }
  function show(el) {
    title.textContent = el.getAttribute("data-label") || "";
    body.textContent = JSON.stringify(detailOf(el), null, 2);
  }
  function pin(el) {
    if (pinned) pinned.classList.remove("pinned");
    pinned = el;
    if (el) { el.classList.add("pinned"); show(el); }
  }
  if (svg) {
    svg.addEventListener("mouseover", function (ev) {
      var el = itemOf(ev.target);
      if (el && !pinned) show(el);
    });
    svg.addEventListener("click", function (ev) { pin(itemOf(ev.target)); });
    svg.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") pin(itemOf(ev.target));
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-goto-finding]"), function (link) {
    link.addEventListener("click", function (ev) {
      ev.preventDefault();
      var marker = document.getElementById("finding-" + link.getAttribute("data-goto-finding"));
      if (marker) { marker.scrollIntoView({ block: "center" }); pin(marker); }
    });
  });
})();
`;
