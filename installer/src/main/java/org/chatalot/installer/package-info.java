/**
 * The deployment toolkit: proxy and service configuration renderers, certificate helpers, pre-flight
 * checks and the deployment doctor that the admin app reuses. Built out in the installer issue.
 */
package org.chatalot.installer;
