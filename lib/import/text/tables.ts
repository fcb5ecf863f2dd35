// The nine tables read from their regions, by the template's row kind: lines tables by their
// printed labels (and 行次 where printed), functional tables by classification code, the
// economic table by economic code (two or three column groups on one line), the 三公 table as
// one row. Figures go to columns by placement.ts; whatever has no place is reported.

import { parseAmount, type Cents } from '../../accounts/money';
import type { TTableRow } from '../../accounts/schema';
import { findFunctionalSubject, functionalSubjectsFor, parentCode } from '../../accounts/classification';
import {
  OPERATING_TOTAL_ROW, PERSONNEL_TOTAL_ROW, TOTAL_ROW, type TableKind, type TableTemplate, type Template,
} from '../../accounts/templates';
import { isFigure, normalise, tokenize, type ImportProblem, type TextLine, type Token } from './lines';
import { figure, placeFigures, type Figure, type Slot, type SumConstraint } from './placement';
import type { TableRegion } from './regions';

export interface ImportedTable {
  rows: TTableRow[];
  statement?: string;
}

interface RowReading {
  key: string;
  name?: string;
  line: number;
  figures: Figure[];
}

type Hints = ReadonlyMap<string, ReadonlyMap<string, Cents>>;

const where = (table: TableTemplate) => `「${table.title}」`;

function readFigure(token: Token, problems: ImportProblem[], table: TableTemplate): Figure | undefined {
  try {
    return figure(token.text, token.line);
  } catch {
    problems.push({ line: token.line, reason: `${where(table)}："${token.text}" 不是金额，未读入` });
    return undefined;
  }
}

/** The template's identities as constraints over the rows read. */
function identityConstraints(table: TableTemplate, rows: readonly RowReading[]): SumConstraint[] {
  const constraints: SumConstraint[] = [];
  const columnsOf = (key: string) => table.rows.find((r) => r.key === key)?.columns ?? table.columns.map((c) => c.key);
  for (const identity of table.identities) {
    if (identity.kind === 'rows') {
      for (const column of identity.columns) {
        constraints.push({ target: { row: identity.target, column }, terms: identity.terms.map((t) => ({ row: t.key, column, sign: t.sign })) });
      }
    } else {
      for (const row of rows) {
        const columns = columnsOf(row.key);
        if (!columns.includes(identity.target) || !identity.terms.every((t) => columns.includes(t.key))) continue;
        constraints.push({ target: { row: row.key, column: identity.target }, terms: identity.terms.map((t) => ({ row: row.key, column: t.key, sign: t.sign })) });
      }
    }
  }
  return constraints;
}

/** 合计 = Σ类, 类 = Σ款, 款 = Σ项 (economic: 类 = Σ款), for the rows printed. */
function rollUpConstraints(table: TableTemplate, rows: readonly RowReading[]): SumConstraint[] {
  const children = new Map<string, string[]>();
  for (const row of rows) {
    if (!/^\d+$/.test(row.key)) continue;
    const parent = table.rowKind === 'economic' ? (row.key.length === 5 ? row.key.slice(0, 3) : undefined) : (parentCode(row.key) ?? TOTAL_ROW);
    if (parent === undefined) continue;
    children.set(parent, [...(children.get(parent) ?? []), row.key]);
  }
  const present = new Set(rows.map((r) => r.key));
  const constraints: SumConstraint[] = [];
  for (const [parent, keys] of children) {
    if (!present.has(parent)) continue;
    for (const column of table.columns) {
      constraints.push({ target: { row: parent, column: column.key }, terms: keys.map((key) => ({ row: key, column: column.key, sign: 1 as const })) });
    }
  }
  return constraints;
}

/**
 * The 三公 table's tie-break when the arithmetic cannot tell which item a lone figure is (budget
 * total and one item equal): 公务接待费 is the item most often budgeted alone, then the vehicles'
 * operation. Such a placement is still reported for checking.
 */
const THREE_PUBLIC_PREFERENCE = ['Total', 'Receptions', 'VehicleOperation', 'Vehicles', 'VehiclePurchase', 'OverseasTrips']
  .flatMap((item) => [`budget${item}`, `actual${item}`]);

