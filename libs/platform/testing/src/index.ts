export { startTestServices, type TestServices } from './test-services';
export { createTestDatabase, createEmptyDatabase, migrate, databaseEntry, uniqueRedisPrefix, type TestDatabase } from './test-database';
export { createTestPki } from './test-pki';
export { startBuiltService, freePort, type BuiltService } from './built-service';
export { eventually } from './eventually';
