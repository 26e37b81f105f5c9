// What every view shares: the connection to the host, its theme, and DOM helpers.
import { App, applyDocumentTheme, applyHostStyleVariables } from "@modelcontextprotocol/ext-apps/app-with-deps";

/** An element: h("button", {class: "x", onclick}, "text", child, ...). Text is never parsed as HTML. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...present(children));
  return element;
}

/** Children as nodes and strings: nested lists flattened, null, undefined and false left out. */
function present(children) {
  return children.flat(Infinity).filter((child) => child !== undefined && child !== null && child !== false)
    .map((child) => (child instanceof Node ? child : String(child)));
}

export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...present(children));
  return element;
}

export function show(...children) {
  document.getElementById("view").replaceChildren(...present(children));
}

/** "2025-05-02T09:00:00.000000Z" as "2025-05-02 09:00 UTC". */
export function when(timestamp) {
  if (!timestamp) return "";
  return timestamp.replace("T", " ").replace(/:\d\d(\.\d+)?Z$/, " UTC");
}

/** A tool result's text, for a person: its structured content or the error text. */
export function resultText(result) {
  return (result.content || []).filter((block) => block.type === "text").map((block) => block.text).join("\n");
}

function applyContext(context) {
  if (context?.theme) applyDocumentTheme(context.theme);
  if (context?.styles?.variables) applyHostStyleVariables(context.styles.variables);
}

/**
 * Connect to the host. `onInput(arguments)` gets the tool's arguments, `onResult(result)` its
 * result; both may come in either order. Returns the App, for calls through the host.
 */
export async function start(name, { onInput, onResult }) {
  const app = new App({ name: `amigo-mcp ${name}`, version: "1.0.0" }, {}, { autoResize: true });
  app.ontoolinput = (params) => onInput?.(params.arguments || {});
  app.ontoolresult = (result) => onResult(result);
  app.onhostcontextchanged = applyContext;
  await app.connect();
  applyContext(app.getHostContext());
  return app;
}

/** Call a tool through the host; its structured content, or an Error with its text. */
export async function call(app, name, args) {
  const result = await app.callServerTool({ name, arguments: args });
  if (result.isError) throw new Error(resultText(result) || `${name} failed`);
  return result.structuredContent ?? JSON.parse(resultText(result));
}
