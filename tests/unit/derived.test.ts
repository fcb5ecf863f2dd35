// Derived cells against the published documents: every total the seed prints is recomputed from
// the cells an accountant enters; an edit recomputes only what depends on it; and the check
// engine finds no identity or roll-up left to report once the derived cells are written.
import { describe, expect, it } from 'vitest';
import { tableCells, cellKey } from '../../lib/accounts/cells';
import { checkFinalAccounts } from '../../lib/accounts/check';
import { functionalSubjectsFor } from '../../lib/accounts/classification';
import { applyCellValues, deriveCells, isDerivedCell } from '../../lib/accounts/derived';
import { tableDerivation } from '../../lib/accounts/derived-graph';
import { ZFinalAccounts, type TFinalAccounts } from '../../lib/accounts/schema';
import { TABLE_KINDS, TEMPLATES, type TableKind, type TableTemplate } from '../../lib/accounts/templates';
import { loadDocument, loadSeed, setCell, SHANGHAI_FINANCE_BUREAU_PATH, SHANGHAI_PLANNING_PATH, SHANGHAI_SOCIAL_WORK_PATH } from './seed-document';

const figures = (doc: TFinalAccounts) => new Map(tableCells(doc).map((c) => [cellKey(c.table, c.row, c.column), c.amount]));
const isStructural = (rule: string) => /^\w+\.(rows|columns|rollup|parent)\b/.test(rule);
const structuralFindings = (doc: TFinalAccounts) => checkFinalAccounts(doc).filter((f) => isStructural(f.rule));
const text = (values: ReturnType<typeof deriveCells>) => values.map((v) => `${cellKey(v.table, v.row, v.column)}=${v.amount ?? 'blank'}`);

describe('the seed\'s printed totals, recomputed', () => {
  it('gives back every one of the 113 derived figures the seed prints, exactly, from its 57 entered ones', () => {
    const seed = loadSeed();
    const printed = figures(seed);
    const doc = loadSeed();
    const derived = [...printed.keys()].filter((key) => {
      const [table, row, column] = key.split(':') as [TableKind, string, string];
      return isDerivedCell(doc, table, row, column);
    });
    for (const key of derived) {
      const [table, row, column] = key.split(':') as [TableKind, string, string];
      setCell(doc, table, row, column, undefined);
    }
    expect([derived.length, printed.size - derived.length]).toEqual([113, 57]);
    const values = deriveCells(doc);
    expect(values).toHaveLength(113);
    applyCellValues(doc, values);
    expect(figures(doc)).toEqual(printed);
    expect(deriveCells(doc)).toEqual([]);
  });

  it('says which cells are derived: totals, roll-ups and 表6 subtotals, not what an accountant enters', () => {
    const seed = loadSeed();
    const derived = (key: string) => {
      const [table, row, column] = key.split(':') as [TableKind, string, string];
      return isDerivedCell(seed, table, row, column);
    };
    expect(['expenditure:total:basic', 'expenditure:201:basic', 'expenditure:20103:project', 'expenditure:2010350:total', 'generalBudgetBasicExpenditure:301:amount',
      'generalBudgetBasicExpenditure:personnelTotal:amount', 'incomeExpenditureSummary:incomeGrandTotal:income', 'appropriationSummary:openingBalance:income',
      'appropriationSummary:215:total', 'threePublicExpensesTable:total:budgetTotal', 'governmentFund:total:closingBalance'].filter((key) => !derived(key))).toEqual([]);
    expect(['expenditure:2010350:basic', 'generalBudgetBasicExpenditure:30101:amount', 'incomeExpenditureSummary:openingBalance:income', 'incomeExpenditureSummary:215:expenditure',
      'appropriationSummary:215:generalBudget', 'threePublicExpensesTable:total:budgetReceptions', 'governmentFund:total:income'].filter(derived)).toEqual([]);
  });
});

describe('an edit recomputes what depends on it', () => {
  it('changing expenditure:2010350:basic 214.65 → 220.00 recomputes its 款, 类, 合计 and their 本年支出合计, nothing else', () => {
    const doc = loadSeed();
    setCell(doc, 'expenditure', '2010350', 'basic', '220.00');
    // An unrelated derived cell out of step (another table): only a full derivation touches it.
    setCell(doc, 'generalBudgetExpenditure', '221', 'total', '1.00');
    const expected = [
      'expenditure:20103:basic=220.00', 'expenditure:201:basic=220.00', 'expenditure:total:basic=294.25',
      'expenditure:2010350:total=220.00', 'expenditure:20103:total=220.00', 'expenditure:201:total=220.00', 'expenditure:total:total=2888.28',
    ];
    const changed = text(deriveCells(doc, ['expenditure:2010350:basic']));
    expect([...changed].sort()).toEqual([...expected].sort());
    // Dependency order: a cell comes after every derived cell it sums.
    expect(changed.indexOf('expenditure:total:total=2888.28')).toBeGreaterThan(changed.indexOf('expenditure:201:total=220.00'));
    expect(changed.indexOf('expenditure:201:basic=220.00')).toBeGreaterThan(changed.indexOf('expenditure:20103:basic=220.00'));
    expect(text(deriveCells(doc)).sort()).toEqual([...expected, 'generalBudgetExpenditure:221:total=29.83'].sort());
    expect(deriveCells(doc, ['income:2010350:appropriation'])).toEqual([]);
  });

  it('blanks a total whose parts are all blank instead of writing 0.00', () => {
    const doc = loadSeed();
    setCell(doc, 'expenditure', '2210201', 'basic', undefined);
    setCell(doc, 'expenditure', '2210202', 'basic', undefined);
    const values = text(deriveCells(doc, ['expenditure:2210201:basic', 'expenditure:2210202:basic']));
    expect(values).toContain('expenditure:221:basic=blank');
    expect(values).toContain('expenditure:total:basic=259.07'); // 288.90 − 29.83
  });

  it('adds the 款 row of a new 项 with its catalogue name, in code order, and rolls it into 201 and 合计', () => {
    const doc = loadDocument(SHANGHAI_FINANCE_BUREAU_PATH);
    applyCellValues(doc, [{ table: 'expenditure', row: '2013901', column: 'basic', amount: '5.00' }]);
    const values = deriveCells(doc, ['expenditure:2013901:basic']);
    expect(text(values)).toEqual(expect.arrayContaining(['expenditure:20139:basic=5.00', 'expenditure:20139:total=5.00', 'expenditure:2013901:total=5.00', 'expenditure:201:basic=1508.52', 'expenditure:201:total=2111.66']));
    applyCellValues(doc, values);
    const rows = doc.tables.expenditure.rows;
    expect(rows.slice(6, 10).map((r) => `${r.row} ${r.name ?? ''}`)).toEqual(['2010608 财政委托业务支出', '20139 社会工作事务', '2013901 行政运行', '208 社会保障和就业支出']);
    expect(ZFinalAccounts.safeParse(doc).success).toBe(true);
  });
});

