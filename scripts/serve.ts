// The production entry point (the Docker image): DATABASE_URL is required and no embedded
// database is started. Applies the migrations as MIGRATION_DATABASE_URL's role (the owner, who
// grants the app's role of DATABASE_URL its rights), seeds an empty database (unless
// JUESUAN_SEED says on; see scripts/seed-switch.ts), then runs the already built app with
// `next start` until SIGTERM, on 127.0.0.1 unless HOST says otherwise (the Docker image sets
// HOST=0.0.0.0, so that the published port reaches it).
import { prepareDatabase } from './database';
import { Stopper, TOOL_ENV, clearPageCache, exitCodeOf, listenAddress, probeHost, spawnTool, takeOverSignals, waitForHttp } from './processes';

const log = (line: string) => console.log(`[决算] ${line}`);
const port = Number(process.env.PORT ?? 3000);
const host = listenAddress();
const stopper = new Stopper(log, (signal) => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
const onSignal = stopper.onSignal;

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL 未设置：生产环境须连接 PostgreSQL（本地试用请用 npm start）');
  if (!process.env.AUTH_SECRET) throw new Error('AUTH_SECRET 未设置：生产环境须设置会话签名密钥（例如 openssl rand -hex 32 的输出）');
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT 无效：${process.env.PORT}`);
  takeOverSignals(onSignal);
  const database = await prepareDatabase({ purpose: 'app', log });
  takeOverSignals(onSignal);
  if (stopper.requested) return 143;
  clearPageCache();
  // The app connects as its own role only: the owner's URL stays with this process.
  const next = spawnTool('next', ['start', '-H', host, '-p', String(port)], { ...TOOL_ENV, DATABASE_URL: database.url, MIGRATION_DATABASE_URL: undefined });
  stopper.child = next;
  const exited = exitCodeOf(next);
  if (await waitForHttp(`http://${probeHost(host)}:${port}/`, next)) log(`决算已启动，监听 ${host}:${port}`);
  return exited;
}

try {
  process.exit(await main());
} catch (error) {
  console.error(`[决算] ${(error as Error).message}`);
  process.exit(1);
}
