/**
 * The human-subjects review board status. Not a field of the API v2 record (the public API does
 * not carry it); it is an element of the PRS upload (`oversight_info/irb_info`, approval status),
 * whose values are, in the PRS schema's comments (PRSXSD in shared/reference/registry-format.md
 * §8): Approved, Pending, Exempt, Denied, Not required, Not yet submitted.
 */
export const REVIEW_BOARD_STATUS = ['approved', 'pending', 'exempt', 'denied', 'not required', 'not yet submitted'] as const;
export type ReviewBoardStatus = (typeof REVIEW_BOARD_STATUS)[number];

export function reviewBoardStatus(words: string): ReviewBoardStatus | undefined {
  const w = words.trim().toLowerCase().replace(/\s+/g, ' ');
  return (REVIEW_BOARD_STATUS as readonly string[]).includes(w) ? (w as ReviewBoardStatus) : undefined;
}
