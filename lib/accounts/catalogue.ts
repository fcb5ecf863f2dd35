// The classification catalogues (支出功能分类科目 类/款/项, 支出经济分类科目 类/款) by fiscal
// year: the shipped ones in catalogues/*.json (see catalogues/SOURCES.md for where each list
// comes from) and the ones imported with `juesuan catalogue import`, which the CLI and the app
// register at start. A registered catalogue replaces a shipped one of the same year and kind.

import { z } from 'zod';
import economic2021 from './catalogues/economic-2021.json';
import economic2022 from './catalogues/economic-2022.json';
import economic2023 from './catalogues/economic-2023.json';
import economic2024 from './catalogues/economic-2024.json';
import economic2025 from './catalogues/economic-2025.json';
import functional2021 from './catalogues/functional-2021.json';
import functional2022 from './catalogues/functional-2022.json';
import functional2023 from './catalogues/functional-2023.json';
import functional2024 from './catalogues/functional-2024.json';
import functional2025 from './catalogues/functional-2025.json';
import {
  CATALOGUE_KINDS, KIND_NAMES, makeCatalogue, validateSubjects,
  type Catalogue, type CatalogueData, type CatalogueKind,
} from './catalogue-subjects';

export { parseCatalogueRows, type CatalogueRowsOptions, type CatalogueRowsResult } from './catalogue-rows';
export {
  CATALOGUE_KINDS, KIND_NAMES, subjectLevel,
  type Catalogue, type CatalogueData, type CatalogueKind, type Subject, type SubjectError, type SubjectLevel,
} from './catalogue-subjects';

const SHIPPED_FILES: readonly unknown[] = [
  functional2021, functional2022, functional2023, functional2024, functional2025,
  economic2021, economic2022, economic2023, economic2024, economic2025,
];

const ZCatalogueFile = z.object({
  year: z.number().int().min(1990).max(2200),
  kind: z.enum(['functional', 'economic']),
  source: z.string().trim().min(1),
  subjects: z.array(z.object({ code: z.string(), name: z.string(), source: z.string().optional() }).strict()),
}).strict();

export type CatalogueFileResult = { ok: true; catalogue: Catalogue } | { ok: false; errors: string[] };

/** Checks a catalogue as stored in JSON (shipped, imported, or handed to registerCatalogue). */
export function parseCatalogueFile(data: unknown): CatalogueFileResult {
  const parsed = ZCatalogueFile.safeParse(data);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '（根）'}：${i.message}`) };
  }
  const { kind, subjects } = parsed.data;
  const errors = validateSubjects(kind, subjects.map((s, i) => ({ ...s, row: i + 1 })));
  if (errors.length > 0) return { ok: false, errors: errors.map((e) => `第 ${e.row} 个科目：${e.message}`) };
  return { ok: true, catalogue: makeCatalogue(parsed.data) };
}

const key = (year: number, kind: CatalogueKind) => `${year}:${kind}`;
const registered = new Map<string, Catalogue>();
let shipped: Map<string, Catalogue> | undefined;

function shippedByKey(): Map<string, Catalogue> {
  if (!shipped) {
    shipped = new Map();
    for (const file of SHIPPED_FILES) {
      const result = parseCatalogueFile(file);
      // A broken shipped file is a bug in this repository, not a user error.
      if (!result.ok) throw new Error(`lib/accounts/catalogues 中的科目表有误：${result.errors.join('；')}`);
      shipped.set(key(result.catalogue.year, result.catalogue.kind), result.catalogue);
    }
  }
  return shipped;
}

/** The catalogues this repository ships, whatever has been imported since. */
export function shippedCatalogues(): readonly Catalogue[] {
  return [...shippedByKey().values()];
}

export function catalogueFor(year: number, kind: CatalogueKind): Catalogue | undefined {
  return registered.get(key(year, kind)) ?? shippedByKey().get(key(year, kind));
}

/** Adds (or replaces) the catalogue of its year and kind; throws if it is not a valid catalogue. */
export function registerCatalogue(catalogue: CatalogueData): Catalogue {
  const result = parseCatalogueFile({ year: catalogue.year, kind: catalogue.kind, source: catalogue.source, subjects: catalogue.subjects });
  if (!result.ok) throw new Error(`${catalogue.year} 年度${KIND_NAMES[catalogue.kind]}表无效：\n${result.errors.join('\n')}`);
  registered.set(key(result.catalogue.year, result.catalogue.kind), result.catalogue);
  return result.catalogue;
}

export interface CatalogueListing {
  year: number;
  kind: CatalogueKind;
  count: number;
  /** true when an imported catalogue is in use (replacing the shipped one, if any). */
  imported: boolean;
}

/** Every catalogue available, by year then kind (functional first). */
export function listCatalogues(): CatalogueListing[] {
  const all = new Map([...shippedByKey()].map(([k, c]) => [k, { catalogue: c, imported: false }]));
  for (const [k, c] of registered) all.set(k, { catalogue: c, imported: true });
  return [...all.values()]
    .map(({ catalogue: c, imported }) => ({ year: c.year, kind: c.kind, count: c.subjects.length, imported }))
    .sort((a, b) => a.year - b.year || CATALOGUE_KINDS.indexOf(a.kind) - CATALOGUE_KINDS.indexOf(b.kind));
}

export function missingCatalogueMessage(year: number, kind: CatalogueKind): string {
  return `没有 ${year} 年度${KIND_NAMES[kind]}表，请先用 juesuan catalogue import 导入`;
}

/** The stored form of a catalogue: the shipped files and the imported ones, one subject a line. */
export function catalogueToJson(catalogue: CatalogueData): string {
  const lines = catalogue.subjects.map((s) =>
    `    { "code": ${JSON.stringify(s.code)}, "name": ${JSON.stringify(s.name)}${s.source === undefined ? '' : `, "source": ${JSON.stringify(s.source)}`} }`);
  return `{\n  "year": ${catalogue.year},\n  "kind": ${JSON.stringify(catalogue.kind)},\n  "source": ${JSON.stringify(catalogue.source)},\n  "subjects": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
