import type { ComponentProps } from 'preact';
import type { I18n } from '../../../platform/i18n/i18n.ts';
import { CheckboxGroup } from '../../../ui/fields.tsx';
import type { Topic } from '../newsletter.service.ts';

/**
 * The twin cities a subscription or an issue is about, as checkboxes: each city by its name
 * in the page's language, marked with its own language where it has no name in the page's.
 */
export function TopicsField({
  i18n,
  topics,
  ...group
}: Omit<ComponentProps<typeof CheckboxGroup>, 'options'> & { i18n: I18n; topics: Topic[] }) {
  return (
    <CheckboxGroup
      {...group}
      options={topics.map((c) => ({
        value: c.slug,
        label: c.name,
        ...(c.lang === i18n.locale ? {} : { lang: c.lang }),
      }))}
    />
  );
}
