// A district's or department's name in public addresses ("qiaokou", "big-data-center"): lower-case
// letters and digits in words joined by single hyphens, so an address never needs escaping. The
// database's CHECK constraints (migration public_slugs) hold the same rule. Plain JavaScript:
// the page cache (lib/page-cache-rules.mjs), loaded by `next start` itself, uses it too.

/** The slug pattern without anchors, to build the addresses' patterns from. */
export const SLUG_SOURCE = '[a-z0-9]+(?:-[a-z0-9]+)*';

const SLUG = new RegExp(`^${SLUG_SOURCE}$`);

/** Whether a value is a slug (at most 64 characters, as the database allows). */
export const isSlug = (value) => typeof value === 'string' && value.length <= 64 && SLUG.test(value);
