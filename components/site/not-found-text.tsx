// What a missing page says: server-rendered Chinese text and a way home, readable without JavaScript.
import Link from 'next/link';

export function NotFoundText() {
  return (
    <>
      <h1>未找到</h1>
      <p className="lead">没有找到这个页面，或该部门决算尚未公开。请检查网址，或从首页查找已公开的部门决算。</p>
      <p>
        <Link href="/">返回首页</Link>
      </p>
    </>
  );
}
