/**
 * Splits an integer `total` into parts proportional to `weights` (largest remainder method):
 * each part is the floor of its exact share, and the units left over go to the parts with the
 * largest remainders (ties to the earlier part). The parts always add up to `total` exactly, and
 * each is within one minor unit of its exact share. With no weight at all, the first part takes it.
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new Error(`total ${total} must be a non-negative integer`);
  if (weights.length === 0) {
    if (total !== 0) throw new Error('cannot allocate an amount to no parts');
    return [];
  }
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new Error('weights must be non-negative integers');
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? total : 0));
  const t = BigInt(total);
  const parts = weights.map((w) => (t * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (t * BigInt(w)) % sum }));
  let left = t - parts.reduce((a, p) => a + p, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
