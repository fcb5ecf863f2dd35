// The templates against the printed layouts: the seed's (Hubei 2021) and Shanghai 2024.
import { describe, expect, it } from 'vitest';
import { HUBEI_2021 } from '../../lib/accounts/templates/hubei-2021';
import { SHANGHAI_2024 } from '../../lib/accounts/templates/shanghai-2024';
import { catalogueFor } from '../../lib/accounts/catalogue';
import { TABLE_KINDS, TEMPLATES, classRow, findTemplate, templateFor } from '../../lib/accounts/templates';
import { upgradeColumnKey, upgradeDocument, upgradeRowKey } from '../../lib/accounts/upgrade';

describe('the Hubei 2021 template (the seed document)', () => {
  const summary = HUBEI_2021.tables.incomeExpenditureSummary;
  const appropriation = HUBEI_2021.tables.appropriationSummary;

  it('numbers the summary tables\' rows as printed: 1–60 and 1–64', () => {
    expect(summary.rows.map((r) => r.number)).toEqual(Array.from({ length: 60 }, (_, i) => String(i + 1)));
    expect(appropriation.rows.map((r) => r.number)).toEqual(Array.from({ length: 64 }, (_, i) => String(i + 1)));
  });

  it('prints the functional classes on the rows the published tables use', () => {
    expect(summary.rows.find((r) => r.key === classRow(summary, '201'))?.number).toBe('31');
    expect(summary.rows.find((r) => r.key === classRow(summary, '215'))?.number).toBe('44');
    expect(summary.rows.find((r) => r.key === classRow(summary, '234'))?.number).toBe('56');
    expect(appropriation.rows.find((r) => r.key === classRow(appropriation, '221'))?.number).toBe('51');
    expect(summary.rows.find((r) => r.number === '49')?.label).toBe('十九、住房保障支出');
  });

  it('carries every identity printed under the tables', () => {
    const citations = TABLE_KINDS.flatMap((kind) => HUBEI_2021.tables[kind].identities.map((i) => i.citation));
    for (const printed of ['27行＝（1＋2＋3＋4＋5＋6+7+8）行', '1栏各行＝（2＋3＋4＋5＋6＋7）栏各行', '59 行＝（33＋34＋…＋58）行',
      '6 栏各行＝（1＋2－3）栏各行', '9栏=（10+11）栏', '1栏各行＝（2＋3）栏各行']) {
      expect(citations.some((c) => c.includes(printed))).toBe(true);
    }
    expect(HUBEI_2021.order.map((kind) => HUBEI_2021.tables[kind].number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('lays out the basic expenditure table with 27 personnel and 34 operating lines, each half with its total', () => {
    const rows = HUBEI_2021.tables.generalBudgetBasicExpenditure.rows;
    expect(rows.filter((r) => r.group === 'personnel')).toHaveLength(28);
    expect(rows.filter((r) => r.group === 'operating')).toHaveLength(35);
    expect(rows.map((r) => r.key)).not.toContain('31001');
  });

  it('has the sections the seed prints and not the Shanghai ones', () => {
    expect(HUBEI_2021.sections).toMatchObject({ staff: true, departmentWideSelfEvaluation: true, unitComposition: false, initialBudgetLevel: 'class' });
  });
});

describe('the Shanghai 2024 template', () => {
  it('prints no 栏次 or 行次', () => {
    for (const kind of TABLE_KINDS) {
      const table = SHANGHAI_2024.tables[kind];
      expect(table.columns.every((c) => c.number === undefined)).toBe(true);
      expect(table.rows.every((r) => r.number === undefined)).toBe(true);
    }
  });

  it('has the 2024 economic lines 31001, 31019, 31021 and 31022', () => {
    const keys = SHANGHAI_2024.tables.generalBudgetBasicExpenditure.rows.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['31001', '31019', '31021', '31022', '30306']));
  });

  it('prints the state capital table with 6 columns, an income-and-expenditure table', () => {
    expect(SHANGHAI_2024.tables.stateCapital.columns.map((c) => c.key)).toEqual(['openingBalance', 'income', 'expenditureTotal', 'basic', 'project', 'closingBalance']);
    expect(HUBEI_2021.tables.stateCapital.columns.map((c) => c.key)).toEqual(['expenditureTotal', 'basic', 'project']);
  });

  it('alternates 预算数 and 决算数 item by item in the 三公 table', () => {
    expect(SHANGHAI_2024.tables.threePublicExpensesTable.columns.slice(0, 4).map((c) => c.key)).toEqual(['budgetTotal', 'actualTotal', 'budgetOverseasTrips', 'actualOverseasTrips']);
  });

  it('splits the year-end balance by column and has no rows 61–63', () => {
    const keys = SHANGHAI_2024.tables.appropriationSummary.rows.map((r) => r.key);
    expect(keys).not.toContain('closingBalanceGeneralBudget');
    expect(SHANGHAI_2024.tables.appropriationSummary.rows.find((r) => r.key === 'closingBalance')?.columns).toEqual(['total', 'generalBudget', 'governmentFund', 'stateCapital']);
  });

  it('has its own sections', () => {
    expect(SHANGHAI_2024.sections).toMatchObject({ staff: false, threePublicExpensesDetails: false, equipmentOver1m: true, performanceManagement: true, initialBudgetLevel: 'item' });
  });
});

describe('templates as data', () => {
  it('are found by id; every table of each has its kind and nine are printed', () => {
    expect(findTemplate('shanghai-2024')).toBe(SHANGHAI_2024);
    expect(findTemplate('shanghai-2099')).toBeUndefined();
    for (const template of TEMPLATES) {
      expect([...template.order].sort()).toEqual([...TABLE_KINDS].sort());
      for (const kind of TABLE_KINDS) expect(template.tables[kind].kind).toBe(kind);
    }
  });

  it('name in every identity only rows and columns their table has', () => {
    const unknown: string[] = [];
    for (const template of TEMPLATES) {
      for (const kind of TABLE_KINDS) {
        const table = template.tables[kind];
        const columns = new Set(table.columns.map((c) => c.key));
        const rows = new Map(table.rows.map((r) => [r.key, new Set(r.columns)]));
        for (const identity of table.identities) {
          const where = `${template.id} ${kind} ${identity.target}`;
          if (identity.kind === 'columns') {
            for (const key of [identity.target, ...identity.terms.map((t) => t.key)]) if (!columns.has(key)) unknown.push(`${where}: column ${key}`);
            continue;
          }
          for (const key of [identity.target, ...identity.terms.map((t) => t.key)]) {
            for (const column of identity.columns) if (!rows.get(key)?.has(column)) unknown.push(`${where}: row ${key} column ${column}`);
          }
        }
      }
    }
    expect(unknown).toEqual([]);
  });
});

describe('the carried layouts of 2022 and 2025', () => {
  it('reuse the previous year\'s tables and sections, saying so in their name', () => {
    for (const [id, from, year] of [['hubei-2022', HUBEI_2021, 2022], ['shanghai-2025', SHANGHAI_2024, 2025]] as const) {
      const template = templateFor(id);
      expect(template).toMatchObject({ fiscalYear: year, family: from.family, tables: from.tables, sections: from.sections, order: from.order });
      expect(template.name).toContain(`沿用 ${from.fiscalYear} 年度格式`);
    }
  });

  it('have a functional and an economic catalogue for the fiscal year of every template', () => {
    const missing = TEMPLATES.flatMap((t) => (['functional', 'economic'] as const).filter((kind) => !catalogueFor(t.fiscalYear, kind)).map((kind) => `${t.id} ${kind}`));
    expect(missing).toEqual([]);
    expect(TEMPLATES.map((t) => t.id)).toEqual(['hubei-2021', 'hubei-2022', 'shanghai-2024', 'shanghai-2025']);
  });
});

describe('format 1 documents', () => {
  it('map printed 行次 and 栏次 to keys through the Hubei template', () => {
    expect(upgradeRowKey('incomeExpenditureSummary', '27')).toBe('incomeTotal');
    expect(upgradeRowKey('incomeExpenditureSummary', '44')).toBe('215');
    expect(upgradeRowKey('appropriationSummary', '61')).toBe('closingBalanceGeneralBudget');
    expect(upgradeRowKey('threePublicExpensesTable', '1')).toBe('total');
    expect(upgradeColumnKey('threePublicExpensesTable', '12')).toBe('actualReceptions');
    expect(upgradeColumnKey('generalBudgetBasicExpenditure', '1')).toBe('amount');
    expect(upgradeColumnKey('expenditure', '2')).toBe('basic');
  });

  it('upgrade a whole document, keeping every figure', () => {
    const v1 = { formatVersion: 1, tables: { T1: { rows: [{ row: '27', cells: { 1: '2882.93' } }] }, T7: { rows: [{ row: '1', cells: { 12: '0.30' } }] } }, comparisons: { initialBudget: { generalPublicBudgetExpenditure: '1', byClass: [] } } };
    expect(upgradeDocument(v1)).toEqual({
      formatVersion: 2, template: 'hubei-2021',
      tables: { incomeExpenditureSummary: { rows: [{ row: 'incomeTotal', cells: { income: '2882.93' } }] }, threePublicExpensesTable: { rows: [{ row: 'total', cells: { actualReceptions: '0.30' } }] } },
      comparisons: { initialBudget: { generalPublicBudgetExpenditure: '1', bySubject: [] } },
    });
  });
});