function place(table: TableTemplate, rows: readonly RowReading[], extra: readonly SumConstraint[], hints: Hints | undefined, problems: ImportProblem[]): Map<string, Map<string, Figure>> {
  const columnsOf = (key: string) => table.rows.find((r) => r.key === key)?.columns ?? table.columns.map((c) => c.key);
  const preference = table.kind === 'threePublicExpensesTable' ? { preference: THREE_PUBLIC_PREFERENCE } : {};
  const slots: Slot[] = rows.map((row) => {
    const rowHints = hints?.get(row.key);
    return { row: row.key, columns: columnsOf(row.key), figures: row.figures, line: row.line, ...(rowHints ? { hints: rowHints } : {}), ...preference };
  });
  const placement = placeFigures(slots, [...identityConstraints(table, rows), ...extra]);
  const printed = (slot: Slot) => slot.figures.map((f) => f.text ?? '-').join(' ');
  if (placement.relaxed) {
    problems.push({ line: rows[0]?.line ?? 0, reason: `${where(table)}：合计与各行之和不符，超出舍位误差（可能缺行、多行或有数印错）；各数只按本行的关系放置，请核对原表` });
  }
  for (const slot of placement.unresolved) {
    const reason = slot.figures.length > slot.columns.length
      ? `此行印有 ${slot.figures.length} 个数（${printed(slot)}），多于 ${slot.columns.length} 栏，无法对应，未读入`
      : `此行的 ${slot.figures.length} 个数（${printed(slot)}）无论放在哪几栏都不合表内勾稽关系，无法确定所在栏，未读入`;
    problems.push({ line: slot.line, reason: `${where(table)} ${rowName(table, slot.row)}：${reason}` });
  }
  for (const slot of placement.ambiguous) {
    const cells = placement.cells.get(slot.row);
    const columns = [...(cells?.keys() ?? [])].map((key) => table.columns.find((c) => c.key === key)?.label ?? key).join('、');
    problems.push({ line: slot.line, reason: `${where(table)} ${rowName(table, slot.row)}：空栏未印出，${slot.figures.length} 个数（${printed(slot)}）可放在不止一种栏位而都合勾稽关系，已放在「${columns}」（${table.kind === 'threePublicExpensesTable' ? '按公务接待费、公务用车、因公出国（境）的次序' : '按从左到右的次序'}），请核对原表` });
  }
  return placement.cells;
}

function rowName(table: TableTemplate, key: string): string {
  if (key === TOTAL_ROW) return '合计行';
  const label = table.rows.find((r) => r.key === key)?.label;
  return label ? `「${label}」行` : `${key} 行`;
}

function toRows(order: readonly RowReading[], cells: Map<string, Map<string, Figure>>, named: boolean): TTableRow[] {
  const rows: TTableRow[] = [];
  for (const reading of order) {
    const placed = cells.get(reading.key);
    if (!placed || placed.size === 0) continue;
    const out: Record<string, string> = {};
    for (const [column, f] of placed) if (f.text !== undefined) out[column] = f.text;
    if (Object.keys(out).length === 0) continue;
    rows.push({ row: reading.key, ...(named && reading.name ? { name: reading.name } : {}), cells: out });
  }
  return rows;
}

// ---- lines tables (收入支出决算总表, 财政拨款收入支出决算总表) ----

