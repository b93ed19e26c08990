// Preload for start-up timing: on exit, writes this process's CPU time (user + system, µs) to stderr, so
// start-up can be compared by CPU spent, which a loaded machine distorts less than wall time.
process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nclawsim-cpu-us ${user + system}\n`);
});
