// `npm run -s sb -- <command>`: headless administration through the same services as the console.
// The first import must stay first: it sends logs to stderr before any service loads the logger.
import "@/lib/cli/route-logs-to-stderr";
import { runCli } from "@/lib/cli/run-cli";

let exiting = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  // Interrupted mid-command: exit through process.exit so the embedded Postgres gets its
  // shutdown signal from the 'exit' safety net instead of being orphaned.
  process.on(signal, () => {
    if (exiting) return;
    exiting = true;
    process.stderr.write(`sb: interrupted (${signal})\n`);
    process.exit(130);
  });
}

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  info: (text) => process.stderr.write(`${text}\n`),
});
// Explicit exit: pools, timers or a Redis connection must not keep a finished command alive.
process.exit(code);
