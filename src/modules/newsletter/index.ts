/**
 * The public surface of the newsletter module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Nothing of the subscribers leaves it.
 */
export { newsletterSendJob } from './newsletter.job.ts';
export { newslettersOfPeriod } from './evaluation-figures.service.ts';
