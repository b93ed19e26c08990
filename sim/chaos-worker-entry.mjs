// Worker-thread entry for tinypool: registers tsx's loader in this thread (worker threads do not inherit the
// parent's --import hooks on Node 20), then hands every task to chaos-worker.ts.
import { register } from "tsx/esm/api";

register();
const worker = await import("./chaos-worker.ts");

export default function run(task) {
  return worker.runTask(task);
}
