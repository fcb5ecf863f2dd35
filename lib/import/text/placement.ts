// Which column each printed figure of a row belongs to. The extraction drops blank cells, so a
// row of 6 columns may come with 2 figures; the figures keep their order, so a placement is an
// ordered choice of columns. The right one is found by arithmetic: the template's identities
// (合计 = 基本 + 项目 …) and the roll-ups (合计 = Σ类, 类 = Σ款, 款 = Σ项) must hold, within
// the rounding of printed figures (exact sums preferred). Among placements that hold, the one
// agreeing with hints from other tables or the narrative, then keeping figures leftmost, is taken;
// a slot that could equally go elsewhere is reported.

import { parseAmount, type Cents } from '../../accounts/money';
import { amountText, isDash } from './lines';

export interface Figure {
  /** As printed, separators dropped; undefined for "-" (a zero shown as a dash: no cell). */
  text?: string;
  cents: Cents;
  line: number;
}

export interface Slot {
  row: string;
  /** The row's columns in preference order (printed order unless a layout says otherwise). */
  columns: readonly string[];
  figures: readonly Figure[];
  line: number;
  /** What another table or the narrative says a column holds: placements agreeing come first. */
  hints?: ReadonlyMap<string, Cents>;
  /** Tie-break among placements the arithmetic cannot tell apart: columns earlier here first (default: printed order). */
  preference?: readonly string[];
}

export interface SumConstraint {
  target: { row: string; column: string };
  terms: readonly { row: string; column: string; sign: 1 | -1 }[];
}

export interface Placement {
  /** row → column → figure */
  cells: Map<string, Map<string, Figure>>;
  /** Slots with more than one placement that satisfies every identity. */
  ambiguous: Slot[];
  /** Slots no placement could satisfy: placed only when the count of figures equals the columns. */
  unresolved: Slot[];
  /** The sums across rows hold for no placement (a row missing or a figure misprinted): only each row's own identities were kept. */
  relaxed: boolean;
}

/** Ordered choices of k of n indexes, leftmost first. */
function choices(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick = (start: number, chosen: number[]) => {
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let i = start; i <= n - (k - chosen.length); i += 1) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return out;
}

/** How many of the slot's figures the placement puts where a hint expects them. */
function agreement(slot: Slot, choice: readonly number[]): number {
  if (!slot.hints) return 0;
  let count = 0;
  choice.forEach((ci, position) => {
    const expected = slot.hints?.get(slot.columns[ci] ?? '');
    const cents = slot.figures[position]?.cents;
    if (expected !== undefined && cents !== undefined && cents - expected <= 1n && expected - cents <= 1n) count += 1;
  });
  return count;
}

function byHints(slot: Slot, list: number[][]): number[][] {
  const rank = (choice: readonly number[]) => {
    const preference = slot.preference;
    if (!preference) return choice;
    return choice.map((ci) => {
      const at = preference.indexOf(slot.columns[ci] ?? '');
      return at < 0 ? preference.length + ci : at;
    }).sort((a, b) => a - b);
  };
  const compare = (a: readonly number[], b: readonly number[]) => {
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
    return 0;
  };
  return list.map((choice, i) => ({ choice, i, score: agreement(slot, choice), rank: rank(choice) }))
    .sort((a, b) => b.score - a.score || compare(a.rank, b.rank) || a.i - b.i)
    .map((entry) => entry.choice);
}

const MAX_STEPS = 200_000;

/**
 * Places every slot's figures. Slots with as many figures as columns are fixed; the others are
 * searched depth-first in the order given (parents before children keeps the pruning early).
 * When the printed figures break an identity whatever the placement (a real inconsistency, or
 * a table cut short), only the identities within each row are kept, and what still cannot be
 * decided is reported.
 */
