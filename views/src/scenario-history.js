// list_simulation_scenario_versions: objective, instructions and opening across versions.
import { historyView } from "./history.js";

historyView({
  name: "scenario-history",
  noun: "Simulation scenario",
  idField: "simulation_scenario_id",
  itemsKey: "simulation_scenario_versions",
  listTool: "list_simulation_scenario_versions",
  readTool: "list_simulation_scenarios",
  readKey: "simulation_scenarios",
  rollbackTool: "rollback_simulation_scenario",
  createdVersion: (content) => content.version,
  sections: [
    { label: "Objective", field: "objective", kind: "field" },
    { label: "Instructions", field: "instructions", kind: "field" },
    { label: "Initial message", field: "initial_message_type", kind: "field" },
    { label: "Conversation starts at", field: "conversation_starts_at", kind: "field" },
  ],
});
