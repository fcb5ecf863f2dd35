# syntax=docker/dockerfile:1
# Juesuan in production: build once (Prisma client + next build), run `scripts/serve.ts`, which
# migrates, seeds an empty database and starts Next.js. Needs DATABASE_URL (the app's role) and
# MIGRATION_DATABASE_URL (the owner, who migrates; see docker-compose.yml).

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
# Generates lib/generated/prisma, checks the types (next build skips that), builds; dev
# dependencies go afterwards.
RUN npm run generate && npm run typecheck && npx next build && npm prune --omit=dev && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
# JUESUAN_SEED=off: a production database is never seeded with the demo users unless asked.
# HOST=0.0.0.0: inside the container Next.js must listen on every interface for the published
# port to reach it (outside Docker it defaults to 127.0.0.1); docker-compose.yml decides where
# the port is published on the host.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 HOST=0.0.0.0 PORT=3000 JUESUAN_SEED=off
COPY --from=build --chown=node:node /app ./
USER node
EXPOSE 3000
# tsx runs the TypeScript entry point and relays SIGTERM to it; it stops Next.js cleanly.
CMD ["node_modules/.bin/tsx", "scripts/serve.ts"]
