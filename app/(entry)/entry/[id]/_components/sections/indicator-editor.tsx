'use client';
// One 三级指标 of a self-evaluation: its levels, weight, 年初目标值（A）, 实际完成值（B）, direction,
// band (qualitative only) and score, with the score the scoring rules give beside it.
import { LEVEL1_INDICATORS, type TIndicator } from '@/lib/accounts/schema';
import { emptyIndicator } from '@/lib/accounts/year-start-sections';
import { NameField, PointsField, SelectField, TextField } from './fields';
import { RemoveButton } from './list-controls';
import { IndicatorScoreCheck } from './score-check';
import { withoutUndefined } from './update';

type Direction = TIndicator['direction'];
type Band = NonNullable<TIndicator['band']>;

const DIRECTIONS: readonly { value: Direction; label: string }[] = [
  { value: 'higherIsBetter', label: '正向指标（越高越好）' },
  { value: 'lowerIsBetter', label: '反向指标（越低越好）' },
  { value: 'qualitative', label: '定性指标' },
];

const BANDS: readonly { value: Band | ''; label: string }[] = [
  { value: '', label: '未注明（B 与 A 相同即为达成）' },
  { value: 'achieved', label: '达成预期指标（100%–80%）' },
  { value: 'partlyAchieved', label: '部分达成预期指标并具有一定效果（80%–50%）' },
  { value: 'notAchieved', label: '未达成预期指标且效果较差（50%–0%）' },
];

/** The core's empty indicator, unnamed: it joins its goal once she names it. */
export const blankIndicator = (): TIndicator => emptyIndicator();

interface Props {
  indicator: TIndicator;
  path: string;
  number: string;
  onChange: (indicator: TIndicator) => void;
  onRemove?: () => void;
}

export function IndicatorEditor({ indicator, path, number, onChange, onRemove }: Props) {
  const set = (next: Partial<TIndicator>) => onChange(withoutUndefined({ ...indicator, ...next }));
  const what = `指标 ${number}`;
  return (
    <div className="indicator" role="group" aria-label={`${what}：${indicator.name || '未命名'}`}>
      <div className="indicator-head">
        <span className="indicator-number">{what}</span>
        {onRemove ? <RemoveButton what={what} onRemove={onRemove} /> : null}
      </div>
      <div className="field-grid">
        <SelectField label="一级指标" path={`${path}.level1`} value={indicator.level1}
          options={LEVEL1_INDICATORS.map((value) => ({ value, label: value }))} onChange={(level1) => set({ level1 })} />
        <NameField label="二级指标" path={`${path}.level2`} value={indicator.level2} onChange={(level2) => set({ level2 })} />
        <NameField label="三级指标" path={`${path}.name`} value={indicator.name} wide onChange={(name) => set({ name })} />
        <PointsField label="分值（权重）" path={`${path}.weight`} value={indicator.weight} onChange={(weight) => set({ weight })} />
        <TextField label="年初目标值（A）" path={`${path}.target`} value={indicator.target} onChange={(target) => set({ target })} />
        <TextField label="实际完成值（B）" path={`${path}.actual`} value={indicator.actual} onChange={(actual) => set({ actual })} />
        <SelectField label="指标性质" path={`${path}.direction`} value={indicator.direction} options={DIRECTIONS}
          onChange={(direction) => set(direction === 'qualitative' ? { direction } : { direction, band: undefined })} />
        {indicator.direction === 'qualitative' ? (
          <SelectField label="达成程度" path={`${path}.band`} value={indicator.band ?? ''} options={BANDS}
            onChange={(band) => set({ band: band === '' ? undefined : band })} />
        ) : null}
        <PointsField label="得分" path={`${path}.score`} value={indicator.score} onChange={(score) => set({ score })} />
      </div>
      <IndicatorScoreCheck indicator={indicator} onUse={(score) => set({ score })} />
    </div>
  );
}
