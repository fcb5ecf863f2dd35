// The audit history of one accounts in words: each event's action as people say it, and what it
// changed in a line (how many cells, the version it reached, a comment's text, a correction's reason).
export const HISTORY_ACTIONS: Readonly<Record<string, string>> = {
  'finalAccounts.create': '建立决算',
  'finalAccounts.start': '开始填报',
  'finalAccounts.save': '保存决算',
  'figure.update': '修改数字',
  'explanation.update': '填写出错说明',
  'finalAccounts.submit': '上报',
  'comment.create': '提出审核意见',
  'finalAccounts.return': '退回',
  'finalAccounts.approve': '审核通过',
  'finalAccounts.publish': '公开',
  'finalAccounts.correct': '更正（重新填报）',
  'finalAccounts.import': '从公开文本导入为草稿',
};

const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {});
const count = (value: unknown): number | undefined => (Array.isArray(value) ? value.length : typeof value === 'object' && value !== null ? Object.keys(value).length : undefined);

export function historyAction(action: string): string {
  return HISTORY_ACTIONS[action] ?? action;
}

/** One line on what the event did, from its after (and before) as the audit row keeps them. */
export function historyDetail(action: string, before: unknown, after: unknown): string {
  const a = record(after);
  const parts: string[] = [];
  if (typeof a.version === 'number') parts.push(`第 ${a.version} 版`);
  if (action === 'comment.create' && typeof a.body === 'string') parts.push(`“${a.body}”`);
  if (typeof a.reason === 'string') parts.push(`原因：${a.reason}`);
  if (action === 'figure.update' || action === 'finalAccounts.save') {
    const cells = count(a.cells) ?? count(record(before).cells);
    if (cells !== undefined) parts.push(`${cells} 个单元格`);
  }
  if (action === 'explanation.update' && typeof a.text === 'string') parts.push(`“${a.text}”`);
  // An import names its file (a seed record names its seed file as a string).
  const source = a.source;
  if (typeof source === 'string') parts.push(`来源：${source}`);
  else if (typeof record(source).file === 'string') parts.push(`从公开文本 ${String(record(source).file)} 导入`);
  return parts.join('，');
}
