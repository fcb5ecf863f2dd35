// Dates as people in the districts read them: the calendar day in Beijing (UTC+8), "2022-06-30".
// An instant stored in UTC late on the 30th is already the 1st there.

const beijingDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** "2022-06-30" for an instant, as the day is in Beijing; a bare date stays as it is; null gives "". */
export function beijingDateText(iso: string | null): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return beijingDate.format(new Date(iso));
}
