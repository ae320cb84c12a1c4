/**
 * The public surface of the newsletter module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Nothing of the subscribers leaves it,
 * but one person's own subscription for the privacy module's export and erasure (decision 037).
 */
export { newsletterSendJob } from './newsletter.job.ts';
export { newslettersOfPeriod } from './evaluation-figures.service.ts';
export {
  eraseSubscriberOf,
  exportSubscription,
  subscribersPastRetention,
  subscriptionTokenOf,
} from './subscription.service.ts';
