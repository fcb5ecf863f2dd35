// 与预算、上年比较: each line's figure beside its budget and its previous-year figure, with the
// difference and the rate; a line that is a cell of the tables links to it.
import type { ComparisonLine } from '../../_lib/comparisons';

interface Props {
  budget: readonly ComparisonLine[];
  priorYear: readonly ComparisonLine[];
  /** Whether the previous year's figures come from last year's approved accounts. */
  hasPreviousYear: boolean;
  onShow: (anchor: string) => void;
}

function Lines({ caption, lines, baseLabel, rateLabel, onShow }: { caption: string; lines: readonly ComparisonLine[]; baseLabel: string; rateLabel: string; onShow: Props['onShow'] }) {
  return (
    <div className="table-scroll">
      <table className="listing comparison-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">{baseLabel}</th>
            <th scope="col">决算数</th>
            <th scope="col">差额</th>
            <th scope="col">{rateLabel}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.label}>
              <th scope="row">
                {line.cell ? <button type="button" className="link-button" onClick={() => onShow(line.cell ?? '')}>{line.label}</button> : line.label}
              </th>
              <td className="amount">{line.base}</td>
              <td className="amount">{line.actual}</td>
              <td className="amount">{line.difference}</td>
              <td className="amount">{line.rate}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ComparisonsView({ budget, priorYear, hasPreviousYear, onShow }: Props) {
  return (
    <section id="comparisons" className="comparisons-view" aria-labelledby="comparisons-title">
      <h2 id="comparisons-title">与预算、上年比较</h2>
      <Lines caption="与年初预算比较（一般公共预算财政拨款支出）" lines={budget} baseLabel="预算数" rateLabel="执行率" onShow={onShow} />
      {priorYear.length === 0 ? (
        <p className="empty-note">没有上年数：上年无已批复的决算，部门也未填写上年数。</p>
      ) : (
        <Lines caption={hasPreviousYear ? '与上年决算比较' : '与上年比较（上年数为部门填写）'} lines={priorYear} baseLabel="上年数" rateLabel="增减率" onShow={onShow} />
      )}
    </section>
  );
}
