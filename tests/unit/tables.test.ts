// The nine table definitions against the printed layout.
import { describe, expect, it } from 'vitest';
import { TABLES, TABLE_CODES, classRow } from '../../lib/accounts/tables';

describe('the nine tables as data', () => {
  it('number the rows as printed: 表1 1–60, 表4 1–64', () => {
    expect(TABLES.T1.rows.map((r) => r.row)).toEqual(Array.from({ length: 60 }, (_, i) => String(i + 1)));
    expect(TABLES.T4.rows.map((r) => r.row)).toEqual(Array.from({ length: 64 }, (_, i) => String(i + 1)));
  });

  it('print the functional classes on the rows the published tables use', () => {
    expect(classRow('T1', '201')).toBe('31');
    expect(classRow('T1', '215')).toBe('44');
    expect(classRow('T1', '234')).toBe('56');
    expect(classRow('T4', '221')).toBe('51');
    expect(TABLES.T1.rows.find((r) => r.row === '49')?.label).toBe('十九、住房保障支出');
  });

  it('carry every identity printed under the tables', () => {
    const citations = TABLE_CODES.flatMap((code) => TABLES[code].identities.map((i) => i.citation));
    for (const printed of ['27行＝（1＋2＋3＋4＋5＋6+7+8）行', '1栏各行＝（2＋3＋4＋5＋6＋7）栏各行', '59 行＝（33＋34＋…＋58）行',
      '6 栏各行＝（1＋2－3）栏各行', '9栏=（10+11）栏', '1栏各行＝（2＋3）栏各行']) {
      expect(citations.some((c) => c.includes(printed))).toBe(true);
    }
    expect(TABLE_CODES.map((code) => TABLES[code].number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('lay out 表6 with 27 personnel and 34 operating lines, each half with its total', () => {
    expect(TABLES.T6.rows.filter((r) => r.group === 'personnel')).toHaveLength(28);
    expect(TABLES.T6.rows.filter((r) => r.group === 'operating')).toHaveLength(35);
  });
});
