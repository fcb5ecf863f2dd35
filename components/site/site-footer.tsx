// The footer: who publishes (the district's finance bureau on a district's or a department's
// page; every district's bureau elsewhere) and the unit every amount on the site is in.
export function SiteFooter({ publisher }: { publisher?: string }) {
  return (
    <footer className="site-footer">
      <p>{publisher ? `发布机关：${publisher}` : '由各区财政局公开'}</p>
      <p>金额单位：万元</p>
    </footer>
  );
}
