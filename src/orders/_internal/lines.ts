import type { CalendarDate } from '../../calendar/CalendarDate.js';
import type { Scaled } from '../../money/Scaled.js';

/** A validated input line with its id settled (default: its 1-based position). */
export type InputLine = {
  readonly lineId: string;
  readonly itemId: string;
  readonly quantity: Scaled;
  readonly unit: string;
  readonly requestedDate?: CalendarDate;
};

export function settleLineIds(
  lines: readonly { readonly lineId?: string | undefined; readonly itemId: string; readonly quantity: Scaled; readonly unit: string; readonly requestedDate?: CalendarDate | undefined }[],
): InputLine[] {
  return lines.map((l, i) => ({
    lineId: l.lineId ?? String(i + 1),
    itemId: l.itemId,
    quantity: l.quantity,
    unit: l.unit,
    ...(l.requestedDate === undefined ? {} : { requestedDate: l.requestedDate }),
  }));
}
