/** How often dues are paid: shared by the API's checks and the widget's amounts, with no schema library. */

/** The schedules Rally knows: monthly, yearly, and a year's dues in one payment, not renewed. */
export const duesIntervals = ['month', 'year', 'one_time'] as const;

export type DuesInterval = (typeof duesIntervals)[number];

/** Months of dues one payment covers: one a month, twelve a year or at once. */
export const monthsPerPayment = (interval: DuesInterval): number => (interval === 'month' ? 1 : 12);
