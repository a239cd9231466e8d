export { cloneTestDatabase, withDatabase, type TestDatabase, type TestServer } from "./database.ts";
export { startTestServer } from "./server.ts";
