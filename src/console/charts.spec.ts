import { barChart } from './charts';

describe('barChart', () => {
  const buckets = [
    { label: '10:00', tick: '10', counts: { allowed: 6, 'refused:expired': 2 } },
    { label: '11:00', tick: '11', counts: {} as Record<string, number> },
    { label: '12:00', tick: '12', counts: { allowed: 4 } },
  ];
  const chart = barChart('Decisions', buckets, ['allowed', 'refused:expired']);

  it('stacks each bucket’s series from the axis up, the tallest bar reaching the top', () => {
    const [first, empty, third] = chart.bars;
    expect(chart.max).toBe(8);
    expect(first.segments.map((s) => s.series)).toEqual([0, 1]);
    const [allowed, refused] = first.segments;
    expect(allowed.y + allowed.height).toBeCloseTo(chart.height - 24);
    expect(refused.y + refused.height).toBeCloseTo(allowed.y);
    expect(allowed.height).toBeCloseTo(3 * refused.height);
    expect(empty.segments).toEqual([]);
    expect(third.segments[0].height).toBeCloseTo((4 / 6) * allowed.height);
  });

  it('says the totals for a screen reader, and keeps every number in its table', () => {
    expect(chart.summary).toBe('Decisions: 10 allowed, 2 refused:expired.');
    expect(chart.rows).toEqual([
      { label: '10:00', values: [6, 2] },
      { label: '11:00', values: [0, 0] },
      { label: '12:00', values: [4, 0] },
    ]);
  });
});