export function placeFigures(slots: readonly Slot[], allConstraints: readonly SumConstraint[]): Placement {
  let constraints = allConstraints;
  const all = slots.map((slot) => byHints(slot, choices(slot.columns.length, Math.min(slot.figures.length, slot.columns.length))));
  // A hint settles a slot: only the placements agreeing most with it are tried first.
  const settled = slots.map((slot, i) => {
    const list = all[i] ?? [];
    const best = list.length > 0 ? agreement(slot, list[0] ?? []) : 0;
    return best > 0 ? list.filter((choice) => agreement(slot, choice) === best) : list;
  });
  let candidates = settled;
  const slotOfRow = new Map(slots.map((slot, i) => [slot.row, i]));
  const nonNegative = slots.every((slot) => slot.figures.every((f) => f.cents >= 0n));

  let order: number[] = [];
  const fixed = (i: number): number[] | undefined => (candidates[i]?.length === 1 ? candidates[i]?.[0] : undefined);
  const solve = (active: readonly SumConstraint[], rounding: boolean): number[][][] => {
    order = slots.map((_, i) => i).filter((i) => (candidates[i]?.length ?? 0) > 1);
    const assigned: (number[] | undefined)[] = slots.map((_, i) => fixed(i));
    const bySlot = slots.map(() => [] as SumConstraint[]);
    for (const c of active) {
      for (const cell of [c.target, ...c.terms]) {
        const si = slotOfRow.get(cell.row);
        if (si !== undefined && !bySlot[si]?.includes(c)) bySlot[si]?.push(c);
      }
    }
    const valueAt = (row: string, column: string): Cents | null => {
      const si = slotOfRow.get(row);
      if (si === undefined) return 0n;
      const choice = assigned[si];
      if (!choice) return null;
      const slot = slots[si];
      const position = choice.findIndex((ci) => slot?.columns[ci] === column);
      return position < 0 ? 0n : (slot?.figures[position]?.cents ?? 0n);
    };
    // Printed figures are rounded: a sum of n terms may miss its total by (n + 1) / 2 hundredths. The
    // miss is the constraint's penalty; undefined when it is certainly broken.
    const miss = (c: SumConstraint): bigint | undefined => {
      const target = valueAt(c.target.row, c.target.column);
      if (target === null) return 0n;
      let sum = 0n;
      let open = false;
      for (const term of c.terms) {
        const v = valueAt(term.row, term.column);
        if (v === null) open = true;
        else sum += term.sign === 1 ? v : -v;
      }
      // Each printed figure is within half a hundredth of its true value, the total too.
      const tolerance = rounding ? BigInt(Math.floor((c.terms.length + 1) / 2)) : 0n;
      if (open) {
        if (!nonNegative || c.terms.some((term) => term.sign < 0) || sum <= target) return 0n;
        return sum - target <= tolerance ? sum - target : undefined;
      }
      const difference = sum > target ? sum - target : target - sum;
      return difference <= tolerance ? difference : undefined;
    };
    const holds = (c: SumConstraint) => miss(c) !== undefined;
    if (!active.every(holds)) return [];
    const solutions: { choices: number[][]; penalty: bigint }[] = [];
    let steps = 0;
    const search = (depth: number, spent: bigint): void => {
      if (depth === order.length) {
        solutions.push({ choices: order.map((si) => assigned[si] ?? []), penalty: spent });
        return;
      }
      const si = order[depth] ?? 0;
      // Placements that keep the sums exact before those needing the rounding allowance.
      const tried: { choice: number[]; penalty: bigint }[] = [];
      for (const choice of candidates[si] ?? []) {
        assigned[si] = choice;
        let penalty: bigint | undefined = 0n;
        for (const c of bySlot[si] ?? []) {
          const m = miss(c);
          if (m === undefined) {
            penalty = undefined;
            break;
          }
          penalty += m;
        }
        if (penalty !== undefined) tried.push({ choice, penalty });
      }
      tried.sort((a, b) => (a.penalty < b.penalty ? -1 : a.penalty > b.penalty ? 1 : 0));
      for (const { choice, penalty } of tried) {
        if (solutions.length >= 2 || (steps += 1) > MAX_STEPS) break;
        assigned[si] = choice;
        search(depth + 1, spent + penalty);
      }
      assigned[si] = undefined;
    };
    search(0, 0n);
    // A second reading counts only when it fits the sums as well as the first.
    const [first, second] = solutions;
    return first ? [first.choices, ...(second && second.penalty <= first.penalty ? [second.choices] : [])] : [];
  };

  // A total not printed binds nothing (a table cut before it is reported as such).
  constraints = constraints.filter((c) => slotOfRow.has(c.target.row));
  // Exact sums first: a placement that needs the rounding allowance is the weaker reading.
  const rowLocal = constraints.filter((c) => c.terms.every((t) => t.row === c.target.row));
  let solutions: number[][][] = [];
  let relaxed = false;
  for (const [list, active, rounding] of [
    [settled, constraints, false], [settled, constraints, true], [all, constraints, false], [all, constraints, true], [all, rowLocal, true],
  ] as const) {
    candidates = list;
    solutions = solve(active, rounding);
    relaxed = active === rowLocal && rowLocal.length < constraints.length;
    if (solutions.length > 0) break;
  }

  const cells = new Map<string, Map<string, Figure>>();
  const put = (slot: Slot, choice: readonly number[]) => {
    const row = cells.get(slot.row) ?? new Map<string, Figure>();
    choice.forEach((ci, position) => {
      const figure = slot.figures[position];
      const column = slot.columns[ci];
      if (figure && column !== undefined) row.set(column, figure);
    });
    cells.set(slot.row, row);
  };
  const ambiguous: Slot[] = [];
  const unresolved: Slot[] = [];
  const [first, second] = solutions;
  slots.forEach((slot, si) => {
    if (slot.figures.length > slot.columns.length) {
      unresolved.push(slot);
      return;
    }
    const depth = order.indexOf(si);
    const choice = depth < 0 ? fixed(si) : first?.[depth];
    if (!choice) {
      if (slot.figures.length > 0) unresolved.push(slot);
      return;
    }
    put(slot, choice);
    const other = depth < 0 ? undefined : second?.[depth];
    if (other && other.join() !== choice.join()) ambiguous.push(slot);
  });
  return { cells, ambiguous, unresolved, relaxed };
}

/** A printed figure: "-" is a zero shown as a dash (no cell); parseAmount throws on anything else. */
export function figure(text: string, line: number): Figure {
  if (isDash(text)) return { cents: 0n, line };
  const plain = amountText(text);
  return { text: plain, cents: parseAmount(plain), line };
}
