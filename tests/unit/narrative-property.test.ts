// Property: for random documents of each template (the seed's and a Shanghai transcription's
// rows with new figures, tables kept consistent with each other), the narrative that
// generateNarrative drafts passes checkNarrative, and changing any one figure it states
// makes the check fail.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellGrid } from '../../lib/accounts/cells';
import { parseAmount, toAmountText } from '../../lib/accounts/money';
import { generateNarrative } from '../../lib/accounts/narrative';
import { checkNarrative, extractClaims, FactBook } from '../../lib/accounts/narrative-check';
import { ZFinalAccounts, type TFinalAccounts } from '../../lib/accounts/schema';
import { templateFor, type TableKind } from '../../lib/accounts/templates';
import { loadSeed } from './seed-document';

const SHANGHAI_PATH = fileURLToPath(new URL('../../prisma/seed/data/2024-shanghai-putuo-finance-bureau.json', import.meta.url));

/** mulberry32: the figures of one run from one seed, so that fast-check reports a reproducible case. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * (max + 1));
  return {
    int,
    chance: (p: number) => next() < p,
    /** Cents up to `max` 万元, zero one time in six. */
    amount: (max = 5000) => (int(5) === 0 ? 0n : BigInt(int(max * 100))),
  };
}
type Random = ReturnType<typeof random>;

function put(doc: TFinalAccounts, table: TableKind, row: string, column: string, cents: bigint): void {
  const rows = doc.tables[table].rows;
  let target = rows.find((r) => r.row === row);
  if (!target) {
    target = { row, cells: {} };
    rows.push(target);
  }
  if (cents === 0n) delete target.cells[column];
  else target.cells[column] = toAmountText(cents);
}

const sum = (values: readonly bigint[]) => values.reduce((s, v) => s + v, 0n);

/** A prior-year or budget figure: absent, zero, equal to this year's, or other. */
function compared(r: Random, current: bigint, optional: boolean): string | undefined {
  const kind = r.int(optional ? 3 : 2);
  if (kind === 3) return undefined;
  return toAmountText(kind === 0 ? 0n : kind === 1 ? current : r.amount());
}

