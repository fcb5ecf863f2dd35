'use client';
// “三公”经费 details printed beside 表7 (团组、人次、车辆、接待批次), where the template has them,
// and 机关运行经费. The amounts of 表7 itself are entered in its grid; they are shown here for reference.
import type { TFinalAccounts } from '@/lib/accounts/schema';
import { TOTAL_ROW } from '@/lib/accounts/templates';
import { emptyThreePublicExpenses } from '@/lib/accounts/year-start-sections';
import { EditorFrame } from './editor-context';
import { AmountField, CountField, TextAreaField } from './fields';
import { sumAmounts } from './figures';
import type { SectionEditorProps } from './types';

type Details = NonNullable<TFinalAccounts['threePublicExpenses']>;
type Trips = Details['overseasTrips'];
type Receptions = Details['receptions'];

const TRIP_AMOUNTS: readonly (readonly [Exclude<keyof Trips, 'groups' | 'people'>, string])[] = [
  ['accommodation', '住宿费'], ['travel', '旅费'], ['meals', '伙食补助费'], ['training', '培训费'], ['miscellaneous', '杂费'],
];

const RECEPTION_KINDS: readonly (readonly [keyof Receptions, string])[] = [
  ['international', '国际访问'], ['largeEvents', '大型活动'], ['otherProvinces', '外省市交流接待'],
];

/** A figure of 表7's 合计 row as printed, or 空白. */
function tableCell(doc: TFinalAccounts, column: string): string {
  const text = doc.tables.threePublicExpensesTable.rows.find((r) => r.row === TOTAL_ROW)?.cells[column];
  return text === undefined ? '空白' : `${sumAmounts([text])} 万元`;
}

export function ThreePublicEditor({ doc, template, readOnly, onChange, highlighted }: SectionEditorProps) {
  // A document of a layout that prints the details but has none yet: the core's empty ones (the scope hers to write).
  const details = doc.threePublicExpenses ?? (template.sections.threePublicExpensesDetails ? emptyThreePublicExpenses() : undefined);
  return (
    <EditorFrame title="“三公”经费和机关运行经费" readOnly={readOnly} highlighted={highlighted}>
      {template.sections.threePublicExpensesDetails && details ? (
        <DetailsEditor doc={doc} details={details} set={(next) => onChange({ threePublicExpenses: { ...details, ...next } })} />
      ) : (
        <p className="section-note">{template.name}不单列“三公”经费明细；“三公”经费金额在“三公”经费支出决算表中填写。</p>
      )}
      <fieldset className="section-group">
        <legend>机关运行经费</legend>
        <div className="field-grid">
          <AmountField label="机关运行经费支出" path="agencyOperatingCosts" value={doc.agencyOperatingCosts}
            onChange={(agencyOperatingCosts) => onChange({ agencyOperatingCosts })} />
        </div>
      </fieldset>
    </EditorFrame>
  );
}

function DetailsEditor({ doc, details, set }: { doc: TFinalAccounts; details: Details; set: (next: Partial<Details>) => void }) {
  const trips = details.overseasTrips;
  const receptions = details.receptions;
  return (
    <>
      <fieldset className="section-group">
        <legend>“三公”经费的单位范围</legend>
        <TextAreaField label="有一般公共预算财政拨款预算安排“三公”经费的单位" path="threePublicExpenses.scope" value={details.scope}
          onChange={(scope) => set({ scope })} />
      </fieldset>
      <fieldset className="section-group">
        <legend>因公出国（境）费</legend>
        <div className="field-grid">
          <CountField label="因公出国（境）团组" path="threePublicExpenses.overseasTrips.groups" value={trips.groups} unit="个"
            onChange={(groups) => set({ overseasTrips: { ...trips, groups } })} />
          <CountField label="因公出国（境）人次" path="threePublicExpenses.overseasTrips.people" value={trips.people} unit="人次"
            onChange={(people) => set({ overseasTrips: { ...trips, people } })} />
          {TRIP_AMOUNTS.map(([key, label]) => (
            <AmountField key={key} label={label} path={`threePublicExpenses.overseasTrips.${key}`} value={trips[key]}
              onChange={(value) => set({ overseasTrips: { ...trips, [key]: value } })} />
          ))}
        </div>
        <p className="section-sum">
          实际发生支出（各项之和）{sumAmounts(TRIP_AMOUNTS.map(([key]) => trips[key]))} 万元；“三公”经费支出决算表 因公出国（境）费 {tableCell(doc, 'actualOverseasTrips')}
        </p>
      </fieldset>
      <fieldset className="section-group">
        <legend>公务用车</legend>
        <div className="field-grid">
          <CountField label="本年度购置（更新）公务用车" path="threePublicExpenses.vehiclesPurchased" value={details.vehiclesPurchased} unit="辆"
            onChange={(vehiclesPurchased) => set({ vehiclesPurchased })} />
          <CountField label="年末开支财政拨款的公务用车保有量" path="threePublicExpenses.vehiclesHeld" value={details.vehiclesHeld} unit="辆"
            onChange={(vehiclesHeld) => set({ vehiclesHeld })} />
        </div>
      </fieldset>
      <fieldset className="section-group">
        <legend>公务接待</legend>
        {RECEPTION_KINDS.map(([key, label]) => {
          const kind = receptions[key];
          const put = (next: Partial<typeof kind>) => set({ receptions: { ...receptions, [key]: { ...kind, ...next } } });
          return (
            <div key={key} className="field-grid field-row" role="group" aria-label={label}>
              <CountField label={`${label} 批次`} path={`threePublicExpenses.receptions.${key}.batches`} value={kind.batches} unit="批次"
                onChange={(batches) => put({ batches })} />
              <CountField label={`${label} 人次`} path={`threePublicExpenses.receptions.${key}.people`} value={kind.people} unit="人次"
                onChange={(people) => put({ people })} />
              <AmountField label={`${label} 实际发生支出`} path={`threePublicExpenses.receptions.${key}.amount`} value={kind.amount}
                onChange={(amount) => put({ amount })} />
            </div>
          );
        })}
        <p className="section-sum">
          三类接待支出之和 {sumAmounts(RECEPTION_KINDS.map(([key]) => receptions[key].amount))} 万元；“三公”经费支出决算表 公务接待费 {tableCell(doc, 'actualReceptions')}
        </p>
      </fieldset>
    </>
  );
}
