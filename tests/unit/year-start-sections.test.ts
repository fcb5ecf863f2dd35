// The empty parts of a document are written once, in the core: a new year's draft and the section
// editors (which show them where a document lacks a part, or add them) hold the same values.
import { describe, expect, it } from 'vitest';
import { blankIndicator } from '@/app/(entry)/entry/[id]/_components/sections/indicator-editor';
import { blankProject } from '@/app/(entry)/entry/[id]/_components/sections/project-editor';
import { ZFinalAccounts } from '../../lib/accounts/schema';
import { templateFor } from '../../lib/accounts/templates';
import { startDraft } from '../../lib/accounts/year-start';
import {
  departmentWideDraft, emptyIndicator, emptyManagement, emptyReserved, emptySelfEvaluation, emptyStaff, emptyThreePublicExpenses,
} from '../../lib/accounts/year-start-sections';

const department = { name: '武汉市硚口区新设中心', district: '武汉市硚口区' };

describe('a draft without a previous year holds the core’s empty parts', () => {
  it('in the Hubei layout: staff, 三公 details with no scope, the department-wide table titled as printed', () => {
    const template = templateFor('hubei-2022');
    const draft = startDraft({ template, department });
    expect(draft.overview.staff).toEqual(emptyStaff());
    expect(draft.threePublicExpenses).toEqual(emptyThreePublicExpenses());
    expect(draft.threePublicExpenses?.scope).toBe('');
    expect(draft.performance.departmentWide).toEqual(departmentWideDraft(template, department));
    expect(draft.performance.departmentWide?.title).toBe('2022 年度武汉市硚口区新设中心部门整体绩效自评表');
    expect(ZFinalAccounts.safeParse(draft).success).toBe(true);
  });

  it('in the Shanghai layout: 预留 amounts at 0.00 and 绩效管理 without 已完成/正在整改', () => {
    const draft = startDraft({ template: templateFor('shanghai-2025'), department });
    expect(draft.procurement.reserved).toEqual(emptyReserved());
    expect(emptyReserved().forSmes).toBe('0.00');
    expect(draft.performance.management).toEqual(emptyManagement());
    expect(emptyManagement().problems).toEqual({ found: 0 });
  });
});

describe('the editors add the core’s empty items', () => {
  it('an indicator: qualitative, weight and score 0, its name left to her', () => {
    expect(blankIndicator()).toEqual(emptyIndicator());
    expect(blankIndicator()).toMatchObject({ name: '', direction: 'qualitative', weight: '0', score: '0' });
  });

  it('a project: the core’s empty self-evaluation, amounts 0.00', () => {
    const project = blankProject(department.name, 2022);
    expect(project.selfEvaluation).toEqual(emptySelfEvaluation('2022 年度项目自评表'));
    expect(project.selfEvaluation.execution).toMatchObject({ budget: '0.00', executed: '0.00' });
  });
});
