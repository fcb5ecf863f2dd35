// The sections of a new year's draft besides the tables: what the template requires, present
// and valid, with no figure of the new year filled in. What describes the department rather
// than the year (its functions, its units, the scope of 三公, the department-wide goals and
// indicators) is carried from last year for the accountant to revise. The empty parts are
// exported for the section editors, which show them where a document lacks a part.

import { VEHICLE_KINDS, type TFinalAccounts, type TIndicator, type TSelfEvaluation } from './schema';
import type { Template } from './templates/types';

/** An amount not yet entered, as the tables print nothing: 0.00 万元. */
export const ZERO_AMOUNT = '0.00';
const ZERO = ZERO_AMOUNT;

type Sections = Omit<TFinalAccounts, 'formatVersion' | 'template' | 'fiscalYear' | 'department' | 'tables'>;
type Staff = NonNullable<TFinalAccounts['overview']['staff']>;
type ThreePublicDetails = NonNullable<TFinalAccounts['threePublicExpenses']>;
type Reserved = NonNullable<TFinalAccounts['procurement']['reserved']>;
type Management = NonNullable<TFinalAccounts['performance']['management']>;

export const emptyStaff = (): Staff => ({ employed: 0, administrative: 0, publicInstitution: 0, civilServantManaged: 0, retired: 0, retiredCadres: 0, retirees: 0 });

/** 三公 details all zero; the scope (the units that have a 三公 budget) is the accountant's to write. */
export function emptyThreePublicExpenses(scope = ''): ThreePublicDetails {
  const reception = () => ({ batches: 0, people: 0, amount: ZERO });
  return {
    scope,
    overseasTrips: { groups: 0, people: 0, accommodation: ZERO, travel: ZERO, meals: ZERO, training: ZERO, miscellaneous: ZERO },
    vehiclesPurchased: 0,
    vehiclesHeld: 0,
    receptions: { international: reception(), largeEvents: reception(), otherProvinces: reception() },
  };
}

export const emptyReserved = (): Reserved => ({ forSmes: ZERO, forSmallAndMicro: ZERO, awardedToSmes: ZERO, awardedToSmallAndMicro: ZERO, otherAwardedToSmes: ZERO });

/** 预算绩效管理情况 with nothing counted; 已完成整改 and 正在整改 are printed only when there were problems. */
export const emptyManagement = (): Management => ({
  targetSetting: { projects: 0, amount: ZERO },
  tracking: { projects: 0, amount: ZERO },
  selfEvaluation: { projects: 0, amount: ZERO, averageScore: '0' },
  ratings: { excellent: 0, good: 0, pass: 0, fail: 0 },
  problems: { found: 0 },
});

/** An indicator with only its levels chosen; the name is the accountant's (the schema requires one). */
export const emptyIndicator = (name = ''): TIndicator => ({
  level1: '产出指标', level2: '数量指标', name, weight: '0', target: '', actual: '', direction: 'qualitative', score: '0',
});

/** A self-evaluation table with one goal of one indicator and no result; `indicatorName` as for emptyIndicator. */
export function emptySelfEvaluation(title: string, indicatorName = ''): TSelfEvaluation {
  return {
    title,
    execution: { weight: '20', budget: ZERO, executed: ZERO, rate: '', score: '0' },
    goals: [{ description: '', indicators: [emptyIndicator(indicatorName)] }],
    totalScore: '0',
    deviationReason: '',
    improvementPlan: '',
  };
}

export function emptySections(template: Template, department: TFinalAccounts['department'], previous?: TFinalAccounts): Sections {
  const flags = template.sections;
  return {
    overview: {
      functions: [...(previous?.overview.functions ?? [])],
      ...(flags.staff ? {
        subordinateUnitCount: previous?.overview.subordinateUnitCount ?? 0,
        staff: emptyStaff(),
      } : {}),
      ...(flags.unitComposition ? { units: (previous?.overview.units ?? []).map((unit) => ({ ...unit })) } : {}),
    },
    ...(flags.threePublicExpensesDetails ? { threePublicExpenses: emptyThreePublicExpenses(previous?.threePublicExpenses?.scope) } : {}),
    agencyOperatingCosts: ZERO,
    procurement: {
      total: ZERO, goods: ZERO, works: ZERO, services: ZERO,
      ...(flags.procurementAwards ? { toSmes: ZERO, toSmallAndMicro: ZERO } : {}),
      ...(flags.procurementReserved ? { reserved: emptyReserved() } : {}),
    },
    assets: {
      vehicles: 0,
      vehiclesByKind: Object.fromEntries(VEHICLE_KINDS.map((kind) => [kind, 0])) as TFinalAccounts['assets']['vehiclesByKind'],
      ...(flags.equipmentByKind ? { generalEquipmentOver500k: 0, specialEquipmentOver1m: 0 } : {}),
      ...(flags.equipmentOver1m ? { equipmentOver1m: 0 } : {}),
    },
    performance: {
      projects: [],
      ...(flags.departmentWideSelfEvaluation ? { departmentWide: departmentWideDraft(template, department, previous?.performance.departmentWide) } : {}),
      ...(flags.performanceManagement ? { management: emptyManagement() } : {}),
    },
    comparisons: { initialBudget: { generalPublicBudgetExpenditure: ZERO, bySubject: [] } },
    narrative: [],
    ...(flags.keyWork ? { keyWork: [] } : {}),
  };
}

/**
 * 部门整体绩效自评表 (as the published table is titled): last year's goals and indicators with
 * their weights, targets and directions, none of this year's results. Without them the schema
 * still wants a goal with a named indicator: one placeholder of weight 0, which the weight rule
 * (预算执行 20 + 指标 = 100) reports until filled.
 */
export function departmentWideDraft(template: Template, department: TFinalAccounts['department'], previous?: TSelfEvaluation): TSelfEvaluation {
  const empty = emptySelfEvaluation(`${template.fiscalYear} 年度${department.name}部门整体绩效自评表`, '（请填写指标名称）');
  if (!previous) return empty;
  return {
    ...empty,
    execution: { ...empty.execution, weight: previous.execution.weight },
    ...(previous.performanceWeight === undefined ? {} : { performanceWeight: previous.performanceWeight }),
    ...(previous.level1Weights === undefined ? {} : { level1Weights: previous.level1Weights.map((w) => ({ ...w })) }),
    goals: previous.goals.map((goal) => ({
      ...goal,
      indicators: goal.indicators.map(({ band: _band, ...indicator }) => ({ ...indicator, actual: '', score: '0' })),
    })),
  };
}
