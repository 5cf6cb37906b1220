/**
 * The TLS and deployment check screen and what it runs. {@link org.chatalot.admin.doctor.DeploymentChecks} is the
 * seam for the installer's doctor: until that is on main, {@link org.chatalot.admin.doctor.BasicChecks} runs the
 * TLS, certificate, health and HSTS checks itself. Reports export as Markdown and JSON; periodic re-checks notify
 * when a result gets worse.
 */
package org.chatalot.admin.doctor;
