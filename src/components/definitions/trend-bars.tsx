// Six months of one figure as small bars, with the values in words for screen readers and
// in each bar's tooltip: the bars only show the shape, the number beside them is the figure.

const shortMonth = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });

export interface TrendPoint {
  periodStart: Date;
  value: number | null;
}

export function TrendBars({
  label,
  points,
  format,
}: {
  label: string;
  points: TrendPoint[];
  format: (v: number | null) => string;
}) {
  const max = Math.max(0, ...points.map((p) => p.value ?? 0));
  const words = points.map((p) => `${shortMonth.format(p.periodStart)} ${format(p.value)}`).join(", ");
  return (
    <span role="img" aria-label={`${label}, last six months: ${words}`} className="mt-1 flex h-6 items-end gap-0.5">
      {points.map((p) => {
        const height = p.value === null || max === 0 ? 0 : Math.max(8, Math.round((p.value / max) * 100));
        return (
          <span
            key={p.periodStart.toISOString()}
            title={`${shortMonth.format(p.periodStart)}: ${format(p.value)}`}
            className="flex h-full w-2 items-end bg-slate-100"
          >
            <span className="block w-full bg-brand-600" style={{ height: `${height}%` }} />
          </span>
        );
      })}
    </span>
  );
}

export const formatRate = (ratio: number | null) => (ratio === null ? "—" : `${(ratio * 100).toFixed(1)}%`);
export const formatCount = (n: number | null) => (n === null ? "—" : n.toLocaleString("en-US"));
