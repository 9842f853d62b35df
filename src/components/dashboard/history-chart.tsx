"use client";
// One chart of the last six periods. Bar heights are numbers (drawing only); every figure
// a person reads, in the tooltip too, is the exact text prepared on the server.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  /** Series of one stack are drawn on top of each other. */
  stack?: string;
}

export interface ChartRow {
  period: string;
  /** Bar heights per series key. */
  values: Record<string, number>;
  /** The exact text per series key. */
  labels: Record<string, string>;
}

export function HistoryChart({ rows, series, money }: { rows: ChartRow[]; series: ChartSeries[]; money: boolean }) {
  const data = rows.map((r) => ({ period: r.period, ...r.values, labels: r.labels }));
  return (
    <div className="h-64 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: money ? 16 : 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="period" interval={0} tick={{ fontSize: 12, fill: "#475569" }} tickLine={false} />
          <YAxis
            tick={{ fontSize: 12, fill: "#475569" }}
            tickLine={false}
            axisLine={false}
            allowDecimals={!money}
            tickFormatter={(v: number) => v.toLocaleString("en-US")}
          />
          <Tooltip
            cursor={{ fill: "#f1f5f9" }}
            formatter={(_value, _name, item) => {
              const key = String(item.dataKey);
              const labels = (item.payload as { labels: Record<string, string> }).labels;
              return [labels[key] ?? "", series.find((s) => s.key === key)?.label ?? key];
            }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.color}
              stackId={s.stack}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
