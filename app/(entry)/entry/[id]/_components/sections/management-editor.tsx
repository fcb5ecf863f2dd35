'use client';
// 预算绩效管理情况 as the Shanghai layout prints it: projects and amounts with 绩效目标, 绩效跟踪
// and 绩效自评 (with its average score), the ratings, and the problems found and fixed.
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { AmountField, CountField, OptionalCountField, PointsField } from './fields';
import { sumCounts } from './figures';
import { withoutUndefined } from './update';

type Management = NonNullable<TFinalAccounts['performance']['management']>;

const RATINGS: readonly (readonly [keyof Management['ratings'], string])[] = [['excellent', '优'], ['good', '良'], ['pass', '合格'], ['fail', '不合格']];

export function ManagementEditor({ management: m, onChange }: { management: Management; onChange: (m: Management) => void }) {
  const p = 'performance.management';
  const covered = (key: 'targetSetting' | 'tracking', words: string) => (
    <div className="field-grid field-row" role="group" aria-label={words}>
      <CountField label={`${words}的项目个数`} path={`${p}.${key}.projects`} value={m[key].projects} unit="个"
        onChange={(projects) => onChange({ ...m, [key]: { ...m[key], projects } })} />
      <AmountField label={`${words}涉及预算金额`} path={`${p}.${key}.amount`} value={m[key].amount}
        onChange={(amount) => onChange({ ...m, [key]: { ...m[key], amount } })} />
    </div>
  );
  const self = m.selfEvaluation;
  return (
    <fieldset className="section-group">
      <legend>预算绩效管理情况</legend>
      {covered('targetSetting', '编报绩效目标')}
      {covered('tracking', '绩效跟踪评价')}
      <div className="field-grid field-row" role="group" aria-label="绩效自评">
        <CountField label="绩效自评的项目个数" path={`${p}.selfEvaluation.projects`} value={self.projects} unit="个"
          hint={`优＋良＋合格＋不合格＝${sumCounts(RATINGS.map(([key]) => m.ratings[key]))} 个`}
          onChange={(projects) => onChange({ ...m, selfEvaluation: { ...self, projects } })} />
        <AmountField label="绩效自评涉及预算金额" path={`${p}.selfEvaluation.amount`} value={self.amount}
          onChange={(amount) => onChange({ ...m, selfEvaluation: { ...self, amount } })} />
        <PointsField label="平均得分" path={`${p}.selfEvaluation.averageScore`} value={self.averageScore}
          onChange={(averageScore) => onChange({ ...m, selfEvaluation: { ...self, averageScore } })} />
      </div>
      <div className="field-grid field-row" role="group" aria-label="绩效评级">
        {RATINGS.map(([key, rating]) => (
          <CountField key={key} label={`绩效评级为“${rating}”的项目`} path={`${p}.ratings.${key}`} value={m.ratings[key]} unit="个"
            onChange={(value) => onChange({ ...m, ratings: { ...m.ratings, [key]: value } })} />
        ))}
      </div>
      <div className="field-grid field-row" role="group" aria-label="发现问题及整改">
        <CountField label="绩效自评中发现问题" path={`${p}.problems.found`} value={m.problems.found} unit="个"
          onChange={(found) => onChange({ ...m, problems: { ...m.problems, found } })} />
        <OptionalCountField label="已经完成整改的" path={`${p}.problems.fixed`} value={m.problems.fixed} unit="个"
          onChange={(fixed) => onChange({ ...m, problems: withoutUndefined({ ...m.problems, fixed }) })} />
        <OptionalCountField label="正在整改的" path={`${p}.problems.fixing`} value={m.problems.fixing} unit="个"
          onChange={(fixing) => onChange({ ...m, problems: withoutUndefined({ ...m.problems, fixing }) })} />
      </div>
    </fieldset>
  );
}

