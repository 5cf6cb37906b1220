/**
 * Test doubles for the admin app: a synchronous task runner, a manual ticker, and a small HTTP server that
 * speaks the admin API's wire contract (shared-model records) for the endpoints main does not serve yet.
 */
package org.chatalot.admin.testing;
