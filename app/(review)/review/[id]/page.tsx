// The review page of one final accounts (/review/[id]), for the reviewers and admins of its
// district: the latest submission as readReview gives it, handed to the workspace. After a
// decision the page is read again; the workspace is keyed by status and version so it starts afresh.
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { currentActor } from '@/lib/auth';
import { readReview } from '@/lib/data/review-read';
import { workflowRole } from '@/lib/data/review-steps';
import { statusFromDb } from '@/lib/data/workflow-store';
import { ReviewWorkspace } from './_components/review-workspace';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

const load = cache(async (id: string) => {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  return { actor, result: await readReview(actor, id) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { result } = await load((await params).id);
  return { title: result.ok ? `审核 · ${result.data.departmentName} ${result.data.accounts.fiscalYear} 年度部门决算` : '未找到' };
}

export default async function ReviewAccountsPage({ params }: Props) {
  const { actor, result } = await load((await params).id);
  if (!result.ok) {
    if (result.code === 'not_found' || result.code === 'invalid' || result.code === 'forbidden') notFound();
    throw new Error(result.message);
  }
  const { accounts, departmentName, findings, explanations, previousYear, comments, changedSinceLastReview } = result.data;
  const status = statusFromDb(accounts.status);
  return (
    <ReviewWorkspace
      key={`${accounts.status}-${accounts.version}`}
      finalAccountsId={accounts.id}
      departmentName={departmentName}
      document={accounts.document}
      status={status}
      version={accounts.version}
      role={workflowRole(actor)}
      submissionVersion={accounts.submittedVersion ?? accounts.version}
      findings={findings}
      explanations={explanations}
      previousYear={previousYear}
      comments={comments}
      changed={[...changedSinceLastReview.cells, ...changedSinceLastReview.paths]}
    />
  );
}
