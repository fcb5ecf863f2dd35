// The workflow as a property: random sequences of (action, role) from a new draft, checked
// against the rules written here independently of the state machine's table
// (draft → submitted → returned | approved → published; returned → submitted; approved may go
// back to returned; published → a correction, which is a draft again). No sequence reaches a
// status by a move the rules do not name, a refused move changes nothing, and the accountant
// holds the figures only in draft and returned. The same moves run through the real actions on
// PostgreSQL in tests/integration/review-workflow-property.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isEditable, nextStatus, type Action, type Role, type Status } from '../../lib/accounts/workflow';

const ALLOWED: Readonly<Record<string, { to: Status; roles: readonly Role[] }>> = {
  'draft submit': { to: 'submitted', roles: ['accountant'] },
  'returned submit': { to: 'submitted', roles: ['accountant'] },
  'submitted return': { to: 'returned', roles: ['reviewer'] },
  'submitted approve': { to: 'approved', roles: ['reviewer'] },
  'approved return': { to: 'returned', roles: ['reviewer'] },
  'approved publish': { to: 'published', roles: ['reviewer', 'admin'] },
  'published correct': { to: 'draft', roles: ['reviewer', 'admin'] },
};

const ACTIONS: readonly Action[] = ['submit', 'return', 'approve', 'publish', 'correct'];
const ROLES: readonly Role[] = ['accountant', 'reviewer', 'admin'];
const move = fc.record({ action: fc.constantFrom(...ACTIONS), role: fc.constantFrom(...ROLES) });

describe('the workflow under random moves', () => {
  it('takes exactly the moves the rules name, by the roles they name, and nothing else', () => {
    fc.assert(fc.property(fc.array(move, { maxLength: 40 }), (moves) => {
      let status: Status = 'draft';
      let published = false;
      for (const { action, role } of moves) {
        const rule = ALLOWED[`${status} ${action}`];
        const result = nextStatus(status, action, role);
        if (rule && rule.roles.includes(role)) {
          expect(result).toEqual({ ok: true, to: rule.to });
          if (result.ok) status = result.to;
        } else {
          expect(result.ok).toBe(false); // refused: the status stays as it was
        }
        if (status === 'published') published = true;
        // Published only ever from approved; a correction is only possible after a publication.
        if (action === 'correct' && result.ok) expect(published).toBe(true);
      }
    }), { numRuns: 500 });
  });

  it('never lets a reviewer or admin submit, nor an accountant approve, return, publish or correct', () => {
    fc.assert(fc.property(fc.constantFrom<Status>('draft', 'submitted', 'returned', 'approved', 'published'), move, (status, { action, role }) => {
      const result = nextStatus(status, action, role);
      if (!result.ok) return;
      expect(role === 'accountant' ? action === 'submit' : action !== 'submit').toBe(true);
      expect(isEditable(result.to)).toBe(result.to === 'draft' || result.to === 'returned');
    }));
  });
});
