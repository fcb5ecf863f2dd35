// 添加 in the section editors: an item whose required fields are still empty is held in the
// editor's own state, so every list that reaches the document is one the schema accepts; and the
// schema's own messages for what is missing are Chinese, never zod's English defaults.
import { describe, expect, it } from 'vitest';
import { isCompleteGoal, isCompleteIndicator, isCompleteProject, isCompleteUnit } from '@/app/(entry)/entry/[id]/_components/sections/complete';
import { blankGoal } from '@/app/(entry)/entry/[id]/_components/sections/goal-editor';
import { blankIndicator } from '@/app/(entry)/entry/[id]/_components/sections/indicator-editor';
import { blankProject } from '@/app/(entry)/entry/[id]/_components/sections/project-editor';
import { addItem, changeItem, removeItem, shownItems } from '@/app/(entry)/entry/[id]/_components/sections/use-pending-list';
import { ZFinalAccounts, type TFinalAccounts, type TProject } from '@/lib/accounts/schema';
import { loadDocument, loadSeed, SHANGHAI_FINANCE_BUREAU_PATH } from './seed-document';

const issuesOf = (doc: TFinalAccounts) => {
  const result = ZFinalAccounts.safeParse(doc);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('a new project', () => {
  const seed = loadSeed();
  const projects = seed.performance.projects;
  const withProjects = (list: TProject[]): TFinalAccounts => ({ ...seed, performance: { ...seed.performance, projects: list } });

  it('is refused by the schema as 添加项目 makes it, in Chinese', () => {
    expect(issuesOf(withProjects([...projects, blankProject(seed.department.name, 2021)]))).toEqual([
      { path: 'performance.projects.6.name', message: '不能为空' },
      { path: 'performance.projects.6.selfEvaluation.goals.0.indicators.0.name', message: '不能为空' },
    ]);
  });

  it('stays out of the document until it has a name and a named indicator, then joins it valid', () => {
    const blank = blankProject(seed.department.name, 2021);
    const added = addItem(projects, undefined, blank, isCompleteProject);
    expect(added).toEqual({ pending: blank });
    expect(shownItems(projects, added.pending)).toHaveLength(7);

    const named = { ...blank, name: '政务云运维' };
    const halfway = changeItem(projects, added.pending, 6, named, isCompleteProject);
    expect(halfway.items).toBeUndefined();

    const goal = named.selfEvaluation.goals[0]!;
    const indicator = { ...goal.indicators[0]!, name: '云资源可用率' };
    const complete = { ...named, selfEvaluation: { ...named.selfEvaluation, goals: [{ ...goal, indicators: [indicator] }] } };
    const joined = changeItem(projects, halfway.pending, 6, complete, isCompleteProject);
    expect(joined.pending).toBeUndefined();
    expect(joined.items?.map((p) => p.name).slice(5)).toEqual([projects[5]?.name, '政务云运维']);
    expect(issuesOf(withProjects(joined.items ?? []))).toEqual([]);
  });

  it('leaves the document alone when edits reach other projects or the new one is dropped', () => {
    const blank = blankProject(seed.department.name, 2021);
    const renamed = { ...projects[0]!, name: '网络安全保障' };
    const edit = changeItem(projects, blank, 0, renamed, isCompleteProject);
    expect(edit.items?.[0]?.name).toBe('网络安全保障');
    expect(edit.pending).toBe(blank);
    expect(removeItem(projects, blank, 6)).toEqual({ pending: undefined });
    expect(addItem(projects, blank, blankProject('另一个', 2021), isCompleteProject)).toEqual({ pending: blank });
  });
});

describe('a new goal or indicator', () => {
  const evaluation = loadSeed().performance.departmentWide!;

  it('holds a goal until its indicator is named', () => {
    const added = addItem(evaluation.goals, undefined, blankGoal(true, evaluation.goals.length + 1), isCompleteGoal);
    expect(added.items).toBeUndefined();
    const goal = added.pending!;
    const named = { ...goal, indicators: [{ ...goal.indicators[0]!, name: '数据共享交换次数' }] };
    expect(changeItem(evaluation.goals, goal, evaluation.goals.length, named, isCompleteGoal).items).toHaveLength(evaluation.goals.length + 1);
  });

  it('holds an indicator until it is named', () => {
    const indicators = evaluation.goals[0]!.indicators;
    expect(addItem(indicators, undefined, blankIndicator(), isCompleteIndicator).items).toBeUndefined();
    expect(changeItem(indicators, blankIndicator(), indicators.length, { ...blankIndicator(), name: '平台可用率' }, isCompleteIndicator).items)
      .toHaveLength(indicators.length + 1);
  });
});

describe('a new unit of 部门决算单位构成', () => {
  const shanghai = loadDocument(SHANGHAI_FINANCE_BUREAU_PATH);
  const units = shanghai.overview.units ?? [];

  it('is refused unnamed, in Chinese, and joins once named', () => {
    expect(issuesOf({ ...shanghai, overview: { ...shanghai.overview, units: [...units, { name: '' }] } }))
      .toEqual([{ path: `overview.units.${units.length}.name`, message: '不能为空' }]);
    const added = addItem(units, undefined, { name: '' }, isCompleteUnit);
    expect(added.items).toBeUndefined();
    const joined = changeItem(units, added.pending, units.length, { name: '上海市普陀区财政局机关服务中心' }, isCompleteUnit);
    expect(issuesOf({ ...shanghai, overview: { ...shanghai.overview, units: joined.items } })).toEqual([]);
  });
});

describe('the schema’s messages', () => {
  it('are Chinese for every check a user can trip in the editors', () => {
    const broken = loadSeed();
    const project = broken.performance.projects[0]!;
    project.name = '';
    project.category = 'other' as never;
    project.selfEvaluation.goals[0]!.indicators[0]!.level2 = '';
    project.selfEvaluation.goals[0]!.indicators[0]!.direction = 'up' as never;
    project.selfEvaluation.goals[1] = { description: '', indicators: [] };
    broken.performance.departmentWide!.goals = [];
    broken.department = { name: '', district: '' };
    const messages = issuesOf(broken).map((i) => i.message);
    expect(messages.length).toBeGreaterThanOrEqual(7);
    for (const message of messages) {
      expect(message).toMatch(/[\u4e00-\u9fff]/u);
      expect(message).not.toMatch(/Too small|Invalid|expected/u);
    }
  });
});