/** New figures on the base document's rows: every table total is the sum of its parts. */
function randomDocument(base: TFinalAccounts, seed: number): TFinalAccounts {
  const r = random(seed);
  const doc = structuredClone(base);
  const template = templateFor(doc.template);
  const items = base.tables.generalBudgetExpenditure.rows.map((row) => row.row).filter((code) => code.length === 7);
  const basic = new Map(items.map((code) => [code, r.amount()]));
  const project = new Map(items.map((code) => [code, r.amount()]));
  const other = r.chance(0.5) ? r.amount(50) : 0n;
  for (const kind of ['generalBudgetExpenditure', 'expenditure', 'income', 'incomeExpenditureSummary', 'appropriationSummary', 'generalBudgetBasicExpenditure', 'threePublicExpensesTable'] as const) {
    doc.tables[kind].rows = [];
  }
  const codes = [...new Set(base.tables.generalBudgetExpenditure.rows.map((row) => row.row).filter((code) => code !== 'total'))];
  const within = (code: string, values: Map<string, bigint>) => sum(items.filter((item) => item.startsWith(code)).map((item) => values.get(item) ?? 0n));
  const first = items[0] ?? '';
  for (const code of codes) {
    const b = within(code, basic);
    const p = within(code, project);
    const o = first.startsWith(code) ? other : 0n;
    put(doc, 'generalBudgetExpenditure', code, 'total', b + p);
    put(doc, 'generalBudgetExpenditure', code, 'basic', b);
    put(doc, 'generalBudgetExpenditure', code, 'project', p);
    put(doc, 'expenditure', code, 'total', b + p + o);
    put(doc, 'expenditure', code, 'basic', b + o);
    put(doc, 'expenditure', code, 'project', p);
    put(doc, 'income', code, 'total', b + p + o);
    put(doc, 'income', code, 'appropriation', b + p);
    put(doc, 'income', code, 'otherIncome', o);
  }
  const classes = codes.filter((code) => code.length === 3);
  const basicTotal = sum([...basic.values()]);
  const projectTotal = sum([...project.values()]);
  const general = basicTotal + projectTotal;
  for (const [kind, b, p, o] of [['generalBudgetExpenditure', basicTotal, projectTotal, 0n], ['expenditure', basicTotal, projectTotal, other]] as const) {
    put(doc, kind, 'total', 'total', b + p + o);
    put(doc, kind, 'total', 'basic', b + o);
    put(doc, kind, 'total', 'project', p);
  }
  put(doc, 'income', 'total', 'total', general + other);
  put(doc, 'income', 'total', 'appropriation', general);
  put(doc, 'income', 'total', 'otherIncome', other);

  const opening = r.amount();
  const summary = (row: string, column: string, cents: bigint) => put(doc, 'incomeExpenditureSummary', row, column, cents);
  summary('generalBudgetAppropriation', 'income', general);
  summary('otherIncome', 'income', other);
  summary('incomeTotal', 'income', general + other);
  summary('openingBalance', 'income', opening);
  summary('incomeGrandTotal', 'income', general + other + opening);
  for (const code of classes) summary(code, 'expenditure', within(code, basic) + within(code, project) + (first.startsWith(code) ? other : 0n));
  summary('expenditureTotal', 'expenditure', general + other);
  summary('closingBalance', 'expenditure', opening);
  summary('expenditureGrandTotal', 'expenditure', general + other + opening);

  const carried = r.amount();
  const appropriation = (row: string, columns: readonly string[], cents: bigint) => {
    if (template.tables.appropriationSummary.rows.some((definition) => definition.key === row)) for (const column of columns) put(doc, 'appropriationSummary', row, column, cents);
  };
  appropriation('generalBudgetAppropriation', ['income'], general);
  appropriation('incomeTotal', ['income'], general);
  appropriation('openingBalance', ['income'], carried);
  appropriation('openingBalanceGeneralBudget', ['income'], carried);
  appropriation('incomeGrandTotal', ['income'], general + carried);
  for (const code of classes) appropriation(code, ['total', 'generalBudget'], within(code, basic) + within(code, project));
  appropriation('expenditureTotal', ['total', 'generalBudget'], general);
  appropriation('closingBalance', ['total', 'generalBudget'], carried);
  appropriation('closingBalanceGeneralBudget', ['total', 'generalBudget'], carried);
  appropriation('expenditureGrandTotal', ['total', 'generalBudget'], general + carried);

  const personnel = basicTotal === 0n ? 0n : BigInt(r.int(Number(basicTotal)));
  for (const [row, cents] of [['301', personnel], ['302', basicTotal - personnel], ['personnelTotal', personnel], ['operatingTotal', basicTotal - personnel]] as const) {
    put(doc, 'generalBudgetBasicExpenditure', row, 'amount', cents);
  }

  const three: Record<string, bigint> = {};
  for (const side of ['budget', 'actual'] as const) {
    const [trips, purchase, operation, receptions] = [r.amount(5), r.amount(5), r.amount(5), r.amount(5)];
    Object.assign(three, {
      [`${side}OverseasTrips`]: trips, [`${side}VehiclePurchase`]: purchase, [`${side}VehicleOperation`]: operation, [`${side}Vehicles`]: purchase + operation,
      [`${side}Receptions`]: receptions, [`${side}Total`]: trips + purchase + operation + receptions,
    });
  }
  if (r.chance(0.2)) for (const key in three) three[key] = 0n;
  for (const [column, cents] of Object.entries(three)) put(doc, 'threePublicExpensesTable', 'total', column, cents);

  doc.agencyOperatingCosts = toAmountText(r.amount(100));
  const [goods, works, services] = [r.amount(), r.amount(), r.amount()];
  const total = goods + works + services;
  doc.procurement = { ...doc.procurement, total: toAmountText(total), goods: toAmountText(goods), works: toAmountText(works), services: toAmountText(services) };
  if (doc.procurement.toSmes !== undefined) {
    const smes = total === 0n ? 0n : BigInt(r.int(Number(total)));
    doc.procurement.toSmes = toAmountText(smes);
    doc.procurement.toSmallAndMicro = toAmountText(smes === 0n ? 0n : BigInt(r.int(Number(smes))));
  }
  if (doc.procurement.reserved) {
    doc.procurement.reserved = {
      forSmes: toAmountText(r.amount()), forSmallAndMicro: toAmountText(r.amount()), awardedToSmes: toAmountText(r.amount()),
      awardedToSmallAndMicro: toAmountText(r.amount()), otherAwardedToSmes: toAmountText(r.amount()),
    };
  }
  for (const kind in doc.assets.vehiclesByKind) doc.assets.vehiclesByKind[kind as keyof typeof doc.assets.vehiclesByKind] = r.int(3);
  doc.assets.vehicles = Object.values(doc.assets.vehiclesByKind).reduce((s, v) => s + v, 0);
  for (const key of ['generalEquipmentOver500k', 'specialEquipmentOver1m', 'equipmentOver1m'] as const) if (doc.assets[key] !== undefined) doc.assets[key] = r.int(9);
  if (doc.threePublicExpenses) {
    doc.threePublicExpenses.vehiclesPurchased = r.int(2);
    doc.threePublicExpenses.vehiclesHeld = r.int(5);
  }
  const management = doc.performance.management;
  if (management) {
    for (const part of [management.targetSetting, management.tracking, management.selfEvaluation]) {
      part.projects = r.int(40);
      part.amount = toAmountText(r.amount());
    }
    management.selfEvaluation.averageScore = toAmountText(BigInt(r.int(10000)));
    management.ratings = { excellent: r.int(30), good: r.int(5), pass: r.int(2), fail: r.int(1) };
    const found = r.int(4);
    management.problems = r.chance(0.5) ? { found, fixed: found === 0 ? 0 : r.int(found), fixing: 0 } : { found };
    if (management.problems.fixing !== undefined) management.problems.fixing = found - (management.problems.fixed ?? 0);
  }

  const book = new FactBook(doc, template, CellGrid.of(doc));
  const now = (key: string) => book.fact(key)?.current?.value ?? 0n;
  doc.comparisons.priorYear = r.chance(0.15) ? undefined : {
    totalIncomeExpenditure: compared(r, now('totalIncomeExpenditure'), true),
    appropriationIncomeExpenditure: compared(r, now('appropriationTotal'), true),
    appropriationExpenditure: compared(r, now('generalBudget'), true),
    agencyOperatingCosts: compared(r, now('agencyOperatingCosts'), true),
    threePublicExpenses: r.chance(0.2) ? undefined : {
      total: compared(r, three.actualTotal ?? 0n, true), overseasTrips: compared(r, three.actualOverseasTrips ?? 0n, true),
      vehicles: compared(r, three.actualVehicles ?? 0n, true), receptions: compared(r, three.actualReceptions ?? 0n, true),
    },
  };
  doc.comparisons.initialBudget.generalPublicBudgetExpenditure = compared(r, general, false) ?? '0.00';
  for (const line of doc.comparisons.initialBudget.bySubject) {
    line.amount = compared(r, book.grid.get('generalBudgetExpenditure', line.code, 'total'), false) ?? '0.00';
  }
  for (const kind of ['generalBudgetExpenditure', 'expenditure', 'income'] as const) {
    for (const row of doc.tables[kind].rows) {
      const name = base.tables.generalBudgetExpenditure.rows.find((r) => r.row === row.row)?.name;
      if (name) row.name = name;
    }
  }
  doc.narrative = generateNarrative(doc, template);
  return ZFinalAccounts.parse(JSON.parse(JSON.stringify(doc)));
}

