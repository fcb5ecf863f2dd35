'use client';
// 预算绩效: as the template has it, the department-wide self-evaluation, the project
// self-evaluations (with the count the narrative states), and the performance-management summary.
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { departmentWideDraft, emptyManagement } from '@/lib/accounts/year-start-sections';
import { isCompleteProject } from './complete';
import { EditorFrame, NewItemScope } from './editor-context';
import { OptionalCountField } from './fields';
import { AddButton } from './list-controls';
import { ManagementEditor } from './management-editor';
import { blankProject, ProjectEditor } from './project-editor';
import { SelfEvaluationEditor } from './self-evaluation-editor';
import type { SectionEditorProps } from './types';
import { withoutUndefined } from './update';
import { usePendingList } from './use-pending-list';

type Performance = TFinalAccounts['performance'];

export function PerformanceEditor({ doc, template, readOnly, onChange, highlighted }: SectionEditorProps) {
  const performance = doc.performance;
  const set = (next: Partial<Performance>) => onChange({ performance: withoutUndefined({ ...performance, ...next }) });
  const { sections } = template;
  // A new project joins the document once it has a name and a named indicator.
  const projects = usePendingList(performance.projects, isCompleteProject, (next) => set({ projects: next }));
  return (
    <EditorFrame title="预算绩效情况" readOnly={readOnly} highlighted={highlighted}>
      {sections.departmentWideSelfEvaluation ? (
        <section className="section-group" aria-labelledby="department-wide-title">
          <h3 id="department-wide-title">部门整体绩效自评表</h3>
          <SelfEvaluationEditor path="performance.departmentWide" departmentWide
            evaluation={performance.departmentWide ?? departmentWideDraft(template, doc.department)}
            onChange={(departmentWide) => set({ departmentWide })} />
        </section>
      ) : null}
      {sections.projectSelfEvaluations ? (
        <section className="section-group" aria-labelledby="projects-title">
          <h3 id="projects-title">项目支出绩效自评表</h3>
          <div className="field-grid">
            <OptionalCountField label="绩效自评涉及的项目个数（说明中所写）" path="performance.projectCount" value={performance.projectCount} unit="个"
              hint={`所附项目自评表 ${performance.projects.length} 个`} onChange={(projectCount) => set({ projectCount })} />
          </div>
          {projects.shown.map((project, i) => (
            <NewItemScope key={i} active={projects.isNew(i)}>
              <ProjectEditor project={project} index={i} onChange={(next) => projects.change(i, next)} onRemove={() => projects.remove(i)} />
            </NewItemScope>
          ))}
          {projects.hasNew ? (
            <p className="section-note">新添加的项目填写项目名称和三级指标名称后才记入决算。</p>
          ) : (
            <AddButton label="添加项目" onAdd={() => projects.add(blankProject(doc.department.name, doc.fiscalYear))} />
          )}
        </section>
      ) : null}
      {sections.performanceManagement ? (
        <ManagementEditor management={performance.management ?? emptyManagement()} onChange={(management) => set({ management })} />
      ) : null}
    </EditorFrame>
  );
}
