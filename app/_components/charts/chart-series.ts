/** One drawn series: the data key it reads, its legend/table label and its colour. */
export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}
