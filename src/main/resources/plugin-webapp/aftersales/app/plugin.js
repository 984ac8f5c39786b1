// The After-sales view in Cockpit (docs/cockpit.md): a dashboard entry and a navigation link to the page
// #/aftersales, its charts (uPlot from the webjar the application serves, no CDN; the heat map and the progress
// bars as SVG written here), and the drill-down page #/aftersales/cases?... listing the cases behind a figure.
// Every number a chart shows is also text in the DOM with a data-metric attribute (data-value holds the raw number).

const UPLOT = "/webjars/uplot/1.6.30/dist/";
const ROUTE = "/aftersales";
const CASES_ROUTE = "/aftersales/cases";
const SEVERITIES = [
  { key: "RED", field: "red", colour: "#d9534f" },
  { key: "YELLOW", field: "yellow", colour: "#f0ad4e" },
  { key: "BLUE", field: "blue", colour: "#5bc0de" },
];
const CASE_FILTERS = ["severity", "storeId", "team", "state", "sku", "category", "week"];

let uPlotLoading;

/** uPlot and its CSS, loaded once per page from the application's /webjars. */
function loadUPlot() {
  if (!uPlotLoading) {
    if (!document.querySelector("link[data-aftersales-uplot]")) {
      const css = document.createElement("link");
      css.rel = "stylesheet";
      css.href = UPLOT + "uPlot.min.css";
      css.setAttribute("data-aftersales-uplot", "");
      document.head.appendChild(css);
    }
    uPlotLoading = import(UPLOT + "uPlot.esm.js").then((module) => module.default);
  }
  return uPlotLoading;
}

// ---------------------------------------------------------------- DOM helpers (text only, never innerHTML)

const SVG_NS = "http://www.w3.org/2000/svg";

/** An element with attributes and children (text children become text nodes). */
function build(node, attributes, children) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== undefined && value !== null) {
      node.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

function el(tag, attributes, ...children) {
  return build(document.createElement(tag), attributes, children);
}

function svg(tag, attributes, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attributes, children);
}

function percent(rate) {
  return rate === null || rate === undefined ? "–" : (rate * 100).toFixed(1) + " %";
}

function decimal(value, digits) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

/** A number as text, findable by its metric name; rates show as percent, data-value keeps the fraction. */
function metric(name, value, format) {
  const shown = format ? format(value) : value === null || value === undefined ? "–" : String(value);
  return el("span", { class: "aftersales-metric", "data-metric": name, "data-value": value ?? "" }, shown);
}

/** The hash link of the drill-down list for a figure's filter. */
function casesLink(filter) {
  const query = new URLSearchParams();
  for (const name of CASE_FILTERS) {
    if (filter[name] !== undefined && filter[name] !== null && filter[name] !== "") {
      query.set(name, filter[name]);
    }
  }
  return "#" + CASES_ROUTE + "?" + query.toString();
}

function drill(filter, ...children) {
  return el("a", { href: casesLink(filter), class: "aftersales-drill", "data-drill": new URLSearchParams(filter).toString() },
    ...children);
}

function processInstanceLink(id, ...children) {
  return id ? el("a", { href: "#/process-instance/" + encodeURIComponent(id) + "/runtime", "data-process-instance": id },
    ...children) : el("span", {}, ...children);
}

