'use client';
// The figures the narrative compares with: the initial budget (一般公共预算财政拨款支出年初预算
// and its subjects, with explanations) and last year's figures (上年数). Last year's figures are
// read-only when there are last year's approved accounts, and filled from them (priorYearOf, the
// links the year-join check compares) when they are missing or differ.
import { useMemo } from 'react';
import { parseAmount } from '@/lib/accounts/money';
import { ZBudgetLine, type TFinalAccounts } from '@/lib/accounts/schema';
import { priorYearOf } from '@/lib/accounts/year-start';
import { ZERO_AMOUNT } from '@/lib/accounts/year-start-sections';
import { PRIOR_YEAR_LINKS } from '@/lib/accounts/year-links';
import { BudgetLineEditor, useSubjectCodec } from './budget-line-editor';
import { EditorFrame, NewItemScope, ReadOnlyScope, useEditor } from './editor-context';
import { AmountField, OptionalAmountField } from './fields';
import { sumAmounts } from './figures';
import { AddButton, RemoveButton } from './list-controls';
import type { SectionEditorProps } from './types';
import { withoutUndefined } from './update';
import { usePendingList } from './use-pending-list';

type Comparisons = TFinalAccounts['comparisons'];
type InitialBudget = Comparisons['initialBudget'];
type PriorYear = NonNullable<Comparisons['priorYear']>;
type PriorThree = NonNullable<PriorYear['threePublicExpenses']>;

const PRIOR_FIGURES: readonly (readonly [Exclude<keyof PriorYear, 'threePublicExpenses'>, string, boolean])[] = [
  ['totalIncomeExpenditure', '上年收、支总计', true],
  ['appropriationIncomeExpenditure', '上年财政拨款收、支总计', true],
  ['appropriationExpenditure', '上年一般公共预算财政拨款支出', true],
  ['agencyOperatingCosts', '上年机关运行经费', false],
];
const PRIOR_THREE: readonly (readonly [keyof PriorThree, string])[] = [
  ['total', '上年“三公”经费合计'], ['overseasTrips', '上年因公出国（境）费'], ['vehicles', '上年公务用车购置及运行费'], ['receptions', '上年公务接待费'],
];

export function ComparisonsEditor({ doc, template, readOnly, onChange, highlighted, previousYear }: SectionEditorProps) {
  const comparisons = doc.comparisons;
  const budget = comparisons.initialBudget;
  const codec = useSubjectCodec(template);
  const setBudget = (next: Partial<InitialBudget>) => onChange({ comparisons: { ...comparisons, initialBudget: withoutUndefined({ ...budget, ...next }) } });
  // A new line joins the document once its code is one of the year's subjects at the template's level.
  const lines = usePendingList(budget.bySubject, (line) => codec.parse(line.code).ok && ZBudgetLine.safeParse(line).success,
    (bySubject) => setBudget({ bySubject }));
  const level = template.sections.initialBudgetLevel === 'class' ? '类' : '项';
  return (
    <EditorFrame title="年初预算与上年数" readOnly={readOnly} highlighted={highlighted}>
      <fieldset className="section-group">
        <legend>一般公共预算财政拨款支出预算</legend>
        <div className="field-grid">
          <AmountField label="年初预算" path="comparisons.initialBudget.generalPublicBudgetExpenditure" value={budget.generalPublicBudgetExpenditure}
            hint={`各${level}年初预算之和＝${sumAmounts(budget.bySubject.map((l) => l.amount))} 万元`}
            onChange={(generalPublicBudgetExpenditure) => setBudget({ generalPublicBudgetExpenditure })} />
          <OptionalAmountField label="全年预算（如印有）" path="comparisons.initialBudget.adjustedGeneralPublicBudgetExpenditure"
            value={budget.adjustedGeneralPublicBudgetExpenditure}
            onChange={(adjustedGeneralPublicBudgetExpenditure) => setBudget({ adjustedGeneralPublicBudgetExpenditure })} />
        </div>
        <h3 className="group-subtitle">按{level}级科目</h3>
        <ol className="item-list">
          {lines.shown.map((line, i) => (
            <NewItemScope key={i} active={lines.isNew(i)}>
              <BudgetLineEditor doc={doc} template={template} line={line} index={i} codec={codec}
                onChange={(next) => lines.change(i, next)} onRemove={() => lines.remove(i)} />
            </NewItemScope>
          ))}
        </ol>
        {lines.hasNew ? (
          <p className="section-note">新添加的科目填写科目编码后才记入决算。</p>
        ) : (
          <AddButton label="添加科目" onAdd={() => lines.add({ code: '', amount: ZERO_AMOUNT })} />
        )}
      </fieldset>
      <PriorYearFigures doc={doc} previousYear={previousYear}
        onChange={(priorYear) => onChange({ comparisons: withoutUndefined({ ...comparisons, priorYear }) })} />
    </EditorFrame>
  );
}

