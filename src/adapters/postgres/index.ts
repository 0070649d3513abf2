// order-to-cash/postgres: the ports on PostgreSQL, embedded (PGlite) or a server (pg).
// The drivers are optional peer dependencies that this entry point never imports.
export { postgresInvoiceNumbers, type PostgresInvoiceNumbersOptions } from './postgresInvoiceNumbers.js';
export { type MigratePostgresOptions, type MigratePostgresResult, migratePostgres } from './migratePostgres.js';
export { type PostgresOpenItemsOptions, postgresOpenItems, type PostgresOpenItemRepository } from './postgresOpenItems.js';
export { type PostgresMigration, postgresMigrations } from './postgresMigrations.js';
export {
  postgresAggregateRepository,
  postgresOrderNumbers,
  postgresQuotations,
  postgresReturnOrders,
  postgresSalesOrders,
} from './postgresOrderRepositories.js';
export { type PgPoolLike, type PostgresDriver, type SqlDatabase, type SqlQueryable, sqlDatabase } from './SqlDatabase.js';
