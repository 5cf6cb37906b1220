/**
 * Test helpers shared by every module: finding the external programs end-to-end tests need (nginx,
 * openssl, chromium …), skipping on a developer's box when one is missing but failing when {@code CI=true}.
 */
package org.chatalot.testing;
