/**
 * The deployment doctor: checks a public Chatalot URL from outside, the way browsers and the admin app
 * reach it (DNS, TCP, TLS, redirect, HSTS, HTTP/2, health, WebSocket, body limit, forwarded headers),
 * and reports each finding with evidence and a concrete fix. Plain Java: the admin app and the CLI both
 * call {@link org.chatalot.installer.doctor.Doctor#run}.
 */
package org.chatalot.installer.doctor;