describe('the check engine after deriving', () => {
  it('finds in the Shanghai documents exactly the identity and roll-up gaps deriving closes, and none after', () => {
    for (const path of [SHANGHAI_FINANCE_BUREAU_PATH, SHANGHAI_PLANNING_PATH, SHANGHAI_SOCIAL_WORK_PATH]) {
      const doc = loadDocument(path);
      const targets = structuralFindings(doc).map((f) => f.cells[0]);
      const recomputed = text(deriveCells(doc)).map((v) => v.split('=')[0]);
      expect(recomputed).toEqual(expect.arrayContaining(targets));
      applyCellValues(doc, deriveCells(doc));
      expect(structuralFindings(doc)).toEqual([]);
    }
  });

  it('recomputes the finance bureau\'s totals from its parts: 收入 2,946.26, 支出 2,940.06, 301 2,082.86, 公用经费 184.67', () => {
    expect(text(deriveCells(loadDocument(SHANGHAI_FINANCE_BUREAU_PATH)))).toEqual([
      'income:total:total=2946.26', 'income:total:appropriation=2940.06', 'expenditure:total:total=2940.06', 'expenditure:total:basic=2336.92',
      'generalBudgetExpenditure:total:total=2940.06', 'generalBudgetExpenditure:total:basic=2336.92', 'generalBudgetBasicExpenditure:301:amount=2082.86',
      'generalBudgetBasicExpenditure:302:amount=171.09', 'generalBudgetBasicExpenditure:personnelTotal:amount=2152.27', 'generalBudgetBasicExpenditure:operatingTotal:amount=184.67',
    ]);
  });

  it('leaves no identity or roll-up finding on the seed after edits in five tables', () => {
    const doc = loadSeed();
    setCell(doc, 'expenditure', '2101102', 'project', '3.00');
    setCell(doc, 'generalBudgetExpenditure', '2080505', 'basic', '18.00');
    setCell(doc, 'generalBudgetBasicExpenditure', '30103', 'amount', '4.00');
    setCell(doc, 'incomeExpenditureSummary', 'otherIncome', 'income', '6.20');
    setCell(doc, 'threePublicExpensesTable', 'total', 'actualVehicleOperation', '1.20');
    expect(structuralFindings(doc).length).toBeGreaterThan(0);
    applyCellValues(doc, deriveCells(doc));
    expect(structuralFindings(doc)).toEqual([]);
    expect(figures(doc).get('threePublicExpensesTable:total:actualTotal')).toBe(120n);
  });
});

describe('the dependency graph', () => {
  it('has no cycle in any table of any template, every classification code of the year listed', () => {
    for (const template of TEMPLATES) {
      const codes = (functionalSubjectsFor(template.fiscalYear) ?? []).map((s) => s.code);
      for (const kind of TABLE_KINDS) {
        const { nodes, index } = tableDerivation(template.tables[kind], codes);
        nodes.forEach((node, i) => {
          for (const { ref } of node.terms) expect(index.get(ref) ?? -1).toBeLessThan(i);
        });
      }
    }
  });

  it('refuses a layout whose identities go round, naming the cells', () => {
    const table: TableTemplate = {
      kind: 'threePublicExpensesTable', number: 7, title: '循环表', rowKind: 'single', note: '',
      columns: [{ key: 'a', label: 'a' }, { key: 'b', label: 'b' }, { key: 'c', label: 'c' }],
      rows: [{ key: 'total', label: '', columns: ['a', 'b', 'c'] }],
      identities: [
        { kind: 'columns', target: 'a', terms: [{ key: 'b', sign: 1 }], citation: '' },
        { kind: 'columns', target: 'b', terms: [{ key: 'c', sign: 1 }, { key: 'a', sign: 1 }], citation: '' },
      ],
    };
    expect(() => tableDerivation(table)).toThrow('循环表的计算关系循环引用：threePublicExpensesTable:total:a → threePublicExpensesTable:total:b → threePublicExpensesTable:total:a');
  });
});
