#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so there is no separate build step for it.
import { register } from 'tsx/esm/api';

// `juesuan check … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

register();
try {
  const { runCli } = await import('../lib/cli/main.ts');
  // runCli reports its own errors; this catches only a module that fails to load.
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
} catch (error) {
  // Never exit 1 on a crash: 1 means "blocking findings".
  const debug = process.env.JUESUAN_DEBUG === '1';
  const detail = error instanceof Error ? (debug ? (error.stack ?? error.message) : error.message.split('\n')[0]) : String(error);
  process.stderr.write(`juesuan 内部错误，未能完成：${detail}\n`);
  process.exitCode = 2;
}
