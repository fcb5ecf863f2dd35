// Reads a password from standard input: at a terminal, typed twice without echo; from a pipe,
// its first line. The password is never printed.
import { UnreadableInput } from './io';

function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new UnreadableInput('已取消，未创建用户'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function readPipe(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const firstLine = text.split(/\r?\n/)[0] ?? '';
  if (!firstLine) throw new UnreadableInput('没有从标准输入读到密码（例如：printf "%s\\n" "$PASSWORD" | juesuan user add …）');
  return firstLine;
}

export async function readPasswordFromStdin(): Promise<string> {
  if (!process.stdin.isTTY) return readPipe();
  const first = await readHidden('密码：');
  const again = await readHidden('再输入一次：');
  if (first !== again) throw new UnreadableInput('两次输入的密码不一致，未创建用户');
  return first;
}
