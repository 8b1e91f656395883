/**
 * The registry's form of an eligibility age (OAS205 `minimumAge` / `maximumAge`: a whole number and
 * a unit, "18 Years"). Shared by the exporter, which writes it, and the checks, which report an age
 * that cannot be written — so `trial check` says what `trial export` would refuse.
 */
import { timeUnitCode } from '../units';

const AGE_UNITS: Record<string, [string, string]> = {
  a: ['Year', 'Years'],
  mo: ['Month', 'Months'],
  wk: ['Week', 'Weeks'],
  d: ['Day', 'Days'],
  h: ['Hour', 'Hours'],
  min: ['Minute', 'Minutes'],
};

/** `18 years` → "18 Years", `1 month` → "1 Month"; undefined when it is not a whole number of a time unit. */
export function registryAge(value: number, unitText: string): string | undefined {
  const code = timeUnitCode(unitText);
  const words = code ? AGE_UNITS[code] : undefined;
  if (!words || !Number.isInteger(value) || value < 0) return undefined;
  return `${value} ${value === 1 ? words[0] : words[1]}`;
}
