export const SLUG_SOURCE: string;
export function isSlug(value: unknown): value is string;
