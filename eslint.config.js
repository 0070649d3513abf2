// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrictedInCore = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in the core: take an asOf date argument.' },
  { selector: "CallExpression[callee.property.name='toFixed']", message: 'No float formatting in the core: use formatScaled / formatMoney.' },
  { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
  { selector: 'TSEnumDeclaration', message: 'Use a union of string literals.' },
  {
    selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier",
    message: "Write `import * as z from 'zod'`: bundlers then keep only the schema builders used (a named `z` import keeps all of zod).",
  },
];

export default tseslint.config(
  { ignores: ['dist/', 'docs/api/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...restrictedInCore],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'No clock in the core: take an asOf date argument.' },
        { object: 'Math', property: 'random', message: 'No randomness in the core.' },
        { object: 'Number', property: 'parseFloat', message: 'No floats in the core: use scaled().' },
      ],
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'No floats in the core: use scaled().' }],
      'no-console': 'error',
    },
  },
  {
    files: ['*.js', '*.cjs', '*.config.ts', '.dependency-cruiser.cjs', 'scripts/**'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { module: 'writable', require: 'readonly', process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
