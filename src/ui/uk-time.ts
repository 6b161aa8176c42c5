// A time typed into a staff or applicant form (an <input type="datetime-local">) is UK
// wall-clock time: 14:30 in July is 13:30 UTC. One reading for every form that takes one.

/** `2026-03-10T14:30` read as UK wall-clock time, as an ISO instant. */
export function ukLocalToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const asUtc = Date.parse(`${local}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  const offsetAt = (t: number) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(t).map((p) => [p.type, p.value]));
    return Date.parse(`${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:00Z`) - t;
  };
  return new Date(asUtc - offsetAt(asUtc - offsetAt(asUtc))).toISOString();
}
