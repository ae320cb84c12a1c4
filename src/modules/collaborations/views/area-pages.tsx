import type { PageContext } from '../../../platform/page-context.ts';
import { Button, Form, TextField } from '../../../ui/fields.tsx';
import { Layout } from '../../../ui/layout.tsx';
import type { Area } from '../area.service.ts';
import type { AreaInput } from '../collaboration.schema.ts';
import { WorkspaceNav } from './parts.tsx';

/** The ids of an area's name fields in its table row (where a rename's problems link to). */
export const areaFieldId = (id: string, field: string) =>
  `${field === 'nameEn' ? 'en' : 'sv'}-${id}`;

/** One area's rename and (de)activate forms, in its table row. */
function AreaRow({ ctx, area: a }: { ctx: PageContext; area: Area }) {
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
    <tr>
      <th scope="row">{a.nameSv}</th>
      <td>{a.nameEn}</td>
      <td>{a.active ? t('collab.areas.active') : t('collab.areas.inactive')}</td>
      <td>
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
      </td>
    </tr>
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
      <WorkspaceNav ctx={ctx} />
      <h1>{t('collab.areas.title')}</h1>
      <p class="lead">{t('collab.areas.lead')}</p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('collab.areas.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('collab.areas.nameSv')}</th>
              <th scope="col">{t('collab.areas.nameEn')}</th>
              <th scope="col">{t('collab.areas.state')}</th>
              <th scope="col">{t('collab.areas.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <AreaRow key={a.id} ctx={ctx} area={a} />
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('collab.areas.add')}</h2>
      <Form ctx={ctx} action="/workspace/areas" values={props.values}>
        <TextField name="nameSv" label={t('collab.areas.nameSv')} />
        <TextField name="nameEn" label={t('collab.areas.nameEn')} />
        <Button>{t('collab.areas.add')}</Button>
      </Form>
    </Layout>
  );
}
