/** One stacked bar chart, laid out for an inline SVG (rendered by views/chart.eta, no script). */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "barChart", {
    enumerable: true,
    get: function() {
        return barChart;
    }
});
const WIDTH = 720;
const HEIGHT = 200;
const AXIS = 24;
function barChart(title, buckets, series, nameOf = (name)=>name) {
    const max = Math.max(1, ...buckets.map((bucket)=>series.reduce((sum, name)=>sum + (bucket.counts[name] ?? 0), 0)));
    const slot = WIDTH / Math.max(1, buckets.length);
    const plot = HEIGHT - AXIS;
    const tickEvery = Math.ceil(buckets.length / 8);
    const bars = buckets.map((bucket, i)=>{
        let top = plot;
        const segments = series.flatMap((name, index)=>{
            const count = bucket.counts[name] ?? 0;
            if (!count) return [];
            const height = count / max * (plot - 4);
            top -= height;
            return [
                {
                    y: top,
                    height,
                    series: index,
                    title: `${bucket.label}: ${count} ${nameOf(name)}`
                }
            ];
        });
        return {
            x: i * slot + 1,
            width: Math.max(1, slot - 2),
            label: bucket.label,
            segments
        };
    });
    const totals = series.map((name, index)=>({
            name: nameOf(name),
            index,
            total: buckets.reduce((sum, bucket)=>sum + (bucket.counts[name] ?? 0), 0)
        }));
    return {
        title,
        summary: `${title}: ${totals.map((s)=>`${s.total} ${s.name}`).join(', ') || 'nothing yet'}.`,
        width: WIDTH,
        height: HEIGHT,
        bars,
        ticks: buckets.flatMap((bucket, i)=>i % tickEvery === 0 ? [
                {
                    x: i * slot + slot / 2,
                    text: bucket.tick
                }
            ] : []),
        max,
        series: totals,
        rows: buckets.map((bucket)=>({
                label: bucket.label,
                values: series.map((name)=>bucket.counts[name] ?? 0)
            }))
    };
}

//# sourceMappingURL=charts.js.map
