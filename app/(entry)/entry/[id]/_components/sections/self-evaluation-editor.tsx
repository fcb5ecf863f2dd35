'use client';
// A performance self-evaluation table (项目支出绩效自评表 or 部门整体绩效自评表): 预算执行情况 with
// its rate and score, the printed weights, the goals and their indicators, 总分, and the two
// closing texts. Beside each entered figure, what the core computes from the others.
import { LEVEL1_INDICATORS, type TSelfEvaluation } from '@/lib/accounts/schema';
import { isCompleteGoal } from './complete';
import { NewItemScope, useHighlighted } from './editor-context';
import { AmountField, DateField, NameField, OptionalPointsField, PointsField, TextAreaField, TextField } from './fields';
import { sumPoints } from './figures';
import { blankGoal, GoalEditor } from './goal-editor';
import { AddButton } from './list-controls';
import { ExecutionChecks, PointsSumCheck } from './score-check';
import { withoutUndefined } from './update';
import { usePendingList } from './use-pending-list';

type Level1 = (typeof LEVEL1_INDICATORS)[number];

interface Props {
  evaluation: TSelfEvaluation;
  path: string;
  departmentWide: boolean;
  onChange: (evaluation: TSelfEvaluation) => void;
}

export function SelfEvaluationEditor({ evaluation, path, departmentWide, onChange }: Props) {
  const set = (next: Partial<TSelfEvaluation>) => onChange(withoutUndefined({ ...evaluation, ...next }));
  const { execution } = evaluation;
  // A new goal joins the table once its indicator is named.
  const goals = usePendingList(evaluation.goals, isCompleteGoal, (next) => set({ goals: next }));
  // The table's 100 points as a whole ("performance.departmentWide") is highlighted as the whole table.
  const whole = useHighlighted(path);
  const setExecution = (next: Partial<TSelfEvaluation['execution']>) => set({ execution: { ...execution, ...next } });
  const indicators = evaluation.goals.flatMap((g) => g.indicators);
  const weightOf = (level1: Level1) => evaluation.level1Weights?.find((l) => l.level1 === level1)?.weight;
  const setLevelWeight = (level1: Level1, weight: string | undefined) => {
    const weights = LEVEL1_INDICATORS.flatMap((l) => {
      const value = l === level1 ? weight : weightOf(l);
      return value === undefined ? [] : [{ level1: l, weight: value }];
    });
    set({ level1Weights: weights.length > 0 ? weights : undefined });
  };
  return (
    <div className={`self-evaluation${whole ? ' is-highlighted' : ''}`}>
      <div className="field-grid">
        <NameField label="表名" path={`${path}.title`} value={evaluation.title} wide onChange={(title) => set({ title })} />
        <DateField label="填报日期" path={`${path}.filledOn`} value={evaluation.filledOn} onChange={(filledOn) => set({ filledOn })} />
      </div>
      <fieldset className="section-group">
        <legend>预算执行情况</legend>
        <div className="field-grid">
          <PointsField label="分值" path={`${path}.execution.weight`} value={execution.weight} onChange={(weight) => setExecution({ weight })} />
          <AmountField label="预算数（A）" path={`${path}.execution.budget`} value={execution.budget} onChange={(budget) => setExecution({ budget })} />
          <AmountField label="执行数（B）" path={`${path}.execution.executed`} value={execution.executed} onChange={(executed) => setExecution({ executed })} />
          <TextField label="执行率（B/A）" path={`${path}.execution.rate`} value={execution.rate} onChange={(rate) => setExecution({ rate })} />
          <PointsField label="得分（分值×执行率）" path={`${path}.execution.score`} value={execution.score} onChange={(score) => setExecution({ score })} />
        </div>
        <ExecutionChecks execution={execution} onRate={(rate) => setExecution({ rate })} onScore={(score) => setExecution({ score })} />
      </fieldset>
      <fieldset className="section-group">
        <legend>年度绩效分值（如表中印有）</legend>
        <div className="field-grid">
          <OptionalPointsField label="年度绩效" path={`${path}.performanceWeight`} value={evaluation.performanceWeight}
            onChange={(performanceWeight) => set({ performanceWeight })} />
          {LEVEL1_INDICATORS.map((level1) => {
            const i = evaluation.level1Weights?.findIndex((l) => l.level1 === level1) ?? -1;
            return (
              <OptionalPointsField key={level1} label={level1} path={i >= 0 ? `${path}.level1Weights[${i}].weight` : `${path}.level1Weights`} value={weightOf(level1)}
                onChange={(weight) => setLevelWeight(level1, weight)} />
            );
          })}
        </div>
        {(evaluation.level1Weights ?? []).map(({ level1, weight }) => (
          <PointsSumCheck key={level1} label={`${level1}下各指标分值之和`} printed={weight}
            sum={sumPoints(indicators.filter((x) => x.level1 === level1).map((x) => x.weight))} />
        ))}
        <PointsSumCheck label="预算执行情况分值与各指标分值之和（应为 100）" printed="100" sum={sumPoints([execution.weight, ...indicators.map((x) => x.weight)])} />
      </fieldset>
      {goals.shown.map((goal, g) => (
        <NewItemScope key={g} active={goals.isNew(g)}>
          <GoalEditor goal={goal} index={g} path={`${path}.goals[${g}]`} departmentWide={departmentWide}
            onChange={(next) => goals.change(g, next)}
            onRemove={evaluation.goals.length > 1 || goals.isNew(g) ? () => goals.remove(g) : undefined} />
        </NewItemScope>
      ))}
      {goals.hasNew ? (
        <p className="section-note">新添加的年度目标填写三级指标名称后才记入自评表。</p>
      ) : (
        <AddButton label="添加年度目标" onAdd={() => goals.add(blankGoal(departmentWide, evaluation.goals.length + 1))} />
      )}
      <fieldset className="section-group">
        <legend>总分</legend>
        <div className="field-grid">
          <PointsField label="总分" path={`${path}.totalScore`} value={evaluation.totalScore} onChange={(totalScore) => set({ totalScore })} />
        </div>
        <PointsSumCheck label="预算执行得分与各指标得分之和" printed={evaluation.totalScore}
          sum={sumPoints([execution.score, ...indicators.map((x) => x.score)])} onUse={(totalScore) => set({ totalScore })} />
        <TextAreaField label="偏差大或目标未完成原因分析" path={`${path}.deviationReason`} value={evaluation.deviationReason}
          onChange={(deviationReason) => set({ deviationReason })} />
        <TextAreaField label="改进措施及结果应用方案" path={`${path}.improvementPlan`} value={evaluation.improvementPlan}
          onChange={(improvementPlan) => set({ improvementPlan })} />
      </fieldset>
    </div>
  );
}
