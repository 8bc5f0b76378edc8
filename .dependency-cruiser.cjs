/**
 * The layers of Fundguard and the rules that keep them (docs/architecture.md draws them). `npm run lint` runs this
 * check, and `npm test` runs `npm run lint`: a violation fails the tests with the rule's name and the import.
 *
 *   cli, server                       adapters: the command line, the HTTP API
 *   config                            the environment, parsed once by the command line and passed down as options
 *   workbench                         the application: opens the stores, makes request contexts, runs jobs
 *   domains (screening, cases, …)     the use cases and their SQL
 *   kernel                            small shared helpers (numbers, time, paging, errors, the request context)
 *   store, db                         the operational store and the two SQL engines
 *   contract                          vocabulary, the 条例's limits, settings' schemas, the HTTP API's shapes
 */
const DOMAINS = '^src/(?!contract/|kernel/|db/|store/|workbench/|server/|cli/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contract-imports-nothing',
      comment: 'src/contract is the bottom layer: it imports nothing else from src.',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { path: '^src/', pathNot: '^src/contract/' },
    },
    {
      name: 'vocabulary-has-no-dependencies',
      comment: 'The vocabulary and the 条例 limits reach the browser bundle: no packages (no zod) behind them.',
      severity: 'error',
      from: { path: '^src/contract/(vocabulary|regulation)\\.ts$' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'] },
    },
    {
      name: 'db-below-everything-but-contract',
      comment: 'The engines (src/db) know nothing of the store, the kernel or the domains.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: '^src/(db|contract)/' },
    },
    {
      name: 'store-below-kernel',
      comment: 'The operational store (src/store) builds on the engines only.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/', pathNot: '^src/(store|db|contract)/' },
    },
    {
      name: 'kernel-below-domains',
      comment: 'The shared kernel (src/kernel) may use the store, the engines and the contract, never a domain or an adapter.',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/', pathNot: '^src/(kernel|store|db|contract)/' },
    },
    {
      name: 'domains-not-adapters',
      comment: 'Domains never import the HTTP server or the command line: those are adapters on top of them.',
      severity: 'error',
      from: { path: DOMAINS },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'domains-not-application',
      comment: 'Domains never import the workbench: it composes them, and hands them a request context.',
      severity: 'error',
      from: { path: DOMAINS },
      to: { path: '^src/workbench/' },
    },
    {
      name: 'application-not-adapters',
      comment: 'The workbench never imports the HTTP server or the command line.',
      severity: 'error',
      from: { path: '^src/workbench/' },
      to: { path: '^src/(server|cli)/' },
    },
    {
      name: 'domains-take-api-types-only',
      comment:
        "Domains use the HTTP API module for its types only; the request schemas are the server's (settings' schemas are in src/contract/settings.ts).",
      severity: 'error',
      from: { path: DOMAINS },
      to: { path: '^src/contract/api/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'server-not-cli',
      comment: 'The HTTP server never imports the command line.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'config-only-for-the-cli',
      comment:
        'The environment is parsed once, by the command line (src/config): the server, the domains and the layers below get their settings as options.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|config)/' },
      to: { path: '^src/config/' },
    },
    {
      name: 'config-imports-nothing',
      comment: 'The configuration module parses the environment and depends on nothing else of src.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/', pathNot: '^src/config/' },
    },
    {
      name: 'no-cycles',
      comment: 'No module depends on itself through others.',
      severity: 'error',
      from: { path: '^(src|web/src)/' },
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      comment: 'No two folders depend on each other (findings ↔ triage was one): a folder is a layer or a domain, one way.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(src|web/src)/' },
      to: { circular: true },
    },
    {
      name: 'web-reaches-only-the-contract',
      comment: 'The web UI shares the contract with the server and nothing else of src.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/', pathNot: '^src/contract/' },
    },
    {
      name: 'web-takes-api-types-only',
      comment:
        'zod and the request schemas never reach the browser bundle: the web imports the API module and the settings for their types.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^src/contract/(api/|settings\\.ts)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-features-independent',
      comment: 'A web feature imports shared code (components, hooks, lib, api, i18n), never another feature.',
      severity: 'error',
      from: { path: '^web/src/features/([^/]+)/' },
      to: { path: '^web/src/features/', pathNot: '^web/src/features/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
