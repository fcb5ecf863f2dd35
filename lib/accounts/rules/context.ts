// What every rule reads: the document, its template, its cells, and the names of its subjects.

import type { CellGrid } from '../cells';
import type { TFinalAccounts } from '../schema';
import type { Template } from '../templates/types';

export interface RuleContext {
  doc: TFinalAccounts;
  template: Template;
  grid: CellGrid;
  /** A functional subject's name: the year's catalogue, else as the document prints it. */
  subjectName: (code: string) => string | undefined;
}
