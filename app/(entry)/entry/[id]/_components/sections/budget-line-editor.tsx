'use client';
// One line of 一般公共预算财政拨款支出决算具体情况: a functional subject at the template's level
// (类 or 项) with its 年初预算数 and/or 全年预算数, what it was used for and why the final figure
// differs, with the final figure of 表5 and the completion rate beside it.
import { useMemo } from 'react';
import { functionalSubjectsFor } from '@/lib/accounts/classification';
import { AMOUNT_PATTERN, formatAmount, parseAmount } from '@/lib/accounts/money';
import { formatPercentAt, percentOf } from '@/lib/accounts/narrative';
import { wordingFor } from '@/lib/accounts/narrative-check/wording';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import type { Template } from '@/lib/accounts/templates';
import { OptionalAmountField, OptionalTextAreaField, OptionalTextField, ValidatedField, type Codec } from './fields';
import { RemoveButton } from './list-controls';
import type { Parsed } from './parse';
import { withoutUndefined } from './update';

type BudgetLine = TFinalAccounts['comparisons']['initialBudget']['bySubject'][number];

/** The catalogue's subjects at the template's level, as a codec that refuses any other code. */
export function useSubjectCodec(template: Template): Codec<string> {
  return useMemo(() => {
    const digits = template.sections.initialBudgetLevel === 'class' ? 3 : 7;
    const level = digits === 3 ? '类' : '项';
    const subjects = (functionalSubjectsFor(template.fiscalYear) ?? []).filter((s) => s.code.length === digits);
    const known = new Set(subjects.map((s) => s.code));
    const parse = (text: string): Parsed<string> => {
      const code = text.trim();
      if (!new RegExp(`^\\d{${digits}}$`).test(code)) return { ok: false, message: `按${level}级科目填写 ${digits} 位编码，可输入编码或名称查找` };
      if (!known.has(code)) return { ok: false, message: `功能分类科目编码 ${code} 不在 ${template.fiscalYear} 年度科目表中` };
      return { ok: true, value: code };
    };
    return { format: (code) => code, parse, inputMode: 'numeric', suggestions: subjects.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` })) };
  }, [template]);
}

/** 决算数 of the subject in 表5 (合计 column), or undefined when the table has no such row. */
function finalFigure(doc: TFinalAccounts, code: string): string | undefined {
  return doc.tables.generalBudgetExpenditure.rows.find((r) => r.row === code)?.cells.total;
}

interface Props {
  doc: TFinalAccounts;
  template: Template;
  line: BudgetLine;
  index: number;
  codec: Codec<string>;
  onChange: (line: BudgetLine) => void;
  onRemove: () => void;
}

export function BudgetLineEditor({ doc, template, line, index, codec, onChange, onRemove }: Props) {
  const path = `comparisons.initialBudget.bySubject[${index}]`;
  const set = (next: Partial<BudgetLine>) => onChange(withoutUndefined({ ...line, ...next }));
  const subjectName = codec.suggestions?.find((s) => s.value === line.code)?.label.slice(line.code.length + 1);
  const actual = finalFigure(doc, line.code);
  const budget = line.amount ?? line.adjustedBudget;
  const rate = actual !== undefined && budget !== undefined && AMOUNT_PATTERN.test(budget)
    ? percentOf(parseAmount(actual), parseAmount(budget), wordingFor(template.family).decimals) : undefined;
  const what = `第 ${index + 1} 个科目`;
  return (
    <li className="budget-line" aria-label={`${what}：${line.code} ${line.name ?? subjectName ?? ''}`}>
      <div className="field-grid">
        <ValidatedField label="科目编码" path={`${path}.code`} value={line.code} codec={codec} hint={subjectName} onChange={(code) => set({ code })} />
        <OptionalTextField label="科目名称（如与科目表不同）" path={`${path}.name`} value={line.name} onChange={(name) => set({ name })} />
        <OptionalAmountField label="年初预算数" path={`${path}.amount`} value={line.amount} onChange={(amount) => set({ amount })} />
        <OptionalAmountField label="全年预算数" path={`${path}.adjustedBudget`} value={line.adjustedBudget} onChange={(adjustedBudget) => set({ adjustedBudget })} />
      </div>
      <p className="section-sum">
        支出决算（表5）{actual === undefined ? '—' : `${formatAmount(parseAmount(actual))} 万元`}
        {rate === undefined ? '' : `，完成预算的 ${formatPercentAt(rate, wordingFor(template.family).decimals)}`}
      </p>
      <div className="field-grid">
        <OptionalTextAreaField label="主要用于" path={`${path}.purpose`} value={line.purpose} onChange={(purpose) => set({ purpose })} />
        <OptionalTextAreaField label="决算数与预算数差异的主要原因" path={`${path}.explanation`} value={line.explanation}
          onChange={(explanation) => set({ explanation })} />
      </div>
      <RemoveButton what={what} onRemove={onRemove} />
    </li>
  );
}
