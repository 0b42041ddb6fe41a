/** Holds a chart's place while its code loads: charts come in their own chunk. */
export const chartSpace = <div className="chart-loading" aria-hidden="true" />;
