import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The JSON file lets .ci/run print a plain "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "reports/vitest-results.json" }]],
  },
});
