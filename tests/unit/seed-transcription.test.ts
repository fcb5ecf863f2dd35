// The seed JSON against the published text it transcribes: every amount of the nine tables
// and of the self-evaluations is printed in the document, as printed (thousands separators).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_KINDS } from '../../lib/accounts/templates';
import { loadSeed } from './seed-document';

const text = readFileSync(new URL('../fixtures/documents/2021-qiaokou-big-data-center-final-accounts.txt', import.meta.url), 'utf8');
const printed = (amount: string): string => amount.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('the seed transcription', () => {
  const doc = loadSeed();

  it('holds only amounts the document prints, in the tables', () => {
    const amounts = TABLE_KINDS.flatMap((table) => doc.tables[table].rows.flatMap((row) => Object.values(row.cells)));
    expect(amounts.length).toBe(170);
    expect(amounts.filter((amount) => !text.includes(printed(amount)))).toEqual([]);
  });

  it('holds the project budgets and execution amounts as the self-evaluation tables print them', () => {
    const executions = doc.performance.projects.map((p) => p.selfEvaluation.execution.executed);
    expect(executions).toEqual(['0.79', '93.59', '64.56', '13.9', '749', '1672.18']);
    for (const amount of executions) expect(text).toContain(`${amount} ${amount} 100.0% 20`);
  });

  it('holds the 40 department-wide indicators the report counts ("共设置了 40 个指标")', () => {
    expect(text).toContain('共设置了 40 个指标');
    expect(doc.performance.departmentWide?.goals.flatMap((goal) => goal.indicators)).toHaveLength(40);
  });
});
