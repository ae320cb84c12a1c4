import { defineModule } from '../../platform/module.ts';
import { infoPages } from './info.pages.tsx';
import { workspaceEn, workspaceSv } from './workspace.messages.ts';
import { workspacePages } from './workspace.pages.tsx';

export const pagesModule = defineModule({
  name: 'pages',
  purpose: 'the home page, the policy text, the accessibility statement, the workspace start page',
  routes: [infoPages, workspacePages],
  messages: [
    { locale: 'sv', messages: workspaceSv },
    { locale: 'en', messages: workspaceEn },
  ],
  protectedRoutes: { 'GET /workspace': 'authenticated' },
  tables: [],
});
