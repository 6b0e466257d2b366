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
  const exponent = 11 - magnitude;
  const scale = exponent >= SCALE_MIN && exponent <= SCALE_MAX ? SCALES[exponent - SCALE_MIN]! : 10 ** exponent;
  return Number.isFinite(scale) && scale > 0 ? Math.round(value * scale) / scale : Number(value.toPrecision(12));
}

/*
 * 10 ** exponent for every exponent roundSignificant can need (a finite
 * non-integer is below 2^53 and above 5e-324, so 11 - magnitude is in
 * [-4, 335]): a power is the costliest step of rounding, and this runs for
 * every decimal figure and both ends of its interval. Computed with the same
 * `10 **` as the rounding would use, not written as literals, so that every
 * scale is the very same double (10 ** -5 is not 1e-5). Nothing calls
 * roundSignificant while modules load, so the table is ready before its
 * first use.
 */
const SCALE_MIN = -4;
const SCALE_MAX = 335;
const SCALES = Float64Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, k) => 10 ** (k + SCALE_MIN));

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
