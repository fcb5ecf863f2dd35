// Unknown addresses and accounts that are not (or no longer) published.
import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1>未找到</h1>
      <p className="lead">没有找到这个页面，或该部门决算尚未公开。</p>
      <Link href="/">返回已公开的部门决算</Link>
    </>
  );
}
