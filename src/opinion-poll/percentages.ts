/**
 * The shares shown for a poll's options, as whole percentages.
 *
 * With no `base` (single choice) the shares are of all votes and always sum to exactly 100, by the
 * largest-remainder method: each option gets the whole part of its exact share, and the points
 * still missing go to the largest remainders (ties to the option with more votes, then to the
 * earlier one). The seed poll's 33/30/24/21 give 31/28/22/19. Plain rounding would give 31/28/22/19
 * there too, but 1/1/1 would become 33/33/33.
 *
 * With a `base` (multiple choice: the number of voters) each share is rounded on its own; they can
 * sum to more than 100, since a voter may pick several options. No votes (or no voters) give 0s.
 */
export function percentages(counts: readonly number[], base?: number): number[] {
  if (base !== undefined) return counts.map((n) => (base > 0 ? Math.round((100 * n) / Math.max(base, n)) : 0));
  const total = counts.reduce((sum, n) => sum + n, 0);
  // Integer arithmetic: 100 * n / total split exactly into a whole part and a remainder.
  const shares = counts.map((n) => (total ? Math.floor((100 * n) / total) : 0));
  const rest = (i: number) => (100 * counts[i]) % total;
  const missing = total && 100 - shares.reduce((sum, n) => sum + n, 0);
  // A stable sort: equal remainders and counts keep the options' order.
  [...counts.keys()]
    .sort((a, b) => rest(b) - rest(a) || counts[b] - counts[a])
    .slice(0, missing)
    .forEach((i) => shares[i]++);
  return shares;
}
