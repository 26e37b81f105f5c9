// The history of a versioned object: its versions as a timeline, two of them side by side with
// what was added, removed and changed, and "make this version current" (a rollback tool, called
// through the host so that the host's approval and the server's confirmation both apply).
import { call, h, resultText, show, start, when } from "./common.js";

function key(value) {
  return JSON.stringify(value);
}

/** Pair two lists: strings by equality; objects equal, else of the same `type` (changed). */
export function compareItems(before = [], after = []) {
  const left = before.map((value) => ({ value, state: "removed" }));
  const right = [];
  const free = new Set(left.keys());
  const take = (test) => {
    for (const index of free) if (test(left[index].value)) { free.delete(index); return left[index]; }
    return null;
  };
  for (const value of after) {
    const same = take((old) => key(old) === key(value));
    if (same) { same.state = "same"; right.push({ value, state: "same" }); continue; }
    const typed = value && typeof value === "object" && "type" in value
      ? take((old) => old && typeof old === "object" && old.type === value.type) : null;
    if (typed) { typed.state = "changed"; right.push({ value, state: "changed" }); continue; }
    right.push({ value, state: "added" });
  }
  return { left, right };
}

const MARKS = { added: "+ added", removed: "− removed", changed: "~ changed", same: "" };

function item(text, state) {
  return h("div", { class: `item ${state}`, "data-state": state },
    MARKS[state] ? h("span", { class: "mark" }, MARKS[state]) : null, text);
}

function side(config, version, pick) {
  return h("section", { class: "side", "aria-label": `version ${version.version}` },
    h("h3", {}, `v${version.version}`, h("span", { class: "muted" }, ` · ${when(version.created_at)}`)),
    config.sections.map((section) => [h("h4", { class: "muted" }, section.label), pick(section)]));
}

/** The page of one object's history. `config` names its tools, fields and sections. */
export function historyView(config) {
  const state = { id: null, info: null, versions: [], hasMore: false, from: null, to: null, status: null };
  let app = null;

  const byNumber = (number) => state.versions.find((v) => v.version === number);
  const latest = () => state.versions.at(-1);

  function setVersions(items, hasMore) {
    state.versions = [...items].sort((a, b) => a.version - b.version);
    state.hasMore = hasMore;
    state.id = state.id || state.versions[0]?.[config.idField] || null;
    const last = latest();
    state.to = last?.version ?? null;
    state.from = state.versions.at(-2)?.version ?? state.to;
  }

  function sectionsOf(before, after) {
    const pairs = {};
    for (const section of config.sections) {
      if (section.kind === "field") {
        const differs = key(before[section.field]) !== key(after[section.field]);
        pairs[section.label] = {
          left: [{ value: before[section.field], state: differs ? "changed" : "same" }],
          right: [{ value: after[section.field], state: differs ? "changed" : "same" }],
        };
      } else {
        pairs[section.label] = compareItems(before[section.field], after[section.field]);
      }
    }
    return pairs;
  }

  function render() {
    if (!state.versions.length) return show(h("p", { class: "muted" }, "No versions."));
    const current = latest();
    const from = byNumber(state.from) || current;
    const to = byNumber(state.to) || current;
    const pairs = sectionsOf(from, to);
    const text = (section, entry) => section.describe ? section.describe(entry.value) : String(entry.value ?? "(none)");
    const options = (selected) => state.versions.map((v) =>
      h("option", { value: v.version, selected: v.version === selected }, `v${v.version}`));
    const title = state.info?.name ? `${config.noun}: ${state.info.name}` : config.noun;
    const active = config.activeField && state.info ? (state.info[config.activeField] ? "active" : "inactive") : null;
    show(
      h("h1", {}, title),
      h("p", { class: "muted" }, state.id || "", active ? ` · ${active}` : "",
        ` · ${state.versions.length} version(s) shown`, state.hasMore ? " (older ones not shown)" : ""),
      h("h2", { id: "timeline-title" }, "Versions"),
      h("ol", { class: "timeline", "aria-labelledby": "timeline-title" },
        [...state.versions].reverse().map((v) => h("li", {},
          h("button", {
            "aria-pressed": v.version === state.to ? "true" : "false",
            "data-version": v.version,
            onclick: () => { state.to = v.version; state.from = byNumber(v.version - 1)?.version ?? v.version; render(); },
          },
          h("strong", {}, `v${v.version}`), " ",
          v === current ? h("span", { class: "badge current" }, "current") : null,
          h("span", { class: "muted" }, ` ${when(v.created_at)} · by ${v.creator?.user_id ?? "unknown"}`))))),
      h("h2", {}, "Compare"),
      h("div", { class: "row" },
        h("label", {}, "From ", h("select", { "aria-label": "from version", id: "from",
          onchange: (event) => { state.from = Number(event.target.value); render(); } }, options(from.version))),
        h("label", {}, "to ", h("select", { "aria-label": "to version", id: "to",
          onchange: (event) => { state.to = Number(event.target.value); render(); } }, options(to.version)))),
      h("div", { class: "sides" },
        side(config, from, (section) => pairs[section.label].left.map((entry) =>
          item(text(section, entry), entry.state === "changed" || entry.state === "removed" ? entry.state : "same"))),
        side(config, to, (section) => pairs[section.label].right.map((entry) => item(text(section, entry), entry.state)))),
      h("div", { class: "row" },
        h("button", {
          class: "primary", id: "make-current",
          disabled: to === current || !state.id || state.status?.busy,
          onclick: () => rollback(to.version),
        }, to === current ? `v${to.version} is current` : `Make v${to.version} current`)),
      state.status ? h("p", { class: `status${state.status.error ? " error" : ""}`, role: "status" }, state.status.text) : null,
    );
  }

  async function reload() {
    const page = await call(app, config.listTool, { [config.idField]: state.id, sort_by: ["-version"], limit: 10 });
    setVersions(page[config.itemsKey] || [], Boolean(page.has_more));
  }

  async function readInfo() {
    if (!config.readTool || !state.id) return;
    try {
      const page = await call(app, config.readTool, { id: [state.id] });
      state.info = (page[config.readKey] || [])[0] || null;
      render();
    } catch {
      // The history stands without the name.
    }
  }

  async function rollback(version) {
    state.status = { busy: true, text: `Asking to make v${version} current with ${config.rollbackTool}…` };
    render();
    try {
      const result = await app.callServerTool({ name: config.rollbackTool, arguments: { [config.idField]: state.id, to_version: version } });
      if (result.isError) {
        state.status = { error: true, text: resultText(result) };
      } else {
        const created = config.createdVersion(result.structuredContent || {});
        await reload();
        state.status = { text: `v${version} is current again, as v${created}.` };
      }
    } catch (error) {
      state.status = { error: true, text: String(error?.message || error) };
    }
    render();
  }

  start(config.name, {
    onInput: (args) => { state.id = args[config.idField] || state.id; },
    onResult: (result) => {
      if (result.isError) return show(h("p", { class: "status error" }, resultText(result)));
      const content = result.structuredContent || {};
      setVersions(content[config.itemsKey] || [], Boolean(content.has_more));
      render();
      readInfo();
    },
  }).then((connected) => { app = connected; });
}
