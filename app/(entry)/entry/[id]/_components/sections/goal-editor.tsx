'use client';
// One 年度目标 of a self-evaluation and its indicators. The department-wide table prints a
// title and weight per goal ("年度目标 1：（11分）"); a project's table prints neither.
import type { TSelfEvaluation } from '@/lib/accounts/schema';
import { isCompleteIndicator } from './complete';
import { NewItemScope } from './editor-context';
import { OptionalPointsField, OptionalTextField, TextAreaField } from './fields';
import { sumPoints } from './figures';
import { blankIndicator, IndicatorEditor } from './indicator-editor';
import { AddButton, RemoveButton } from './list-controls';
import { PointsSumCheck } from './score-check';
import { withoutUndefined } from './update';
import { usePendingList } from './use-pending-list';

type Goal = TSelfEvaluation['goals'][number];

export const blankGoal = (departmentWide: boolean, number: number): Goal =>
  departmentWide ? { title: `年度目标 ${number}`, weight: '0', description: '', indicators: [blankIndicator()] } : { description: '', indicators: [blankIndicator()] };

interface Props {
  goal: Goal;
  index: number;
  path: string;
  departmentWide: boolean;
  onChange: (goal: Goal) => void;
  onRemove?: () => void;
}

export function GoalEditor({ goal, index, path, departmentWide, onChange, onRemove }: Props) {
  const set = (next: Partial<Goal>) => onChange(withoutUndefined({ ...goal, ...next }));
  const name = goal.title ?? `年度目标 ${index + 1}`;
  const indicatorSum = sumPoints(goal.indicators.map((i) => i.weight));
  // A new indicator joins the goal once it is named.
  const indicators = usePendingList(goal.indicators, isCompleteIndicator, (next) => set({ indicators: next }));
  return (
    <fieldset className="goal">
      <legend>{name}</legend>
      {onRemove ? <RemoveButton what={name} onRemove={onRemove} /> : null}
      <div className="field-grid">
        {departmentWide || goal.title !== undefined || goal.weight !== undefined ? (
          <>
            <OptionalTextField label="目标名称" path={`${path}.title`} value={goal.title} onChange={(title) => set({ title })} />
            <OptionalPointsField label="目标分值" path={`${path}.weight`} value={goal.weight} onChange={(weight) => set({ weight })} />
          </>
        ) : null}
        <TextAreaField label="年度目标" path={`${path}.description`} value={goal.description} onChange={(description) => set({ description })} />
      </div>
      {goal.weight !== undefined ? (
        <PointsSumCheck label="其下各指标分值之和" printed={goal.weight} sum={indicatorSum} onUse={(weight) => set({ weight })} />
      ) : null}
      <ol className="indicator-list">
        {indicators.shown.map((indicator, i) => (
          <li key={i}>
            <NewItemScope active={indicators.isNew(i)}>
              <IndicatorEditor indicator={indicator} path={`${path}.indicators[${i}]`} number={`${index + 1}.${i + 1}`}
                onChange={(next) => indicators.change(i, next)}
                onRemove={goal.indicators.length > 1 || indicators.isNew(i) ? () => indicators.remove(i) : undefined} />
            </NewItemScope>
          </li>
        ))}
      </ol>
      {indicators.hasNew ? (
        <p className="section-note">新添加的指标填写三级指标名称后才记入决算。</p>
      ) : (
        <AddButton label="添加指标" onAdd={() => indicators.add(blankIndicator())} />
      )}
    </fieldset>
  );
}
