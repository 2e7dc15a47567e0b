// The module rules `npm run lint` checks (dependency-cruiser). Arrows point one way; see docs/architecture.md.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle ties modules together: neither can change or be tested alone. Break it with an event or a move.',
      from: { path: '^(src|client/src)/' },
      to: { circular: true },
    },
    {
      name: 'support-knows-no-followers',
      severity: 'error',
      comment:
        'support/ is the core the features are built on: routing, the desk (SLA, hours), reports and the survey follow its domain events; it never calls them.',
      from: { path: '^src/support/' },
      to: { path: '^src/(routing|desk|reports|satisfaction)/' },
    },
    {
      name: 'nothing-imports-the-server',
      severity: 'error',
      comment: 'server.ts assembles the process; only main.ts (and the tests and bench that start one) may import it.',
      from: { path: '^src/', pathNot: '^src/main\\.ts$' },
      to: { path: '^src/server\\.ts$' },
    },
    {
      name: 'client-is-not-the-server',
      severity: 'error',
      comment: 'The admin UI talks to the server over GraphQL only; its types come from client/src/gql.',
      from: { path: '^client/' },
      to: { path: '^(src|test|bench)/' },
    },
    {
      name: 'services-know-no-transport',
      severity: 'error',
      comment: 'A service never imports GraphQL, Fastify or ws (STYLE.md): resolvers and routes call services.',
      from: { path: '\\.service\\.ts$' },
      to: { path: '(^src/graphql/|node_modules/(fastify|ws|type-graphql|@apollo)/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|client/src/gql)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
