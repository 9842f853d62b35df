"use client";
// The drawing of one history chart, with recharts: loaded by history-chart.tsx only once the
// chart scrolls into view, so recharts is not part of the dashboard's start-up JavaScript.
// Bar heights are numbers (drawing only); every figure a person reads, in the tooltip too,
// is the exact text prepared on the server.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HistoryChartProps } from "./history-chart";

export default function HistoryBarChart({ rows, series, money }: HistoryChartProps) {
  const data = rows.map((r) => ({ period: r.period, ...r.values, labels: r.labels }));
  return (
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
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={s.stack} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
