'use client';
// 第一部分 概况: 部门主要职能, 部门决算单位构成 and 部门人员构成, as the template prints them.
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { emptyStaff } from '@/lib/accounts/year-start-sections';
import { isCompleteUnit } from './complete';
import { EditorFrame, NewItemScope } from './editor-context';
import { CountField, NameField, OptionalTextField, TextAreaField } from './fields';
import { sumCounts } from './figures';
import { AddButton, RemoveButton } from './list-controls';
import type { SectionEditorProps } from './types';
import { removeAt, replaceAt, withoutUndefined } from './update';
import { usePendingList } from './use-pending-list';

type Overview = TFinalAccounts['overview'];
type Staff = NonNullable<Overview['staff']>;

export function OverviewEditor({ doc, template, readOnly, onChange, highlighted }: SectionEditorProps) {
  const overview = doc.overview;
  const set = (next: Partial<Overview>) => onChange({ overview: withoutUndefined({ ...overview, ...next }) });
  return (
    <EditorFrame title={`${doc.department.name}概况`} readOnly={readOnly} highlighted={highlighted}>
      <fieldset className="section-group">
        <legend>部门主要职能</legend>
        <ol className="item-list">
          {overview.functions.map((text, i) => (
            <li key={i} className="item-row">
              <TextAreaField label={`职能 ${i + 1}`} path={`overview.functions[${i}]`} value={text} required
                onChange={(value) => set({ functions: replaceAt(overview.functions, i, value) })} />
              <RemoveButton what={`第 ${i + 1} 项职能`} onRemove={() => set({ functions: removeAt(overview.functions, i) })} />
            </li>
          ))}
        </ol>
        <AddButton label="添加职能" onAdd={() => set({ functions: [...overview.functions, ''] })} />
      </fieldset>
      {template.sections.unitComposition ? <UnitComposition overview={overview} set={set} /> : null}
      {template.sections.staff ? <StaffNumbers overview={overview} set={set} /> : null}
    </EditorFrame>
  );
}

interface PartProps {
  overview: Overview;
  set: (next: Partial<Overview>) => void;
}

function UnitComposition({ overview, set }: PartProps) {
  // A unit without its name is held back until named (the schema requires one).
  const units = usePendingList(overview.units ?? [], isCompleteUnit, (next) => set({ units: next }));
  return (
    <fieldset className="section-group">
      <legend>部门决算单位构成</legend>
      <ol className="item-list">
        {units.shown.map((unit, i) => (
          <li key={i} className="item-row">
            <NewItemScope active={units.isNew(i)}>
              <span className="item-number" aria-hidden="true">{i + 1}</span>
              <NameField label="单位名称" path={`overview.units[${i}].name`} value={unit.name}
                onChange={(name) => units.change(i, { ...unit, name })} />
              <OptionalTextField label="备注" path={`overview.units[${i}].note`} value={unit.note}
                onChange={(note) => units.change(i, withoutUndefined({ ...unit, note }))} />
              <RemoveButton what={`第 ${i + 1} 个单位`} onRemove={() => units.remove(i)} />
            </NewItemScope>
          </li>
        ))}
      </ol>
      {units.hasNew ? <p className="section-note">新添加的单位填写名称后才记入决算。</p> : <AddButton label="添加单位" onAdd={() => units.add({ name: '' })} />}
    </fieldset>
  );
}

function StaffNumbers({ overview, set }: PartProps) {
  const staff = overview.staff ?? emptyStaff();
  const field = (key: keyof Staff, label: string, hint?: string) => (
    <CountField label={label} path={`overview.staff.${key}`} value={staff[key]} unit="人" hint={hint}
      onChange={(value) => set({ staff: { ...staff, [key]: value } })} />
  );
  return (
    <>
      <fieldset className="section-group">
        <legend>部门决算单位构成</legend>
        <div className="field-grid">
          <CountField label="下属单位个数（单位本级以外）" path="overview.subordinateUnitCount" value={overview.subordinateUnitCount ?? 0} unit="个"
            onChange={(subordinateUnitCount) => set({ subordinateUnitCount })} />
        </div>
      </fieldset>
      <fieldset className="section-group">
        <legend>部门人员构成</legend>
        <div className="field-grid">
          {field('employed', '在职实有人数', `行政＋事业＝${sumCounts([staff.administrative, staff.publicInstitution])} 人`)}
          {field('administrative', '行政')}
          {field('publicInstitution', '事业')}
          {field('civilServantManaged', '其中：参照公务员法管理')}
          {field('retired', '离退休人员', `离休＋退休＝${sumCounts([staff.retiredCadres, staff.retirees])} 人`)}
          {field('retiredCadres', '离休')}
          {field('retirees', '退休')}
        </div>
      </fieldset>
    </>
  );
}
