// The simulated machine around the gateway and its clients: config file, environment, service unit, doctor,
// operator commands, client files and browser storage. Pure data and functions; the world wires them up.
export * from "./browser-storage.ts";
export * from "./client-files.ts";
export * from "./config.ts";
export * from "./control-ui-page.ts";
export { splitConfigPath, getAtPath, setAtPath, unsetAtPath, configPathSegmentsMax } from "./config-path.ts";
export * from "./credentials.ts";
export * from "./doctor.ts";
export * from "./env.ts";
export * from "./machine.ts";
export * from "./operator-command.ts";
export * from "./operator.ts";
export * from "./service-unit.ts";
export * from "./unit-text.ts";
export * from "./setup-code.ts";
