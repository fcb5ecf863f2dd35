// The editors of the parts of a document that are not the nine tables, in the order the entry
// page shows them as tabs (contract E). Each is a client component taking SectionEditorProps.
import './sections.css';
import { AssetsEditor } from './assets-editor';
import { ComparisonsEditor } from './comparisons-editor';
import { NarrativeEditor } from './narrative-editor';
import { OverviewEditor } from './overview-editor';
import { PerformanceEditor } from './performance-editor';
import { ProcurementEditor } from './procurement-editor';
import { ThreePublicEditor } from './three-public-editor';
import type { SectionEditor } from './types';

export type { SectionEditor, SectionEditorProps, SectionPatch } from './types';
export { InvalidFieldsContext } from './editor-context';

export const SECTION_EDITORS: readonly SectionEditor[] = [
  { key: 'overview', label: '概况', Editor: OverviewEditor },
  { key: 'threePublicExpenses', label: '三公经费', Editor: ThreePublicEditor },
  { key: 'procurement', label: '政府采购', Editor: ProcurementEditor },
  { key: 'assets', label: '国有资产', Editor: AssetsEditor },
  { key: 'performance', label: '预算绩效', Editor: PerformanceEditor },
  { key: 'comparisons', label: '年初预算与上年数', Editor: ComparisonsEditor },
  { key: 'narrative', label: '情况说明', Editor: NarrativeEditor },
];
