// The entry page's working state on the seed document: an edit recomputes the totals, is
// tracked until saved, and a refused entry stays in the cell; subjects are added with their
// 款 and 类 and removed when empty.
import { describe, expect, it } from 'vitest';
import {
  addSubject, cellValue, initialState, isRemovable, markSaved, placeServerErrors, removeSubject, saveRequest, typeIntoCell, unsavedCount, updateSections,
} from '../../app/(entry)/entry/[id]/_lib/entry-state';
import { loadSeed } from './seed-document';

const basic2010350 = { table: 'expenditure', row: '2010350', column: 'basic' } as const;

describe('an edit in 支出决算表', () => {
  it('recomputes the 项\'s total, its 款, 类 and 合计, and leaves the loaded document alone', () => {
    const seed = loadSeed();
    const state = typeIntoCell(initialState(seed), basic2010350, ' 215.65 ');
    const at = (row: string, column: string) => cellValue(state.doc, 'expenditure', row, column);
    expect([at('2010350', 'basic'), at('2010350', 'total'), at('20103', 'basic'), at('201', 'total'), at('total', 'basic'), at('total', 'total')])
      .toEqual(['215.65', '215.65', '215.65', '215.65', '289.90', '2883.93']);
    expect(cellValue(seed, 'expenditure', 'total', 'basic')).toBe('288.9');
    expect([...state.pending.values()]).toEqual([{ ...basic2010350, amount: '215.65' }]);
    expect(unsavedCount(state)).toBe(1);
  });

  it('tracks a change by its address and amount only, whatever else the grid\'s cell holds', () => {
    const state = typeIntoCell(initialState(loadSeed()), { kind: 'amount', ...basic2010350 } as typeof basic2010350, '1');
    expect(saveRequest(state).changes).toEqual([{ ...basic2010350, amount: '1.00' }]);
  });

  it('forgets an edit typed back to the stored figure', () => {
    const changed = typeIntoCell(initialState(loadSeed()), basic2010350, '215.65');
    expect(unsavedCount(typeIntoCell(changed, basic2010350, '214.65'))).toBe(0);
  });

  it('keeps a refused entry in the cell with its message and changes nothing', () => {
    const state = typeIntoCell(initialState(loadSeed()), basic2010350, '2,882.93');
    expect(state.refused.get('expenditure:2010350:basic')).toEqual({ text: '2,882.93', message: '去掉千位分隔符，写成 "2882.93"' });
    expect(unsavedCount(state)).toBe(0);
    expect(typeIntoCell(state, basic2010350, '1').refused.size).toBe(0);
  });

  it('sends the pending cells and sections, and after saving keeps only what changed meanwhile', () => {
    let state = typeIntoCell(initialState(loadSeed()), basic2010350, '215.65');
    state = updateSections(state, { agencyOperatingCosts: '25.00' });
    const request = saveRequest(state);
    expect(request).toEqual({ changes: [{ ...basic2010350, amount: '215.65' }], sections: { agencyOperatingCosts: '25.00' }, removedRows: [] });
    state = typeIntoCell(state, { table: 'expenditure', row: '2080505', column: 'basic' }, '18');
    const saved = markSaved(state, request);
    expect([...saved.pending.keys()]).toEqual(['expenditure:2080505:basic']);
    expect(saved.dirtySections.size).toBe(0);
    // Typed back to what was just saved: nothing left to save for that cell.
    expect(unsavedCount(typeIntoCell(saved, basic2010350, '215.65'))).toBe(1);
  });

  it('puts the server\'s field errors at the cells of the request', () => {
    const state = typeIntoCell(initialState(loadSeed()), basic2010350, '215.65');
    const request = saveRequest(state);
    const placed = placeServerErrors(state, request, [{ path: 'changes[0].amount', message: '不能为负数' }, { path: 'procurement.total', message: '须为金额' }]);
    expect([...placed.state.serverErrors]).toEqual([['expenditure:2010350:basic', '不能为负数']]);
    expect(placed.other).toEqual(['须为金额']);
  });
});

