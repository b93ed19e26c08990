// Types for fake-sqlite.mjs (the parts clawsim's own code and tests use).
export declare const fakeSqliteRowsMax: number;
export declare const fakeSqliteRefusalsKept: number;
export interface SimulatedSqliteState {
  tables(location: string): Map<string, Map<string, Record<string, unknown>>>;
  locations(): string[];
}
export declare function createSimulatedSqliteState(): SimulatedSqliteState;
export declare class StatementSync {
  readonly sourceSQL: string;
  columns(): { name: string }[];
  all(...params: unknown[]): Record<string, unknown>[];
  get(...params: unknown[]): Record<string, unknown> | undefined;
  iterate(...params: unknown[]): IterableIterator<Record<string, unknown>>;
  run(...params: unknown[]): { changes: number; lastInsertRowid: number };
}
export declare class DatabaseSync {
  constructor(location: string, options?: object);
  readonly isOpen: boolean;
  readonly isTransaction: boolean;
  location(): string;
  prepare(sql: string): StatementSync;
  exec(sql: string): void;
  close(): void;
}