const check = (doc: TFinalAccounts) => checkNarrative(doc, templateFor(doc.template), CellGrid.of(doc));

/** Every cell or document figure the narrative states, read back from its claims. */
function statedRefs(doc: TFinalAccounts): string[] {
  const template = templateFor(doc.template);
  const book = new FactBook(doc, template, CellGrid.of(doc));
  const refs = extractClaims(doc, template).flatMap((claim) => {
    const fact = book.fact(claim.subject);
    if (!fact) return [];
    switch (claim.kind) {
      case 'amount': case 'actual': return fact.current?.refs ?? [];
      case 'budget': return claim.qualifier === '全年' ? [] : fact.budget?.refs ?? [];
      case 'count': return fact.count?.refs ?? [];
      case 'score': return fact.score?.refs ?? [];
      case 'change': case 'growth': case 'unchanged': return fact.prior?.refs ?? [];
      case 'none': return (fact.none ?? []).flatMap((f) => f.refs);
      default: return [];
    }
  });
  return [...new Set(refs)].sort();
}

/** Adds to one cell ("table:row:column") or document figure ("comparisons.priorYear.x", "a.b[2].c"). */
function change(doc: TFinalAccounts, ref: string, delta: number): void {
  const cell = /^(\w+):([^:]+):(\w+)$/.exec(ref);
  if (cell) {
    const [, table = '', row = '', column = ''] = cell;
    const current = doc.tables[table as TableKind].rows.find((r) => r.row === row)?.cells[column] ?? '0';
    put(doc, table as TableKind, row, column, parseAmount(current) + BigInt(delta));
    return;
  }
  const path = ref.replace(/\[(\d+)\]/g, '.$1').split('.');
  const last = path.pop() ?? '';
  let target: Record<string, unknown> = doc;
  for (const key of path) target = target[key] as Record<string, unknown>;
  const value = target[last];
  target[last] = typeof value === 'number' ? value + 1 : toAmountText(parseAmount(typeof value === 'string' ? value : '0') + BigInt(delta));
}

const bases: [string, () => TFinalAccounts][] = [['hubei-2021 (the seed)', loadSeed]];
if (existsSync(SHANGHAI_PATH)) bases.push(['shanghai-2024 (财政局)', () => ZFinalAccounts.parse(JSON.parse(readFileSync(SHANGHAI_PATH, 'utf8')))]);

describe.each(bases)('generateNarrative and checkNarrative on random documents of %s', (_name, load) => {
  const base = load();

  it('the draft of every document passes the check', () => {
    fc.assert(fc.property(fc.integer(), (seed) => {
      expect(check(randomDocument(base, seed))).toEqual([]);
    }), { numRuns: 100 });
  });

  it('changing any one figure the draft states makes the check fail', () => {
    fc.assert(fc.property(fc.integer(), fc.nat(), fc.integer({ min: 1, max: 100_000 }), (seed, which, delta) => {
      const doc = randomDocument(base, seed);
      const refs = statedRefs(doc);
      const ref = refs[which % refs.length] ?? '';
      change(doc, ref, delta);
      expect(check(doc).length, `after changing ${ref} by ${delta}`).toBeGreaterThan(0);
    }), { numRuns: 100 });
  });
});
