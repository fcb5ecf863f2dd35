// The life of a department's final accounts, as a pure state machine:
//   draft → submitted → returned | approved → published, returned → submitted,
//   published → draft (a correction, published again as a new visible version).
// Server actions ask `nextStatus` before writing; nothing else decides a transition.

export const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export type Status = (typeof STATUSES)[number];

export type Action = 'submit' | 'return' | 'approve' | 'publish' | 'correct';
export type Role = 'accountant' | 'reviewer' | 'admin';

export const STATUS_LABELS: Record<Status, string> = {
  draft: '填报中',
  submitted: '已上报',
  returned: '已退回',
  approved: '审核通过',
  published: '已公开',
};

export const ACTION_LABELS: Record<Action, string> = {
  submit: '上报',
  return: '退回',
  approve: '审核通过',
  publish: '公开',
  correct: '更正',
};

interface Transition {
  to: Status;
  roles: readonly Role[];
}

const TRANSITIONS: Record<Status, Partial<Record<Action, Transition>>> = {
  draft: { submit: { to: 'submitted', roles: ['accountant'] } },
  submitted: { return: { to: 'returned', roles: ['reviewer'] }, approve: { to: 'approved', roles: ['reviewer'] } },
  returned: { submit: { to: 'submitted', roles: ['accountant'] } },
  approved: { publish: { to: 'published', roles: ['reviewer', 'admin'] }, return: { to: 'returned', roles: ['reviewer'] } },
  published: { correct: { to: 'draft', roles: ['reviewer', 'admin'] } },
};

export type TransitionResult = { ok: true; to: Status } | { ok: false; message: string };

export function nextStatus(from: Status, action: Action, role: Role): TransitionResult {
  const transition = TRANSITIONS[from][action];
  if (!transition) return { ok: false, message: `${STATUS_LABELS[from]}的决算不能${ACTION_LABELS[action]}` };
  if (!transition.roles.includes(role)) return { ok: false, message: `无权${ACTION_LABELS[action]}该决算` };
  return { ok: true, to: transition.to };
}

/** The accountant may change figures only while the accounts are with the department. */
export function isEditable(status: Status): boolean {
  return status === 'draft' || status === 'returned';
}

export function availableActions(status: Status, role: Role): Action[] {
  return (Object.entries(TRANSITIONS[status]) as [Action, Transition][])
    .filter(([, transition]) => transition.roles.includes(role))
    .map(([action]) => action);
}
