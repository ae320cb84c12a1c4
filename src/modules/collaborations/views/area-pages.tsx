import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Form, TextField } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import { ListTable } from '../../../ui/list-table.tsx';
import type { Area } from '../area.service.ts';
import type { AreaInput } from '../collaboration.schema.ts';

/** The ids of an area's name fields in its table row (where a rename's problems link to). */
export const areaFieldId = (id: string, field: string) =>
  `${field === 'nameEn' ? 'en' : 'sv'}-${id}`;

/** One area's rename and (de)activate forms, in its table row. */
function AreaActions({ ctx, area: a }: { ctx: PageContext; area: Area }) {
  const { t } = ctx.i18n;
  const input = (field: 'nameSv' | 'nameEn', label: string, value: string) => {
    const id = areaFieldId(a.id, field);
    const error = ctx.formErrors[id];
    return (
      <>
        <label for={id} class="visually-hidden">
          {label}: {value}
        </label>
        <input
          class="input input-short"
          id={id}
          name={field}
          value={value}
          aria-invalid={error ? 'true' : undefined}
        />{' '}
      </>
    );
  };
  return (
    <>
      <Form ctx={ctx} action={`/workspace/areas/${a.id}`}>
        {input('nameSv', t('collab.areas.nameSv'), a.nameSv)}
        {input('nameEn', t('collab.areas.nameEn'), a.nameEn)}
        <Button variant="secondary">
          {t('collab.areas.rename')}
          <span class="visually-hidden">: {a.nameSv}</span>
        </Button>
      </Form>
      <Form ctx={ctx} action={`/workspace/areas/${a.id}/active`}>
        <input type="hidden" name="active" value={a.active ? '0' : '1'} />
        <Button variant="secondary">
          {a.active ? t('collab.areas.deactivate') : t('collab.areas.activate')}
          <span class="visually-hidden">: {a.nameSv}</span>
        </Button>
      </Form>
    </>
  );
}

export function AreasPage(props: {
  ctx: PageContext;
  areas: readonly Area[];
  values?: AreaInput | undefined;
}) {
  const { ctx, areas } = props;
  const { t } = ctx.i18n;
  return (
    <Layout ctx={ctx} title={t('collab.areas.title')}>
      <h1>{t('collab.areas.title')}</h1>
      <p class="lead">{t('collab.areas.lead')}</p>
      <ListTable
        caption={t('collab.areas.title')}
        rows={areas}
        columns={[
          { header: t('collab.areas.nameSv'), rowHeader: true, cell: (a) => a.nameSv },
          { header: t('collab.areas.nameEn'), cell: (a) => a.nameEn },
          {
            header: t('collab.areas.state'),
            cell: (a) => (a.active ? t('collab.areas.active') : t('collab.areas.inactive')),
          },
          {
            header: t('collab.areas.actions'),
            cell: (a) => <AreaActions ctx={ctx} area={a} />,
          },
        ]}
      />
      <h2>{t('collab.areas.add')}</h2>
      <Form ctx={ctx} action="/workspace/areas" values={props.values}>
        <TextField name="nameSv" label={t('collab.areas.nameSv')} />
        <TextField name="nameEn" label={t('collab.areas.nameEn')} />
        <Button>{t('collab.areas.add')}</Button>
      </Form>
    </Layout>
  );
}
