"use client";
// One chart of the last six periods. Its frame is rendered at once; the drawing (recharts,
// the biggest script of the portal) is fetched only when the chart comes near the screen,
// so the dashboard starts without it.
import { lazy, type RefObject, Suspense, useEffect, useRef, useState } from "react";

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

export interface HistoryChartProps {
  rows: ChartRow[];
  series: ChartSeries[];
  money: boolean;
}

const HistoryBarChart = lazy(() => import("./history-bar-chart"));

export function HistoryChart(props: HistoryChartProps) {
  const frame = useRef<HTMLDivElement>(null);
  const visible = useNearScreen(frame);
  return (
    <div ref={frame} className="h-64 w-full" aria-hidden="true">
      {visible && (
        <Suspense fallback={null}>
          <HistoryBarChart {...props} />
        </Suspense>
      )}
    </div>
  );
}

/** True from the moment the element is within 200 px of the viewport. */
function useNearScreen(element: RefObject<HTMLElement | null>) {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!target || typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "200px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return near;
}
