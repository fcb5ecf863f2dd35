'use client';
// The check panel: the engine's findings on the figures as she sees them, grouped by table (then
// 情况说明, 绩效, 跨年度), blocking first. Each finding links to its cells; each warning takes an
// explanation (出错说明), which submission requires.
import { explanationKey } from '@/lib/accounts/explanations';
import type { Finding } from '@/lib/accounts/findings';
import type { Template } from '@/lib/accounts/templates';
import { groupFindings, highlightsOf } from '../_lib/finding-groups';
import { ExplanationBox } from './explanation-box';

interface Props {
  template: Template;
  findings: readonly Finding[];
  /** True while an edit is not yet checked: the findings are those of the figures before it. */
  checking: boolean;
  explanations: ReadonlyMap<string, string>;
  /** The anchor that keys a finding's explanation. */
  anchorOf: (finding: Finding) => string;
  readOnly: boolean;
  onShow: (finding: Finding) => void;
  onSaveExplanation: (finding: Finding, text: string) => Promise<string | undefined>;
}

export function CheckPanel({ template, findings, checking, explanations, anchorOf, readOnly, onShow, onSaveExplanation }: Props) {
  const groups = groupFindings(findings, template);
  const blocking = findings.filter((f) => f.severity === 'blocking').length;
  const warnings = findings.filter((f) => f.severity === 'warning');
  const unexplained = warnings.filter((f) => !explanations.get(explanationKey(f.rule, anchorOf(f)))?.trim()).length;

  return (
    <aside className="check-panel" aria-labelledby="check-panel-title">
      <h2 id="check-panel-title">审核结果</h2>
      <p className="check-counts" role="status" aria-live="polite">
        {findings.length === 0 ? (
          '未发现问题'
        ) : (
          <>
            <span className="count blocking">强制性问题 {blocking} 个</span>
            <span className="count warning">提示性问题 {warnings.length} 个{unexplained > 0 ? `（${unexplained} 个未说明）` : ''}</span>
          </>
        )}
        {checking && <span className="checking">正在审核…</span>}
      </p>
      {groups.map((group) => (
        <section key={group.key} className="finding-group" aria-label={group.label}>
          <h3>
            {group.label}
            <span className="group-count">{group.findings.length}</span>
          </h3>
          <ol className="findings">
            {group.findings.map((finding) => {
              const key = explanationKey(finding.rule, anchorOf(finding));
              return (
                <li key={key} className={`finding ${finding.severity}`}>
                  <p className="finding-message">
                    <span className="severity">{finding.severity === 'blocking' ? '强制' : '提示'}</span>
                    {finding.message}
                  </p>
                  <p className="finding-citation">{finding.citation}</p>
                  {highlightsOf(finding).length > 0 && (
                    <button type="button" className="link-button" onClick={() => onShow(finding)}>
                      {finding.location ? '查看相关语句' : '查看相关单元格'}
                    </button>
                  )}
                  {finding.severity === 'warning' && (
                    <ExplanationBox
                      saved={explanations.get(key) ?? ''}
                      readOnly={readOnly}
                      onSave={(text) => onSaveExplanation(finding, text)}
                    />
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </aside>
  );
}