function table(headings, rows) {
  return el("table", { class: "table table-condensed aftersales-numbers" },
    el("thead", {}, el("tr", {}, headings.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows.map((cells) => el("tr", {}, cells.map((c) => el("td", {}, c))))));
}

function section(id, title, ...content) {
  return el("section", { class: "aftersales-section", id: "aftersales-" + id, "data-section": id },
    el("h3", {}, title), ...content);
}

function chartBox(name) {
  return el("div", { class: "aftersales-chart", "data-chart": name });
}

// ---------------------------------------------------------------- charts

/**
 * Bars over categories with uPlot: series of values per label, stacked (each bar's segments add up) or side by
 * side (at most two), and optional marks: a level per label drawn across its slot (a category's average, its flag
 * line), or across the whole chart when it is one level for all (a limit). Clicking a bar opens the drill-down.
 */
function barChart(uPlot, box, { labels, bars, marks = [], stacked = false, axis = (v) => v, link, charts }) {
  const n = labels.length;
  const xs = labels.map((_, i) => i);
  const data = [xs];
  const series = [{}];
  const barSeries = stacked ? stackedBars(bars) : bars;
  barSeries.forEach((bar, index) => {
    const align = stacked || barSeries.length === 1 ? 0 : index === 0 ? -1 : 1;
    data.push(bar.values);
    series.push({
      label: bar.label,
      stroke: bar.colour,
      fill: bar.colour,
      width: 0,
      points: { show: false },
      paths: uPlot.paths.bars({ size: [stacked || barSeries.length === 1 ? 0.6 : 0.35, 80], align }),
    });
  });
  const top = Math.max(0, ...data.slice(1).concat(marks.map((mark) => mark.values)).flat()
    .filter((v) => v !== null && v !== undefined));
  // many labels (stores) get more room and slanted names, so that they do not run into each other
  const crowded = n > 4;
  const width = Math.max(360, Math.min(1300, 90 + n * (crowded ? 95 : 80)));
  const chart = new uPlot({
    width,
    height: crowded ? 260 : 220,
    padding: [null, crowded ? 60 : null, null, null],
    legend: { show: false },
    cursor: { points: { show: false }, drag: { x: false, y: false } },
    scales: { x: { time: false, range: () => [-0.5, Math.max(n, 1) - 0.5] }, y: { range: () => [0, top > 0 ? top * 1.15 : 1] } },
    axes: [
      { splits: () => xs, values: (u, splits) => splits.map((i) => labels[i] ?? ""), grid: { show: false },
        rotate: crowded ? -25 : 0, size: crowded ? 90 : 50 },
      { values: (u, splits) => splits.map(axis), size: 70 },
    ],
    series,
    hooks: { draw: [(u) => drawMarks(u, marks)] },
  }, data, box);
  if (link) {
    chart.over.style.cursor = "pointer";
    chart.over.addEventListener("click", () => {
      const i = chart.cursor.idx;
      if (i !== null && i !== undefined && i < n) {
        window.location.hash = casesLink(link(i)).substring(1);
      }
    });
  }
  charts.push(chart);
  box.append(el("div", { class: "aftersales-legend" },
    bars.concat(marks).map((s) => el("span", {}, el("i", { style: "background:" + s.colour }), s.label))));
  return chart;
}

/** The marks of a bar chart on its canvas: one level per slot, or one line across when all levels are equal. */
function drawMarks(u, marks) {
  const ctx = u.ctx;
  const ratio = window.devicePixelRatio || 1;
  ctx.save();
  for (const mark of marks) {
    const levels = mark.values.filter((v) => v !== null && v !== undefined);
    const across = levels.length > 0 && levels.every((v) => v === levels[0]);
    ctx.strokeStyle = mark.colour;
    ctx.lineWidth = 2 * ratio;
    ctx.setLineDash(mark.dashed ? [6 * ratio, 4 * ratio] : []);
    ctx.beginPath();
    if (across) {
      const y = u.valToPos(levels[0], "y", true);
      ctx.moveTo(u.bbox.left, y);
      ctx.lineTo(u.bbox.left + u.bbox.width, y);
    } else {
      mark.values.forEach((value, i) => {
        if (value !== null && value !== undefined) {
          const y = u.valToPos(value, "y", true);
          ctx.moveTo(u.valToPos(i - 0.42, "x", true), y);
          ctx.lineTo(u.valToPos(i + 0.42, "x", true), y);
        }
      });
    }
    ctx.stroke();
  }
  ctx.restore();
}

/** A rate on an axis: whole percent. */
function axisPercent(rate) {
  return Math.round(rate * 100) + " %";
}

/** Stacked bars drawn as running totals, the tallest first so each later segment sits on top of it. */
function stackedBars(bars) {
  const totals = bars.map((_, index) => bars[0].values.map((__, i) =>
    bars.slice(index).reduce((sum, bar) => sum + (bar.values[i] || 0), 0)));
  return bars.map((bar, index) => ({ label: bar.label, colour: bar.colour, values: totals[index] }));
}

/** A horizontal progress bar in SVG: parts of a whole, each with its colour. */
function progressBar(total, parts) {
  const width = 320;
  const bar = svg("svg", { width, height: 18, class: "aftersales-progress", role: "img" });
  bar.append(svg("rect", { x: 0, y: 0, width, height: 18, fill: "#eee" }));
  for (const part of parts) {
    const share = total > 0 ? Math.min(1, part.value / total) : 0;
    bar.append(svg("rect", { x: 0, y: part.y, width: (width * share).toFixed(1), height: part.height, fill: part.colour },
      svg("title", {}, part.label + ": " + part.value + " / " + total)));
  }
  return bar;
}

/** The weekly complaint heat map: one row per store and category, one cell per week, darker for more. */
function heatmap(data) {
  const weeks = data.weeks || [];
  const rows = data.rows || [];
  const cell = 44;
  const left = 260;
  const top = 24;
  const max = Math.max(1, ...rows.flatMap((row) => row.counts));
  const map = svg("svg", { width: left + weeks.length * cell + 4, height: top + rows.length * cell + 4,
    class: "aftersales-heatmap", "data-chart-svg": "heatmap" });
  weeks.forEach((week, w) => map.append(svg("text", { x: left + w * cell + cell / 2, y: 16, "text-anchor": "middle",
    class: "aftersales-heat-week" }, week.replace(/^\d{4}-/, ""))));
  rows.forEach((row, r) => {
    const y = top + r * cell;
    map.append(svg("text", { x: left - 8, y: y + cell / 2 + 4, "text-anchor": "end" },
      (row.storeName || row.storeId) + " · " + row.category));
    row.counts.forEach((count, w) => {
      const filter = { storeId: row.storeId, category: row.category, week: weeks[w] };
      const link = svg("a", { href: casesLink(filter), "data-drill": new URLSearchParams(filter).toString() });
      link.append(svg("rect", { x: left + w * cell, y, width: cell - 2, height: cell - 2, rx: 3,
        fill: heatColour(count / max) }, svg("title", {}, row.storeId + " " + row.category + " " + weeks[w] + ": " + count)));
      link.append(svg("text", { x: left + w * cell + cell / 2 - 1, y: y + cell / 2 + 4, "text-anchor": "middle",
        class: "aftersales-metric", "data-metric": "heatmap." + row.storeId + "." + row.category + "." + weeks[w],
        "data-value": count }, String(count)));
      map.append(link);
    });
  });
  return map;
}

function heatColour(share) {
  if (share <= 0) {
    return "#f4f4f4";
  }
  const light = Math.round(92 - share * 52);
  return "hsl(8, 75%, " + light + "%)";
}

// ---------------------------------------------------------------- the sections

function openCasesSection(uPlot, open, charts) {
  const stores = open.byStore || [];
  const box = chartBox("openCases");
  const content = section("open-cases", "Open cases by severity and store",
    el("p", {}, "Open: ", drill({ state: "open" }, metric("openCases.total", open.total)), " — ",
      SEVERITIES.map((s) => el("span", { class: "aftersales-severity aftersales-" + s.field },
        s.key + " ", drill({ severity: s.key }, metric("openCases.bySeverity." + s.key, (open.bySeverity || {})[s.key] ?? 0)), " "))),
    box,
    table(["Store", "RED", "YELLOW", "BLUE", "Total"], stores.map((store) => [
      store.storeName + " (" + store.storeId + ")",
      ...SEVERITIES.map((s) => drill({ storeId: store.storeId, severity: s.key },
        metric("openCases.byStore." + store.storeId + "." + s.field, store[s.field]))),
      drill({ storeId: store.storeId }, metric("openCases.byStore." + store.storeId + ".total", store.total)),
    ])));
  barChart(uPlot, box, {
    labels: stores.map((s) => s.storeName || s.storeId),
    bars: SEVERITIES.map((s) => ({ label: s.key, colour: s.colour, values: stores.map((store) => store[s.field]) })),
    stacked: true, link: (i) => ({ storeId: stores[i].storeId }), charts,
  });
  return content;
}

function slaSection(uPlot, rows, charts) {
  const content = section("sla", "SLA attainment (first reply and claim within the SLA)");
  const switcher = el("div", { class: "btn-group aftersales-window" });
  const body = el("div", {});
  content.append(switcher, body);
  let drawn;
  const show = (window) => {
    if (drawn) {
      drawn.destroy();
      charts.splice(charts.indexOf(drawn), 1);
    }
    for (const button of switcher.children) {
      button.classList.toggle("active", button.getAttribute("data-window") === window);
    }
    body.replaceChildren();
    const shown = rows.filter((row) => row.window === window);
    const box = chartBox("sla");
    body.append(box, table(["Team", "Severity", "First reply within SLA", "Claim within SLA"], shown.map((row) => {
      const name = "sla." + row.window + "." + row.team + "." + row.severity;
      return [
        drill({ team: row.team, severity: row.severity }, row.team), row.severity,
        el("span", {}, metric(name + ".firstReplyRate", row.firstReplyRate, percent), " (",
          metric(name + ".firstReplyWithin", row.firstReplyWithin), " of ", metric(name + ".firstReplyTotal", row.firstReplyTotal), ")"),
        el("span", {}, metric(name + ".claimRate", row.claimRate, percent), " (",
          metric(name + ".claimWithin", row.claimWithin), " of ", metric(name + ".claimTotal", row.claimTotal), ")"),
      ];
    })));
    drawn = barChart(uPlot, box, {
      labels: shown.map((row) => row.team + " " + row.severity),
      bars: [
        { label: "first reply within SLA", colour: "#337ab7", values: shown.map((row) => row.firstReplyRate) },
        { label: "claim within SLA", colour: "#5cb85c", values: shown.map((row) => row.claimRate) },
      ],
      axis: axisPercent, link: (i) => ({ team: shown[i].team, severity: shown[i].severity }), charts,
    });
  };
  for (const [window, label] of [["24h", "last 24 h"], ["7d", "last 7 days"]]) {
    const button = el("button", { type: "button", class: "btn btn-default btn-sm", "data-window": window }, label);
    button.addEventListener("click", () => show(window));
    switcher.append(button);
  }
  show("24h");
  return content;
}

function overdueSection(uPlot, overdue, charts) {
  const box = chartBox("overdue");
  const content = section("overdue", "Overdue and escalated cases",
    el("p", {}, "Overdue: ", drill({ state: "overdue" }, metric("overdue.overdue", overdue.overdue)),
      " — escalated: ", drill({ state: "escalated" }, metric("overdue.escalated", overdue.escalated))),
    box);
  const states = ["overdue", "escalated"];
  barChart(uPlot, box, {
    labels: ["overdue", "escalated"],
    bars: [{ label: "cases", colour: "#d9534f", values: [overdue.overdue, overdue.escalated] }],
    link: (i) => ({ state: states[i] }), charts,
  });
  return content;
}

function teamsSection(uPlot, teams, charts) {
  const boxes = { hours: chartBox("teams.hours"), fcr: chartBox("teams.fcr"), rating: chartBox("teams.rating") };
  const content = section("teams", "Teams, last 7 days: time to resolve, first-contact resolution, rating",
    el("div", { class: "aftersales-row" },
      el("div", {}, el("h4", {}, "Median hours to resolve"), boxes.hours),
      el("div", {}, el("h4", {}, "First-contact resolution"), boxes.fcr),
      el("div", {}, el("h4", {}, "Rating (1–5)"), boxes.rating)),
    table(["Team", "Resolved", "Median hours to resolve", "First-contact resolution", "Rating", "Ratings"],
      teams.map((team) => {
        const name = "teams." + team.team;
        return [
          drill({ team: team.team, state: "resolved" }, team.team),
          metric(name + ".resolved", team.resolved),
          metric(name + ".medianHoursToResolve", team.medianHoursToResolve, (v) => decimal(v, 1)),
          metric(name + ".firstContactResolutionRate", team.firstContactResolutionRate, percent),
          metric(name + ".averageRating", team.averageRating, (v) => decimal(v, 2)),
          metric(name + ".ratings", team.ratings),
        ];
      })));
  const labels = teams.map((team) => team.team);
  const link = (i) => ({ team: teams[i].team, state: "resolved" });
  barChart(uPlot, boxes.hours, { labels, link, charts,
    bars: [{ label: "median hours", colour: "#337ab7", values: teams.map((t) => t.medianHoursToResolve) }] });
  barChart(uPlot, boxes.fcr, { labels, link, charts, axis: axisPercent,
    bars: [{ label: "first-contact resolution", colour: "#5cb85c", values: teams.map((t) => t.firstContactResolutionRate) }] });
  barChart(uPlot, boxes.rating, { labels, link, charts, axis: (v) => decimal(v, 1),
    bars: [{ label: "average rating", colour: "#f0ad4e", values: teams.map((t) => t.averageRating) }] });
  return content;
}

function skusSection(uPlot, skus, charts) {
  const box = chartBox("skus");
  const content = section("skus", "Return and complaint rate per SKU against its category",
    box,
    table(["SKU", "Category", "Orders", "Returns", "Return rate", "Category return rate", "Flag line",
      "Complaints", "Complaint rate", "Category complaint rate", ""], skus.map((sku) => {
      const name = "skus." + sku.sku;
      return [
        drill({ sku: sku.sku }, sku.sku), sku.category,
        metric(name + ".orders", sku.orders), metric(name + ".returns", sku.returns),
        metric(name + ".returnRate", sku.returnRate, percent),
        metric(name + ".categoryReturnRate", sku.categoryReturnRate, percent),
        metric(name + ".returnLine", sku.returnLine, percent),
        metric(name + ".complaints", sku.complaints),
        metric(name + ".complaintRate", sku.complaintRate, percent),
        metric(name + ".categoryComplaintRate", sku.categoryComplaintRate, percent),
        sku.aboveLine ? el("span", { class: "label label-danger", "data-metric": name + ".aboveLine" }, "above the line") : "",
      ];
    })));
  barChart(uPlot, box, {
    labels: skus.map((s) => s.sku),
    bars: [
      { label: "return rate", colour: "#337ab7", values: skus.map((s) => s.returnRate) },
      { label: "complaint rate", colour: "#f0ad4e", values: skus.map((s) => s.complaintRate) },
    ],
    marks: [
      { label: "category return rate", colour: "#555", dashed: true, values: skus.map((s) => s.categoryReturnRate) },
      { label: "flag line (category + 20 %)", colour: "#d9534f", values: skus.map((s) => s.returnLine) },
    ],
    axis: axisPercent, link: (i) => ({ sku: skus[i].sku }), charts,
  });
  return content;
}

function disputesSection(uPlot, disputes, charts) {
  const box = chartBox("disputes");
  const content = section("disputes", "Dispute rate per store", box,
    table(["Store", "Orders", "Disputes", "Rate", "Line", ""], disputes.map((store) => {
      const name = "disputes." + store.storeId;
      return [
        drill({ storeId: store.storeId }, store.storeName + " (" + store.storeId + ")"),
        metric(name + ".orders", store.orders), metric(name + ".disputes", store.disputes),
        metric(name + ".rate", store.rate, percent), metric(name + ".line", store.line, percent),
        store.aboveLine ? el("span", { class: "label label-danger", "data-metric": name + ".aboveLine" }, "above the line") : "",
      ];
    })));
  barChart(uPlot, box, {
    labels: disputes.map((s) => s.storeName || s.storeId),
    bars: [{ label: "dispute rate", colour: "#337ab7", values: disputes.map((s) => s.rate) }],
    marks: [{ label: "store-health line", colour: "#d9534f", values: disputes.map((s) => s.line) }],
    axis: axisPercent, link: (i) => ({ storeId: disputes[i].storeId }), charts,
  });
  return content;
}

/** A section of progress bars, one per item, each naming its process instance. */
function progressSection(id, title, items, none, row) {
  return section(id, title, el("div", { class: "aftersales-chart", "data-chart": id },
    items.length === 0 ? el("p", { class: "aftersales-none" }, none) : "",
    items.map((item) => {
      const { text, total, parts } = row(id + "." + item.key, item);
      return el("div", { class: "aftersales-progress-row", ["data-" + id.replace(/s$/, "")]: item.key },
        el("div", {}, processInstanceLink(item.processInstanceId, item.key), " ", text), progressBar(total, parts));
    })));
}

function recallsSection(recalls) {
  return progressSection("recalls", "Open recalls", recalls, "No open recall.", (name, recall) => ({
    text: [recall.sku, " — stage ", metric(name + ".stage", recall.stage), ": notified ",
      metric(name + ".notified", recall.notified), " of ", metric(name + ".affectedBuyers", recall.affectedBuyers),
      ", returned ", metric(name + ".returned", recall.returned), ", completion ",
      metric(name + ".completionRate", recall.completionRate, percent)],
    total: recall.affectedBuyers,
    parts: [
      { label: "notified", value: recall.notified, colour: "#9ecae1", y: 0, height: 18 },
      { label: "returned", value: recall.returned, colour: "#3182bd", y: 5, height: 8 },
    ],
  }));
}

function incidentsSection(incidents) {
  return progressSection("incidents", "Shipment incidents", incidents, "No open incident.", (name, incident) => ({
    text: [metric(name + ".state", incident.state), ": ", metric(name + ".affectedOrders", incident.affectedOrders),
      " orders, chosen ", metric(name + ".chosen", incident.chosen), ", executed ",
      metric(name + ".executed", incident.executed), ", open ", metric(name + ".open", incident.open)],
    total: incident.affectedOrders,
    parts: [
      { label: "remedy chosen", value: incident.chosen, colour: "#fdd0a2", y: 0, height: 18 },
      { label: "remedy executed", value: incident.executed, colour: "#e6550d", y: 5, height: 8 },
    ],
  }));
}

function heatmapSection(data) {
  const weeks = data.weeks || [];
  return section("heatmap", "Complaints per week (store × category)",
    el("div", { class: "aftersales-chart", "data-chart": "heatmap" }, heatmap(data)),
    el("p", { class: "text-muted" }, weeks.length ? weeks[0] + " to " + weeks[weeks.length - 1] : ""));
}

// ---------------------------------------------------------------- pages

function metricsUrl(api, path) {
  return api.cockpitApi + "/plugin/aftersales/" + encodeURIComponent(api.engine) + "/metrics" + (path || "");
}

async function getJson(api, url) {
  const response = await fetch(url, {
    credentials: "same-origin",
    headers: { Accept: "application/json", "X-XSRF-TOKEN": api.CSRFToken || "" },
  });
  const text = await response.text();
  if (!response.ok) {
    let reason = text;
    try {
      const problem = JSON.parse(text);
      reason = problem.detail || problem.message || text;
    } catch (notJson) {
      // the answer as it came
    }
    throw new Error(response.status + " " + reason);
  }
  return JSON.parse(text);
}

function failure(node, error) {
  node.replaceChildren(el("div", { class: "alert alert-danger aftersales-error", "data-error": "" },
    "The after-sales figures could not be loaded: " + error.message));
}

const mounted = new WeakMap();

function unmountCharts(node) {
  for (const chart of mounted.get(node) || []) {
    chart.destroy();
  }
  mounted.delete(node);
}

async function renderOverview(node, api) {
  unmountCharts(node);
  const charts = [];
  mounted.set(node, charts);
  node.replaceChildren(el("div", { class: "aftersales-view aftersales-loading", "data-aftersales": "loading" }, "Loading…"));
  try {
    const [uPlot, metrics] = await Promise.all([loadUPlot(), getJson(api, metricsUrl(api))]);
    const view = el("div", { class: "aftersales-view", "data-aftersales": "overview" },
      el("h2", {}, "After-sales"),
      el("p", { class: "text-muted" }, "Figures of ", metric("generatedAt", metrics.generatedAt),
        ". Click a figure for the cases behind it."));
    node.replaceChildren(view);
    view.append(
      openCasesSection(uPlot, metrics.openCases, charts),
      slaSection(uPlot, metrics.sla || [], charts),
      overdueSection(uPlot, metrics.overdue, charts),
      teamsSection(uPlot, metrics.teams || [], charts),
      skusSection(uPlot, metrics.skus || [], charts),
      disputesSection(uPlot, metrics.disputes || [], charts),
      recallsSection(metrics.recalls || []),
      incidentsSection(metrics.incidents || []),
      heatmapSection(metrics.heatmap || { weeks: [], rows: [] }));
    view.setAttribute("data-rendered", String(charts.length));
  } catch (error) {
    failure(node, error);
  }
}

/** The filter of the drill-down page, from the hash's query (#/aftersales/cases?severity=RED&storeId=...). */
function filterFromHash() {
  const hash = window.location.hash;
  const query = new URLSearchParams(hash.includes("?") ? hash.substring(hash.indexOf("?") + 1) : "");
  const filter = {};
  for (const name of CASE_FILTERS) {
    if (query.get(name)) {
      filter[name] = query.get(name);
    }
  }
  return filter;
}

async function renderCases(node, api) {
  const filter = filterFromHash();
  const described = Object.entries(filter).map(([k, v]) => k + " " + v).join(", ") || "all open cases";
  node.replaceChildren(el("div", { class: "aftersales-view", "data-aftersales": "loading" }, "Loading…"));
  try {
    const cases = await getJson(api, metricsUrl(api, "/cases?" + new URLSearchParams(filter).toString()));
    node.replaceChildren(el("div", { class: "aftersales-view", "data-aftersales": "cases", "data-filter": new URLSearchParams(filter).toString() },
      el("p", {}, el("a", { href: "#" + ROUTE }, "← After-sales")),
      el("h2", {}, "Cases: " + described),
      el("p", {}, metric("cases.count", cases.length), cases.length === 1 ? " case" : " cases", cases.length === 200 ? " (the newest 200)" : ""),
      el("table", { class: "table table-condensed aftersales-cases" },
        el("thead", {}, el("tr", {}, ["Case", "Severity", "Category", "Store", "Team", "Status", "Opened"].map((h) => el("th", {}, h)))),
        el("tbody", {}, cases.map((c) => el("tr", { "data-case-key": c.caseKey },
          el("td", {}, processInstanceLink(c.processInstanceId, c.caseKey)),
          el("td", {}, el("span", { class: "aftersales-severity aftersales-" + String(c.severity).toLowerCase() }, c.severity)),
          el("td", {}, c.category), el("td", {}, c.storeId), el("td", {}, c.team), el("td", {}, c.status),
          el("td", {}, c.openedAt)))))));
  } catch (error) {
    failure(node, error);
  }
}

export default [
  {
    id: "aftersales.dashboard",
    pluginPoint: "cockpit.dashboard",
    priority: 20,
    render: (node) => {
      node.replaceChildren(el("section", { class: "aftersales-entry" },
        el("h3", {}, el("a", { href: "#" + ROUTE, "data-aftersales-entry": "" }, "After-sales")),
        el("p", {}, "Open cases, SLA attainment, teams, SKUs, disputes, recalls, incidents and weekly complaints.")));
    },
  },
  {
    id: "aftersales.navigation",
    pluginPoint: "cockpit.navigation",
    priority: 20,
    properties: { path: ROUTE, pagePath: "#" + ROUTE, label: "After-sales", checkActive: (path) => path.indexOf(ROUTE) === 0 },
    render: (node) => {
      node.textContent = "After-sales";
    },
  },
  {
    id: "aftersales.route",
    pluginPoint: "cockpit.route",
    priority: 20,
    properties: { path: ROUTE, label: ROUTE },
    render: (node, { api }) => {
      renderOverview(node, api);
    },
    unmount: (node) => unmountCharts(node),
  },
  {
    id: "aftersales.cases",
    pluginPoint: "cockpit.route",
    priority: 20,
    properties: { path: CASES_ROUTE, label: CASES_ROUTE },
    render: (node, { api }) => {
      renderCases(node, api);
    },
  },
];
