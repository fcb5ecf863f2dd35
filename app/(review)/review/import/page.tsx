// The finance bureau's import of published final accounts (/review/import): the text extracted
// from published PDFs, one document or a whole district's at once, each previewed (template,
// year, department, what could not be read, the check findings) before anything is stored.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth';
import { listImportTargets } from '@/lib/data/text-import';
import { TextImport } from './_components/text-import';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '导入已公开的决算' };

export default async function TextImportPage() {
  const actor = await currentActor();
  if (!actor) redirect('/login?callbackUrl=/review/import');
  if (actor.role === 'ACCOUNTANT') notFound();
  const targets = await listImportTargets(actor);
  return (
    <>
      <p className="back-link"><Link href="/review">← 决算审核</Link></p>
      <h1>导入已公开的决算</h1>
      <p className="lead">
        上传从已公开决算 PDF 中提取的文字（.txt，可一次选多份）。每份先预览：识别出的报表格式、年度和部门，未能读入之处（按行号），以及审核检查的结果；确认后才保存。
        往年的决算存为已公开的记录，供填报新年度时作上年数；本年度的可存为草稿，由部门继续填报。已有决算的年度不会被覆盖。
      </p>
      {targets.ok
        ? <TextImport districtName={targets.data.district.name} departments={targets.data.departments} />
        : <p className="empty-state">{targets.message}</p>}
    </>
  );
}
