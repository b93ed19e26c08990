// adversary-refused lives with the other security invariants (src/invariants/security/adversary-refused.ts), so a
// RunSpec can name it; chaos re-exports it under its old path.
export { adversaryRefused, adversaryRefusedName } from "../invariants/index.ts";