function readLinesTable(table: TableTemplate, tokens: readonly Token[], hints: Hints | undefined, problems: ImportProblem[]): TTableRow[] {
  const labelled = table.rows.filter((r) => r.label !== '').map((r, order) => ({ row: r, order, label: normalise(r.label) }));
  const byNumber = new Map(table.rows.filter((r) => r.number !== undefined).map((r) => [r.number, r]));
  const used = new Set<string>();
  const numbersSeen = new Set<string>();
  const readings = new Map<string, RowReading>();
  let current: RowReading | undefined;
  let buffer: Token[] = [];

  const select = (key: string, line: number) => {
    current = readings.get(key) ?? { key, line, figures: [] };
    readings.set(key, current);
  };
  const flush = () => {
    if (buffer.length === 0) return;
    let text = '';
    const lineAt: number[] = [];
    for (const token of buffer) {
      const part = normalise(token.text);
      text += part;
      for (let k = 0; k < part.length; k += 1) lineAt.push(token.line);
    }
    buffer = [];
    let i = 0;
    let junk = '';
    while (i < text.length) {
      let best: (typeof labelled)[number] | undefined;
      for (const candidate of labelled) {
        if (used.has(candidate.row.key) || !text.startsWith(candidate.label, i)) continue;
        if (!best || candidate.label.length > best.label.length) best = candidate;
      }
      if (best) {
        used.add(best.row.key);
        select(best.row.key, lineAt[i] ?? 0);
        i += best.label.length;
        junk = '';
        // A parenthesised addition to a label ("（含专用结余）") belongs to it.
        const paren = /^（[^）]*）/.exec(text.slice(i));
        if (paren) i += paren[0].length;
      } else {
        junk += text[i];
        i += 1;
      }
    }
    // Unknown words after a label: the figures that follow are not that label's.
    if (junk.length >= 2 && current) {
      problems.push({ line: lineAt[text.length - 1] ?? 0, reason: `${where(table)}：不认识的行名「${junk}」，其后的数未读入` });
      current = undefined;
    }
  };

  for (const token of tokens) {
    if (!isFigure(token.text)) {
      buffer.push(token);
      continue;
    }
    flush();
    const numbered = /^\d+$/.test(token.text) ? byNumber.get(token.text) : undefined;
    if (numbered && !numbersSeen.has(token.text)) {
      numbersSeen.add(token.text);
      used.add(numbered.key);
      select(numbered.key, token.line);
      continue;
    }
    if (!current) {
      problems.push({ line: token.line, reason: `${where(table)}：数 ${token.text} 前没有可认的行名，未读入` });
      continue;
    }
    const f = readFigure(token, problems, table);
    if (f) current.figures.push(f);
  }
  flush();
  // Totals every layout prints: without them the table was cut (a layout may leave out class lines).
  const totals = new Set(table.identities.flatMap((identity) => (identity.kind === 'rows' ? [identity.target] : [])));
  const missing = table.rows.filter((r) => totals.has(r.key) && !used.has(r.key));
  if (missing.length > 0 && tokens.length > 0) {
    const names = missing.slice(0, 6).map((r) => r.label).join('、');
    problems.push({
      line: tokens[tokens.length - 1]?.line ?? 0,
      reason: `${where(table)}不完整（可能被截断）：找不到 ${missing.length} 行：${names}${missing.length > 6 ? ' 等' : ''}`,
      damaged: true,
    });
  }
  const ordered = table.rows.map((r) => readings.get(r.key)).filter((r): r is RowReading => r !== undefined && r.figures.length > 0);
  const cells = place(table, ordered, [], hints, problems);
  return toRows(ordered, cells, false);
}

// ---- functional tables ----

const CLASS = /^\d{3}$/;
const PART = /^\d{2}$/;
const WHOLE = /^(\d{5}|\d{7})$/;

/** A classification code starting at tokens[i], whole or spaced ("201 06 01"), and how many tokens it takes. */
function codeAt(tokens: readonly Token[], i: number, parts: number): { code: string; length: number } | undefined {
  const text = tokens[i]?.text ?? '';
  let code: string;
  let length = 1;
  if (WHOLE.test(text)) code = text;
  else if (CLASS.test(text)) {
    code = text;
    while (length <= parts && PART.test(tokens[i + length]?.text ?? '') && tokens[i + length]?.line === tokens[i]?.line) {
      code += tokens[i + length]?.text;
      length += 1;
    }
  } else return undefined;
  // A code is followed by its name; a number followed by a number is a figure.
  const next = tokens[i + length]?.text;
  if (next !== undefined && isFigure(next)) return undefined;
  return { code, length };
}

function isTotalAt(tokens: readonly Token[], i: number): number {
  const text = tokens[i]?.text;
  if (text === '合计') return 1;
  if (text === '合' && tokens[i + 1]?.text === '计') return 2;
  return 0;
}

