'use client';
// 开始填报: starts a department's final accounts of a year (a draft of that year's template with
// last year's figures carried in) and opens it.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { startYearAction } from '../actions';

interface Props {
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
}

export function StartYearButton({ departmentId, departmentName, fiscalYear }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await startYearAction({ departmentId, fiscalYear });
      if (result.ok) {
        router.push(`/entry/${result.data.finalAccountsId}`);
        return;
      }
      setError(result.message);
    } catch {
      setError('未能连接服务器，请稍后再试');
    }
    setBusy(false);
  };

  return (
    <span className="start-year">
      <button type="button" className="primary-button" disabled={busy} aria-label={`开始填报 ${departmentName} ${fiscalYear} 年度决算`} onClick={() => void start()}>
        {busy ? '正在创建…' : `开始填报 ${fiscalYear} 年度`}
      </button>
      {error && <span className="field-error" role="alert">{error}</span>}
    </span>
  );
}
