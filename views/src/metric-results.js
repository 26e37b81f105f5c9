// list_metric_evaluation_results (stored) and evaluate_metrics (fresh): a sortable, filterable
// table, and a chart per metric over time in the form that fits its values.
import { call, h, resultText, show, start, svg } from "./common.js";

const state = { rows: [], metrics: {}, conversation: null, metric: "", inConversation: "", sort: { column: "when", descending: true } };
let app = null;

/** When a stored result was made: the time in its ID (the first 4 bytes of an ObjectId). */
function idTime(id) {
  if (!/^[0-9a-f]{24}$/.test(id || "")) return null;
  return new Date(parseInt(id.slice(0, 8), 16) * 1000).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

function rowsOf(content, conversation) {
  if (Array.isArray(content.metric_evaluation_results)) {
    return content.metric_evaluation_results.map((r) => ({
      metric: r.metric_id, version: r.metric_version, conversation: r.source?.conversation_id ?? "",
      source: r.source?.type ?? "", value: r.result, justification: r.justification ?? "", when: idTime(r.id) ?? "",
    }));
  }
  return (content.metrics || []).map((r) => ({
    metric: r.metric_id, version: null, conversation: conversation ?? "", source: "fresh",
    value: r.value, justification: r.justification ?? "", when: "now",
  }));
}

function kindOf(metric) {
  const declared = state.metrics[metric]?.metric_value_type;
  if (declared) return declared;
  const sample = state.rows.find((r) => r.metric === metric && r.value !== null)?.value;
  return typeof sample === "number" ? "numerical" : typeof sample === "boolean" ? "boolean" : "categorical";
}

const nameOf = (metric) => state.metrics[metric]?.name || metric;

function valueText(row) {
  if (row.value === null || row.value === undefined) return "n/a";
  const kind = kindOf(row.metric);
  if (kind === "boolean") return row.value ? "✓ met" : "✗ not met";
  if (kind === "numerical") {
    const upper = state.metrics[row.metric]?.upper_bound;
    return upper === undefined || upper === null ? String(row.value) : `${row.value} / ${upper}`;
  }
  return String(row.value);
}

function chart(metric, rows) {
  const kind = kindOf(metric);
  const width = 260;
  const height = 90;
  const points = rows.filter((r) => r.value !== null && r.value !== undefined);
  const body = [];
  if (kind === "numerical") {
    const info = state.metrics[metric] || {};
    const low = info.lower_bound ?? Math.min(...points.map((r) => r.value), 0);
    const high = info.upper_bound ?? Math.max(...points.map((r) => r.value), 1);
    const x = (i) => 20 + (points.length > 1 ? (i * (width - 30)) / (points.length - 1) : (width - 30) / 2);
    const y = (v) => height - 15 - ((v - low) / (high - low || 1)) * (height - 25);
    body.push(svg("line", { class: "axis", x1: 20, y1: height - 15, x2: width - 5, y2: height - 15 }));
    body.push(svg("text", { x: 0, y: y(high) + 4 }, String(high)), svg("text", { x: 0, y: y(low) + 4 }, String(low)));
    if (points.length > 1) body.push(svg("polyline", { class: "line", points: points.map((r, i) => `${x(i)},${y(r.value)}`).join(" ") }));
    points.forEach((r, i) => body.push(svg("circle", { class: "mark", cx: x(i), cy: y(r.value), r: 3 }, svg("title", {}, `${r.when}: ${r.value}`))));
  } else if (kind === "boolean") {
    const size = Math.max(6, Math.min(18, (width - 10) / Math.max(rows.length, 1) - 2));
    rows.forEach((r, i) => body.push(svg("rect", {
      class: r.value === true ? "yes" : r.value === false ? "no" : "none", x: 5 + i * (size + 2), y: 20, width: size, height: size,
    }, svg("title", {}, `${r.when}: ${valueText(r)}`))));
    const met = rows.filter((r) => r.value === true).length;
    const judged = rows.filter((r) => r.value !== null).length;
    body.push(svg("text", { x: 5, y: 70 }, judged ? `${met} of ${judged} met (${Math.round((100 * met) / judged)}%)` : "none judged"));
  } else {
    const counts = {};
    for (const r of points) counts[r.value] = (counts[r.value] || 0) + 1;
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    const most = Math.max(1, ...entries.map(([, n]) => n));
    entries.forEach(([category, n], i) => {
      body.push(svg("text", { x: 0, y: 14 + i * 16 }, category));
      body.push(svg("rect", { class: "mark", x: 90, y: 5 + i * 16, width: ((width - 120) * n) / most, height: 11 }, svg("title", {}, `${category}: ${n}`)));
      body.push(svg("text", { x: 95 + ((width - 120) * n) / most, y: 14 + i * 16 }, String(n)));
    });
  }
  const tall = kind === "categorical" ? Math.max(height, 10 + 16 * new Set(points.map((r) => r.value)).size) : height;
  return h("figure", { "data-metric": metric, "data-kind": kind },
    h("figcaption", {}, `${nameOf(metric)} `, h("span", { class: "muted" }, `(${kind}, ${rows.length} result(s))`)),
    svg("svg", { viewBox: `0 0 ${width} ${tall}`, role: "img", "aria-label": `${nameOf(metric)} over time` }, body));
}

const COLUMNS = [
  ["metric", "Metric"], ["conversation", "Conversation"], ["value", "Value"], ["justification", "Justification"], ["when", "When"],
];

function sortValue(row, column) {
  if (column === "metric") return nameOf(row.metric);
  if (column === "value") return row.value === null ? -Infinity : typeof row.value === "boolean" ? Number(row.value) : row.value;
  return row[column] ?? "";
}

function render() {
  const visible = state.rows.filter((r) => (!state.metric || r.metric === state.metric) && (!state.inConversation || r.conversation === state.inConversation));
  const { column, descending } = state.sort;
  const sorted = [...visible].sort((a, b) => {
    const [x, y] = [sortValue(a, column), sortValue(b, column)];
    return (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
  });
  const metrics = [...new Set(state.rows.map((r) => r.metric))];
  const conversations = [...new Set(state.rows.map((r) => r.conversation))].filter(Boolean);
  const overTime = [...visible].sort((a, b) => (a.when < b.when ? -1 : a.when > b.when ? 1 : 0));
  show(
    h("h1", {}, "Metric results"),
    h("p", { class: "muted" }, `${visible.length} of ${state.rows.length} result(s)`),
    h("div", { class: "row" },
      h("label", {}, "Metric ", h("select", { id: "metric-filter", onchange: (e) => { state.metric = e.target.value; render(); } },
        h("option", { value: "" }, "all"), metrics.map((m) => h("option", { value: m, selected: m === state.metric }, nameOf(m))))),
      h("label", {}, "Conversation ", h("select", { id: "conversation-filter", onchange: (e) => { state.inConversation = e.target.value; render(); } },
        h("option", { value: "" }, "all"), conversations.map((c) => h("option", { value: c, selected: c === state.inConversation }, c))))),
    h("h2", {}, "Over time"),
    h("div", { class: "charts" }, metrics.filter((m) => !state.metric || m === state.metric).map((m) => chart(m, overTime.filter((r) => r.metric === m)))),
    h("h2", {}, "Results"),
    h("div", { class: "scroll" }, h("table", {},
      h("thead", {}, h("tr", {}, COLUMNS.map(([key, label]) => h("th", {
        "aria-sort": column === key ? (descending ? "descending" : "ascending") : "none",
      }, h("button", { "data-column": key, onclick: () => {
        state.sort = { column: key, descending: column === key ? !descending : false }; render();
      } }, label, column === key ? (descending ? " ▼" : " ▲") : ""))))),
      h("tbody", {}, sorted.map((r) => h("tr", { "data-metric": r.metric },
        h("td", {}, nameOf(r.metric), r.version ? h("span", { class: "muted" }, ` v${r.version}`) : null),
        h("td", {}, r.conversation), h("td", { class: "value" }, valueText(r)),
        h("td", { class: "justification" }, r.justification), h("td", {}, r.when, r.source ? h("div", { class: "muted" }, r.source) : null)))))),
  );
}

async function readMetrics() {
  const ids = [...new Set(state.rows.map((r) => r.metric))].filter((id) => !state.metrics[id]);
  if (!ids.length || !app) return;
  try {
    const page = await call(app, "list_metrics", { id: ids, limit: 50 });
    for (const metric of page.metrics || []) state.metrics[metric.id] = metric;
    render();
  } catch {
    // IDs and inferred kinds stand in for what could not be read.
  }
}

start("metric-results", {
  onInput: (args) => { state.conversation = args.conversation_id ?? null; },
  onResult: (result) => {
    if (result.isError) return show(h("p", { class: "status error" }, resultText(result)));
    state.rows = rowsOf(result.structuredContent || {}, state.conversation);
    render();
    readMetrics();
  },
}).then((connected) => { app = connected; readMetrics(); });