function readFunctionalTable(table: TableTemplate, fiscalYear: number, tokens: readonly Token[], hints: Hints | undefined, problems: ImportProblem[]): TTableRow[] {
  const catalogue = new Set((functionalSubjectsFor(fiscalYear) ?? []).map((s) => s.code));
  const readings: (RowReading & { nameParts: string[] })[] = [];
  let current: (RowReading & { nameParts: string[] }) | undefined;
  // The figures of a row already reported as not read are not reported again.
  let skipping = false;
  const seen = new Set<string>();
  const start = (key: string, line: number) => {
    skipping = false;
    if (seen.has(key)) {
      problems.push({ line, reason: `${where(table)}：${key === TOTAL_ROW ? '合计行' : `科目 ${key}`} 第二次出现（表可能被截断或与他表混接），此行未读入` });
      current = undefined;
      return;
    }
    seen.add(key);
    current = { key, line, figures: [], nameParts: [] };
    readings.push(current);
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const total = isTotalAt(tokens, i);
    if (total > 0) {
      const next = tokens[i + total]?.text;
      // "合计" among the column headings, before any row, is a heading.
      if (next !== undefined && !isFigure(next) && readings.length === 0) continue;
      start(TOTAL_ROW, token.line);
      i += total - 1;
      continue;
    }
    const code = codeAt(tokens, i, 2);
    if (code) {
      i += code.length - 1;
      if (!catalogue.has(code.code)) {
        problems.push({ line: token.line, reason: `${where(table)}：功能分类科目编码 ${code.code} 不在 ${fiscalYear} 年度科目表中，此行未读入` });
        current = undefined;
        skipping = true;
        continue;
      }
      start(code.code, token.line);
      continue;
    }
    if (isFigure(token.text)) {
      if (current) {
        const f = readFigure(token, problems, table);
        if (f) current.figures.push(f);
      } else if (readings.length > 0 && !skipping) {
        problems.push({ line: token.line, reason: `${where(table)}：数 ${token.text} 不属于任何科目行，未读入` });
      }
      continue;
    }
    if (current && current.figures.length === 0 && current.key !== TOTAL_ROW) current.nameParts.push(token.text);
    else if (current && current.figures.length > 0) current = undefined;
  }
  const rows = readings.map((r) => ({ ...r, name: r.nameParts.join('') }));
  // A row whose printed name is not its code's: a code line lost, and the figures may be another row's.
  for (const row of rows) {
    const subject = row.key === TOTAL_ROW ? undefined : findFunctionalSubject(fiscalYear, row.key);
    if (subject && row.name !== '' && row.figures.length > 0 && normalise(row.name) !== normalise(subject.name)) {
      problems.push({ line: row.line, reason: `${where(table)}：科目 ${row.key} 印作“${row.name}”，科目表名称为“${subject.name}”（可能丢了一行科目编码），此行的数请核对` });
    }
  }
  checkCut(table, rows, problems);
  const cells = place(table, rows, rollUpConstraints(table, rows), hints, problems);
  return toRows(rows, cells, true);
}

/** A functional table with figures but no 合计 row, or a 类 whose 款 are missing, was cut. */
function checkCut(table: TableTemplate, rows: readonly RowReading[], problems: ImportProblem[]): void {
  if (rows.length === 0) return;
  const keys = new Set(rows.map((r) => r.key));
  const last = rows[rows.length - 1] as RowReading;
  if (!keys.has(TOTAL_ROW) && rows.some((r) => r.figures.length > 0)) {
    problems.push({ line: last.line, reason: `${where(table)}：没有合计行，表不完整（可能被截断）`, damaged: true });
  }
  for (const row of rows) {
    if (row.key === TOTAL_ROW) continue;
    if (row.key.length === 3 && !rows.some((r) => r.key.length === 5 && r.key.startsWith(row.key)) && row.figures.length > 0) {
      problems.push({ line: row.line, reason: `${where(table)}：类 ${row.key} 下没有款级科目，表不完整（可能被截断）`, damaged: true });
    }
    if (row.key.length === 5 && !rows.some((r) => r.key.length === 7 && r.key.startsWith(row.key)) && row.figures.length > 0) {
      problems.push({ line: row.line, reason: `${where(table)}：款 ${row.key} 下没有项级科目，表不完整（可能被截断）`, damaged: true });
    }
  }
}

// ---- the economic table (一般公共预算财政拨款基本支出决算表) ----

const GROUP_TOTALS: readonly (readonly [string, string])[] = [[PERSONNEL_TOTAL_ROW, '人员经费合计'], [OPERATING_TOTAL_ROW, '公用经费合计']];

