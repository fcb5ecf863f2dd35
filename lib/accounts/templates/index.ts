// The templates we hold, by id. A document names its template; everything that reads a
// document (schema, check engine, disclosure tables, entry grids) reads the template with it.

import { HUBEI_2021 } from './hubei-2021';
import { HUBEI_2022 } from './hubei-2022';
import { SHANGHAI_2024 } from './shanghai-2024';
import { SHANGHAI_2025 } from './shanghai-2025';
import type { RowDefinition, TableTemplate, Template } from './types';

export * from './types';

/** hubei-2022 and shanghai-2025 carry the previous year's layout (see their files). */
export const TEMPLATES: readonly Template[] = [HUBEI_2021, HUBEI_2022, SHANGHAI_2024, SHANGHAI_2025];
const BY_ID = new Map(TEMPLATES.map((template) => [template.id, template]));

export const TEMPLATE_IDS = TEMPLATES.map((template) => template.id);

export function findTemplate(id: string): Template | undefined {
  return BY_ID.get(id);
}

export function templateFor(id: string): Template {
  const template = BY_ID.get(id);
  if (!template) throw new RangeError(`没有报表格式 "${id}"（可用：${TEMPLATE_IDS.join('、')}）`);
  return template;
}

const rowIndexes = new WeakMap<TableTemplate, Map<string, RowDefinition>>();

/** A fixed row of a table by its key (indexed once per table: checks ask often). */
export function rowOf(table: TableTemplate, row: string): RowDefinition | undefined {
  let index = rowIndexes.get(table);
  if (!index) {
    index = new Map(table.rows.map((r) => [r.key, r]));
    rowIndexes.set(table, index);
  }
  return index.get(row);
}

export function columnLabel(table: TableTemplate, column: string): string {
  return table.columns.find((c) => c.key === column)?.label ?? column;
}

/** The row of a summary table that prints a functional class's total. */
export function classRow(table: TableTemplate, classCode: string): string | undefined {
  return table.rows.find((r) => r.functionalClass === classCode)?.key;
}