describe('functional rows', () => {
  it('adds a 项 with its 款 and 类 in code order, and removes them again while empty', () => {
    const seed = loadSeed();
    const added = addSubject(initialState(seed), 'expenditure', '2050801');
    const codes = added.doc.tables.expenditure.rows.map((r) => r.row);
    expect(codes.slice(0, 7)).toEqual(['total', '201', '20103', '2010350', '205', '20508', '2050801']);
    expect(isRemovable(added.doc, 'expenditure', '205')).toBe(false);
    expect(isRemovable(added.doc, 'expenditure', '2050801')).toBe(true);
    expect(isRemovable(added.doc, 'expenditure', '2010350')).toBe(false);
    const removed = removeSubject(added, 'expenditure', '2050801');
    expect(removed.doc.tables.expenditure.rows.map((r) => r.row)).toEqual(seed.tables.expenditure.rows.map((r) => r.row));
  });

  it('sends the removal of a stored empty row with the next save, and forgets it once saved or added back', () => {
    // A stored row emptied of its figures (as a carried draft row is): 2150502 and its 款 and 类.
    const seed = loadSeed();
    for (const row of seed.tables.expenditure.rows) if (row.row.startsWith('215')) row.cells = {};
    const removed = removeSubject(initialState(seed), 'expenditure', '2150502');
    expect(unsavedCount(removed)).toBe(3);
    const request = saveRequest(removed);
    expect(request.removedRows).toEqual(['2150502', '21505', '215'].map((row) => ({ table: 'expenditure', row })));
    expect(markSaved(removed, request).removedRows.size).toBe(0);
    expect(addSubject(removed, 'expenditure', '2150502').removedRows.size).toBe(0);
  });

  it('leaves nothing to save when a row added since the last save is removed again', () => {
    const added = addSubject(initialState(loadSeed()), 'expenditure', '2050801');
    const removed = removeSubject(added, 'expenditure', '2050801');
    expect(removed.removedRows.size).toBe(0);
    expect(unsavedCount(removed)).toBe(0);
  });

  it('adds the figures of a new 项 into its 类 and the 合计', () => {
    let state = addSubject(initialState(loadSeed()), 'expenditure', '2050801');
    state = typeIntoCell(state, { table: 'expenditure', row: '2050801', column: 'project' }, '10');
    expect(cellValue(state.doc, 'expenditure', '205', 'total')).toBe('10.00');
    expect(cellValue(state.doc, 'expenditure', 'total', 'project')).toBe('2604.03');
  });
});

describe('a save on its way while she types', () => {
  it('keeps a cell unsaved when she types it back to the old figure before the save returns', () => {
    const cell = { table: 'expenditure', row: '2101102', column: 'basic' } as const; // seed: 9.58
    const typed = typeIntoCell(initialState(loadSeed()), cell, '9.60');
    const request = saveRequest(typed);
    const typedBack = typeIntoCell(typed, cell, '9.58');
    const saved = markSaved(typedBack, request);
    expect(cellValue(saved.doc, 'expenditure', '2101102', 'basic')).toBe('9.58');
    expect([...saved.pending.values()]).toEqual([{ ...cell, amount: '9.58' }]);
    expect(unsavedCount(saved)).toBe(1);
  });
});

describe('the narrative in step with the figures, whichever tab is open', () => {
  it('moves a generated sentence with an edited figure and marks the narrative unsaved; an edited sentence stays', async () => {
    const { generateNarrative } = await import('../../lib/accounts/narrative');
    const { templateFor } = await import('../../lib/accounts/templates');
    const seed = loadSeed();
    const drafted = { ...seed, narrative: generateNarrative(seed, templateFor(seed.template)) };
    const state = typeIntoCell(initialState(drafted), basic2010350, '215.65');
    const text = state.doc.narrative.map((s) => s.text).join('\n');
    // 表3 基本支出 was 288.90; one more 万元 in 2010350 makes the drafted sentence say 289.90.
    expect(drafted.narrative.map((s) => s.text).join('\n')).toContain('其中：基本支出288.90万元');
    expect(text).toContain('其中：基本支出289.90万元');
    expect(state.dirtySections.has('narrative')).toBe(true);

    const edited = { ...drafted, narrative: drafted.narrative.map((s) => ({ ...s, text: s.text.replaceAll('其中：基本支出288.90万元', '其中：基本支出二百八十八点九万元') })) };
    const kept = typeIntoCell(initialState(edited), basic2010350, '215.65');
    const keptText = kept.doc.narrative.map((s) => s.text).join('\n');
    expect(keptText).toContain('其中：基本支出二百八十八点九万元');
    expect(keptText).not.toContain('其中：基本支出289.90万元');
  });
});
