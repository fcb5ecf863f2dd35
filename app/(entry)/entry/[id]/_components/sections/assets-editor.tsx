'use client';
// 国有资产占用情况: vehicles by kind as the narrative lists them, and the equipment counts the
// template prints (单价50万元以上通用设备 / 100万元以上专用设备, or 100万元以上设备).
import { wordingFor } from '@/lib/accounts/narrative-check/wording';
import { VEHICLE_KINDS, type TFinalAccounts } from '@/lib/accounts/schema';
import { EditorFrame } from './editor-context';
import { CountField } from './fields';
import { sumCounts } from './figures';
import type { SectionEditorProps } from './types';

type Assets = TFinalAccounts['assets'];
type VehicleKind = (typeof VEHICLE_KINDS)[number];

const VEHICLE_LABELS: Readonly<Record<Exclude<VehicleKind, 'ministerialLeaders'>, string>> = {
  principalLeaders: '主要领导干部用车',
  confidentialCommunications: '机要通信用车',
  emergency: '应急保障用车',
  lawEnforcement: '执法执勤用车',
  specialTechnical: '特种专业技术用车',
  retiredCadres: '离退休干部用车',
  other: '其他用车',
};

export function AssetsEditor({ doc, template, readOnly, onChange, highlighted }: SectionEditorProps) {
  const a = doc.assets;
  const set = (next: Partial<Assets>) => onChange({ assets: { ...a, ...next } });
  const label = (kind: VehicleKind) => (kind === 'ministerialLeaders' ? wordingFor(template.family).ministerialLeaders : VEHICLE_LABELS[kind]);
  const equipment = (key: 'generalEquipmentOver500k' | 'specialEquipmentOver1m' | 'equipmentOver1m', text: string) => (
    <CountField label={text} path={`assets.${key}`} value={a[key] ?? 0} unit="台（套）" onChange={(value) => set({ [key]: value })} />
  );
  return (
    <EditorFrame title={`国有资产占用情况（截至${doc.fiscalYear}年12月31日）`} readOnly={readOnly} highlighted={highlighted}>
      <fieldset className="section-group">
        <legend>车辆</legend>
        <div className="field-grid">
          <CountField label="共有车辆" path="assets.vehicles" value={a.vehicles} unit="辆"
            hint={`各类用车之和＝${sumCounts(VEHICLE_KINDS.map((kind) => a.vehiclesByKind[kind]))} 辆`} onChange={(vehicles) => set({ vehicles })} />
          {VEHICLE_KINDS.map((kind) => (
            <CountField key={kind} label={label(kind)} path={`assets.vehiclesByKind.${kind}`} value={a.vehiclesByKind[kind]} unit="辆"
              onChange={(value) => set({ vehiclesByKind: { ...a.vehiclesByKind, [kind]: value } })} />
          ))}
        </div>
      </fieldset>
      {template.sections.equipmentByKind || template.sections.equipmentOver1m ? (
        <fieldset className="section-group">
          <legend>设备</legend>
          <div className="field-grid">
            {template.sections.equipmentByKind ? equipment('generalEquipmentOver500k', '单价50万元（含）以上通用设备') : null}
            {template.sections.equipmentByKind ? equipment('specialEquipmentOver1m', '单价100万元（含）以上专用设备') : null}
            {template.sections.equipmentOver1m ? equipment('equipmentOver1m', '单价100万元（含）以上设备（不含车辆）') : null}
          </div>
        </fieldset>
      ) : null}
    </EditorFrame>
  );
}
