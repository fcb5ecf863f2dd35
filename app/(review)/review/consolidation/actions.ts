'use server';
// The drill-down of the district consolidation: one cell in each department that has it. A public
// POST endpoint like every action; lib/data authenticates, parses and scopes it to the actor's district.
import { currentActor } from '@/lib/auth';
import { consolidationContributions } from '@/lib/data/consolidation';

export async function districtContributionsAction(fiscalYear: unknown, cellKey: unknown) {
  return consolidationContributions(await currentActor(), { kind: 'district', fiscalYear, cellKey });
}
