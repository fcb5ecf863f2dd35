// The entry page of one final accounts: who may see it (an accountant of the department, a
// reviewer or admin of the district) reads it here; an accountant edits it while it is a draft
// or returned. The page reads once on the server and hands the document to the editor.
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { currentActor } from '@/lib/auth';
import { isEditable, STATUS_LABELS } from '@/lib/accounts/workflow';
import { readEntry } from '@/lib/data/entry';
import { statusFromDb } from '@/lib/data/workflow-store';
import { EntryEditor } from './_components/entry-editor';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
}

const load = cache(async (id: string) => {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  return { actor, result: await readEntry(actor, id) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { result } = await load((await params).id);
  return { title: result.ok ? `${result.data.departmentName} ${result.data.accounts.document.fiscalYear} 年度部门决算` : '未找到' };
}

export default async function EntryAccountsPage({ params }: Props) {
  const { actor, result } = await load((await params).id);
  if (!result.ok) {
    if (result.code === 'not_found' || result.code === 'invalid') notFound();
    throw new Error(result.message);
  }
  const { accounts, departmentName, explanations, previousYear, functionalSubjects, comments } = result.data;
  const status = statusFromDb(accounts.status);
  const isAccountant = actor.role === 'ACCOUNTANT';
  const editable = isAccountant && isEditable(status);
  const readOnlyReason = editable
    ? undefined
    : !isAccountant
      ? '审核人员和管理员在此只能查看，不能修改决算数字。'
      : `该决算${STATUS_LABELS[status]}，只能查看；退回后方可修改。`;

  return (
    <EntryEditor
      finalAccountsId={accounts.id}
      departmentName={departmentName}
      document={accounts.document}
      version={accounts.version}
      statusLabel={STATUS_LABELS[status]}
      editable={editable}
      readOnlyReason={readOnlyReason}
      explanations={explanations}
      previousYear={previousYear}
      functionalSubjects={functionalSubjects.map(({ code, name }) => ({ code, name }))}
      comments={comments}
    />
  );
}
