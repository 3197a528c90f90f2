/** One stacked bar chart, laid out for an inline SVG (rendered by views/chart.eta, no script). */
export interface BarChart {
  title: string;
  /** What a screen reader hears for the whole chart. */
  summary: string;
  width: number;
  height: number;
  bars: {
    x: number;
    width: number;
    label: string;
    segments: { y: number; height: number; series: number; title: string }[];
  }[];
  /** Every few bars, the label under the axis. */
  ticks: { x: number; text: string }[];
  max: number;
  series: { name: string; index: number; total: number }[];
  /** The same numbers as a table, for those who cannot see the chart. */
  rows: { label: string; values: number[] }[];
}

const WIDTH = 720;
const HEIGHT = 200;
const AXIS = 24;

/**
 * Lays out `buckets` (one bar each, labelled) stacked by `series` (the count of each in each
 * bucket), which readers see as `nameOf` names them. Geometry only: colours come from the
 * stylesheet by series index.
 */
export function barChart(
  title: string,
  buckets: { label: string; tick: string; counts: Record<string, number> }[],
  series: string[],
  nameOf: (series: string) => string = (name) => name,
): BarChart {
  const max = Math.max(
    1,
    ...buckets.map((bucket) => series.reduce((sum, name) => sum + (bucket.counts[name] ?? 0), 0)),
  );
  const slot = WIDTH / Math.max(1, buckets.length);
  const plot = HEIGHT - AXIS;
  const tickEvery = Math.ceil(buckets.length / 8);
  const bars = buckets.map((bucket, i) => {
    let top = plot;
    const segments = series.flatMap((name, index) => {
      const count = bucket.counts[name] ?? 0;
      if (!count) return [];
      const height = (count / max) * (plot - 4);
      top -= height;
      return [{ y: top, height, series: index, title: `${bucket.label}: ${count} ${nameOf(name)}` }];
    });
    return { x: i * slot + 1, width: Math.max(1, slot - 2), label: bucket.label, segments };
  });
  const totals = series.map((name, index) => ({
    name: nameOf(name),
    index,
    total: buckets.reduce((sum, bucket) => sum + (bucket.counts[name] ?? 0), 0),
  }));
  return {
    title,
    summary: `${title}: ${totals.map((s) => `${s.total} ${s.name}`).join(', ') || 'nothing yet'}.`,
    width: WIDTH,
    height: HEIGHT,
    bars,
    ticks: buckets.flatMap((bucket, i) => (i % tickEvery === 0 ? [{ x: i * slot + slot / 2, text: bucket.tick }] : [])),
    max,
    series: totals,
    rows: buckets.map((bucket) => ({ label: bucket.label, values: series.map((name) => bucket.counts[name] ?? 0) })),
  };
}
