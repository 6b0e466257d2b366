/**
 * Precision intervals. A stated number stands for every value that rounds
 * to it: 99.4 → [99.35, 99.45], 1.49万 → [14850, 14950]. Bounds are computed
 * in decimal (from the digits as written) and rounded to 12 significant
 * digits, so 99.4 - 0.05 gives 99.35, not 99.35000000000001.
 */
export function roundSignificant(value: number): number {
  // Integers (most figures) are exact already; toPrecision is slow enough to matter on hostile input.
  if (Number.isInteger(value) || !Number.isFinite(value)) return value;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const scale = 10 ** (11 - magnitude);
  return Number.isFinite(scale) && scale > 0 ? Math.round(value * scale) / scale : Number(value.toPrecision(12));
}

/**
 * @param value the value as stated (scale applied)
 * @param unitOfLastDigit the place value of the last written digit, scale applied
 *   (99.4 → 0.1; 1.49万 → 100; 3千万 → 10,000,000)
 */
export function halfUnitInterval(value: number, unitOfLastDigit: number): [number, number] {
  const half = unitOfLastDigit / 2;
  return [roundSignificant(value - half), roundSignificant(value + half)];
}

export function exactInterval(value: number): [number, number] {
  return [value, value];
}
