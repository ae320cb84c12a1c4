import type { FastifyReply } from 'fastify';
import type { ComponentChildren, JSX } from 'preact';
import type { Db } from '../db/database.ts';
import type { PageContext } from './page-context.ts';
import { pageContext, renderPage } from './render.ts';

/**
 * A port for content that belongs on another module's page without that module importing
 * it (decision 017): news linked to a city, a meeting or a collaboration is shown on their
 * pages, while the news module itself needs the names of cities, meetings and
 * collaborations. The news module imports theirs (through their `index.ts`); they ask this
 * port, which the modules fill through their descriptors (`related`), so no import cycle
 * arises. The platform names no module.
 */

/** What a public page is about; `home` is the start page (its id is empty). */
export interface ContentTarget {
  kind: 'city' | 'meeting' | 'collaboration' | 'home';
  id: string;
}

/** A section for the page of `target` (e.g. "News about Bergen"), or null when there is nothing. */
export type RelatedContentSource = (
  db: Db,
  target: ContentTarget,
  ctx: PageContext,
) => Promise<JSX.Element | null>;

let sources: readonly RelatedContentSource[] = [];

/** Called by the module registry with every module's source. */
export function installRelatedContent(list: readonly RelatedContentSource[]): void {
  sources = [...list];
}

/** The sections every module has for the page of `target`, in registry order. */
export async function relatedContent(
  db: Db,
  target: ContentTarget,
  ctx: PageContext,
): Promise<JSX.Element[]> {
  const sections = await Promise.all(sources.map((source) => source(db, target, ctx)));
  return sections.filter((s): s is JSX.Element => s !== null);
}

/** Sends the public page of `target` (see `renderPage`) with the sections the modules have for it. */
export async function renderWithRelated<
  P extends { ctx: PageContext; related?: ComponentChildren | readonly JSX.Element[] },
>(
  db: Db,
  reply: FastifyReply,
  target: ContentTarget,
  Page: (props: P) => ComponentChildren,
  props: Omit<P, 'ctx' | 'related'>,
): Promise<FastifyReply> {
  const ctx = pageContext(reply.request, reply);
  const related = await relatedContent(db, target, ctx);
  return renderPage(reply, Page, { ...props, related } as Omit<P, 'ctx'>, { ctx });
}
