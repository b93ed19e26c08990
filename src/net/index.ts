// The simulated network's public surface: hosts and addresses, the Network (servers, proxies, connections,
// fault rules), the ready-made fault models, and the ws / browser WebSocket facades over it.
export * from "./address.ts";
export * from "./close-codes.ts";
export * from "./connection.ts";
export * from "./endpoint.ts";
export * from "./faults/index.ts";
export * from "./host.ts";
export * from "./link-latency.ts";
export * from "./listeners.ts";
export * from "./network.ts";
export * from "./packet.ts";
export * from "./proxy.ts";
export * from "./route.ts";
export * from "./rules.ts";
export * from "./transport.ts";
export * from "./ws-browser.ts";
export * from "./ws-node.ts";
