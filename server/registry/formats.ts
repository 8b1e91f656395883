/**
 * The registry's formats as patterns and plain functions, without zod: what the checks test
 * (date-invalid, nct-id-format) comes from here, so `trial check` and the language server's checks
 * never load the zod schema (schema.ts builds its validators from these).
 */

const LEAP_YEAR = '(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';
const FULL_DATE =
  '(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  `|${LEAP_YEAR}-02-29)`;

/** A real calendar date `yyyy-MM-dd` (leap years included; no 2021-02-30). */
export const FULL_DATE_PATTERN = new RegExp(`^${FULL_DATE}$`);
/** OAS205 PartialDate: `yyyy`, `yyyy-MM` or a real `yyyy-MM-dd`. */
export const PARTIAL_DATE_PATTERN = new RegExp(`^(?:\\d{4}|\\d{4}-(?:0[1-9]|1[0-2])|${FULL_DATE})$`);
/** OAS205 pattern of minimumAge, maximumAge and targetDuration. */
export const AGE_PATTERN = /^\d+ (Year|Years|Month|Months|Week|Weeks|Day|Days|Hour|Hours|Minute|Minutes)$/;
/** NCT number: OAS205 `nct` is exactly 11 characters; records write `NCT` + 8 digits. */
export const NCT_ID_PATTERN = /^NCT\d{8}$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why `input` is not a valid date (a phrase to follow the field name), or undefined if it is one. */
export function describeDateProblem(input: unknown, kind: 'partial' | 'full'): string | undefined {
  if (typeof input !== 'string') return undefined;
  const shape = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(input);
  const expected = kind === 'partial' ? 'yyyy, yyyy-MM or yyyy-MM-dd' : 'a full date yyyy-MM-dd';
  if (!shape) return `is "${input}", which is not a date in the form ${expected}`;
  if (kind === 'full' && shape[3] === undefined) return `is "${input}"; this field needs ${expected}`;
  const year = Number(shape[1]);
  if (shape[2] !== undefined) {
    const month = Number(shape[2]);
    if (month < 1 || month > 12) return `is "${input}", which is not a real date: there is no month ${shape[2]}`;
    if (shape[3] !== undefined) {
      const day = Number(shape[3]);
      const max = daysInMonth(year, month);
      if (day < 1 || day > max) return `is "${input}", which is not a real date: ${MONTHS[month - 1]} ${year} has ${max} days`;
    }
  }
  return undefined;
}
