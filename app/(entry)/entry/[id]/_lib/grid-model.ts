// The entry grid lays a table out as printed: the model is the core's (lib/accounts/table-grid.ts),
// shared with the published page's downloads.
export * from '@/lib/accounts/table-grid';
