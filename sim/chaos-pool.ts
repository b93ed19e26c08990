// Runs chaos tasks on worker threads through tinypool (one worker per requested thread, tsx loaded in each),
// or in this thread when one worker is asked for. Results come back in task order whatever finished first,
// so a summary never depends on the worker count.
import Tinypool from "tinypool";
import { runTask, type ChaosTask, type ChaosTaskResult } from "./chaos-worker.ts";

/** Worker threads allowed (a sweep on a bigger runner may ask for more). */
export const workersMax = 64;

export async function runTasks(tasks: readonly ChaosTask[], workers: number, onDone?: (result: ChaosTaskResult) => void): Promise<ChaosTaskResult[]> {
  if (workers <= 1) {
    const out: ChaosTaskResult[] = [];
    for (const task of tasks) {
      const result = await runTask(task);
      onDone?.(result);
      out.push(result);
    }
    return out;
  }
  const pool = new Tinypool({
    filename: new URL("./chaos-worker-entry.mjs", import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        const result = (await pool.run(task)) as ChaosTaskResult;
        onDone?.(result);
        return result;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
