/**
 * Precision intervals. A stated number stands for every value that rounds
 * to it: 99.4 → [99.35, 99.45], 1.49万 → [14850, 14950]. Bounds are computed
 * in decimal (from the digits as written) and rounded to 12 significant
 * digits, so 99.4 - 0.05 gives 99.35, not 99.35000000000001.
 */
export function roundSignificant(value: number): number {
  // Integers (most figures) are exact already; toPrecision is slow enough to matter on hostile input.
  if (Number.isInteger(value) || !Number.isFinite(value)) return value;
  const magnitude = magnitudeOf(Math.abs(value));
  const exponent = 11 - magnitude;
  const scale = exponent >= SCALE_MIN && exponent <= SCALE_MAX ? SCALES[exponent - SCALE_MIN]! : 10 ** exponent;
  return Number.isFinite(scale) && scale > 0 ? Math.round(value * scale) / scale : Number(value.toPrecision(12));
}

/**
 * Math.floor(Math.log10(abs)), found by comparing with powers of ten: a
 * logarithm costs more than the rest of the rounding, and a decimal figure is
 * rounded several times. Close to a power of ten, where the logarithm's last
 * bit decides, the logarithm itself is asked, so the answer is always the same.
 */
function magnitudeOf(abs: number): number {
  if (!(abs >= 1e-6 && abs < 1e15)) return Math.floor(Math.log10(abs));
  let k = 0;
  while (abs >= POWERS[k + 1 + POWER_OFFSET]!) k++;
  while (abs < POWERS[k + POWER_OFFSET]!) k--;
  const low = POWERS[k + POWER_OFFSET]!;
  const high = POWERS[k + 1 + POWER_OFFSET]!;
  if (abs - low < low * 1e-12 || high - abs < high * 1e-12) return Math.floor(Math.log10(abs));
  return k;
}

/** 10 ** k for k in [-6, 15], by k + POWER_OFFSET. */
const POWER_OFFSET = 6;
const POWERS = Float64Array.from({ length: 22 }, (_, k) => 10 ** (k - POWER_OFFSET));

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
