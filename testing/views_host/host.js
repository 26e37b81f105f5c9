// A minimal MCP Apps host for the browser tests: an MCP client over streamable HTTP to the
// amigo-mcp serving this page, and ext-apps' AppBridge rendering a tool's view in a sandboxed
// frame. The test drives it through `window.host` and answers confirmation questions itself.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { AppBridge, PostMessageTransport, getToolUiResourceUri } from "@modelcontextprotocol/ext-apps/app-bridge";

const UI = "io.modelcontextprotocol/ui";
const MIME = "text/html;profile=mcp-app";

const host = {
  // What happened, for the test to check: tool calls the view asked for, questions asked.
  calls: [],
  questions: [],
  // How the person answers the next confirmation question: "accept", "decline" or "cancel".
  answer: "accept",
  // The protocol era the client negotiates: "legacy" (2025-11-25) or "auto" (2026-07-28).
  era: "legacy",
  client: null,
  bridge: null,
};
window.host = host;

async function connect() {
  const client = new Client(
    { name: "amigo-mcp test host", version: "1.0.0" },
    {
      capabilities: { elicitation: { form: {} }, extensions: { [UI]: { mimeTypes: [MIME] } } },
      versionNegotiation: { mode: host.era },
    },
  );
  client.setRequestHandler("elicitation/create", async (request) => {
    host.questions.push(request.params.message);
    const action = host.answer;
    return action === "accept" ? { action, content: { confirm: true } } : { action };
  });
  await client.connect(new StreamableHTTPClientTransport(new URL("/mcp", location.href)));
  return client;
}

/** Call `name` as a model would, then open its view with the result, in `theme`. */
host.open = async (name, args, theme) => {
  host.client = host.client || (await connect());
  const client = host.client;
  const { tools } = await client.listTools();
  const tool = tools.find((t) => t.name === name);
  const uri = getToolUiResourceUri(tool);
  if (!uri) throw new Error(`${name} has no view`);
  const result = await client.callTool({ name, arguments: args });
  const { contents } = await client.readResource({ uri });
  const frame = document.createElement("iframe");
  frame.setAttribute("sandbox", "allow-scripts");
  frame.title = `${name} view`;
  document.getElementById("frames").replaceChildren(frame);
  const bridge = new AppBridge(
    null,
    { name: "amigo-mcp test host", version: "1.0.0" },
    { serverTools: {} },
    { hostContext: { theme, displayMode: "inline", toolInfo: { tool } } },
  );
  // The host forwards the view's tool calls to the server (its approval: every call is logged).
  bridge.oncalltool = async (params) => {
    host.calls.push(params);
    return client.callTool(params);
  };
  bridge.onsizechange = ({ height }) => {
    if (height) frame.style.height = `${height}px`;
  };
  const ready = new Promise((resolve) => {
    bridge.oninitialized = resolve;
  });
  // Listen before the document runs: its first message is its initialize request.
  await bridge.connect(new PostMessageTransport(frame.contentWindow, frame.contentWindow));
  frame.srcdoc = contents[0].text;
  await ready;
  await bridge.sendToolInput({ arguments: args });
  await bridge.sendToolResult(result);
  host.bridge = bridge;
  return result;
};

/** The host's theme changes while the view is open. */
host.setTheme = (theme) => host.bridge.setHostContext({ theme });
