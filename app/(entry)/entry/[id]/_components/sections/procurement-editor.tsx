'use client';
// 政府采购支出情况: the total and its goods/works/services, and, as the template prints them, the
// contracts awarded to SMEs or the parts reserved for them. Labels follow the family's wording.
import { wordingFor } from '@/lib/accounts/narrative-check/wording';
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { emptyReserved, ZERO_AMOUNT } from '@/lib/accounts/year-start-sections';
import { EditorFrame } from './editor-context';
import { AmountField } from './fields';
import { sumAmounts } from './figures';
import type { SectionEditorProps } from './types';

type Procurement = TFinalAccounts['procurement'];
type Reserved = NonNullable<Procurement['reserved']>;

const RESERVED_FIELDS: readonly (readonly [keyof Reserved, string])[] = [
  ['forSmes', '面向中小企业预留政府采购项目预算金额'],
  ['forSmallAndMicro', '面向小微企业预留政府采购项目预算金额'],
  ['awardedToSmes', '面向中小企业预留的项目中由中小企业供应商中标或成交的采购金额'],
  ['awardedToSmallAndMicro', '面向小微企业预留的项目中由小微企业供应商中标或成交的采购金额'],
  ['otherAwardedToSmes', '其他政府采购项目中由中小企业供应商中标或成交的采购金额'],
];

export function ProcurementEditor({ doc, template, readOnly, onChange, highlighted }: SectionEditorProps) {
  const p = doc.procurement;
  const set = (next: Partial<Procurement>) => onChange({ procurement: { ...p, ...next } });
  const wording = wordingFor(template.family);
  const [goods, works, services] = wording.procurementKinds;
  const reserved = p.reserved ?? emptyReserved();
  return (
    <EditorFrame title="政府采购支出情况" readOnly={readOnly} highlighted={highlighted}>
      <fieldset className="section-group">
        <legend>政府采购金额</legend>
        <div className="field-grid">
          <AmountField label={wording.procurementTotal.replace(/为$/, '')} path="procurement.total" value={p.total}
            hint={`货物＋工程＋服务＝${sumAmounts([p.goods, p.works, p.services])} 万元`} onChange={(total) => set({ total })} />
          <AmountField label={goods} path="procurement.goods" value={p.goods} onChange={(value) => set({ goods: value })} />
          <AmountField label={works} path="procurement.works" value={p.works} onChange={(value) => set({ works: value })} />
          <AmountField label={services} path="procurement.services" value={p.services} onChange={(value) => set({ services: value })} />
        </div>
      </fieldset>
      {template.sections.procurementAwards ? (
        <fieldset className="section-group">
          <legend>授予中小企业合同金额</legend>
          <div className="field-grid">
            <AmountField label="授予中小企业合同金额" path="procurement.toSmes" value={p.toSmes ?? ZERO_AMOUNT} onChange={(toSmes) => set({ toSmes })} />
            <AmountField label="其中：授予小微企业合同金额" path="procurement.toSmallAndMicro" value={p.toSmallAndMicro ?? ZERO_AMOUNT}
              onChange={(toSmallAndMicro) => set({ toSmallAndMicro })} />
          </div>
        </fieldset>
      ) : null}
      {template.sections.procurementReserved ? (
        <fieldset className="section-group">
          <legend>面向中小企业预留政府采购项目情况</legend>
          <div className="field-grid">
            {RESERVED_FIELDS.map(([key, label]) => (
              <AmountField key={key} label={label} path={`procurement.reserved.${key}`} value={reserved[key]}
                onChange={(value) => set({ reserved: { ...reserved, [key]: value } })} />
            ))}
          </div>
        </fieldset>
      ) : null}
    </EditorFrame>
  );
}
