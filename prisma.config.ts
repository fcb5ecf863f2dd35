// Prisma 7 reads the connection here; it does not load .env itself. Only `generate`, `validate`
// and `format` use the Prisma CLI in this project (see scripts/prisma-generate.ts); migrations
// run through scripts/migrate.ts because the native schema engine cannot be downloaded offline.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/juesuan' },
});