function readEconomicTable(table: TableTemplate, tokens: readonly Token[], problems: ImportProblem[]): TTableRow[] {
  const codes = new Set(table.rows.map((r) => r.key).filter((key) => /^\d+$/.test(key)));
  const readings = new Map<string, RowReading & { nameParts: string[] }>();
  let current: (RowReading & { nameParts: string[] }) | undefined;
  const start = (key: string, line: number) => {
    if (readings.has(key)) {
      problems.push({ line, reason: `${where(table)}：经济分类科目 ${key} 第二次出现，此行未读入` });
      current = undefined;
      return;
    }
    current = { key, line, figures: [], nameParts: [] };
    readings.set(key, current);
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    const joined = normalise(token.text + (tokens[i + 1]?.text ?? ''));
    const group = GROUP_TOTALS.find(([, label]) => normalise(token.text) === label || joined === label);
    if (group) {
      if (normalise(token.text) !== group[1]) i += 1;
      start(group[0], token.line);
      // The document prints the group total's name (人员经费合计) as it prints a code's.
      current?.nameParts.push(group[1]);
      continue;
    }
    const code = codeAt(tokens, i, 1);
    if (code && (readings.size > 0 || codes.has(code.code))) {
      i += code.length - 1;
      if (!codes.has(code.code)) {
        problems.push({ line: token.line, reason: `${where(table)}：经济分类科目 ${code.code} 不在此表的格式中，此行未读入` });
        current = undefined;
      } else start(code.code, token.line);
      continue;
    }
    if (isFigure(token.text)) {
      if (current) {
        const f = readFigure(token, problems, table);
        if (f) current.figures.push(f);
      } else if (readings.size > 0) {
        problems.push({ line: token.line, reason: `${where(table)}：数 ${token.text} 不属于任何经济分类科目，未读入` });
      }
      continue;
    }
    if (current && current.figures.length === 0) current.nameParts.push(token.text);
    else current = undefined;
  }
  const ordered = table.rows.map((r) => readings.get(r.key)).filter((r): r is RowReading & { nameParts: string[] } => r !== undefined)
    .map((r) => ({ ...r, name: r.nameParts.join('') }));
  // A row whose printed name is not its code's: a code line lost, and the figure may be another row's.
  for (const reading of ordered) {
    const label = table.rows.find((r) => r.key === reading.key)?.label ?? '';
    if (/^\d+$/.test(reading.key) && reading.name !== '' && normalise(reading.name) !== normalise(label) && reading.figures.length > 0) {
      problems.push({ line: reading.line, reason: `${where(table)}：经济分类科目 ${reading.key} 印作“${reading.name}”，科目名称应为“${label}”（可能丢了一行科目编码），此行的数请核对` });
    }
  }
  const totals = GROUP_TOTALS.filter(([key]) => !readings.has(key)).map(([, label]) => label);
  if (totals.length > 0 && readings.size > 0) {
    const last = [...readings.values()].pop();
    problems.push({ line: last?.line ?? 0, reason: `${where(table)}不完整（可能被截断）：找不到 ${totals.join('、')}`, damaged: true });
  }
  const cells = place(table, ordered, rollUpConstraints(table, ordered), undefined, problems);
  return toRows(ordered, cells, true);
}

// ---- the 三公 table: one row ----

function readSingleTable(table: TableTemplate, lines: readonly TextLine[], hints: Hints | undefined, problems: ImportProblem[]): TTableRow[] {
  // The 栏次 line "1 2 3 … 12" is not figures.
  const body = lines.filter((line) => !/^1( \d+)+$/.test(line.text) || !line.text.split(' ').every((n, i) => n === String(i + 1)));
  const figures: Figure[] = [];
  for (const token of tokenize(body)) {
    if (!isFigure(token.text)) continue;
    const f = readFigure(token, problems, table);
    if (f) figures.push(f);
  }
  if (figures.length === 0) return [];
  const reading: RowReading = { key: TOTAL_ROW, line: figures[0]?.line ?? 0, figures };
  const cells = place(table, [reading], [], hints, problems);
  return toRows([reading], cells, false);
}

/** A lines table's column headings repeat its labels ("一般公共预算财政拨款"): its rows start at the first row's label. */
function fromFirstRow(table: TableTemplate, body: readonly TextLine[]): TextLine[] {
  const first = normalise(table.rows[0]?.label ?? '');
  const prefix = first.slice(0, 6);
  const index = body.findIndex((line) => normalise(line.text).startsWith(prefix));
  return index < 0 ? [...body] : body.slice(index);
}

// ---- all nine ----

function centsOf(rows: readonly TTableRow[] | undefined, row: string, column: string): Cents | undefined {
  const text = rows?.find((r) => r.row === row)?.cells[column];
  return text === undefined ? undefined : parseAmount(text);
}

