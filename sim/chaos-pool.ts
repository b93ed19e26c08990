// Runs chaos tasks on worker threads through tinypool (one worker per requested thread), or in this thread when
// one worker is asked for. Run from the compiled bundle (dist/main.mjs), the workers load the compiled worker
// (dist/chaos-worker.mjs, built beside it); run from the sources, each worker registers tsx first. Results come back in task order whatever finished first,
// so a summary never depends on the worker count.
import Tinypool from "tinypool";
import { runTask, type ChaosTask, type ChaosTaskResult } from "./chaos-worker.ts";

/** Worker threads allowed (a sweep on a bigger runner may ask for more). */
export const workersMax = 64;

/** The worker module for the code this process runs: the bundle's sibling, or the tsx entry beside the sources. */
export function workerEntry(selfUrl: string): string {
  const bundled = !selfUrl.endsWith(".ts");
  return new URL(bundled ? "./chaos-worker.mjs" : "./chaos-worker-entry.mjs", selfUrl).href;
}

export async function runTasks(tasks: readonly ChaosTask[], workers: number, onDone?: (result: ChaosTaskResult, index: number) => void): Promise<ChaosTaskResult[]> {
  if (workers <= 1) {
    const out: ChaosTaskResult[] = [];
    for (const [index, task] of tasks.entries()) {
      const result = await runTask(task);
      onDone?.(result, index);
      out.push(result);
    }
    return out;
  }
  const pool = new Tinypool({
    filename: workerEntry(import.meta.url),
    minThreads: workers,
    maxThreads: workers,
  });
  try {
    return await Promise.all(
      tasks.map(async (task, index) => {
        const result = (await pool.run(task)) as ChaosTaskResult;
        onDone?.(result, index);
        return result;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
