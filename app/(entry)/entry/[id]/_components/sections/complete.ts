// When a new list item may join the document: the schema accepts it. The same schemas the server
// validates a saved section with, so a held-back item is exactly one the save would refuse.
import { ZGoal, ZIndicator, ZOverview, ZProject } from '@/lib/accounts/schema';

const ZUnit = ZOverview.shape.units.unwrap().element;

export const isCompleteUnit = (unit: unknown): boolean => ZUnit.safeParse(unit).success;
export const isCompleteProject = (project: unknown): boolean => ZProject.safeParse(project).success;
export const isCompleteGoal = (goal: unknown): boolean => ZGoal.safeParse(goal).success;
export const isCompleteIndicator = (indicator: unknown): boolean => ZIndicator.safeParse(indicator).success;
