// Layering of DESIGN.md: modules depend downward only,
//   errors ← money, calendar ← pricing ← orders ← invoicing ← payments;
// credit takes plain inputs through its own types; adapters and testkit sit on top and
// nothing in the core imports them (nor the command-line tool, src/cli). No cycles anywhere.
const core = ['errors', 'money', 'calendar', 'pricing', 'orders', 'invoicing', 'payments', 'credit'];
const allowed = {
  errors: [],
  money: ['errors'],
  calendar: ['errors'],
  pricing: ['errors', 'money', 'calendar'],
  orders: ['errors', 'money', 'calendar', 'pricing'],
  invoicing: ['errors', 'money', 'calendar', 'pricing', 'orders'],
  payments: ['errors', 'money', 'calendar', 'pricing', 'orders', 'invoicing'],
  credit: ['errors', 'money', 'calendar'],
};

const layerRules = Object.entries(allowed).map(([layer, deps]) => ({
  name: `layer-${layer}`,
  comment: `src/${layer} may import only ${deps.length ? deps.join(', ') : 'itself'} (DESIGN.md layering)`,
  severity: 'error',
  from: { path: `^src/${layer}/` },
  to: { path: `^src/(?!(?:${[layer, ...deps].join('|')})/)[^/]+/` },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'No import cycles.', from: {}, to: { circular: true } },
    ...layerRules,
    {
      name: 'root-stays-light',
      comment: 'The root entry point re-exports only the foundation (errors, money, calendar).',
      severity: 'error',
      from: { path: '^src/index\\.ts$' },
      to: { path: '^src/(?!(errors|money|calendar)/)' },
    },
    {
      name: 'core-not-on-shell',
      comment: 'Core modules never import adapters, the testkit or the command-line tool.',
      severity: 'error',
      from: { path: `^src/(${core.join('|')})/` },
      to: { path: '^src/(adapters|testkit|cli)/' },
    },
    {
      name: 'memory-not-on-postgres',
      severity: 'error',
      from: { path: '^src/adapters/memory/' },
      to: { path: '^src/adapters/postgres/' },
    },
    {
      name: 'src-not-on-tests',
      comment: 'Shipped code never imports tests, benchmarks, examples or scripts.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench|examples|scripts)/' },
    },
    {
      name: 'runtime-deps-declared',
      comment: 'The core imports only declared runtime dependencies.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(adapters|testkit)/' },
      to: { dependencyTypes: ['npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown', 'unknown', 'undetermined'] },
    },
    {
      name: 'shell-deps-declared',
      comment: 'Adapters and the testkit may also import optional peer dependencies (fast-check, pglite, pg).',
      severity: 'error',
      from: { path: '^src/(adapters|testkit)/' },
      to: { dependencyTypes: ['npm-unknown', 'unknown', 'undetermined'] },
    },
    {
      name: 'shell-dev-deps-are-peers',
      severity: 'error',
      from: { path: '^src/(adapters|testkit)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['npm-peer'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
