// Types for sqlite-redirect.mjs.
export type SqliteLoadRewrite = { readonly kind: "none" } | { readonly kind: "rewrite"; readonly source: string } | { readonly kind: "unrecognised"; readonly call: string };
export declare function sqliteLoadRewrite(source: string, fakeSqliteUrl: string): SqliteLoadRewrite;
