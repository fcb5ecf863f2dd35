// 第一部分 概况 and 第四部分 重点工作完成情况 as printed: the department's functions, its units
// (a sentence, and the 序号 / 单位名称 / 备注 table where the layout prints one), its staff, and
// the key-work table.
import type { PartBlock } from '@/lib/accounts/disclosure/parts';
import { TableScroll } from '@/components/accounts/table-frame';

type Block<K extends PartBlock['kind']> = Extract<PartBlock, { kind: K }>;

export function FunctionsBlock({ block }: { block: Block<'functions'> }) {
  return (
    <section>
      <h3 id="overview-functions">{block.heading}</h3>
      {block.items.map((item, index) => <p key={index}>{item}</p>)}
    </section>
  );
}

export function UnitsBlock({ block }: { block: Block<'units'> }) {
  return (
    <section>
      <h3 id="overview-units">{block.heading}</h3>
      <p>{block.text}</p>
      {block.units.length > 0 && (
        <div className="document-table">
          <TableScroll titleId="overview-units">
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">单位名称</th>
                <th scope="col">备注</th>
              </tr>
            </thead>
            <tbody>
              {block.units.map((unit, index) => (
                <tr key={index}>
                  <td className="code">{index + 1}</td>
                  <th scope="row">{unit.name}</th>
                  <td className="text">{unit.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </TableScroll>
        </div>
      )}
    </section>
  );
}

export function StaffBlock({ block }: { block: Block<'staff'> }) {
  return (
    <section>
      <h3 id="overview-staff">{block.heading}</h3>
      {block.lines.map((line) => <p key={line}>{line}</p>)}
    </section>
  );
}

/** The document prints no title above it; its region is named for what it lists. */
export function KeyWorkTable({ block }: { block: Block<'keyWork'> }) {
  return (
    <div className="document-table key-work">
      <TableScroll label="重点工作完成情况表">
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">重要事项</th>
            <th scope="col">工作内容及目标</th>
            <th scope="col">完成情况</th>
          </tr>
        </thead>
        <tbody>
          {block.items.map((work, index) => (
            <tr key={index}>
              <td className="code">{index + 1}</td>
              <th scope="row">{work.item}</th>
              <td className="text">{work.content}</td>
              <td className="text">{work.outcome}</td>
            </tr>
          ))}
        </tbody>
      </TableScroll>
    </div>
  );
}
