// list_dynamic_behavior_set_versions: triggers and actions across versions.
import { historyView } from "./history.js";

function describeAction(action) {
  if (!action || typeof action !== "object") return String(action);
  const { type, ...rest } = action;
  if (type === "inject-instruction") return `${type}: ${rest.instruction}${rest.overrides_instructions ? " (replaces the instructions)" : ""}`;
  if (type === "change-tool-candidates") {
    const tools = (rest.tool_call_specs || []).map((spec) => `${spec.tool_name || spec.tool_id} ${spec.version_constraint || ""}`.trim());
    return `${type}: ${tools.join(", ") || "(no tools)"}${rest.overrides_existing_tool_call_specs ? " (replaces the tools)" : ""}`;
  }
  return `${type}: ${JSON.stringify(rest)}`;
}

historyView({
  name: "behavior-set-history",
  noun: "Dynamic behavior set",
  idField: "dynamic_behavior_set_id",
  itemsKey: "dynamic_behavior_set_versions",
  listTool: "list_dynamic_behavior_set_versions",
  readTool: "list_dynamic_behavior_sets",
  readKey: "dynamic_behavior_sets",
  activeField: "is_active",
  rollbackTool: "rollback_dynamic_behavior_set",
  createdVersion: (content) => content.new_version_number,
  sections: [
    { label: "Triggers", field: "conversation_triggers", kind: "items" },
    { label: "Actions", field: "actions", kind: "items", describe: describeAction },
  ],
});
