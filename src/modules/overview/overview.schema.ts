import { z } from 'zod';

// The year and city come as text and are checked by the service, so that a year that is
// not a number is the same 404 page as a year out of range (not a 400).

export const overviewYearParams = z.object({ year: z.string() });
export const overviewCityParams = z.object({
  year: z.string(),
  city: z.string(),
});

/** The year picker's choice (a GET form without JavaScript). */
export const overviewPickerQuery = z.object({
  year: z.string().optional(),
  city: z.string().optional(),
});
