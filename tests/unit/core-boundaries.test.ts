// The accounts core must stay pure: no React, Next, Prisma or Node I/O in lib/accounts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CORE = fileURLToPath(new URL('../../lib/accounts', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []);
}

describe('lib/accounts', () => {
  it('imports only zod and itself', () => {
    const imports = sources(CORE).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => ({ file, module: m[1] ?? '' })));
    expect(imports.length).toBeGreaterThan(20);
    expect(imports.filter(({ module }) => !module.startsWith('.') && module !== 'zod')).toEqual([]);
  });
});
