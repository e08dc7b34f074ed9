/** Pure robust statistics for the unusual-purchase rule. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median absolute deviation from the median. */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/** Scales a MAD to a standard deviation for normally distributed data. */
export const MAD_TO_SIGMA = 1.4826;

/**
 * How many "robust standard deviations" `value` lies above the median of
 * `history` (the modified z-score of Iglewicz and Hoaglin). Median and MAD,
 * unlike mean and standard deviation, are not dragged up by the one big
 * order a customer placed last Christmas, so that order neither hides the
 * next anomaly nor makes every normal order look small.
 *
 * A shopper who always spends exactly the same has a MAD of 0, which would
 * make any change infinitely anomalous; `minSpread` (a share of the median,
 * and an absolute floor) stands in for the spread then.
 */
export function robustScore(value: number, history: readonly number[], minSpread: { share: number; absolute: number }): number {
  const m = median(history);
  const spread = Math.max(MAD_TO_SIGMA * mad(history), minSpread.share * m, minSpread.absolute);
  return (value - m) / spread;
}
