/**
 * The newsletter's services, by entity: the settings, tokens and topics
 * (`newsletter.common.ts`), subscriptions (`subscription.service.ts`), issues and their
 * digest (`issue.service.ts`), and the sending job's deliveries (`delivery.service.ts`).
 */
export * from './newsletter.common.ts';
export * from './subscription.service.ts';
export * from './issue.service.ts';
export * from './delivery.service.ts';
