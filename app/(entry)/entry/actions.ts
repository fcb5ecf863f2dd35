'use server';
// The entry area's server actions: public POST endpoints, each a thin wrapper that hands the
// signed-in actor (or null) and the untrusted input to lib/data, which authenticates, parses,
// authorizes, checks and writes. Saves return the new version to the page, which keeps its own
// document, so they revalidate nothing; a submission or a new year changes what lists show.
import { revalidatePath } from 'next/cache';
import { currentActor } from '@/lib/auth';
import { saveCells } from '@/lib/data/accounts-write';
import { saveExplanation, startYear, submitFinalAccounts } from '@/lib/data/entry';
import { previewWorkbook } from '@/lib/data/entry-workbook';

export async function saveCellsAction(input: unknown) {
  return saveCells(await currentActor(), input);
}

/** Reads an uploaded entry workbook against the draft; stores nothing (the page then saves the changes with saveCellsAction). */
export async function previewWorkbookAction(formData: FormData) {
  return previewWorkbook(await currentActor(), formData);
}

export async function saveExplanationAction(input: unknown) {
  return saveExplanation(await currentActor(), input);
}

export async function submitAction(input: unknown) {
  const result = await submitFinalAccounts(await currentActor(), input);
  if (result.ok) {
    revalidatePath('/entry');
    revalidatePath(`/entry/${(input as { finalAccountsId: string }).finalAccountsId}`);
  }
  return result;
}

export async function startYearAction(input: unknown) {
  const result = await startYear(await currentActor(), input);
  if (result.ok) revalidatePath('/entry');
  return result;
}
