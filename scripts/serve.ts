// The production entry point (the Docker image): DATABASE_URL is required and no embedded
// database is started. Applies the migrations, seeds an empty database (unless
// JUESUAN_SEED=off), then runs the already built app with `next start` until SIGTERM.
import { prepareDatabase } from './database';
import { Stopper, TOOL_ENV, exitCodeOf, spawnTool, takeOverSignals, waitForHttp } from './processes';

const log = (line: string) => console.log(`[决算] ${line}`);
const port = Number(process.env.PORT ?? 3000);
const stopper = new Stopper(log, (signal) => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
const onSignal = stopper.onSignal;

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL 未设置：生产环境须连接 PostgreSQL（本地试用请用 npm start）');
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT 无效：${process.env.PORT}`);
  takeOverSignals(onSignal);
  const database = await prepareDatabase({ purpose: 'app', log });
  takeOverSignals(onSignal);
  if (stopper.requested) return 143;
  const next = spawnTool('next', ['start', '-p', String(port)], { ...TOOL_ENV, DATABASE_URL: database.url });
  stopper.child = next;
  const exited = exitCodeOf(next);
  if (await waitForHttp(`http://127.0.0.1:${port}/`, next)) log(`决算已启动，端口 ${port}`);
  return exited;
}

try {
  process.exit(await main());
} catch (error) {
  console.error(`[决算] ${(error as Error).message}`);
  process.exit(1);
}
