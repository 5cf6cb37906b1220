/**
 * The TLS and deployment check screen and what it runs: {@link org.chatalot.admin.doctor.DoctorChecks} adapts the
 * installer's doctor (the 19 checks of {@code chatalot-install verify}) to
 * {@link org.chatalot.admin.doctor.DeploymentChecks}, which the screen and the {@code check} command use. Reports
 * export as Markdown and JSON; periodic re-checks notify when a result gets worse.
 */
package org.chatalot.admin.doctor;