/** Cross-table hints: what another table already read says a column of this one holds. */
function hintsFor(kind: TableKind, read: Partial<Record<TableKind, ImportedTable>>): Hints | undefined {
  const hints = new Map<string, Map<string, Cents>>();
  const set = (row: string, column: string, value: Cents | undefined) => {
    if (value === undefined) return;
    const m = hints.get(row) ?? new Map<string, Cents>();
    m.set(column, value);
    hints.set(row, m);
  };
  const summary = read.incomeExpenditureSummary?.rows;
  if (kind === 'income' && summary) {
    const appropriations = ['generalBudgetAppropriation', 'governmentFundAppropriation', 'stateCapitalAppropriation']
      .map((row) => centsOf(summary, row, 'income') ?? 0n).reduce((a, b) => a + b, 0n);
    set(TOTAL_ROW, 'appropriation', appropriations);
    for (const key of ['higherLevelGrants', 'serviceIncome', 'operatingIncome', 'affiliateRemittances', 'otherIncome']) set(TOTAL_ROW, key, centsOf(summary, key, 'income'));
  }
  const general = read.generalBudgetExpenditure?.rows;
  if (kind === 'expenditure' && general) {
    for (const row of general) for (const column of ['basic', 'project']) set(row.row, column, centsOf(general, row.row, column));
  }
  if (kind === 'appropriationSummary') {
    const sources: [string, readonly TTableRow[] | undefined, string][] = [
      ['generalBudget', general, 'total'], ['governmentFund', read.governmentFund?.rows, 'expenditureTotal'], ['stateCapital', read.stateCapital?.rows, 'expenditureTotal'],
    ];
    for (const [column, rows, sourceColumn] of sources) {
      for (const row of rows ?? []) {
        const key = row.row === TOTAL_ROW ? 'expenditureTotal' : row.row;
        if (key === 'expenditureTotal' || key.length === 3) set(key, column, centsOf(rows, row.row, sourceColumn));
      }
    }
  }
  return hints.size > 0 ? hints : undefined;
}

/** The file line of lines[i], the last line when i is past the end (a text cut short). */
function lineNumber(lines: readonly TextLine[], i: number): number {
  return lines[Math.max(0, Math.min(i, lines.length - 1))]?.number ?? 1;
}

/** Tables that feed another's hints are read first; the output keeps the template's kinds. */
const READING_ORDER: readonly TableKind[] = [
  'incomeExpenditureSummary', 'income', 'generalBudgetExpenditure', 'expenditure', 'governmentFund', 'stateCapital',
  'generalBudgetBasicExpenditure', 'appropriationSummary', 'threePublicExpensesTable',
];

/** Hints from outside the tables (the narrative), by table and row. */
export type ExternalHints = Partial<Record<TableKind, Hints>>;

export function readTables(
  lines: readonly TextLine[], regions: readonly TableRegion[], template: Template, problems: ImportProblem[], external: ExternalHints = {},
): Partial<Record<TableKind, ImportedTable>> {
  const read: Partial<Record<TableKind, ImportedTable>> = {};
  for (const kind of READING_ORDER) {
    const region = regions.find((r) => r.kind === kind);
    if (!region) continue;
    const table = template.tables[kind];
    const body = table.rowKind === 'lines' ? fromFirstRow(table, lines.slice(region.start, region.rowsEnd)) : lines.slice(region.start, region.rowsEnd);
    const tokens = tokenize(body);
    const hints = external[kind] ?? hintsFor(kind, read);
    let rows: TTableRow[];
    switch (table.rowKind) {
      case 'lines':
        rows = readLinesTable(table, tokens, hints, problems);
        break;
      case 'functional':
        rows = readFunctionalTable(table, template.fiscalYear, tokens, hints, problems);
        break;
      case 'economic':
        rows = readEconomicTable(table, tokens, problems);
        break;
      case 'single':
        rows = readSingleTable(table, body, hints, problems);
        break;
    }
    if (region.statement !== undefined && !/。$/.test(region.statement)) {
      problems.push({ line: lineNumber(lines, region.rowsEnd), reason: `${where(table)}下的说明“${region.statement}”没有写完（可能被截断）`, damaged: true });
    }
    if (rows.length === 0 && !region.statement) {
      const line = lineNumber(lines, Math.max(region.start, region.rowsEnd - 1));
      problems.push({ line, reason: `${where(table)}不完整（可能被截断）：表中没有数，也没有说明本表无数据的文字`, damaged: true });
    }
    read[kind] = { rows, ...(region.statement ? { statement: region.statement } : {}) };
  }
  return read;
}
