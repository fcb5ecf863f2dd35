// What the public pages of the seed's published accounts must show, worked out under tsx (the
// core reads its catalogues as JSON modules, which Playwright's loader does not) from the
// published revision as stored, read with SQL: every amount cell of every printed table with the
// text it prints, and every narrative figure the page shows with the cells it comes from and its arithmetic.
// Prints one JSON line: { [path]: ExpectedPage }.
import pg from 'pg';
import { cellKey, tableCells } from '../../lib/accounts/cells';
import { findFunctionalSubject } from '../../lib/accounts/classification';
import { narrativeFigureLinks } from '../../lib/accounts/disclosure/narrative-links';
import { blankText, cellAnchor, documentParts } from '../../lib/accounts/disclosure/parts';
import { formatAmount, toAmountText } from '../../lib/accounts/money';
import { buildGrid } from '../../lib/accounts/table-grid';
import { tableTitle } from '../../lib/accounts/table-layout';
import { templateFor } from '../../lib/accounts/templates';
import { parseStoredDocument } from '../../lib/data/stored-document';

/** The seed pages the e2e tests read: /{year}/{district}/{department}. */
const PAGES = [[2021, 'qiaokou', 'big-data-center'], [2024, 'putuo', 'finance-bureau']] as const;

/** A table cell's key; the narrative's other figures are document fields ("procurement.total"). */
const CELL_KEY = /^[A-Za-z]+:[A-Za-z0-9]+:[A-Za-z0-9]+$/;

export interface ExpectedTable {
  kind: string;
  title: string;
  /** Every amount cell the table prints, in printed order (line by line), with the text it prints. */
  cells: { anchor: string; key: string; text: string }[];
}

export interface ExpectedLink {
  section: number;
  /** The printed number: the section's text from start to end. */
  text: string;
  /** Anchors of the table cells the figure is read from (document fields have none). */
  anchors: string[];
  computation: string;
  agrees: boolean;
}

export interface ExpectedPage {
  id: string;
  departmentName: string;
  fiscalYear: number;
  tables: ExpectedTable[];
  /** Every stored figure: cell key → interchange text ("2882.93"). */
  figures: Record<string, string>;
  links: ExpectedLink[];
}

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const result: Record<string, ExpectedPage> = {};
try {
  for (const [year, district, department] of PAGES) {
    const { rows } = await client.query<{ id: string; document: unknown }>(
      `SELECT r.final_accounts_id AS id, r.document FROM final_accounts_revision r
         JOIN final_accounts fa ON fa.id = r.final_accounts_id JOIN department d ON d.id = fa.department_id JOIN district di ON di.id = d.district_id
        WHERE r.status = 'PUBLISHED' AND fa.level = 'DEPARTMENT' AND fa.fiscal_year = $1 AND di.slug = $2 AND d.slug = $3
        ORDER BY r.version DESC LIMIT 1`,
      [year, district, department],
    );
    const row = rows[0];
    if (!row) throw new Error(`no published revision for /${year}/${district}/${department}`);
    const doc = parseStoredDocument(row.document);
    const template = templateFor(doc.template);
    const figures = Object.fromEntries(tableCells(doc).map((c) => [cellKey(c.table, c.row, c.column), c.amount]));
    const tables = template.order.map((kind): ExpectedTable => {
      const grid = buildGrid(template.tables[kind], doc.tables[kind].rows, (code) => findFunctionalSubject(doc.fiscalYear, code)?.name);
      const cells = grid.lines.flatMap((line) => line.cells.flatMap((cell) => {
        if (cell.kind !== 'amount') return [];
        const key = cellKey(cell.table, cell.row, cell.column);
        const amount = figures[key];
        return [{ anchor: cellAnchor(key), key, text: amount === undefined ? blankText(template, cell.table, cell.row) : formatAmount(amount) }];
      }));
      return { kind, title: tableTitle(template, template.tables[kind], doc.fiscalYear), cells };
    });
    // The sections the page shows (documentParts leaves out the prose that repeats the key-work table).
    const shown = new Set(documentParts(doc, template).flatMap((part) => part.blocks.flatMap((block) => (block.kind === 'narrative' ? [block.section] : []))));
    const links = narrativeFigureLinks(doc, template).filter((link) => shown.has(link.section)).map((link): ExpectedLink => ({
      section: link.section,
      text: doc.narrative[link.section]?.text.slice(link.start, link.end) ?? '',
      anchors: link.cells.filter((key) => CELL_KEY.test(key)).map(cellAnchor),
      computation: link.computation,
      agrees: link.agrees,
    }));
    result[`/${year}/${district}/${department}`] = {
      id: row.id,
      departmentName: doc.department.name,
      fiscalYear: doc.fiscalYear,
      tables,
      figures: Object.fromEntries(Object.entries(figures).map(([key, amount]) => [key, toAmountText(amount)])),
      links,
    };
  }
} finally {
  await client.end();
}
console.log(JSON.stringify(result));
