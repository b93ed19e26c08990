// Types for ws-shim.mjs.
export declare function wsShimExportClause(source: string): string | undefined;
export declare function wsShimStandIn(clause: string, fakeWsUrl: string): string;
