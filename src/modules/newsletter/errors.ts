import { defineErrors } from '../../shared/errors.ts';

/**
 * The error codes of the newsletter: subscriptions, links and issues. The registry joins them into the one catalogue and
 * the `ErrorCode` type (src/shared/errors.ts; docs/errors.md, `GET /api/errors`, the HTML error pages).
 */
export const { specs: newsletterErrorSpecs, factories: newsletterErrors } = defineErrors({
  NEWSLETTER_LINK_INVALID: {
    status: 404,
    when: 'A newsletter confirmation, unsubscribe or subscription link carries a token that does not exist (never issued, or the address was erased).',
    message: 'The newsletter link is not valid',
    page: { title: 'newsletter.link.invalid.title', text: 'newsletter.link.invalid.text' },
  },
  NEWSLETTER_LINK_EXPIRED: {
    status: 410,
    when: 'A newsletter confirmation link is used after NEWSLETTER_CONFIRM_HOURS.',
    message: 'The confirmation link has expired',
    page: { title: 'newsletter.link.expired.title', text: 'newsletter.link.expired.text' },
  },
  NEWSLETTER_LINK_USED: {
    status: 410,
    when: 'A newsletter confirmation link is used a second time.',
    message: 'The confirmation link has already been used',
    page: { title: 'newsletter.link.used.title', text: 'newsletter.link.used.text' },
  },
  NEWSLETTER_ONE_CLICK_INVALID: {
    status: 400,
    when: 'A POST to a newsletter one-click unsubscribe address (RFC 8058) has another body than `List-Unsubscribe=One-Click`; nothing changes.',
    message: 'The body must be List-Unsubscribe=One-Click',
    page: { text: 'newsletter.oneClick.invalid' },
  },
  NEWSLETTER_ISSUE_NOT_FOUND: {
    status: 404,
    when: 'No newsletter issue has the id in the address.',
    message: 'No such newsletter issue',
    about: 'id',
  },
  NEWSLETTER_ISSUE_NOT_DRAFT: {
    status: 409,
    when: 'A newsletter issue that is being sent or has been sent is to be changed or sent again.',
    message: 'The issue has already been sent and can no longer be changed',
    page: { text: 'newsletter.err.notDraft' },
    about: 'id',
  },
});