interface PriorProps {
  doc: TFinalAccounts;
  previousYear?: TFinalAccounts;
  onChange: (priorYear: PriorYear | undefined) => void;
}

const sameAmount = (a: string | undefined, b: string | undefined) => (a === undefined || b === undefined ? a === b : parseAmount(a) === parseAmount(b));

/** Whether the prior-year figures are exactly those last year's approved document gives. */
export function matchesLastYear(prior: PriorYear | undefined, approved: PriorYear): boolean {
  return prior !== undefined && PRIOR_YEAR_LINKS.every((link) => sameAmount(link.read(prior), link.read(approved)));
}

function FillFromLastYear({ year, approved, onChange }: { year: number; approved: PriorYear; onChange: (priorYear: PriorYear) => void }) {
  const { readOnly } = useEditor();
  if (readOnly) return null;
  return <button type="button" className="list-add" onClick={() => onChange(approved)}>按上年决算填入（{year} 年度已批复数）</button>;
}

function PriorYearFigures({ doc, previousYear, onChange }: PriorProps) {
  const prior = doc.comparisons.priorYear;
  const year = doc.fiscalYear - 1;
  const approved = useMemo(() => (previousYear ? priorYearOf(previousYear) : undefined), [previousYear]);
  if (!prior) {
    return (
      <fieldset className="section-group">
        <legend>{year} 年度决算数（上年数）</legend>
        {approved ? (
          <>
            <p className="section-note">未填上年数。上年数须取 {year} 年度已批复的决算数。</p>
            <FillFromLastYear year={year} approved={approved} onChange={onChange} />
          </>
        ) : (
          <>
            <p className="section-note">未填上年数（本年新设立的部门没有上年数）。</p>
            <AddButton label="填写上年数" onAdd={() => onChange({})} />
          </>
        )}
      </fieldset>
    );
  }
  const three = prior.threePublicExpenses ?? {};
  const set = (next: Partial<PriorYear>) => onChange(withoutUndefined({ ...prior, ...next }));
  const fromLastYear = approved !== undefined;
  return (
    <fieldset className="section-group">
      <legend>{year} 年度决算数（上年数）</legend>
      {approved && matchesLastYear(prior, approved) ? <p className="section-note">以下数字取自 {year} 年度已批复的决算，不能在此修改。</p> : null}
      {approved && !matchesLastYear(prior, approved) ? (
        <div className="section-note" role="group" aria-label="上年数与上年决算不一致">
          <p>以下上年数与 {year} 年度已批复的决算不一致，不能在此修改；请按上年决算填入。</p>
          <FillFromLastYear year={year} approved={approved} onChange={onChange} />
        </div>
      ) : null}
      <ReadOnlyScope active={fromLastYear}>
      <div className="field-grid">
        {PRIOR_FIGURES.map(([key, label, signed]) => (
          <OptionalAmountField key={key} label={label} path={`comparisons.priorYear.${key}`} value={prior[key]} signed={signed}
            onChange={(value) => set({ [key]: value })} />
        ))}
        {PRIOR_THREE.map(([key, label]) => (
          <OptionalAmountField key={key} label={label} path={`comparisons.priorYear.threePublicExpenses.${key}`} value={three[key]}
            onChange={(value) => {
              const next = withoutUndefined({ ...three, [key]: value });
              set({ threePublicExpenses: Object.keys(next).length > 0 ? next : undefined });
            }} />
        ))}
      </div>
      </ReadOnlyScope>
      {!fromLastYear ? <RemoveButton what="（本年新设立的部门没有上年数）" text="不填上年数" onRemove={() => onChange(undefined)} /> : null}
    </fieldset>
  );
}
