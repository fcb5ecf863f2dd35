// A self-evaluation table (部门整体绩效自评表 or 项目自评表) laid out as the Hubei documents print
// it: seven columns — the block's label, 一级指标, 二级指标, 三级指标, 年初目标值（A）, 实际完成值（B）,
// 得分 — with the header lines above the indicators, 总分 and the two statements under them, and
// the layout's 备注. Figures are shown as printed; nothing is recomputed here.
import type { TIndicator, TProject, TSelfEvaluation } from '@/lib/accounts/schema';
import { TableScroll } from '@/components/accounts/table-frame';
import { PROJECT_CHOICES, printedDate } from '@/lib/accounts/disclosure/parts';

const COLUMNS = 7;
const REST = COLUMNS - 1;

interface Props {
  id: string;
  title: string;
  departmentName: string;
  evaluation: TSelfEvaluation;
  /** A project's table; the department-wide one has none. */
  project?: TProject | undefined;
  /** The department-wide table's 基本支出总额 and 项目支出总额, as the tables print them. */
  expenditure?: { basic: string; project: string } | undefined;
  notes: readonly string[];
}

const points = (weight: string | undefined) => (weight === undefined ? '' : `（${weight}分）`);

/** "1、部门预算项目 ☑ 2、区直专项 □ 3、上级转移支付项目 □". */
function choices<K extends keyof typeof PROJECT_CHOICES>(kind: K, chosen: string): string {
  return PROJECT_CHOICES[kind].map(([value, label], index) => `${index + 1}、${label} ${value === chosen ? '☑' : '□'}`).join(' ');
}

/** Consecutive indicators of one 一级指标 share its cell. */
function level1Spans(indicators: readonly TIndicator[]): number[] {
  return indicators.map((indicator, index) => {
    if (index > 0 && indicators[index - 1]?.level1 === indicator.level1) return 0;
    let span = 1;
    while (indicators[index + span]?.level1 === indicator.level1) span++;
    return span;
  });
}

function ProjectLines({ project }: { project: TProject }) {
  return (
    <>
      <tr>
        <th scope="row">项目名称</th>
        <td colSpan={REST}>{project.name}</td>
      </tr>
      <tr>
        <th scope="row">主管部门</th>
        <td colSpan={2}>{project.supervisingDepartment}</td>
        <th scope="row">项目实施单位</th>
        <td colSpan={3}>{project.implementingUnit}</td>
      </tr>
      <tr>
        <th scope="row">项目类别</th>
        <td colSpan={REST}>{choices('category', project.category)}</td>
      </tr>
      <tr>
        <th scope="row">项目属性</th>
        <td colSpan={REST}>{choices('attribute', project.attribute)}</td>
      </tr>
      <tr>
        <th scope="row">项目类型</th>
        <td colSpan={REST}>{choices('type', project.type)}</td>
      </tr>
    </>
  );
}

export function SelfEvaluationTable({ id, title, departmentName, evaluation, project, expenditure, notes }: Props) {
  const { execution } = evaluation;
  const titleId = `${id}-title`;
  const level1Weight = (level1: string) => evaluation.level1Weights?.find((w) => w.level1 === level1)?.weight;
  const performanceLabel = evaluation.performanceWeight ? `年度绩效（${evaluation.performanceWeight}分）` : '年度绩效指标';

  return (
    <section className="accounts-table self-evaluation" id={id}>
      <div className="table-head">
        <h4 id={titleId}>{title}</h4>
        <p className="table-meta">
          <span>单位名称：{departmentName}</span>
          {evaluation.filledOn && <span>填报日期：{printedDate(evaluation.filledOn)}</span>}
        </p>
      </div>
      <TableScroll titleId={titleId}>
          <tbody>
            {project ? (
              <ProjectLines project={project} />
            ) : (
              <>
                <tr>
                  <th scope="row">单位名称</th>
                  <td colSpan={REST}>{departmentName}</td>
                </tr>
                {expenditure && (
                  <tr>
                    <th scope="row">基本支出总额</th>
                    <td colSpan={2}>{expenditure.basic}</td>
                    <th scope="row">项目支出总额</th>
                    <td colSpan={3}>{expenditure.project}</td>
                  </tr>
                )}
              </>
            )}
            <tr>
              <th scope="rowgroup" rowSpan={2}>预算执行情况（万元）{points(execution.weight)}</th>
              <td colSpan={2} />
              <th scope="col">预算数（A）</th>
              <th scope="col">执行数（B）</th>
              <th scope="col">执行率（B/A）</th>
              <th scope="col">得分（{execution.weight}分*执行率）</th>
            </tr>
            <tr>
              <th scope="row" colSpan={2}>{project ? '年度财政资金总额' : '部门整体支出总额'}</th>
              <td>{execution.budget}</td>
              <td>{execution.executed}</td>
              <td>{execution.rate}</td>
              <td>{execution.score}</td>
            </tr>
            {evaluation.goals.map((goal, goalIndex) => {
              const spans = level1Spans(goal.indicators);
              return [
                goal.title && (
                  <tr key={`goal-${goalIndex}`}>
                    <th scope="row">{goal.title}：{points(goal.weight)}</th>
                    <td colSpan={REST}>{goal.description}</td>
                  </tr>
                ),
                <tr key={`head-${goalIndex}`}>
                  <th scope="rowgroup" rowSpan={goal.indicators.length + 1}>{performanceLabel}</th>
                  <th scope="col">一级指标</th>
                  <th scope="col">二级指标</th>
                  <th scope="col">三级指标</th>
                  <th scope="col">年初目标值（A）</th>
                  <th scope="col">实际完成值（B）</th>
                  <th scope="col">得分</th>
                </tr>,
                ...goal.indicators.map((indicator, index) => (
                  <tr key={`${goalIndex}-${index}`}>
                    {spans[index] ? (
                      <th scope="rowgroup" rowSpan={spans[index]}>{indicator.level1}{points(level1Weight(indicator.level1))}</th>
                    ) : null}
                    <td>{indicator.level2}{points(indicator.weight)}</td>
                    <th scope="row">{indicator.name}</th>
                    <td>{indicator.target}</td>
                    <td>{indicator.actual}</td>
                    <td>{indicator.score}</td>
                  </tr>
                )),
              ];
            })}
            <tr className="total">
              <th scope="row">总分</th>
              <td colSpan={REST}>{evaluation.totalScore}</td>
            </tr>
            <tr>
              <th scope="row">偏差大或目标未完成原因分析</th>
              <td colSpan={REST}>{evaluation.deviationReason}</td>
            </tr>
            <tr>
              <th scope="row">改进措施及结果应用方案</th>
              <td colSpan={REST}>{evaluation.improvementPlan}</td>
            </tr>
          </tbody>
      </TableScroll>
      {notes.length > 0 && (
        <div className="table-note">
          <p>备注：</p>
          {notes.map((note) => <p key={note}>{note}</p>)}
        </div>
      )}
    </section>
  );
}
