// The sections of a new year's draft besides the tables: what the template requires, present
// and valid, with no figure of the new year filled in. What describes the department rather
// than the year (its functions, its units, the scope of 三公, the department-wide goals and
// indicators) is carried from last year for the accountant to revise.

import { VEHICLE_KINDS, type TFinalAccounts, type TSelfEvaluation } from './schema';
import type { Template } from './templates/types';

const ZERO = '0.00';

type Sections = Omit<TFinalAccounts, 'formatVersion' | 'template' | 'fiscalYear' | 'department' | 'tables'>;

export function emptySections(template: Template, department: TFinalAccounts['department'], previous?: TFinalAccounts): Sections {
  const flags = template.sections;
  const reception = { batches: 0, people: 0, amount: ZERO };
  return {
    overview: {
      functions: [...(previous?.overview.functions ?? [])],
      ...(flags.staff ? {
        subordinateUnitCount: previous?.overview.subordinateUnitCount ?? 0,
        staff: { employed: 0, administrative: 0, publicInstitution: 0, civilServantManaged: 0, retired: 0, retiredCadres: 0, retirees: 0 },
      } : {}),
      ...(flags.unitComposition ? { units: (previous?.overview.units ?? []).map((unit) => ({ ...unit })) } : {}),
    },
    ...(flags.threePublicExpensesDetails ? {
      threePublicExpenses: {
        scope: previous?.threePublicExpenses?.scope ?? '',
        overseasTrips: { groups: 0, people: 0, accommodation: ZERO, travel: ZERO, meals: ZERO, training: ZERO, miscellaneous: ZERO },
        vehiclesPurchased: 0,
        vehiclesHeld: 0,
        receptions: { international: { ...reception }, largeEvents: { ...reception }, otherProvinces: { ...reception } },
      },
    } : {}),
    agencyOperatingCosts: ZERO,
    procurement: {
      total: ZERO, goods: ZERO, works: ZERO, services: ZERO,
      ...(flags.procurementAwards ? { toSmes: ZERO, toSmallAndMicro: ZERO } : {}),
      ...(flags.procurementReserved ? { reserved: { forSmes: ZERO, forSmallAndMicro: ZERO, awardedToSmes: ZERO, awardedToSmallAndMicro: ZERO, otherAwardedToSmes: ZERO } } : {}),
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
      ...(flags.performanceManagement ? {
        management: {
          targetSetting: { projects: 0, amount: ZERO },
          tracking: { projects: 0, amount: ZERO },
          selfEvaluation: { projects: 0, amount: ZERO, averageScore: '0' },
          ratings: { excellent: 0, good: 0, pass: 0, fail: 0 },
          problems: { found: 0 },
        },
      } : {}),
    },
    comparisons: { initialBudget: { generalPublicBudgetExpenditure: ZERO, bySubject: [] } },
    narrative: [],
    ...(flags.keyWork ? { keyWork: [] } : {}),
  };
}

/**
 * Last year's goals and indicators with their weights, targets and directions, none of this
 * year's results. Without them the schema still wants a goal with an indicator: one empty
 * indicator of weight 0, which the weight rule (预算执行 20 + 指标 = 100) reports until filled.
 */
function departmentWideDraft(template: Template, department: TFinalAccounts['department'], previous: TSelfEvaluation | undefined): TSelfEvaluation {
  const goals: TSelfEvaluation['goals'] = previous
    ? previous.goals.map((goal) => ({
      ...goal,
      indicators: goal.indicators.map(({ band: _band, ...indicator }) => ({ ...indicator, actual: '', score: '0' })),
    }))
    : [{ description: '', indicators: [{ level1: '产出指标', level2: '数量指标', name: '（请填写指标名称）', weight: '0', target: '', actual: '', direction: 'qualitative', score: '0' }] }];
  return {
    title: `${template.fiscalYear} 年度${department.name}部门整体支出绩效自评表`,
    execution: { weight: previous?.execution.weight ?? '20', budget: ZERO, executed: ZERO, rate: '', score: '0' },
    ...(previous?.performanceWeight === undefined ? {} : { performanceWeight: previous.performanceWeight }),
    ...(previous?.level1Weights === undefined ? {} : { level1Weights: previous.level1Weights.map((w) => ({ ...w })) }),
    goals,
    totalScore: '0',
    deviationReason: '',
    improvementPlan: '',
  };
}
