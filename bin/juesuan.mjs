#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so there is no separate build step for it.
import { register } from 'tsx/esm/api';

// `juesuan check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { runCli, EXIT_UNREADABLE } = await import('../lib/cli/main.ts');
try {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
} catch (error) {
  // Never exit 1 on a crash: 1 means "blocking findings".
  process.stderr.write(`juesuan 内部错误，未能完成审核：${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = EXIT_UNREADABLE;
}
