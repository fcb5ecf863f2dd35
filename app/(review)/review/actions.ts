'use server';
// The finance bureau's server actions: public POST endpoints, each a thin wrapper that hands the
// signed-in actor (or null) and the untrusted input to lib/data, which authenticates, parses,
// authorizes (role and district), checks status and version, and writes. A transition changes
// what the dashboard, the review page and the accountant's pages show; a publication also changes
// the public pages, which are rendered once and cached until then.
import { revalidatePath } from 'next/cache';
import { revalidatePublicPages } from '@/app/(public)/revalidate';
import type { ActionResult } from '@/lib/action';
import { currentActor } from '@/lib/auth';
import { addComment } from '@/lib/data/comments';
import { approveAccounts, publishAccounts, returnAccounts, startCorrection, type TransitionDone } from '@/lib/data/review-actions';
import { importPublishedText, previewTextImport } from '@/lib/data/text-import';

/** The id an input names, only to revalidate its pages once lib/data has accepted it. */
function idOf(input: unknown): string {
  const id = (input as { finalAccountsId?: unknown } | null)?.finalAccountsId;
  return typeof id === 'string' ? id : '';
}

async function afterTransition(input: unknown, result: ActionResult<TransitionDone>) {
  if (result.ok) {
    const id = idOf(input);
    revalidatePath('/review');
    revalidatePath(`/review/${id}`);
    revalidatePath('/entry');
    revalidatePath(`/entry/${id}`);
  }
  return result;
}

export async function addCommentAction(input: unknown) {
  const result = await addComment(await currentActor(), input);
  if (result.ok) {
    revalidatePath(`/review/${idOf(input)}`);
    revalidatePath(`/entry/${idOf(input)}`);
  }
  return result;
}

export async function returnAccountsAction(input: unknown) {
  return afterTransition(input, await returnAccounts(await currentActor(), input));
}

export async function approveAccountsAction(input: unknown) {
  return afterTransition(input, await approveAccounts(await currentActor(), input));
}

export async function publishAccountsAction(input: unknown) {
  const result = await afterTransition(input, await publishAccounts(await currentActor(), input));
  // A correction in progress changes nothing public; only a publication (first or corrected) does.
  if (result.ok) revalidatePublicPages();
  return result;
}

export async function startCorrectionAction(input: unknown) {
  return afterTransition(input, await startCorrection(await currentActor(), input));
}

/** Reads an uploaded published text and says what its import would store; stores nothing. */
export async function previewTextImportAction(input: unknown) {
  return previewTextImport(await currentActor(), input);
}

/** Imports an uploaded published text; a published record changes the public pages too. */
export async function importPublishedTextAction(input: unknown) {
  const result = await importPublishedText(await currentActor(), input);
  if (result.ok) {
    revalidatePath('/review');
    revalidatePath('/review/import');
    revalidatePath('/entry');
    if (result.data.status === 'PUBLISHED') revalidatePublicPages();
  }
  return result;
}
