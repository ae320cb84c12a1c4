/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle between files (and so none between modules).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'layers-import-no-module',
      severity: 'error',
      comment:
        'shared, config, db, platform and ui are below the modules: they import none (their tests may).',
      from: { path: '^src/(shared|config|db|platform|ui)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'modules-use-public-surfaces',
      severity: 'error',
      comment:
        'A module imports another module only through its public surface (index.ts), never its repositories, row types, routes or views.',
      from: { path: '^src/modules/([^/]+)/', pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^src/modules/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
