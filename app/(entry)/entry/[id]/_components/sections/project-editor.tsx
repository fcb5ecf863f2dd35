'use client';
// One project of 项目支出绩效自评: the header of its table (名称、主管部门、实施单位、类别、属性、
// 类型), the 绩效自评综述 of the narrative, and its self-evaluation. Folded to one line until opened,
// and opened by itself when the check panel points into it.
import { useId, useState } from 'react';
import type { TProject } from '@/lib/accounts/schema';
import { emptySelfEvaluation } from '@/lib/accounts/year-start-sections';
import { useHighlightedUnder } from './editor-context';
import { NameField, OptionalTextAreaField, SelectField, TextField } from './fields';
import { RemoveButton } from './list-controls';
import { SelfEvaluationEditor } from './self-evaluation-editor';
import { withoutUndefined } from './update';

const CATEGORIES: readonly { value: TProject['category']; label: string }[] = [
  { value: 'departmentBudget', label: '部门预算项目' }, { value: 'districtSpecial', label: '区直专项' }, { value: 'higherLevelTransfer', label: '上级转移支付项目' },
];
const ATTRIBUTES: readonly { value: TProject['attribute']; label: string }[] = [
  { value: 'continuing', label: '持续性项目' }, { value: 'new', label: '新增性项目' },
];
const TYPES: readonly { value: TProject['type']; label: string }[] = [
  { value: 'recurring', label: '常年性项目' }, { value: 'extended', label: '延续性项目' }, { value: 'oneOff', label: '一次性项目' },
];

export const blankProject = (departmentName: string, fiscalYear: number): TProject => ({
  name: '',
  supervisingDepartment: departmentName,
  implementingUnit: departmentName,
  category: 'departmentBudget',
  attribute: 'continuing',
  type: 'recurring',
  selfEvaluation: emptySelfEvaluation(`${fiscalYear} 年度项目自评表`),
});

interface Props {
  project: TProject;
  index: number;
  onChange: (project: TProject) => void;
  onRemove: () => void;
}

export function ProjectEditor({ project, index, onChange, onRemove }: Props) {
  const path = `performance.projects[${index}]`;
  const pointedAt = useHighlightedUnder(path);
  const [choice, setChoice] = useState<boolean | null>(null);
  const expanded = choice ?? (pointedAt || project.name === '');
  const set = (next: Partial<TProject>) => onChange(withoutUndefined({ ...project, ...next }));
  const title = `${index + 1}. ${project.name || '（未命名项目）'}`;
  const bodyId = useId();
  return (
    <article className={`project${pointedAt ? ' is-highlighted' : ''}`} aria-label={title}>
      <header className="project-head">
        <button type="button" className="project-toggle" aria-expanded={expanded} aria-controls={expanded ? bodyId : undefined} onClick={() => setChoice(!expanded)}>
          <span className="project-title">{title}</span>
          <span className="project-score">自评得分 {project.selfEvaluation.totalScore} 分</span>
        </button>
        <RemoveButton what={`项目「${project.name || index + 1}」`} onRemove={onRemove} />
      </header>
      {expanded ? (
        <div className="project-body" id={bodyId}>
          <div className="field-grid">
            <NameField label="项目名称" path={`${path}.name`} value={project.name} wide onChange={(name) => set({ name })} />
            <TextField label="主管部门" path={`${path}.supervisingDepartment`} value={project.supervisingDepartment}
              onChange={(supervisingDepartment) => set({ supervisingDepartment })} />
            <TextField label="项目实施单位" path={`${path}.implementingUnit`} value={project.implementingUnit}
              onChange={(implementingUnit) => set({ implementingUnit })} />
            <SelectField label="项目类别" path={`${path}.category`} value={project.category} options={CATEGORIES} onChange={(category) => set({ category })} />
            <SelectField label="项目属性" path={`${path}.attribute`} value={project.attribute} options={ATTRIBUTES} onChange={(attribute) => set({ attribute })} />
            <SelectField label="项目类型" path={`${path}.type`} value={project.type} options={TYPES} onChange={(type) => set({ type })} />
          </div>
          <OptionalTextAreaField label="项目绩效自评综述" path={`${path}.summary`} value={project.summary} onChange={(summary) => set({ summary })} />
          <SelfEvaluationEditor evaluation={project.selfEvaluation} path={`${path}.selfEvaluation`} departmentWide={false}
            onChange={(selfEvaluation) => set({ selfEvaluation })} />
        </div>
      ) : null}
    </article>
  );
}
